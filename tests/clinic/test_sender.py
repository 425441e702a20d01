"""Results travel from each device to the clinic's PostgreSQL: in order, once, whatever fails.

Every fault here is real: the server is stopped and started again, a proxy cuts the
connection after the server committed, two kiosks send at once.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import psycopg
import pytest

from eduapp.core.content.model import Library
from eduapp.core.storage import outbox
from eduapp.core.storage.pg_schema import init
from eduapp.core.storage.postgres import Failure, ServerError
from eduapp.core.storage.sqlite import DB_NAME, MIGRATIONS
from eduapp.core.visit import Visit
from tests.clinic.devices import CuttingProxy, Device, answer_all, wait_until
from tests.pg_cluster import Cluster


@pytest.fixture
def urls(admin_url: str) -> tuple[str, str]:
    report = init(admin_url)
    assert report.device_url and report.clinician_url
    return report.device_url, report.clinician_url


def server_answers(clinician_url: str) -> list[tuple[str, str, int]]:
    """(device, question, try) of every answer on the server, in the order it arrived."""
    with psycopg.connect(clinician_url) as db:
        return [tuple(r) for r in db.execute(  # type: ignore[misc]
            "SELECT d.name, a.question_id, a.try_number FROM eduapp.answers a "
            "JOIN eduapp.quiz_attempts q ON q.id = a.attempt_id "
            "JOIN eduapp.sessions s ON s.id = q.session_id "
            "JOIN eduapp.devices d ON d.id = s.device_id ORDER BY a.n")]


def test_a_visit_reaches_the_server_with_the_devices_name(
        tmp_path: Path, urls: tuple[str, str], library: Library) -> None:
    kiosk = Device(tmp_path / "kiosk", urls[0], "Kiosk 1")
    kiosk.sender.start()
    visit = Visit(kiosk.store, "en")
    given = answer_all(visit, library.for_language("en")[0], wrong_first=1)
    visit.end()

    wait_until(lambda: len(server_answers(urls[1])) == len(given))
    assert server_answers(urls[1]) == [("Kiosk 1", q, 2 if i == len(given) - 1 else 1)
                                       for i, q in enumerate(given)]
    with psycopg.connect(urls[1]) as db:
        row = db.execute("SELECT language, ended_at IS NOT NULL FROM eduapp.sessions").fetchone()
        finished = db.execute("SELECT finished_at IS NOT NULL, stopped "
                              "FROM eduapp.quiz_attempts").fetchone()
    assert row == ("en", True) and finished == (True, False)
    wait_until(lambda: kiosk.sender.state.waiting == 0)
    kiosk.close()


def test_the_server_stopped_mid_quiz_loses_and_doubles_nothing(
        tmp_path: Path, cluster: Cluster, urls: tuple[str, str], library: Library) -> None:
    kiosk = Device(tmp_path / "kiosk", urls[0], "Kiosk 1")
    kiosk.sender.start()
    visit = Visit(kiosk.store, "en")
    seen_down: list[int] = []

    def fault(n: int) -> None:
        if n == 2:
            wait_until(lambda: len(server_answers(urls[1])) == 2)
            cluster.stop()
        if n == 5:  # three answers given while the server was away: each saved at once
            wait_until(lambda: kiosk.sender.state.failure is Failure.UNREACHABLE)
            seen_down.append(outbox.waiting(kiosk.store._db))
            cluster.start()

    given = answer_all(visit, library.for_language("en")[1], wrong_first=2, between=fault)

    assert visit.saving_problem is None  # the patient's device never stopped saving
    assert seen_down and seen_down[0] >= 3
    wait_until(lambda: len(server_answers(urls[1])) == len(given))
    wait_until(lambda: kiosk.sender.state.waiting == 0 and kiosk.sender.state.reachable is True)
    assert [q for _, q, _ in server_answers(urls[1])] == given
    kiosk.close()


def test_a_cut_after_the_servers_commit_sends_again_without_duplicates(
        tmp_path: Path, cluster: Cluster, admin_url: str, library: Library) -> None:
    proxy = CuttingProxy(cluster.port, b"eduapp.deliver")
    report = init(admin_url, host="127.0.0.1")
    assert report.device_url and report.clinician_url
    device_url = report.device_url.replace(f":{cluster.port}/", f":{proxy.port}/") \
        + "?sslmode=disable"
    kiosk = Device(tmp_path / "kiosk", device_url, "Kiosk 1")
    visit = Visit(kiosk.store, "en")
    given = answer_all(visit, library.for_language("en")[0])
    rows = outbox.waiting(kiosk.store._db)

    proxy.armed = True
    with pytest.raises(ServerError):
        kiosk.sender.send_now()

    assert proxy.cuts == 1
    # the server committed everything, the device did not hear it: all still waits here
    assert len(server_answers(report.clinician_url)) == len(given)
    assert outbox.waiting(kiosk.store._db) == rows
    assert kiosk.sender.send_now() == 0  # the server said it holds them: nothing sent twice
    assert outbox.waiting(kiosk.store._db) == 0
    assert [q for _, q, _ in server_answers(report.clinician_url)] == given
    kiosk.close()
    proxy.close()


def test_a_repeated_send_changes_nothing(
        tmp_path: Path, urls: tuple[str, str], library: Library) -> None:
    kiosk = Device(tmp_path / "kiosk", urls[0], "Kiosk 1")
    visit = Visit(kiosk.store, "en")
    answer_all(visit, library.for_language("en")[0])
    rows = outbox.oldest(kiosk.store._db, 1000)
    device = outbox.device_id(kiosk.store._db)
    kiosk.sender.send_now()
    before = server_answers(urls[1])
    with psycopg.connect(urls[0], autocommit=True) as db:
        db.execute("SELECT eduapp.deliver(%s, %s::jsonb)", (device, outbox.as_json(rows)))
    assert server_answers(urls[1]) == before
    kiosk.close()


def test_two_kiosks_and_a_clinician_at_once(
        tmp_path: Path, urls: tuple[str, str], library: Library) -> None:
    given: dict[str, list[str]] = {}

    def patient(name: str, url: str) -> None:
        device = Device(tmp_path / name, url, name)
        device.sender.start()
        visit = Visit(device.store, "en")
        given[name] = [q for module in library.for_language("en")
                       for q in answer_all(visit, module, wrong_first=1)]
        wait_until(lambda: device.sender.state.waiting == 0)
        device.close()

    threads = [threading.Thread(target=patient, args=(name, url)) for name, url in
               (("Kiosk 1", urls[0]), ("Kiosk 2", urls[0]), ("Exam room", urls[1]))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert len(given) == 3
    arrived = server_answers(urls[1])
    assert len(arrived) == sum(len(v) for v in given.values())
    for name, questions in given.items():
        assert [q for device, q, _ in arrived if device == name] == questions


def test_a_visit_code_waiting_since_before_its_rename_reaches_the_server(
        tmp_path: Path, urls: tuple[str, str]) -> None:
    """A device's outbox from before SQLite version 5 held the code as kind "label"; the
    migration renames the rows waiting, and the server still takes "label" from a device
    not yet updated."""
    folder = tmp_path / "kiosk"
    folder.mkdir()
    old = sqlite3.connect(folder / DB_NAME)
    for number in range(4):
        old.executescript(f"BEGIN; {MIGRATIONS[number]}; PRAGMA user_version = {number + 1}; "
                          "COMMIT;")
    session = "00000000-0000-4000-8000-000000000005"
    old.execute("INSERT INTO sessions (started_at, last_active_at, language, uid) "
                "VALUES ('2026-03-14T09:30:00+00:00', '2026-03-14T09:30:00+00:00', 'en', ?)",
                (session,))
    old.executemany("INSERT INTO outbox (kind, body) VALUES (?, ?)", [
        ("session", json.dumps({"id": session, "at": "2026-03-14T09:30:00+00:00",
                                "language": "en"})),
        ("label", json.dumps({"id": session, "label": "V-7"}))])
    old.commit()
    old.close()

    kiosk = Device(folder, urls[0], "Kiosk 1")  # opens, so migrates, the old database
    # (joining then queues the device's history after them: the server ignores repeats)
    assert [r.kind for r in outbox.oldest(kiosk.store._db, 10)][:2] == ["session", "visit_code"]
    kiosk.sender.start()
    wait_until(lambda: kiosk.sender.state.waiting == 0 and kiosk.sender.state.reachable)
    kiosk.close()

    with psycopg.connect(urls[0], autocommit=True) as db:  # an older eduapp's kiosk
        device = "00000000-0000-4000-8000-0000000000aa"
        db.execute("SELECT eduapp.register_device(%s, 'Old kiosk')", (device,))
        other = "00000000-0000-4000-8000-000000000006"
        rows = [{"seq": 1, "kind": "session", "body": {
                    "id": other, "at": "2026-03-14T10:00:00+00:00", "language": "es"}},
                {"seq": 2, "kind": "label", "body": {"id": other, "label": "V-8"}}]
        assert db.execute("SELECT eduapp.deliver(%s, %s::jsonb)",
                          (device, json.dumps(rows))).fetchone() == (2,)
    with psycopg.connect(urls[1]) as db:
        codes = db.execute("SELECT d.name, s.visit_code FROM eduapp.sessions s "
                           "JOIN eduapp.devices d ON d.id = s.device_id ORDER BY s.n").fetchall()
    assert codes == [("Kiosk 1", "V-7"), ("Old kiosk", "V-8")]
