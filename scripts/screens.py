"""Every screen in all 48 cases: cut, overlapping, off-window or off-screen controls.

Each language, text size, contrast and window size; in each, every screen the gallery
renders: the kiosk's gate, the PIN dialogs, each clinician tab and its dialogs, every patient
page and quiz state, the printing dialog, results, the idle notice and the messages (see
tests/screen_matrix.py). Prints each problem and a summary; exits 1 if any.

    nice -n 10 .venv/bin/python scripts/screens.py [--jobs 2] [--case "es text2"] [--modules N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SUMMARY = "summary:"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=1,
                        help="split the cases over this many processes")
    parser.add_argument("--case", action="append", default=[], metavar="TEXT",
                        help="only cases whose name has TEXT, e.g. 'es text2' or '800x1280' "
                             "(repeat: all must match)")
    parser.add_argument("--modules", type=int, default=0, help="only the first N modules")
    parser.add_argument("--shard", default="0/1", help=argparse.SUPPRESS)  # K/N: every Nth
    args = parser.parse_args()
    started = time.monotonic()
    if args.jobs > 1:
        cases, screens, failed = in_processes(args)
    else:
        cases, screens, failed = run_cases(args)
    minutes = (time.monotonic() - started) / 60
    if args.shard != "0/1":
        print(f"{SUMMARY} {cases} {screens} {failed}", flush=True)
        return 1 if failed else 0
    print(f"{cases} cases, {screens} screens checked ({minutes:.1f} min): "
          f"{failed} cases with problems")
    return 1 if failed or not cases else 0


def run_cases(args: argparse.Namespace) -> tuple[int, int, int]:
    from eduapp.app import make_application
    from tests.screen_matrix import check_case, every_case

    make_application()
    index, count = (int(part) for part in args.shard.split("/"))
    chosen = [case for case in every_case() if all(text in str(case) for text in args.case)]
    screens = failed = 0
    for case in chosen[index::count]:
        with tempfile.TemporaryDirectory(prefix="eduapp-screens-") as folder:
            outcome = check_case(case, Path(folder), args.modules)
        screens += outcome.screens
        failed += bool(outcome.problems)
        state = "ok" if not outcome.problems else f"{len(outcome.problems)} problems"
        print(f"{case}: {state} ({outcome.screens} screens)", flush=True)
        for problem in outcome.problems:
            print(f"  {problem}", flush=True)
    return len(chosen[index::count]), screens, failed


def in_processes(args: argparse.Namespace) -> tuple[int, int, int]:
    """The same command in `jobs` processes, each every jobs-th case.

    Their lines are printed as they come, their summaries added up.
    """
    lock = threading.Lock()
    totals = [0, 0, 0]

    def run(index: int) -> None:
        command = [sys.executable, __file__, "--shard", f"{index}/{args.jobs}",
                   "--modules", str(args.modules)]
        for text in args.case:
            command += ["--case", text]
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              text=True) as child:
            assert child.stdout is not None
            for line in child.stdout:
                with lock:
                    if line.startswith(SUMMARY):
                        for i, number in enumerate(line.split()[1:]):
                            totals[i] += int(number)
                    else:
                        print(line, end="", flush=True)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(args.jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return totals[0], totals[1], totals[2]


if __name__ == "__main__":
    sys.exit(main())
