"""GUI start-up, in one documented order.

1. arguments are parsed (`__main__`)            4. QApplication, the exception hook, the theme
2. data folder and logging                      5. the main window, showing the welcome page
3. clinic settings, and which languages exist   6. after its first frame: content (parsed
                                                   once), the database, the other pages
Nothing the welcome page does not need is loaded before the first frame. Start-up time is
logged.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from eduapp.core.startup import Context, Notice, NoticeKind, Options, prepare
from eduapp.core.visit import Visit
from eduapp.ui import errors
from eduapp.ui.i18n import Translations
from eduapp.ui.main_window import MainWindow, WindowSettings
from eduapp.ui.theme import HIGH_CONTRAST, PALETTE, load_fonts, style_app

if TYPE_CHECKING:
    from eduapp.core.content.model import Module
    from eduapp.core.storage.clinic_view import ClinicView

log = logging.getLogger(__name__)
APP_ICON = "app-icon.svg"  # the build draws the .ico, .icns and PNG sizes from it too


def make_application(text_step: int = 0, high_contrast: bool = False) -> QApplication:
    """The QApplication with the font and theme loaded (steps 3-4), before any widget."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("eduapp")
    app.setOrganizationName("eduapp")
    family = load_fonts()
    style_app(app, text_step, HIGH_CONTRAST if high_contrast else PALETTE, family)
    return app


def build_window(context: Context, *, text_step: int | None = None, kiosk: bool = False,
                 idle_seconds: float | None = None) -> MainWindow:
    """The main window for a loaded context (step 6); arguments override clinic settings."""
    settings = context.settings

    def open_visit(language: str) -> Visit:  # always a new session: see eduapp.core.visit
        visit = Visit(context.store, language)
        if visit.saving_problem:
            log.warning("results are not being saved: %s", visit.saving_problem)
        return visit

    def open_workspace(parent: QWidget) -> QWidget | None:
        from eduapp.core.clinic import SETTINGS_FILE
        from eduapp.ui.clinician.workspace import ClinicianWorkspace, WorkspaceContext
        from eduapp.ui.pin_dialog import ask_for_pin

        if not ask_for_pin(parent, context.store):
            return None
        notices = list(context.notices)
        problem = window.flow.saving_problem()
        if problem is not None and context.store is not None:
            why, waiting = problem
            notices.append(Notice(NoticeKind.WAITING, problem=why, count=waiting))
        if context.settings.missing_phones:
            notices.append(Notice(NoticeKind.PHONES_UNSET))
        workspace = ClinicianWorkspace(WorkspaceContext(
            context.store, list(window.modules[window.language]), settings.name, settings.paper,
            context.data_dir / SETTINGS_FILE if context.data_dir else None,
            context.resources, notices, clinic_view(context), settings.values))

        def saved() -> None:
            settings_saved(window, context)
            if not context.settings.missing_phones:  # the notice goes once they are set
                workspace.show_notices([n for n in notices
                                        if n.kind is not NoticeKind.PHONES_UNSET])

        workspace.settings_saved.connect(saved)
        return workspace

    picture = context.resources / "images" / "welcome.svg"
    window = MainWindow(OfferedModules(context), WindowSettings(
        clinic_name=settings.name, welcome_picture=picture if picture.is_file() else None,
        paper=settings.paper,
        idle_seconds=idle_seconds or settings.idle_seconds, kiosk=kiosk or settings.kiosk,
        text_step=settings.text_size if text_step is None else text_step,
        high_contrast=settings.high_contrast, language=context.language,
        timing=settings.values),
        open_visit, open_workspace, Translations(context.resources))
    return window


def settings_saved(window: MainWindow, context: Context) -> None:
    """The saved values fill the content from now on, and the window uses them (use_settings).

    What the command line chose instead (--lang, a text size, an idle time) stays: a value
    follows the clinic's only if it was the clinic's before. A kiosk that waited for the
    phone numbers goes on to the welcome page once they are set.
    """
    from eduapp.core.clinic import load_settings

    old, shown = context.settings, window.settings
    new = context.settings = load_settings(context.resources, context.data_dir)
    context.reload_content()
    window.use_settings(replace(
        shown, clinic_name=new.name, paper=new.paper, timing=new.values,
        idle_seconds=new.idle_seconds if shown.idle_seconds == old.idle_seconds
        else shown.idle_seconds,
        text_step=new.text_size if shown.text_step == old.text_size else shown.text_step,
        high_contrast=new.high_contrast,
        language=new.default_language if shown.language == old.default_language
        else shown.language))
    if not new.missing_phones:
        window.release_hold()


class ClinicChanges(QObject):
    """Clinic mode: the clinic's settings changed on its server; used here from now on.

    `changed` is emitted on the settings listener's thread and handled on the interface's.
    """

    changed = Signal()

    def __init__(self, window: MainWindow, context: Context) -> None:
        super().__init__(window)
        self.window, self.context = window, context
        self.changed.connect(self.apply)

    @Slot()
    def apply(self) -> None:
        log.info("the clinic's settings changed: using them now")
        settings_saved(self.window, self.context)
        if self.window.workspace is not None:  # an open Settings tab shows them too
            from eduapp.ui.clinician.settings import SettingsTab

            tab = self.window.workspace.findChild(SettingsTab)
            if tab is not None:
                tab.follow_clinic()


def follow_clinic(window: MainWindow, context: Context) -> ClinicChanges:
    """Clinic mode: settings changed on the server are used here as soon as they arrive."""
    changes = ClinicChanges(window, context)
    context.on_clinic_change = lambda _synced: changes.changed.emit()
    return changes


