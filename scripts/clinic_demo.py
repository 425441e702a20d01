"""Two real eduapp windows side by side: a kiosk's answers appear in a clinician's Today.

    .venv/bin/python scripts/clinic_demo.py --out DIR [--display 93] [--answers 3]

Starts, all on this machine and all removed at the end: Xvfb (one 2048x800 screen), a
throw-away PostgreSQL (tests/pg_cluster.py), `eduapp server init`, two data folders joined
with `eduapp connect` (a kiosk, and an exam room with the clinician URL), and the two apps
as a clinic runs them (the clinician's window on the right, the kiosk's on the left).
It opens the clinician's workspace with the keyboard (Staff, a new PIN), then answers the
kiosk's first questions with the keyboard as a patient does (xdotool). It takes a
screenshot at the first question (DIR/first-question.png) and 2 s after each answer
(DIR/answer-N.png), and says how long the server took to hold each answer. Needs
`scripts/setup --test` (Xvfb, xdotool, PostgreSQL). Bounded: every wait has a limit, and
it gives up after 3 minutes.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402

from tests.pg_cluster import Cluster, bin_dir  # noqa: E402

PIN = "2468"
PHONES = '[clinic]\nclinic_phone = "555 0100"\nafter_hours_phone = "555 0199"\n'
WIDTH, HEIGHT = 1020, 800  # each window; the screen is 2048x800


def eduapp(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "eduapp", *args], capture_output=True,
                          text=True, timeout=60, check=True, cwd=ROOT)
    return done.stdout


def answers(db: psycopg.Connection[tuple[int]]) -> int:
    row = db.execute("SELECT count(*) FROM eduapp.answers").fetchone()
    return int(row[0]) if row else 0


def wait_for(what: str, check: Callable[[], object], timeout: float) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.05)
    raise SystemExit(f"gave up waiting for {what}")


class Screen:
    """An Xvfb display and xdotool on it."""

    def __init__(self, display: int) -> None:
        if Path(f"/tmp/.X11-unix/X{display}").exists():
            raise SystemExit(f"display :{display} is in use: choose another with --display")
        self.env = {**os.environ, "DISPLAY": f":{display}", "QT_QPA_PLATFORM": "xcb"}
        self.xvfb = subprocess.Popen(["Xvfb", f":{display}", "-screen", "0", "2048x800x24",
                                      "-nolisten", "tcp"], stderr=subprocess.DEVNULL)
        wait_for("Xvfb", lambda: self.xdotool("getdisplaygeometry").strip() == "2048 800", 10)

    def xdotool(self, *args: str) -> str:
        return subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=10,
                              env=self.env, check=False).stdout

    def window_of(self, pid: int, title: str = "learning") -> str:
        found = wait_for(f"the window '{title}' of process {pid}", lambda: self.xdotool(
            "search", "--all", "--onlyvisible", "--pid", str(pid), "--name", title).split(), 60)
        return str(found[0])  # type: ignore[index]

    def place(self, window: str, x: int) -> None:
        """Size and move a window (there is no window manager to do it) and wait for it."""
        self.xdotool("windowsize", window, str(WIDTH), str(HEIGHT))
        self.xdotool("windowmove", window, str(x), "0")
        wait_for("the window to move", lambda: f"Position: {x},0" in self.xdotool(
            "getwindowgeometry", window), 10)

    def focus(self, window: str) -> None:
        self.xdotool("windowfocus", "--sync", window)

    def keys(self, *keys: str) -> None:
        """Keys to the window with the focus, at a person's pace (the window draws between)."""
        for key in keys:
            self.xdotool("key", key)
            time.sleep(0.15)

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "50", text)

    def shot(self, path: Path) -> None:
        subprocess.run([sys.executable, "-c", GRAB, str(path)], env=self.env, timeout=30,
                       check=True)

    def close(self) -> None:
        self.xvfb.terminate()
        self.xvfb.wait(10)


