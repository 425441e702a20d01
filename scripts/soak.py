"""Soak: a stream of patients at a real kiosk window, for N minutes, with restarts.

    .venv/bin/python scripts/soak.py --minutes 30 [--speech speechd|mock] [--seed N]
    .venv/bin/python scripts/soak.py --setup      # the Debian packages it needs (as root)
    .venv/bin/python scripts/soak.py --cage       # only: the built app full screen under cage

Runs `eduapp --kiosk` (the real start-up, `eduapp.app.run`) under Xvfb with the openbox
window manager and drives it through X like people would: taps on what is on screen and
anywhere, keys (Tab, Return, Escape, digits...), short and long pauses (a short idle time,
so idle resets happen), read-aloud (speech-dispatcher with espeak-ng and no sound device: it
never says it has finished), and restarts (killed, terminated, or closed with the PIN). It
samples the app's memory and fails on a crash, a traceback or error in the log, memory
growth over 10 MB within one run of the app (from its second minute on, after clinician mode
was opened once: that alone loads about 15 MB, once), or any page that shows an earlier patient's
data after a wipe or a restart. A probe inside the app (this file's PROBE) checks that after
every wipe and restart, and lists the buttons on screen so the taps hit something.

`--clinic` joins the kiosk to a throw-away PostgreSQL (scripts/setup --test installs it) and
stops that server at random (a clean stop or a crash) for 15 to 60 s every 1 to 3 minutes,
besides the restarts. At the end, with the server up and the outbox empty, every session,
quiz and answer the kiosk holds must be on the server, each answer once and in the order
given, with the same ended sessions. The kiosk joins with the clinician URL so that it keeps
its own copy to compare with (a kiosk's role forgets what the server holds:
tests/clinic/test_kiosk_restart_clinic.py covers that).

`--purposeful 0.6` makes most actions those of a patient who means to get through (a topic,
an answer, Next, Check), so that quizzes are answered; random taps and keys stay in the mix.

`--cage` starts the built app (`scripts/build`) with `--kiosk` under `cage` (the kiosk Wayland
compositor, headless backend) as the README's Linux recipe does, and checks that its window
covers the whole output. Not part of the test suite, like the benchmark: it takes minutes and
needs packages CI does not install. Packages: `--setup`
installs xvfb openbox xdotool speech-dispatcher speech-dispatcher-espeak-ng espeak-ng cage
xwayland x11-utils. `--code DIR` runs another copy of the source (e.g. `git archive` of a
commit), so the tree can change while a soak runs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PACKAGES = ["xvfb", "openbox", "xdotool", "speech-dispatcher", "speech-dispatcher-espeak-ng",
            "espeak-ng", "cage", "xwayland", "x11-utils"]
PIN = "482916"
SCREEN = (1280, 800)
MEMORY_LIMIT_MB = 10.0
# what a patient who means to learn taps (--purposeful): a topic, an answer, and onward
ONWARD_KINDS = {"ModuleCard", "ChoiceButton"}
ONWARD = {"Start", "Next", "Start the quiz", "Check my answer", "Ask me again",
          "See my results", "Back to all topics"}

# Runs inside the app's process: the real start-up, plus a probe that reports and checks.
PROBE = r'''
import faulthandler, json, os, sys, time
from functools import partial
from pathlib import Path
faulthandler.enable(all_threads=True)
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication
import eduapp.app as app_module
from eduapp.core.startup import Options

data, out = Path(sys.argv[1]), Path(sys.argv[2])
idle, countdown = float(sys.argv[3]), int(sys.argv[4])
app_module.WindowSettings = partial(app_module.WindowSettings, countdown_seconds=countdown)
seen_file = out / "sessions.txt"
problems = out / "violations.txt"
made = app_module.build_window


def say(kind, text):
    with problems.open("a", encoding="utf-8") as f:
        f.write(f"{time.strftime('%H:%M:%S')} {os.getpid()} {kind}: {text}\n")


class Probe(QObject):
    def __init__(self, window, context):
        super().__init__(window)
        self.window, self.context = window, context
        self.settings = window.settings
        self.session = None
        self.ready = False  # the driver waits for the restart check before any input
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.report)
        self.timer.start(250)
        window.flow.page_changed.connect(lambda page: QTimer.singleShot(0, self.page))
        # checked the moment the wipe is done (connected after it), before any later input
        if window.idle is not None:
            window.idle.reset.connect(partial(self.clean, "idle reset"))
        finished = getattr(window.flow, "finished", None) or window.flow.module_list.finished
        finished.connect(partial(self.clean, "I am finished"))
        window.first_frame.connect(lambda: QTimer.singleShot(300, partial(self.clean, "restart")))

    def report(self):
        """The buttons a person could tap now, in screen coordinates, for the driver."""
        if not self.ready:
            return
        modal = QApplication.activeModalWidget() or QApplication.activePopupWidget()
        top = modal or self.window
        buttons = []
        for b in top.findChildren(QAbstractButton):
            if b.isVisible() and b.isEnabled() and b.window() is top:
                c = b.mapToGlobal(b.rect().center())
                buttons.append([c.x(), c.y(), b.accessibleName() or b.text(), type(b).__name__])
        g = self.window.geometry()
        state = {"buttons": buttons, "modal": type(modal).__name__ if modal else "",
                 "geometry": [g.x(), g.y(), g.width(), g.height()],
                 "full_screen": self.window.isFullScreen(),
                 "screen": list(self.window.screen().geometry().getRect()),
                 "speech": self.window.speech.state, "pid": os.getpid(), "time": time.time()}
        tmp = out / "state.tmp"
        tmp.write_text(json.dumps(state), encoding="utf-8")
        tmp.replace(out / "state.json")

    def page(self):
        flow = self.window.flow
        visit = flow.visit
        if visit is None or visit.session_id == self.session or visit.session_id == 0:
            return
        self.session = visit.session_id
        earlier = seen_file.read_text().split() if seen_file.exists() else []
        if str(visit.session_id) in earlier:
            say("SHARED SESSION", f"session {visit.session_id} was already used")
        with seen_file.open("a") as f:
            f.write(f"{visit.session_id}\n")
        if flow.stack.currentWidget() is flow.module_list:
            shown = [c.badge.text() for c in flow.module_list.cards if c.badge.isVisible()]
            if shown:
                say("EARLIER RESULTS", f"a new patient's topic list shows {shown}")

    def clean(self, when):
        """After a wipe or a restart: nothing of anyone before may be on show or reachable."""
        w, flow = self.window, self.window.flow
        found = []
        if flow.stack.currentWidget() is not flow.welcome:
            found.append("not the welcome page")
        if flow.visit is not None:
            found.append("a visit is still open")
        if (w.language, w.text_step, w.high_contrast) != (
                self.settings.language, self.settings.text_step, self.settings.high_contrast):
            found.append(f"language, text, contrast: {w.language} {w.text_step} {w.high_contrast}")
        others = [type(t).__name__ for t in QApplication.topLevelWidgets()
                  if t.isVisible() and t is not w]
        if others:
            found.append(f"still open: {others}")
        if w.speech.state != "idle":
            found.append(f"read-aloud {w.speech.state}")
        if flow._screen_page is not None and flow._screen_page.heading.text():
            found.append(f"a screen is kept: {flow._screen_page.heading.text()}")
        if flow._quiz_page is not None and flow._quiz_page.choices:
            found.append("a question and its choices are kept")
        if flow._results_page is not None and flow._results_page.objective_rows:
            found.append("results are kept")
        if flow._module_list is not None:
            shown = [c.badge.text() for c in flow._module_list.cards if c.badge.isVisible()]
            if shown:
                found.append(f"topic cards show {shown}")
        for problem in found:
            say("NOT WIPED", f"after {when}: {problem}")
        with (out / "wipes.txt").open("a") as f:
            f.write(f"{when}\n")
        if not self.ready and when == "restart":
            self.warm_up()
        self.ready = True

    def warm_up(self):
        """Open clinician mode and a print dialog once: what they load once is no leak."""
        import eduapp.ui.pin_dialog as pin_dialog
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self.window)
        dialog.show()
        QApplication.processEvents()
        dialog.reject()
        dialog.deleteLater()

        asks = pin_dialog.ask_for_pin
        pin_dialog.ask_for_pin = lambda parent, store: True
        try:
            self.window.show_workspace()
            QApplication.processEvents()
            self.window.leave_workspace()
        finally:
            pin_dialog.ask_for_pin = asks


def build(context, **kwargs):
    window = made(context, **kwargs)
    Probe(window, context)
    return window


app_module.build_window = build
sys.exit(app_module.run(Options(data_dir=data), kiosk=True, idle_timeout=idle))
'''


def setup() -> int:
    """Install the Debian packages the soak needs."""
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True)
    subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends",
                    *PACKAGES], check=True, env={**os.environ,
                                                 "DEBIAN_FRONTEND": "noninteractive"})
    return 0


def free_display() -> int:
    number = 90
    while Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists():
        number += 1
    return number


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def set_pin(data: Path) -> None:
    """The staff set-up a kiosk needs before patient screens start: a PIN, phone numbers."""
    sys.path.insert(0, str(ROOT))
    from eduapp.core.pin import PinLock
    from eduapp.core.storage.sqlite import DB_NAME, Store

    data.mkdir(parents=True, exist_ok=True)
    store = Store.open(data / DB_NAME)
    lock = PinLock(store)
    if not lock.is_set():
        lock.choose(PIN)
    store.close()
    settings = data / "clinic.toml"
    if not settings.exists():
        settings.write_text('[clinic]\nclinic_phone = "555-0100"\n'
                            'after_hours_phone = "555-0199"\n', encoding="utf-8")


class ClinicServer:
    """--clinic: a throw-away PostgreSQL the kiosk is joined to, stopped and started at random."""

    def __init__(self, data: Path, rng: random.Random) -> None:
        sys.path.insert(0, str(ROOT))
        from eduapp.core.storage.membership import join
        from eduapp.core.storage.pg_schema import init
        from tests.pg_cluster import Cluster, bin_dir

        binaries = bin_dir()
        if binaries is None:
            raise SystemExit("PostgreSQL is not installed: scripts/setup --test")
        self.rng = rng
        self.cluster = Cluster(binaries)
        report = init(self.cluster.admin_url())
        assert report.clinician_url
        self.url = report.clinician_url
        join(data, self.url, "Soak kiosk")
        self.up = True
        self.cuts: list[str] = []
        self.next_change = time.time() + rng.uniform(60, 180)

    def tick(self) -> None:
        """Stop the server, or start it again, when its time has come."""
        if time.time() < self.next_change:
            return
        if self.up:
            mode = self.rng.choice(["fast", "immediate"])  # immediate: as a crash
            self.cluster.stop(mode)
            self.cuts.append(f"{time.strftime('%H:%M:%S')} stopped ({mode})")
            self.next_change = time.time() + self.rng.uniform(15, 60)
        else:
            self.cluster.start()
            self.cuts.append(f"{time.strftime('%H:%M:%S')} started")
            self.next_change = time.time() + self.rng.uniform(60, 180)
        self.up = not self.up

    def settle(self, database: Path, quiet_seconds: float, timeout: float = 180) -> bool:
        """Server up, then wait until the outbox stayed empty for `quiet_seconds`."""
        if not self.up:
            self.cluster.start()
            self.cuts.append(f"{time.strftime('%H:%M:%S')} started for the final check")
            self.up = True
        deadline, empty_since = time.time() + timeout, None
        while time.time() < deadline:
            if waiting_rows(database) == 0:
                empty_since = empty_since or time.time()
                if time.time() - empty_since >= quiet_seconds:
                    return True
            else:
                empty_since = None
            time.sleep(0.5)
        return False

    def differences(self, database: Path) -> tuple[dict[str, int], list[str]]:
        """What the kiosk holds and the server does not, or holds otherwise."""
        import psycopg

        local = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            mine = {"sessions": dict(local.execute(
                        "SELECT uid, ended_at IS NOT NULL FROM sessions")),
                    "answers": answers_by_quiz(local.execute(
                        "SELECT q.uid, a.uid FROM answers a JOIN quiz_attempts q "
                        "ON q.id = a.attempt_id ORDER BY a.id"))}
        finally:
            local.close()
        with psycopg.connect(self.url) as db:
            theirs = {"sessions": {str(k): v for k, v in db.execute(
                          "SELECT id, ended_at IS NOT NULL FROM eduapp.sessions")},
                      "answers": answers_by_quiz(db.execute(
                          "SELECT attempt_id::text, id::text FROM eduapp.answers ORDER BY n"))}
        found = []
        for uid, ended in mine["sessions"].items():
            if uid not in theirs["sessions"]:
                found.append(f"session {uid} is not on the server")
            elif bool(theirs["sessions"][uid]) != bool(ended):
                found.append(f"session {uid}: ended {bool(ended)} here, "
                             f"{bool(theirs['sessions'][uid])} on the server")
        for quiz, answers in mine["answers"].items():
            if theirs["answers"].get(quiz) != answers:
                found.append(f"quiz {quiz}: {len(answers)} answers here, "
                             f"{len(theirs['answers'].get(quiz, []))} on the server "
                             "(or in another order)")
        counts = {"sessions": len(mine["sessions"]),
                  "answers": sum(map(len, mine["answers"].values())),
                  "server answers": sum(map(len, theirs["answers"].values()))}
        return counts, found

    def destroy(self) -> None:
        self.cluster.destroy()


def waiting_rows(database: Path) -> int:
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return int(db.execute("SELECT count(*) FROM outbox").fetchone()[0])
    finally:
        db.close()


def answers_by_quiz(rows: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    quizzes: dict[str, list[str]] = {}
    for quiz, answer in rows:
        quizzes.setdefault(str(quiz), []).append(str(answer))
    return quizzes


class Soak:
    """One soak run: the X server, the window manager, the app (restarted), the driver."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.rng = random.Random(args.seed)
        self.work = Path(args.out or tempfile.mkdtemp(prefix="eduapp-soak-"))
        self.work.mkdir(parents=True, exist_ok=True)
        self.data = self.work / "data"
        self.display = f":{free_display()}"
        self.env = {**os.environ, "DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb",
                    "PYTHONPATH": args.code or ""}
        if args.speech != "system":
            self.env["EDUAPP_SPEECH_ENGINE"] = args.speech
        self.env.pop("WAYLAND_DISPLAY", None)
        self.runs: list[dict[str, object]] = []
        self.failures: list[str] = []
        self.actions = 0
        self.pin_typed = 0.0
        self.app: subprocess.Popen[bytes] | None = None
        self.samples: list[tuple[float, float]] = []
        self.server: ClinicServer | None = None
        self.clinic: dict[str, object] = {}

    def xdo(self, *argv: str) -> None:
        subprocess.run(["xdotool", *argv], env=self.env, check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10)

    def start_app(self) -> None:
        run = len(self.runs) + 1
        err = (self.work / f"app-{run}.stderr").open("wb")
        self.app = subprocess.Popen(
            [PYTHON, "-X", "faulthandler", "-c", PROBE, str(self.data), str(self.work),
             str(self.args.idle), str(self.args.countdown)],
            cwd=self.args.code or ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=err)
        self.samples = []
        self.runs.append({"run": run, "pid": self.app.pid, "started": time.time()})
        deadline = time.time() + 60
        while time.time() < deadline:
            state = self.state()
            if state and state.get("pid") == self.app.pid:
                return
            if self.app.poll() is not None:
                break
            time.sleep(0.2)
        self.fail(f"run {run}: the app did not show its window (exit {self.app.poll()})")

    def state(self) -> dict[str, object] | None:
        try:
            return json.loads((self.work / "state.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def fail(self, text: str) -> None:
        print("FAIL:", text, flush=True)
        self.failures.append(text)

    def end_run(self, how: str) -> None:
        """End the app: killed, terminated, or closed by staff with the PIN."""
        app = self.app
        assert app is not None
        code = app.poll()
        if code is None:
            if how == "pin":
                self.xdo("key", "Escape")
                time.sleep(1.0)
                self.xdo("type", "--delay", "60", PIN)
                self.xdo("key", "Return")
                try:
                    code = app.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    how = "kill"  # a dialog was in the way: a power cut instead
            if how != "pin":
                app.send_signal(signal.SIGKILL if how == "kill" else signal.SIGTERM)
                code = app.wait(timeout=30)
        else:
            self.fail(f"run {len(self.runs)}: the app ended by itself with exit code {code}")
        self.record_memory(how)
        expected = {"kill": -signal.SIGKILL, "term": -signal.SIGTERM, "pin": 0}.get(how)
        if code is not None and code != expected and app.poll() is not None and how != "crash":
            self.fail(f"run {len(self.runs)}: ended with exit code {code} after '{how}'")
        self.runs[-1].update({"ended": how, "exit": code})

    def record_memory(self, how: str) -> None:
        run = self.runs[-1]
        t0 = float(run["started"])  # type: ignore[arg-type]
        early = [mb for t, mb in self.samples if 60 <= t - t0 <= 120]
        late = [mb for _, mb in self.samples[-6:]]
        if early and late and self.samples[-1][0] - t0 > 180:
            growth = statistics.median(late) - statistics.median(early)
            run["memory_mb"] = [round(statistics.median(early), 1),
                                round(statistics.median(late), 1), round(growth, 1)]
            if growth > MEMORY_LIMIT_MB:
                self.fail(f"run {run['run']}: memory grew {growth:.1f} MB")
        if self.samples:
            run["peak_mb"] = round(max(mb for _, mb in self.samples), 1)
        run["minutes"] = round((time.time() - t0) / 60, 1)

    def act(self) -> None:
        """One thing a person might do."""
        state = self.state() or {}
        buttons = state.get("buttons") or []
        roll = self.rng.random()
        self.actions += 1
        if buttons and self.rng.random() < self.args.purposeful:
            onward = [b for b in buttons if b[3] in ONWARD_KINDS or b[2] in ONWARD]  # type: ignore[index]
            if onward:
                x, y = self.rng.choice(onward)[:2]  # type: ignore[index]
                self.xdo("mousemove", str(x), str(y), "click", "1")
                time.sleep(self.rng.uniform(0.05, 0.4))
                return
        if roll < 0.62 and buttons:
            x, y, name = self.rng.choice(buttons)[:3]  # type: ignore[index]
            if "Staff" in str(name) and self.rng.random() < 0.7:
                return  # patients rarely press Staff
            self.xdo("mousemove", str(x), str(y), "click", "1")
        elif roll < 0.70:
            self.xdo("mousemove", str(self.rng.randrange(SCREEN[0])),
                     str(self.rng.randrange(SCREEN[1])), "click", "1")
        elif roll < 0.86:
            if state.get("modal") == "PinDialog" and self.rng.random() < 0.3:
                right = self.rng.random() < 0.3
                if right:
                    self.pin_typed = time.time()  # after Escape, the right PIN closes the app
                self.xdo("type", "--delay", "40", PIN if right else "1111")
                self.xdo("key", "Return")
                return
            key = self.rng.choice(["Tab", "Tab", "shift+Tab", "space", "Return", "Escape",
                                   "Left", "Right", "Up", "Down", "1", "2", "a", "Page_Down",
                                   "ctrl+q", "alt+F4", "F1"])
            self.xdo("key", key)
        elif roll < 0.995:
            time.sleep(self.rng.uniform(0.3, 3.0))
        else:  # a patient walks away: the idle notice, then the reset
            time.sleep(self.args.idle + self.args.countdown + self.rng.uniform(1, 4))
        time.sleep(self.rng.uniform(0.05, 0.4))

    def check_logs(self) -> None:
        for path in sorted(self.work.glob("app-*.stderr")):
            text = path.read_text(encoding="utf-8", errors="replace")
            if "Traceback" in text or "Fatal Python error" in text or "Segmentation" in text:
                self.fail(f"{path.name}: {text[-3000:]}")
        for path in sorted((self.data / "logs").glob("eduapp.log*")):
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                if " ERROR " in line or " CRITICAL " in line or "Traceback" in line:
                    self.fail(f"log: {line}")
        violations = self.work / "violations.txt"
        if violations.exists():
            for line in violations.read_text(encoding="utf-8").splitlines():
                self.fail(f"privacy: {line}")

    def run(self) -> int:
        set_pin(self.data)
        if self.args.clinic:
            self.server = ClinicServer(self.data, self.rng)
        xvfb = subprocess.Popen(["Xvfb", self.display, "-screen", "0",
                                 f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wm = None
        try:
            time.sleep(1.5)
            wm = subprocess.Popen(["openbox", "--sm-disable"], env=self.env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(1.0)
            self.loop()
        finally:
            if self.app is not None and self.app.poll() is None:
                self.app.kill()
                self.app.wait()
            for process in (wm, xvfb):
                if process is not None:
                    process.terminate()
                    process.wait(timeout=10)
            if self.server is not None:
                self.server.destroy()
        self.check_logs()
        return self.report()

    def loop(self) -> None:
        end = time.time() + self.args.minutes * 60
        self.start_app()
        next_restart = time.time() + self.rng.uniform(*self.args.restart_every) * 60
        next_sample = time.time()
        while time.time() < end:
            assert self.app is not None
            if self.app.poll() is not None:
                staff = self.app.returncode == 0 and time.time() - self.pin_typed < 20
                if not staff:
                    self.fail(f"run {len(self.runs)}: the app died (exit {self.app.returncode})")
                self.record_memory("pin" if staff else "crash")
                self.runs[-1].update({"ended": "pin typed" if staff else "crash",
                                      "exit": self.app.returncode})
                self.start_app()
            if time.time() >= next_sample:
                mb = rss_mb(self.app.pid)
                if mb is not None:
                    self.samples.append((time.time(), mb))
                next_sample = time.time() + 5
            if time.time() >= next_restart:
                self.end_run(self.rng.choice(["kill", "term", "pin"]))
                self.start_app()
                next_restart = time.time() + self.rng.uniform(*self.args.restart_every) * 60
                continue
            if self.server is not None:
                self.server.tick()
            self.act()
        if self.server is not None:
            self.check_clinic()
        self.end_run("pin")

    def check_clinic(self) -> None:
        """Server up and the outbox empty: the server holds what the kiosk holds, in order."""
        assert self.server is not None
        from eduapp.core.storage.sqlite import DB_NAME

        database = self.data / DB_NAME
        # past an idle reset of the last patient, which ends a session (one more row to send)
        quiet = self.args.idle + self.args.countdown + 3
        if not self.server.settle(database, quiet):
            self.fail(f"the outbox still held {waiting_rows(database)} rows 3 minutes after "
                      "the server came back")
        counts, found = self.server.differences(database)
        for problem in found:
            self.fail(f"clinic: {problem}")
        self.clinic = {**counts, "server cuts": self.server.cuts}

    def report(self) -> int:
        wipes = (self.work / "wipes.txt").read_text().split("\n") if (
            self.work / "wipes.txt").exists() else []
        sessions = (self.work / "sessions.txt").read_text().split() if (
            self.work / "sessions.txt").exists() else []
        summary = {"minutes": self.args.minutes, "seed": self.args.seed, "speech": self.args.speech,
                   "actions": self.actions, "runs": self.runs, "patients": len(sessions),
                   "idle resets": wipes.count("idle reset"),
                   "I am finished": wipes.count("I am finished"),
                   "restarts checked": wipes.count("restart"),
                   **({"clinic": self.clinic} if self.args.clinic else {}),
                   "failures": self.failures,
                   "folder": str(self.work)}
        (self.work / "soak.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
        print(json.dumps(summary, indent=2))
        print("SOAK", "FAILED" if self.failures else "PASSED")
        return 1 if self.failures else 0


CAGE_SESSION = """
"$APP" --kiosk --data-dir "$DATA" &
sleep "$WAIT"
xdpyinfo > "$OUT/display.txt"
xwininfo -root -tree > "$OUT/windows.txt"
kill $!
"""


def cage_check(args: argparse.Namespace) -> int:
    """Start the built app with --kiosk under cage (headless); 0 when it covers the output.

    The clinic's own recipe (README, Linux): cage shows one app; eduapp runs on its Xwayland
    (QT_QPA_PLATFORM=xcb). The X window tree there shows the window's size and the screen's.
    """
    app = Path(args.app or ROOT / "dist" / "eduapp" / "eduapp")
    if not app.is_file():
        print(f"{app} does not exist: run scripts/build first, or give --app", file=sys.stderr)
        return 2
    work = Path(args.out or tempfile.mkdtemp(prefix="eduapp-cage-"))
    work.mkdir(parents=True, exist_ok=True)
    data = work / "data"
    set_pin(data)
    runtime = Path(tempfile.mkdtemp(prefix="xdg-"))
    runtime.chmod(0o700)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update({"XDG_RUNTIME_DIR": str(runtime), "WLR_BACKENDS": "headless",
                "WLR_LIBINPUT_NO_DEVICES": "1", "WLR_RENDERER": "pixman",
                "QT_QPA_PLATFORM": "xcb", "EDUAPP_SPEECH_ENGINE": "mock", "APP": str(app),
                "DATA": str(data), "OUT": str(work), "WAIT": "12", "HOME": str(work)})
    argv = ["cage", "--", "sh", "-c", CAGE_SESSION]
    if os.geteuid() == 0:  # cage refuses to run as root, as a kiosk session should
        import pwd

        user = pwd.getpwnam(args.cage_user)
        for path in (work, runtime, *work.rglob("*")):
            os.chown(path, user.pw_uid, user.pw_gid)
        argv = ["runuser", "-u", args.cage_user, "--", *argv]
    try:
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, timeout=90, check=False,
                       stderr=(work / "cage.stderr").open("wb"))
    finally:
        shutil.rmtree(runtime, ignore_errors=True)
    try:
        display = (work / "display.txt").read_text(encoding="utf-8")
        windows = (work / "windows.txt").read_text(encoding="utf-8")
    except OSError:
        print(f"cage did not run the session; see {work / 'cage.stderr'}")
        return 1
    screen = re.search(r"dimensions:\s+(\d+x\d+) pixels", display)
    ours = [line.strip() for line in windows.splitlines() if "learning about your care" in line]
    sizes = [re.search(r"\)\s+(\d+x\d+)\+", line) for line in ours]
    found = [m.group(1) for m in sizes if m]
    print(json.dumps({"screen": screen.group(1) if screen else None, "eduapp windows": ours,
                      "folder": str(work)}, indent=2))
    full = bool(screen) and bool(found) and all(size == screen.group(1) for size in found)
    print("CAGE", "FULL SCREEN" if full else "NOT FULL SCREEN")
    return 0 if full else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--idle", type=float, default=4.0, help="idle seconds before the notice")
    parser.add_argument("--countdown", type=int, default=3, help="the notice's countdown")
    parser.add_argument("--restart-every", type=float, nargs=2, default=(3.0, 7.0),
                        metavar=("MIN", "MAX"), help="minutes between restarts")
    parser.add_argument("--speech", default="system",
                        help="speech engine: system (speech-dispatcher), mock, or another name")
    parser.add_argument("--purposeful", type=float, default=0.0,
                        help="share of actions that tap a topic, an answer or onward "
                             "(default 0; e.g. 0.6 for patients who reach the quizzes)")
    parser.add_argument("--clinic", action="store_true",
                        help="join a throw-away PostgreSQL and stop it at random")
    parser.add_argument("--code", help="run the eduapp source in this folder instead")
    parser.add_argument("--out", help="folder for the logs, data and soak.json")
    parser.add_argument("--setup", action="store_true", help="install the Debian packages")
    parser.add_argument("--cage", action="store_true", help="only check full screen under cage")
    parser.add_argument("--app", help="the built eduapp for --cage (default dist/eduapp/eduapp)")
    parser.add_argument("--cage-user", default="nobody", help="who runs cage when run as root")
    args = parser.parse_args()
    if args.setup:
        return setup()
    if args.cage:
        return cage_check(args)
    missing = [tool for tool in ("Xvfb", "openbox", "xdotool") if shutil.which(tool) is None]
    if missing:
        print(f"missing {', '.join(missing)}: run scripts/soak.py --setup", file=sys.stderr)
        return 2
    return Soak(args).run()


if __name__ == "__main__":
    sys.exit(main())
