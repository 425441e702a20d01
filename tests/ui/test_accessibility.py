"""Usable by every patient: contrast, touch targets, names for assistive technology, keyboard,
and no clipped text at the largest text size on a 1024x768 screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget

from eduapp.commands.driver import PatientDriver, wrong_choice
from eduapp.ui.theme import FOCUS_AGAINST, HIGH_CONTRAST, PALETTE, TEXT_PAIRS, stylesheet
from tests.ui_checks import labels_cut_off


def luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_formula_matches_known_values():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(("palette", "minimum"), [(PALETTE, 4.5), (HIGH_CONTRAST, 7.0)],
                         ids=["normal", "high-contrast"])
def test_every_text_colour_pair_has_enough_contrast(palette, minimum):
    low = [(fg, bg, round(contrast(getattr(palette, fg), getattr(palette, bg)), 2))
           for fg, bg in TEXT_PAIRS
           if contrast(getattr(palette, fg), getattr(palette, bg)) < minimum]
    assert low == []


@pytest.mark.parametrize("palette", [PALETTE, HIGH_CONTRAST], ids=["normal", "high-contrast"])
def test_the_focus_ring_stands_out_from_every_unfocused_control(palette):
    """WCAG 2.2 (2.4.13): 3:1 between the ring and what its pixels show without the focus."""
    low = {name: round(contrast(palette.focus, getattr(palette, name)), 2)
           for name in FOCUS_AGAINST if contrast(palette.focus, getattr(palette, name)) < 3}
    assert low == {}
    sheet = stylesheet(0, palette)
    assert f"QPushButton[kind=\"primary\"]:focus {{ border: 4px solid {palette.focus}" in sheet


def visit_every_kind_of_page(window, module):
    """Yield after showing each kind of patient page, as a patient meets them."""
    driver = PatientDriver(window)
    yield "welcome"
    driver.start()
    yield "modules"
    driver.open_module(module)
    yield "reader"
    driver.read_all(module)
    yield "question"
    quiz = window.flow.quiz
    driver.answer(wrong_choice(quiz.question), "q")
    yield "feedback"
    window.flow.quiz.stop()
    window.flow._show_results()
    yield "results"
    driver.back_to_topics()
    yield "modules with results"


def interactive(window) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget)
            if isinstance(w, QAbstractButton | QLineEdit) and w.isVisible()]


@pytest.mark.parametrize("step", [0, 2], ids=["normal-text", "largest-text"])
def test_touch_targets_and_accessible_names_on_every_page(qtbot, make_window, store, library,
                                                          step):
    window = make_window(store)
    window.set_text_step(step)
    module = library.for_language("en")[0]
    for page in visit_every_kind_of_page(window, module):
        for widget in interactive(window):
            name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
            assert name.strip(), f"{page}: a {type(widget).__name__} has no accessible name"
            assert widget.width() >= 44 and widget.height() >= 44, f"{page}: '{name}' is small"


def test_illustrations_expose_their_alt_text(qtbot, make_window, store, library):
    window = make_window(store)
    module = library.for_language("en")[0]
    PatientDriver(window).start()
    PatientDriver(window).open_module(module)
    picture = window.flow.screen_page.picture
    assert picture.accessibleName() == module.screens[0].image.alt
    assert picture.accessibleDescription() == module.screens[0].image.alt


def test_keyboard_alone_reaches_and_uses_every_control(qtbot, make_window, store, library):
    window = make_window(store)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    flow = window.flow
    # Start with Space on the focused Start button
    flow.welcome.start_button.setFocus()
    qtbot.keyClick(flow.welcome.start_button, Qt.Key.Key_Space)
    assert flow.stack.currentWidget() is flow.module_list
    # Tab goes round every control once, in reading order: top bar, cards, finish
    widget = window.focusWidget()
    order = [widget]
    for _ in range(30):
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        widget = window.focusWidget()
        if widget is order[0]:
            break
        order.append(widget)
    cards = flow.module_list.cards
    size = window.size_buttons[window.text_step]  # a radio group: one tab stop, the checked
    first_bar = order.index(size)
    cycle = order[first_bar:] + order[:first_bar]  # start reading at the top left
    expected = [size, window.contrast_button, window.read_button, *cards,
                flow.module_list.finish_button]
    assert cycle == expected
    cards[0].setFocus()
    qtbot.keyClick(cards[0], Qt.Key.Key_Space)
    assert flow.stack.currentWidget() is flow.screen_page


@pytest.mark.parametrize("language", ["en", "es"])
def test_nothing_is_cut_off_at_the_largest_text_on_a_small_screen(qtbot, make_window, store,
                                                                   library, language):
    """Spanish runs about a fifth longer than English: both must fit."""
    window = make_window(store, languages=("en", "es"), language=language)
    window.resize(1024, 768)
    window.set_text_step(2)
    for module in library.for_language(language):
        window.flow.end_visit()
        for page in visit_every_kind_of_page(window, module):
            qtbot.waitUntil(lambda: window.width() == 1024)
            assert labels_cut_off(window) == [], f"{module.id}: {page}"
