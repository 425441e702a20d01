"""A running kiosk takes the settings a clinician saves, as soon as the server announces them."""

from __future__ import annotations

from pathlib import Path

from eduapp.app import build_window, follow_clinic, hold_for_phones
from eduapp.core.clinic import load_settings, with_changes
from eduapp.core.startup import Options, prepare
from eduapp.core.storage.clinic_settings import push_settings, sync
from eduapp.core.storage.membership import join
from eduapp.core.storage.pg_schema import init
from eduapp.ui import pin_dialog
from tests.content_fixtures import RESOURCES


def test_a_waiting_kiosk_starts_when_a_clinician_sets_the_phone_numbers(
        qtbot, themed, tmp_path: Path, admin_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    report = init(admin_url)
    assert report.device_url and report.clinician_url
    join(tmp_path, report.device_url, "Kiosk 1")
    monkeypatch.setattr(pin_dialog, "ask_for_pin", lambda parent, store: True)
    context = prepare(Options(data_dir=tmp_path), load=False)  # shipped: no phone numbers
    window = build_window(context, kiosk=True)
    qtbot.addWidget(window)
    follow_clinic(window, context)
    hold_for_phones(window, context)
    window.show()
    context.load()  # as after the first frame: the sender and the settings listener start
    assert window.hold is not None and context.settings_sync is not None

    clinic = with_changes(load_settings(RESOURCES, None), {
        "clinic_name": "Lakeside Pain Clinic", "clinic_phone": "555-0100",
        "after_hours_phone": "555-0199"})
    push_settings(report.clinician_url, clinic)

    qtbot.waitUntil(lambda: window.hold is None, timeout=10000)
    assert context.settings.name == "Lakeside Pain Clinic"
    assert window.stack.currentWidget() is window.flow.welcome
    assert window.flow.welcome.clinic.text() == "Lakeside Pain Clinic"  # without a restart
    assert "Lakeside Pain Clinic" in window.windowTitle()
    assert window.clinic_label.isHidden()  # the welcome page names the clinic itself
    assert load_settings(RESOURCES, tmp_path).kiosk is False  # its own, as it was
    context.close()


def session_text(window, language: str) -> str:  # type: ignore[no-untyped-def]
    """What the module about the session day says, as the next patient would read it."""
    [module] = [m for m in window.modules[language] if m.id == "your-infusion-session"]
    return "\n".join(screen.markdown for screen in module.screens)


def test_a_running_kiosk_uses_every_clinic_setting_without_moving_a_patients_page(
        qtbot, themed, tmp_path: Path, admin_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    report = init(admin_url)
    assert report.device_url and report.clinician_url
    before = with_changes(load_settings(RESOURCES, None), {
        "clinic_name": "Lakeside Pain Clinic", "clinic_phone": "555-0100",
        "after_hours_phone": "555-0199"})
    push_settings(report.clinician_url, before)
    join(tmp_path, report.device_url, "Kiosk 1")
    sync(report.device_url, tmp_path, RESOURCES)
    monkeypatch.setattr(pin_dialog, "ask_for_pin", lambda parent, store: True)
    context = prepare(Options(data_dir=tmp_path), load=False)
    window = build_window(context, kiosk=True)
    qtbot.addWidget(window)
    follow_clinic(window, context)
    window.show()
    context.load()
    assert window.idle is not None and window.text_step == 0
    assert "1 to 4" in session_text(window, "en") and "1 y 4" in session_text(window, "es")
    window.flow.start_visit()  # a patient is reading the first topic
    window.flow.open_module(window.modules["en"][0].id)
    reading = window.stack.currentWidget()

    after = with_changes(before, {
        "clinic_name": "Lakeside Clinic", "session_hours": "2 to 5", "no_food_hours": "8",
        "idle_seconds": "300", "text_size": 2, "high_contrast": True, "paper": "a4"})
    after.translated["es"]["session_hours"] = "2 y 5"
    push_settings(report.clinician_url, after)

    qtbot.waitUntil(lambda: window.settings.idle_seconds == 300, timeout=10000)
    # at once: the name, the day plan's times, printouts, the idle time, the content
    assert "Lakeside Clinic" in window.windowTitle()
    assert window.settings.timing["no_food_hours"] == "8" and window.paper == "a4"
    assert window.idle._idle.interval() == 300_000
    assert "2 to 5" in session_text(window, "en") and "2 y 5" in session_text(window, "es")
    # the patient reading is not disturbed: same page, same text size and contrast
    assert window.stack.currentWidget() is reading
    assert (window.text_step, window.high_contrast) == (0, False)

    window.start_over()  # the next patient (idle reset or "I am finished")

    assert (window.text_step, window.high_contrast) == (2, True)
    context.close()


def test_an_idle_welcome_page_takes_the_new_text_size_at_once(
        qtbot, themed, tmp_path: Path, admin_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    report = init(admin_url)
    assert report.device_url and report.clinician_url
    before = with_changes(load_settings(RESOURCES, None), {
        "clinic_phone": "555-0100", "after_hours_phone": "555-0199"})
    push_settings(report.clinician_url, before)
    join(tmp_path, report.device_url, "Kiosk 1")
    sync(report.device_url, tmp_path, RESOURCES)
    context = prepare(Options(data_dir=tmp_path), load=False)
    window = build_window(context, kiosk=True)
    qtbot.addWidget(window)
    follow_clinic(window, context)
    window.show()
    context.load()
    assert window.stack.currentWidget() is window.flow.welcome and window.text_step == 0

    push_settings(report.clinician_url, with_changes(before, {"text_size": 1}))

    qtbot.waitUntil(lambda: window.text_step == 1, timeout=10000)  # no one to disturb
    context.close()


def test_an_open_settings_tab_shows_another_computers_save_unless_edited(
        qtbot, themed, tmp_path: Path, admin_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLineEdit

    from eduapp.ui.clinician.settings import SettingsTab

    report = init(admin_url)
    assert report.device_url and report.clinician_url
    before = with_changes(load_settings(RESOURCES, None), {
        "clinic_phone": "555-0100", "after_hours_phone": "555-0199"})
    push_settings(report.clinician_url, before)
    join(tmp_path, report.clinician_url, "Exam room")
    sync(report.clinician_url, tmp_path, RESOURCES)
    monkeypatch.setattr(pin_dialog, "ask_for_pin", lambda parent, store: True)
    context = prepare(Options(data_dir=tmp_path), load=False)
    window = build_window(context)
    qtbot.addWidget(window)
    follow_clinic(window, context)
    window.show()
    context.load()
    window.show_workspace()
    assert window.workspace is not None
    window.workspace.tabs.setCurrentIndex(window.workspace.tabs.count() - 1)  # Settings
    tab = window.workspace.findChild(SettingsTab)
    assert tab is not None
    name = tab.fields["clinic_name"]
    assert isinstance(name, QLineEdit)

    push_settings(report.clinician_url, with_changes(before, {"clinic_name": "Hill Clinic"}))

    qtbot.waitUntil(lambda: name.text() == "Hill Clinic", timeout=10000)  # untouched: shown
    assert "Another computer changed" in tab.status.text()
    tab.fields["clinic_phone"].setText("555-0142")  # type: ignore[attr-defined]
    push_settings(report.clinician_url, with_changes(before, {"clinic_name": "Dale Clinic"}))
    qtbot.waitUntil(lambda: window.windowTitle().find("Dale Clinic") >= 0, timeout=10000)
    assert name.text() == "Hill Clinic"  # edited: the form stays as typed until saved
    tab.save_button.click()
    assert tab.newer_note.isVisible() and "Clinic name: Dale Clinic" in tab.newer_note.text.text()
    context.close()
