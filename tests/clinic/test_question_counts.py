"""Questions from the server's per-day counts give what counting the answers themselves gives.

A device records 90 days of demo visits on its own (the real quiz rules), then joins: its
history is sent through the real outbox, sender and delivery function, and the server's
counts must match a copy of the device's SQLite (which counts its rows) over any range. A
copy: a kiosk deletes its own once the server holds it.
"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import psycopg
import pytest

from eduapp.core import analytics, demo
from eduapp.core.content.model import Library, Module
from eduapp.core.storage import outbox
from eduapp.core.storage.clinic_store import ClinicStore
from eduapp.core.storage.pg_schema import init
from eduapp.core.storage.sqlite import DB_NAME, Store
from eduapp.core.visit import Visit
from tests.clinic.devices import Device, answer_all

NOW = datetime.now(UTC)


def ranges(store: Store) -> list[tuple[datetime, datetime]]:
    """All time; the default 90 days (part-days at both ends); local days in another zone;
    four hours around the store's middle answer (no whole day: the answers alone)."""
    stamps = sorted(r.answered_at for r in store.answer_rows())
    middle = datetime.fromisoformat(stamps[len(stamps) // 2])
    zone = ZoneInfo("America/Los_Angeles")
    first, _ = analytics.day_bounds(date.today() - timedelta(days=30), zone)
    _, last = analytics.day_bounds(date.today() - timedelta(days=3), zone)
    return [(NOW - timedelta(days=3650), NOW + timedelta(days=1)),
            (NOW - timedelta(days=90), NOW), (first, last),
            (middle - timedelta(hours=2), middle + timedelta(hours=2))]


def same_questions(clinic: ClinicStore, local: Store, modules: list[Module]) -> None:
    for start, end in ranges(local):
        assert sorted(clinic.first_try_choices(start, end)) == sorted(
            local.first_try_choices(start, end))
        assert sorted(clinic.reask_counts(start, end)) == sorted(local.reask_counts(start, end))
        assert analytics.item_statistics(clinic, modules, start, end) == (
            analytics.item_statistics(local, modules, start, end))


@pytest.fixture
def history(tmp_path: Path, library: Library) -> Path:
    """A lone computer's 90 days: 120 visits, and one today that stopped a quiz and then
    took it again to the end, before it ever joined a clinic."""
    (tmp_path / "kiosk").mkdir()
    store = Store.open(tmp_path / "kiosk" / DB_NAME)
    made = demo.generate_demo_data(store, library.for_language("en"), 120, seed=5,
                                   until=NOW - timedelta(minutes=5))
    assert made.sessions == 120 and made.answers > 1000
    first = library.for_language("en")[0]
    visit = Visit(store, "en")  # a quiz taken again: only the latest one counts
    answer_all(visit, first, wrong_first=2, stop_after=2)
    answer_all(visit, first)
    visit.end()
    store.close()
    shutil.copy(tmp_path / "kiosk" / DB_NAME, tmp_path / "before-joining.db")
    return tmp_path / "kiosk"


def copy_before_joining(history: Path) -> Store:
    """What the device held before it joined (the fixture's copy)."""
    return Store.open(history.parent / "before-joining.db")


def test_questions_on_the_server_match_the_answers_counted_one_by_one(
        history: Path, admin_url: str, library: Library) -> None:
    report = init(admin_url)
    assert report.device_url and report.clinician_url
    modules = library.for_language("en")
    kiosk = Device(history, report.device_url, "Kiosk 1")  # joins: queues its history
    kiosk.sender.send_now()
    clinic = ClinicStore(report.clinician_url)
    local = copy_before_joining(history)

    assert len(clinic.sessions_by_id()) == 121
    same_questions(clinic, local, modules)
    assert clinic.first_try_choices(*ranges(local)[-1])  # the part-day range found answers
    for days_ago in (0, 1, 7, 40):  # Today of other days: the same sessions and scores
        day = date.today() - timedelta(days=days_ago)
        assert [comparable(s) for s in analytics.today(clinic, modules, day)] == [
            comparable(s) for s in analytics.today(local, modules, day)]
    clinic.close()
    local.close()
    kiosk.close()


def test_answers_delivered_again_are_not_counted_twice_and_deleted_ones_uncount(
        history: Path, admin_url: str, library: Library) -> None:
    report = init(admin_url)
    assert report.device_url and report.clinician_url
    modules = library.for_language("en")
    kiosk = Device(history, report.device_url, "Kiosk 1")
    local = kiosk.store._db
    again = [outbox.Row(n, r.kind, r.body) for n, r in enumerate(outbox.oldest(local, 100_000),
                                                                 start=1_000_000)]
    kiosk.sender.send_now()
    device = outbox.device_id(local)
    with psycopg.connect(report.device_url, autocommit=True) as db:  # the same rows, new seqs
        done = db.execute("SELECT eduapp.deliver(%s, %s::jsonb)",
                          (device, outbox.as_json(again))).fetchone()
    assert done == (again[-1].seq,)
    clinic = ClinicStore(report.clinician_url)
    local = copy_before_joining(history)
    same_questions(clinic, local, modules)

    cutoff = NOW - timedelta(days=45)  # retention: a purge on both sides
    with psycopg.connect(admin_url, autocommit=True) as db:
        gone = db.execute("DELETE FROM eduapp.sessions WHERE started_at < %s",
                          (cutoff,)).rowcount
    assert gone == local.purge_older_than(45, now=NOW) > 0
    same_questions(clinic, local, modules)
    clinic.close()
    local.close()
    kiosk.close()


def test_joining_queues_the_history_once_per_server(
        history: Path, admin_url: str, tmp_path: Path) -> None:
    from eduapp.core.storage.membership import join

    report = init(admin_url)
    assert report.device_url
    first = join(history, report.device_url, "Kiosk 1")
    local = Store.open(history / DB_NAME)
    queued = outbox.waiting(local._db)
    again = join(history, report.device_url, "Kiosk 1 (renamed)")

    assert (first.history, again.history) == (121, None)
    assert outbox.waiting(local._db) == queued  # nothing queued twice
    kinds = [r.kind for r in outbox.oldest(local._db, 100_000)]
    assert kinds.count("session") == 121 and kinds.count("end") == 121
    assert kinds.count("answer") == len(list(local.answer_rows()))
    bodies = [json.loads(r.body) for r in outbox.oldest(local._db, 3)]
    assert bodies[0]["id"] == bodies[1]["session"]  # each session before its parts
    local.close()


def comparable(s: analytics.SessionSummary) -> tuple[object, ...]:
    return (s.started_at, s.last_activity, s.visit_code, s.language, s.flagged,
            [(a.module.id, a.results.first_try_percent, a.results.final_percent, a.answers)
             for a in s.attempts])
