"""The main window: a slim top bar and the patient pages; kiosk mode and the idle reset.

The top bar is on every patient screen: text size in three steps, high contrast, and the
way back to all topics. In kiosk mode the window covers the whole screen with no frame, and
closing it (the close button, Alt+F4, Escape, Ctrl+Q, Ctrl+W) asks for the clinician
instead of quitting.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from eduapp.ui import accessibility
from eduapp.ui.i18n import Translations
from eduapp.ui.patient.flow import PatientFlow
from eduapp.ui.patient.idle import IdleReset, close_popups
from eduapp.ui.patient.read_aloud import ReadAloud
from eduapp.ui.theme import HIGH_CONTRAST, PALETTE, TEXT_STEPS, style_app
from eduapp.ui.widgets import button, discard, label, one_tab_stop
from eduapp.ui.wrap_layout import WrapLayout

if TYPE_CHECKING:
    from datetime import time

    from eduapp.core.content.model import Module
    from eduapp.core.visit import Visit


@dataclass(frozen=True)
class WindowSettings:
    """What the clinic chose for the window, and each patient's starting point."""

    clinic_name: str
    welcome_picture: Path | None = None  # an SVG; its description is the welcome page's
    paper: str = "letter"
    idle_seconds: float | None = None  # None: never reset
    countdown_seconds: int = 30
    kiosk: bool = False
    text_step: int = 0
    high_contrast: bool = False
    speech_engine: str | None = None  # None: the system's; "mock" in tests
    language: str = "en"  # each patient's starting language: a key of the window's modules
    timing: Mapping[str, str] = field(default_factory=dict)  # the clinic's fasting and
    # arrival settings (no_food_hours, ...), for the day-of plan on the session checklist


