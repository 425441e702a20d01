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
