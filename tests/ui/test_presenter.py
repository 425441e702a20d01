"""Presenter mode: outline, jump anywhere, the patient's screen as is, notes beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from eduapp.ui.clinician.presenter import PresenterTab


def make(qtbot, themed, library):
    tab = PresenterTab(library.for_language("en"))
    qtbot.addWidget(tab)
    tab.resize(1400, 800)
    tab.show()
    return tab


def test_outline_lists_every_module_and_screen(qtbot, themed, library):
    tab = make(qtbot, themed, library)
    modules = library.for_language("en")
    assert tab.outline.topLevelItemCount() == len(modules)
    for index, module in enumerate(modules):
        top = tab.outline.topLevelItem(index)
        assert top.text(0) == module.title
        assert top.childCount() == len(module.screens)


def test_jump_anywhere_and_see_the_notes_beside_the_patient_screen(qtbot, themed, library):
    tab = make(qtbot, themed, library)
    module = library.for_language("en")[2]
    screen = module.screens[5]
    item = tab.outline.topLevelItem(2).child(5)
    tab.outline.setCurrentItem(item)
    assert tab.page.heading.text() == screen.title
    assert tab.page.progress_text.text() == f"6 of {len(module.screens)}"
    notes = tab.notes.toPlainText()
    teach_back = next(line for line in screen.clinician_notes.splitlines()
                      if line.startswith("Teach-back"))
    assert teach_back.removeprefix("Teach-back:").strip() in notes
    assert "Teach-back" not in tab.page.text.toPlainText()  # the patient area stays clean


def test_next_runs_on_into_the_following_module_and_back_returns(qtbot, themed, library):
    tab = make(qtbot, themed, library)
    modules = library.for_language("en")
    tab.show_screen(0, len(modules[0].screens) - 1)
    assert tab.page.next_button.text() == "Next module"
    qtbot.mouseClick(tab.page.next_button, Qt.MouseButton.LeftButton)
    assert tab.position == (1, 0)
    assert tab.page.heading.text() == modules[1].screens[0].title
    assert tab.outline.currentItem() is tab.outline.topLevelItem(1).child(0)
    qtbot.mouseClick(tab.page.back_button, Qt.MouseButton.LeftButton)
    assert tab.position == (0, len(modules[0].screens) - 1)


def test_the_very_end_has_nowhere_further_to_go(qtbot, themed, library):
    tab = make(qtbot, themed, library)
    modules = library.for_language("en")
    tab.show_screen(len(modules) - 1, len(modules[-1].screens) - 1)
    assert not tab.page.next_button.isEnabled()
    tab.show_screen(0, 0)
    assert not tab.page.back_button.isEnabled()
