"""The server purges by retention while its devices sit idle, and `server status` says when.

A kiosk connects and then delivers nothing; a session past the clinic's keep_days still
goes from the server at the next hourly purge (the hour shortened for the test), and
`eduapp server status` names the moment of the last purge.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest

from eduapp.__main__ import main
from eduapp.core.clinic import load_settings, with_changes
from eduapp.core.storage import outbox, sender
from eduapp.core.storage.clinic_settings import push_settings
from eduapp.core.storage.pg_schema import init
from tests.clinic.devices import Device, wait_until
from tests.content_fixtures import RESOURCES

PHONES = {"clinic_phone": "555-0100", "after_hours_phone": "555-0199"}


def purged_at(admin_url: str) -> datetime | None:
    with psycopg.connect(admin_url) as db:
        row = db.execute("SELECT purged_at FROM eduapp.clinic").fetchone()
    return row[0] if row else None


def old_session(admin_url: str, device: str) -> str:
    """A session that started 40 days ago, already on the server."""
    session = str(uuid.uuid4())
    with psycopg.connect(admin_url, autocommit=True) as db:
        at = datetime.now(UTC) - timedelta(days=40)
        db.execute("INSERT INTO eduapp.sessions (id, device_id, started_at, last_active_at, "
                   "language) VALUES (%s, %s, %s, %s, 'en')", (session, device, at, at))
    return session


def held(admin_url: str, session: str) -> bool:
    with psycopg.connect(admin_url) as db:
        return db.execute("SELECT count(*) FROM eduapp.sessions WHERE id = %s",
                          (session,)).fetchone() == (1,)


def test_an_idle_clinic_is_purged_hourly_and_status_says_when(
        tmp_path: Path, admin_url: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    report = init(admin_url)
    assert report.device_url and report.clinician_url
    push_settings(report.clinician_url, with_changes(load_settings(RESOURCES, None),
                                                     {**PHONES, "keep_days": "30"}))
    monkeypatch.setattr(sender, "PURGE_EVERY", 1.0)  # an hour, shortened
    kiosk = Device(tmp_path / "kiosk", report.device_url, "Kiosk 1")
    device = outbox.device_id(kiosk.store._db)
    kiosk.sender.start()
    wait_until(lambda: purged_at(admin_url) is not None)  # the purge on connecting
    first = purged_at(admin_url)
    session = old_session(admin_url, device)
    assert held(admin_url, session)

    wait_until(lambda: not held(admin_url, session))  # nothing delivered meanwhile

    assert outbox.waiting(kiosk.store._db) == 0 and kiosk.sender.state.last_sent_at is None
    last = purged_at(admin_url)
    assert first is not None and last is not None and last > first
    assert main(["server", "status", "--data-dir", str(tmp_path / "kiosk")]) == 0
    out = capsys.readouterr().out
    assert "sessions kept 30 days; last purge " + last.astimezone(UTC).strftime(
        "%Y-%m-%d %H:%M") in out
    kiosk.close()


def test_a_device_leaves_the_purge_to_another_that_just_did_it(
        tmp_path: Path, admin_url: str) -> None:
    report = init(admin_url)
    assert report.device_url and report.clinician_url
    push_settings(report.clinician_url, with_changes(load_settings(RESOURCES, None),
                                                     {**PHONES, "keep_days": "30"}))
    first = Device(tmp_path / "kiosk1", report.device_url, "Kiosk 1")
    first.sender.send_now()  # connects: purges
    purged = purged_at(admin_url)
    assert purged is not None
    second = Device(tmp_path / "kiosk2", report.device_url, "Kiosk 2")

    second.sender.send_now()  # connects within the hour: the server was just purged

    assert purged_at(admin_url) == purged
    first.close()
    second.close()


def test_status_says_the_server_purges_nothing_before_settings_are_saved(
        tmp_path: Path, admin_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    report = init(admin_url)
    assert report.device_url
    kiosk = Device(tmp_path / "kiosk", report.device_url, "Kiosk 1")
    kiosk.sender.send_now()
    assert main(["server", "status", "--data-dir", str(tmp_path / "kiosk")]) == 0
    assert "Retention on the server: none yet" in capsys.readouterr().out
    kiosk.close()
