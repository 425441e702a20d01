"""The welcome screen: the clinic's name, what this is, the language, and one big Start button."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from eduapp.ui.i18n import language_name
from eduapp.ui.widgets import Illustration, button, heading, label, one_tab_stop

if TYPE_CHECKING:
    from pathlib import Path


class WelcomePage(QWidget):
    """First thing a patient sees; nothing to type.

    When the clinic offers more than one language, a row of buttons, each named in its own
    language, lets the patient choose before starting (`language_chosen`).
    """

    start = Signal()
    language_chosen = Signal(str)

    def __init__(self, clinic_name: str, picture: Path | None,
                 languages: Sequence[str] = (), language: str = "en",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        box = QVBoxLayout(self)
        box.setContentsMargins(48, 32, 48, 40)
        box.setSpacing(18)
        self.clinic = label(clinic_name, "lead")
        self._picture = picture
        self.picture = Illustration()
        self.title = heading("", 1)
        self.intro = label("", "lead")
        for centred in (self.clinic, self.title, self.intro):
            # by name, so `Qt` loads after the first frame (see eduapp.ui.widgets)
            centred.setProperty("alignment", "AlignCenter")
        self.start_button = button("", "primary")
        self.start_button.setMinimumWidth(280)
        self.start_button.clicked.connect(self.start)
        box.addWidget(self.clinic)
        box.addWidget(self.picture, 1)
        box.addWidget(self.title)
        box.addWidget(self.intro)
        box.addSpacing(8)
        # the language choice sits beside Start: choose, then start
        self.language_buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addStretch(1)
        if len(languages) > 1:
            self._add_languages(row, languages)
            row.addSpacing(24)
        row.addWidget(self.start_button)
        row.addStretch(1)
        box.addLayout(row)
        if self.language_buttons:  # read as shown: the language, then Start
            QWidget.setTabOrder(list(self.language_buttons.values())[-1], self.start_button)
        self.setFocusProxy(self.start_button)
        self.retranslate(language)

    def _add_languages(self, row: QHBoxLayout, languages: Sequence[str]) -> None:
        """Radio buttons in a group named "Language": one tab stop, the arrows choose."""
        self.language_group = QWidget()
        self.language_group.setProperty("accessibleRole", "group")  # eduapp.ui.accessibility
        box = QHBoxLayout(self.language_group)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(12)
        for code in languages:
            choice = button(language_name(code), "step")
            choice.setCheckable(True)
            choice.setAutoExclusive(True)
            choice.setMinimumWidth(150)
            choice.clicked.connect(partial(self.language_chosen.emit, code))
            self.language_buttons[code] = choice
            box.addWidget(choice)
        row.addWidget(self.language_group)

    def retranslate(self, language: str) -> None:
        """Set every text in the interface language now installed; mark `language` chosen."""
        self.picture.show_file(self._picture, self.tr(
            "Three people of different ages sit together on a sofa; one reads a lesson on a "
            "tablet."))
        self.title.setText(self.tr("Learn about your pain care"))
        self.intro.setText(self.tr(
            "Short lessons with pictures, one idea at a time. After each lesson, a few "
            "questions help you check what you understood. You do not need to give your name."))
        self.start_button.setText(self.tr("Start"))
        self.start_button.setAccessibleName(self.tr("Start"))
        if self.language_buttons:
            self.language_group.setAccessibleName(self.tr("Language"))
        for code, choice in self.language_buttons.items():
            choice.setChecked(code == language)
            choice.setAccessibleName(language_name(code))
        one_tab_stop(self.language_buttons.values())

    def announcement(self) -> str:
        return self.spoken_text()

    def spoken_text(self) -> str:
        return "\n".join((self.clinic.text(), self.title.text(), self.intro.text()))
