"""Drives the real main window as a patient would: clicks on visible, enabled buttons.

Used by `eduapp self-test`, `eduapp gallery` and the end-to-end tests. Every step checks
that the click did what a patient would see; if not, `DriveError` says what went wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from eduapp.core.content.model import Module, Question
from eduapp.core.quiz import Step, first_pass
from eduapp.ui.main_window import MainWindow


class DriveError(AssertionError):
    """The window did not do what a patient would expect."""


def wrong_choice(question: Question) -> frozenset[str]:
    """An answer that is wrong: a wrong choice alone (or, failing that, too few)."""
    for choice in question.choices:
        if not choice.correct:
            return frozenset({choice.id})
    return frozenset(sorted(question.correct_ids)[:1])


class PatientDriver:
    """Clicks through the window; `on_step` is called after each step with a name."""

    def __init__(self, window: MainWindow,
                 on_step: Callable[[str], None] | None = None) -> None:
        self.window = window
        self.flow = window.flow
        self.on_step = on_step or (lambda _name: None)

    def click(self, widget: QAbstractButton) -> None:
        if not widget.isVisible() or not widget.isEnabled():
            raise DriveError(f"'{widget.accessibleName() or widget.text()}' cannot be clicked")
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(widget.width() // 2, min(widget.height() // 2, 20)))
        QApplication.processEvents()

    def expect_page(self, page: QWidget, what: str) -> None:
        if self.flow.stack.currentWidget() is not page:
            raise DriveError(f"expected {what}, but another screen is showing")

    def start(self) -> None:
        self.expect_page(self.flow.welcome, "the welcome screen")
        self.on_step("welcome")
        self.click(self.flow.welcome.start_button)
        self.expect_page(self.flow.module_list, "the list of topics")
        self.on_step("modules")

    def open_module(self, module: Module) -> None:
        cards = [c for c in self.flow.module_list.cards if c.module.id == module.id]
        if not cards:
            raise DriveError(f"no card for module '{module.id}'")
        self.click(cards[0])
        self.expect_page(self.flow.screen_page, f"the first screen of '{module.id}'")

    def read_all(self, module: Module) -> None:
        """Read every screen with Next, checking '3 of 7' and the heading on each."""
        page = self.flow.screen_page
        total = len(module.screens)
        for number, screen in enumerate(module.screens, start=1):
            self.expect_page(page, f"screen {number} of '{module.id}'")
            if page.heading.text() != screen.title:
                raise DriveError(f"screen {number} shows '{page.heading.text()}', "
                                 f"not '{screen.title}'")
            expected = page.tr("%1 of %2").replace("%1", str(number)).replace("%2", str(total))
            if page.progress_text.text() != expected:
                raise DriveError(f"progress says '{page.progress_text.text()}' on screen "
                                 f"{number} of {total}")
            self.on_step(f"screen-{number:02d}-{screen.id}")
            self.click(page.next_button)
        self.expect_page(self.flow.quiz_page, f"the quiz of '{module.id}'")

    def answer(self, chosen: frozenset[str], step_name: str) -> bool:
        """Pick choices, check the answer, and report whether the feedback said 'right'."""
        quiz = self.flow.quiz
        page = self.flow.quiz_page
        if quiz is None or quiz.step != Step.QUESTION:
            raise DriveError("no question is being asked")
        self.expect_page(page, f"question '{quiz.question.id}'")
        if page.question.text() != quiz.question.text:
            raise DriveError(f"the screen shows another question than '{quiz.question.id}'")
        self.on_step(f"{step_name}-a-question")
        for widget in page.choices:
            if widget.choice.id in chosen:
                self.click(widget)
        if page.chosen() != chosen:
            raise DriveError(f"choices {sorted(page.chosen())} are marked, not {sorted(chosen)}")
        self.click(page.check_button)
        if not page.feedback.isVisible():
            raise DriveError("no feedback after checking the answer")
        said_right = page.verdict.text() == page.tr("Yes, that's right.")
        explained = all(widget.choice.explanation in page.explanations.text()
                        or escape(widget.choice.explanation) in page.explanations.text()
                        for widget in page.choices if widget.choice.id in chosen)
        if not explained:
            raise DriveError("the feedback does not explain every choice made")
        self.on_step(f"{step_name}-b-feedback")
        return said_right

    def next_after_feedback(self) -> None:
        self.click(self.flow.quiz_page.next_button)

    def review_and_ask_again(self, step_name: str) -> None:
        quiz = self.flow.quiz
        page = self.flow.screen_page
        if quiz is None or quiz.step != Step.REVIEW:
            raise DriveError("no review screen is expected")
        self.expect_page(page, "a review screen")
        if page.heading.text() != quiz.review_screen.title or not page.banner.isVisible():
            raise DriveError(f"the review does not show screen '{quiz.question.reviews}'")
        self.on_step(f"{step_name}-review")
        self.click(page.again_button)

    def stop_quiz(self) -> None:
        page = self.flow.screen_page if self.flow.quiz and self.flow.quiz.step == Step.REVIEW \
            else self.flow.quiz_page
        self.click(page.stop_button)

    def take_quiz(self, module: Module, wrong_first: set[str] | None = None,
                  stop_at_review: bool = False) -> None:
        """Answer each question; those in `wrong_first` wrong first, then right after review."""
        wrong_first = {q.id for q in first_pass(module)} if wrong_first is None else wrong_first
        quiz = self.flow.quiz
        if quiz is None:
            raise DriveError("the quiz did not start")
        while quiz.step != Step.DONE:
            if quiz.step == Step.REVIEW:
                if stop_at_review:
                    self.on_step(f"quiz-r{quiz.round_number}-{quiz.question.id}-review")
                    self.stop_quiz()
                    break
                self.review_and_ask_again(f"quiz-r{quiz.round_number}-{quiz.question.id}")
                continue
            question = quiz.question
            first = quiz.round_number == 1
            chosen = wrong_choice(question) if first and question.id in wrong_first \
                else question.correct_ids
            right = self.answer(chosen, f"quiz-r{quiz.round_number}-{question.id}")
            if right != question.is_right(chosen):
                raise DriveError(f"feedback for '{question.id}' says right={right}")
            self.next_after_feedback()
        self.expect_page(self.flow.results_page, f"the results of '{module.id}'")
        self.on_step("results")

    def back_to_topics(self) -> None:
        self.click(self.flow.results_page.modules_button)
        self.expect_page(self.flow.module_list, "the list of topics")

    def walk(self, modules: Sequence[Module],
             on_module: Callable[[int], None] = lambda _index: None) -> None:
        """Every patient screen, in the order a patient meets them.

        Welcome, topics, each module (`on_module(n)` first) read through, its quiz with the
        first question wrong (feedback, review, asked again; every second module left at its
        review), results; topics again (after `on_module(99)`).
        """
        self.start()
        for index, module in enumerate(modules, start=1):
            on_module(index)
            self.open_module(module)
            self.read_all(module)
            asked = first_pass(module)
            wrong = {asked[0].id} if asked else set()
            self.take_quiz(module, wrong_first=wrong, stop_at_review=index % 2 == 0)
            self.back_to_topics()
        on_module(99)
        self.on_step("modules-after")

