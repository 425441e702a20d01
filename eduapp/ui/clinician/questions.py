"""The Questions tab: which questions and objectives patients find hard, over a date range.

The clinic's evidence for improving the content: each question's share of right first
tries (the facility index) and the wrong answer chosen most, hardest first; and the
learning objectives most often still not understood at the end of a quiz. The figures come
from `eduapp.core.analytics.item_statistics`; this tab only asks for a range and shows them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from eduapp.core import analytics
from eduapp.core.analytics import ItemReport
from eduapp.core.content.model import Module
from eduapp.core.storage.problems import StoreError
from eduapp.core.storage.reading import ResultStore
from eduapp.ui.accessibility import announce
from eduapp.ui.clinician.models import ObjectivesModel, QuestionsModel
from eduapp.ui.clinician.reading_table import FIT, STRETCH, ReadingTable
from eduapp.ui.clinician.results_tab import ResultsTab, date_edit, to_date, to_qdate
from eduapp.ui.i18n import long_date
from eduapp.ui.widgets import button, label
from eduapp.ui.wording import store_problem
from eduapp.ui.wrap_layout import ButtonRow

DEFAULT_DAYS = 90




class QuestionsTab(ResultsTab):
    """Question and objective statistics for the days from one date to another."""

    def __init__(self, store: ResultStore, modules: Sequence[Module],
                 parent: QWidget | None = None) -> None:
        super().__init__(store, modules, parent)
        self.report: ItemReport | None = None
        box = self.box
        box.setSpacing(10)
        box.addLayout(self._build_range_bar())
        self.explanation = label(self.tr(
            "\u201cRight first time\u201d is the share of patients who answered right on the "
            "first try (the facility index). A low share points to a question, or the screen "
            "that teaches it, that may need clearer words."), "muted")
        box.addWidget(self.explanation)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_tables())
        self.empty = label("", "empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty)
        box.addWidget(self.stack, 1)
        self.refresh()

    def _build_range_bar(self) -> ButtonRow:
        bar = ButtonRow(spacing=8)  # a second row rather than a cut date or button
        self.from_edit = date_edit(self.tr("First day of the range"))
        self.to_edit = date_edit(self.tr("Last day of the range"))
        self.from_edit.setDate(to_qdate(self._today - timedelta(days=DEFAULT_DAYS - 1)))
        self.to_edit.setDate(to_qdate(self._today))
        self.to_edit.setMaximumDate(to_qdate(self._today))
        # the range never ends before it starts
        self.from_edit.dateChanged.connect(self.to_edit.setMinimumDate)
        self.to_edit.dateChanged.connect(self.from_edit.setMaximumDate)
        self.to_edit.setMinimumDate(self.from_edit.date())
        self.from_edit.setMaximumDate(self.to_edit.date())
        self.update_button = button(self.tr("Update"), name=self.tr("Update the figures"))
        self.update_button.clicked.connect(self._update_clicked)
        self.count = label("", "muted", wrap=False)
        for widget in (label(self.tr("From"), wrap=False), self.from_edit,
                       label(self.tr("to"), wrap=False), self.to_edit, self.update_button,
                       self.count):
            bar.addWidget(widget)
            bar.pin_left(widget)
        return bar

    def _build_tables(self) -> QWidget:
        tables = QWidget()
        box = QVBoxLayout(tables)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        self.questions_model = QuestionsModel(self)
        self.questions = ReadingTable(self.questions_model,
                                      self.tr("Questions, hardest first"))
        self.questions.widths(STRETCH, STRETCH, FIT, FIT, STRETCH)
        self.objectives_model = ObjectivesModel(self)
        self.objectives = ReadingTable(self.objectives_model,
                                       self.tr("Objectives most often not yet understood"))
        self.objectives.widths(FIT, STRETCH, FIT)
        box.addWidget(label(self.tr("Questions, hardest first"), "h3"))
        box.addWidget(self.questions, 3)
        box.addSpacing(6)
        box.addWidget(label(self.tr("Objectives most often not yet understood at the end of "
                                    "a quiz"), "h3"))
        box.addWidget(self.objectives, 2)
        return tables

    def days(self) -> tuple[date, date]:
        """The first and last day of the range shown."""
        return to_date(self.from_edit.date()), to_date(self.to_edit.date())

    def set_days(self, first: date, last: date) -> None:
        """Choose the range (without updating the figures)."""
        self.from_edit.setMaximumDate(to_qdate(max(first, last)))
        self.to_edit.setMinimumDate(to_qdate(min(first, last)))
        self.to_edit.setDate(to_qdate(last))
        self.from_edit.setDate(to_qdate(first))

    def refresh(self) -> None:
        """Update the figures (the workspace calls this when the tab is shown).

        A range ending today still ends today after midnight.
        """
        new_day = self.new_day(self.days()[1])
        if new_day is not None:
            self.to_edit.setMaximumDate(to_qdate(new_day))
            self.to_edit.setDate(to_qdate(new_day))
        self.show_figures()

    def show_figures(self) -> None:
        """Count the answers of the chosen range and show them, worst first."""
        first, last = self.days()
        start = analytics.day_bounds(first)[0]
        end = analytics.day_bounds(last)[1]
        try:
            report = analytics.item_statistics(self.store, self.modules, start, end)
        except StoreError as err:
            self._show_empty(self.tr("The answers cannot be read: %1.").replace(
                "%1", store_problem(err.problem)))
            return
        self.report = report
        self.questions_model.set_rows(report.questions)
        self.objectives_model.set_rows(report.objectives)
        tries = sum(q.first_tries for q in report.questions)
        if not tries:
            self._show_empty(self.tr("No answers from %1 to %2.").replace(
                "%1", long_date(first)).replace("%2", long_date(last)))
            return
        self.count.setText(self.tr("%Ln first tries", "", tries))
        self.stack.setCurrentIndex(0)
        self.explanation.show()

    def _update_clicked(self) -> None:
        """New figures, and how many answers they count (or why none) said aloud."""
        self.show_figures()
        announce(self, self.count.text() if self.stack.currentIndex() == 0
                 else self.empty.text())

    def _show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.count.setText("")
        self.stack.setCurrentWidget(self.empty)
        self.explanation.hide()