class MainWindow(QMainWindow):
    """Holds the pages; the flow moves between them."""

    first_frame = Signal()
    exit_requested = Signal()  # kiosk: someone tried to close the app

    def __init__(self, modules: Mapping[str, Sequence[Module]], settings: WindowSettings,
                 open_visit: Callable[[str], Visit],
                 open_workspace: Callable[[QWidget], QWidget | None] | None = None,
                 translations: Translations | None = None) -> None:
        """`modules` holds each language offered to patients and its modules, in order."""
        super().__init__()
        accessibility.install()
        self.announcer = accessibility.Announcer(self)
        self.modules = modules
        self.translations = translations
        self.language = settings.language if settings.language in modules else next(
            iter(modules), settings.language)
        if translations is not None:
            translations.use(self.language)
        self.open_workspace = open_workspace
        self.workspace: QWidget | None = None
        self.hold: QWidget | None = None  # kiosk: shown instead of the patient screens
        self.settings = settings
        self.clinic_name = settings.clinic_name
        self.paper = settings.paper
        self.text_step = settings.text_step
        self.high_contrast = settings.high_contrast
        self.kiosk = False
        self.may_close = False
        self.setMinimumSize(800, 600)  # a portrait tablet
        self.resize(1280, 800)
        central = QWidget()
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self._build_top_bar())
        self.stack = QStackedWidget()
        box.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.idle: IdleReset | None = None
        self.speech = ReadAloud(settings.speech_engine, self)
        self.speech.set_language(self.language)
        self.speech.state_changed.connect(self._speech_state)
        self.speech.unavailable.connect(self._explain_no_speech)
        self.flow = PatientFlow(self.stack, modules, settings.clinic_name, open_visit,
                                settings.welcome_picture, self.language)
        self.flow.welcome.language_chosen.connect(self.set_language)
        self.topics_button.clicked.connect(self.flow.show_modules)
        self.flow.finished.connect(self.start_over)  # "I am finished": the same wipe as idle
        self.flow.page_changed.connect(self._page_changed)
        self.flow.print_requested.connect(self._print_checklist)
        if settings.idle_seconds:
            self.idle = IdleReset(central, settings.idle_seconds, settings.countdown_seconds,
                                  busy=lambda: self.speech.state == "speaking")
            self.idle.reset.connect(self.start_over)
        self._retranslate()
        self._page_changed(self.stack.currentWidget())
        self._painted = False
        self.installEventFilter(self)

    def _build_top_bar(self) -> QFrame:
        self.top_bar = QFrame()
        self.top_bar.setObjectName("topbar")
        bar = WrapLayout(self.top_bar)  # a second row rather than a cut button
        bar.setContentsMargins(24, 6, 24, 6)
        self.clinic_label = label(self.settings.clinic_name, "muted", wrap=False)
        bar.addWidget(self.clinic_label)
        bar.pin_left(self.clinic_label)
        self.size_buttons = []
        for step in range(len(TEXT_STEPS)):
            size_button = button("A", "step")
            size_button.setCheckable(True)
            size_button.setAutoExclusive(True)  # one of three: radio buttons, arrows choose
            size_button.setStyleSheet(f"font-size: {TEXT_STEPS[step]}px;")
            size_button.clicked.connect(partial(self.set_text_step, step))
            self.size_buttons.append(size_button)
            bar.addWidget(size_button)
        self.contrast_button = button("")
        self.contrast_button.setCheckable(True)
        self.contrast_button.toggled.connect(self.set_high_contrast)
        self.read_button = button("")
        self.read_button.clicked.connect(self._read_clicked)
        self.stop_speech_button = button("")
        self.stop_speech_button.clicked.connect(lambda: self.speech.stop())
        self.slow_button = button("")
        self.slow_button.setCheckable(True)
        self.slow_button.toggled.connect(lambda on: self.speech.set_slow(on))
        self.topics_button = button("")
        self.staff_button = button("", "quiet")
        self.staff_button.clicked.connect(self.show_workspace)
        self.staff_button.setVisible(self.open_workspace is not None)
        bar.addWidget(self.contrast_button)
        for speech_button in (self.read_button, self.stop_speech_button, self.slow_button):
            bar.addWidget(speech_button)
        bar.addWidget(self.topics_button)
        bar.addWidget(self.staff_button)  # last and quiet: for staff, not in patients' way
        for before, after in pairwise([*self.size_buttons, self.contrast_button,
                                       self.read_button, self.stop_speech_button,
                                       self.slow_button, self.topics_button,
                                       self.staff_button]):
            QWidget.setTabOrder(before, after)
        return self.top_bar

    def _retranslate(self) -> None:
        """Every text of the window itself, in the interface language now installed."""
        self.setLocale(QLocale(self.language))  # dates and numbers, in every widget inside
        self.setWindowTitle(self.tr("%1: learning about your care").replace(
            "%1", self.settings.clinic_name))
        names = (self.tr("Normal text"), self.tr("Larger text"), self.tr("Largest text"))
        for size_button, name in zip(self.size_buttons, names, strict=True):
            size_button.setAccessibleName(name)
            size_button.setToolTip(name)
        for widget, text, name in (
                (self.contrast_button, self.tr("High contrast"), self.tr("High contrast")),
                (self.stop_speech_button, self.tr("Stop"), self.tr("Stop reading aloud")),
                (self.slow_button, self.tr("Slower"), self.tr("Read more slowly")),
                (self.topics_button, self.tr("All topics"), self.tr("Go to all topics")),
                (self.staff_button, self.tr("Staff"), self.tr("Staff: open clinician mode"))):
            widget.setText(text)
            widget.setAccessibleName(name)
        self.read_button.setToolTip("")
        self._speech_state(self.speech.state)

    # language -------------------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        """Content, interface and read-aloud voice in `language`; back to the welcome page."""
        if language not in self.modules:
            return
        if language != self.language:
            self.speech.stop()
            self.language = language
            if self.translations is not None:
                self.translations.use(language)
            self.speech.set_language(language)
            self.flow.set_language(language)
            self._retranslate()
        self._update_idle()

    # text size and contrast ---------------------------------------------------------------

    def apply_theme(self) -> None:
        """Style the whole app for the current text step and contrast."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            style_app(app, self.text_step, HIGH_CONTRAST if self.high_contrast else PALETTE)
        for step, size_button in enumerate(self.size_buttons):
            size_button.setChecked(step == self.text_step)
        one_tab_stop(self.size_buttons)
        self.flow.set_text_step(self.text_step)
        self.contrast_button.blockSignals(True)
        self.contrast_button.setChecked(self.high_contrast)
        self.contrast_button.blockSignals(False)
        self._update_idle()

    def set_text_step(self, step: int) -> None:
        self.text_step = max(0, min(step, len(TEXT_STEPS) - 1))
        self.apply_theme()

    def set_high_contrast(self, on: bool) -> None:
        self.high_contrast = on
        self.apply_theme()

    # clinician workspace ------------------------------------------------------------------

    def show_workspace(self) -> None:
        """Ask for the PIN (in `open_workspace`), then show a freshly built workspace."""
        if self.open_workspace is None:
            return
        self.speech.stop()
        workspace = self.open_workspace(self)
        if workspace is None:
            return
        self.close_workspace()
        self._patient_page = self.stack.currentWidget()
        self.workspace = workspace
        self.stack.addWidget(workspace)
        self.stack.setCurrentWidget(workspace)
        self.top_bar.hide()
        workspace.setFocus()  # its tabs, not whatever of the patient page had the focus
        closed = getattr(workspace, "closed", None)
        if closed is not None:
            closed.connect(self.leave_workspace)
        self._update_idle()

    def leave_workspace(self) -> None:
        """Back to the patient screen that was showing; the workspace is thrown away."""
        page = getattr(self, "_patient_page", self.flow.welcome)
        if self.hold is not None:
            page = self.hold
        self.close_workspace()
        self.stack.setCurrentWidget(page)
        self.top_bar.setVisible(page is not self.hold)
        self._page_changed(page)

    def rename_clinic(self, name: str) -> None:
        """The clinic's name, newly saved, on the welcome page, the top bar and the title."""
        if name == self.settings.clinic_name:
            return
        from dataclasses import replace

        self.settings = replace(self.settings, clinic_name=name)
        self.clinic_name = name
        self.clinic_label.setText(name)
        self.flow.welcome.clinic.setText(name)
        self._retranslate()

    def use_settings(self, new: WindowSettings) -> None:
        """Settings saved anew, here or (clinic mode) on another computer: used from now on.

        The clinic's name, printouts and the day plan's times take them at once; the idle
        time counts from the next input. Language, text size and contrast are where each
        patient starts, so they apply from the next patient, or at once while no one uses
        the window: nothing moves under a patient who is reading.
        """
        from dataclasses import replace

        untouched = (self.flow.visit is None and self.stack.currentWidget() is self.flow.welcome
                     and self.text_step == self.settings.text_step
                     and self.high_contrast == self.settings.high_contrast
                     and self.language == self.settings.language)
        self.rename_clinic(new.clinic_name)
        language = new.language if new.language in self.modules else self.settings.language
        self.settings = replace(self.settings, paper=new.paper, timing=new.timing,
                                idle_seconds=new.idle_seconds, text_step=new.text_step,
                                high_contrast=new.high_contrast, language=language)
        self.paper = new.paper
        if self.idle is not None and new.idle_seconds:
            self.idle.set_seconds(new.idle_seconds)
        if untouched and (self.text_step, self.high_contrast, self.language) != (
                new.text_step, new.high_contrast, language):
            self.set_language(language)
            self.text_step, self.high_contrast = new.text_step, new.high_contrast
            self.apply_theme()

    def release_hold(self) -> None:
        """The patient screens may start: the workspace leads back to the welcome page."""
        if self.hold is None:
            return
        hold, self.hold = self.hold, None
        if getattr(self, "_patient_page", None) is hold:
            self._patient_page = self.flow.welcome
        if self.stack.currentWidget() is hold:
            self.stack.setCurrentWidget(self.flow.welcome)
            self.top_bar.show()
            self._page_changed(self.flow.welcome)  # the welcome page's top bar: no topics
        self.stack.removeWidget(hold)
        hold.deleteLater()
        self._show_clinic_label()

    def close_workspace(self) -> None:
        if self.workspace is not None:
            self.stack.removeWidget(self.workspace)
            discard(self.workspace)
            self.workspace = None
        self.top_bar.show()

    # read aloud ---------------------------------------------------------------------------

    def _read_clicked(self) -> None:
        if self.speech.state == "speaking":
            self.speech.pause()
        elif self.speech.state == "paused":
            self.speech.resume()
        elif not self.speech.speak(self.current_text()):
            self._explain_no_speech()

    def current_text(self) -> str:
        """What read-aloud says for the screen on show."""
        page = self.stack.currentWidget()
        speak = getattr(page, "spoken_text", None)
        return speak() if callable(speak) else ""

    def _explain_no_speech(self) -> None:
        self.read_button.setText(self.tr("Read aloud is not available"))
        if self.speech.language_problem:
            self.read_button.setAccessibleName(self.tr(
                "Read aloud is not available in this language on this computer."))
        else:
            self.read_button.setAccessibleName(self.tr(
                "Read aloud is not available on this computer. Please ask a member of staff."))
        self.read_button.setToolTip(self.read_button.accessibleName())

    def _show_clinic_label(self) -> None:
        """The welcome page shows the clinic itself; while reading aloud the bar needs room."""
        self.clinic_label.setVisible(self.stack.currentWidget() is not self.flow.welcome
                                     and self.speech.state == "idle")

    def _speech_state(self, state: str) -> None:
        texts = {"idle": self.tr("Read aloud"), "speaking": self.tr("Pause"),
                 "paused": self.tr("Go on")}
        names = {"idle": self.tr("Read this screen aloud"), "speaking": self.tr("Pause reading"),
                 "paused": self.tr("Go on reading")}
        self.read_button.setText(texts[state])
        self.read_button.setAccessibleName(names[state])
        if state == "idle" and (self.speech.problem or self.speech.language_problem):
            self._explain_no_speech()  # the engine failed or hung: say so, not "Read aloud"
        self.stop_speech_button.setVisible(state != "idle")
        self.slow_button.setVisible(state != "idle")
        self._show_clinic_label()
        if self.idle is not None:
            self.idle.keep_alive()

    # idle reset ---------------------------------------------------------------------------

    def start_over(self) -> None:
        """The one wipe between patients, for the idle reset and "I am finished" alike.

        Afterwards nothing of the last patient is reachable: dialogs, menus and messages are
        closed, the visit is ended (its answers stay saved), every page is emptied, and
        language, text size, contrast and read-aloud are back to the clinic's choice.
        """
        close_popups(self)
        self.speech.stop()
        self.slow_button.setChecked(False)
        self.close_workspace()  # a clinician who walked away leaves nothing open
        if self.idle is not None:
            self.idle.arm(False)  # the notice goes; armed again by the next patient's input
        self.flow.end_visit()
        self.set_language(self.settings.language)
        self.text_step = self.settings.text_step
        self.high_contrast = self.settings.high_contrast
        self.apply_theme()
        self.flow.welcome.setFocus()
        if self.hold is not None:  # the patient screens wait until staff set up the kiosk
            self.stack.setCurrentWidget(self.hold)
            self.top_bar.hide()

    def _update_idle(self) -> None:
        if self.idle is None:
            return
        changed = (self.text_step != self.settings.text_step
                   or self.high_contrast != self.settings.high_contrast
                   or self.language != self.settings.language)
        on_welcome = self.stack.currentWidget() is self.flow.welcome
        self.idle.arm(changed or not on_welcome or self.flow.visit is not None)

    def _page_changed(self, page: QWidget | None) -> None:
        self.speech.stop()  # each screen is read on request, never the last one's text
        self._show_clinic_label()
        self.topics_button.setVisible(not self.flow.is_home(page))
        self._update_idle()

    # kiosk ----------------------------------------------------------------------------------

    def enter_kiosk(self) -> None:
        """Cover the whole screen with no frame; closing needs the clinician."""
        from PySide6.QtCore import Qt  # not at import: see eduapp.ui.widgets

        self.kiosk = True
        self.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        screen = self.screen() or QApplication.primaryScreen()
        self.showFullScreen()
        if screen is not None:  # where no window manager does it for us
            self.setGeometry(screen.geometry())
        for keys in (QKeySequence(Qt.Key.Key_Escape), QKeySequence("Ctrl+Q"),
                     QKeySequence("Ctrl+W"), QKeySequence("Alt+F4")):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
            shortcut.activated.connect(self.exit_requested)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.kiosk and not self.may_close:
            event.ignore()
            self.exit_requested.emit()
            return
        super().closeEvent(event)

    # the rest -------------------------------------------------------------------------------

    def _print_checklist(self, module: Module, appointment: time | None) -> None:
        from eduapp.ui.print.checklist import print_checklist  # print support loads on first use
        from eduapp.ui.print.day_plan import plan_for

        print_checklist(module, self.clinic_name, self.paper, self,
                        plan_for(appointment, self.settings.timing))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.idle is not None and self.idle.warning:
            self.idle.notice.cover()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_frame.emit()
        return super().eventFilter(watched, event)
