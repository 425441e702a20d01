"""`eduapp server init` on a real PostgreSQL: schema, migrations, two roles, least privilege."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import psycopg
import pytest

from eduapp.core.storage import pg_schema
from eduapp.core.storage.clinic_store import ClinicStore
from eduapp.core.storage.pg_schema import MIGRATIONS, SCHEMA_VERSION, init, migrate, role_names
from eduapp.core.storage.postgres import Failure, ServerError, check_version, connect


def test_init_makes_the_schema_and_hands_out_two_urls_that_work(admin_url: str) -> None:
    report = init(admin_url)

    assert (report.version_before, report.version_after) == (0, SCHEMA_VERSION)
    device, clinician = role_names(report.database)
    assert report.roles_created == [device, clinician]
    assert report.device_url and report.clinician_url
    with connect(report.device_url) as db:
        assert db.info.user == device
        assert db.execute("SELECT version FROM eduapp.schema_version").fetchone() == (
            SCHEMA_VERSION,)
    with connect(report.clinician_url) as db:
        assert db.execute("SELECT count(*) FROM eduapp.answers").fetchone() == (0,)


def test_init_again_keeps_data_and_passwords_unless_asked(admin_url: str) -> None:
    first = init(admin_url)
    assert first.device_url
    again = init(admin_url)

    assert (again.version_before, again.version_after) == (SCHEMA_VERSION, SCHEMA_VERSION)
    assert again.roles_created == [] and again.device_url is None
    with connect(first.device_url) as db:  # the URL handed out earlier still works
        assert db.info.user.endswith("_device")

    renewed = init(admin_url, new_passwords=True)
    assert renewed.device_url and renewed.device_url != first.device_url
    with pytest.raises(ServerError) as refused:
        connect(first.device_url)
    assert refused.value.failure is Failure.WRONG_PASSWORD


def test_the_device_role_adds_results_but_cannot_read_them(admin_url: str) -> None:
    report = init(admin_url)
    assert report.device_url
    with connect(report.device_url, autocommit=True) as db:
        db.execute("SELECT eduapp.register_device('00000000-0000-4000-8000-000000000001', 'k')")
        for table in ("answers", "sessions", "quiz_attempts", "screen_views", "devices",
                      "answer_days", "answer_months", "objective_days"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                db.execute(f"SELECT * FROM eduapp.{table}")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # deliver's own part
            db.execute("SELECT eduapp.add_answers('00000000-0000-4000-8000-000000000001', "
                       "'[]')")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute("INSERT INTO eduapp.settings VALUES ('pin', 'mine')")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute("DELETE FROM eduapp.sessions")
        assert db.execute("SELECT key FROM eduapp.settings").fetchall() == [("database.id",)]


def test_urls_keep_the_admin_urls_options_and_take_another_host(admin_url: str) -> None:
    url = pg_schema.handout_url("postgresql://a:b@db.local:6543/clinic?sslmode=require",
                                "clinic_device", "p/w@x", "10.0.0.5")
    assert url == "postgresql://clinic_device:p%2Fw%40x@10.0.0.5:6543/clinic?sslmode=require"


@pytest.mark.parametrize("start", range(SCHEMA_VERSION))
def test_every_older_schema_migrates_to_the_current_one(admin_url: str, start: int) -> None:
    with psycopg.connect(admin_url, autocommit=True) as db:
        db.execute("CREATE SCHEMA eduapp")
        migrate(db, min(start, 1))
        if start >= 1:  # a clinic that has been in use: one kiosk's visit, as version 1 held it
            db.execute(OLD_VISIT)
        migrate(db, start)
        assert pg_schema.schema_version(db) == start

    report = init(admin_url)

    assert (report.version_before, report.version_after) == (start, SCHEMA_VERSION)
    with psycopg.connect(admin_url) as db:
        assert pg_schema.schema_version(db) == len(MIGRATIONS)
        clinic = db.execute("SELECT settings, pin_hash, pin_version FROM eduapp.clinic").fetchall()
        assert clinic == [(None, None, 0)]  # one row: no settings or PIN until one is given
    if start >= 1:
        assert report.clinician_url
        clinic = ClinicStore(report.clinician_url)
        [session] = clinic.sessions_by_id()
        assert (session.id, session.device, session.visit_code) == (1, "Kiosk 1", "V-7")
        # its last activity: the screen view after the device's last touch (09:41)
        assert session.last_activity == datetime(2026, 3, 14, 9, 44, tzinfo=UTC)
        [attempt] = clinic.attempts_of([1])[1]
        assert [(a.question_id, a.right) for a in attempt.answers] == [
            ("pain-job", False), ("pain-job", True)]
        march = (datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 4, 1, tzinfo=UTC))
        # a whole month, and whole days: Questions reads the per-month and per-day counts,
        # back-filled from the answers
        for start, end in (march, (march[0] + timedelta(days=10), march[1])):
            assert clinic.first_try_choices(start, end) == [
                ("why-pain-lasts", "pain-job", ("measure",), False, 1)]
            assert clinic.reask_counts(start, end) == [("why-pain-lasts", "pain-job", True, 1)]
        # the quiz was left open with its objective's one question answered right in the end
        tally = clinic.objective_tally(*march)
        assert (tally.quizzed, tally.unfinished, tally.right) == (
            {"why-pain-lasts": 1}, {"why-pain-lasts": 1},
            {("why-pain-lasts", "hurt-not-harm"): {1: 1}})
        clinic.close()


OLD_VISIT = """
SET search_path = eduapp;
INSERT INTO devices (id, name, last_seq) VALUES ('00000000-0000-4000-8000-00000000000d',
    'Kiosk 1', 4);
