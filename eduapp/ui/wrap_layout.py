"""A layout that puts its widgets in a row and starts a new row when the width runs out.

The top bar and the pages' button rows use it, so that long words (Spanish at the largest
text) or a narrow screen (a portrait tablet) give them a second row instead of cutting their
buttons. Rows are right-aligned, except for the widgets `pin_left` names (the clinic's name,
Back), which stay at the left of their row.

Qt asks a layout for its height at a width many times per change on screen (each page turn
and quiz answer): the rows for a width are worked out once and kept until Qt invalidates
the layout (a child's size, text or visibility changed), as Qt's own box layouts do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget

if TYPE_CHECKING:  # the Qt namespace is built after the first frame (see eduapp.ui.widgets)
    from PySide6.QtCore import Qt


class WrapLayout(QLayout):
    """Rows of widgets, as many as the width needs; each row as tall as its tallest."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self._left: list[QWidget] = []
        self._heights: dict[int, int] = {}  # width -> height, until invalidated
        self._hints: tuple[QSize, QSize] | None = None  # size hint and minimum size

    def pin_left(self, *widgets: QWidget) -> None:
        """These widgets go at the left of their row; the rest at the right."""
        self._left += widgets

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        self.invalidate()
        return self._items.pop(index)

    def invalidate(self) -> None:
        self._heights.clear()
        self._hints = None
        super().invalidate()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), place=False)
        return height

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:
        return self._sizes()[0]

    def minimumSize(self) -> QSize:
        # one row's height: the rows it really needs come from heightForWidth
        return self._sizes()[1]

    def _sizes(self) -> tuple[QSize, QSize]:
        if self._hints is None:
            shown = self._shown()
            margins = self.contentsMargins()
            extra = QSize(margins.left() + margins.right(), margins.top() + margins.bottom())
            hints = [i.sizeHint() for i in shown]
            minimums = [i.minimumSize() for i in shown]
            self._hints = (
                QSize(sum(h.width() for h in hints) + self._gap * max(0, len(shown) - 1),
                      max((h.height() for h in hints), default=0)) + extra,
                QSize(max((m.width() for m in minimums), default=0),
                      max((m.height() for m in minimums), default=0)) + extra)
        return self._hints

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not ((w := i.widget()) and w.isHidden())]

    def _rows(self, width: int) -> list[list[QLayoutItem]]:
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            need = item.sizeHint().width()
            if rows[-1] and used + self._gap + need > width:
                rows.append([])
                used = 0
            used += need + (self._gap if rows[-1] else 0)
            rows[-1].append(item)
        return [row for row in rows if row]

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        margins = self.contentsMargins()
        inner = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y = inner.y()
        for row in self._rows(inner.width()):
            height = max(i.sizeHint().height() for i in row)
            if place:
                left = [i for i in row if i.widget() in self._left]
                right = [i for i in row if i.widget() not in self._left]
                widths = {id(i): min(i.sizeHint().width(), inner.width()) for i in row}
                x = inner.x()
                starts = []
                for item in left:
                    starts.append((item, x))
                    x += widths[id(item)] + self._gap
                x = inner.right() + 1 - sum(widths[id(i)] for i in right) \
                    - self._gap * max(0, len(right) - 1)
                for item in right:
                    starts.append((item, x))
                    x += widths[id(item)] + self._gap
                for item, left_edge in starts:
                    item_height = min(height, item.sizeHint().height())
                    top = y + (height - item_height) // 2
                    item.setGeometry(QRect(QPoint(left_edge, top),
                                           QSize(widths[id(item)], item_height)))
            y += height + self._gap
        return y - self._gap - inner.y() + margins.top() + margins.bottom()


class ButtonRow(WrapLayout):
    """A WrapLayout inside another layout (a page's buttons): it never asks for more room.

    A widget's own WrapLayout (the top bar) leaves that to the widget's size policy instead:
    answering this question needs `Qt`, which is not built before the first frame.
    """

    _none: Qt.Orientation | None = None

    def expandingDirections(self) -> Qt.Orientation:
        if ButtonRow._none is None:
            from PySide6.QtCore import Qt  # after the first frame (see eduapp.ui.widgets)

            ButtonRow._none = Qt.Orientation(0)
        return ButtonRow._none


class WrappedHeight(QObject):
    """Keeps a widget at least as tall as its layout needs at its width.

    Rows of wrapped buttons included, where its parent (a splitter) would not ask for that.
    """

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        layout = watched.layout() if isinstance(watched, QWidget) else None
        if event.type() == QEvent.Type.Resize and layout is not None:
            assert isinstance(watched, QWidget)
            need = layout.minimumHeightForWidth(watched.width())
            if need > 0 and watched.minimumHeight() != need:
                watched.setMinimumHeight(need)
        return False

