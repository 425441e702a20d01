"""Read aloud: what is said for each screen, pause, stop, slower, no engine at all, and engines
that never finish or never answer."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTextToSpeech import QTextToSpeech
from PySide6.QtWidgets import QWidget

from eduapp.commands.driver import PatientDriver
from eduapp.ui.patient import read_aloud
from eduapp.ui.patient.idle import IdleReset
from eduapp.ui.patient.read_aloud import SLOW_RATE, reading_seconds


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
    click(qtbot, window.slow_button)  # the engine, in its own process, says when it has it
    qtbot.waitUntil(lambda: window.speech.engine_rate == pytest.approx(SLOW_RATE))


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


# an engine that misbehaves -----------------------------------------------------------------

NEVER_FINISHES = """
import json, sys
print(json.dumps({"languages": ["en"]}), flush=True)
for line in sys.stdin:
    order = json.loads(line)
    if "say" in order:
        print(json.dumps({"state": "speaking", "ticket": order["ticket"]}), flush=True)
"""  # the helper's engine speaks, never says it has finished and ignores Stop: exactly what
# speech-dispatcher with no working sound device does (PLATFORM.md; scripts/soak.py uses it)


def test_an_engine_that_never_finishes_holds_off_the_reset_only_for_the_text(
        qtbot, make_window, store, monkeypatch):
    monkeypatch.setattr(read_aloud, "WORDS_PER_MINUTE", 1500)  # a test need not wait a minute
    window = make_window(store, idle_seconds=0.5, countdown_seconds=1)
    window.speech.command = lambda _name: [sys.executable, "-c", NEVER_FINISHES]
    window.speech.start_seconds = 2.0
    PatientDriver(window).start()
    bound = reading_seconds(window.current_text(), slow=False, start=2.0)
    with qtbot.waitSignal(window.speech.state_changed, timeout=3000):
        click(qtbot, window.read_button)
    assert window.read_button.text() == "Pause"
    with qtbot.assertNotEmitted(window.idle.warned, wait=1500):
        pass  # listening is activity...
    with qtbot.waitSignal(window.speech.unavailable, timeout=round(1000 * bound) + 2000):
        pass  # ...for as long as the text could take, not for ever
    assert window.speech.state == "idle"
    assert window.read_button.text() == "Read aloud is not available"
    assert "ask a member of staff" in window.read_button.accessibleName()
    with qtbot.waitSignal(window.idle.reset, timeout=5000):
        pass
    assert window.flow.stack.currentWidget() is window.flow.welcome
    assert window.read_button.text() == "Read aloud is not available"  # still true


def test_stop_ends_the_hold_on_the_reset_even_if_the_engine_keeps_going(
        qtbot, make_window, store):
    window = make_window(store, idle_seconds=0.5, countdown_seconds=1)
    window.speech.command = lambda _name: [sys.executable, "-c", NEVER_FINISHES]
    PatientDriver(window).start()
    with qtbot.waitSignal(window.speech.state_changed, timeout=3000):
        click(qtbot, window.read_button)
    qtbot.waitUntil(lambda: window.speech._languages is not None)  # the helper is talking
    click(qtbot, window.stop_speech_button)
    assert window.speech.state == "idle" and window.read_button.text() == "Read aloud"
    with qtbot.waitSignal(window.idle.reset, timeout=5000):
        pass


def speech_service(tmp_path, monkeypatch, answer):  # type: ignore[no-untyped-def]
    """A speech-dispatcher socket where `answer(connection)` plays the service."""
    path = tmp_path / "speechd.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.listen(8)
    held: list[socket.socket] = []

    def serve() -> None:
        while True:
            try:
                connection = server.accept()[0]
            except OSError:
                return
            held.append(connection)
            answer(connection)

    threading.Thread(target=serve, daemon=True).start()
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{path}")
    return server, held


@pytest.fixture
def hung_service(tmp_path, monkeypatch):
    """Takes the connection and never answers: a speech service that hangs."""
    server, held = speech_service(tmp_path, monkeypatch, lambda connection: None)
    yield
    server.close()
    for connection in held:
        connection.close()


@pytest.fixture
def vanishing_service(tmp_path, monkeypatch):
    """Reads the client's first words, then goes away: speech-dispatcher killed or crashed.

    The speech-dispatcher client library may then crash its process (a segmentation fault,
    as when speech-dispatcher is killed under a running app).
    """

    def vanish(connection: socket.socket) -> None:
        connection.recv(100)
        time.sleep(1)  # the client waits for its answer...
        connection.close()  # ...and gets none

    server, _ = speech_service(tmp_path, monkeypatch, vanish)
    yield
    server.close()


def test_a_hung_speech_service_never_freezes_the_screen_or_the_reset(
        qtbot, make_window, store, library, hung_service, monkeypatch):
    assert "speechd" in QTextToSpeech.availableEngines()  # setup --test installs libspeechd2
    monkeypatch.setattr(read_aloud, "WORDS_PER_MINUTE", 6000)
    window = make_window(store, idle_seconds=0.5, countdown_seconds=1, speech_engine="speechd")
    window.speech.start_seconds = 2.0
    driver = PatientDriver(window)
    module = library.for_language("en")[0]
    driver.start()
    driver.open_module(module)
    ticks: list[int] = []
    clock = QTimer()
    clock.timeout.connect(lambda: ticks.append(1))
    clock.start(50)
    click(qtbot, window.read_button)  # the engine starts to connect: it never gets an answer
    driver.click(window.flow.screen_page.next_button)  # the screen answers at once
    assert window.flow.screen_page.heading.text() == module.screens[1].title
    click(qtbot, window.read_button)
    with qtbot.waitSignal(window.speech.unavailable, timeout=10000):
        pass
    clock.stop()
    assert len(ticks) >= 20  # the interface kept running all along
    assert window.read_button.text() == "Read aloud is not available"
    with qtbot.waitSignal(window.idle.reset, timeout=5000):
        pass


def test_a_speech_service_that_goes_away_does_not_take_the_app_with_it(
        qtbot, make_window, store, vanishing_service):
    window = make_window(store, speech_engine="speechd")
    PatientDriver(window).start()
    with qtbot.waitSignal(window.speech.unavailable, timeout=10000):
        click(qtbot, window.read_button)
    assert window.speech.problem  # its helper failed or crashed; this process goes on
    assert window.read_button.text() == "Read aloud is not available"
    PatientDriver(window).open_module(window.flow.modules["why-pain-lasts"])


def test_the_speech_helper_ends_quietly_when_the_app_has_gone() -> None:
    """The app killed: the helper's next report meets a closed pipe; no traceback, it ends."""
    helper = subprocess.Popen([sys.executable, "-m", "eduapp.ui.patient.speech_helper", "mock"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert helper.stdin is not None and helper.stdout is not None
    assert "languages" in helper.stdout.readline()  # the engine works
    helper.stdout.close()  # as when the app is gone
    helper.stdin.write('{"say": "Hello there", "language": "en", "rate": 0, "ticket": 1}\n')
    helper.stdin.flush()
    assert helper.wait(timeout=30) == 0
    assert helper.stderr is not None
    assert "Traceback" not in helper.stderr.read()
    helper.stdin.close()
