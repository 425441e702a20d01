"""The clinician tables' models, without any widget: rows, cells, headers, order.

Data is generated with the real quiz rules (`demo.generate_demo_data`) into a fresh
database per test, then read the way the tabs read it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush

from eduapp.core import analytics, demo
from eduapp.core.content.model import Library, Module
from eduapp.core.quiz import Answer
from eduapp.core.storage.sqlite import Store
from eduapp.ui.clinician.models import (
    FLAG,
    NO_VISIT_CODE,
    ObjectivesModel,
    QuestionsModel,
    SessionsModel,
    short_title,
)
from eduapp.ui.i18n import short_time
from eduapp.ui.theme import PALETTE

UNTIL = datetime(2025, 3, 14, 18, 0, tzinfo=UTC)
DAY = date(2025, 3, 13)  # a whole clinic day before UNTIL in every time zone
Role = Qt.ItemDataRole


def fill(store: Store, modules: list[Module], sessions: int = 40) -> None:
    """Three days of realistic sessions ending at UNTIL, one on DAY stopped early.

    The patient who stopped makes sure DAY has a session to discuss, whatever the random
    sessions hold.
    """
    demo.generate_demo_data(store, modules, sessions=sessions, days=3, until=UNTIL)
    noon = datetime.combine(DAY, time(12, 0)).astimezone(UTC)
    stopped = store.with_clock(lambda: noon)
    session = stopped.start_session("en")
    attempt = stopped.start_attempt(session, modules[0].id, "en")
    question = modules[0].questions[0]
    wrong = frozenset({next(c.id for c in question.choices if not c.correct)})
    stopped.add_answer(attempt, Answer(question.id, wrong, False, 1, 9.0), question.objective)
    stopped.finish_attempt(attempt, stopped=True)
    stopped.end_session(session)


def cell(model: object, row: int, column: int, role: int = Role.DisplayRole) -> object:
    return model.data(model.index(row, column), role)  # type: ignore[attr-defined]


@pytest.fixture
def modules(library: Library) -> list[Module]:
    return library.for_language("en")


@pytest.fixture
def day(store: Store, modules: list[Module]) -> list[analytics.SessionSummary]:
    fill(store, modules)
    sessions = analytics.today(store, modules, DAY)
    assert len(sessions) >= 5
    return sessions


def test_sessions_model_has_a_row_per_session_and_five_columns(
        qapp, day: list[analytics.SessionSummary]) -> None:
    model = SessionsModel()
    assert model.rowCount() == 0
    model.set_rows(day)
    assert model.rowCount() == len(day)
    assert model.columnCount() == 5
    assert model.rowCount(model.index(0, 0)) == 0  # a table: rows have no children
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Time", "Visit code", "Modules done", "Scores", "Needs\ndiscussion"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.data(QModelIndex()) is None
    assert [model.row(r).id for r in range(len(day))] == [s.id for s in day]
    assert model.session_row(day[2].id) == 2 and model.session_row(-1) is None


def test_sessions_model_cells(qapp, day: list[analytics.SessionSummary]) -> None:
    model = SessionsModel()
    model.set_rows(day)
    for row, s in enumerate(day):
        assert cell(model, row, model.TIME) == short_time(s.started_at)  # local, as QLocale
        assert cell(model, row, model.CODE) == (s.visit_code or NO_VISIT_CODE)
        modules = str(cell(model, row, model.MODULES)).splitlines()
        scores = str(cell(model, row, model.SCORES)).splitlines()
        assert len(modules) == len(scores) == len(s.attempts)  # a line per module, side by side
        for attempt, line, score in zip(s.attempts, modules, scores, strict=True):
            plain = line.replace("\u00a0", " ")
            assert plain == f"{'✓' if attempt.completed else '○'} {short_title(attempt.module)}"
            r = attempt.results
            if attempt.finished:
                assert score.replace("\u00a0", " ") == (
                    f"{r.first_try_right}/{r.total} → {r.final_right}/{r.total}")
        discuss = cell(model, row, model.DISCUSS)
        assert discuss == (f"{FLAG} {len(s.to_discuss)}" if s.flagged else "")
    flagged = next(r for r, s in enumerate(day) if s.flagged)
    brush = cell(model, flagged, model.DISCUSS, Role.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color().name().upper() == PALETTE.wrong.upper()
    assert "To discuss:" in str(cell(model, flagged, model.CODE, Role.ToolTipRole))


def test_a_session_without_a_visit_code_shows_a_dash_and_says_so(
        qapp, day: list[analytics.SessionSummary]) -> None:
    model = SessionsModel()
    model.set_rows(day)
    row = next(r for r, s in enumerate(day) if s.visit_code is None)
    assert cell(model, row, model.CODE) == "—"
    assert cell(model, row, model.CODE, Role.AccessibleTextRole) == "No visit code"
    labelled = next(r for r, s in enumerate(day) if s.visit_code)
    assert cell(model, labelled, model.CODE) == day[labelled].visit_code


def test_questions_model_keeps_the_worst_first_order(
        qapp, store: Store, modules: list[Module]) -> None:
    fill(store, modules, sessions=60)
    start, end = analytics.day_bounds(date(2025, 3, 1))[0], analytics.day_bounds(DAY)[1]
    report = analytics.item_statistics(store, modules, start, end)
    model = QuestionsModel()
    model.set_rows(report.questions)
    assert model.rowCount() == sum(len(m.questions) for m in modules)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Module", "Question", "First tries", "Right first time", "Most chosen wrong answer"]
    shown = [float(str(cell(model, r, model.FACILITY)).rstrip("%"))
             for r in range(model.rowCount()) if cell(model, r, model.FACILITY) != "—"]
    assert shown == sorted(shown) and shown  # hardest first
    first = report.questions[0]
    assert cell(model, 0, model.QUESTION) == first.question.text
    assert cell(model, 0, model.TRIES) == str(first.first_tries)
    assert cell(model, 0, model.FACILITY) == f"{round(first.facility or 0)}%"
    assert first.top_wrong is not None
    choice, times = first.top_wrong
    assert cell(model, 0, model.WRONG) == (
        f"{first.question.choice(choice).text} ({times} times)")
    alignment = cell(model, 0, model.TRIES, Role.TextAlignmentRole)
    assert int(alignment) & int(Qt.AlignmentFlag.AlignRight)  # type: ignore[call-overload]


def test_a_question_never_asked_shows_dashes(qapp, modules: list[Module]) -> None:
    module = modules[0]
    stats = analytics.QuestionStats(module, module.questions[0], 0, 0, None)
    model = QuestionsModel()
    model.set_rows([stats])
    assert cell(model, 0, model.FACILITY) == "—"
    assert cell(model, 0, model.WRONG) == "—"
    assert cell(model, 0, model.FACILITY, Role.ForegroundRole) is None
    # a screen reader hears words, not a dash
    assert cell(model, 0, model.FACILITY, Role.AccessibleTextRole) == "No first tries yet"
    assert cell(model, 0, model.WRONG, Role.AccessibleTextRole) == "No wrong answer chosen"


def test_a_hard_question_is_shown_in_colour(qapp, modules: list[Module]) -> None:
    module = modules[0]
    hard = analytics.QuestionStats(module, module.questions[0], 10, 3, None)
    easy = analytics.QuestionStats(module, module.questions[1], 10, 9, None)
    model = QuestionsModel()
    model.set_rows([hard, easy])
    assert isinstance(cell(model, 0, model.FACILITY, Role.ForegroundRole), QBrush)
    assert cell(model, 1, model.FACILITY, Role.ForegroundRole) is None
    assert cell(model, 0, model.FACILITY, Role.ToolTipRole) == "3 of 10 first tries were right"


def test_objectives_model_shows_missed_of_quizzed(qapp, modules: list[Module]) -> None:
    module = modules[2]
    rows = [analytics.ObjectiveStats(module, module.objectives[0], 3, 40),
            analytics.ObjectiveStats(module, module.objectives[1], 0, 0)]
    model = ObjectivesModel()
    model.set_rows(rows)
    assert model.rowCount() == 2 and model.columnCount() == 3
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Sessions missed / quizzed"
    assert cell(model, 0, model.MODULE) == "Ketamine"  # the title up to its colon
    assert cell(model, 0, model.MODULE, Role.ToolTipRole) == module.title
    assert cell(model, 0, model.OBJECTIVE) == module.objectives[0].text
    assert cell(model, 0, model.MISSED) == "3 of 40 (8%)"
    assert cell(model, 1, model.MISSED) == "—"
    assert cell(model, 1, model.MISSED, Role.AccessibleTextRole) == "Not quizzed yet"
    assert cell(model, 0, model.MISSED, Role.AccessibleTextRole) == "3 of 40 (8%)"


def test_models_are_reset_not_patched(qapp, qtbot,
                                      day: list[analytics.SessionSummary]) -> None:
    model = SessionsModel()
    with qtbot.waitSignal(model.modelReset):
        model.set_rows(day)
    with qtbot.waitSignal(model.modelReset):
        model.set_rows([])
    assert model.rowCount() == 0


def test_short_titles_end_at_the_colon(modules: list[Module]) -> None:
    assert [short_title(m) for m in modules] == [
        "Why pain can last", "Mind and body", "Ketamine", "Your infusion session"]


def test_reasks_are_told_apart_from_first_tries(qapp, modules: list[Module]) -> None:
    module = modules[0]
    asked_again = analytics.QuestionStats(module, module.questions[0], 10, 6, None, 3, 2)
    never_again = analytics.QuestionStats(module, module.questions[1], 10, 9, None)
    model = QuestionsModel()
    model.set_rows([asked_again, never_again])
    assert cell(model, 0, model.TRIES) == "10"  # first tries only
    assert cell(model, 0, model.TRIES, Role.ToolTipRole) == (
        "Asked again after a review, not counted here: 2 of 3 right")
    assert cell(model, 1, model.TRIES, Role.ToolTipRole) == "10"
