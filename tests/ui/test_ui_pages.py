"""Each patient screen on its own: what it shows, and the signals its buttons and keys send."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from eduapp.core.content.model import Module, QuestionKind
from eduapp.core.quiz import Answer, Mastery, first_pass, score
from eduapp.core.visit import ModuleStatus
from eduapp.ui.patient.module_list import ModuleListPage
from eduapp.ui.patient.quiz_page import QuizPage
from eduapp.ui.patient.results_page import ResultsPage
from eduapp.ui.patient.screen_page import ScreenPage
from eduapp.ui.patient.welcome import WelcomePage


def test_welcome_shows_clinic_and_start_sends_start(qtbot, themed):
    page = WelcomePage("Hillside Pain Care", None)
    qtbot.addWidget(page)
    page.show()
    assert page.clinic.text() == "Hillside Pain Care"
    with qtbot.waitSignal(page.start):
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert page.start_button.height() >= 44 and page.start_button.width() >= 200


def test_module_list_has_a_card_per_module_and_opens_the_one_clicked(qtbot, themed, library):
    modules = library.for_language("en")
    page = ModuleListPage()
    qtbot.addWidget(page)
    page.show_modules(modules)
    page.resize(1280, 760)
    page.show()
    assert [c.title.text() for c in page.cards] == [m.title for m in modules]
    assert all(c.cover.isVisible() for c in page.cards)
    assert page.cards[1].minutes.text() == f"About {modules[1].minutes} minutes"
    with qtbot.waitSignal(page.chosen) as signal:
        qtbot.mouseClick(page.cards[1], Qt.MouseButton.LeftButton)
    assert signal.args == [modules[1].id]


def test_module_card_shows_done_badge_with_score(qtbot, themed, module: Module):
    page = ModuleListPage()
    qtbot.addWidget(page)
    page.show_modules([module])
    page.show()
    card = page.cards[0]
    assert not card.badge.isVisible()
    asked = first_pass(module)
    answers = [Answer(q.id, q.correct_ids, True, 1, 1.0) for q in asked[1:]]
    answers.append(Answer(asked[0].id, frozenset({"x"}), False, 1, 1.0))
    page.show_status(module.id, ModuleStatus(True, score(module, answers)))
    n = len(asked)
    assert card.badge.isVisible()
    assert card.badge.text() == f"Done: {n - 1} of {n} understood"
    assert card.badge.text() in card.accessibleName()


def test_reader_shows_screen_progress_and_picture(qtbot, themed, module: Module):
    page = ScreenPage()
    qtbot.addWidget(page)
    page.show()
    screen = module.screens[2]
    page.show_screen(module.title, screen, (3, len(module.screens)))
    assert page.heading.text() == screen.title
    assert page.progress_text.text() == f"3 of {len(module.screens)}"
    assert page.progress.value() == 3
    assert page.back_button.isEnabled() and page.next_button.text() == "Next"
    assert page.picture.isVisible() == (screen.image is not None)
    if screen.image is not None:
        assert page.picture.accessibleName() == screen.image.alt
    assert not page.banner.isVisible() and not page.again_button.isVisible()


def test_reader_shows_the_caption_under_the_picture(qtbot, themed, module: Module):
    """The caption is visible text under the picture, wrapping at the text size; the
    picture's name for a screen reader stays its alt text; no caption, no empty label."""
    page = ScreenPage()
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    screen = next(s for s in module.screens if s.image is not None)
    caption = "A calm caption that is long enough to wrap onto a second line " * 3
    captioned = replace(screen, image=replace(screen.image, caption=caption))
    page.show_screen(module.title, captioned, (1, 3))
    qtbot.waitUntil(page.caption.isVisible)
    assert page.caption.text() == caption and page.caption.wordWrap()
    picture, under = page.picture.geometry(), page.caption.geometry()
    assert under.top() >= picture.bottom() and under.left() < picture.right()
    assert page.caption.height() >= page.caption.heightForWidth(page.caption.width())
    assert page.caption.font().pixelSize() == page.text.font().pixelSize()
    assert page.picture.accessibleName() == screen.image.alt
    assert caption in page.spoken_text()
    page.show_screen(module.title, replace(screen, image=replace(screen.image, caption="")),
                     (1, 3))
    assert not page.caption.isVisible()
    page.clear()
    assert page.caption.text() == ""


def test_reader_hides_clinician_notes_from_patients(qtbot, themed, module: Module):
    page = ScreenPage()
    qtbot.addWidget(page)
    screen = next(s for s in module.screens if s.clinician_notes)
    page.show_screen(module.title, screen, (1, len(module.screens)))
    shown = page.text.toPlainText()
    first_note_line = screen.clinician_notes.splitlines()[0].strip("- ").strip()
    assert first_note_line and first_note_line not in shown
    assert "Teach-back" not in shown and ":::" not in shown


def test_reader_buttons_and_arrow_keys(qtbot, themed, module: Module):
    page = ScreenPage()
    qtbot.addWidget(page)
    page.show()
    page.show_screen(module.title, module.screens[1], (2, len(module.screens)))
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.next_button.setFocus()
    with qtbot.waitSignal(page.next):
        qtbot.keyClick(page.next_button, Qt.Key.Key_Right)
    with qtbot.waitSignal(page.back):
        qtbot.keyClick(page.next_button, Qt.Key.Key_Left)
    with qtbot.waitSignal(page.back):
        qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)


