"""Module 1 by keyboard alone, as a patient who uses no mouse: every answer reachable and
choosable, Return presses what has the focus, and the focus never wanders to the top bar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from eduapp.commands.driver import wrong_choice
from eduapp.core.content.model import QuestionKind
from eduapp.core.quiz import Step, first_pass
from eduapp.ui.patient.quiz_page import ChoiceButton

KEY = Qt.Key


class Keyboard:
    """Presses keys on whatever has the focus, counts them, and notes every focus change."""

    def __init__(self, qtbot, window) -> None:
        self.qtbot, self.window = qtbot, window
        self.count = 0
        self.landed: list[object] = []
        QApplication.instance().focusChanged.connect(lambda _old, new: self.landed.append(new))

    def press(self, key: Qt.Key, times: int = 1) -> None:
        for _ in range(times):
            self.count += 1
            self.qtbot.keyClick(self.window.focusWidget(), key)

    def focus(self):
        return self.window.focusWidget()


def answer_by_keyboard(keys: Keyboard, page, chosen: frozenset[str]) -> None:
    """From the question: Tab into the answers, move with the arrows, Space to choose."""
    assert keys.focus() is page.question
    keys.press(KEY.Key_Tab)
    multiple = page.choices[0].multiple
    for index, widget in enumerate(page.choices):
        assert keys.focus() is widget, f"answer {index + 1} is not reachable"
        if widget.choice.id in chosen:
            keys.press(KEY.Key_Space)
        if index + 1 < len(page.choices):
            if multiple or widget.choice.id not in chosen:
                keys.press(KEY.Key_Down)
            else:
                break  # a radio group: arrows would change the answer; done
    assert page.chosen() == chosen
    keys.press(KEY.Key_Return)


@pytest.fixture
def walk(qtbot, make_window, store):
    window = make_window(store, languages=("en", "es"))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window, Keyboard(qtbot, window)


def test_module_one_by_keyboard_alone(walk, library):
    """Welcome to results with a wrong answer, the review, the re-ask and the multi-select
    question; the focus never lands on the top bar on the way."""
    window, keys = walk
    flow = window.flow
    module = library.for_language("en")[0]
    assert any(q.kind == QuestionKind.MULTIPLE for q in module.questions)
    keys.press(KEY.Key_Return)  # Start has the focus on the welcome page
    assert flow.stack.currentWidget() is flow.module_list
    assert keys.focus() is flow.module_list.cards[0]
    keys.press(KEY.Key_Return)
    for _screen in module.screens:
        assert keys.focus() is flow.screen_page.next_button
        keys.press(KEY.Key_Return)
    quiz, page = flow.quiz, flow.quiz_page
    wrong_once = {first_pass(module)[0].id, next(q.id for q in first_pass(module)
                                                 if q.kind == QuestionKind.MULTIPLE)}
    reviewed = set()
    while quiz.step != Step.DONE:
        if quiz.step == Step.REVIEW:
            assert keys.focus() is flow.screen_page.again_button
            reviewed.add(quiz.asked_for.id)  # the missed question, maybe asked anew
            keys.press(KEY.Key_Return)
            continue
        question = quiz.question
        first = quiz.round_number == 1
        chosen = wrong_choice(question) if first and question.id in wrong_once \
            else question.correct_ids
        answer_by_keyboard(keys, page, chosen)
        assert page.feedback.isVisible()
        assert keys.focus() is page.next_button
        keys.press(KEY.Key_Return)
    assert flow.stack.currentWidget() is flow.results_page
    assert reviewed == wrong_once
    landed = [w for w in keys.landed if w is not None]  # None: between two pages, unheard
    assert [w for w in landed if window.top_bar.isAncestorOf(w)] == [], \
        "the focus passed through the top bar"
    assert [w for w in landed if not w.accessibleName()] == [], "the focus met a nameless widget"
    print(f"module 1 by keyboard: {keys.count} keys")  # the README's figure


def test_every_answer_of_every_question_is_reachable_by_tab(walk, library):
    """Several answers: each one a tab stop. One answer: the group is one stop and the
    arrows reach every answer."""
    window, keys = walk
    flow = window.flow
    for module in library.for_language("en"):
        flow.open_module(module.id)
        flow.start_quiz()
        page = flow.quiz_page
        for question in first_pass(module):
            assert keys.focus() is page.question
            keys.press(KEY.Key_Tab)
            reached = [keys.focus()]
            for _ in page.choices[1:]:
                keys.press(KEY.Key_Tab if question.kind == QuestionKind.MULTIPLE
                           else KEY.Key_Down)
                reached.append(keys.focus())
            assert reached == page.choices, f"{module.id}/{question.id}"
            flow._answer(question.correct_ids)
            flow._after_feedback()


def test_roles_a_screen_reader_meets(walk, library):
    from PySide6.QtGui import QAccessible

    window, _keys = walk
    flow = window.flow
    module = library.for_language("en")[0]
    flow.start_visit()
    flow.open_module(module.id)

    def role(widget):
        return QAccessible.queryAccessibleInterface(widget).role()

    assert role(flow.screen_page.heading) == QAccessible.Role.Heading
    assert role(flow.module_list.title) == QAccessible.Role.Heading
    flow.start_quiz()
    page = flow.quiz_page
    for question in first_pass(module):
        group = QAccessible.queryAccessibleInterface(page.choice_group)
        assert group.role() == QAccessible.Role.Grouping
        assert group.text(QAccessible.Text.Name) == question.text
        expected = QAccessible.Role.CheckBox if question.kind == QuestionKind.MULTIPLE \
            else QAccessible.Role.RadioButton
        assert {role(w) for w in page.choices} == {expected}
        assert all(isinstance(w, ChoiceButton) and group.indexOfChild(
            QAccessible.queryAccessibleInterface(w)) >= 0 for w in page.choices)
        assert role(page.question) == QAccessible.Role.Heading
        flow._answer(question.correct_ids)
        assert "<" not in page.explanations.accessibleName()
        flow._after_feedback()


def test_return_presses_the_focused_button(walk):
    window, keys = walk
    flow = window.flow
    welcome = flow.welcome
    welcome.start_button.setFocus()
    keys.press(KEY.Key_Enter)
    assert flow.stack.currentWidget() is flow.module_list
    flow.module_list.finish_button.setFocus()
    keys.press(KEY.Key_Return)
    assert flow.stack.currentWidget() is flow.welcome


def test_language_and_text_size_are_radio_groups_in_reading_order(walk):
    """The welcome page's languages: a group named "Language", one tab stop before Start,
    the arrows choose. The text sizes: radio buttons, the arrows choose."""
    from PySide6.QtGui import QAccessible

    window, keys = walk
    welcome = window.flow.welcome
    english, spanish = welcome.language_buttons["en"], welcome.language_buttons["es"]
    group = QAccessible.queryAccessibleInterface(welcome.language_group)
    assert group.role() == QAccessible.Role.Grouping
    assert group.text(QAccessible.Text.Name) == "Language"
    for widget in (english, spanish, *window.size_buttons):
        assert QAccessible.queryAccessibleInterface(widget).role() == \
            QAccessible.Role.RadioButton
    assert keys.focus() is welcome.start_button
    keys.press(KEY.Key_Backtab)
    assert keys.focus() is english, keys.focus().accessibleName()
    keys.press(KEY.Key_Right)
    assert keys.focus() is spanish and window.language == "es"
    keys.press(KEY.Key_Tab)
    assert keys.focus() is welcome.start_button
    window.apply_theme()  # as the app does at start: the normal size is checked
    window.size_buttons[0].setFocus()
    keys.press(KEY.Key_Right)
    assert window.text_step == 1 and keys.focus() is window.size_buttons[1]
