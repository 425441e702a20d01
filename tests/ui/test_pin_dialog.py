"""The clinician PIN dialog over the real PIN rules: choose, enter, wrong, locked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from eduapp.core.pin import PinLock
from eduapp.ui.pin_dialog import PinDialog
from tests.ui_checks import labels_cut_off


def type_pin(qtbot, field, pin):
    qtbot.keyClicks(field, pin)


def test_first_use_chooses_a_pin_that_must_be_repeated(qtbot, themed, store):
    rules = PinLock(store)
    dialog = PinDialog(rules)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.choosing and dialog.repeat.isVisible()
    type_pin(qtbot, dialog.pin, "2468")
    type_pin(qtbot, dialog.repeat, "2469")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "The two PINs are not the same."
    assert not rules.is_set() and dialog.pin.text() == ""
    type_pin(qtbot, dialog.pin, "2468")
    type_pin(qtbot, dialog.repeat, "2468")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert rules.is_set()


def test_wrong_pin_is_refused_and_the_right_one_accepted(qtbot, themed, store):
    rules = PinLock(store)
    assert rules.choose("1357") is None
    dialog = PinDialog(rules)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.repeat.isVisible()
    assert dialog.pin.echoMode() == dialog.pin.EchoMode.Password
    type_pin(qtbot, dialog.pin, "0000")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "not right" in dialog.message.text() and "4 tries left" in dialog.message.text()
    assert labels_cut_off(dialog) == []
    type_pin(qtbot, dialog.pin, "1357")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)


def test_five_wrong_tries_lock_the_dialog(qtbot, themed, store):
    rules = PinLock(store)
    rules.choose("1357")
    dialog = PinDialog(rules)
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(5):
        type_pin(qtbot, dialog.pin, "9999")
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert "Try again in 30 seconds" in dialog.message.text()
    type_pin(qtbot, dialog.pin, "1357")  # even the right PIN waits out the lock
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Try again in" in dialog.message.text()
