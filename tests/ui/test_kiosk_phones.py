"""A kiosk does not show patient screens until the clinic's phone numbers are set."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from eduapp.app import build_window, hold_for_phones
from eduapp.core.clinic import SETTINGS_FILE
from eduapp.core.startup import Options, prepare
from eduapp.ui import pin_dialog
from eduapp.ui.clinician.settings import SettingsTab

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def kiosk(qtbot, themed, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(pin_dialog, "ask_for_pin", lambda parent, store: True)
    context = prepare(Options(data_dir=tmp_path))  # the shipped settings: no phone numbers
    window = build_window(context, kiosk=True)
    qtbot.addWidget(window)
    hold_for_phones(window, context)
    window.show()
    qtbot.waitExposed(window)
    return window, context


def _infusion_text(context) -> str:  # type: ignore[no-untyped-def]
    module = next(m for m in context.modules if m.id == "your-infusion-session")
    return " ".join(screen.markdown for screen in module.screens)


def test_the_welcome_page_waits_until_the_phone_numbers_are_set(qtbot, kiosk, tmp_path):  # type: ignore[no-untyped-def]
    window, context = kiosk
    gate = window.hold
    assert gate is not None and window.stack.currentWidget() is gate
    assert not window.top_bar.isVisible()  # no Start, no topics, no language for patients
    assert "phone numbers are not set" in gate.message.text()
    assert str(tmp_path / SETTINGS_FILE) in gate.message.text()
    window.start_over()  # the idle reset, or "I am finished": still not the welcome page
    assert window.stack.currentWidget() is gate

    qtbot.mouseClick(gate.settings_button, LEFT)
    workspace = window.workspace
    assert workspace is not None and window.stack.currentWidget() is workspace
    assert "Phone numbers are not set" in workspace.notice.text()
    qtbot.mouseClick(workspace.back_button, LEFT)  # back without saving: still waiting
    assert window.stack.currentWidget() is gate and not window.top_bar.isVisible()

    qtbot.mouseClick(gate.settings_button, LEFT)
    workspace = window.workspace
    workspace.tabs.setCurrentIndex(workspace.tabs.count() - 1)  # built as it is shown
    tab = workspace.settings
    assert isinstance(tab, SettingsTab)
    tab.fields["clinic_phone"].setText("(555) 123-4567")
    tab.fields["after_hours_phone"].setText("555-987-6543")
    with qtbot.waitSignal(workspace.settings_saved):
        qtbot.mouseClick(tab.save_button, LEFT)
    assert not workspace.notice.isVisible()  # set: nothing left to warn about
    qtbot.mouseClick(workspace.back_button, LEFT)
    assert window.hold is None
    assert window.stack.currentWidget() is window.flow.welcome
    assert window.top_bar.isVisible()
    text = _infusion_text(context)  # the content now gives patients the numbers
    assert "Call (555) 123-4567" in text and "555-987-6543" in text
    assert "your clinic gave you" not in text


def test_outside_a_kiosk_patients_read_a_clear_phrase_and_staff_a_notice(  # type: ignore[no-untyped-def]
        qtbot, themed, tmp_path, monkeypatch):
    monkeypatch.setattr(pin_dialog, "ask_for_pin", lambda parent, store: True)
    context = prepare(Options(data_dir=tmp_path))
    window = build_window(context)
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.flow.welcome
    text = _infusion_text(context)
    assert "Call the phone number your clinic gave you." in text
    assert "call the after-hours phone number your clinic gave you" in text
    assert "{{" not in text
    qtbot.mouseClick(window.staff_button, LEFT)
    assert "Phone numbers are not set" in window.workspace.notice.text()
    assert window.workspace.notice.isVisible()


def test_set_phone_numbers_start_the_kiosk_at_once(qtbot, themed, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    (tmp_path / SETTINGS_FILE).write_text(
        '[clinic]\nclinic_phone = "555-0100"\nafter_hours_phone = "555-0199"\n',
        encoding="utf-8")
    context = prepare(Options(data_dir=tmp_path))
    window = build_window(context, kiosk=True)
    qtbot.addWidget(window)
    hold_for_phones(window, context)
    window.show()
    assert window.hold is None and window.stack.currentWidget() is window.flow.welcome
    text = _infusion_text(context)
    assert "555-0100" in text and "your clinic gave you" not in text
