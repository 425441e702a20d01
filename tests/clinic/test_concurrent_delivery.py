"""Devices delivering at the same moment all succeed, counted once each; a conflict is retried.

Several devices deliver visits that answer the same questions (so they share Questions'
count rows) in opposite orders, all at once: none may fail (a deadlock would), and the
per-day counts must equal the answers held. A real deadlock and a real serialization
failure, caused on the server, are told apart from an unreachable server.
"""

from __future__ import annotations

import json
import threading
import uuid
from datetime import UTC, datetime, timedelta

import psycopg
import pytest

from eduapp.core.storage.pg_schema import init
from eduapp.core.storage.postgres import Failure, classify
from tests.clinic.devices import wait_until

DEVICES = 4
DELIVERIES = 12  # per device, each one visit of two quizzes
QUESTIONS = [f"q{n}" for n in range(8)]
MODULES = ("m1", "m2")


def visit(seq: int, flip: bool) -> list[dict[str, object]]:
    """One visit's outbox rows: a session, a quiz per module, answers to every question
    (in reverse order when `flip`), the first quiz finished and the second left open."""
    at = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    session = str(uuid.uuid4())
    rows: list[dict[str, object]] = [
        {"kind": "session", "body": {"id": session, "at": at, "language": "en"}}]
    for module in (reversed(MODULES) if flip else MODULES):
        quiz = str(uuid.uuid4())
        rows.append({"kind": "attempt", "body": {"id": quiz, "session": session,
                                                  "module": module, "language": "en",
                                                  "at": at}})
        for question in (reversed(QUESTIONS) if flip else QUESTIONS):
            rows.append({"kind": "answer", "body": {
                "id": str(uuid.uuid4()), "attempt": quiz, "question": question,
                "objective": "o1", "chosen": "a", "right": question < "q4", "try": 1,
                "seconds": 2.0, "at": at, "asked_for": None}})
        if module == "m1":
            rows.append({"kind": "finish", "body": {"id": quiz, "at": at, "stopped": False}})
    return [dict(row, seq=seq + n) for n, row in enumerate(rows)]


def test_devices_delivering_at_once_all_succeed_and_are_counted_once(admin_url: str) -> None:
    report = init(admin_url)
    assert report.device_url
    start = threading.Barrier(DEVICES)
    failures: list[BaseException] = []

    def deliver_all(number: int) -> None:
        device = str(uuid.uuid4())
        try:
            with psycopg.connect(report.device_url, autocommit=True) as db:
                db.execute("SELECT eduapp.register_device(%s, %s)", (device, f"Kiosk {number}"))
                start.wait()
                seq = 1
                for delivery in range(DELIVERIES):
                    rows = visit(seq, flip=(number + delivery) % 2 == 1)
                    db.execute("SELECT eduapp.deliver(%s, %s::jsonb)",
                               (device, json.dumps(rows)))
                    seq += len(rows)
        except BaseException as err:  # reported below, with the others
            failures.append(err)

    threads = [threading.Thread(target=deliver_all, args=(n,)) for n in range(DEVICES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)

    assert failures == []
    visits = DEVICES * DELIVERIES
    with psycopg.connect(admin_url) as db:
        counts = db.execute("SELECT module_id, question_id, \"right\", sum(n) "
                            "FROM eduapp.answer_days GROUP BY 1, 2, 3 ORDER BY 1, 2").fetchall()
        assert counts == [(m, q, q < "q4", visits) for m in MODULES for q in QUESTIONS]
        outcomes = db.execute("SELECT module_id, sum(quizzed), sum(unfinished) "
                              "FROM eduapp.outcome_days GROUP BY 1 ORDER BY 1").fetchall()
        assert outcomes == [("m1", visits, 0), ("m2", visits, visits)]


def test_a_deadlock_on_the_server_is_a_conflict_to_try_again_not_an_outage(
        admin_url: str) -> None:
    with psycopg.connect(admin_url, autocommit=True) as db:
        db.execute("CREATE TABLE pair (id int PRIMARY KEY)")
        db.execute("INSERT INTO pair VALUES (1), (2)")
    first, second = (psycopg.connect(admin_url) for _ in range(2))
    first.execute("UPDATE pair SET id = id WHERE id = 1")
    second.execute("UPDATE pair SET id = id WHERE id = 2")
    caught: list[Exception] = []

    def cross() -> None:
        try:
            first.execute("UPDATE pair SET id = id WHERE id = 2")  # waits for `second`
        except psycopg.Error as err:
            caught.append(err)

    thread = threading.Thread(target=cross)
    thread.start()
    with psycopg.connect(admin_url, autocommit=True) as watch:
        wait_until(lambda: watch.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
            "AND datname = current_database()").fetchone() == (1,))
    try:
        second.execute("UPDATE pair SET id = id WHERE id = 1")  # closes the cycle
    except psycopg.Error as err:
        caught.append(err)
    second.rollback()  # the survivor, if it was `first`, can now finish
    thread.join(20)
    first.close()
    second.close()

    [deadlock] = caught
    assert getattr(deadlock, "sqlstate", None) == "40P01"
    assert classify(deadlock).failure is Failure.CONFLICT


def test_a_serialization_failure_is_a_conflict_too(admin_url: str) -> None:
    with psycopg.connect(admin_url, autocommit=True) as db:
        db.execute("CREATE TABLE one (n int)")
        db.execute("INSERT INTO one VALUES (0)")
    with psycopg.connect(admin_url) as reader, psycopg.connect(admin_url, autocommit=True) as other:
        reader.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        reader.execute("SELECT n FROM one").fetchone()  # the snapshot is taken
        other.execute("UPDATE one SET n = 1")
        with pytest.raises(psycopg.Error) as raised:
            reader.execute("UPDATE one SET n = 2")

    assert raised.value.sqlstate == "40001"
    assert classify(raised.value).failure is Failure.CONFLICT
    assert classify(psycopg.OperationalError("server closed the connection")).failure is (
        Failure.UNREACHABLE)
