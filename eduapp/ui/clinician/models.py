"""The tables of the clinician tabs: their models, and the tabs' look.

The models show the sessions of a day, the questions and the learning objectives.
Each model holds what `eduapp.core.analytics` returned and only turns it into cells (text,
tooltips, alignment, a colour for what needs attention); it computes nothing and reads no
database. The models are tested without any widget.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from eduapp.core.analytics import ObjectiveStats, QuestionStats, SessionSummary
from eduapp.core.content.model import Module
from eduapp.ui.i18n import short_time, tr
from eduapp.ui.theme import TEXT_STEPS, Palette, current_palette
from eduapp.ui.wording import attempt_status

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole
NO_VISIT_CODE = "\u2014"  # an em dash: this session has no visit code
FLAG = "\u2691"  # a flag: something to discuss
NBSP = "\u00a0"
LOW_FACILITY = 50.0  # percent right first time under which a question is shown in colour
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter




class _Rows(QAbstractTableModel, Generic[T]):
    """A read-only table of rows of one kind; subclasses say what each cell shows."""

    HEADERS: tuple[object, ...] = ()  # QT_TR_NOOP texts
    NUMERIC: frozenset[int] = frozenset()  # columns aligned right

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self._texts: list[tuple[str, ...] | None] = []  # each row's cells, made once

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = [None] * len(self._rows)
        self.endResetModel()

    def text(self, row: int, column: int) -> str:
        """What a cell shows (made once per row, as views ask for it many times)."""
        texts = self._texts[row]
        if texts is None:
            texts = self._texts[row] = tuple(self.display(self._rows[row], c)
                                             for c in range(len(self.HEADERS)))
        return texts[column]

    def row(self, number: int) -> T:
        return self._rows[number]

    def rows(self) -> list[T]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Role.DisplayRole) -> Any:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Role.DisplayRole:
            return tr(str(self.HEADERS[section]))
        if role == Role.TextAlignmentRole:
            return int(RIGHT if section in self.NUMERIC else LEFT)
        return None

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Role.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Role.TextAlignmentRole:
            return int(RIGHT if index.column() in self.NUMERIC else LEFT)
        return self.cell(self._rows[index.row()], index.column(), role)

    def display(self, row: T, column: int) -> str:
        raise NotImplementedError

    def cell(self, row: T, column: int, role: int) -> Any:
        """Any other role of a cell: tooltip, colour, font, accessible text."""
        raise NotImplementedError


def _attention(role: int) -> Any:
    """Colour and weight of a cell that needs the clinician's attention."""
    if role == Role.ForegroundRole:
        return QBrush(QColor(current_palette().wrong))
    if role == Role.FontRole:
        font = QFont()
        font.setBold(True)
        return font
    return None


class SessionsModel(_Rows[SessionSummary]):
    """The sessions of a day, newest first, one row each."""

    TIME, CODE, MODULES, SCORES, DISCUSS = range(5)
    HEADERS = (QT_TR_NOOP("Time"), QT_TR_NOOP("Visit code"), QT_TR_NOOP("Modules done"),
               QT_TR_NOOP("Scores"), QT_TR_NOOP("Needs\ndiscussion"))

    def session_row(self, session_id: int) -> int | None:
        """The row of a session, if it is shown."""
        for number, session in enumerate(self._rows):
            if session.id == session_id:
                return number
        return None

    def display(self, s: SessionSummary, column: int) -> str:
        return (_time, _code, _modules, _scores, _discuss)[column](s)

    def cell(self, s: SessionSummary, column: int, role: int) -> Any:
        if role == Role.ToolTipRole:
            return _session_tip(s)
        if role == Role.AccessibleTextRole:
            return _spoken(s, column) or self.display(s, column)
        if column == self.DISCUSS and s.flagged:
            if role == Role.BackgroundRole:
                return QBrush(QColor(current_palette().wrong_tint))
            return _attention(role)
        if column == self.CODE and not s.visit_code and role == Role.ForegroundRole:
            return QBrush(QColor(current_palette().muted))
        return None


def _time(s: SessionSummary) -> str:
    """The start time; in clinic mode, the device's name under it."""
    start = short_time(s.started_at)
    return f"{start}\n{s.device}" if s.device else start


def _code(s: SessionSummary) -> str:
    return s.visit_code or NO_VISIT_CODE


def _modules(s: SessionSummary) -> str:
    """One line per module quizzed: a tick when completed, a circle when not."""
    if not s.attempts:
        return tr("No quiz taken")
    return "\n".join(_one_line(f"{'✓' if a.completed else '○'} {short_title(a.module)}")
                     for a in s.attempts)


def _one_line(text: str) -> str:
    """Cut short rather than wrap, so each module's line stays beside its score."""
    return text.replace(" ", NBSP)


def short_title(module: Module) -> str:
    """A module's title up to its colon: "Ketamine", not "Ketamine: what it is and..."."""
    return module.title.split(":", 1)[0].strip() or module.title


