"""One clinic, one set of settings and one PIN, on its PostgreSQL; each device keeps a copy.

Against a real server: a clinician's save reaches a kiosk through LISTEN/NOTIFY; a kiosk
starts, and checks the PIN, with the server stopped; five wrong PINs on one kiosk lock the
other; a device's role cannot change settings or the PIN, nor read answers.
"""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from eduapp.commands.reset_pin import run_reset_pin
from eduapp.core.clinic import SETTINGS_FILE, load_settings, save_settings, with_changes
from eduapp.core.clinic_pin import ClinicPin
from eduapp.core.pin import TRIES_BEFORE_LOCK, PinLock
from eduapp.core.startup import Options, prepare
from eduapp.core.storage.clinic_settings import (
    Synced,
    local_pin,
    push_settings,
    read_clinic,
    start_sync,
    sync,
)
from eduapp.core.storage.membership import join
from eduapp.core.storage.pg_schema import init
from eduapp.core.storage.postgres import Failure, ServerError, connect
from eduapp.core.storage.sqlite import DB_NAME, Store
from tests.clinic.devices import wait_until
from tests.content_fixtures import RESOURCES
from tests.pg_cluster import Cluster

PHONES = {"clinic_phone": "555-0100", "after_hours_phone": "555-0199"}


@pytest.fixture
def urls(admin_url: str) -> tuple[str, str]:
    report = init(admin_url)
    assert report.device_url and report.clinician_url
    return report.device_url, report.clinician_url


def joined(folder: Path, url: str, name: str, **own: object) -> Path:
    """A device's data folder joined to the clinic, with its own settings saved first."""
    folder.mkdir(parents=True)
    if own:
        save_settings(with_changes(load_settings(RESOURCES, None), {**PHONES, **own}),
                      folder / SETTINGS_FILE)
    join(folder, url, name)
    return folder


def settings_of(folder: Path) -> tuple[str, bool, int]:
    seen = load_settings(RESOURCES, folder)
    return seen.name, seen.kiosk, seen.keep_days


def test_a_clinicians_save_reaches_a_kiosk_which_keeps_its_own_kiosk_mode(
        tmp_path: Path, urls: tuple[str, str]) -> None:
    exam = joined(tmp_path / "exam", urls[1], "Exam room", clinic_name="Old name")
    kiosk = joined(tmp_path / "kiosk", urls[0], "Kiosk 1", kiosk=True, clinic_name="Kiosk's")
    heard: list[Synced] = []
    listening = start_sync(urls[0], kiosk, RESOURCES, heard.append)
    try:
        changed = with_changes(load_settings(RESOURCES, exam),
                               {"clinic_name": "North Pain Clinic", "keep_days": "400"})
        assert push_settings(urls[1], changed)

        wait_until(lambda: bool(heard) and heard[-1].settings)
    finally:
        listening.stop()
    assert settings_of(kiosk) == ("North Pain Clinic", True, 400)
    assert settings_of(exam) == ("Old name", False, 365)  # its own copy: written by its tab


def test_the_first_clinician_computer_gives_an_empty_server_its_settings(
        tmp_path: Path, urls: tuple[str, str]) -> None:
    kiosk = joined(tmp_path / "kiosk", urls[0], "Kiosk 1", clinic_name="Kiosk's own")
    assert sync(urls[0], kiosk, RESOURCES) == Synced()  # a device's role gives nothing
    exam = joined(tmp_path / "exam", urls[1], "Exam room", clinic_name="South Clinic")
    sync(urls[1], exam, RESOURCES)

    assert sync(urls[0], kiosk, RESOURCES).settings
    assert settings_of(kiosk)[0] == "South Clinic"
    other = joined(tmp_path / "exam2", urls[1], "Exam 2", clinic_name="Another name")
    assert sync(urls[1], other, RESOURCES).settings  # the server's, not its own
    assert settings_of(other)[0] == "South Clinic"


def test_a_kiosk_starts_and_checks_the_pin_with_the_server_stopped(
        tmp_path: Path, cluster: Cluster, urls: tuple[str, str]) -> None:
    exam = joined(tmp_path / "exam", urls[1], "Exam room", clinic_name="East Clinic")
    sync(urls[1], exam, RESOURCES)
    kiosk = joined(tmp_path / "kiosk", urls[0], "Kiosk 1")
    store = Store.open(kiosk / DB_NAME)
    assert ClinicPin(store, urls[0]).choose("2468") is None  # the clinic's PIN, chosen here
    sync(urls[0], kiosk, RESOURCES)
    cluster.stop()
    try:
        context = prepare(Options(data_dir=kiosk), load=False)
        assert context.settings.name == "East Clinic"
        offline = ClinicPin(store, urls[0])
        assert offline.is_set()
        wrong = offline.check("1111")
        assert wrong is not None and wrong.tries_left == TRIES_BEFORE_LOCK - 1  # this device's
        assert offline.check("2468") is None
    finally:
        store.close()
        cluster.start()


