"""The clinician workspace: Today, Questions, Presenter and Settings, behind the PIN.

It is built fresh each time it is opened (so it shows current data) and thrown away when the
clinician goes back to the patient screens, or when the idle reset starts over. In clinic
mode Today and Questions read the whole clinic from its server and Today reads again when
the server says a device delivered results; while the server cannot be reached they show
this device's own sessions, and say so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from eduapp.core.content.model import Module
from eduapp.core.startup import Notice
from eduapp.core.storage.sqlite import Store
from eduapp.ui import wording
from eduapp.ui.accessibility import set_role
from eduapp.ui.clinician.presenter import PresenterTab
from eduapp.ui.widgets import button, label, restyle
from eduapp.ui.wrap_layout import ButtonRow

if TYPE_CHECKING:
    from eduapp.core.storage.clinic_view import ClinicView
    from eduapp.ui.clinician.questions import QuestionsTab
    from eduapp.ui.clinician.today import TodayTab


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
    clinic: ClinicView | None = None  # clinic mode: what of the clinic can be shown
    timing: Mapping[str, str] = field(default_factory=dict)  # fasting and arrival settings


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
        top = ButtonRow(spacing=12)  # the button under the title rather than cut
        title = label(self.tr("Clinician workspace"), "h2", wrap=False)
        set_role(title, "heading")
        top.addWidget(title)
        top.pin_left(title)
        self.back_button = button(self.tr("Back to patient screens"), "primary")
        self.back_button.clicked.connect(self.closed)
        top.addWidget(self.back_button)
        box.addLayout(top)
        self.notice = label("", "banner")
        self.show_notices(context.notices)
        box.addWidget(self.notice)
        self.reach = label("", "muted")  # clinic mode: whole clinic, or why only this device
        self.reach.hide()
        box.addWidget(self.reach)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setFocusProxy(self.tabs.tabBar())  # the focus starts on the tabs
        box.addWidget(self.tabs, 1)
        self._add_tabs()
        self.tabs.currentChanged.connect(self._tab_shown)
        self._listen()

    def show_notices(self, notices: list[Notice]) -> None:
        """What the clinician must know, above the tabs; nothing when all is well."""
        self.notice.setText("\n".join(map(wording.notice, notices)))
        self.notice.setVisible(bool(notices))

    def _add_tabs(self) -> None:
        c = self.context
        if c.store is not None:
            from eduapp.ui.clinician.questions import QuestionsTab
            from eduapp.ui.clinician.today import TodayTab

            results = c.clinic.store if c.clinic and c.clinic.store else c.store
            self.today: TodayTab | None = TodayTab(results, c.modules, c.clinic_name, c.paper)
            self.tabs.addTab(self.today, self.tr("Today"))
            self.questions: QuestionsTab | None = QuestionsTab(results, c.modules)
            self.tabs.addTab(self.questions, self.tr("Questions"))
        else:
            self.today = self.questions = None
            self.tabs.addTab(label(self.tr(
                "Results are not being saved, so there are no sessions to show. "
                "See the notice above."), "lead"), self.tr("Today"))
        self.presenter = PresenterTab(c.modules, c.clinic_name, c.paper, c.timing)
        self.tabs.addTab(self.presenter, self.tr("Presenter"))
        if c.store is not None and c.settings_path is not None:
            from eduapp.ui.clinician.settings import SettingsTab

            settings = SettingsTab(c.store, c.settings_path, c.resources, clinic=c.clinic)
            settings.saved.connect(self.settings_saved)
            self.tabs.addTab(settings, self.tr("Settings"))

    def _listen(self) -> None:
        """Clinic mode: hear the server announce new results; show what is shown."""
        clinic = self.context.clinic
        if clinic is None or self.today is None:
            return
        from eduapp.core.storage.clinic_view import Reach

        self._show_reach(clinic.reach is Reach.WHOLE_CLINIC)
        if clinic.reach is Reach.OWN_ONLY:
            return
        from eduapp.core.storage.listener import Listener

        relay = self._relay = _Relay(self)
        # deliveries are read together: at most one read 0.2 s after the first news not yet
        # read; news heard meanwhile waits for it (restarting the wait instead would put
        # the read off for as long as kiosks keep delivering, every few milliseconds)
        self._read_soon = QTimer(self)
        self._read_soon.setSingleShot(True)
        self._read_soon.setInterval(200)
        self._read_soon.timeout.connect(self._results_arrived)
        relay.results.connect(self._results_heard)
        relay.link.connect(self._link_changed)
        listener = Listener(clinic.url, relay.results.emit, relay.link.emit)
        self.destroyed.connect(lambda: listener.stop(0.0))
        listener.start()

    def _results_heard(self) -> None:
        if not self._read_soon.isActive():
            self._read_soon.start()

    def _results_arrived(self) -> None:
        if self.today is not None and self.tabs.currentWidget() is self.today:
            self.today.refresh()

    def _link_changed(self, up: bool) -> None:
        """The server came back (the whole clinic again) or went away (this device only)."""
        from datetime import UTC, datetime

        clinic = self.context.clinic
        if clinic is None or self.today is None or self.questions is None:
            return
        if up:
            if clinic.store is None:
                from eduapp.core.storage.clinic_store import ClinicStore

                clinic.store = ClinicStore(clinic.url, timeout=2)
            clinic.since = None
        else:
            clinic.since = clinic.since or datetime.now(UTC)
        results = clinic.store if up else self.context.store
        if results is None or self.today.store is results:
            return
        self.today.store = self.questions.store = results
        self._show_reach(up)
        self._tab_shown(self.tabs.currentIndex())

    def _show_reach(self, whole: bool) -> None:
        from eduapp.core.storage.clinic_view import Reach

        clinic = self.context.clinic
        assert clinic is not None
        self.reach.setText(wording.clinic_reach(
            Reach.WHOLE_CLINIC if whole else clinic.reach if clinic.reach is Reach.OWN_ONLY
            else Reach.AWAY, clinic.since))
        self.reach.setProperty("role", "muted" if whole else "banner")
        restyle(self.reach)
        self.reach.show()

    def _tab_shown(self, index: int) -> None:
        refresh = getattr(self.tabs.widget(index), "refresh", None)
        if callable(refresh):
            refresh()


class _Relay(QObject):
    """Carries the listener's news from its thread to the interface's (queued signals)."""

    results = Signal()
    link = Signal(bool)
