"""Before and after an update: what an installed eduapp keeps in its data folder.

    python scripts/update_check.py make     # with the older eduapp installed
    python scripts/update_check.py verify   # after installing the newer one over it

`make` fills the default data folder as a clinic would (the clinic's own settings copy,
the clinician PIN, and the self-test's sessions, made by the installed app) and writes what
it holds to update-facts.json there; `verify` opens the same folder with the eduapp now
installed and exits 1 unless everything is still there. Run with the installed eduapp's
Python, outside the source tree (scripts/check-install does).
"""

from __future__ import annotations

import json
import subprocess
import sys

from eduapp import version
from eduapp.core.clinic import SETTINGS_FILE, save_settings, with_changes
from eduapp.core.paths import default_data_dir
from eduapp.core.pin import PinLock
from eduapp.core.startup import Options, prepare

CLINIC = "Lakeside Pain Clinic"
PIN = "482915"
FACTS = "update-facts.json"


def facts() -> dict[str, object]:
    """What a clinic would notice if it were lost, read through the installed eduapp."""
    context = prepare(Options())
    store = context.store
    assert store is not None, "the database cannot be opened"
    answers = sum(len(attempt.answers) for session in store.session_ids()
                  for attempt in store.attempts(session))
    found = {"data_dir": str(context.data_dir), "clinic_name": context.settings.name,
             "sessions": len(store.session_ids()), "answers": answers,
             "pin_accepted": PinLock(store).check(PIN) is None}
    context.close()
    return found


def make() -> None:
    data = default_data_dir()
    subprocess.run([sys.executable, "-m", "eduapp", "self-test", "--data-dir", str(data)],
                   check=True, stdout=subprocess.DEVNULL)
    context = prepare(Options())
    # a clinic's own settings, as staff save them: its name and both phone numbers
    save_settings(with_changes(context.settings, {
        "clinic_name": CLINIC, "clinic_phone": "(555) 010-0100",
        "after_hours_phone": "(555) 010-0199"}), data / SETTINGS_FILE)
    assert context.store is not None and PinLock(context.store).choose(PIN) is None
    context.close()
    made = facts()
    (data / FACTS).write_text(json.dumps(made), encoding="utf-8")
    print(f"eduapp {version()} left in {data}: {made}")


def verify() -> int:
    before = json.loads((default_data_dir() / FACTS).read_text(encoding="utf-8"))
    after = facts()
    print(f"eduapp {version()} found: {after}")
    if after != before or not after["sessions"] or after["clinic_name"] != CLINIC:
        print(f"lost in the update: before {before}")
        return 1
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["make"]:
        make()
    else:
        sys.exit(verify())
