"""The welcome screen: the clinic's name, what this is, and one big Start button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from eduapp.core.model import Image
from eduapp.ui.widgets import Illustration, button, label


class WelcomePage(QWidget):
    """First thing a patient sees; nothing to type."""

    start = Signal()

    def __init__(self, clinic_name: str, picture: Image | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        box = QVBoxLayout(self)
        box.setContentsMargins(48, 32, 48, 40)
        box.setSpacing(18)
        self.clinic = label(clinic_name, "lead")
        self.clinic.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture = Illustration()
        self.picture.show_image(picture)
        self.title = label(self.tr("Learn about your pain care"), "h1")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.intro = label(self.tr(
            "Short lessons with pictures, one idea at a time. After each lesson, a few "
            "questions help you check what you understood. You do not need to give your name."),
            "lead")
        self.intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_button = button(self.tr("Start"), "primary")
        self.start_button.setMinimumWidth(280)
        self.start_button.clicked.connect(self.start)
        box.addWidget(self.clinic)
        box.addWidget(self.picture, 1)
        box.addWidget(self.title)
        box.addWidget(self.intro)
        box.addSpacing(8)
        box.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.setFocusProxy(self.start_button)

    def spoken_text(self) -> str:
        return "\n".join((self.clinic.text(), self.title.text(), self.intro.text()))