def test_reader_first_and_last_screen(qtbot, themed, module: Module):
    page = ScreenPage()
    qtbot.addWidget(page)
    page.show()
    n = len(module.screens)
    page.show_screen(module.title, module.screens[0], (1, n))
    assert not page.back_button.isEnabled()
    page.show_screen(module.title, module.screens[-1], (n, n), last=True)
    assert page.next_button.text() == "Start the quiz"


def test_reader_review_mode_offers_ask_again_and_stop(qtbot, themed, module: Module):
    page = ScreenPage()
    qtbot.addWidget(page)
    page.show()
    page.show_screen(module.title, module.screens[0], (1, len(module.screens)), reviewing=True)
    assert page.banner.isVisible() and page.again_button.isVisible()
    assert page.stop_button.isVisible()
    assert not page.next_button.isVisible() and not page.back_button.isVisible()
    with qtbot.waitSignal(page.ask_again):
        qtbot.mouseClick(page.again_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.stop_quiz):
        qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)


def _question(module: Module, kind: QuestionKind):
    return next(q for q in module.questions if q.kind == kind)


def test_quiz_single_choice_is_exclusive_and_check_waits_for_a_choice(qtbot, themed, module):
    page = QuizPage()
    qtbot.addWidget(page)
    page.show()
    q = _question(module, QuestionKind.SINGLE)
    page.show_question(module.title, q, q.choices, (1, 5), retry=False)
    assert page.question.text() == q.text
    assert page.how.text() == "Choose one answer."
    assert [c.text.text() for c in page.choices] == [c.text for c in q.choices]
    assert not page.check_button.isEnabled()
    qtbot.mouseClick(page.choices[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.choices[1], Qt.MouseButton.LeftButton)
    assert page.chosen() == {q.choices[1].id}
    assert page.check_button.isEnabled()
    with qtbot.waitSignal(page.submitted) as signal:
        qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert signal.args == [frozenset({q.choices[1].id})]


def test_quiz_multiple_choice_allows_several(qtbot, themed, module):
    page = QuizPage()
    qtbot.addWidget(page)
    page.show()
    q = _question(module, QuestionKind.MULTIPLE)
    page.show_question(module.title, q, q.choices, (1, 5), retry=False)
    assert page.how.text() == "Choose every answer that is true."
    for widget in page.choices[:2]:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    assert page.chosen() == {q.choices[0].id, q.choices[1].id}


def test_quiz_feedback_explains_the_choice_made_without_giving_the_answer(qtbot, themed, module):
    page = QuizPage()
    qtbot.addWidget(page)
    page.show()
    q = _question(module, QuestionKind.SINGLE)
    wrong = next(c for c in q.choices if not c.correct)
    right = next(c for c in q.choices if c.correct)
    page.show_question(module.title, q, q.choices, (1, 5), retry=False)
    page.show_feedback(Answer(q.id, frozenset({wrong.id}), False, 1, 2.0), last=False)
    assert page.feedback.isVisible()
    assert page.verdict.text() == "Not quite."
    assert wrong.explanation.split(".")[0] in page.explanations.text()
    assert right.explanation not in page.explanations.text()
    states = {w.choice.id: w.property("state") for w in page.choices}
    assert states[wrong.id] == "wrong" and states[right.id] is None
    assert all(not w.isEnabled() for w in page.choices)
    assert page.next_button.isVisible() and not page.check_button.isVisible()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    with qtbot.waitSignal(page.next):
        qtbot.keyClick(page.next_button, Qt.Key.Key_Return)


def test_quiz_feedback_when_right_and_last(qtbot, themed, module):
    page = QuizPage()
    qtbot.addWidget(page)
    page.show()
    q = _question(module, QuestionKind.SINGLE)
    page.show_question(module.title, q, q.choices, (5, 5), retry=True)
    assert page.position.text() == "Once more: question 5 of 5"
    assert page.stop_button.isVisible()
    page.show_feedback(Answer(q.id, q.correct_ids, True, 2, 2.0), last=True)
    assert page.verdict.text() == "Yes, that's right."
    assert page.next_button.text() == "See my results"


def test_results_show_scores_and_each_objective(qtbot, themed, module):
    page = ResultsPage()
    qtbot.addWidget(page)
    page.show()
    asked = first_pass(module)
    first = asked[0]
    answers = [Answer(q.id, q.correct_ids, True, 1, 1.0) for q in asked[1:]]
    answers.append(Answer(first.id, frozenset({"x"}), False, 1, 1.0))
    results = score(module, answers)
    page.show_results(module.title, results)
    n = len(asked)
    assert page.first_try.text() == f"{n - 1} of {n}"
    assert page.final.text() == f"{n - 1} of {n}"
    assert len(page.objective_rows) == len(module.objectives)
    texts = [row.accessibleName() for row in page.objective_rows]
    for (objective, mastery), text in zip(results.objectives, texts, strict=True):
        expected = ("Talk with your care team about this" if mastery == Mastery.NOT_YET
                    else "You understand this")
        assert text == f"{expected}: {objective.text}"
    assert any(t.startswith("Talk with your care team") for t in texts)
    with qtbot.waitSignal(page.to_modules):
        qtbot.mouseClick(page.modules_button, Qt.MouseButton.LeftButton)
