"""Two clinicians editing the clinic's settings at once: the second save is refused, not lost.

Two clinician computers load the same settings from a real server. The first saves; the
second's save is refused (the server's version moved on), its tab says what the other
computer changed, keeps what was typed, and then loads the newer settings or saves the
clinician's own changes over them without undoing the other computer's.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLineEdit

from eduapp.core.clinic import SETTINGS_FILE, load_settings, save_settings, with_changes
from eduapp.core.storage.clinic_settings import read_clinic, settings_version, sync
from eduapp.core.storage.clinic_view import open_view
from eduapp.core.storage.membership import join
from eduapp.core.storage.pg_schema import init
from eduapp.core.storage.postgres import Connection, connect
from eduapp.core.storage.sqlite import DB_NAME, Store
from tests.content_fixtures import RESOURCES

PHONES = {"clinic_phone": "555-0100", "after_hours_phone": "555-0199"}


def clinician(qtbot, folder: Path, url: str, name: str):  # type: ignore[no-untyped-def]
    """A clinician computer joined and synced, its Settings tab open."""
    from eduapp.ui.clinician.settings import SettingsTab

    folder.mkdir()
    save_settings(with_changes(load_settings(RESOURCES, None), PHONES), folder / SETTINGS_FILE)
    join(folder, url, name)
    sync(url, folder, RESOURCES)
    connection = Connection.load(folder)
    assert connection is not None
    store = Store.open(folder / DB_NAME)
    tab = SettingsTab(store, folder / SETTINGS_FILE, RESOURCES, clinic=open_view(connection))
    qtbot.addWidget(tab)
    tab.show()
    return tab, store


def type_in(tab, key: str, text: str) -> None:  # type: ignore[no-untyped-def]
    field = tab.fields[key]
    assert isinstance(field, QLineEdit)
    field.setText(text)


def on_server(url: str) -> tuple[str, str, str, int]:
    """The server's clinic name, clinic phone and paper, and its settings version."""
    with connect(url) as db:
        row = read_clinic(db)
    assert row.settings is not None
    saved = load_settings(RESOURCES, None)
    from eduapp.core.clinic import settings_from_text

    parsed = settings_from_text(row.settings, Path("server"))
    values = {**saved.values, **parsed.values}
    return values["clinic_name"], values["clinic_phone"], parsed.paper, row.settings_version


def test_the_second_save_is_refused_and_shows_what_changed_keeping_what_was_typed(
        qtbot, themed, tmp_path: Path, admin_url: str) -> None:  # type: ignore[no-untyped-def]
    report = init(admin_url)
    url = report.clinician_url
    assert url
    first, first_store = clinician(qtbot, tmp_path / "exam1", url, "Exam room 1")
    second, second_store = clinician(qtbot, tmp_path / "exam2", url, "Exam room 2")
    assert first.based_on == second.based_on == 1  # the first to connect gave its settings
    name_before = on_server(url)[0]

    type_in(first, "clinic_phone", "555-0123")
    first.save_button.click()
    assert on_server(url) == (name_before, "555-0123", "letter", 2)

    type_in(second, "clinic_name", "North Clinic")
    second.save_button.click()

    # refused: the server keeps the first clinician's save, whole
    assert on_server(url) == (name_before, "555-0123", "letter", 2)
    note = second.newer_note
    assert note.isVisible()
    assert "another computer changed the clinic's settings" in note.text.text()
    assert "Clinic phone: 555-0123" in note.text.text()
    assert "another computer" in second.status.text()
    typed = second.fields["clinic_name"]
    assert isinstance(typed, QLineEdit) and typed.text() == "North Clinic"  # nothing lost
    # this computer's copy is the clinic's newer one at once
    assert load_settings(RESOURCES, tmp_path / "exam2").values["clinic_phone"] == "555-0123"
    assert settings_version(tmp_path / "exam2") == 2
    assert note.load_button.accessibleName() and note.save_button.accessibleName()

    note.save_button.click()  # "Save mine anyway": my change, and theirs kept

    assert on_server(url) == ("North Clinic", "555-0123", "letter", 3)
    assert not note.isVisible() and "every device" in second.status.text()

    # the first clinician, still on version 2, changes the paper: refused; loads the newer
    first.paper.setCurrentIndex(first.paper.findData("a4"))
    first.save_button.click()
    assert on_server(url) == ("North Clinic", "555-0123", "letter", 3)
    assert "Clinic name: North Clinic" in first.newer_note.text.text()
    first.newer_note.load_button.click()
    shown = first.fields["clinic_name"]
    assert isinstance(shown, QLineEdit) and shown.text() == "North Clinic"
    assert first.paper.currentData() == "letter"  # what was typed is gone, as offered
    assert "not saved" in first.status.text() and not first.newer_note.isVisible()
    first.paper.setCurrentIndex(first.paper.findData("a4"))
    first.save_button.click()  # now based on the newest: saved
    assert on_server(url) == ("North Clinic", "555-0123", "a4", 4)
    first_store.close()
    second_store.close()


def test_a_computer_that_never_saw_the_servers_settings_cannot_save_over_them(
        qtbot, themed, tmp_path: Path, admin_url: str) -> None:  # type: ignore[no-untyped-def]
    report = init(admin_url)
    url = report.clinician_url
    assert url
    first, first_store = clinician(qtbot, tmp_path / "exam1", url, "Exam room 1")
    type_in(first, "clinic_name", "South Clinic")
    first.save_button.click()
    assert on_server(url)[0] == "South Clinic"
    # a computer whose copy came from nowhere (never synced): its form is its own settings
    from eduapp.core.storage.clinic_settings import VERSION_KEY

    second, second_store = clinician(qtbot, tmp_path / "exam2", url, "Exam room 2")
    second_store._db.execute("DELETE FROM settings WHERE key = ?", (VERSION_KEY,))
    second_store._db.commit()
    second.discard()
    assert second.based_on == 0

    type_in(second, "clinic_phone", "555-0177")
    second.save_button.click()

    assert second.newer_note.isVisible()
    assert on_server(url)[:2] == ("South Clinic", "555-0100")
    first_store.close()
    second_store.close()
