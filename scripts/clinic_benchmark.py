"""Clinic mode measured on a real local PostgreSQL (a throw-away cluster, as the tests use).

    .venv/bin/python scripts/clinic_benchmark.py [--kiosks 10] [--visits 50] [--answers 1000000]
        [--only startup,idle,latency,big,deliver,deliver50]

1. Ten simulated kiosks (one process each) send whole patient visits at once; a clinician's
   listener hears the server announce results and Today is read by the workspace's rule
   (once, 0.2 s after the first news not yet read): how long from an answer being saved
   on its kiosk to its appearance in that Today (95th percentile); the server's time per
   delivery (with the wait for the clinic-wide lock) and in each trigger's function, and
   the time and processor time of each Today read.
2. Today and Questions (the default 90 days, and all time) over 1,000,000 answers copied
   to the server (the server's triggers keep Questions' counts as for a delivery): wall
   time, eduapp's own processor time and the server's execution time; and how long
   `server init` takes to migrate that clinic from schema 6 (--migrate-from).
3. The sender's CPU on an idle kiosk over 30 s.
4. Start-up of a device connected to a clinic, against the bare window (same rule as
   scripts/benchmark.py): the sender connects after the first frame, on its own thread.
5. One kiosk's 10 visits delivered alone, one outbox row per call (`deliver`) and 50
   (`deliver50`): the server's milliseconds per row, the time a delivery holds the lock.
Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eduapp.core import analytics, demo  # noqa: E402
from eduapp.core.clinic import load_settings  # noqa: E402
from eduapp.core.content.loader import load_library  # noqa: E402
from eduapp.core.storage import outbox  # noqa: E402
from eduapp.core.storage.clinic_store import ClinicStore  # noqa: E402
from eduapp.core.storage.listener import Listener  # noqa: E402
from eduapp.core.storage.membership import join  # noqa: E402
from eduapp.core.storage.pg_schema import SCHEMA_VERSION, init, migrate  # noqa: E402
from eduapp.core.storage.postgres import Connection  # noqa: E402
from eduapp.core.storage.sender import Sender  # noqa: E402
from eduapp.core.storage.sqlite import DB_NAME, Store  # noqa: E402
from eduapp.core.visit import Visit  # noqa: E402
from tests.clinic.devices import answer_all  # noqa: E402
from tests.pg_cluster import Cluster, bin_dir  # noqa: E402


def modules():  # type: ignore[no-untyped-def]
    settings = load_settings(ROOT / "resources", None)
    return load_library(ROOT / "resources", settings.values).for_language("en")


def device(folder: Path, url: str, name: str) -> tuple[Store, Sender]:
    join(folder, url, name)
    store = Store.open(folder / DB_NAME)
    connection = Connection.load(folder)
    assert connection is not None
    sender = Sender(folder / DB_NAME, connection)
    store.outbox, store.on_outbox = True, sender.wake
    return store, sender


def kiosk(folder: Path, url: str, name: str, visits: int, pause: float,
          go: multiprocessing.synchronize.Event,  # type: ignore[name-defined]
          given: multiprocessing.sharedctypes.Synchronized) -> None:  # type: ignore[name-defined]
    """One kiosk: `visits` patients, each through every module, an answer every `pause` s."""
    store, sender = device(folder, url, name)
    sender.start()
    content = modules()
    go.wait()
    for _ in range(visits):
        visit = Visit(store, "en")
        for number, module in enumerate(content):
            answered = answer_all(visit, module, wrong_first=number % 2,
                                  between=lambda _n: time.sleep(pause))
            with given.get_lock():
                given.value += len(answered)
        visit.end()
    deadline = time.monotonic() + 120
    while sender.state.waiting and time.monotonic() < deadline:
        time.sleep(0.2)
    sender.stop()
    store.close()


def latency(cluster_url: str, folder: Path, kiosks: int, visits: int, pause: float
            ) -> dict[str, float]:
    with _admin(cluster_url) as db:  # the server's time in each function, for the report
        db.execute(f"ALTER DATABASE {db.info.dbname} SET track_functions = 'all'")
    report = init(cluster_url)
    assert report.device_url and report.clinician_url
    clinic = ClinicStore(report.clinician_url)
    content = modules()
    seen: dict[str, float] = {}  # answer id -> moment it first showed in Today
    stamps: dict[str, float] = {}
    last = [0]
    reads: list[tuple[float, float]] = []  # each Today read: wall and own processor ms

    news = threading.Event()
    done = threading.Event()

    def reader() -> None:
        """Today read by the workspace's rule: 0.2 s after the first news not yet read."""
        while not done.is_set():
            if not news.wait(0.5):
                continue
            time.sleep(0.2)
            news.clear()
            wall, cpu = time.perf_counter(), time.thread_time()
            analytics.today(clinic, content, date.today())  # what the Today tab reads
            reads.append(((time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000))
            now = time.time()
            for uid, n, at in clinic._run(
                    "SELECT id::text, n, answered_at FROM eduapp.answers WHERE n > %s",
                    (last[0],)):
                seen.setdefault(uid, now)
                stamps[uid] = at.timestamp()
                last[0] = max(last[0], n)

    go = multiprocessing.Event()
    given = multiprocessing.Value("i", 0)
    workers = [multiprocessing.Process(target=kiosk, args=(
        folder / f"kiosk{k}", report.device_url, f"Kiosk {k}", visits, pause, go, given))
        for k in range(1, kiosks + 1)]
    for w in workers:  # forked before this process has threads: a lock another thread
        w.start()  # held at the fork would stay locked in the kiosk for ever
    listener = Listener(report.clinician_url, news.set)
    listener.start()
    reading = threading.Thread(target=reader)
    reading.start()
    time.sleep(3)  # every kiosk joined and started
    started = time.time()
    go.set()
    for w in workers:
        w.join()
    elapsed = time.time() - started
    time.sleep(2)
    news.set()  # one last read
    time.sleep(0.5)
    done.set()
    reading.join()
    listener.stop()
    delays = sorted(seen[u] - stamps[u] for u in seen)
    clinic.close()
    return {**server_functions(cluster_url), "today_reads": len(reads),
            "today_read_ms": statistics.median(r[0] for r in reads),
            "today_read_cpu_ms": statistics.median(r[1] for r in reads),
            "kiosks": kiosks, "visits_per_kiosk": visits, "answers_given": given.value,
            "answers": len(delays),
            "seconds": elapsed, "answers_per_s": len(delays) / elapsed,
            "p50_s": statistics.median(delays), "p95_s": delays[int(0.95 * len(delays))],
            "max_s": delays[-1]}


def deliveries(cluster_url: str, folder: Path, visits: int, batch: int) -> dict[str, float]:
    """One device's visits delivered alone, `batch` outbox rows per call: the server's time.

    No other device waits on the clinic-wide lock meanwhile, so each call's time is the
    time it holds that lock: what caps how many rows a second one server takes in.
    """
    with _admin(cluster_url) as db:
        db.execute(f"ALTER DATABASE {db.info.dbname} SET track_functions = 'all'")
    report = init(cluster_url)
    assert report.device_url
    store, _sender = device(folder / f"alone{batch}", report.device_url, "Kiosk alone")
    for _ in range(visits):
        visit = Visit(store, "en")
        for number, module in enumerate(modules()):
            answer_all(visit, module, wrong_first=number % 2)
        visit.end()
    rows = outbox.oldest(store._db, 1_000_000)
    device_id = outbox.device_id(store._db)
    import psycopg

    with psycopg.connect(report.device_url, autocommit=True) as db:
        for start in range(0, len(rows), batch):
            db.execute("SELECT eduapp.deliver(%s, %s::jsonb)",
                       (device_id, outbox.as_json(rows[start:start + batch])))
    store.close()
    time.sleep(1)  # the server's statistics are written within a second
    got = server_functions(cluster_url)
    return {"rows": len(rows), "batch": batch, **got,
            "server_ms_per_row": got["deliver_ms_per_call"] * got["deliveries"] / len(rows)}


def server_functions(cluster_url: str) -> dict[str, float]:
    """The server's time in eduapp's functions (pg_stat_user_functions).

    Deliveries: calls, and milliseconds per call; the triggers' functions: milliseconds of
    their own time in all.
    """
    with _admin(cluster_url) as db:
        rows = db.execute("SELECT funcname, calls, total_time, self_time "
                          "FROM pg_stat_user_functions WHERE schemaname = 'eduapp'").fetchall()
    got: dict[str, float] = {}
    for name, calls, total, own in rows:
        if name == "deliver":
            got.update(deliveries=calls, deliver_ms_per_call=total / calls)
        else:
            got[f"{name}_ms"] = own
    return got


def big_clinic(cluster_url: str, folder: Path, answers: int, since: int
               ) -> dict[str, float]:
    """Today and Questions over `answers` answers on the server (see load_big).

    Also how long `server init` takes to bring that clinic from schema version `since` to
    this one (6: the back-fill of what version 7 keeps for Today and Questions).
    """
    import psycopg

    with psycopg.connect(cluster_url, autocommit=True) as db:
        db.execute("CREATE SCHEMA eduapp")
        migrate(db, since)
    made, copied_s = load_big(cluster_url, folder, answers)
    started = time.time()
    report = init(cluster_url)
    migrated_s = time.time() - started
    assert report.clinician_url and report.version_before == since
    with psycopg.connect(cluster_url, autocommit=True) as db:
        db.execute("VACUUM ANALYZE")
    return {"answers": made.answers, "sessions": made.sessions, "copy_s": copied_s,
            f"migrate_{since}_to_{SCHEMA_VERSION}_s": migrated_s,
            **read_times(report.clinician_url)}


def load_big(cluster_url: str, folder: Path, answers: int) -> tuple[demo.DemoCounts, float]:
    """Demo sessions (the real quiz rules, with screen views) made locally, copied with COPY.

    COPY, not the outbox: delivering a year of a busy clinic's history row by row would time
    the delivery, which the latency run measures; this part times the clinician's reads.
    The server's triggers keep what Today and Questions read, as for a delivery (big_clinic
    copies at the previous schema version, then lets `init` migrate, as a clinic updating
    eduapp would).
    """
    folder.mkdir(parents=True, exist_ok=True)
    store = Store.open(folder / "big.db")
    # until the end of today: Today holds a whole day's sessions at any hour of the run
    until = datetime.combine(date.today(), dtime(23, 59)).astimezone()
    made = demo.generate_demo_data(store, modules(), answers=answers, days=365, seed=3,
                                   until=until)
    local = store._db
    with _admin(cluster_url) as db:
        device = "00000000-0000-4000-8000-000000000001"
        db.execute("INSERT INTO eduapp.devices (id, name) VALUES (%s, 'Kiosk 1')", (device,))
        tables = (
            ("sessions (id, device_id, started_at, last_active_at, ended_at, visit_code, language)",
             f"SELECT uid, '{device}', started_at, last_active_at, ended_at, visit_code, language "
             "FROM sessions ORDER BY id"),
            ("quiz_attempts (id, session_id, module_id, language, started_at, finished_at, "
             "stopped)", "SELECT q.uid, s.uid, q.module_id, q.language, q.started_at, "
             "q.finished_at, q.stopped = 1 FROM quiz_attempts q JOIN sessions s "
             "ON s.id = q.session_id ORDER BY q.id"),
            ('answers (id, attempt_id, module_id, question_id, objective_id, chosen, "right", '
             "try_number, seconds, answered_at, asked_for)", "SELECT a.uid, q.uid, "
             "a.module_id, a.question_id, a.objective_id, a.chosen, a.right = 1, "
             "a.try_number, a.seconds, a.answered_at, a.asked_for FROM answers a "
             "JOIN quiz_attempts q ON q.id = a.attempt_id ORDER BY a.id"),
            ("screen_views (id, session_id, module_id, screen_id, language, viewed_at, "
             "seconds)", "SELECT v.uid, s.uid, v.module_id, v.screen_id, v.language, "
             "v.viewed_at, v.seconds FROM screen_views v JOIN sessions s "
             "ON s.id = v.session_id ORDER BY v.id"),
        )
        started = time.time()
        for target, query in tables:
            with db.cursor().copy(f"COPY eduapp.{target} FROM STDIN") as copy:
                for row in local.execute(query):
                    copy.write_row(row)
        copied_s = time.time() - started
        db.execute("VACUUM ANALYZE")
    store.close()
    return made, copied_s


def read_times(clinician_url: str, rounds: int = 11) -> dict[str, float]:
    """Today (first and again), and Questions over 90 days and all time: median ms of each.

    Of wall time, of eduapp's own processor time, and of the server's execution of its
    queries (EXPLAIN ANALYZE of each query the read sent, run again after it).
    """
    content = modules()
    clinic = ClinicStore(clinician_url)
    now = datetime.now(UTC)

    def first_today() -> object:  # as a workspace opening: nothing kept from a read before
        clinic._answers.clear()
        return analytics.today(clinic, content, date.today())

    reads: dict[str, Callable[[], object]] = {
        "today": first_today,
        "today_again": lambda: analytics.today(clinic, content, date.today()),
        "questions_90_days": lambda: analytics.item_statistics(
            clinic, content, now - timedelta(days=90), now),
        "questions_all": lambda: analytics.item_statistics(
            clinic, content, now - timedelta(days=3650), now)}
    times: dict[str, list[float]] = {}
    for _ in range(rounds):
        for name, read in reads.items():
            wall, cpu = time.perf_counter(), time.process_time()
            read()
            times.setdefault(f"{name}_ms", []).append((time.perf_counter() - wall) * 1000)
            times.setdefault(f"{name}_cpu_ms", []).append((time.process_time() - cpu) * 1000)
            times.setdefault(f"{name}_server_ms", []).append(server_ms(clinic, read))
    shown = len(analytics.today(clinic, content, date.today()))
    clinic.close()
    return {"today_sessions": shown, **{k: statistics.median(v) for k, v in times.items()}}


def server_ms(clinic: ClinicStore, read: Callable[[], object]) -> float:
    """The server's execution time (ms) of the queries `read` sends, by EXPLAIN ANALYZE."""
    sent: list[tuple[str, tuple[object, ...]]] = []
    run = clinic._run

    def spy(sql: str, params: tuple[object, ...]) -> list[Any]:
        sent.append((sql, params))
        return run(sql, params)

    clinic._run = spy  # type: ignore[method-assign]
    try:
        read()
    finally:
        clinic._run = run  # type: ignore[method-assign]
    return sum(float(run("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params)[0][0][0]
                     ["Execution Time"]) for sql, params in sent)


def _admin(url: str):  # type: ignore[no-untyped-def]
    import psycopg

    return psycopg.connect(url, autocommit=True)


def idle_cpu(cluster_url: str, folder: Path, seconds: float) -> dict[str, float]:
    report = init(cluster_url)
    assert report.device_url
    store, sender = device(folder / "idle", report.device_url, "Idle kiosk")
    sender.start()
    time.sleep(2)  # connected, nothing to send
    before, wall = resource.getrusage(resource.RUSAGE_SELF), time.time()
    time.sleep(seconds)
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    sender.stop()
    store.close()
    return {"seconds": time.time() - wall, "cpu_s": cpu,
            "cpu_percent": 100 * cpu / (time.time() - wall)}


def startup_connected(cluster_url: str, folder: Path, pairs: int) -> dict[str, float]:
    """Start to first frame: bare window, a lone device, a connected device, alternated."""
    from scripts.benchmark import BARE, run_child

    report = init(cluster_url)
    assert report.device_url
    data = folder / "connected"
    join(data, report.device_url, "Kiosk 1")
    argvs = {"bare": [sys.executable, "-c", BARE],
             "lone": [sys.executable, "-m", "eduapp", "--temp-data", "--quit-when-ready"],
             "connected": [sys.executable, "-m", "eduapp", "--data-dir", str(data),
                           "--quit-when-ready"]}
    times: dict[str, list[float]] = {name: [] for name in argvs}
    for argv in argvs.values():
        run_child(argv)  # warm the file cache
    for _ in range(pairs):
        for name, argv in argvs.items():
            times[name].append(run_child(argv)[0])
    got = {f"{name}_s": statistics.median(t) for name, t in times.items()}
    return {**got, "lone_ratio": got["lone_s"] / got["bare_s"],
            "connected_ratio": got["connected_s"] / got["bare_s"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kiosks", type=int, default=10)
    parser.add_argument("--visits", type=int, default=50)
    parser.add_argument("--pause", type=float, default=0.05,
                        help="seconds between one kiosk's answers (a real patient: 5 to 30)")
    parser.add_argument("--answers", type=int, default=1_000_000)
    parser.add_argument("--migrate-from", type=int, default=6,
                        help="the schema version the big clinic is copied at, then migrated")
    parser.add_argument("--idle", type=float, default=30.0)
    parser.add_argument("--pairs", type=int, default=10)
    parser.add_argument("--only", default="startup,idle,latency,big,deliver,deliver50",
                        help="the parts to run, comma-separated (default: all)")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmark-clinic.json")
    args = parser.parse_args()
    binaries = bin_dir()
    if binaries is None:
        raise SystemExit("PostgreSQL is not installed: scripts/setup --test")
    cluster = Cluster(binaries)
    folder = Path(tempfile.mkdtemp(prefix="eduapp-clinic-bench-"))
    results: dict[str, dict[str, float]] = {}
    try:
        import psycopg

        with psycopg.connect(cluster.admin_url(), autocommit=True) as db:
            for name in ("latency", "big", "idle", "start", "alone", "alone50"):
                db.execute(f"CREATE DATABASE {name}")
        parts = {"startup": lambda: startup_connected(cluster.admin_url("start"), folder,
                                                      args.pairs),
                 "idle": lambda: idle_cpu(cluster.admin_url("idle"), folder, args.idle),
                 "latency": lambda: latency(cluster.admin_url("latency"), folder, args.kiosks,
                                            args.visits, args.pause),
                 "big": lambda: big_clinic(cluster.admin_url("big"), folder, args.answers,
                                           args.migrate_from),
                 "deliver": lambda: deliveries(cluster.admin_url("alone"), folder, 10, 1),
                 "deliver50": lambda: deliveries(cluster.admin_url("alone50"), folder, 10, 50)}
        for name in args.only.split(","):
            results[name] = parts[name]()
            print(f"{name}:", results[name], "load average:", os.getloadavg(), flush=True)
    finally:
        cluster.destroy()
        shutil.rmtree(folder, ignore_errors=True)  # the kiosks' data, the big clinic's copy
    args.json.write_text(json.dumps({"when": datetime.now().isoformat(timespec="seconds"),
                                     "cpus": os.cpu_count(), **results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
