"""Module 1 walked by keyboard with Orca running; prints what Orca would say (scripts/orca-walk).

Orca needs no speech synthesizer for this: its debug log lists every utterance as
"SPEECH OUTPUT". Everything here is bounded in time and stops by itself.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eduapp.core.clinic import load_settings
from eduapp.core.content.loader import load_library
from tests.e2e.a11y_bus import ROOT, SYSTEM_PYTHON, desktop, start_app
from tests.e2e.test_atspi import WALKER, plan_for

SPOKEN = re.compile(r"SPEECH OUTPUT: '(.*)'")


def main(log_path: Path) -> int:
    resources = ROOT / "resources"
    settings = load_settings(resources, None)
    library = load_library(resources, settings.values, translated=settings.translated)
    with tempfile.TemporaryDirectory() as folder, desktop() as env:
        plan, out = Path(folder) / "plan.json", Path(folder) / "walk.json"
        plan.write_text(json.dumps(plan_for(library.for_language("en")[0])))
        env = {**env, "HOME": folder, "XDG_CONFIG_HOME": folder, "GSETTINGS_BACKEND": "memory",
               "WALK_QUIET": "2.0"}
        app = start_app(env)
        orca = subprocess.Popen(["orca", "--replace", "--disable", "speech", "--disable", "braille",
                                 "--debug-file", str(log_path)], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            start = time.monotonic()
            while time.monotonic() - start < 30 and (
                    not log_path.exists() or "SPEECH OUTPUT" not in log_path.read_text(
                        errors="replace")):
                time.sleep(0.5)  # Orca says its welcome once it is listening
            walk = subprocess.run([str(SYSTEM_PYTHON), str(WALKER), str(plan), str(out)],
                                  env=env, capture_output=True, text=True, timeout=600,
                                  check=False)
            time.sleep(2)  # Orca's last utterances reach its log
        finally:
            for process in (orca, app):
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
    if walk.returncode:
        print(walk.stdout + walk.stderr, file=sys.stderr)
    said = SPOKEN.findall(log_path.read_text(errors="replace"))
    print("\n".join(said))
    print(f"-- {len(said)} utterances; Orca's whole debug log: {log_path}", file=sys.stderr)
    return walk.returncode


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "orca-walk.log").resolve()))
