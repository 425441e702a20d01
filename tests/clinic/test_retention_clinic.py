"""Retention in clinic mode: the server purges by the clinic's keep_days, and a kiosk keeps
a finished session only until the server holds it (never before: nothing is lost)."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from eduapp.core.clinic import load_settings, with_changes
from eduapp.core.content.model import Library
from eduapp.core.storage.clinic_settings import push_settings
from eduapp.core.storage.pg_schema import init
from eduapp.core.storage.postgres import ServerError
from eduapp.core.visit import Visit
from tests.clinic.devices import Device, answer_all
from tests.clinic.test_sender import server_answers
from tests.content_fixtures import RESOURCES
from tests.pg_cluster import Cluster


@pytest.fixture
def urls(admin_url: str) -> tuple[str, str]:
    report = init(admin_url)
    assert report.device_url and report.clinician_url
    return report.device_url, report.clinician_url


def local_counts(device: Device) -> tuple[int, int]:
    """Sessions and answers this device still holds."""
    db = device.store._db
    return (db.execute("SELECT count(*) FROM sessions").fetchone()[0],
            db.execute("SELECT count(*) FROM answers").fetchone()[0])


def server_sessions(clinician_url: str) -> list[str]:
    with psycopg.connect(clinician_url) as db:
        return [str(r[0]) for r in db.execute("SELECT id FROM eduapp.sessions ORDER BY n")]


def test_a_kiosk_deletes_a_finished_session_once_the_server_holds_it(
        tmp_path: Path, urls: tuple[str, str], library: Library) -> None:
    kiosk = Device(tmp_path / "kiosk", urls[0], "Kiosk 1")
    module = library.for_language("en")[0]
    done = Visit(kiosk.store, "en")
    given = answer_all(done, module, wrong_first=1)
    done.end()
    still_here = Visit(kiosk.store, "en")  # the next patient, not finished
    answer_all(still_here, module, stop_after=2)

    kiosk.sender.send_now()

    assert len(server_answers(urls[1])) == len(given) + 2  # every answer is on the server
    assert local_counts(kiosk) == (1, 2)  # only the unfinished session is left on the kiosk
    still_here.end()
    kiosk.sender.send_now()
    assert local_counts(kiosk) == (0, 0)
    assert len(server_sessions(urls[1])) == 2
    kiosk.close()


def test_nothing_is_deleted_while_the_server_is_away(
        tmp_path: Path, cluster: Cluster, urls: tuple[str, str], library: Library) -> None:
    kiosk = Device(tmp_path / "kiosk", urls[0], "Kiosk 1")
    cluster.stop()
    try:
        visit = Visit(kiosk.store, "en")
        given = answer_all(visit, library.for_language("en")[1], wrong_first=1)
        visit.end()
        with pytest.raises(ServerError):
            kiosk.sender.send_now()
        assert local_counts(kiosk) == (1, len(given))  # the kiosk holds it all
    finally:
        cluster.start()

    kiosk.sender.send_now()

    assert [q for _, q, _ in server_answers(urls[1])] == given  # each once, in order
    assert local_counts(kiosk) == (0, 0)
    kiosk.close()


def test_a_clinician_computer_keeps_its_own_copy(
        tmp_path: Path, urls: tuple[str, str], library: Library) -> None:
    exam = Device(tmp_path / "exam", urls[1], "Exam room")
    visit = Visit(exam.store, "en")
    given = answer_all(visit, library.for_language("en")[0])
    visit.end()

    exam.sender.send_now()

    assert local_counts(exam) == (1, len(given))
    assert len(server_answers(urls[1])) == len(given)
    exam.close()


def test_the_server_deletes_sessions_older_than_the_clinic_keeps_them(
        tmp_path: Path, admin_url: str, urls: tuple[str, str], library: Library) -> None:
    kiosk = Device(tmp_path / "kiosk", urls[0], "Kiosk 1")
    for _ in range(3):
        visit = Visit(kiosk.store, "en")
        answer_all(visit, library.for_language("en")[0], stop_after=1)
        visit.end()
    kiosk.sender.send_now()
    kept, *older = server_sessions(urls[1])
    with psycopg.connect(admin_url, autocommit=True) as db:  # as if they came long ago
        for days, session in zip((200, 40), older, strict=True):
            db.execute("UPDATE eduapp.sessions SET started_at = now() - make_interval(days => "
                       "%s) WHERE id = %s", (days, session))
    kiosk.close()
    again = Device(tmp_path / "kiosk", urls[0], "Kiosk 1")
    again.sender.send_now()  # no retention saved on the server yet: nothing goes
    assert len(server_sessions(urls[1])) == 3
    again.close()
    clinic = with_changes(load_settings(RESOURCES, None), {
        "clinic_phone": "555-0100", "after_hours_phone": "555-0199", "keep_days": "90"})
    assert push_settings(urls[1], clinic)

    later = Device(tmp_path / "kiosk", urls[0], "Kiosk 1")  # the next start of the kiosk
    later.sender.send_now()

    assert server_sessions(urls[1]) == [kept, older[1]]
    with psycopg.connect(admin_url) as db:
        orphans = db.execute("SELECT count(*) FROM eduapp.answers a WHERE NOT EXISTS (SELECT 1 "
                             "FROM eduapp.quiz_attempts q WHERE q.id = a.attempt_id)").fetchone()
    assert orphans == (0,)
    later.close()
