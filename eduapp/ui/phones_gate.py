"""Kiosk: the page staff see instead of the patient screens while phone numbers are not set."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from eduapp.ui.widgets import button, down_scroll, label


class PhonesGate(QWidget):
    """Says what to set and where, in the staff's language; opens the Settings (PIN)."""

    open_settings = Signal()

    def __init__(self, settings_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        content = QWidget()  # scrolls where the window is too short for the largest text
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(down_scroll(content))
        box = QVBoxLayout(content)
        box.setContentsMargins(48, 48, 48, 48)  # its button's words fit a portrait tablet
        box.setSpacing(18)
        box.addStretch(1)
        self.title = label(self.tr("The patient screens cannot start yet"), "h1")
        box.addWidget(self.title)
        where = (self.tr("Or edit the settings file %1 and start the app again.").replace(
            "%1", str(settings_file)) if settings_file is not None else "")
        self.message = label(" ".join(part for part in (
            self.tr("The clinic's phone numbers are not set, so patients cannot be told whom "
                    "to call."),
            self.tr("Staff: set the clinic phone and the after-hours phone in the Settings tab "
                    "of clinician mode (press the button below and enter the clinician PIN), "
                    "then save; the welcome page then opens."),
            where) if part), "lead")
        box.addWidget(self.message)
        self.settings_button = button(self.tr("Open the Settings (clinician PIN)"), "primary")
        self.settings_button.clicked.connect(self.open_settings)
        box.addWidget(self.settings_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addStretch(2)