def _scores(s: SessionSummary) -> str:
    """One line per module quizzed, beside its title: first try → final, or so far."""
    lines = []
    for a in s.attempts:
        r = a.results
        if a.finished:
            lines.append(_one_line(f"{r.first_try_right}/{r.total} → {r.final_right}/{r.total}"))
        else:
            lines.append(_one_line(tr("%1/%2 so far").replace("%1", str(r.first_try_right))
                                   .replace("%2", str(r.total))))
    return "\n".join(lines)


def _discuss(s: SessionSummary) -> str:
    return f"{FLAG} {len(s.to_discuss)}" if s.flagged else ""


def _spoken(s: SessionSummary, column: int) -> str:
    """A cell's words for a screen reader where the screen shows marks (—, ✓, ○, ⚑)."""
    if column == SessionsModel.CODE and not s.visit_code:
        return tr("No visit code")
    if column == SessionsModel.MODULES and s.attempts:
        return "; ".join(f"{a.module.title}: {attempt_status(a)}" for a in s.attempts)
    if column == SessionsModel.DISCUSS:
        return (tr("%n objectives to discuss", "", len(s.to_discuss))
                if s.flagged else tr("Nothing to discuss"))
    if column == SessionsModel.SCORES:
        return "; ".join(f"{a.module.title}: " + tr("first try %1 of %3, final %2 of %3")
                         .replace("%1", str(a.results.first_try_right))
                         .replace("%2", str(a.results.final_right))
                         .replace("%3", str(a.results.total)) for a in s.attempts)
    return ""


def _session_tip(s: SessionSummary) -> str:
    lines = [tr("Session #%1, %2 to %3").replace("%1", str(s.id))
             .replace("%2", short_time(s.started_at)).replace("%3", short_time(s.last_activity))]
    for a in s.attempts:
        lines.append(f"{a.module.title}: {attempt_status(a)}")
    if s.flagged:
        lines.append(tr("To discuss: %1").replace(
            "%1", "; ".join(d.objective.text for d in s.to_discuss)))
    return "\n".join(lines)


class QuestionsModel(_Rows[QuestionStats]):
    """Every question of the content, worst first (as `item_statistics` sorted them)."""

    MODULE, QUESTION, TRIES, FACILITY, WRONG = range(5)
    HEADERS = (QT_TR_NOOP("Module"), QT_TR_NOOP("Question"), QT_TR_NOOP("First tries"),
               QT_TR_NOOP("Right first time"), QT_TR_NOOP("Most chosen wrong answer"))
    NUMERIC = frozenset({TRIES, FACILITY})

    def display(self, q: QuestionStats, column: int) -> str:
        return _question_cells[column](q)

    def cell(self, q: QuestionStats, column: int, role: int) -> Any:
        if role == Role.AccessibleTextRole:  # a dash is no answer for a screen reader
            if column == self.FACILITY and q.facility is None:
                return tr("No first tries yet")
            if column == self.WRONG and q.top_wrong is None:
                return tr("No wrong answer chosen")
            return _question_cells[column](q)
        if role == Role.ToolTipRole:
            if column == self.MODULE:
                return q.module.title
            if column == self.WRONG and q.top_wrong:
                return tr("Chosen %n times on a first try", "", q.top_wrong[1])
            if column == self.FACILITY and q.first_tries:
                return tr("%1 of %2 first tries were right").replace(
                    "%1", str(q.first_try_right)).replace("%2", str(q.first_tries))
            if column == self.TRIES and q.reasks:  # re-asks are not first tries
                return tr("Asked again after a review, not counted here: %1 of %2 right").replace(
                    "%1", str(q.reasks_right)).replace("%2", str(q.reasks))
            return _question_cells[column](q)
        if column == self.FACILITY and q.facility is not None and q.facility < LOW_FACILITY:
            return _attention(role)
        return None


def _facility(q: QuestionStats) -> str:
    return "\u2014" if q.facility is None else f"{round(q.facility)}%"


def _top_wrong(q: QuestionStats) -> str:
    if q.top_wrong is None:
        return "\u2014"
    choice, times = q.top_wrong
    return tr("%1 (%2)").replace("%1", q.question.choice(choice).text).replace(
        "%2", tr("%n times", "", times))


_question_cells: tuple[Callable[[QuestionStats], str], ...] = (
    lambda q: short_title(q.module), lambda q: q.question.text, lambda q: str(q.first_tries),
    _facility, _top_wrong)


class ObjectivesModel(_Rows[ObjectiveStats]):
    """Learning objectives, most often not yet understood first."""

    MODULE, OBJECTIVE, MISSED = range(3)
    HEADERS = (QT_TR_NOOP("Module"), QT_TR_NOOP("Objective"),
               QT_TR_NOOP("Sessions missed / quizzed"))
    NUMERIC = frozenset({MISSED})

    def display(self, o: ObjectiveStats, column: int) -> str:
        return (short_title(o.module), o.objective.text, _missed(o))[column]

    def cell(self, o: ObjectiveStats, column: int, role: int) -> Any:
        if role == Role.ToolTipRole and column == self.MODULE:
            return o.module.title
        if role == Role.AccessibleTextRole and column == self.MISSED and not o.sessions_quizzed:
            return tr("Not quizzed yet")
        if role in (Role.ToolTipRole, Role.AccessibleTextRole):
            return self.display(o, column)
        return None


