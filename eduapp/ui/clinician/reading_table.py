"""The clinician tabs' tables: rows as tall as their text, column titles that wrap.

Nothing in them is cut: a column title wraps onto more lines rather than being cut, a cell
wraps or its column is as wide as it needs, and the table asks its layout for the width
all of that takes (tests/table_checks.py checks every title and cell on every screen).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from eduapp.ui.clinician.models import LEFT, PAD_X, PAD_Y

Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole
SLACK = 8  # the style's own text margins and the cell's border
WRAP = int(Qt.TextFlag.TextWordWrap)
TALL = 100_000
FIXED, STRETCH, FIT = "fixed", "stretch", "fit"


def _widest_word(metrics: QFontMetrics, text: str) -> int:
    """The widest run of text that cannot wrap (words joined by no-break spaces are one)."""
    return max((metrics.horizontalAdvance(word) for line in text.split("\n")
                for word in line.split(" ")), default=0)  # not split(): it splits at those


class _WrappedText(QStyledItemDelegate):
    """Cell sizes that count the padding the style sheet adds.

    Measured from the text alone, so sizing a day of many sessions stays fast.
    """

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Paint the cell's own background first: the style sheet's item rules hide it."""
        brush = index.data(Role.BackgroundRole)
        if isinstance(brush, QBrush) and not option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, brush)
        super().paint(painter, option, index)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        text = index.data(Role.DisplayRole)
        if not isinstance(text, str) or not text:
            return super().sizeHint(option, index)
        metrics = self.metrics(index, option.font)
        natural = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        room = self.view.columnWidth(index.column()) - 2 * PAD_X - SLACK
        flags = WRAP | int(Qt.AlignmentFlag.AlignLeft)
        wrap_at = room if room > 0 else natural  # a column too narrow yet: no wrapping
        height = metrics.boundingRect(QRect(0, 0, wrap_at, TALL), flags, text).height()
        return QSize(natural + 2 * PAD_X + SLACK, height + 2 * PAD_Y + SLACK)

    def narrowest(self, index: Index, font: QFont) -> int:
        """The narrowest the cell's column can be for its text to wrap without a cut."""
        text = index.data(Role.DisplayRole)
        if not isinstance(text, str) or not text:
            return 0
        return _widest_word(self.metrics(index, font), text) + 2 * PAD_X + SLACK

    @staticmethod
    def metrics(index: Index, font: QFont) -> QFontMetrics:
        own = index.data(Role.FontRole)
        return QFontMetrics(own if isinstance(own, QFont) else font)


class WrappingHeader(QHeaderView):
    """Column titles that wrap onto more lines rather than being cut.

    A column can be as narrow as the longest word of its title; the header is as tall as
    the title with the most lines at the columns' widths.
    """

    def __init__(self, table: QTableView) -> None:
        super().__init__(Qt.Orientation.Horizontal, table)
        self.table = table
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setDefaultAlignment(LEFT)
        self.setHighlightSections(False)
        self.setMinimumSectionSize(60)
        self._fit = QTimer(self)  # the table makes room for the new height, once
        self._fit.setSingleShot(True)
        self._fit.setInterval(0)
        self._fit.timeout.connect(self.table.updateGeometries)
        self.sectionResized.connect(lambda *_: self._fit.start())

    def title(self, section: int) -> str:
        text = self.model().headerData(section, self.orientation(), Role.DisplayRole) \
            if self.model() is not None else None
        return text if isinstance(text, str) else ""

    def initStyleOptionForIndex(self, option: QStyleOptionHeader, logicalIndex: int) -> None:
        super().initStyleOptionForIndex(option, logicalIndex)
        option.textAlignment = Qt.AlignmentFlag(int(option.textAlignment.value) | WRAP)

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        """As wide as the title's longest word, as tall as the title wrapped at its width."""
        size = super().sectionSizeFromContents(logicalIndex)  # the title on one line
        text = self.title(logicalIndex)
        if not text:
            return size
        metrics = self.fontMetrics()
        one_line = metrics.boundingRect(QRect(0, 0, TALL, TALL), int(LEFT.value), text)
        extra = QSize(size.width() - one_line.width(), size.height() - one_line.height())
        word = _widest_word(metrics, text)
        room = max(self.sectionSize(logicalIndex) - extra.width(), word)
        wrapped = metrics.boundingRect(QRect(0, 0, room, TALL), int(LEFT.value) | WRAP, text)
        return QSize(word + extra.width(), wrapped.height() + extra.height())

    def sizeHint(self) -> QSize:
        """As tall as the tallest title at the columns' widths now."""
        hint = super().sizeHint()
        heights = [self.sectionSizeFromContents(section).height()
                   for section in range(self.count()) if not self.isSectionHidden(section)]
        return QSize(hint.width(), max(heights, default=hint.height()))


class ReadingTable(QTableView):
    """A table to read, not to edit: whole rows selected, text wrapped, rows as tall as needed."""

    def __init__(self, model: QAbstractTableModel, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeader(WrappingHeader(self))
        self.setModel(model)
        self.setItemDelegate(_WrappedText(self))
        self.setAccessibleName(name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(True)
        self.setShowGrid(False)
        self.setCornerButtonEnabled(False)
        self.setTabKeyNavigation(False)  # Tab moves on to the next control
        self.verticalHeader().hide()
        # rows as tall as their wrapped text, once the columns have their widths
        self._fit = QTimer(self)
        self._fit.setSingleShot(True)
        self._fit.setInterval(0)
        self._fit.timeout.connect(self._fit_rows)
        self.horizontalHeader().sectionResized.connect(self._columns_resized)
        model.modelReset.connect(self._fit_rows)

    def _columns_resized(self, _column: int, _old: int, _new: int) -> None:
        self._fit.start()

    def _fit_rows(self) -> None:
        self.resizeRowsToContents()
        self.updateGeometry()  # new rows may need wider columns: the layout asks again

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit.start()  # the style sheet's font arrives when the table is shown

    def widths(self, *widths: int | str) -> None:
        """Say how each column is sized, in order.

        FIT: to its contents, one line each; STRETCH: shares the rest, its text wraps, never
        narrower than its longest word; a number: that width in px, its text wraps.
        """
        header = self.horizontalHeader()
        mode = QHeaderView.ResizeMode
        for column, width in enumerate(widths):
            if isinstance(width, int):
                header.setSectionResizeMode(column, mode.Interactive)
                header.resizeSection(column, width)
            else:
                header.setSectionResizeMode(column, mode.Stretch if width == STRETCH
                                            else mode.ResizeToContents)

    def minimumSizeHint(self) -> QSize:
        """As wide as every column needs to show all its words (see `widths`)."""
        header, model = self.horizontalHeader(), self.model()
        delegate = self.itemDelegate()
        total = 0
        for column in range(model.columnCount()):
            if header.isSectionHidden(column):
                continue
            mode = header.sectionResizeMode(column)
            title = header.sectionSizeHint(column)
            if mode is QHeaderView.ResizeMode.ResizeToContents:
                total += max(title, self.sizeHintForColumn(column))
            elif mode is QHeaderView.ResizeMode.Stretch and isinstance(delegate, _WrappedText):
                total += max([title] + [delegate.narrowest(model.index(row, column), self.font())
                                        for row in range(model.rowCount())])
            else:
                total += header.sectionSize(column)
        frame = 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()
        return QSize(total + frame, super().minimumSizeHint().height())
