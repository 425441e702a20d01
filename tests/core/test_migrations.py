"""Databases made by older eduapp versions open with every answer intact.

Each test builds an old database by hand, with the old version's own SQL, fills it as
that version would have, and opens it with today's Store.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from eduapp.core import analytics
from eduapp.core.content.model import Library
from eduapp.core.pin import PinLock
from eduapp.core.quiz import Answer
from eduapp.core.storage.sqlite import DB_NAME, MIGRATIONS, SCHEMA_VERSION, Store

STARTED = "2025-03-14T09:30:00+00:00"


def old_database(path: Path, version: int) -> None:
    """A database as eduapp left it at `version`, with one session's quiz in it."""
    db = sqlite3.connect(path)
    for number in range(version):
        db.executescript(f"BEGIN; {MIGRATIONS[number]}; PRAGMA user_version = {number + 1}; "
                         "COMMIT;")
    if version >= 1:
        db.execute("INSERT INTO sessions (id, started_at, last_active_at, label, language) "
                   "VALUES (7, ?, '2025-03-14T09:41:00+00:00', 'V-77', 'en')", (STARTED,))
        db.execute("INSERT INTO quiz_attempts (id, session_id, module_id, language, started_at, "
                   "finished_at, stopped) VALUES (3, 7, 'why-pain-lasts', 'en', "
                   "'2025-03-14T09:38:00+00:00', '2025-03-14T09:40:00+00:00', 0)")
        answers = [("pain-job", "hurt-not-harm", "measure", 0, 1),
                   ("more-pain-more-damage", "hurt-not-harm", "false", 1, 1),
                   ("helpful-steps", "can-change", "learn,tell-impact,write-questions", 1, 1),
                   ("pain-job", "hurt-not-harm", "protect", 1, 2)]
        for minute, (question, objective, chosen, right, try_number) in enumerate(answers):
            db.execute("INSERT INTO answers (attempt_id, question_id, objective_id, chosen, "
                       "right, try_number, seconds, answered_at) VALUES (3, ?, ?, ?, ?, ?, 5.5, "
                       "?)", (question, objective, chosen, right, try_number,
                              f"2025-03-14T09:3{minute}:30+00:00"))
        if version >= 2:  # version 2 wrote each answer's module
            db.execute("UPDATE answers SET module_id = 'why-pain-lasts'")
        db.execute("INSERT INTO screen_views (session_id, module_id, screen_id, language, "
                   "viewed_at, seconds) VALUES (7, 'why-pain-lasts', 'what-is-pain', 'en', "
                   "?, 12.5)", (STARTED,))
        if version >= 3:  # version 3 gave every row a random id
            for table in ("sessions", "quiz_attempts", "answers", "screen_views"):
                db.execute(f"UPDATE {table} SET uid = lower(hex(randomblob(16)))")
        db.commit()
    db.close()


# What an old database holds, read back today: before version 4 a re-ask was always the
# missed question itself, so its second try stands in for itself.
OLD_ANSWERS = (
    Answer("pain-job", frozenset({"measure"}), False, 1, 5.5),
    Answer("more-pain-more-damage", frozenset({"false"}), True, 1, 5.5),
    Answer("helpful-steps", frozenset({"learn", "tell-impact", "write-questions"}), True, 1, 5.5),
    Answer("pain-job", frozenset({"protect"}), True, 2, 5.5, asked_for="pain-job"))


def test_version_1_database_migrates_with_its_data(tmp_path: Path, library: Library) -> None:
    old_database(tmp_path / DB_NAME, 1)

    store = Store.open(tmp_path / DB_NAME)

    assert store.version == SCHEMA_VERSION == 5
    [attempt] = store.attempts(7)
    assert attempt.answers == OLD_ANSWERS
    assert attempt.finished_at == datetime(2025, 3, 14, 9, 40, tzinfo=UTC)
    assert store.screen_views(7) == [("why-pain-lasts", "what-is-pain", 12.5)]
    row = store.session(7)
    assert row is not None and row.visit_code == "V-77"
    # the old answers count in the new statistics, under their module
    modules = library.for_language("en")
    report = analytics.item_statistics(store, modules, datetime(2025, 3, 14, tzinfo=UTC),
                                       datetime(2025, 3, 15, tzinfo=UTC))
    pain_job = next(s for s in report.questions if s.question.id == "pain-job")
    assert (pain_job.first_tries, pain_job.facility, pain_job.top_wrong) == (1, 0.0, ("measure", 1))
    # and the new tables work
    assert PinLock(store).choose("2468") is None
    store.close()