def _missed(o: ObjectiveStats) -> str:
    if not o.sessions_quizzed:
        return "\u2014"
    percent = round(100 * o.sessions_missed / o.sessions_quizzed)
    return tr("%1 of %2 (%3%)").replace("%1", str(o.sessions_missed)).replace(
        "%2", str(o.sessions_quizzed)).replace("%3", str(percent))


# the look ---------------------------------------------------------------------------------

PAD_X, PAD_Y = 10, 8  # inside each cell (QTableView::item); the table's sizes count them

ARROW = ":/qt-project.org/styles/commonstyle/images/arrow-down-32.png"  # built into Qt


def clinician_style(palette: Palette | None = None, step: int = 0) -> str:
    """Style sheet rules the clinician tabs add to the app's: tables, dates, lists, boxes.

    In the palette the app is styled with now (high contrast or not), unless given.
    """
    p = palette or current_palette()
    base = TEXT_STEPS[max(0, min(step, len(TEXT_STEPS) - 1))]
    small, table = round(base * 0.85), round(base * 0.9)
    return f"""
    QTableView {{ background: {p.surface}; border: 2px solid {p.border}; border-radius: 12px;
        font-size: {table}px; selection-background-color: {p.chosen_tint};
        selection-color: {p.ink}; }}
    QTableView::item {{ padding: {PAD_Y}px {PAD_X}px; border-bottom: 1px solid {p.border}; }}
    QTableView::item:selected {{ background: {p.chosen_tint}; color: {p.ink}; }}
    QTableView:focus {{ border: 3px solid {p.focus}; }}
    QHeaderView {{ color: {p.muted}; font-size: {small}px; font-weight: bold; }}
    QHeaderView::section {{ background: {p.surface}; color: {p.muted}; border: none;
        border-bottom: 2px solid {p.border}; padding: 10px 10px; }}
    QPushButton {{ min-height: 44px; padding: 6px 16px; border-radius: 12px; }}
    QDateEdit, QComboBox {{ background: {p.surface}; border: 2px solid {p.primary};
        border-radius: 10px; padding: 2px 12px; min-height: 36px; }}
    QDateEdit {{ min-height: 44px; }}
    QDateEdit:focus, QComboBox:focus {{ border: 4px solid {p.focus}; padding: 0 10px; }}
    QDateEdit QLineEdit {{ border: none; padding: 0; background: transparent; }}
    QDateEdit::drop-down, QComboBox::drop-down {{ subcontrol-origin: padding;
        subcontrol-position: center right; width: 36px; border: none; }}
    QDateEdit::down-arrow, QComboBox::down-arrow {{ width: 18px; height: 18px;
        image: url({ARROW}); }}
    QComboBox QAbstractItemView {{ background: {p.surface}; selection-background-color:
        {p.chosen_tint}; selection-color: {p.ink}; }}
    QLineEdit {{ min-height: 28px; }}
    QPlainTextEdit {{ background: {p.surface}; border: 2px solid {p.primary};
        border-radius: 10px; padding: 4px 8px; }}
    QPlainTextEdit:focus {{ border: 4px solid {p.focus}; }}
    QCheckBox {{ min-height: 44px; spacing: 12px; }}
    QCheckBox::indicator {{ width: 26px; height: 26px; border: 2px solid {p.primary};
        border-radius: 6px; background: {p.surface}; }}
    QCheckBox::indicator:checked {{ background: {p.primary}; }}
    QCheckBox:focus {{ text-decoration: underline; }}
    QCheckBox::indicator:focus {{ border: 4px solid {p.focus}; }}
    QLabel[role="h3"] {{ font-size: {round(base * 1.1)}px; font-weight: bold;
        color: {p.primary_dark}; }}
    QLabel[role="problem"] {{ color: {p.wrong}; font-size: {small}px; font-weight: bold; }}
    QLabel[role="status"] {{ background: {p.right_tint}; color: {p.ink}; border-radius: 10px;
        padding: 8px 14px; }}
    QLabel[role="status"][state="error"] {{ background: {p.wrong_tint};
        border: 2px solid {p.wrong}; font-weight: bold; }}
    QFrame[role="card"] {{ background: {p.surface}; border: 2px solid {p.border};
        border-radius: 12px; }}
    QFrame[role="card"] QTextEdit[readOnly="true"] {{ font-size: {table}px; }}
    QLabel[role="empty"] {{ color: {p.muted}; font-size: {round(base * 1.2)}px;
        background: {p.surface}; border: 2px dashed {p.border}; border-radius: 14px;
        padding: 40px; }}
    """
