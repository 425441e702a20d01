"""Measure eduapp against the floor: a bare PySide6 window, alternated in the same run.

    .venv/bin/python scripts/benchmark.py [--pairs 10] [--json benchmark.json]

Prints a table and writes it as JSON. Not part of the test suite: timings belong here, not in
tests. Budgets (DESIGN.md): start-up at most 1.5x and peak memory at most 1.6x the bare window;
screen turn and quiz feedback under 16 ms and module open under 50 ms (medians); 500 patient
sessions through idle resets grow memory by under 5 MB with no growth in live Qt objects; the
clinician dashboard and question statistics over 100,000 answers under 100 ms; the one-folder
bundle at most 145 MB.

Wall-clock times are what a patient waits; on a shared machine they also hold the time other
programs had the processor. So each time is shown with the processor time eduapp itself used
(for start-up: up to the first frame, both programs alike), and the load average is printed.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
class First(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not hasattr(self, "done"):
            self.done = True
            print(f"first frame at {time.time():.4f} cpu {time.process_time():.4f}",
                  flush=True)
            QTimer.singleShot(0, app.quit)
        return False
first = First()
window.installEventFilter(first)
window.show()
sys.exit(app.exec())
"""


def run_child(argv: list[str]) -> tuple[float, float, float | None, float]:
    """Seconds to the first painted frame, peak RSS (MiB), seconds to "loaded", processor time.

    Processor time: what the child had used at its first frame. Loaded: eduapp's content,
    database and every page, loaded just after the first frame.
    """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # measure what an installed app runs: compiled bytecode, not source compiled every start
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.time()
    child = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True)
    assert child.stdout is not None
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{argv} failed with {status}")
    # "first frame at WHEN cpu SECONDS"
    moments = {moment: line.split()[len(moment.split()) + 1:] for line in output.splitlines()
               for moment in ("first frame", "loaded") if line.startswith(f"{moment} at ")}
    first, loaded = moments["first frame"], moments.get("loaded")
    return (float(first[0]) - started, usage.ru_maxrss / 1024,
            None if loaded is None else float(loaded[0]) - started, float(first[2]))


def startup(pairs: int) -> dict[str, float]:
    python = sys.executable
    app_argv = [python, "-m", "eduapp", "--temp-data", "--quit-when-ready"]
    bare_argv = [python, "-c", BARE]
    subprocess.run([python, "-m", "compileall", "-q", str(ROOT / "eduapp")], check=True)
    run_child(app_argv)  # warm the file cache for both
    run_child(bare_argv)
    app_t, app_m, app_l, app_c, bare_t, bare_m, bare_c = [], [], [], [], [], [], []
    for _ in range(pairs):
        t, m, _, c = run_child(bare_argv)
        bare_t.append(t)
        bare_m.append(m)
        bare_c.append(c)
        t, m, loaded, c = run_child(app_argv)
        app_t.append(t)
        app_m.append(m)
        app_l.append(loaded or 0.0)
        app_c.append(c)
    return {"app_s": statistics.median(app_t), "bare_s": statistics.median(bare_t),
            "app_cpu_s": statistics.median(app_c), "bare_cpu_s": statistics.median(bare_c),
            "app_loaded_s": statistics.median(app_l),
            "app_mib": statistics.median(app_m), "bare_mib": statistics.median(bare_m)}


def rss_mib() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def in_process(repeats: int, sessions: int) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from eduapp.app import build_window, make_application
    from eduapp.commands.driver import PatientDriver
    from eduapp.core.startup import Options, prepare

    context = prepare(Options(temp_data=True))
    app = make_application()
    window = build_window(context)
    window.apply_theme()
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    flow = window.flow
    driver = PatientDriver(window)
    driver.start()
    module = context.modules[0]

    cpu: dict[str, list[float]] = {"open": [], "turn": [], "feedback": []}

    def timed(action, kind: str) -> float:  # the handler and the repaint it causes
        started, processor = time.perf_counter(), time.process_time()
        action()
        window.repaint()
        app.processEvents()
        cpu[kind].append((time.process_time() - processor) * 1000)
        return (time.perf_counter() - started) * 1000

    opens, turns, feedback = [], [], []
    for _ in range(repeats):
        flow.show_modules()
        app.processEvents()
        opens.append(timed(lambda: flow.open_module(module.id), "open"))
        for _ in module.screens[:-1]:
            turns.append(timed(flow.screen_page.next.emit, "turn"))
        flow.start_quiz()
        app.processEvents()
        question = flow.quiz.question
        feedback.append(timed(lambda q=question: flow.quiz_page.submitted.emit(q.correct_ids),
                              "feedback"))

    # many patients, each reset by the idle timer's handler
    def one_patient() -> None:
        driver.start()
        driver.open_module(module)
        driver.read_all(module)
        driver.take_quiz(module, wrong_first={module.questions[0].id})
        window.start_over()
        settle()

    def settle() -> None:  # what returning to the event loop does: posted events, deletions
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    window.start_over()
    for _ in range(20):  # let caches and pools settle before measuring growth
        one_patient()
    gc.collect()
    before_mib, before_objects = rss_mib(), len(QApplication.allWidgets())
    for _ in range(sessions):
        one_patient()
    gc.collect()
    app.processEvents()
    after_mib, after_objects = rss_mib(), len(QApplication.allWidgets())
    return {"module_open_ms": statistics.median(opens), "screen_turn_ms": statistics.median(turns),
            "quiz_feedback_ms": statistics.median(feedback),
            "cpu_ms": {kind: statistics.median(times) for kind, times in cpu.items()},
            "sessions": sessions,
            "session_growth_mib": after_mib - before_mib,
            "widgets_before": before_objects, "widgets_after": after_objects}


