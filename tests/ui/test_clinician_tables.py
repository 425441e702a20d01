"""The clinician tables in the colours of high contrast when it is on, and the check that finds
a column title or cell cut short (tests/table_checks.py), on tables cut on purpose.

That no title or cell is cut on any screen is checked by the screen matrix
(tests/ui/test_screen_matrix.py, scripts/screens.py).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView

from eduapp.core.content.model import Library
from eduapp.core.storage.sqlite import Store
from eduapp.ui.clinician.today import TodayTab
from eduapp.ui.theme import HIGH_CONTRAST, PALETTE, Palette, style_app
from tests.table_checks import cells_cut_off, headers_cut_off, tables_cut_off
from tests.ui.test_accessibility import contrast
from tests.ui.test_clinician_models import DAY, fill


def table_of(qtbot, titles: list[str], cells: list[str]) -> QTableView:  # type: ignore[no-untyped-def]
    model = QStandardItemModel(1, len(titles))
    model.setHorizontalHeaderLabels(titles)
    for column, text in enumerate(cells):
        model.setItem(0, column, QStandardItem(text))
    table = QTableView()
    table.setModel(model)
    qtbot.addWidget(table)
    table.resize(500, 300)
    table.show()
    qtbot.waitExposed(table)
    return table


def test_the_check_finds_a_cut_column_title(qtbot, themed) -> None:  # type: ignore[no-untyped-def]
    table = table_of(qtbot, ["Código de visita", "Hora"], ["V-1", "9:00"])
    header = table.horizontalHeader()
    header.resizeSection(0, header.sectionSizeFromContents(0).width())
    assert headers_cut_off(header) == []
    header.resizeSection(0, 40)  # "Código de v…" as a clinician saw it
    assert any("'Código de visita'" in p for p in headers_cut_off(header))
    assert any("Código de visita" in p for p in tables_cut_off(table))


def test_the_check_finds_a_cut_cell(qtbot, themed) -> None:  # type: ignore[no-untyped-def]
    table = table_of(qtbot, ["Tema", "Hora"], ["Por\u00a0qué\u00a0el\u00a0dolor", "9:00"])
    table.setWordWrap(False)
    table.resizeColumnsToContents()
    assert cells_cut_off(table) == []
    table.setColumnWidth(0, 60)  # "Por qu…"
    assert any("'Por\u00a0qué\u00a0el\u00a0dolor'" in p for p in cells_cut_off(table))
    table.setWordWrap(True)  # words joined by no-break spaces do not wrap: still cut
    assert cells_cut_off(table) != []


def pixel(image: QImage, x: int, y: int) -> str:
    return QColor(image.pixel(x, y)).name().upper()


@pytest.mark.parametrize("palette", [PALETTE, HIGH_CONTRAST], ids=["normal", "high-contrast"])
def test_the_tables_follow_high_contrast(qtbot, themed, store: Store, library: Library,  # type: ignore[no-untyped-def]
                                         palette: Palette) -> None:
    """Border, column titles and the chosen row in the palette the app is in, the text on
    them at 4.5:1 or more (7:1 in high contrast), as measured on the screen's pixels."""
    modules = library.for_language("en")
    fill(store, modules)
    style_app(themed, 0, palette)
    tab = TodayTab(store, modules, "Hope Clinic", "letter")
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    qtbot.waitExposed(tab)
    tab.show_day(DAY)
    table = tab.table
    table.selectRow(0)
    table.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(table.hasFocus)
    image = table.grab().toImage()
    minimum = 7.0 if palette is HIGH_CONTRAST else 4.5
    middle = image.height() // 2
    assert pixel(image, 1, middle) == palette.focus.upper()  # the focus ring round the table
    table.clearFocus()
    image = table.grab().toImage()
    assert pixel(image, 0, middle) == palette.border.upper()
    header = table.horizontalHeader()
    titles = header.geometry()
    assert pixel(image, titles.left() + 4, titles.top() + 4) == palette.surface.upper()
    row = table.visualRect(table.model().index(0, 0)).translated(table.viewport().pos())
    assert pixel(image, row.left() + 2, row.top() + 2) == palette.chosen_tint.upper()
    for area, background in ((titles, palette.surface), (row, palette.chosen_tint)):
        text = darkest(image, area.adjusted(3, 3, -3, -3))  # inside the lines round it
        assert contrast(text, background) >= minimum, (text, background)


def darkest(image: QImage, area) -> str:  # type: ignore[no-untyped-def]
    """The text's colour: the darkest pixel in the area (its letters' strokes)."""
    colours = {QColor(image.pixel(x, y)).name().upper()
               for x in range(max(area.left(), 0), min(area.right(), image.width() - 1))
               for y in range(max(area.top(), 0), min(area.bottom(), image.height() - 1))}
    return min(colours, key=lambda c: QColor(c).lightness())