def test_five_wrong_pins_on_one_kiosk_lock_the_other(
        tmp_path: Path, admin_url: str, urls: tuple[str, str]) -> None:
    stores = [Store.open(joined(tmp_path / name, urls[0], name) / DB_NAME)
              for name in ("Kiosk 1", "Kiosk 2")]
    one, two = (ClinicPin(store, urls[0]) for store in stores)
    assert one.choose("8642") is None
    assert two.is_set() and two.choose("1357") is not None  # one PIN for the clinic

    outcomes = [one.check("0000") for _ in range(TRIES_BEFORE_LOCK)]

    assert [o.tries_left for o in outcomes[:-1] if o] == [4, 3, 2, 1]
    assert outcomes[-1] is not None and outcomes[-1].locked_seconds == pytest.approx(30, abs=1)
    on_two = two.check("8642")  # the right PIN, on the other kiosk
    assert on_two is not None and on_two.locked_seconds > 25
    assert not PinLock(stores[1]).locked_seconds()  # locked by the server, not by kiosk 2
    with psycopg.connect(admin_url, autocommit=True) as db:  # the 30 s have passed
        db.execute("UPDATE eduapp.clinic SET pin_locked_until = now()")
    assert two.check("8642") is None
    wrong = one.check("0000")
    assert wrong is not None and wrong.tries_left == TRIES_BEFORE_LOCK - 1  # count reset
    for store in stores:
        store.close()


def test_a_device_cannot_change_settings_or_the_pin_nor_read_answers(
        tmp_path: Path, urls: tuple[str, str]) -> None:
    kiosk = joined(tmp_path / "kiosk", urls[0], "Kiosk 1", clinic_name="Kiosk's")
    with pytest.raises(ServerError) as refused:
        push_settings(urls[0], load_settings(RESOURCES, kiosk))
    assert refused.value.failure is Failure.REFUSED
    with connect(urls[0], autocommit=True) as db:
        assert read_clinic(db).settings is None  # it may read them
        for attempt in ("SELECT eduapp.set_pin(NULL)", "SELECT * FROM eduapp.answers",
                        "UPDATE eduapp.clinic SET keep_days = 1, pin_hash = NULL",
                        "SELECT eduapp.save_settings('', 30, false, NULL)"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                db.execute(attempt)
    store = Store.open(kiosk / DB_NAME)
    pin = ClinicPin(store, urls[0])
    assert pin.choose("2580") is None
    assert pin.change("2580", "9999") == "not-here"
    assert pin.check("2580") is None  # unchanged
    store.close()
    assert run_reset_pin(kiosk, confirmed=True) == 1


def test_a_clinician_changes_and_resets_the_pin_for_every_device(
        tmp_path: Path, urls: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    kiosk = joined(tmp_path / "kiosk", urls[0], "Kiosk 1")
    exam = joined(tmp_path / "exam", urls[1], "Exam room")
    stores = [Store.open(folder / DB_NAME) for folder in (kiosk, exam)]
    at_kiosk, at_exam = ClinicPin(stores[0], urls[0]), ClinicPin(stores[1], urls[1])
    assert at_kiosk.choose("1234") is None

    assert at_exam.change("1234", "5678") is None

    assert at_kiosk.check("5678") is None and at_kiosk.check("1234") is not None
    assert local_pin(kiosk) == local_pin(exam) is not None  # each keeps the new one
    assert run_reset_pin(exam, confirmed=True) == 0
    assert "every device" in capsys.readouterr().out
    assert sync(urls[0], kiosk, RESOURCES).pin and local_pin(kiosk) is None
    assert not at_kiosk.is_set()
    assert at_kiosk.choose("4321") is None  # the next clinician chooses one for the clinic
    assert at_exam.check("4321") is None
    for store in stores:
        store.close()


def test_a_pin_from_before_joining_becomes_the_clinics_only_if_it_has_none(
        tmp_path: Path, urls: tuple[str, str]) -> None:
    folders = [tmp_path / name for name in ("Kiosk 1", "Kiosk 2")]
    for folder, pin in zip(folders, ("1357", "2468"), strict=True):
        folder.mkdir()
        store = Store.open(folder / DB_NAME)  # a lone computer with its own PIN
        assert PinLock(store).choose(pin) is None
        store.close()
        join(folder, urls[0], folder.name)
        sync(urls[0], folder, RESOURCES)

    stores = [Store.open(folder / DB_NAME) for folder in folders]
    second = ClinicPin(stores[1], urls[0])
    assert second.check("1357") is None  # the first device's PIN is the clinic's
    assert second.check("2468") is not None
    assert local_pin(folders[0]) == local_pin(folders[1])
    for store in stores:
        store.close()
