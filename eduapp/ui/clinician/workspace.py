"""The clinician workspace: Today, Questions, Presenter and Settings, behind the PIN.

It is built fresh each time it is opened (so it shows current data) and thrown away when the
clinician goes back to the patient screens, or when the idle reset starts over. Each tab's
page is built the first time it is shown (Today at once), so that opening the workspace
does not flood a screen reader with the objects of pages nobody looks at yet. In clinic
mode Today and Questions read the whole clinic from its server and Today reads again when
the server says a device delivered results; while the server cannot be reached they show
this device's own sessions, and say so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
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
from eduapp.ui.widgets import button, label, restyle
from eduapp.ui.wrap_layout import ButtonRow

if TYPE_CHECKING:
    from eduapp.core.storage.clinic_view import ClinicView
    from eduapp.ui.clinician.presenter import PresenterTab
    from eduapp.ui.clinician.questions import QuestionsTab
    from eduapp.ui.clinician.settings import SettingsTab
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
        """Every tab's name at once; a tab's page only when first shown (Today at once).

        Building every page at unlock put hundreds of new objects on the accessibility bus
        in one burst, and a screen reader spoke seconds late.
        """
        c = self.context
        self._results = c.clinic.store if c.clinic and c.clinic.store else c.store
        self.today: TodayTab | None = None
        self.questions: QuestionsTab | None = None
        self.presenter: PresenterTab | None = None
        self.settings: SettingsTab | None = None
        if c.store is not None:
            self.tabs.addTab(_Page(self._build_today), self.tr("Today"))
            self.tabs.addTab(_Page(self._build_questions), self.tr("Questions"))
        else:
            self.tabs.addTab(label(self.tr(
                "Results are not being saved, so there are no sessions to show. "
                "See the notice above."), "lead"), self.tr("Today"))
        self.tabs.addTab(_Page(self._build_presenter), self.tr("Presenter"))
        if c.store is not None and c.settings_path is not None:
            self.tabs.addTab(_Page(self._build_settings), self.tr("Settings"))
        self.page(0)

    def page(self, index: int) -> QWidget | None:
        """The page of tab `index`, built now if it was not yet."""
        page = self.tabs.widget(index)
        return page.content() if isinstance(page, _Page) else page

    def _build_today(self) -> QWidget:
        from eduapp.ui.clinician.today import TodayTab

        c = self.context
        assert self._results is not None
        self.today = TodayTab(self._results, c.modules, c.clinic_name, c.paper)
        return self.today

    def _build_questions(self) -> QWidget:
        from eduapp.ui.clinician.questions import QuestionsTab

        assert self._results is not None
        self.questions = QuestionsTab(self._results, self.context.modules)
        return self.questions

    def _build_presenter(self) -> QWidget:
        from eduapp.ui.clinician.presenter import PresenterTab

        c = self.context
        self.presenter = PresenterTab(c.modules, c.clinic_name, c.paper, c.timing)
        return self.presenter

    def _build_settings(self) -> QWidget:
        from eduapp.ui.clinician.settings import SettingsTab

        c = self.context
        assert c.store is not None and c.settings_path is not None
        self.settings = SettingsTab(c.store, c.settings_path, c.resources, clinic=c.clinic)
        self.settings.saved.connect(self.settings_saved)
        return self.settings

    def _listen(self) -> None:
        """Clinic mode: hear the server announce new results; show what is shown."""
        clinic = self.context.clinic
        if clinic is None or self.context.store is None:
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
        if self.today is not None and self.page(self.tabs.currentIndex()) is self.today:
            self.today.refresh()  # a tab not shown reads when it is shown

    def _link_changed(self, up: bool) -> None:
        """The server came back (the whole clinic again) or went away (this device only)."""
        from datetime import UTC, datetime

        clinic = self.context.clinic
        if clinic is None or self.context.store is None:
            return
        if up:
            if clinic.store is None:
                from eduapp.core.storage.clinic_store import ClinicStore

                clinic.store = ClinicStore(clinic.url, timeout=2)
            clinic.since = None
        else:
            clinic.since = clinic.since or datetime.now(UTC)
        results = clinic.store if up else self.context.store
        if results is None or self._results is results:
            return
        self._results = results  # for the tabs built from now on, and those built already
        for tab in (self.today, self.questions):
            if tab is not None:
                tab.store = results
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
        """Build the tab's page the first time (it reads fresh), else read it again."""
        page = self.tabs.widget(index)
        if isinstance(page, _Page) and not page.built():
            page.content()
            return
        refresh = getattr(self.page(index), "refresh", None)
        if callable(refresh):
            refresh()


class _Page(QWidget):
    """A tab's page, built the first time it is asked for."""

    def __init__(self, build: Callable[[], QWidget]) -> None:
        super().__init__()
        self._build = build
        self._content: QWidget | None = None
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    def built(self) -> bool:
        return self._content is not None

    def content(self) -> QWidget:
        if self._content is None:
            self._content = self._build()
            layout = self.layout()
            assert layout is not None
            layout.addWidget(self._content)
            self._content.show()  # now, not at the next turn of the event loop
        return self._content


class _Relay(QObject):
    """Carries the listener's news from its thread to the interface's (queued signals)."""

    results = Signal()
    link = Signal(bool)
