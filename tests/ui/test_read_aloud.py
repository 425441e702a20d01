"""Read aloud: what is said for each screen, pause, stop, slower, and no engine at all."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from eduapp.commands.driver import PatientDriver
from eduapp.ui.patient.idle import IdleReset
from eduapp.ui.patient.read_aloud import SLOW_RATE


def click(qtbot, widget):
    assert widget.isVisible() and widget.isEnabled(), widget.accessibleName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def reading(qtbot, make_window, store, library):
    window = make_window(store, speech_engine="mock")
    driver = PatientDriver(window)
    module = library.for_language("en")[0]
    driver.start()
    driver.open_module(module)
    return window, module


def test_a_screen_is_read_with_its_heading_picture_and_text(reading):
    window, module = reading
    screen = module.screens[0]
    said = window.current_text()
    assert said.startswith(screen.title)
    assert f"Picture: {screen.image.alt}" in said
    assert "Pain is your body's alarm." in said
    assert "Teach-back" not in said and screen.clinician_notes.splitlines()[0] not in said


def test_a_question_is_read_with_its_choices_and_then_the_feedback(qtbot, reading):
    window, module = reading
    driver = PatientDriver(window)
    driver.read_all(module)
    question = module.questions[0]
    said = window.current_text()
    assert question.text in said and "Choose one answer." in said
    assert f"Answer 1: {question.choices[0].text}" in said
    driver.answer(question.correct_ids, "q")
    assert "Yes, that's right." in window.current_text()


def test_read_pause_go_on_and_stop(qtbot, reading):
    window, _ = reading
    speech = window.speech
    with qtbot.waitSignal(speech.state_changed, check_params_cb=lambda s: s == "speaking"):
        click(qtbot, window.read_button)
    assert window.read_button.text() == "Pause"
    assert window.stop_speech_button.isVisible() and window.slow_button.isVisible()
    with qtbot.waitSignal(speech.state_changed, check_params_cb=lambda s: s == "paused"):
        click(qtbot, window.read_button)
    assert window.read_button.text() == "Go on"
    with qtbot.waitSignal(speech.state_changed, check_params_cb=lambda s: s == "speaking"):
        click(qtbot, window.read_button)
    with qtbot.waitSignal(speech.state_changed, check_params_cb=lambda s: s == "idle"):
        click(qtbot, window.stop_speech_button)
    assert window.read_button.text() == "Read aloud"
    assert not window.stop_speech_button.isVisible()


def test_slower_speech(qtbot, reading):
    window, _ = reading
    with qtbot.waitSignal(window.speech.state_changed):
        click(qtbot, window.read_button)
    click(qtbot, window.slow_button)
    assert window.speech._speech.rate() == pytest.approx(SLOW_RATE)


def test_moving_on_stops_the_last_screens_speech(qtbot, reading):
    window, _ = reading
    with qtbot.waitSignal(window.speech.state_changed):
        click(qtbot, window.read_button)
    with qtbot.waitSignal(window.speech.state_changed, check_params_cb=lambda s: s == "idle"):
        click(qtbot, window.flow.screen_page.next_button)


def test_without_a_speech_engine_the_button_says_so(qtbot, make_window, store):
    window = make_window(store, speech_engine="no-such-engine")
    PatientDriver(window).start()
    click(qtbot, window.read_button)
    assert window.read_button.text() == "Read aloud is not available"
    assert "ask a member of staff" in window.read_button.accessibleName()
    assert window.speech.problem


def test_reading_aloud_holds_off_the_idle_reset(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    speaking = [True]
    idle = IdleReset(host, 0.1, 20, busy=lambda: speaking[0])
    idle.arm(True)
    with qtbot.assertNotEmitted(idle.warned, wait=500):
        pass
    speaking[0] = False
    with qtbot.waitSignal(idle.warned, timeout=2000):
        pass
