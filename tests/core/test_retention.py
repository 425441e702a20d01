"""Data kept for N days: older sessions are deleted with everything they hold.

The clock is injected: sessions are made at chosen ages, then purged relative to a fixed
"now". At start, `setup.prepare` purges by the clinic's `keep_days`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from eduapp.core import startup as setup
from eduapp.core.quiz import Answer
from eduapp.core.storage.sqlite import DB_NAME, Store
from tests.content_fixtures import RESOURCES

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


class Clock:
    """A wall clock the test sets by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def visit(store: Store, clock: Clock, started: datetime) -> int:
    """A session started at `started` with a screen view, a quiz and two answers."""
    clock.now = started
    session = store.start_session("en")
    store.view_screen(session, "why-pain-lasts", "what-is-pain", "en")
    attempt = store.start_attempt(session, "why-pain-lasts", "en")
    store.add_answer(attempt, Answer("pain-job", frozenset({"measure"}), False, 1, 5.0),
                     "hurt-not-harm")
    store.add_answer(attempt, Answer("pain-job", frozenset({"protect"}), True, 2, 4.0),
                     "hurt-not-harm")
    store.finish_attempt(attempt, stopped=False)
    store.end_session(session)
    return session


def counts(path: Path) -> dict[str, int]:
    db = sqlite3.connect(path)
    try:
        return {table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                for table in ("sessions", "quiz_attempts", "answers", "screen_views")}
    finally:
        db.close()


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def db(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    store = Store.open(tmp_path / DB_NAME, clock=clock)
    yield store
    store.close()


def test_only_sessions_older_than_the_days_kept_are_deleted(db: Store, clock: Clock,
                                                            tmp_path: Path) -> None:
    ancient = visit(db, clock, NOW - timedelta(days=400))
    old = visit(db, clock, NOW - timedelta(days=31))
    just_kept = visit(db, clock, NOW - timedelta(days=30) + timedelta(minutes=1))
    recent = visit(db, clock, NOW - timedelta(hours=2))

    deleted = db.purge_older_than(30, now=NOW)

    assert deleted == 2
    assert db.session_ids() == [just_kept, recent]
    assert db.session(ancient) is None and db.session(old) is None
    assert counts(tmp_path / DB_NAME) == {"sessions": 2, "quiz_attempts": 2, "answers": 4,
                                         "screen_views": 2}
    assert [len(a.answers) for a in db.attempts(recent)] == [2]
    assert db.purge_older_than(30, now=NOW) == 0  # nothing more to delete


def test_the_store_clock_is_now_unless_told(db: Store, clock: Clock) -> None:
    visit(db, clock, NOW - timedelta(days=100))
    kept = visit(db, clock, NOW - timedelta(days=10))
    clock.now = NOW
    assert db.purge_older_than(60) == 1
    assert db.session_ids() == [kept]


def test_purge_needs_at_least_one_day(db: Store) -> None:
    with pytest.raises(ValueError, match="at least one day"):
        db.purge_older_than(0)


def test_purge_on_an_empty_database_deletes_nothing(db: Store) -> None:
    assert db.purge_older_than(30, now=NOW) == 0


def test_sessions_older_than_keep_days_are_purged_at_start(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    clock = Clock(now)
    store = Store.open(tmp_path / DB_NAME, clock=clock)
    visit(store, clock, now - timedelta(days=400))  # beyond the default 365 days
    kept = visit(store, clock, now - timedelta(days=45))
    store.close()

    context = setup.prepare(setup.Options(data_dir=tmp_path, resources=RESOURCES))
    assert context.store is not None
    assert context.settings.keep_days == 365
    assert context.store.session_ids() == [kept]
    context.store.close()

    (tmp_path / "clinic.toml").write_text("[app]\nkeep_days = 30\n", encoding="utf-8")
    context = setup.prepare(setup.Options(data_dir=tmp_path, resources=RESOURCES))
    assert context.store is not None
    assert context.settings.keep_days == 30
    assert context.store.session_ids() == []
    context.store.close()