def clinician(answers: int) -> dict[str, float]:
    from eduapp.core import analytics, demo
    from eduapp.core.clinic import load_settings
    from eduapp.core.content.loader import load_library
    from eduapp.core.storage.sqlite import Store

    settings = load_settings(ROOT / "resources", None)
    modules = load_library(ROOT / "resources", settings.values).for_language("en")
    folder = Path(tempfile.mkdtemp(prefix="eduapp-bench-"))
    store = Store.open(folder / "eduapp.db")
    demo.generate_demo_data(store, modules, answers=answers, seed=7)
    today = datetime.now(UTC)
    dash, items = [], []
    for _ in range(21):
        started = time.perf_counter()
        analytics.today(store, modules, date.today())
        dash.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        analytics.item_statistics(store, modules, today - timedelta(days=3650), today)
        items.append((time.perf_counter() - started) * 1000)
    store.close()
    return {"answers": answers, "dashboard_ms": statistics.median(dash),
            "question_stats_ms": statistics.median(items)}


def bundle_mib() -> float | None:
    folder = ROOT / "dist" / "eduapp"
    if not folder.is_dir():
        return None
    # links (PyInstaller links Qt's libraries into place) are counted once, as `du` does
    return sum(p.lstat().st_size for p in folder.rglob("*")
               if p.is_file() and not p.is_symlink()) / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--sessions", type=int, default=500)
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--json", type=Path, default=ROOT / "benchmark.json")
    args = parser.parse_args()
    load_before = os.getloadavg()
    start = startup(args.pairs)
    inproc = in_process(args.repeats, args.sessions)
    clin = clinician(args.answers)
    size = bundle_mib()
    load_after = os.getloadavg()
    turn_cpu = inproc["cpu_ms"]
    rows = [
        ("start to first frame", f"{start['app_s'] * 1000:.0f} ms vs {start['bare_s'] * 1000:.0f}"
         f" ms bare", start["app_s"] / start["bare_s"], "<= 1.5x"),
        ("  processor time to first frame", f"{start['app_cpu_s'] * 1000:.0f} ms vs "
         f"{start['bare_cpu_s'] * 1000:.0f} ms bare", start["app_cpu_s"] / start["bare_cpu_s"],
         "(same budget)"),
        ("start to everything loaded", f"{start['app_loaded_s'] * 1000:.0f} ms", None,
         "(no budget)"),
        ("peak memory", f"{start['app_mib']:.0f} MiB vs {start['bare_mib']:.0f} MiB bare",
         start["app_mib"] / start["bare_mib"], "<= 1.6x"),
        ("screen turn (median)", f"{inproc['screen_turn_ms']:.1f} ms "
         f"(processor {turn_cpu['turn']:.1f} ms)", None, "< 16 ms"),
        ("quiz feedback (median)", f"{inproc['quiz_feedback_ms']:.1f} ms "
         f"(processor {turn_cpu['feedback']:.1f} ms)", None, "< 16 ms"),
        ("module open (median)", f"{inproc['module_open_ms']:.1f} ms "
         f"(processor {turn_cpu['open']:.1f} ms)", None, "< 50 ms"),
        (f"{inproc['sessions']} patients through idle resets",
         f"{inproc['session_growth_mib']:+.1f} MiB, widgets {inproc['widgets_before']}"
         f" -> {inproc['widgets_after']}", None, "< 5 MB, no growth"),
        (f"dashboard, {clin['answers']:,} answers", f"{clin['dashboard_ms']:.1f} ms", None,
         "< 100 ms"),
        (f"question statistics, {clin['answers']:,} answers",
         f"{clin['question_stats_ms']:.1f} ms", None, "< 100 ms"),
        ("one-folder bundle",
         f"{size:.0f} MiB ({size * 2**20 / 1e6:.0f} MB)" if size else "not built (scripts/build)",
         None, "<= 145 MB"),
    ]
    machine = f"{platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    load = (f"load average (1, 5, 15 min) {' '.join(f'{x:.2f}' for x in load_before)} at the "
            f"start, {' '.join(f'{x:.2f}' for x in load_after)} at the end")
    print(f"eduapp benchmark, {datetime.now():%Y-%m-%d %H:%M}, {machine}")
    print(load)
    print(f"{'measure':42} {'result':42} {'ratio':>6}  budget")
    for name, result, ratio, budget in rows:
        print(f"{name:42} {result:42} {f'{ratio:.2f}' if ratio else '':>6}  {budget}")
    args.json.write_text(json.dumps({"when": datetime.now().isoformat(timespec="seconds"),
                                     "machine": machine, "load": load, "startup": start,
                                     "in_process": inproc,
                                     "clinician": clin, "bundle_mib": size}, indent=2))
    print(f"written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
