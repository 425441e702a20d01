"""Nothing cut, overlapping or off the window: corners of the full matrix that scripts/screens.py
runs (every language, text size, contrast and window size). Chosen where things are tightest:
Spanish (the longer language) at the largest text on the smallest landscape screen and on a
portrait tablet, in high contrast (its heavier borders), and English at normal text wide."""

from __future__ import annotations

import pytest

from tests.screen_matrix import Case, check

CORNERS = [Case("es", 2, True, (1024, 768)), Case("es", 2, False, (800, 1280)),
           Case("en", 1, True, (1280, 800))]


@pytest.mark.parametrize("case", CORNERS, ids=str)
def test_no_screen_is_cut_off(qtbot, make_window, store, library, case):
    window = make_window(store, languages=("en", "es"), idle_seconds=600)
    modules = library.for_language(case.language)[:2]
    assert check(window, case, modules) == []


def test_the_check_finds_a_cut_label(qtbot, make_window, store, library):
    """The check itself: a card too short for its badge is reported."""
    from tests.ui_checks import screen_problems

    window = make_window(store)
    window.flow.start_visit()
    card = window.flow.module_list.cards[0]
    card.badge.setText("Done: 7 of 7 understood")
    card.badge.show()
    card.badge.setFixedSize(40, 10)
    assert any("Done: 7 of 7" in p for p in screen_problems(window))


def test_the_session_time_beside_print_is_not_cut_off(qtbot, make_window, store, library):
    """Module 4's checklist screen has one control more (the session time): the tightest
    corners, Spanish at the largest text on the small landscape screen and the tablet."""
    window = make_window(store, languages=("en", "es"), idle_seconds=600)
    session = [m for m in library.for_language("es") if m.id == "your-infusion-session"]
    for case in CORNERS[:2]:
        assert check(window, case, session) == []
