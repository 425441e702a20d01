"""The clinician workspace: Today, Questions, Presenter and Settings, behind the PIN.

It is built fresh each time it is opened (so it shows current data) and thrown away when the
clinician goes back to the patient screens, or when the idle reset starts over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from eduapp.core.content.model import Module
from eduapp.core.startup import Notice
from eduapp.core.storage.sqlite import Store
from eduapp.ui import wording
from eduapp.ui.clinician.presenter import PresenterTab
from eduapp.ui.widgets import button, label


@dataclass
class WorkspaceContext:
    """What the workspace needs from the running app."""

    store: Store | None
    modules: list[Module]
    clinic_name: str
    paper: str
    settings_path: Path | None  # the data folder's clinic.toml; None: cannot be saved
    resources: Path
    notices: list[Notice] = field(default_factory=list)  # problems the clinician must know


class ClinicianWorkspace(QWidget):
    """The tabs, a notice of anything wrong, and the way back to the patient screens."""

    closed = Signal()
    settings_saved = Signal()

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.context = context
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 12, 24, 16)
        box.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(label(self.tr("Clinician workspace"), "h2"), 1)
        self.back_button = button(self.tr("Back to patient screens"), "primary")
        self.back_button.clicked.connect(self.closed)
        top.addWidget(self.back_button)
        box.addLayout(top)
        self.notice = label("\n".join(map(wording.notice, context.notices)), "banner")
        self.notice.setVisible(bool(context.notices))
        box.addWidget(self.notice)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        box.addWidget(self.tabs, 1)
        self._add_tabs()
        self.tabs.currentChanged.connect(self._tab_shown)

    def _add_tabs(self) -> None:
        c = self.context
        if c.store is not None:
            from eduapp.ui.clinician.questions import QuestionsTab
            from eduapp.ui.clinician.today import TodayTab

            self.today: QWidget | None = TodayTab(c.store, c.modules, c.clinic_name, c.paper)
            self.tabs.addTab(self.today, self.tr("Today"))
            self.tabs.addTab(QuestionsTab(c.store, c.modules), self.tr("Questions"))
        else:
            self.today = None
            self.tabs.addTab(label(self.tr(
                "Results are not being saved, so there are no sessions to show. "
                "See the notice above."), "lead"), self.tr("Today"))
        self.presenter = PresenterTab(c.modules)
        self.tabs.addTab(self.presenter, self.tr("Presenter"))
        if c.store is not None and c.settings_path is not None:
            from eduapp.ui.clinician.settings import SettingsTab

            settings = SettingsTab(c.store, c.settings_path, c.resources)
            settings.saved.connect(self.settings_saved)
            self.tabs.addTab(settings, self.tr("Settings"))

    def _tab_shown(self, index: int) -> None:
        refresh = getattr(self.tabs.widget(index), "refresh", None)
        if callable(refresh):
            refresh()