INSERT INTO sessions (id, device_id, started_at, last_active_at, label, language)
VALUES ('00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-00000000000d',
        '2026-03-14 09:30+00', '2026-03-14 09:41+00', 'V-7', 'en');
INSERT INTO quiz_attempts (id, session_id, module_id, language, started_at)
VALUES ('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-000000000005',
        'why-pain-lasts', 'en', '2026-03-14 09:38+00');
INSERT INTO answers (id, attempt_id, module_id, question_id, objective_id, chosen, "right",
                     try_number, seconds, answered_at)
VALUES ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-00000000000a',
        'why-pain-lasts', 'pain-job', 'hurt-not-harm', 'measure', false, 1, 5.5,
        '2026-03-14 09:39+00'),
       ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-00000000000a',
        'why-pain-lasts', 'pain-job', 'hurt-not-harm', 'protect', true, 2, 4.0,
        '2026-03-14 09:40+00');
INSERT INTO screen_views (id, session_id, module_id, screen_id, language, viewed_at)
VALUES ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-000000000005',
        'why-pain-lasts', 'alarm', 'en', '2026-03-14 09:44+00');
RESET search_path;
"""


def test_a_schema_from_a_newer_eduapp_is_left_alone(admin_url: str) -> None:
    init(admin_url)
    with psycopg.connect(admin_url, autocommit=True) as db:
        db.execute("UPDATE eduapp.schema_version SET version = 99")

    with pytest.raises(ServerError) as newer:
        init(admin_url)
    assert newer.value.failure is Failure.SCHEMA_TOO_NEW


def test_a_server_older_than_13_is_refused_with_its_version() -> None:
    # no PostgreSQL 12 is installed here: the check is tested against the number a
    # PostgreSQL 12.4 server reports as server_version_num
    with pytest.raises(ServerError) as old:
        check_version(120004)
    assert old.value.failure is Failure.TOO_OLD and "PostgreSQL 12" in old.value.detail
    check_version(130000)


def test_connecting_to_a_real_server_applies_the_version_check(admin_url: str) -> None:
    with pytest.raises(ServerError) as old:
        connect(admin_url, min_version=10_000_000)
    assert old.value.failure is Failure.TOO_OLD
