"""A keyboard user of the clinician workspace sees where the focus is: the tabs, the
presenter's outline, a session's details, tables, date fields and combo boxes each draw a
ring in the focus colour when they have the focus, and none without it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QComboBox, QTabBar, QWidget

from eduapp.ui.theme import PALETTE
from tests.e2e.keyboard_user import today_sessions


def ring_pixels(widget: QWidget, themed) -> int:  # type: ignore[no-untyped-def]
    """How many pixels of the widget's edge (of the chosen tab's, for a tab bar) are the
    focus colour, as it is drawn now."""
    themed.processEvents()
    window = widget.window()  # drawn on what is behind it, as on the screen
    image = window.grab(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())).toImage()
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    area = widget.tabRect(widget.currentIndex()) if isinstance(widget, QTabBar) else widget.rect()
    focus = QColor(PALETTE.focus).rgb()
    edge = [(x, y) for y in range(area.top(), area.bottom() + 1)
            for x in range(area.left(), area.right() + 1)
            if min(x - area.left(), area.right() - x, y - area.top()) < 3
            or (area.bottom() - y < 3 and not isinstance(widget, QTabBar))]
    return sum(image.pixel(x, y) == focus for x, y in edge)


@pytest.fixture
def workspace(qtbot, themed, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    from eduapp.app import build_window
    from eduapp.core.startup import Options, prepare
    from eduapp.ui import pin_dialog

    monkeypatch.setattr(pin_dialog, "ask_for_pin", lambda parent, store: True)
    context = prepare(Options(data_dir=tmp_path))
    today_sessions(context.store, context.modules, 6, seed=5)  # whatever the time of day
    window = build_window(context)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.show_workspace()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # a control of an inactive window has no focus
    yield window.workspace
    window.close_workspace()


def test_each_control_shows_a_ring_only_while_it_has_the_focus(qtbot, themed, workspace):
    tabs = workspace.tabs
    controls = [(0, lambda: tabs.tabBar()), (0, lambda: workspace.today.table),
                (0, lambda: workspace.today.details), (0, lambda: workspace.today.day_edit),
                (2, lambda: workspace.presenter.outline),
                (tabs.count() - 1, lambda: workspace.settings.findChildren(QComboBox)[0])]
    for index, find in controls:
        tabs.setCurrentIndex(index)  # a tab's controls are built as it is first shown
        control = find()
        workspace.back_button.setFocus()
        qtbot.waitUntil(lambda: workspace.back_button.hasFocus())
        without = ring_pixels(control, themed)
        control.setFocus()
        qtbot.waitUntil(lambda: control.hasFocus())  # noqa: B023
        assert without == 0, type(control).__name__
        assert ring_pixels(control, themed) > 40, type(control).__name__
