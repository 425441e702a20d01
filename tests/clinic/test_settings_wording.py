"""The Settings form keeps a value's wording for another language (Spanish "1 y 4").

The shipped settings word `session_hours` for Spanish readers ("entre 1 y 4 horas"); the
form shows that wording under the value, so a clinician who changes the value sees it and
changes it too, and a save of anything else keeps it, on the server and on every device.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLineEdit

from eduapp.core.clinic import SETTINGS_FILE, load_settings, settings_from_text
from eduapp.core.storage.clinic_settings import read_clinic, sync
from eduapp.core.storage.pg_schema import init
from eduapp.core.storage.postgres import connect
from tests.clinic.test_settings_conflict import clinician, type_in
from tests.content_fixtures import RESOURCES


def spanish_on_server(url: str) -> str | None:
    with connect(url) as db:
        text = read_clinic(db).settings
    assert text is not None
    return settings_from_text(text, Path("server")).translated.get("es", {}).get(
        "session_hours")


def test_the_spanish_wording_is_shown_kept_and_changed_with_its_value(
        qtbot, themed, tmp_path: Path, admin_url: str) -> None:  # type: ignore[no-untyped-def]
    report = init(admin_url)
    assert report.clinician_url and report.device_url
    tab, store = clinician(qtbot, tmp_path / "exam", report.clinician_url, "Exam room")
    spanish = tab.worded[("session_hours", "es")]
    assert isinstance(spanish, QLineEdit) and spanish.text() == "1 y 4"
    assert "Español" in spanish.accessibleName()

    type_in(tab, "clinic_name", "West Clinic")  # something else changes: the wording stays
    tab.save_button.click()
    assert spanish_on_server(report.clinician_url) == "1 y 4"

    type_in(tab, "session_hours", "2 to 5")
    spanish.setText("2 y 5")
    tab.save_button.click()
    assert spanish_on_server(report.clinician_url) == "2 y 5"

    kiosk = tmp_path / "kiosk"
    kiosk.mkdir()
    from eduapp.core.storage.membership import join

    join(kiosk, report.device_url, "Kiosk 1")
    sync(report.device_url, kiosk, RESOURCES)
    on_kiosk = load_settings(RESOURCES, kiosk)
    assert on_kiosk.values_for("es")["session_hours"] == "2 y 5"
    assert on_kiosk.values_for("en")["session_hours"] == "2 to 5"

    spanish.setText("")  # emptied: Spanish readers get the value itself
    tab.save_button.click()
    assert spanish_on_server(report.clinician_url) is None
    assert load_settings(RESOURCES, tab.settings_path.parent).values_for("es")[
        "session_hours"] == "2 to 5"
    assert (tab.settings_path.parent / SETTINGS_FILE).is_file()
    store.close()