def hold_for_phones(window: MainWindow, context: Context) -> None:
    """Kiosk: staff see what to set, instead of the welcome page, while phones are not set."""
    if not context.settings.missing_phones:
        return
    from eduapp.core.clinic import SETTINGS_FILE
    from eduapp.ui.phones_gate import PhonesGate

    log.error("kiosk: patient screens wait until the phone numbers are set: %s",
              ", ".join(context.settings.missing_phones))
    gate = PhonesGate(context.data_dir / SETTINGS_FILE if context.data_dir else None)
    gate.open_settings.connect(window.show_workspace)
    window.hold = gate
    window.stack.addWidget(gate)
    window.stack.setCurrentWidget(gate)
    window.top_bar.hide()


def clinic_view(context: Context) -> ClinicView | None:
    """Clinic mode: the whole clinic when its server answers (within 2 s), else why not."""
    from eduapp.core.storage.postgres import Connection

    connection = Connection.load(context.data_dir)
    if connection is None or context.store is None:
        return None
    from eduapp.core.storage.clinic_view import open_view

    state = context.sender.state if context.sender is not None else None
    return open_view(connection, state.away_since if state else None,
                     known_away=state is not None and state.reachable is False)


class OfferedModules(Mapping[str, Sequence["Module"]]):
    """The languages patients may choose, each with its modules.

    The clinic's list where content exists, and always the starting language. The languages
    are known from file names alone; the content is parsed when modules are first asked for.
    """

    def __init__(self, context: Context) -> None:
        self.context = context
        codes = [c for c in context.settings.languages if c in context.languages]
        if context.language not in codes:
            codes.insert(0, context.language)
        self.codes = tuple(codes)

    def __getitem__(self, code: str) -> Sequence[Module]:
        if code not in self.codes:
            raise KeyError(code)
        return self.context.library.for_language(code)

    def __contains__(self, code: object) -> bool:  # without parsing the content
        return code in self.codes

    def __iter__(self) -> Iterator[str]:
        return iter(self.codes)

    def __len__(self) -> int:
        return len(self.codes)


def run(options: Options, *, quit_when_ready: bool = False, text_step: int | None = None,
        kiosk: bool = False, idle_timeout: float | None = None,
        report: Callable[[str], None] | None = None) -> int:
    """Open the app; returns the exit code.

    With `quit_when_ready`, `report` is told "first frame" and then "loaded" the moment each
    happens (the command line prints them for scripts that measure start-up).
    """
    started = time.perf_counter()
    context = prepare(options, load=False)  # content and database: after the first frame
    settings = context.settings
    app = make_application(settings.text_size if text_step is None else text_step,
                           settings.high_contrast)
    errors.install(interactive=not quit_when_ready)
    window = build_window(context, text_step=text_step, kiosk=kiosk, idle_seconds=idle_timeout)
    window.apply_theme()
    window.exit_requested.connect(lambda: ask_to_leave(window, context))
    if quit_when_ready and report is not None:
        window.first_frame.connect(lambda: report("first frame"))
    window.first_frame.connect(lambda: log.info(
        "first frame after %.0f ms", 1000 * (time.perf_counter() - started)))

    def after_first_frame() -> None:
        finish_loading(window, context)
        log.info("everything loaded after %.0f ms", 1000 * (time.perf_counter() - started))
        if quit_when_ready:  # only once everything has loaded, so loading is checked too
            if report is not None:
                report("loaded")
            app.quit()

    window.first_frame.connect(lambda: QTimer.singleShot(0, after_first_frame))
    follow_clinic(window, context)
    if window.settings.kiosk and not quit_when_ready:
        if not kiosk_pin_ready(window, context):
            return 1
        hold_for_phones(window, context)
        window.enter_kiosk()
    else:
        window.show()
    code = app.exec()
    window.flow.retry_saving()  # a last try for what waits on a locked or full database
    problem = window.flow.saving_problem()
    if problem is not None:
        log.error("closing with %d writes not saved: %s", problem[1], problem[0])
    context.close()
    window.speech.shutdown()  # the speech helper goes at once, even if its engine hangs
    return code


def finish_loading(window: MainWindow, context: Context) -> None:
    """After the first frame: the content, the database and every page.

    Then the first tap on anything is quick. A tap that came first still works: the content
    and the database also load when first asked for.
    """
    context.load()
    for notice in context.notices:
        log.warning("%s", notice)
    window.flow.build_pages()
    set_app_icon(context.resources)


def set_app_icon(resources: Path) -> None:
    """The app icon on every window and in the task switcher.

    Set after the first frame: drawing the SVG loads Qt's SVG icon engine, which the welcome
    page does not need.
    """
    from PySide6.QtGui import QIcon

    icon = resources / "images" / APP_ICON
    if icon.is_file():
        QApplication.setWindowIcon(QIcon(str(icon)))


def kiosk_pin_ready(window: MainWindow, context: Context) -> bool:
    """A kiosk can only be left with the clinician PIN, so staff choose one before it starts."""
    from eduapp.ui.pin_dialog import ask_for_pin, pin_rules

    rules = pin_rules(context.store)
    if rules is not None and rules.is_set():
        return True
    if ask_for_pin(window, context.store):
        return True
    log.error("kiosk mode needs a clinician PIN; none was chosen")
    return False


def ask_to_leave(window: MainWindow, context: Context) -> None:
    """Kiosk: only a clinician may close the app."""
    from eduapp.ui.pin_dialog import ask_for_pin

    if ask_for_pin(window, context.store):
        window.may_close = True
        window.close()
