"""Saving results: the SQLite store, a patient's Visit on top of it, and opening the database.

What matters to people: an answer is on disk the moment it is given; reopening the app,
however soon, starts a new patient and keeps the last one's results for the care team; a
database the app cannot use never stops the teaching; a damaged database is kept aside,
never deleted. Every test has its own file in
tmp_path (or memory), and time is an injected clock, never a sleep.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from eduapp.core import startup as setup
from eduapp.core.quiz import Answer, QuizSession, Step
from eduapp.core.startup import Notice, NoticeKind, open_store
from eduapp.core.storage.problems import StoreError, StoreProblem
from eduapp.core.storage.sqlite import DB_NAME, SCHEMA_VERSION, Store
from eduapp.core.visit import Visit
from tests.content_fixtures import tiny_module

RIGHT = {"pain-job": {"protect"}, "can-it-change": {"true"},
         "helpful-steps": {"learn", "tell-team"}}


class Clock:
    """A wall clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def _quiz_all_right_except_first(quiz: QuizSession) -> None:
    """Miss pain-job once, get everything else right, finish after its review."""
    quiz.answer({"measure"})
    while True:
        step = quiz.next()
        if step is Step.DONE:
            return
        if step is Step.REVIEW:
            quiz.ask_again()
        quiz.answer(RIGHT[quiz.question.id])


# the store -----------------------------------------------------------------------------

