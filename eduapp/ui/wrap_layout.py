"""A layout that puts its widgets in a row and starts a new row when the width runs out.

The top bar and the pages' button rows use it, so that long words (Spanish at the largest
text) or a narrow screen (a portrait tablet) give them a second row instead of cutting their
buttons. Rows are right-aligned, except for the widgets `pin_left` names (the clinic's name,
Back), which stay at the left of their row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize
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

    def pin_left(self, *widgets: QWidget) -> None:
        """These widgets go at the left of their row; the rest at the right."""
        self._left += widgets

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        from PySide6.QtCore import Qt  # after the first frame (see eduapp.ui.widgets)

        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:
        shown = self._shown()
        margins = self.contentsMargins()
        width = sum(i.sizeHint().width() for i in shown) + self._gap * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width + margins.left() + margins.right(),
                     height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        margins = self.contentsMargins()
        width = max((i.minimumSize().width() for i in self._shown()), default=0)
        height = max((i.minimumSize().height() for i in self._shown()), default=0)
        # one row's height: the rows it really needs come from heightForWidth
        return QSize(width + margins.left() + margins.right(),
                     height + margins.top() + margins.bottom())

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
