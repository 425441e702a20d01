"""A running kiosk takes the settings a clinician saves, as soon as the server announces them."""

from __future__ import annotations

from pathlib import Path

from eduapp.app import build_window, follow_clinic, hold_for_phones
from eduapp.core.clinic import load_settings, with_changes
from eduapp.core.startup import Options, prepare
from eduapp.core.storage.clinic_settings import push_settings
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
