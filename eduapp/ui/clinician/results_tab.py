"""What the Today and Questions tabs share: the results they read, date fields, today's date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QLineEdit, QVBoxLayout, QWidget

from eduapp.core.content.model import Module
from eduapp.core.storage.reading import ResultStore
from eduapp.ui.clinician.models import clinician_style
from eduapp.ui.i18n import long_date_format
from eduapp.ui.widgets import down_scroll


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class DateEdit(QDateEdit):
    """A date field that is one tab stop.

    Tab leaves it instead of moving between its weekday, month, day and year (a screen
    reader heard one field four times); the arrow keys move between them.
    """

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


def date_edit(name: str) -> QDateEdit:
    """A date field with a calendar to pick from, named for assistive technology."""
    edit = DateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(long_date_format())
    edit.setAccessibleName(name)
    edit.setMinimumHeight(52)  # its text field inside is then at least 44 px high
    for field in edit.findChildren(QLineEdit):
        field.setAccessibleName(name)
    return edit


class ResultsTab(QWidget):
    """A clinician tab over the stored results: the store, the content and today's date.

    The date is today's as last seen, so that a tab left open overnight that showed today
    moves on to the new today (see `new_day`).
    """

    def __init__(self, store: ResultStore, modules: Sequence[Module],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.setStyleSheet(clinician_style())
        self.store = store
        self.modules = list(modules)
        self._today = date.today()
        content = QWidget()  # scrolls where the window is too short for it
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroller = down_scroll(content)
        outer.addWidget(self.scroller)
        self.box = QVBoxLayout(content)
        self.box.setContentsMargins(0, 12, 0, 0)

    def new_day(self, shown: date) -> date | None:
        """The new today if `shown` was today when last seen and the date changed since."""
        now = date.today()
        moved = now if shown == self._today and now != self._today else None
        self._today = now
        return moved
