"""Clinician mode: behind the PIN, opened from every patient screen, gone when left or idle."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from eduapp.app import build_window
from eduapp.commands.driver import PatientDriver
from eduapp.core.startup import Notice, NoticeKind, Options, prepare
from eduapp.core.storage.problems import StoreProblem
from eduapp.ui import pin_dialog


@pytest.fixture
def app_window(qtbot, themed, tmp_path, monkeypatch):
    def make(pin_ok: bool = True, **kwargs):
        monkeypatch.setattr(pin_dialog, "ask_for_pin", lambda parent, store: pin_ok)
        context = prepare(Options(data_dir=tmp_path))
        window = build_window(context, **kwargs)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window, context

    yield make


def test_the_staff_button_needs_the_pin(qtbot, app_window):
    window, _ = app_window(pin_ok=False)
    assert window.staff_button.isVisible()
    qtbot.mouseClick(window.staff_button, Qt.MouseButton.LeftButton)
    assert window.workspace is None
    assert window.flow.stack.currentWidget() is window.flow.welcome


def test_workspace_opens_from_a_patient_screen_and_returns_there(qtbot, app_window):
    window, context = app_window()
    driver = PatientDriver(window)
    driver.start()
    driver.open_module(context.modules[0])
    qtbot.mouseClick(window.staff_button, Qt.MouseButton.LeftButton)
    workspace = window.workspace
    assert workspace is not None and window.stack.currentWidget() is workspace
    assert not window.top_bar.isVisible()
    tabs = [workspace.tabs.tabText(i) for i in range(workspace.tabs.count())]
    assert tabs == ["Today", "Questions", "Presenter", "Settings"]
    qtbot.mouseClick(workspace.back_button, Qt.MouseButton.LeftButton)
    assert window.workspace is None
    assert window.stack.currentWidget() is window.flow.screen_page
    assert window.top_bar.isVisible()


def test_walking_away_from_the_workspace_closes_it(qtbot, app_window):
    window, _ = app_window(idle_seconds=0.2)
    window.idle.countdown_seconds = 1
    qtbot.mouseClick(window.staff_button, Qt.MouseButton.LeftButton)
    assert window.workspace is not None and window.idle.armed
    with qtbot.waitSignal(window.idle.reset, timeout=5000):
        pass
    assert window.workspace is None
    assert window.stack.currentWidget() is window.flow.welcome


def test_workspace_without_a_database_says_why(qtbot, themed, monkeypatch, tmp_path):
    from eduapp.ui.clinician.workspace import ClinicianWorkspace, WorkspaceContext

    workspace = ClinicianWorkspace(WorkspaceContext(
        None, [], "Clinic", "letter", None, tmp_path,
        [Notice(NoticeKind.NOT_SAVING, problem=StoreProblem.READ_ONLY)]))
    qtbot.addWidget(workspace)
    workspace.show()
    assert workspace.notice.isVisible() and "not being saved" in workspace.notice.text()
    tabs = [workspace.tabs.tabText(i) for i in range(workspace.tabs.count())]
    assert tabs == ["Today", "Presenter"]


def _today_sessions(context, count: int) -> None:  # type: ignore[no-untyped-def]
    from tests.e2e.keyboard_user import today_sessions

    today_sessions(context.store, context.modules, count, seed=count)


def _statistics(context):  # type: ignore[no-untyped-def]
    from datetime import date, timedelta

    from eduapp.core import analytics

    return analytics.item_statistics(
        context.store, context.modules, analytics.day_bounds(date.today() - timedelta(days=2))[0],
        analytics.day_bounds(date.today())[1])


def first_tries(report) -> int:  # type: ignore[no-untyped-def]
    return sum(q.first_tries for q in report.questions)


def test_each_tab_is_built_when_first_shown_and_reads_fresh(qtbot, app_window):
    """The PIN opens every tab's name and Today's page; another tab's page is built as the
    clinician first opens it (by keyboard here), and reads what was stored meanwhile."""
    from PySide6.QtWidgets import QWidget

    window, context = app_window()
    _today_sessions(context, 2)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # a control of an inactive window has no focus
    qtbot.mouseClick(window.staff_button, Qt.MouseButton.LeftButton)
    workspace = window.workspace
    tabs = workspace.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Today", "Questions", "Presenter", "Settings"]
    assert workspace.today is not None and workspace.today.isVisible()
    assert workspace.today.model.rowCount() == 2
    assert (workspace.questions, workspace.presenter, workspace.settings) == (None, None, None)
    at_unlock = len(workspace.findChildren(QWidget))
    tries_at_unlock = first_tries(_statistics(context))

    _today_sessions(context, 3)  # patients answer while the clinician looks at Today
    bar = tabs.tabBar()
    qtbot.waitUntil(bar.hasFocus)  # the focus is on the tabs after the PIN
    qtbot.keyClick(bar, Qt.Key.Key_Right)
    questions = workspace.questions
    assert questions is not None and questions.isVisible()
    assert first_tries(questions.report) == first_tries(_statistics(context)) > tries_at_unlock
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right):
        qtbot.keyClick(bar, key)
    assert workspace.presenter is not None and workspace.settings is not None
    assert workspace.settings.isVisible() and not workspace.presenter.isVisible()
    assert len(workspace.findChildren(QWidget)) > 2 * at_unlock  # what was not built at once

    for _ in range(3):  # back to Today: it reads again
        qtbot.keyClick(bar, Qt.Key.Key_Left)
    assert workspace.today.isVisible() and workspace.today.model.rowCount() == 5
    assert workspace.page(1) is questions  # built once, kept
