"""The Settings tab's notice that another computer saved the clinic's settings first."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from eduapp.ui.i18n import short_time
from eduapp.ui.widgets import button, label
from eduapp.ui.wrap_layout import ButtonRow


class NewerSettings(QFrame):
    """Says when another computer saved, what it changed, and offers the two ways on.

    What this clinician typed stays in the form below until they choose.
    """

    load_newer = Signal()  # show the newer settings in the form (what was typed goes)
    save_mine = Signal()  # save what was changed in the form over the newer settings

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 12, 16, 12)
        self.text = label("", "banner")
        box.addWidget(self.text)
        row = ButtonRow(spacing=12)
        self.load_button = button(self.tr("Load the newer settings"),
                                  name=self.tr("Load the newer settings, leaving what you "
                                               "typed unsaved"))
        self.save_button = button(self.tr("Save mine anyway"),
                                  name=self.tr("Save mine anyway: your changes over theirs"))
        self.load_button.clicked.connect(self.load_newer)
        self.save_button.clicked.connect(self.save_mine)
        for widget in (self.load_button, self.save_button):
            row.addWidget(widget)
            row.pin_left(widget)
        box.addLayout(row)
        self.hide()

    def show_newer(self, saved_at: datetime | None, changes: list[tuple[str, str]]) -> None:
        """`changes`: (field name, its newer value) for what the other computer changed."""
        when = short_time(saved_at) if saved_at is not None else "?"
        lines = [self.tr("Not saved: another computer changed the clinic's settings at %1, "
                         "after you opened them. What you typed is still in the form.")
                 .replace("%1", when)]
        if changes:
            lines.append(self.tr("Their changes:"))
            lines += [f"\u2022 {name}: {value}" for name, value in changes]
        else:
            lines.append(self.tr("They changed nothing this form shows."))
        text = "\n".join(lines)
        self.text.setText(text)
        self.text.setAccessibleName(text)
        self.show()
        self.load_button.setFocus()