def test_fresh_database_is_migrated_to_the_current_schema(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    store = Store.open(path)
    assert store.version == SCHEMA_VERSION
    store.close()
    with sqlite3.connect(path) as other:
        assert other.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    other.close()


def test_reopening_keeps_data_and_version(tmp_path: Path) -> None:
    store = Store.open(tmp_path / DB_NAME)
    session = store.start_session("en")
    store.close()
    again = Store.open(tmp_path / DB_NAME)
    assert again.version == SCHEMA_VERSION
    assert again.session_ids() == [session]
    again.close()


def test_answer_is_on_disk_the_moment_it_is_given(tmp_path: Path) -> None:
    store = Store.open(tmp_path / DB_NAME)
    attempt = store.start_attempt(store.start_session("en"), "why-pain-lasts", "en")
    store.add_answer(attempt, Answer("pain-job", frozenset({"measure"}), False, 1, 4.2), "alarm")
    # Another program (or the app after a power cut) sees it while the store is still open.
    other = sqlite3.connect(tmp_path / DB_NAME)
    try:
        rows = other.execute("SELECT question_id, objective_id, chosen, right, try_number "
                             "FROM answers").fetchall()
    finally:
        other.close()
        store.close()
    assert rows == [("pain-job", "alarm", "measure", 0, 1)]


def test_attempts_give_back_the_answers_as_given(tmp_path: Path) -> None:
    clock = Clock()
    store = Store.open(tmp_path / DB_NAME, clock=clock)
    session = store.start_session("en")
    attempt = store.start_attempt(session, "why-pain-lasts", "en")
    given = [
        Answer("helpful-steps", frozenset({"learn", "keep-quiet"}), False, 1, 12.5),
        Answer("pain-job", frozenset({"protect"}), True, 1, 3.0),
        Answer("helpful-steps", frozenset({"learn", "tell-team"}), True, 2, 6.1),
    ]
    for answer in given:
        store.add_answer(attempt, answer, "change")
    [unfinished] = store.attempts(session)
    assert unfinished.finished_at is None
    clock.advance(90)
    store.finish_attempt(attempt, stopped=False)
    [done] = store.attempts(session)
    store.close()
    assert done.answers == tuple(given)
    assert (done.module_id, done.language, done.stopped) == ("why-pain-lasts", "en", False)
    assert done.started_at == clock.now - timedelta(seconds=90)
    assert done.finished_at == clock.now


def test_attempts_belong_to_their_own_session(tmp_path: Path) -> None:
    store = Store.open(tmp_path / DB_NAME)
    first, second = store.start_session("en"), store.start_session("en")
    store.add_answer(store.start_attempt(first, "ketamine", "en"),
                     Answer("q", frozenset({"a"}), True, 1, 1.0), "o")
    assert [a.module_id for a in store.attempts(first)] == ["ketamine"]
    assert store.attempts(second) == []
    store.close()


def test_sessions_left_open_are_ended_at_their_last_activity(tmp_path: Path) -> None:
    clock = Clock()
    store = Store.open(tmp_path / DB_NAME, clock=clock)
    ended, left_open = store.start_session("en"), store.start_session("es")
    store.end_session(ended)
    clock.advance(40)
    store.touch_session(left_open)
    last_active = store.sessions_by_id([left_open])[0].last_activity
    clock.advance(600)
    assert store.end_open_sessions() == 1
    rows = {row.id: row for row in store.sessions_by_id()}
    assert rows[left_open].ended_at == last_active  # when the patient was last there
    assert rows[ended].ended_at is not None and rows[ended].ended_at < last_active
    assert store.end_open_sessions() == 0
    store.close()


def test_database_from_a_newer_eduapp_is_refused(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer"):
        Store.open(path)


# the visit -----------------------------------------------------------------------------

def test_visit_keeps_working_when_the_database_fails(tmp_path: Path) -> None:
    store = Store.open(tmp_path / DB_NAME)
    visit = Visit(store, "en")
    assert visit.saving_problem is None
    store.close()  # from now on every write fails
    module = tiny_module()
    quiz = visit.start_quiz(module)
    _quiz_all_right_except_first(quiz)
    results = visit.finish_quiz(quiz)
    assert visit.saving_problem
    status = visit.status(module)
    assert status.done and status.results == results
    assert (results.first_try_right, results.final_right) == (2, 3)
    visit.show_screen(module, module.screens[0])  # reading goes on, too
    visit.end()


def test_visit_without_a_database_says_results_are_not_saved() -> None:
    visit = Visit(None, "en")
    module = tiny_module()
    quiz = visit.start_quiz(module)
    _quiz_all_right_except_first(quiz)
    visit.finish_quiz(quiz)
    assert visit.saving_problem
    assert visit.status(module).done


def test_reopening_at_once_starts_a_new_patient_and_ends_the_last_one(
        tmp_path: Path) -> None:
    """Closed or killed a second after the last answer: the next visit starts clean."""
    store = Store.open(tmp_path / DB_NAME)
    visit = Visit(store, "en")
    quiz = visit.start_quiz(tiny_module())
    _quiz_all_right_except_first(quiz)
    visit.finish_quiz(quiz)
    store.close()  # the app is closed (no visit.end(): a crash or a power cut)
    notices: list[str] = []
    store = open_store(tmp_path, notices)
    assert store is not None
    assert setup.end_open_sessions(store) == 1
    reopened = Visit(store, "en")
    status = reopened.status(tiny_module())
    assert reopened.session_id != visit.session_id
    assert not status.done and status.results is None
    [earlier] = store.attempts(visit.session_id)  # kept for the care team, and ended
    assert len(earlier.answers) == 4
    assert store.sessions_by_id([visit.session_id])[0].ended_at is not None
    assert store.attempts(reopened.session_id) == []
    store.close()


# opening the database at start-up ------------------------------------------------------

def test_damaged_database_is_kept_aside_and_a_fresh_one_works(tmp_path: Path) -> None:
    garbage = bytes(range(256)) * 20
    (tmp_path / DB_NAME).write_bytes(garbage)
    notices: list[Notice] = []
    store = open_store(tmp_path, notices)
    assert store is not None
    [aside] = [p for p in tmp_path.iterdir() if p.name.startswith(f"{DB_NAME}.damaged-")]
    assert aside.read_bytes() == garbage
    assert store.version == SCHEMA_VERSION
    session = store.start_session("en")
    assert store.session_ids() == [session]
    store.close()
    assert notices == [Notice(NoticeKind.DAMAGED_KEPT, aside.name)]


def test_two_damaged_databases_in_the_same_second_are_both_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class FrozenDatetime(datetime):
        @classmethod
        def now(cls, tz: object = None) -> FrozenDatetime:  # type: ignore[override]
            return cls(2025, 3, 14, 9, 30, 0)

    monkeypatch.setattr(setup, "datetime", FrozenDatetime)
    kept = []
    for garbage in (b"first damaged file " * 100, b"second damaged file " * 100):
        (tmp_path / DB_NAME).unlink(missing_ok=True)
        for part in tmp_path.glob(f"{DB_NAME}-*"):
            part.unlink()
        (tmp_path / DB_NAME).write_bytes(garbage)
        store = open_store(tmp_path, [])
        assert store is not None
        store.close()
        kept.append(garbage)
    contents = {p.read_bytes() for p in tmp_path.iterdir() if ".damaged-" in p.name}
    assert set(kept) <= contents


def test_newer_database_is_left_alone_not_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE future (note TEXT)")
        db.execute("INSERT INTO future VALUES ('made by a newer eduapp')")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    notices: list[Notice] = []
    assert open_store(tmp_path, notices) is None
    assert not [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
        assert db.execute("SELECT note FROM future").fetchall() == [("made by a newer eduapp",)]
    db.close()
    assert notices == [Notice(NoticeKind.NOT_SAVING, problem=StoreProblem.NEWER)]


def test_no_data_folder_means_no_store_and_a_notice() -> None:
    notices: list[Notice] = []
    assert open_store(None, notices) is None
    assert notices == [Notice(NoticeKind.NOT_SAVING, problem=StoreProblem.READ_ONLY)]


def test_in_memory_store_is_fresh_each_time() -> None:
    first = Store.open(None)
    first.start_session("en")
    second = Store.open(None)
    assert second.version == SCHEMA_VERSION
    assert second.session_ids() == []
    first.close()
    second.close()

