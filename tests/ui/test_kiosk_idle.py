"""The shared waiting-room computer: idle reset wipes the last patient; kiosk cannot be left."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from eduapp.commands.driver import PatientDriver
from eduapp.ui.main_window import WindowSettings
from eduapp.ui.patient.idle import MIN_COUNTDOWN


def test_the_clinic_countdown_is_at_least_20_seconds():
    assert WindowSettings("x").countdown_seconds >= MIN_COUNTDOWN >= 20


def test_idle_warning_then_still_here_keeps_the_visit(qtbot, make_window, store, library):
    window = make_window(store, idle_seconds=0.3, countdown_seconds=3)
    driver = PatientDriver(window)
    driver.start()
    visit = window.flow.visit
    with qtbot.waitSignal(window.idle.warned, timeout=3000):
        pass
    notice = window.idle.notice
    assert notice.isVisible() and notice.geometry() == notice.parentWidget().rect()
    assert "start over in 3 seconds" in notice.message.text()
    qtbot.mouseClick(notice.button, Qt.MouseButton.LeftButton)
    assert not notice.isVisible()
    assert window.flow.visit is visit
    assert window.flow.stack.currentWidget() is window.flow.module_list


def test_input_postpones_the_warning(qtbot, make_window, store):
    window = make_window(store, idle_seconds=0.4, countdown_seconds=5)
    PatientDriver(window).start()
    typing = QTimer()
    typing.setInterval(100)
    typing.timeout.connect(lambda: QTest.keyClick(window.flow.module_list, Qt.Key.Key_Shift))
    typing.start()
    with qtbot.assertNotEmitted(window.idle.warned, wait=1200):
        pass  # a patient who keeps using the app for three idle periods is not interrupted
    typing.stop()
    with qtbot.waitSignal(window.idle.warned, timeout=2000):
        pass


def test_idle_reset_wipes_everything_the_patient_left(qtbot, make_window, store, library):
    window = make_window(store, idle_seconds=0.2, countdown_seconds=1)
    driver = PatientDriver(window)
    module = library.for_language("en")[0]
    driver.start()
    window.set_text_step(2)
    window.set_high_contrast(True)
    driver.open_module(module)
    driver.read_all(module)
    driver.take_quiz(module, wrong_first={module.questions[0].id})
    session = window.flow.visit.session_id
    with qtbot.waitSignal(window.idle.reset, timeout=5000):
        pass
    flow = window.flow
    assert flow.stack.currentWidget() is flow.welcome and flow.visit is None
    assert window.text_step == 0 and not window.high_contrast
    assert "font-size: 20px" in QApplication.instance().styleSheet()
    # nothing of the last patient is left on any page
    assert flow.quiz_page.choices == [] and flow.quiz_page.question.text() == ""
    assert flow.results_page.objective_rows == [] and flow.results_page.final.text() == ""
    assert flow.screen_page.heading.text() == "" and flow.screen_page.text.toPlainText() == ""
    assert not window.idle.armed
    # still saved for the clinician; the next patient starts clean
    assert store.attempts(session)
    driver.start()
    assert flow.visit.session_id != session
    assert not any(card.badge.isVisible() for card in flow.module_list.cards)


def test_idle_is_not_armed_on_an_untouched_welcome_screen(qtbot, make_window, store):
    window = make_window(store, idle_seconds=0.2, countdown_seconds=1)
    assert not window.idle.armed
    window.set_text_step(1)
    assert window.idle.armed


def test_kiosk_covers_the_screen_and_cannot_be_closed(qtbot, make_window, store):
    window = make_window(store, kiosk=True)
    window.enter_kiosk()
    screen = window.screen().geometry()
    qtbot.waitUntil(lambda: window.geometry() == screen, timeout=3000)
    assert window.isFullScreen()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    with qtbot.waitSignal(window.exit_requested):
        assert not window.close()
    assert window.isVisible()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for keys in ((Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                 (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
                 (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
                 (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)):
        with qtbot.waitSignal(window.exit_requested, timeout=1000):
            qtbot.keyClick(window.focusWidget() or window, *keys)
    window.may_close = True
    assert window.close()
