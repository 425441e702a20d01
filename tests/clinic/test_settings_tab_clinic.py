"""The Settings tab on a connected computer: it saves for the whole clinic, or says plainly
why it cannot (the server away, or a kiosk's role), and then changes nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLineEdit

from eduapp.core.clinic import SETTINGS_FILE, load_settings, save_settings, with_changes
from eduapp.core.storage.clinic_settings import sync
from eduapp.core.storage.clinic_view import Reach, open_view
from eduapp.core.storage.membership import join
from eduapp.core.storage.pg_schema import init
from eduapp.core.storage.postgres import Connection
from eduapp.core.storage.sqlite import DB_NAME, Store
from tests.content_fixtures import RESOURCES
from tests.pg_cluster import Cluster

PHONES = {"clinic_phone": "555-0100", "after_hours_phone": "555-0199"}


def tab_of(qtbot, folder: Path, url: str, name: str):  # type: ignore[no-untyped-def]
    from eduapp.ui.clinician.settings import SettingsTab

    folder.mkdir()
    save_settings(with_changes(load_settings(RESOURCES, None), PHONES), folder / SETTINGS_FILE)
    join(folder, url, name)
    connection = Connection.load(folder)
    assert connection is not None
    store = Store.open(folder / DB_NAME)
    tab = SettingsTab(store, folder / SETTINGS_FILE, RESOURCES, clinic=open_view(connection))
    qtbot.addWidget(tab)
    tab.show()
    return tab, store


def rename(tab, name: str) -> None:  # type: ignore[no-untyped-def]
    field = tab.fields["clinic_name"]
    assert isinstance(field, QLineEdit)
    field.setText(name)
    tab.save_button.click()


def test_saved_for_every_device_or_plainly_not_saved(
        qtbot, themed, tmp_path: Path, cluster: Cluster, admin_url: str) -> None:  # type: ignore[no-untyped-def]
    report = init(admin_url)
    assert report.device_url and report.clinician_url
    tab, store = tab_of(qtbot, tmp_path / "exam", report.clinician_url, "Exam room")
    assert "every device" in tab.clinic_note.text() and tab.save_button.isEnabled()

    rename(tab, "West Clinic")

    assert "every device" in tab.status.text()
    kiosk = tmp_path / "kiosk"
    kiosk.mkdir()
    join(kiosk, report.device_url, "Kiosk 1")
    assert sync(report.device_url, kiosk, RESOURCES).settings
    assert load_settings(RESOURCES, kiosk).name == "West Clinic"

    cluster.stop()
    try:
        rename(tab, "Not Saved Clinic")
        assert "cannot be reached" in tab.status.text() and "Nothing was changed" in \
            tab.status.text()
        assert "cannot be saved" in tab.clinic_note.text()
        assert load_settings(RESOURCES, tab.settings_path.parent).name == "West Clinic"
    finally:
        cluster.start()
    store.close()


def test_a_kiosk_shows_the_clinics_settings_and_cannot_save_them(
        qtbot, themed, tmp_path: Path, admin_url: str) -> None:  # type: ignore[no-untyped-def]
    report = init(admin_url)
    assert report.device_url
    tab, store = tab_of(qtbot, tmp_path / "kiosk", report.device_url, "Kiosk 1")
    assert tab.clinic is not None and tab.clinic.reach is Reach.OWN_ONLY

    assert "clinician computer" in tab.clinic_note.text()
    assert not tab.save_button.isEnabled()
    assert not tab.save()  # even if asked: the server refuses a device's role
    assert "cannot change the clinic's settings" in tab.status.text()
    store.close()
