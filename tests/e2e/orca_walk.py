"""Module 1 and the clinician workspace walked by keyboard with Orca running; prints, step by
step, what Orca would have said (scripts/orca-walk).

Orca needs no speech synthesizer for this: its debug log lists every utterance as
"SPEECH OUTPUT" with the time it was said, and each utterance is put under the last key
pressed before it. Everything here is bounded in time and stops by itself.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

from eduapp.core.clinic import load_settings
from eduapp.core.content.loader import load_library
from eduapp.core.content.model import Library
from tests.e2e.a11y_bus import ROOT, SYSTEM_PYTHON, desktop, start_app, stop
from tests.e2e.keyboard_user import PIN, KeyboardUser, clinic_folder
from tests.e2e.test_atspi import WALKER, plan_for
from tests.e2e.test_atspi_clinician import Walk, words

SPOKEN = re.compile(r"^(\d\d:\d\d:\d\d\.\d+) - SPEECH OUTPUT: '(.*)'\s*\{'established.*$")
KEY_ECHO = re.compile(r"^(tab|return|space|down|up|left|right|home|escape|shift|left shift|\d)"
                      r" ?$", re.IGNORECASE)
# Orca, with its debug log written line by line: Orca writes it in blocks, so that what it said
# last reached the log late, or never when Orca was stopped while waiting on the app
LINE_BY_LINE = """
import builtins, runpy, shutil, sys
_open = builtins.open
def _open_lines(file, mode="r", *args, **kwargs):
    if mode == "w" and not args and "buffering" not in kwargs:
        kwargs["buffering"] = 1
    return _open(file, mode, *args, **kwargs)