GRAB = ("import sys\nfrom PySide6.QtGui import QGuiApplication\n"
        "app = QGuiApplication(sys.argv[:1])\n"
        "app.primaryScreen().grabWindow(0).save(sys.argv[1])\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the screenshots")
    parser.add_argument("--display", type=int, default=93)
    parser.add_argument("--answers", type=int, default=3)
    args = parser.parse_args()
    binaries = bin_dir()
    if binaries is None:
        raise SystemExit("PostgreSQL is not installed: scripts/setup --test")
    args.out.mkdir(parents=True, exist_ok=True)
    signal.signal(signal.SIGALRM, lambda *_: sys.exit("gave up after 3 minutes"))
    signal.alarm(180)
    folder = Path(tempfile.mkdtemp(prefix="eduapp-clinic-demo-"))
    cluster = Cluster(binaries)
    screen = Screen(args.display)
    apps: list[subprocess.Popen[bytes]] = []
    try:
        with psycopg.connect(cluster.admin_url(), autocommit=True) as db:
            db.execute("CREATE DATABASE clinic")
        said = eduapp("server", "init", cluster.admin_url("clinic"))
        device_url, clinician_url = re.findall(r"eduapp connect '([^']+)'", said)
        for name, url in (("Kiosk 1", device_url), ("Exam room", clinician_url)):
            data = folder / name.replace(" ", "-").lower()
            data.mkdir()
            (data / "clinic.toml").write_text(PHONES, encoding="utf-8")
            eduapp("connect", url, "--name", name, "--data-dir", str(data))
        for name in ("exam-room", "kiosk-1"):
            apps.append(subprocess.Popen([sys.executable, "-m", "eduapp", "--data-dir",
                                          str(folder / name)], cwd=ROOT, env=screen.env))
        exam, kiosk = (screen.window_of(app.pid) for app in apps)
        screen.place(exam, 2048 - WIDTH)
        screen.place(kiosk, 0)
        # the clinician: Staff (two back from Start), choose a PIN: the workspace, on Today
        screen.focus(exam)
        screen.keys("shift+Tab", "shift+Tab", "Return")
        screen.focus(screen.window_of(apps[0].pid, "Clinician PIN"))
        screen.type(PIN)
        screen.keys("Tab")
        screen.type(PIN)
        screen.keys("Return")  # the PIN is saved; the workspace opens (on Today)
        with psycopg.connect(cluster.admin_url("clinic"), autocommit=True) as db:
            wait_for("the workspace to listen for the clinic's news", lambda: db.execute(
                "SELECT 1 FROM pg_stat_activity WHERE usename = 'clinic_clinician' "
                "AND query LIKE 'LISTEN%'").fetchone(), 60)
        time.sleep(1)  # drawn
        # the patient: Start, the first topic, Next through its screens, then the questions
        from eduapp.core.clinic import load_settings
        from eduapp.core.content.loader import load_library

        settings = load_settings(ROOT / "resources", None)
        first = load_library(ROOT / "resources", settings.values).for_language("en")[0]
        screen.focus(kiosk)
        screen.keys("Return", "Return", *["Return"] * len(first.screens))
        time.sleep(2)
        screen.shot(args.out / "first-question.png")  # the visit is in Today, no answer yet
        with psycopg.connect(clinician_url, autocommit=True) as db:
            for number in range(1, args.answers + 1):
                screen.keys("Tab", "space")  # into the answers; choose the first
                screen.keys("Return")  # Check: the answer is saved now
                given = time.monotonic()
                wait_for(f"answer {number} on the server",
                         lambda n=number: answers(db) >= n, 10)  # type: ignore[misc]
                held = time.monotonic() - given
                time.sleep(max(0.0, 2.0 - (time.monotonic() - given)))
                shot = args.out / f"answer-{number}.png"
                screen.shot(shot)
                print(f"answer {number}: on the server after {held:.2f} s; the screen 2 s "
                      f"after it was given: {shot}", flush=True)
                screen.keys("Return")  # Next question
    finally:
        for app in apps:
            app.terminate()
            app.wait(10)
        screen.close()
        cluster.destroy()
        subprocess.run(["rm", "-rf", str(folder)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
