"""The shared waiting-room computer: idle reset wipes the last patient; kiosk cannot be left."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from eduapp.commands.driver import PatientDriver
from eduapp.core.pin import PinLock
from eduapp.ui.main_window import WindowSettings
from eduapp.ui.patient.idle import MIN_COUNTDOWN
from eduapp.ui.pin_dialog import PinDialog, ask_for_pin


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
    # an idle period ten times the typing interval: a busy machine may stall the event loop
    # for a few hundred milliseconds without that counting as a patient who stopped
    window = make_window(store, idle_seconds=1.0, countdown_seconds=5)
    PatientDriver(window).start()
    typing = QTimer()
    typing.setInterval(100)
    typing.timeout.connect(lambda: QTest.keyClick(window.flow.module_list, Qt.Key.Key_Shift))
    typing.start()
    with qtbot.assertNotEmitted(window.idle.warned, wait=3000):
        pass  # a patient who keeps using the app for three idle periods is not interrupted
    typing.stop()
    with qtbot.waitSignal(window.idle.warned, timeout=5000):
        pass


@pytest.mark.parametrize("how", ["idle reset", "I am finished"])
def test_one_wipe_for_the_idle_reset_and_i_am_finished(qtbot, make_window, store, library, how):
    """Spanish, larger text, high contrast, slower reading and a quiz: all gone either way."""
    window = make_window(store, languages=("en", "es"), idle_seconds=0.4, countdown_seconds=1,
                         speech_engine="mock")
    flow = window.flow
    driver = PatientDriver(window)
    qtbot.mouseClick(flow.welcome.language_buttons["es"], Qt.MouseButton.LeftButton)
    module = library.for_language("es")[0]
    driver.start()
    window.set_text_step(2)
    window.set_high_contrast(True)
    driver.open_module(module)
    with qtbot.waitSignal(window.speech.unavailable, timeout=10000):  # no Spanish voice here
        qtbot.mouseClick(window.read_button, Qt.MouseButton.LeftButton)
    assert window.read_button.text() == "No se puede leer en voz alta"
    window.slow_button.setChecked(True)  # chosen while an English text was read
    driver.read_all(module)
    driver.take_quiz(module, wrong_first={module.questions[0].id})
    driver.back_to_topics()
    assert [c.badge.text() for c in flow.module_list.cards if c.badge.isVisible()]
    session = flow.visit.session_id
    if how == "idle reset":
        with qtbot.waitSignal(window.idle.reset, timeout=5000):
            pass
    else:
        assert flow.module_list.finish_button.text() == "Ya terminé"
        qtbot.mouseClick(flow.module_list.finish_button, Qt.MouseButton.LeftButton)

    assert flow.stack.currentWidget() is flow.welcome and flow.visit is None
    assert window.language == "en" and flow.welcome.start_button.text() == "Start"
    assert flow.welcome.language_buttons["en"].isChecked()
    assert window.text_step == 0 and not window.high_contrast
    assert not window.contrast_button.isChecked() and window.size_buttons[0].isChecked()
    assert "font-size: 20px" in QApplication.instance().styleSheet()
    assert window.speech.state == "idle" and not window.slow_button.isChecked()
    assert window.read_button.text() == "Read aloud"
    assert not window.idle.armed and not window.idle.warning
    # nothing of the last patient is left on any page
    assert flow.quiz_page.choices == [] and flow.quiz_page.question.text() == ""
    assert flow.results_page.objective_rows == [] and flow.results_page.final.text() == ""
    assert flow.screen_page.heading.text() == "" and flow.screen_page.text.toPlainText() == ""
    # still saved for the care team, and ended; the next patient starts clean
    assert store.attempts(session)
    assert store.sessions_by_id([session])[0].ended_at is not None
    driver.start()
    assert flow.visit.session_id != session
    assert flow.module_list.title.text() == "Choose a topic"
    assert not any(card.badge.isVisible() for card in flow.module_list.cards)


def visible_windows(window: QWidget) -> list[str]:
    return [type(w).__name__ for w in QApplication.topLevelWidgets()
            if w.isVisible() and w is not window]


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # a menu, offscreen
def test_the_reset_closes_every_dialog_menu_and_message(qtbot, make_window, store):
    """A PIN dialog with a wrong try and a menu open on it when the countdown runs out."""
    PinLock(store).choose("482916")
    window = make_window(store, idle_seconds=0.3, countdown_seconds=2)
    window.open_workspace = lambda parent: QWidget() if ask_for_pin(parent, store) else None
    PatientDriver(window).start()
    seen: list[str] = []

    def wrong_pin_then_a_menu() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PinDialog)
        qtbot.keyClicks(dialog.pin, "111111")
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
        seen.append(dialog.message.text() if dialog.message.isVisible() else "")
        QTimer.singleShot(100, lambda: seen.append(" ".join(visible_windows(window))))
        QApplication.sendEvent(dialog.pin, QContextMenuEvent(  # returns once the menu closes
            QContextMenuEvent.Reason.Keyboard, QPoint(4, 4), dialog.pin.mapToGlobal(QPoint(4, 4))))

    def open_pin_dialog() -> None:  # as Escape on a kiosk does, during the countdown
        QTimer.singleShot(100, wrong_pin_then_a_menu)
        window.show_workspace()  # returns once the dialog is gone
        seen.append("dialog gone")

    window.idle.warned.connect(lambda: QTimer.singleShot(0, open_pin_dialog))
    with qtbot.waitSignal(window.idle.reset, timeout=10000):
        pass
    qtbot.waitUntil(lambda: "dialog gone" in seen, timeout=3000)
    assert seen[0].startswith("That PIN is not right.")
    assert "PinDialog" in seen[1] and "QMenu" in seen[1]  # both were really open
    assert visible_windows(window) == []
    assert window.workspace is None
    assert window.flow.stack.currentWidget() is window.flow.welcome


def test_a_dialog_left_open_is_closed_before_the_countdown(qtbot, make_window, store):
    """The notice must be reachable: nothing modal stays above it."""
    PinLock(store).choose("482916")
    window = make_window(store, idle_seconds=0.5, countdown_seconds=20)
    window.open_workspace = lambda parent: QWidget() if ask_for_pin(parent, store) else None
    PatientDriver(window).start()
    seen: list[str] = []

    def staff() -> None:
        QTimer.singleShot(100, lambda: seen.append(type(QApplication.activeModalWidget()).__name__))
        window.show_workspace()  # returns once the dialog is gone
        seen.append(" ".join(visible_windows(window)))

    with qtbot.waitSignal(window.idle.warned, timeout=5000):
        QTimer.singleShot(0, staff)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=3000)
    assert seen == ["PinDialog", ""]
    assert window.idle.notice.isVisible()
    qtbot.mouseClick(window.idle.notice.button, Qt.MouseButton.LeftButton)
    assert not window.idle.warning
    assert window.flow.stack.currentWidget() is window.flow.module_list


@pytest.mark.parametrize("first", ["en", "es"])
def test_the_idle_notice_speaks_the_patients_language(qtbot, make_window, store, first):
    """Built in one language and shown in the other: every word follows the patient."""
    window = make_window(store, languages=("en", "es"), idle_seconds=0.3, countdown_seconds=25)
    driver = PatientDriver(window)
    window.set_language(first)
    driver.start()
    with qtbot.waitSignal(window.idle.warned, timeout=3000):
        pass
    qtbot.mouseClick(window.idle.notice.button, Qt.MouseButton.LeftButton)
    other = "es" if first == "en" else "en"
    window.set_language(other)
    driver.start()
    with qtbot.waitSignal(window.idle.warned, timeout=3000):
        pass
    notice = window.idle.notice
    words = (notice.title.text(), notice.button.text(), notice.button.accessibleName(),
             notice.message.text())
    if other == "es":
        assert words == ("¿Sigue ahí?", "Sigo aquí", "Sigo aquí",
                         "Para que sus respuestas sigan siendo privadas, esta pantalla volverá "
                         "al inicio en 25 segundos.")
    else:
        assert words == ("Are you still there?", "I'm still here", "I'm still here",
                         "To keep your answers private, this screen will start over in 25 "
                         "seconds.")


def test_idle_is_not_armed_on_an_untouched_welcome_screen(qtbot, make_window, store):
    window = make_window(store, idle_seconds=0.2, countdown_seconds=1)
    assert not window.idle.armed
    window.set_text_step(1)
    assert window.idle.armed


def test_kiosk_covers_the_screen_and_cannot_be_closed(qtbot, make_window, store):
    window = make_window(store, kiosk=True)
    window.enter_kiosk()
    screen = window.screen().geometry()
    qtbot.waitUntil(lambda: window.geometry() == screen and window.isFullScreen(), timeout=3000)
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