builtins.open = _open_lines
sys.argv[0] = shutil.which("orca")
runpy.run_path(sys.argv[0], run_name="__main__")
"""
Step = tuple[str, str, float]  # the key, where the focus went, when the key was pressed


@contextmanager
def orca(env: dict[str, str], log: Path, home: Path) -> Iterator[None]:
    """Orca listening on `env`'s desktop, its debug log in `log`, until the block ends."""
    env = {**env, "HOME": str(home), "XDG_CONFIG_HOME": str(home), "GSETTINGS_BACKEND": "memory"}
    reader = subprocess.Popen([str(SYSTEM_PYTHON), "-c", LINE_BY_LINE, "--replace", "--disable",
                               "speech", "--disable", "braille", "--debug-file", str(log)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        start = time.monotonic()
        while time.monotonic() - start < 30 and (
                not log.exists() or "SPEECH OUTPUT" not in log.read_text(errors="replace")):
            time.sleep(0.5)  # Orca says its welcome once it is listening
        yield
        time.sleep(3)  # Orca's last utterances reach its log
    finally:
        stop(reader)


def utterances(log: Path) -> list[tuple[float, str]]:
    """What Orca said and when (its log has the time of day), without its echo of keys."""
    now = datetime.now()
    said = []
    for line in log.read_text(errors="replace").splitlines():
        found = SPOKEN.match(line)
        if found and not KEY_ECHO.match(found[2]):
            at = datetime.combine(now.date(), datetime.strptime(found[1], "%H:%M:%S.%f").time())
            if at > now + timedelta(hours=1):  # said before midnight
                at -= timedelta(days=1)
            said.append((at.timestamp(), found[2]))
    return said


def table(steps: list[Step], said: list[tuple[float, str]]) -> str:
    """A Markdown table: each step, and what Orca said after it (before the next one)."""
    rows = ["| # | key | focus | Orca said |", "|---|---|---|---|"]
    for number, (key, focus, at) in enumerate(steps):
        until = steps[number + 1][2] if number + 1 < len(steps) else float("inf")
        words = " / ".join(text for when, text in said if at <= when < until)
        rows.append(f"| {number} | {key} | {focus} | {words.replace('|', '/')} |")
    return "\n".join(rows)


@contextmanager
def screen() -> Iterator[dict[str, str]]:
    """A desktop as a screen-reader user has one: the accessibility bus and a window manager.

    Without a window manager nothing makes the main window active again when the PIN dialog
    closes, and Orca says nothing of focus moves in a window it does not see as active.
    """
    with desktop() as env:
        manager = subprocess.Popen(["openbox", "--sm-disable"], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(1.5)  # openbox takes over the display
            yield env
        finally:
            stop(manager)


def module_one(folder: Path, log: Path, library: Library) -> list[Step]:
    plan, out = folder / "plan.json", folder / "walk.json"
    plan.write_text(json.dumps(plan_for(library.for_language("en")[0])))
    with screen() as env:
        app = start_app(env)
        try:
            with orca({**env, "WALK_QUIET": "2.0"}, log, folder):
                walk = subprocess.run([str(SYSTEM_PYTHON), str(WALKER), str(plan), str(out)],
                                      env={**env, "WALK_QUIET": "2.0"}, capture_output=True,
                                      text=True, timeout=900, check=False)
        finally:
            app.terminate()
            app.wait(timeout=10)
    if walk.returncode:
        print(walk.stdout + walk.stderr, file=sys.stderr)
    return [(s["key"], f"{s['focus'].get('role', '')} {s['focus'].get('name', '')!r}"[:80],
             s["at"]) for s in json.loads(out.read_text()) if s.get("at")]


def clinician(folder: Path, log: Path, library: Library, language: str) -> list[Step]:
    data = clinic_folder(folder / "data", library.for_language(language))
    with screen() as env:
        app = start_app(env, "--data-dir", str(data), "--lang", language, temp=False)
        user = KeyboardUser(env, app.pid, quiet=2.0)
        try:
            with orca(env, log, folder):
                Walk(user, words(language)).run()
        finally:
            user.close()
            app.terminate()
            app.wait(timeout=10)
    return [(keys, f"{h.role} {h.name!r}"[:80], at) for keys, h, at in user.log]


def unlock(folder: Path, log: Path, library: Library,
           language: str) -> tuple[tuple[str, str], int]:
    """Open the workspace with the right PIN and wait for Orca to say the first tab: how long
    that took, what Orca said first, and how many accessible objects the app then exposes."""
    data = clinic_folder(folder / "data", library.for_language(language))
    word = words(language)
    tab = word("ClinicianWorkspace", "Today")
    with screen() as env:
        app = start_app(env, "--data-dir", str(data), "--lang", language, temp=False)
        user = KeyboardUser(env, app.pid, quiet=1.0)
        try:
            with orca(env, log, folder):
                staff = word("MainWindow", "Staff: open clinician mode")
                user.tab_until(lambda h: h.name == staff, limit=12)
                user.press("Return")
                user.type(PIN)
                time.sleep(3)  # Orca done with the dialog, so that only the unlock is timed
                pressed = time.time()
                user.press("Return")
                start = time.monotonic()
                while time.monotonic() - start < 60 and not any(
                        tab in text for when, text in utterances(log) if when >= pressed):
                    time.sleep(0.2)
                objects = user.count()
        finally:
            user.close()
            app.terminate()
            app.wait(timeout=10)
    said = [(when - pressed, text) for when, text in utterances(log) if when >= pressed]
    first = next(((t, text) for t, text in said if tab in text), None)
    heard = " / ".join(f"{t:.1f} s: {text}" for t, text in said[:3])
    return (f"{first[0]:.1f} s" if first else "never", heard), objects


WALKS = ("module-1", "clinician-en", "clinician-es")


def main(log_dir: Path, unlocks: int = 0, walks: tuple[str, ...] = WALKS) -> int:
    resources = ROOT / "resources"
    settings = load_settings(resources, None)
    library = load_library(resources, settings.values, translated=settings.translated)
    log_dir.mkdir(parents=True, exist_ok=True)
    if unlocks:
        print("| language | right PIN to Orca saying the tab | objects after | Orca said |")
        print("|---|---|---|---|")
        for number in range(unlocks):
            for language in ("en", "es"):
                log = log_dir / f"orca-unlock-{language}-{number}.log"
                log.unlink(missing_ok=True)
                with tempfile.TemporaryDirectory() as folder:
                    (until, heard), objects = unlock(Path(folder), log, library, language)
                print(f"| {language} | {until} | {objects} | {heard.replace('|', '/')} |",
                      flush=True)
        return 0
    for name in walks:
        language = name.removeprefix("clinician-") if name != "module-1" else ""
        log = log_dir / f"orca-{name}.log"
        log.unlink(missing_ok=True)
        with tempfile.TemporaryDirectory() as folder:
            steps = (clinician(Path(folder), log, library, language) if language
                     else module_one(Path(folder), log, library))
        print(f"\n## {name}\n\n{table(steps, utterances(log))}")
        print(f"-- Orca's whole debug log: {log}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", nargs="?", default="orca-walk", type=Path,
                        help="where Orca's debug logs are kept")
    parser.add_argument("--unlock", type=int, default=0, metavar="N",
                        help="instead of the walks: open the workspace N times in each "
                             "language and time Orca from the right PIN to the first tab")
    parser.add_argument("--walk", action="append", choices=WALKS,
                        help="only this walk (may be given again); all three by default")
    arguments = parser.parse_args()
    sys.exit(main(arguments.dir.resolve(), arguments.unlock, tuple(arguments.walk or WALKS)))
