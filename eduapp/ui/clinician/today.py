"""The Today tab: the sessions of a day, newest first, and everything about the one chosen.

On the left, a table of the day's sessions (time, visit code, modules, scores, a flag on
anything to discuss); on the right, the chosen session's summary as on paper (scores, a
"Talk about" block with teach-back prompts for each objective not yet understood, how every
objective went) with every answer given, and the actions: set a visit code, export (PDF,
CSV, FHIR) and print. Sessions and scores come from `eduapp.core.analytics`, the summary
from `eduapp.ui.print.summary_html`, files from `eduapp.core.export` and
`eduapp.ui.print.session_summary`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from contextlib import suppress
from datetime import date, timedelta
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QItemSelection, QStandardPaths, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QInputDialog,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from eduapp.core import analytics
from eduapp.core.analytics import SessionSummary
from eduapp.core.content.model import Module
from eduapp.core.export import ExportSource, write_csv, write_fhir
from eduapp.core.storage.problems import StoreError
from eduapp.core.storage.reading import ResultStore
from eduapp.core.storage.sqlite import VISIT_CODE_MAX
from eduapp.ui.accessibility import announce
from eduapp.ui.clinician.models import FLAG, SessionsModel
from eduapp.ui.clinician.reading_table import FIT, STRETCH, ReadingTable
from eduapp.ui.clinician.results_tab import ResultsTab, date_edit, to_date, to_qdate
from eduapp.ui.i18n import short_time, tr
from eduapp.ui.print.paper import print_dialog, printer
from eduapp.ui.print.session_summary import paint_summaries, write_summary_pdf
from eduapp.ui.print.summary_html import Detail, summary_css, summary_html
from eduapp.ui.widgets import button, label, show_status
from eduapp.ui.wording import store_problem
from eduapp.ui.wrap_layout import ButtonRow, WrappedHeight

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


class TodayTab(ResultsTab):
    """The sessions of one day (today at first) and the details of the chosen one."""

    def __init__(self, store: ResultStore, modules: Sequence[Module], clinic_name: str, paper: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(store, modules, parent)
        self.clinic_name = clinic_name
        self.paper = paper
        self.folder = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        self._selecting = False
        box = self.box
        box.setSpacing(12)
        box.addLayout(self._build_day_bar())
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.setHandleWidth(16)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_details())
        splitter.setSizes([700, 540])
        box.addWidget(splitter, 1)
        self.status = label("", "status")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        box.addWidget(self.status)
        self.day_edit.setDate(to_qdate(self._today))  # loads the day

    # building ---------------------------------------------------------------------------

    def _build_day_bar(self) -> ButtonRow:
        bar = ButtonRow(spacing=8)  # a second row rather than a cut date or button
        self.previous_button = button(self.tr("Previous day"), name=self.tr("Previous day"))
        self.day_edit = date_edit(self.tr("Day to show"))
        self.day_edit.setMaximumDate(to_qdate(self._today))
        self.next_button = button(self.tr("Next day"), name=self.tr("Next day"))
        self.today_button = button(self.tr("Today"), name=self.tr("Show today"))
        self.count = label("", "muted")  # wraps under large text rather than being cut
        for widget in (self.previous_button, self.day_edit, self.next_button,
                       self.today_button, self.count):
            bar.addWidget(widget)
            bar.pin_left(widget)
        self.previous_button.clicked.connect(self.previous_day)
        self.next_button.clicked.connect(self.next_day)
        self.today_button.clicked.connect(self.show_today)
        self.day_edit.dateChanged.connect(self._day_changed)
        return bar

    def _build_list(self) -> QWidget:
        self.model = SessionsModel(self)
        self.table = ReadingTable(self.model, self.tr("Sessions on this day, newest first"))
        self.table.widths(FIT, FIT, STRETCH, FIT, FIT)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.empty = label(self.tr("No sessions on this day."), "empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sessions_stack = QStackedWidget()
        self.sessions_stack.addWidget(self.table)
        self.sessions_stack.addWidget(self.empty)
        return self.sessions_stack

    def _build_details(self) -> QWidget:
        self.details_panel = panel = QWidget()  # as narrow as its buttons allow, no narrower
        WrappedHeight(panel)  # and as tall as their rows need
        box = QVBoxLayout(panel)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(10)
        self.heading = label("", "h2")
        box.addWidget(self.heading)
        self.visit_code_button = button(self.tr("Set visit code…"),
                                        name=self.tr("Set the visit code of this session"))
        self.print_button = button(self.tr("Print summary…"),
                                   name=self.tr("Print the summary of this session"))
        # short words on the export buttons, so that they fit beside the list at any text size;
        # their accessible names say it all
        self.pdf_button = button(self.tr("PDF…"),
                                 name=self.tr("Export the summary of this session as PDF"))
        self.csv_button = button(self.tr("CSV…"),
                                 name=self.tr("Export the answers of this session as CSV"))
        self.fhir_button = button(self.tr("FHIR…"),
                                  name=self.tr("Export this session as FHIR for the health "
                                               "record"))
        self.session_buttons = (self.visit_code_button, self.print_button, self.pdf_button,
                                self.csv_button, self.fhir_button)
        # rows that wrap, not a grid: a button is never squeezed below its text
        first = ButtonRow(spacing=8)
        exports = ButtonRow(spacing=8)  # the three exports below
        for row, widgets in ((first, (self.visit_code_button, self.print_button)),
                             (exports, (label(self.tr("Export:"), "muted", wrap=False),
                                        self.pdf_button, self.csv_button, self.fhir_button))):
            for widget in widgets:
                row.addWidget(widget)
                row.pin_left(widget)
            box.addLayout(row)
        card = QFrame()
        card.setProperty("role", "card")
        inside = QVBoxLayout(card)
        inside.setContentsMargins(16, 12, 6, 12)
        # a read-only text, so that a screen reader reads it line by line as the arrow keys
        # move in it (a QTextBrowser is exposed as a label, said by its name alone), with the
        # whole text as its description, said when the text gets the focus
        self.details = QTextEdit()
        self.details.setReadOnly(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.details.setTabChangesFocus(True)
        self.details.setAccessibleName(self.tr("Session details"))
        self.details.setProperty("focusRing", True)  # a tab stop: show when it has the focus
        self.details.document().setDefaultStyleSheet(summary_css())
        # every line wraps; Qt's table layout can still come out a pixel too wide
        self.details.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inside.addWidget(self.details)
        box.addWidget(card, 1)
        self.visit_code_button.clicked.connect(self.set_visit_code)
        self.print_button.clicked.connect(self.print_summary)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.csv_button.clicked.connect(self.export_csv)
        self.fhir_button.clicked.connect(self.export_fhir)
        return panel

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The list beside the details where both fit, else the details below the list."""
        super().resizeEvent(event)
        room = event.size().width() - self.scroller.verticalScrollBar().sizeHint().width()
        beside = (self.table.minimumSizeHint().width() + self.splitter.handleWidth()
                  + self.details_panel.minimumSizeHint().width()) <= room
        orientation = Qt.Orientation.Horizontal if beside else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)

    # the day ----------------------------------------------------------------------------

    def day(self) -> date:
        return to_date(self.day_edit.date())

    def previous_day(self) -> None:
        self.show_day(self.day() - timedelta(days=1))

    def next_day(self) -> None:
        self.show_day(self.day() + timedelta(days=1))

    def show_today(self) -> None:
        self.show_day(date.today())

    def _day_changed(self, _day: QDate) -> None:
        self.status.hide()  # a message about another day's session
        self._load()
        # the day's list changed under the date field: say what it holds now
        announce(self, self.count.text() if self.model.rowCount() else self.empty.text())

    def show_day(self, day: date) -> None:
        """Show the sessions of `day` (a day after today shows today)."""
        self.day_edit.setDate(to_qdate(min(day, date.today())))

    def refresh(self) -> None:
        """Read the day again (the workspace calls this when the tab is shown).

        Showing today when the date has changed since (the app was left open overnight)
        moves on to the new today.
        """
        new_day = self.new_day(self.day())
        self.day_edit.setMaximumDate(to_qdate(self._today))
        if new_day is not None:
            self.show_day(new_day)  # loads
        else:
            self._load()

    def _load(self, keep: int | None = None) -> None:
        chosen = self.selected()
        keep = keep if keep is not None else (chosen.id if chosen else None)
        day = self.day()
        for action, enabled in ((self.next_button, day < date.today()),
                                (self.today_button, day != date.today())):
            if action.hasFocus() and not enabled:  # not thrown on to the tabs: the day field
                self.day_edit.setFocus()
            action.setEnabled(enabled)
        try:
            sessions = analytics.today(self.store, self.modules, day)
        except StoreError as err:
            sessions = []
            self.say(self.tr("The sessions cannot be read: %1.").replace(
                "%1", store_problem(err.problem)), error=True)
        self.model.set_rows(sessions)
        flagged = sum(s.flagged for s in sessions)
        text = self.tr("%n sessions", "", len(sessions))
        if flagged:
            text += " · " + self.tr("%n need discussion", "", flagged)
        self.count.setText(text)
        self.sessions_stack.setCurrentWidget(self.table if sessions else self.empty)
        self.details_panel.setVisible(bool(sessions))
        row = self.model.session_row(keep) if keep is not None else None
        if sessions:
            self._selecting = True  # shown once, below
            self.table.selectRow(row if row is not None else 0)
            self._selecting = False
        self._show_selected()

    # the chosen session -----------------------------------------------------------------

    def selected(self) -> SessionSummary | None:
        rows = self.table.selectionModel().selectedRows() if self.model.rowCount() else []
        return self.model.row(rows[0].row()) if rows else None

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        if not self._selecting:
            self._show_selected()
            session = self.selected()
            if session is not None:  # one line; the details are read when they get the focus
                announce(self, self._one_line(session))

    def _one_line(self, session: SessionSummary) -> str:
        """The chosen session in a line, said as it is chosen: when, which, what to discuss."""
        said = [short_time(session.started_at), session.visit_code or tr("No visit code")]
        if session.device:
            said.append(session.device)
        discuss = (tr("%n objectives to discuss", "", len(session.to_discuss))  # as the table
                   if session.flagged else tr("Nothing to discuss"))
        return ", ".join(said) + f": {discuss}."

    def _show_selected(self) -> None:
        session = self.selected()
        for action in self.session_buttons:
            action.setEnabled(session is not None)
        if session is None:
            self.heading.setText(self.tr("No session chosen"))
            self.details.setHtml("<p>" + escape(self.tr("Choose a session to see its answers."))
                                 + "</p>" if self.model.rowCount() else "")
        else:
            code = session.visit_code or self.tr("no visit code")
            where = f" · {session.device}" if session.device else ""
            self.heading.setText(f"{short_time(session.started_at)} · {code}{where}")
            self.details.setHtml(summary_html(session, detail=Detail.ANSWERS, mark=FLAG))
        self.details.setAccessibleDescription(spoken(self.details.toPlainText()))

    # actions ----------------------------------------------------------------------------

    def set_visit_code(self) -> None:
        """Ask for a visit code for the chosen session and store it (empty removes it)."""
        session = self.selected()
        if session is None:
            return
        text = self._ask_visit_code(session)
        if text is None:
            return
        try:
            stored = self.store.set_visit_code(session.id, text)
        except ValueError:
            self.say(self.tr("A visit code has at most %1 characters. It was not changed.")
                     .replace("%1", str(VISIT_CODE_MAX)), error=True)
            return
        except (KeyError, StoreError) as err:
            why = (store_problem(err.problem) if isinstance(err, StoreError)
                   else self.tr("the visit is no longer stored"))
            self.say(self.tr("The visit code could not be saved: %1.").replace("%1", why),
                     error=True)
            return
        self._load(keep=session.id)
        self.say(self.tr("Visit code saved: %1.").replace("%1", stored) if stored
                 else self.tr("Visit code removed."))

    def export_pdf(self) -> None:
        """The one-page summary of the chosen session, as a PDF file."""
        self._export(self.tr("Save the summary as PDF"), "pdf", self.tr("PDF (*.pdf)"),
                     lambda s, path: write_summary_pdf([s], self.clinic_name, path, self.paper))

    def export_csv(self) -> None:
        """The chosen session's answers, one row each (the columns of `eduapp export`)."""
        self._export(self.tr("Save the answers as CSV"), "csv", self.tr("CSV (*.csv)"),
                     lambda s, path: write_csv(self.store, self.modules,
                                               self.store.sessions_by_id([s.id]), path))

    def export_fhir(self) -> None:
        """The chosen session as a FHIR R4 Bundle for the health record."""
        self._export(self.tr("Save as FHIR for the health record"), "json",
                     self.tr("FHIR JSON (*.json)"),
                     lambda s, path: write_fhir(ExportSource(
                         self.store, self.modules, self.store.sessions_by_id([s.id]),
                         self.clinic_name, self.paper), path))

    def print_summary(self) -> None:
        """The system print dialog, then the one-page summary of the chosen session."""
        session = self.selected()
        if session is None:
            return
        device = printer(self.paper)
        if not self._print_dialog(device):
            return
        try:
            paint_summaries([session], self.clinic_name, device)
        except OSError as err:
            self.say(self.tr("The summary could not be printed: %1.").replace("%1", str(err)),
                     error=True)
            return
        self.say(self.tr("The summary was sent to the printer."))

    def _export(self, title: str, extension: str, kind: str,
                write: Callable[[SessionSummary, Path], object]) -> None:
        """Ask where, then write the chosen session there; say what happened either way."""
        session = self.selected()
        path = self._save_path(title, file_name(session, extension), kind) if session else None
        if session is None or path is None:
            return
        try:
            path.write_bytes(b"")  # a clear message now if the file cannot be written
            write(session, path)
        except (OSError, StoreError) as err:
            with suppress(OSError):
                if path.stat().st_size == 0:  # nothing half-made left behind
                    path.unlink()
            reason = (store_problem(err.problem) if isinstance(err, StoreError)
                      else err.strerror or str(err))
            self.say(self.tr("%1 could not be saved: %2.").replace("%1", str(path)).replace(
                "%2", reason), error=True)
            return
        self.folder = path.parent
        self.say(self.tr("Saved: %1").replace("%1", str(path)))

    def say(self, text: str, *, error: bool = False) -> None:
        """A message under the tab: what was done, or what went wrong."""
        show_status(self.status, text, error=error)

    # dialogs (tests replace these) ------------------------------------------------------

    def _ask_visit_code(self, session: SessionSummary) -> str | None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Visit code"))
        dialog.setLabelText(self.tr(
            "Visit code for the session at %1, at most %2 characters. Use the code from your "
            "schedule, never the patient's name. Leave it empty to remove the code.")
            .replace("%1", short_time(session.started_at))
            .replace("%2", str(VISIT_CODE_MAX)))
        dialog.setTextValue(session.visit_code or "")
        for text in dialog.findChildren(QLabel):  # lines that fit any screen, not one long line
            text.setWordWrap(True)
        dialog.setMinimumWidth(560)
        for field in dialog.findChildren(QLineEdit):
            field.setMaxLength(VISIT_CODE_MAX)
            field.setAccessibleName(self.tr("Visit code"))
        return dialog.textValue() if dialog.exec() else None

    def _save_path(self, title: str, name: str, kind: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self, title, str(self.folder / name), kind)
        return Path(chosen) if chosen else None

    def _print_dialog(self, printer: QPrinter) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = print_dialog(printer, self.tr("Print the session summary"), self)
        return dialog.exec() == QPrintDialog.DialogCode.Accepted


def spoken(text: str) -> str:
    """Plain text (a line per table cell) as a paragraph to read aloud, each line a sentence."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return " ".join(line if line[-1] in ".:;!?" else line + "." for line in lines if line)


def file_name(session: SessionSummary, extension: str) -> str:
    """A file name that says which session: its date, time and visit code."""
    code = re.sub(r"[^A-Za-z0-9_-]+", "-", session.visit_code or "").strip("-")
    stamp = f"{session.started_at.astimezone():%Y-%m-%d-%H%M}"
    return f"eduapp-{stamp}{'-' + code if code else ''}.{extension}"