def test_version_3_answers_gain_what_they_were_asked_for(tmp_path: Path,
                                                        library: Library) -> None:
    old_database(tmp_path / DB_NAME, 3)

    store = Store.open(tmp_path / DB_NAME)

    [attempt] = store.attempts(7)
    assert attempt.answers == OLD_ANSWERS
    assert [r.asked_for for r in store.answer_rows([7])] == ["", "", "", "pain-job"]
    # scored as before: pain-job understood after its review, counted once
    module = next(m for m in library.for_language("en") if m.id == "why-pain-lasts")
    report = analytics.item_statistics(store, [module], datetime(2025, 3, 14, tzinfo=UTC),
                                       datetime(2025, 3, 15, tzinfo=UTC))
    pain_job = next(s for s in report.questions if s.question.id == "pain-job")
    assert (pain_job.first_tries, pain_job.first_try_right) == (1, 0)
    assert (pain_job.reasks, pain_job.reasks_right) == (1, 1)
    store.close()


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_every_older_version_reaches_the_current_one(tmp_path: Path, version: int) -> None:
    old_database(tmp_path / DB_NAME, version)
    store = Store.open(tmp_path / DB_NAME)
    assert store.version == SCHEMA_VERSION
    session = store.start_session("en")
    attempt = store.start_attempt(session, "ketamine", "en")
    store.add_answer(attempt, Answer("at-home", frozenset({"true"}), False, 1, 3.0),
                     "risks-and-goals")
    store.add_answer(attempt, Answer("drive-after", frozenset({"false"}), True, 2, 3.0,
                                     asked_for="at-home"), "risks-and-goals")
    store.close()
    again = Store.open(tmp_path / DB_NAME)  # opening again changes nothing
    assert again.version == SCHEMA_VERSION
    [stored] = again.attempts(session)
    assert stored.module_id == "ketamine"
    assert [(a.question_id, a.asked_for) for a in stored.answers] == [
        ("at-home", ""), ("drive-after", "at-home")]
    assert len(again.session_ids()) == (2 if version >= 1 else 1)
    again.close()


def test_new_answers_carry_their_module(tmp_path: Path) -> None:
    store = Store.open(tmp_path / DB_NAME)
    session = store.start_session("en")
    store.add_answer(store.start_attempt(session, "ketamine", "en"),
                     Answer("at-home", frozenset({"true"}), False, 1, 3.0), "risks-and-goals")
    now = datetime.now(UTC)
    rows = store.first_try_choices(now - timedelta(hours=1), now + timedelta(hours=1))
    store.close()
    assert rows == [("ketamine", "at-home", ("true",), False, 1)]


def test_version_2_rows_get_random_ids_and_an_empty_outbox(tmp_path: Path) -> None:
    old_database(tmp_path / DB_NAME, 2)

    Store.open(tmp_path / DB_NAME).close()

    db = sqlite3.connect(tmp_path / DB_NAME)
    ids = [uuid.UUID(r[0]) for table in ("sessions", "quiz_attempts", "answers", "screen_views")
           for r in db.execute(f"SELECT uid FROM {table}")]
    assert len(ids) == len(set(ids)) == 7 and {i.version for i in ids} == {4}
    assert db.execute("SELECT count(*) FROM outbox").fetchone() == (0,)
    db.close()


def test_version_4_visit_codes_keep_their_value_under_their_one_name(tmp_path: Path) -> None:
    old_database(tmp_path / DB_NAME, 4)
    db = sqlite3.connect(tmp_path / DB_NAME)  # a connected device's changes not yet sent
    db.executemany("INSERT INTO outbox (kind, body) VALUES (?, ?)", [
        ("label", '{"id":"s-7","label":"V-77"}'), ("label", '{"id":"s-7","label":null}'),
        ("end", '{"id":"s-7","at":"2025-03-14T09:41:00+00:00"}')])
    db.commit()
    db.close()

    store = Store.open(tmp_path / DB_NAME)
    row = store.session(7)
    assert row is not None and row.visit_code == "V-77"
    assert store.set_visit_code(7, " V-78 ") == "V-78"
    store.close()

    db = sqlite3.connect(tmp_path / DB_NAME)
    assert [json.loads(b) | {"kind": k} for k, b in
            db.execute("SELECT kind, body FROM outbox ORDER BY seq")] == [
        {"kind": "visit_code", "id": "s-7", "visit_code": "V-77"},
        {"kind": "visit_code", "id": "s-7", "visit_code": None},
        {"kind": "end", "id": "s-7", "at": "2025-03-14T09:41:00+00:00"}]
    assert db.execute("SELECT visit_code FROM sessions WHERE id = 7").fetchone() == ("V-78",)
    db.close()
