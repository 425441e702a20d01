"""Asking for the clinician PIN: choose one on first use, then enter it; wrong tries lock it.

The rules (hashing, tries, lockout) live in `eduapp.core.pin`; this dialog only asks and
shows what the rules answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from eduapp.core.pin import MAX_DIGITS, MIN_DIGITS
from eduapp.core.storage.sqlite import Store
from eduapp.ui.accessibility import set_role
from eduapp.ui.widgets import button, label

if TYPE_CHECKING:
    from eduapp.core.pin import PinCheck, PinProblem


class PinRules(Protocol):
    """What the dialog needs from the PIN rules."""

    def is_set(self) -> bool: ...

    def choose(self, pin: str) -> PinProblem | None:
        """Store a new PIN; why not if it is not acceptable."""

    def check(self, pin: str) -> PinCheck | None:
        """None if right; otherwise how the try went (wrong, or locked for N s)."""

    def change(self, current: str, new: str) -> PinProblem | PinCheck | None:
        """None when changed; else why the new PIN cannot be used, or how the current went."""


class PinForm(QDialog):
    """A modal form of PIN fields: a heading, a hint, the fields, what is wrong, Cancel and OK.

    A subclass words everything (so each keeps its own translations) and says in `answer`
    what is wrong with what was typed, or None to close the form as accepted.
    """

    def __init__(self, texts: tuple[str, str, str, str, str], fields: list[str],
                 parent: QWidget | None = None) -> None:
        """`texts`: window title, heading, hint, the Cancel and the OK button's words."""
        super().__init__(parent)
        title, heading, hint, cancel, ok = texts
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(560)
        box = QVBoxLayout(self)
        box.setContentsMargins(32, 28, 32, 28)
        box.setSpacing(14)
        self.title = label(heading, "h2")
        self.hint = label(hint, "muted")
        self.fields = [pin_field(name) for name in fields]
        self.message = label("", "verdict-wrong")
        set_role(self.message, "notification")  # read out each time it shows
        self.message.hide()
        buttons = QHBoxLayout()
        self.cancel_button = button(cancel)
        self.ok_button = button(ok, "primary")
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button.clicked.connect(self._submit)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        for widget in (self.title, self.hint, *self.fields, self.message):
            box.addWidget(widget)
        box.addLayout(buttons)
        for field in self.fields:
            field.returnPressed.connect(self._submit)
        self.fields[0].setFocus()

    def answer(self) -> str | None:
        """What is wrong with the PINs typed, worded; None when they were taken."""
        raise NotImplementedError

    def _submit(self) -> None:
        problem = self.answer()
        for field in self.fields:
            field.clear()
        if problem is None:
            self.accept()
            return
        self.message.hide()
        self.message.setText(problem)
        self.message.setAccessibleName(problem)
        self.message.show()
        # room for the message at this width (adjustSize would not count the wrapped lines),
        # also where no window manager resizes us
        self.resize(self.width(), max(self.height(), self.heightForWidth(self.width())))
        self.fields[0].setFocus()


class PinDialog(PinForm):
    """Enter (or, the first time, choose and repeat) the clinician PIN."""

    def __init__(self, rules: PinRules, parent: QWidget | None = None) -> None:
        self.rules = rules
        self.choosing = not rules.is_set()
        choosing = self.choosing
        super().__init__((
            self.tr("Clinician PIN"),
            self.tr("Choose a clinician PIN") if choosing
            else self.tr("For staff: enter the clinician PIN"),
            self.tr("%1 to %2 digits. Only staff should know it.").replace(
                "%1", str(MIN_DIGITS)).replace("%2", str(MAX_DIGITS)) if choosing
            else self.tr("Patients: please ask a member of staff."),
            self.tr("Cancel"), self.tr("Save PIN") if choosing else self.tr("OK")),
            [self.tr("PIN"), self.tr("Repeat the PIN")], parent)
        self.pin, self.repeat = self.fields
        self.repeat.setVisible(choosing)

    def answer(self) -> str | None:
        from eduapp.ui.wording import pin_outcome

        pin = self.pin.text()
        if not self.choosing:
            return pin_outcome(self.rules.check(pin))
        if pin != self.repeat.text():
            return self.tr("The two PINs are not the same.")
        return pin_outcome(self.rules.choose(pin))


def pin_field(name: str) -> QLineEdit:
    """A field for a PIN: hidden digits, at most as many as a PIN may have."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    field.setMaxLength(MAX_DIGITS)
    field.setMinimumHeight(48)
    field.setPlaceholderText(name)
    field.setAccessibleName(name)
    return field


def pin_rules(store: Store | None) -> PinRules | None:
    """The PIN rules of the database, or None when there is no database to keep a PIN in.

    On a device connected to a clinic, the clinic's PIN (see eduapp.core.clinic_pin).
    """
    if store is None:
        return None
    from eduapp.core.storage.postgres import Connection

    connection = Connection.load(store.path.parent if store.path else None)
    if connection is not None:  # clinic mode: one PIN and lockout for every device
        from eduapp.core.clinic_pin import ClinicPin

        return ClinicPin(store, connection.url)
    from eduapp.core.pin import PinLock

    return PinLock(store)


def ask_for_pin(parent: QWidget, store: Store | None) -> bool:
    """Ask for the clinician PIN (choosing one if none is set); True if it was right."""
    rules = pin_rules(store)
    if rules is None:
        box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate(
            "pin", "Clinician PIN"), QCoreApplication.translate(
            "pin", "The PIN cannot be checked because the data folder cannot be used. Close "
            "the app from the computer's own controls."), parent=parent)
        box.exec()
        return False
    return PinDialog(rules, parent).exec() == QDialog.DialogCode.Accepted
