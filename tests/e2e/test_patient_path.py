"""End to end: a patient goes through a module in the real window, and what is kept after."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame

from eduapp.commands.driver import PatientDriver, wrong_choice
from eduapp.core.quiz import Step, first_pass
from eduapp.ui.patient.quiz_page import ChoiceButton


def click(qtbot, widget):
    assert widget.isVisible() and widget.isEnabled(), widget.accessibleName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def quiz_next(make_window, store, library):
    """A patient who started and read all of the first module: its quiz comes next."""
    window = make_window(store)
    driver = PatientDriver(window)
    module = library.for_language("en")[0]
    driver.start()
    driver.open_module(module)
    driver.read_all(module)
    return window, driver, module


def test_first_module_from_welcome_to_results(qtbot, make_window, store, library):
    window = make_window(store)
    flow = window.flow
    module = library.for_language("en")[0]
    assert flow.stack.currentWidget() is flow.welcome
    click(qtbot, flow.welcome.start_button)
    assert flow.stack.currentWidget() is flow.module_list
    click(qtbot, flow.module_list.cards[0])

    n = len(module.screens)
    for number, screen in enumerate(module.screens, start=1):
        assert flow.screen_page.heading.text() == screen.title
        assert flow.screen_page.progress_text.text() == f"{number} of {n}"
        click(qtbot, flow.screen_page.next_button)
    assert module.screens[-1].id == "key-points"
    assert flow.stack.currentWidget() is flow.quiz_page

    page = flow.quiz_page
    asked = first_pass(module)
    missed = asked[0]
    for index, question in enumerate(asked):
        assert page.question.text() == question.text
        chosen = wrong_choice(question) if index == 0 else question.correct_ids
        for widget in page.choices:
            if widget.choice.id in chosen:
                click(qtbot, widget)
        click(qtbot, page.check_button)
        assert page.verdict.text() == ("Not quite." if index == 0 else "Yes, that's right.")
        click(qtbot, page.next_button)

    # the missed idea is taught again, then asked again with a question not seen yet (a
    # reserve one first), or else another question of the same objective
    same = [q for q in module.questions if q.objective == missed.objective and q != missed]
    reask = min(same, key=lambda q: not q.reserve)
    reader = flow.screen_page
    assert flow.stack.currentWidget() is reader and reader.banner.isVisible()
    assert reader.heading.text() == module.screen(missed.reviews).title
    click(qtbot, reader.again_button)
    assert page.question.text() == reask.text
    on_screen = [w for w in page.findChildren(ChoiceButton) if w.isVisible()]
    assert sorted(w.choice.id for w in on_screen) == sorted(c.id for c in reask.choices)
    assert page.position.text() == "Once more: question 1 of 1"
    for widget in page.choices:
        if widget.choice.id in reask.correct_ids:
            click(qtbot, widget)
    click(qtbot, page.check_button)
    assert page.next_button.text() == "See my results"
    click(qtbot, page.next_button)

    results = flow.results_page
    total = len(asked)
    assert flow.stack.currentWidget() is results
    assert results.first_try.text() == f"{total - 1} of {total}"
    assert results.final.text() == f"{total} of {total}"
    assert all(r.accessibleName().startswith("You understand this") for r in results.objective_rows)

    attempts = store.attempts(flow.visit.session_id)
    assert len(attempts) == 1 and attempts[0].finished_at is not None
    answers = attempts[0].answers
    assert len(answers) == total + 1
    first, last = answers[0], answers[-1]
    assert (first.question_id, first.right, first.try_number) == (missed.id, False, 1)
    assert (last.question_id, last.right, last.try_number) == (reask.id, True, 2)
    assert last.asked_for == missed.id
    viewed = {screen for _, screen, _ in store.screen_views(flow.visit.session_id)}
    assert {s.id for s in module.screens} <= viewed


def test_an_answer_is_on_disk_before_the_patient_moves_on(qtbot, make_window, store, library):
    _window, driver, module = quiz_next(make_window, store, library)
    driver.answer(module.questions[0].correct_ids, "q")
    other = sqlite3.connect(str(store.path))
    rows = other.execute("SELECT question_id, right FROM answers").fetchall()
    other.close()
    assert rows == [(module.questions[0].id, 1)]


def test_stopping_leaves_the_missed_idea_for_the_care_team(qtbot, make_window, store, library):
    window, driver, module = quiz_next(make_window, store, library)
    missed = module.questions[0]
    driver.take_quiz(module, wrong_first={missed.id}, stop_at_review=True)
    rows = window.flow.results_page.objective_rows
    flagged = [r.accessibleName() for r in rows
               if r.accessibleName().startswith("Talk with your care team")]
    assert flagged == [f"Talk with your care team about this: "
                       f"{module.objective(missed.objective).text}"]
    attempt = store.attempts(window.flow.visit.session_id)[0]
    assert attempt.stopped


def test_every_module_can_be_completed(qtbot, make_window, store, library):
    window = make_window(store)
    driver = PatientDriver(window)
    driver.start()
    for module in library.for_language("en"):
        driver.open_module(module)
        driver.read_all(module)
        driver.take_quiz(module, wrong_first=set())
        total = len(first_pass(module))
        results = window.flow.results_page
        assert results.first_try.text() == f"{total} of {total}"
        shown = [w for w in results.findChildren(QFrame) if w.isVisible()
                 and w.accessibleName().startswith("You understand this: ")]
        assert [w.accessibleName() for w in shown] == [
            f"You understand this: {o.text}" for o in module.objectives]
        driver.back_to_topics()
    badges = [card.badge.text() for card in window.flow.module_list.cards]
    assert badges == [f"Done: {len(first_pass(m))} of {len(first_pass(m))} understood"
                      for m in library.for_language("en")]


def test_the_next_patient_sees_nothing_of_the_last(qtbot, make_window, store, library):
    window, driver, module = quiz_next(make_window, store, library)
    driver.take_quiz(module, wrong_first=set())
    driver.back_to_topics()
    first_session = window.flow.visit.session_id
    click(qtbot, window.flow.module_list.finish_button)
    assert window.flow.stack.currentWidget() is window.flow.welcome
    assert not window.topics_button.isVisible()

    driver.start()
    assert window.flow.visit.session_id != first_session
    assert not any(card.badge.isVisible() for card in window.flow.module_list.cards)
    # what the first patient answered is still stored for the care team
    assert store.attempts(first_session)


def test_all_topics_leaves_a_module_and_the_quiz(qtbot, make_window, store, library):
    window = make_window(store)
    driver = PatientDriver(window)
    module = library.for_language("en")[0]
    driver.start()
    driver.open_module(module)
    assert window.topics_button.isVisible()
    click(qtbot, window.topics_button)
    assert window.flow.stack.currentWidget() is window.flow.module_list
    assert not window.topics_button.isVisible()
    driver.open_module(module)
    driver.read_all(module)
    assert window.flow.quiz is not None and window.flow.quiz.step == Step.QUESTION
    click(qtbot, window.topics_button)
    assert window.flow.quiz is None
