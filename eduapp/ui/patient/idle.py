"""Idle reset: after the clinic's idle time with no input, warn with a countdown, then start over.

The notice covers the whole window (so the next person cannot read what is behind it), counts
down for at least 20 seconds (WCAG 2.2.1) and has one big "I'm still here" button, in the
language on show. Dialogs, menus and messages are closed first, so nothing sits above it.
Any touch, click, key or wheel counts as activity; so does read-aloud (`keep_alive`), for as
long as the text could take to read (see `eduapp.ui.patient.read_aloud`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QFrame, QHBoxLayout, QVBoxLayout, QWidget

from eduapp.ui.widgets import button, label

MIN_COUNTDOWN = 20
INPUT_EVENTS = {
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.KeyPress,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.Wheel,
    QEvent.Type.TabletPress,
}


def close_popups(window: QWidget) -> int:
    """Close every dialog, menu, message and tooltip above `window`; returns how many.

    A dialog waiting in `exec()` is rejected, so the code that opened it goes on as after
    Cancel. Used by the idle warning and by the wipe between patients.
    """
    from PySide6.QtWidgets import QToolTip

    QToolTip.hideText()
    closed = 0
    while (popup := QApplication.activePopupWidget()) is not None and closed < 50:
        popup.close()  # a menu or a list that drops down; each may have opened another
        closed += 1
    for widget in QApplication.topLevelWidgets():
        if widget is window or not widget.isVisible() or widget.isAncestorOf(window):
            continue
        if isinstance(widget, QDialog):
            widget.done(QDialog.DialogCode.Rejected.value)
        widget.close()
        closed += 1
    return closed


class IdleNotice(QWidget):
    """The full-window 'Are you still there?' notice."""

    still_here = Signal()

    def __init__(self, parent: QWidget) -> None:
        from PySide6.QtCore import Qt  # not at import: see eduapp.ui.widgets

        super().__init__(parent)
        self.setObjectName("idle-notice")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        outer = QVBoxLayout(self)
        card = QFrame()
        card.setProperty("role", "tile")
        card.setMaximumWidth(760)
        box = QVBoxLayout(card)
        box.setContentsMargins(40, 32, 40, 32)
        box.setSpacing(18)
        self.title = label("", "h1")
        self.message = label("", "lead")
        self.button = button("", "primary")
        self.button.setMinimumWidth(320)
        self.button.clicked.connect(self.still_here)
        box.addWidget(self.title)
        box.addWidget(self.message)
        box.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()  # stretches, not alignment, so the wrapped text gets its height
        row.addStretch(1)
        row.addWidget(card, 3)
        row.addStretch(1)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self.hide()

    def show_seconds(self, seconds: int) -> None:
        """The texts in the interface language now installed, with the seconds left."""
        self.title.setText(self.tr("Are you still there?"))
        self.button.setText(self.tr("I'm still here"))
        self.button.setAccessibleName(self.button.text())
        self.message.setText(self.tr(
            "To keep your answers private, this screen will start over in %n seconds.",
            "", seconds))
        self.message.setAccessibleName(self.message.text())

    def cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()
        self.button.setFocus()


class IdleReset(QObject):
    """Arms while there is something to wipe; emits `reset` when the countdown runs out."""

    warned = Signal()
    reset = Signal()

    def __init__(self, window: QWidget, idle_seconds: float, countdown_seconds: int = 30,
                 busy: Callable[[], bool] | None = None) -> None:
        super().__init__(window)
        self.busy = busy or (lambda: False)
        self.window = window
        self.countdown_seconds = countdown_seconds
        self.remaining = 0
        self._notice: IdleNotice | None = None  # built when first needed
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(max(1, round(idle_seconds * 1000)))
        self._idle.timeout.connect(self._warn)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count)
        self.armed = False
        self._watching = False

    def set_seconds(self, idle_seconds: float) -> None:
        """A new idle time (the clinic changed it): counted from the next input on."""
        self._idle.setInterval(max(1, round(idle_seconds * 1000)))

    @property
    def notice(self) -> IdleNotice:
        if self._notice is None:
            self._notice = IdleNotice(self.window)
            self._notice.still_here.connect(self.still_here)
        return self._notice

    @property
    def warning(self) -> bool:
        return self._notice is not None and self._notice.isVisible()

    def arm(self, armed: bool) -> None:
        """Watch for idleness only while a patient has left something on screen."""
        self.armed = armed
        self._watch(armed)
        if armed and not self.warning:
            self._idle.start()
        elif not armed:
            self._stop()

    def _watch(self, on: bool) -> None:
        """See every input event only while armed: an untouched welcome screen costs nothing."""
        app = QApplication.instance()
        if app is None or on == self._watching:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._watching = on

    def keep_alive(self) -> None:
        """Activity that is not input, such as read-aloud speaking."""
        if self.armed and not self.warning:
            self._idle.start()

    def still_here(self) -> None:
        self._stop()
        if self.armed:
            self._idle.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # every event of the application passes here: the cheap tests first, and the type
        # (a Python enum made on each call) only for input events
        if self.armed and not self.warning and event.isInputEvent() \
                and event.type() in INPUT_EVENTS:
            self._idle.start()
        return False

    def _warn(self) -> None:
        if self.busy():  # e.g. reading aloud: the patient is listening
            self._idle.start()
            return
        self.remaining = self.countdown_seconds
        close_popups(self.window.window())
        self.notice.show_seconds(self.remaining)
        self.notice.cover()
        self._tick.start()
        self.warned.emit()

    def _count(self) -> None:
        self.remaining -= 1
        if self.remaining > 0:
            self.notice.show_seconds(self.remaining)
            return
        self.arm(False)
        self.reset.emit()

    def _stop(self) -> None:
        self._tick.stop()
        self._idle.stop()
        if self._notice is not None:
            self._notice.hide()
