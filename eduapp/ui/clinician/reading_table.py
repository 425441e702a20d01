"""The clinician tabs' tables: rows as tall as their text, column titles that wrap.

Nothing in them is cut: a column title wraps onto more lines rather than being cut, a cell
wraps or its column is as wide as it needs, and the table asks its layout for the width
all of that takes (tests/table_checks.py checks every title and cell on every screen).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
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
        self._padding: QSize | None = None  # round a title, from the style sheet
        self._sizes: dict[tuple[str, int], QSize] = {}  # (title, width): its section's size
        self._titles: dict[int, str] = {}
        self._height = 0  # of the tallest title, once the columns have their widths
        self._fit = QTimer(self)  # measured again once the columns stop moving
        self._fit.setSingleShot(True)
        self._fit.setInterval(0)
        self._fit.timeout.connect(self._fit_height)
        self.sectionResized.connect(self._columns_resized)

    def _columns_resized(self, _section: int, _old: int, _new: int) -> None:
        self._fit.start()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._padding = None
            self._sizes.clear()
            self._fit.start()

    def title(self, section: int) -> str:
        """A column's title (asked once: the header asks for it many times)."""
        if section not in self._titles:
            text = self.model().headerData(section, self.orientation(), Role.DisplayRole) \
                if self.model() is not None else None
            self._titles[section] = text if isinstance(text, str) else ""
        return self._titles[section]

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        self._titles.clear()
        if model is not None:
            model.headerDataChanged.connect(self._titles_changed)

    def _titles_changed(self, _orientation: Qt.Orientation, _first: int, _last: int) -> None:
        self._titles.clear()

    def initStyleOptionForIndex(self, option: QStyleOptionHeader, logicalIndex: int) -> None:
        super().initStyleOptionForIndex(option, logicalIndex)
        option.textAlignment = Qt.AlignmentFlag(int(option.textAlignment.value) | WRAP)

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        """The narrowest a column can be for its title: on two lines (see `_two_lines`)."""
        text = self.title(logicalIndex)
        if not text:
            return super().sectionSizeFromContents(logicalIndex)
        return self._size(logicalIndex, text, 0)

    def _size(self, section: int, text: str, width: int) -> QSize:
        """The section's size for its title at `width` px, or at its narrowest (0)."""
        size = self._sizes.get((text, width))
        if size is None:
            metrics = self.fontMetrics()
            if self._padding is None:  # the style's size for a title on one line, less it
                one_line = metrics.boundingRect(QRect(0, 0, TALL, TALL), int(LEFT.value), text)
                self._padding = super().sectionSizeFromContents(section) - one_line.size()
            narrowest = _two_lines(metrics, text)
            room = max(width - self._padding.width(), narrowest)
            wrapped = metrics.boundingRect(QRect(0, 0, room, TALL), int(LEFT.value) | WRAP,
                                           text)
            size = self._sizes[(text, width)] = QSize(narrowest, wrapped.height()) \
                + self._padding
        return size

    def _fit_height(self) -> None:
        """As tall as the tallest title wrapped at its column's width."""
        height = max((self._size(section, self.title(section), self.sectionSize(section))
                      .height() for section in range(self.count())
                      if not self.isSectionHidden(section) and self.title(section)),
                     default=0)
        if height != self._height:
            self._height = height
            self.table.updateGeometries()  # the table gives the header its new height

    def sizeHint(self) -> QSize:
        """As tall as the tallest title at the columns' widths (once they have them)."""
        return QSize(self.length(), self._height) if self._height else super().sizeHint()


def _two_lines(metrics: QFontMetrics, text: str) -> int:
    """The narrowest width that holds a title on two lines.

    On its own lines, if it has them; on one, if it is one word.
    """
    if "\n" in text:
        return max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    words = text.split(" ")
    return min((max(metrics.horizontalAdvance(" ".join(words[:cut])),
                    metrics.horizontalAdvance(" ".join(words[cut:])))
                for cut in range(1, len(words))), default=metrics.horizontalAdvance(text))


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
        self._minimum: QSize | None = None  # see minimumSizeHint
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
        self._minimum = None
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
        self._minimum = None
        for column, width in enumerate(widths):
            if isinstance(width, int):
                header.setSectionResizeMode(column, mode.Interactive)
                header.resizeSection(column, width)
            else:
                header.setSectionResizeMode(column, mode.Stretch if width == STRETCH
                                            else mode.ResizeToContents)

    def minimumSizeHint(self) -> QSize:
        """As wide as every column needs to show all its words (see `widths`)."""
        if self._minimum is None:  # measured again with new rows, font or widths
            self._minimum = QSize(self._needed_width(), super().minimumSizeHint().height())
        return self._minimum

    def _needed_width(self) -> int:
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
        return total + 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()
