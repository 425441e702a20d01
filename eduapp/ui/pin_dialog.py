"""Asking for the clinician PIN: choose one on first use, then enter it; wrong tries lock it.

The rules (hashing, tries, lockout) live in `eduapp.core.pin`; this dialog only asks and
shows what the rules answer.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from eduapp.ui.widgets import button, label


class PinRules(Protocol):
    """What the dialog needs from the PIN rules."""

    def is_set(self) -> bool: ...

    def choose(self, pin: str) -> str | None:
        """Store a new PIN; a message if it is not acceptable."""

    def check(self, pin: str) -> str | None:
        """None if right; otherwise what to tell the person (wrong, or locked for N s)."""


class PinDialog(QDialog):
    """Enter (or, the first time, choose and repeat) the clinician PIN."""

    def __init__(self, rules: PinRules, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rules = rules
        self.choosing = not rules.is_set()
        self.setWindowTitle(self.tr("Clinician PIN"))
        self.setModal(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(32, 28, 32, 28)
        box.setSpacing(14)
        self.title = label(self.tr("Choose a clinician PIN") if self.choosing
                           else self.tr("For staff: enter the clinician PIN"), "h2")
        self.hint = label(self.tr("4 to 8 digits. Only staff should know it.") if self.choosing
                          else self.tr("Patients: please ask a member of staff."), "muted")
        self.pin = self._field(self.tr("PIN"))
        self.repeat = self._field(self.tr("Repeat the PIN"))
        self.repeat.setVisible(self.choosing)
        self.message = label("", "verdict-wrong")
        self.message.hide()
        buttons = QHBoxLayout()
        self.cancel_button = button(self.tr("Cancel"))
        self.ok_button = button(self.tr("Save PIN") if self.choosing else self.tr("OK"),
                                "primary")
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button.clicked.connect(self._submit)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        for widget in (self.title, self.hint, self.pin, self.repeat, self.message):
            box.addWidget(widget)
        box.addLayout(buttons)
        self.pin.returnPressed.connect(self._submit)
        self.repeat.returnPressed.connect(self._submit)
        self.pin.setFocus()

    def _field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        field.setMaxLength(8)
        field.setMinimumHeight(48)
        field.setPlaceholderText(name)
        field.setAccessibleName(name)
        return field

    def _submit(self) -> None:
        pin = self.pin.text()
        if self.choosing:
            if pin != self.repeat.text():
                problem: str | None = self.tr("The two PINs are not the same.")
            else:
                problem = self.rules.choose(pin)
        else:
            problem = self.rules.check(pin)
        self.pin.clear()
        self.repeat.clear()
        if problem is None:
            self.accept()
            return
        self.message.setText(problem)
        self.message.setAccessibleName(problem)
        self.message.show()
        self.pin.setFocus()
