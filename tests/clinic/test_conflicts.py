"""A deadlock or serialization failure at the server is a conflict, tried again at once.

The deadlock is real: a second connection holds this kiosk's row on the server while the
kiosk's delivery holds the clinic-wide delivery lock, then asks for that lock too. The
kiosk's delivery is the one PostgreSQL undoes; everything still arrives once, in order, and
the kiosk never reports the server unreachable.
"""

from __future__ import annotations

import logging
from pathlib import Path

import psycopg
import pytest

from eduapp.core.content.model import Library
from eduapp.core.storage import outbox
from eduapp.core.storage.pg_schema import init, role_names
from eduapp.core.storage.postgres import Failure, ServerError, classify
from eduapp.core.storage.sender import CONFLICT_TRIES, SenderState
from eduapp.core.visit import Visit
from tests.clinic.devices import Device, answer_all, wait_until
from tests.clinic.test_sender import server_answers


@pytest.fixture
def urls(admin_url: str) -> tuple[str, str]:
    report = init(admin_url)
    assert report.device_url and report.clinician_url
    return report.device_url, report.clinician_url


def device_waits_on_a_lock(admin: psycopg.Connection, role: str) -> bool:
    row = admin.execute("SELECT count(*) FROM pg_stat_activity WHERE usename = %s "
                        "AND wait_event_type = 'Lock'", (role,)).fetchone()
    return row is not None and row[0] >= 1


def test_a_real_deadlock_is_retried_at_once_and_delivers_everything_once_in_order(
        tmp_path: Path, admin_url: str, urls: tuple[str, str], library: Library,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="eduapp.core.storage.sender")
    kiosk = Device(tmp_path / "kiosk", urls[0], "Kiosk 1", first_wait=30.0)
    states: list[SenderState] = []
    kiosk.sender.on_change = states.append
    kiosk.sender.start()
    wait_until(lambda: kiosk.sender.state.reachable is True)  # connected, nothing to send
    device = outbox.device_id(kiosk.store._db)
    role = role_names(str(psycopg.conninfo.conninfo_to_dict(admin_url)["dbname"]))[0]

    with psycopg.connect(admin_url, autocommit=True) as watch, \
            psycopg.connect(admin_url) as other:
        other.execute("SET deadlock_timeout = '60s'")  # the kiosk's check comes first
        other.execute("SELECT 1 FROM eduapp.devices WHERE id = %s FOR UPDATE", (device,))
        visit = Visit(kiosk.store, "en")
        given = answer_all(visit, library.for_language("en")[0], wrong_first=1)
        visit.end()
        # the kiosk's delivery took the delivery lock and waits for its own row
        wait_until(lambda: device_waits_on_a_lock(watch, role))
        # closing the circle: this returns only once PostgreSQL undid the kiosk's delivery
        other.execute("SELECT pg_advisory_xact_lock(hashtext('eduapp.deliver'))")
        # the kiosk tried again at once (30 s back-off otherwise) and waits for us again
        wait_until(lambda: device_waits_on_a_lock(watch, role))
        assert server_answers(urls[1]) == []
        other.rollback()

    wait_until(lambda: kiosk.sender.state.waiting == 0 and len(server_answers(urls[1])) > 0)
    assert [q for _, q, _ in server_answers(urls[1])] == given
    assert any("met another device's" in r.getMessage() for r in caplog.records)
    assert all(s.reachable is not False and s.away_since is None for s in states)
    assert all(s.failure is not Failure.UNREACHABLE for s in states)
    with psycopg.connect(admin_url, autocommit=True) as db:
        wait_until(lambda: db.execute(  # the statistics arrive a moment later
            "SELECT deadlocks >= 1 FROM pg_stat_database WHERE datname = current_database()"
        ).fetchone() == (True,))
    kiosk.close()


def test_conflicts_that_go_on_are_waited_out_without_saying_unreachable(
        tmp_path: Path, admin_url: str, urls: tuple[str, str], library: Library) -> None:
    """The server answering every delivery with a deadlock (a trigger raising SQLSTATE 40P01
    stands in for a clinic too busy to get through): a bounded number of tries, then the
    usual back-off, and the status says conflict, not unreachable."""
    kiosk = Device(tmp_path / "kiosk", urls[0], "Kiosk 1")
    visit = Visit(kiosk.store, "en")
    given = answer_all(visit, library.for_language("en")[0])
    with psycopg.connect(admin_url, autocommit=True) as db:
        db.execute("""
            CREATE SEQUENCE public.tries;
            CREATE FUNCTION public.busy() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM nextval('public.tries');  -- a sequence survives the rollback
                RAISE EXCEPTION 'deadlock detected' USING ERRCODE = 'deadlock_detected';
            END $$;
            CREATE TRIGGER busy BEFORE UPDATE ON eduapp.devices
                FOR EACH ROW WHEN (NEW.last_seq > OLD.last_seq) EXECUTE FUNCTION public.busy();
            GRANT USAGE ON SEQUENCE public.tries TO PUBLIC;
        """)

        with pytest.raises(ServerError) as raised:
            kiosk.sender.send_now()

        assert raised.value.failure is Failure.CONFLICT
        assert db.execute("SELECT last_value FROM public.tries").fetchone() == (CONFLICT_TRIES,)
        state = kiosk.sender.state
        assert (state.reachable, state.failure, state.away_since) == (True, Failure.CONFLICT,
                                                                       None)
        assert state.waiting == len(outbox.oldest(kiosk.store._db, 1000)) > 0

        kiosk.sender.start()  # the back-off: it keeps trying, no faster than it waits
        wait_until(lambda: db.execute("SELECT last_value >= %s FROM public.tries",
                                      (2 * CONFLICT_TRIES,)).fetchone() == (True,))
        assert kiosk.sender.state.reachable is True
        db.execute("DROP TRIGGER busy ON eduapp.devices")

    wait_until(lambda: kiosk.sender.state.waiting == 0 and kiosk.sender.state.failure is None)
    assert [q for _, q, _ in server_answers(urls[1])] == given
    kiosk.close()


def test_a_serialization_failure_is_a_conflict_and_a_lost_connection_is_not(
        admin_url: str) -> None:
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
