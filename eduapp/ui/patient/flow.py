"""The patient's path through the screens: welcome, topics, a module, its quiz, results.

The pages only show things and emit signals; this object moves between them, and the core
objects (`Visit`, `Pager`, `QuizSession`) decide what is right, what is next and what is saved.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from eduapp.core.paging import Pager
from eduapp.core.quiz import QuizSession, Step
from eduapp.core.visit import RETRY_SECONDS, ModuleStatus, Visit
from eduapp.ui.accessibility import announce
from eduapp.ui.patient.welcome import WelcomePage
from eduapp.ui.widgets import discard

if TYPE_CHECKING:
    from pathlib import Path

    from eduapp.core.content.model import Module
    from eduapp.core.storage.problems import StoreProblem
    from eduapp.ui.patient.module_list import ModuleListPage
    from eduapp.ui.patient.quiz_page import QuizPage
    from eduapp.ui.patient.results_page import ResultsPage
    from eduapp.ui.patient.screen_page import ScreenPage

log = logging.getLogger(__name__)


class PatientFlow(QObject):
    """Owns the patient pages in a stack and the state of the current visit."""

    page_changed = Signal(QWidget)
    finished = Signal()  # the patient tapped "I am finished": the window wipes everything
    print_requested = Signal(object, object)  # the Module whose checklist to print, and
    # the session time chosen for its day-of plan (a datetime.time), or None

    def __init__(self, stack: QStackedWidget, modules: Mapping[str, Sequence[Module]],
                 clinic_name: str, open_visit: Callable[[str], Visit],
                 welcome_picture: Path | None = None, language: str = "en") -> None:
        """`modules`: each language offered and its modules.

        Modules are first asked for when the patient starts, so content may load after the
        first frame.
        """
        super().__init__(stack)
        self.stack = stack
        self._offered = modules
        self._modules: dict[str, Module] | None = None
        self.language = language
        self._open_visit = open_visit
        self.visit: Visit | None = None
        self.unsaved: list[Visit] = []  # ended visits whose writes wait for the database
        self._retry = QTimer(self)
        self._retry.setInterval(int(RETRY_SECONDS * 1000))
        self._retry.timeout.connect(self.retry_saving)
        self.module: Module | None = None
        self.pager: Pager | None = None
        self.quiz: QuizSession | None = None

        self.text_step = 0
        # Only the welcome page is built before the first frame; the others are built (and
        # their modules imported) on first use, or by `build_pages` right after that frame.
        self.welcome = WelcomePage(clinic_name, welcome_picture, tuple(modules), language)
        stack.addWidget(self.welcome)
        self.welcome.start.connect(self.start_visit)
        self._module_list: ModuleListPage | None = None
        self._screen_page: ScreenPage | None = None
        self._quiz_page: QuizPage | None = None
        self._results_page: ResultsPage | None = None
        self._show(self.welcome)

    @property
    def modules(self) -> dict[str, Module]:
        """The modules in the language on show, by id."""
        if self._modules is None:
            self._modules = {m.id: m for m in self._offered.get(self.language, ())}
        return self._modules

    def set_language(self, language: str) -> None:
        """Show the welcome page, content and interface in `language`.

        The translator for it is already installed; the other pages are dropped and built
        again, in the new language, on first use.
        """
        if self.visit is not None:
            self.end_visit()
        self.language = language
        self._modules = None
        for page in (self._module_list, self._screen_page, self._quiz_page, self._results_page):
            if page is not None:
                self.stack.removeWidget(page)
                discard(page)
        self._module_list = self._screen_page = self._quiz_page = self._results_page = None
        self.welcome.retranslate(language)
        self._show(self.welcome)

    def build_pages(self) -> None:
        """Build every page now, so the first tap on each is instant."""
        for page in (self.module_list, self.screen_page, self.quiz_page, self.results_page):
            page.ensurePolished()

    @property
    def module_list(self) -> ModuleListPage:
        if self._module_list is None:
            from eduapp.ui.patient.module_list import ModuleListPage

            page = self._module_list = ModuleListPage()
            self.stack.addWidget(page)
            page.show_modules(list(self.modules.values()))
            page.chosen.connect(self.open_module)
            page.finished.connect(self.finished)
        return self._module_list

    @property
    def screen_page(self) -> ScreenPage:
        if self._screen_page is None:
            from eduapp.ui.patient.screen_page import ScreenPage

            page = self._screen_page = ScreenPage()
            self.stack.addWidget(page)
            page.set_text_step(self.text_step)
            page.next.connect(self._next_screen)
            page.back.connect(self._previous_screen)
            page.ask_again.connect(self._ask_again)
            page.stop_quiz.connect(self._stop_quiz)
            page.print_checklist.connect(self._print_checklist)
        return self._screen_page

    @property
    def quiz_page(self) -> QuizPage:
        if self._quiz_page is None:
            from eduapp.ui.patient.quiz_page import QuizPage

            page = self._quiz_page = QuizPage()
            self.stack.addWidget(page)
            page.submitted.connect(self._answer)
            page.next.connect(self._after_feedback)
            page.stop_quiz.connect(self._stop_quiz)
        return self._quiz_page

    @property
    def results_page(self) -> ResultsPage:
        if self._results_page is None:
            from eduapp.ui.patient.results_page import ResultsPage

            page = self._results_page = ResultsPage()
            self.stack.addWidget(page)
            page.to_modules.connect(self.show_modules)
            page.read_again.connect(self._read_again)
        return self._results_page

    def set_text_step(self, step: int) -> None:
        self.text_step = step
        if self._screen_page is not None:
            self._screen_page.set_text_step(step)

    def is_home(self, page: QWidget | None) -> bool:
        """The welcome page or the list of topics (no 'All topics' button needed)."""
        return page is self.welcome or page is self._module_list

    # visits -----------------------------------------------------------------------------

    def start_visit(self) -> None:
        self.visit = self._open_visit(self.language)
        self.show_modules()

    def saving_problem(self) -> tuple[StoreProblem, int] | None:
        """Why results are not being saved, and how many writes wait; None when all saved."""
        visits = [v for v in (*self.unsaved, self.visit) if v is not None]
        problems = [v.saving_problem for v in visits if v.saving_problem]
        waiting = sum(v.unsaved for v in visits)
        return (problems[-1], waiting) if problems else None

    def retry_saving(self) -> None:
        """Try again to write what waits; stop trying once everything is saved."""
        for visit in [*self.unsaved, self.visit]:
            if visit is not None:
                visit.retry()
        self.unsaved = [v for v in self.unsaved if v.unsaved]
        if self.saving_problem() is None:
            self._retry.stop()

    def _watch_saving(self) -> None:
        if self.saving_problem() is not None and not self._retry.isActive():
            self._retry.start()

    def end_visit(self) -> None:
        """The visit ends and nothing of it stays on the pages.

        Part of the window's one wipe, `MainWindow.start_over`, which also resets what the top
        bar changed.
        """
        if self.visit is not None:
            self.visit.end()
            if self.visit.unsaved:  # kept (out of sight) until the database takes it
                self.unsaved.append(self.visit)
        self.visit = self.module = self.pager = self.quiz = None
        if self._module_list is not None:
            for module_id in self.modules:
                self._module_list.show_status(module_id, ModuleStatus(False, None))
        for page in (self._screen_page, self._quiz_page, self._results_page):
            if page is not None:
                page.clear()
        self._show(self.welcome)

    def show_modules(self) -> None:
        if self.visit is None:
            self.visit = self._open_visit(self.language)
        self.visit.leave_screen()
        for module in self.modules.values():
            self.module_list.show_status(module.id, self.visit.status(module))
        self.quiz = None
        self._show(self.module_list)

    # reading ----------------------------------------------------------------------------

    def open_module(self, module_id: str, start: int = 0) -> None:
        self.module = self.modules[module_id]
        self.pager = Pager(self.module, start)
        self.quiz = None
        self._show_reader_screen()

    def _show_reader_screen(self) -> None:
        from eduapp.core.day_plan import SESSION_MODULE  # not before the first frame

        assert self.pager is not None and self.module is not None
        screen = self.pager.screen
        printable = self.module.checklist is not None and (
            screen.id == self.module.checklist or self.pager.at_end)
        self.screen_page.show_screen(self.module.title, screen, self.pager.position,
                                     last=self.pager.at_end, printable=printable,
                                     appointment=self.module.id == SESSION_MODULE)
        if self.visit is not None:
            self.visit.show_screen(self.module, self.pager.screen)
        self._show(self.screen_page)

    def _next_screen(self) -> None:
        if self.pager is None:
            return
        if self.pager.next():
            self._show_reader_screen()
        else:
            self.start_quiz()

    def _previous_screen(self) -> None:
        if self.pager is not None and self.pager.back():
            self._show_reader_screen()

    def _print_checklist(self) -> None:
        if self.module is not None and self.module.checklist is not None:
            self.print_requested.emit(self.module, self.screen_page.appointment.appointment())

    def _read_again(self) -> None:
        if self.module is not None:
            self.open_module(self.module.id)

    # quiz -------------------------------------------------------------------------------

    def start_quiz(self) -> None:
        assert self.module is not None
        if self.visit is None:
            self.visit = self._open_visit(self.language)
        self.visit.leave_screen()
        self.quiz = self.visit.start_quiz(self.module)
        self._show_quiz_step()

    def _show_quiz_step(self) -> None:
        quiz, module = self.quiz, self.module
        assert quiz is not None and module is not None
        if quiz.step == Step.QUESTION:
            self.quiz_page.show_question(module.title, quiz.question, quiz.choices,
                                         quiz.position, retry=quiz.round_number > 1)
            self._show(self.quiz_page)
        elif quiz.step == Step.REVIEW:
            screen = quiz.review_screen
            self.screen_page.show_screen(module.title, screen,
                                         (module.screen_index(screen.id) + 1, len(module.screens)),
                                         reviewing=True)
            if self.visit is not None:
                self.visit.show_screen(module, screen)
            self._show(self.screen_page)
        elif quiz.step == Step.DONE:
            self._show_results()

    def _answer(self, chosen: frozenset[str]) -> None:
        quiz = self.quiz
        if quiz is None or quiz.step != Step.QUESTION:
            return
        answer = quiz.answer(chosen)
        self.quiz_page.show_feedback(answer, last=quiz.finishes_next)

    def _after_feedback(self) -> None:
        if self.quiz is not None and self.quiz.step == Step.FEEDBACK:
            self.quiz.next()
            self._show_quiz_step()

    def _ask_again(self) -> None:
        if self.quiz is not None and self.quiz.step == Step.REVIEW:
            if self.visit is not None:
                self.visit.leave_screen()
            self.quiz.ask_again()
            self._show_quiz_step()

    def _stop_quiz(self) -> None:
        if self.quiz is not None:
            self.quiz.stop()
            self._show_results()

    def _show_results(self) -> None:
        quiz, module = self.quiz, self.module
        assert quiz is not None and module is not None
        if self.visit is not None:
            self.visit.leave_screen()
            results = self.visit.finish_quiz(quiz)
        else:
            results = quiz.results()
        self.results_page.show_results(module.title, results)
        self.quiz = None
        self._show(self.results_page)

    def _show(self, page: QWidget) -> None:
        """Show `page`, the focus on its first control (or its question).

        A screen reader is told what the page says (see `announcement` on each page).
        """
        self._watch_saving()
        if page is not self.stack.currentWidget():
            # straight to the new page's first control, still hidden: else Qt moves the focus
            # out of the old page first, and a screen reader says where it went
            (page.focusProxy() or page).setFocus()
        self.stack.setCurrentWidget(page)
        page.setFocus()
        self.page_changed.emit(page)
        announcement = getattr(page, "announcement", None)
        if callable(announcement):
            announce(page, announcement())
