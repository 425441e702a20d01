"""`eduapp connect` and `eduapp server status`: clear words for each failure; nothing leaks."""

from __future__ import annotations

import stat
from pathlib import Path

import psycopg
import pytest

from eduapp.__main__ import main
from eduapp.core.content.model import Library
from eduapp.core.storage import postgres
from eduapp.core.storage.pg_schema import SCHEMA_VERSION, init, migrate
from eduapp.core.storage.postgres import CONNECTION_FILE
from tests.pg_cluster import Cluster, free_port


def connect(capsys: pytest.CaptureFixture[str], folder: Path, url: str,
            *more: str) -> tuple[int, str]:
    code = main(["connect", url, "--data-dir", str(folder), *more])
    return code, capsys.readouterr().out


def test_connect_joins_and_status_says_what_the_device_sees(
        tmp_path: Path, cluster: Cluster, admin_url: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    report = init(admin_url)
    assert report.device_url
    password = report.device_url.split(":")[2].split("@")[0]

    code, out = connect(capsys, tmp_path, report.device_url, "--name", "Kiosk 1")

    assert code == 0, out
    assert 'as "Kiosk 1"' in out and "cannot read them back" in out
    assert "Clinic settings: none saved on the server yet" in out
    assert "Clinician PIN: none chosen yet" in out
    assert password not in out
    saved = tmp_path / CONNECTION_FILE
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600

    assert main(["server", "status", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Server: reachable, PostgreSQL 15." in out and f"schema version {SCHEMA_VERSION}" in out
    assert "Waiting to be sent: 0 changes" in out and "Last send: never" in out
    assert "Clinic settings: none saved" in out
    assert password not in out

    cluster.stop()
    try:
        assert main(["server", "status", "--data-dir", str(tmp_path)]) == 1
        assert "Server: not reachable: the server cannot be reached" in capsys.readouterr().out
    finally:
        cluster.start()


def test_a_wrong_password_is_named_and_nothing_changes(
        tmp_path: Path, admin_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    report = init(admin_url)
    assert report.device_url
    password = report.device_url.split(":")[2].split("@")[0]
    wrong = report.device_url.replace(password, "not-the-password")

    code, out = connect(capsys, tmp_path, wrong)

    assert code == 1
    assert "refused the user name or password" in out and "keeps working on its own" in out
    assert "not-the-password" not in out and ":***@" in out
    assert not (tmp_path / CONNECTION_FILE).exists()


def test_an_unreachable_host_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = connect(capsys, tmp_path, f"postgresql://d:pw@127.0.0.1:{free_port()}/clinic")
    assert code == 1 and "cannot be reached" in out
    assert not (tmp_path / CONNECTION_FILE).exists()


def test_a_server_too_old_is_named(tmp_path: Path, admin_url: str,
                                   capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    report = init(admin_url)
    assert report.device_url
    # no PostgreSQL 12 here: the real server's version is checked against a higher minimum
    monkeypatch.setattr(postgres, "MIN_SERVER_VERSION", 990000)

    code, out = connect(capsys, tmp_path, report.device_url)

    assert code == 1 and "too old: eduapp needs PostgreSQL 13 or newer" in out
    assert "(it runs PostgreSQL 15)" in out


def test_an_older_clinic_schema_asks_for_server_init(
        tmp_path: Path, admin_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    report = init(admin_url)
    assert report.device_url
    with psycopg.connect(admin_url, autocommit=True) as db:
        migrate(db)
        db.execute("UPDATE eduapp.schema_version SET version = 0")

    code, out = connect(capsys, tmp_path, report.device_url)

    assert code == 1 and "run `eduapp server init ADMIN_URL` again" in out


def test_connect_sends_what_was_recorded_before_joining_within_retention(
        tmp_path: Path, admin_url: str, library: Library,
        capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import UTC, datetime, timedelta

    from eduapp.core.demo import generate_demo_data
    from eduapp.core.storage.sqlite import DB_NAME, Store

    report = init(admin_url)
    assert report.device_url
    modules = library.for_language("en")
    (tmp_path / "clinic.toml").write_text("[app]\nkeep_days = 30\n", encoding="utf-8")
    store = Store.open(tmp_path / DB_NAME)
    now = datetime.now(UTC)
    generate_demo_data(store, modules, 3, days=20, until=now)
    generate_demo_data(store, modules, 1, seed=2, days=1, until=now - timedelta(days=40))
    store.close()

    code, out = connect(capsys, tmp_path, report.device_url, "--name", "Kiosk 1")
    assert code == 0, out
    assert "3 sessions recorded here before joining will be sent too." in out
    code, out = connect(capsys, tmp_path, report.device_url, "--name", "Kiosk 1")
    assert "were queued for this clinic before" in out

    from eduapp.core.storage.postgres import Connection
    from eduapp.core.storage.sender import Sender

    connection = Connection.load(tmp_path)
    assert connection is not None
    Sender(tmp_path / DB_NAME, connection).send_now()
    with psycopg.connect(admin_url) as db:
        assert db.execute("SELECT count(*) FROM eduapp.sessions").fetchone() == (3,)


def test_connecting_a_computer_takes_the_clinics_settings_and_pin_at_once(
        tmp_path: Path, admin_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from eduapp.core.clinic import load_settings, with_changes
    from eduapp.core.pin import HASH_KEY, hash_pin
    from eduapp.core.storage.clinic_settings import push_settings
    from tests.content_fixtures import RESOURCES

    report = init(admin_url)
    assert report.device_url and report.clinician_url
    push_settings(report.clinician_url, with_changes(load_settings(RESOURCES, None), {
        "clinic_name": "Harbor Clinic", "clinic_phone": "555-0100",
        "after_hours_phone": "555-0199"}))
    pin = hash_pin("97531", iterations=1000)
    with psycopg.connect(report.clinician_url, autocommit=True) as db:
        db.execute("SELECT eduapp.set_pin(%s)", (pin,))

    code, out = connect(capsys, tmp_path, report.device_url, "--name", "Kiosk 3")

    assert code == 0, out
    assert "saved on the server; every device uses them" in out
    assert "one for the whole clinic" in out
    assert load_settings(RESOURCES, tmp_path).name == "Harbor Clinic"  # before the app starts
    from eduapp.core.storage.sqlite import DB_NAME, Store

    store = Store.open(tmp_path / DB_NAME)
    assert store.setting(HASH_KEY) == pin
    store.close()
