"""Checks that every column title and every cell of the tables on screen shows all its words.

The rule, for what a person reads in a table:
- A column title (a QHeaderView section) must show all of its text: as one line, or wrapped
  onto several where the header wraps its titles, inside the section's text area.
- A cell must show all of its text, wrapped as the view wraps it, inside the cell's text area:
  no "…" and no line cut at the bottom. A tooltip does not count as another way to read it (no
  tooltip on a touch screen or for the keyboard), and neither does a details pane (it shows one
  row at a time, and only once chosen): no table is exempt.
Only the rows the view shows at its current scroll position are looked at (the rest are
reached by scrolling up and down, which is the table's business). A table that scrolls
sideways fails: its columns do not fit.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

WRAP = int(Qt.TextFlag.TextWordWrap)
TALL = 100_000


def tables_cut_off(root: QWidget) -> list[str]:
    """Column titles and cells of the visible tables under `root` that do not show all words."""
    problems = []
    tables = ([root] if isinstance(root, QTableView) else []) + root.findChildren(QTableView)
    for table in tables:
        if not table.isVisible() or table.model() is None:
            continue
        header = table.horizontalHeader()
        if header.isVisible():
            problems += [f"{_name(table)}: {p}" for p in headers_cut_off(header)]
        problems += [f"{_name(table)}: {p}" for p in cells_cut_off(table)]
        scroll = table.horizontalScrollBar()
        if scroll.maximum() > 0:
            problems.append(f"{_name(table)}: its columns need {scroll.maximum()}px more "
                            "than it has (it scrolls sideways)")
    return problems


def headers_cut_off(header: QHeaderView) -> list[str]:
    """Sections of a header whose title does not fit, wrapped where the header wraps."""
    model = header.model()
    cut = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text:
            continue
        option = QStyleOptionHeader()  # as the header paints the section
        header.initStyleOption(option)
        header.initStyleOptionForIndex(option, section)
        option.rect = QRect(header.sectionViewportPosition(section), 0,
                            header.sectionSize(section), header.height())
        room = header.style().subElementRect(QStyle.SubElement.SE_HeaderLabel, option, header)
        short = _short_by(header.fontMetrics(), text, room, int(option.textAlignment.value))
        if short:
            cut.append(f"column title '{_line(text)}' {short}")
    return cut


def cells_cut_off(table: QTableView) -> list[str]:
    """Cells in view whose text, wrapped as the table wraps it, does not fit their text area."""
    model, view = table.model(), table.viewport().rect()
    delegate, style = table.itemDelegate(), table.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    cut = []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            box = table.visualRect(index)
            if table.isColumnHidden(column) or not box.intersects(view):
                continue
            option = QStyleOptionViewItem()
            table.initViewItemOption(option)
            option.rect = box
            if isinstance(delegate, QStyledItemDelegate):  # its font, colours, wrapping
                delegate.initStyleOption(option, index)
            else:
                option.text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            text = option.text.replace("\u2028", "\n")  # the delegate's line breaks
            if not text:
                continue
            room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, table)
            room = room.adjusted(margin, 0, -margin, 0)  # as the style draws item text
            wrap = WRAP if option.features & QStyleOptionViewItem.ViewItemFeature.WrapText else 0
            short = _short_by(QFontMetrics(QFont(option.font)), text, room,
                              int(option.displayAlignment.value) | wrap)
            if short:
                cut.append(f"cell '{_line(text)}' (row {row + 1}) {short}")
    return cut


def _short_by(metrics: QFontMetrics, text: str, room: QRect, flags: int) -> str:
    """How the text does not fit `room`, laid out with `flags`; '' when it fits."""
    if flags & WRAP:
        width = max(metrics.horizontalAdvance(word) for line in text.split("\n")
                    for word in line.split(" ") if word) if text.strip() else 0
        height = metrics.boundingRect(QRect(0, 0, max(room.width(), 1), TALL), flags,
                                      text).height()
    else:
        width = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        height = metrics.lineSpacing() * (text.count("\n") + 1)
    if width > room.width() + 1:
        return f"needs {width}px wide, has {room.width()}px"
    if height > room.height() + 1:
        return f"needs {height}px high, has {room.height()}px"
    return ""


def _line(text: str) -> str:
    return text.replace("\n", " ")[:40]


def _name(table: QTableView) -> str:
    return f"table '{table.accessibleName()[:40]}'"
