"""The session time on the checklist screen: the printout then gives the day's clock times.

A list of times rather than a text box: it works by touch, by keyboard (arrow keys, or the
first letters of a time) and with a screen reader, and never holds a time that is not one.
Choosing none is fine: the printout then keeps its blank "date ___ time ___" line.
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from eduapp.ui.i18n import clock_time
from eduapp.ui.widgets import label

FIRST_HOUR, LAST_HOUR, STEP_MINUTES = 5, 20, 15  # 5:00 AM to 8:00 PM, every quarter hour


def appointment_times() -> list[time]:
    """The times offered, in order."""
    return [time(minutes // 60, minutes % 60)
            for minutes in range(FIRST_HOUR * 60, LAST_HOUR * 60 + 1, STEP_MINUTES)]


class ListBox(QComboBox):
    """A drop-down list in the app's style (kind "list"), with its arrow drawn in ink.

    The style sheet gives it a border and focus ring; Qt then draws no arrow of its own.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("kind", "list")
        # as wide as its longest item at every text size, not only the first one shown
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().text().color(), 3, Qt.PenStyle.SolidLine,
                   Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        x, y = self.width() - 24.0, self.height() / 2
        painter.drawPolyline([QPointF(x - 7, y - 4), QPointF(x, y + 4), QPointF(x + 7, y - 4)])
        painter.end()


class AppointmentField(QWidget):
    """"My session starts at" and the times; `appointment()` is None until one is chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(10)
        self.combo = ListBox()
        self.combo.setMinimumHeight(48)
        self.combo.setAccessibleName(self.tr("My session starts at"))
        self.combo.setAccessibleDescription(self.tr(
            "Choose a time to print the times to stop eating and to arrive"))
        self.combo.addItem(self.tr("Choose a time"), None)
        for at in appointment_times():  # minutes after midnight: a QVariant keeps an int as is
            self.combo.addItem(clock_time(at), at.hour * 60 + at.minute)
        self.title = label(self.tr("My session starts at"), wrap=False)
        self.title.setBuddy(self.combo)
        box.addWidget(self.title)
        box.addWidget(self.combo)
        self.setFocusProxy(self.combo)

    def appointment(self) -> time | None:
        """The time chosen, or None."""
        chosen = self.combo.currentData()
        return time(chosen // 60, chosen % 60) if isinstance(chosen, int) else None

    def set_appointment(self, at: time | None) -> None:
        """Choose `at` (one of the times offered), or no time."""
        index = self.combo.findData(at.hour * 60 + at.minute) if at is not None else 0
        self.combo.setCurrentIndex(max(index, 0))

    def clear(self) -> None:
        """No time chosen: nothing of one patient is left for the next."""
        self.combo.setCurrentIndex(0)
