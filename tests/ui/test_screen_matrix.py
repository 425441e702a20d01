"""Nothing cut, overlapping, off the window or off the screen: the corners of the full matrix
that scripts/screens.py runs (every language, text size, contrast and window size).

Chosen where things are tightest: Spanish (the longer language) at the largest text in high
contrast (its heavier borders), on the smallest landscape screen and on a portrait tablet;
each over every screen: the kiosk's gate, every PIN dialog, each clinician tab and its
dialogs, every patient page and quiz state (module 4's checklist and key points with the
session time beside Print among them), printing, results, the idle notice, messages.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QVBoxLayout, QWidget

from tests.screen_matrix import Case, check_case
from tests.ui_checks import buttons_cut_off, dialog_problems, screen_problems

CORNERS = [Case("es", 2, True, (1024, 768)), Case("es", 2, True, (800, 1280))]


@pytest.mark.parametrize("case", CORNERS, ids=str)
def test_no_screen_is_cut_off(qtbot, themed, tmp_path, case):  # type: ignore[no-untyped-def]
    outcome = check_case(case, tmp_path)
    assert outcome.problems == []
    assert outcome.screens > 100  # every screen was reached, not only the first few


def test_the_check_finds_a_cut_label(qtbot, make_window, store):  # type: ignore[no-untyped-def]
    """The check itself: a card too short for its badge is reported."""
    window = make_window(store)
    window.flow.start_visit()
    card = window.flow.module_list.cards[0]
    card.badge.setText("Done: 7 of 7 understood")
    card.badge.show()
    card.badge.setFixedSize(40, 10)
    assert any("Done: 7 of 7" in p for p in screen_problems(window))


def test_the_check_finds_two_controls_on_top_of_each_other(qtbot, make_window, store):  # type: ignore[no-untyped-def]
    window = make_window(store, languages=("en", "es"))
    welcome = window.flow.welcome
    assert screen_problems(window) == []
    english = welcome.language_buttons["en"]
    start = welcome.start_button  # put on the English button, as a layout gone wrong would
    start.move(start.parentWidget().mapFromGlobal(english.mapToGlobal(QPoint(0, 0))))
    assert any("overlaps" in p for p in screen_problems(window))


def test_the_check_finds_a_dialog_too_big_for_the_screen(qtbot, themed):  # type: ignore[no-untyped-def]
    dialog = QDialog()
    qtbot.addWidget(dialog)
    box = QVBoxLayout(dialog)
    box.addWidget(QLabel("A line far too long to wrap " * 12))
    dialog.show()
    assert any("more than the 800x1280px screen" in p
               for p in dialog_problems(dialog, QSize(800, 1280)))
    assert dialog_problems(dialog, QSize(8000, 1280)) == []


def test_the_check_finds_a_cut_choice(qtbot, themed):  # type: ignore[no-untyped-def]
    holder = QWidget()
    qtbot.addWidget(holder)
    choice = QComboBox(holder)
    choice.addItem("Imprimir a archivo (PDF)")
    choice.setFixedWidth(120)
    holder.show()
    assert any("Imprimir a archivo" in p for p in buttons_cut_off(holder))
    choice.setFixedWidth(choice.sizeHint().width())
    assert buttons_cut_off(holder) == []


def test_the_check_finds_a_text_running_past_its_card(qtbot, themed):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFrame

    holder = QWidget()
    qtbot.addWidget(holder)
    holder.resize(400, 200)
    card = QFrame(holder)
    card.setGeometry(0, 0, 200, 100)
    text = QLabel("Terminado: entendió 7 de 7", card)
    text.setGeometry(10, 10, 300, 40)  # wider than the card: its end is cut off
    holder.show()
    assert any("Terminado" in p and "past the side" in p for p in screen_problems(holder))
    text.setGeometry(10, 10, 180, 40)
    assert not any("past the side" in p for p in screen_problems(holder))
