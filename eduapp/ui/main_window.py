"""The main window: a slim top bar and the patient pages; tells when its first frame is painted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from eduapp.core.model import Image, Module
from eduapp.core.visit import Visit
from eduapp.ui.flow import PatientFlow
from eduapp.ui.widgets import button, label


class MainWindow(QMainWindow):
    """Holds the pages; the flow moves between them."""

    first_frame = Signal()

    def __init__(self, modules: list[Module], clinic_name: str,
                 open_visit: Callable[[], Visit], welcome_picture: Image | None = None,
                 paper: str = "letter") -> None:
        super().__init__()
        self.clinic_name = clinic_name
        self.paper = paper
        self.setWindowTitle(self.tr("%1: learning about your care").replace("%1", clinic_name))
        self.setMinimumSize(1024, 700)
        self.resize(1280, 800)
        central = QWidget()
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        self.top_bar = QFrame()
        self.top_bar.setObjectName("topbar")
        bar = QHBoxLayout(self.top_bar)
        bar.setContentsMargins(24, 8, 24, 8)
        self.clinic_label = label(clinic_name, "muted", wrap=False)
        self.topics_button = button(self.tr("All topics"), name=self.tr("Go to all topics"))
        bar.addWidget(self.clinic_label)
        bar.addStretch(1)
        bar.addWidget(self.topics_button)
        self.stack = QStackedWidget()
        box.addWidget(self.top_bar)
        box.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.flow = PatientFlow(self.stack, modules, clinic_name, open_visit, welcome_picture)
        self.topics_button.clicked.connect(self.flow.show_modules)
        self.flow.page_changed.connect(self._page_changed)
        self.flow.print_requested.connect(self._print_checklist)
        self._page_changed(self.stack.currentWidget())
        self._painted = False
        self.installEventFilter(self)

    def _page_changed(self, page: QWidget) -> None:
        self.top_bar.setVisible(page is not self.flow.welcome)
        self.topics_button.setVisible(page not in (self.flow.welcome, self.flow.module_list))

    def _print_checklist(self, module: Module) -> None:
        from eduapp.ui.checklist import print_checklist  # print support loads on first use

        print_checklist(module, self.clinic_name, self.paper, self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_frame.emit()
        return super().eventFilter(watched, event)
