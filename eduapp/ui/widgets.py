"""Small building blocks shared by the screens: labels, buttons, illustrations, text.

What the welcome page uses (`label`, `button`, `Illustration`) does not touch `Qt`, the
namespace of Qt's enums: PySide6 builds all of its ~90 Python enums the first time it is
used, about 20 ms on a slow machine, more than the rest of the welcome page. Those widgets
set enum values by name through Qt's property system instead, so `Qt` loads after the first
frame (see the start-up profile in the README).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from eduapp.core.content.model import Image



Shown = TypeVar("Shown", bound=QWidget)  # a child of a button, as `add` gets it

def label(text: str = "", role: str = "", *, wrap: bool = True) -> QLabel:
    """A text label with a style role (h1, h2, muted, lead, banner, badge...)."""
    widget = QLabel(text)
    widget.setProperty("textFormat", "PlainText")  # never rich text; by name: see above
    widget.setWordWrap(wrap)
    if role:
        widget.setProperty("role", role)
    return widget


def heading(text: str = "", level: int = 1) -> QLabel:
    """A page or question title, exposed to screen readers as a heading."""
    widget = label(text, f"h{level}")
    widget.setProperty("accessibleRole", "heading")  # see eduapp.ui.accessibility
    return widget


RETURN_KEYS = (0x01000004, 0x01000005)  # Qt.Key.Key_Return, Key_Enter, without `Qt`


class Button(QPushButton):
    """A push button that Return and Enter press too, as Space does, wherever it is."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in RETURN_KEYS and not event.isAutoRepeat() and self.isEnabled():
            self.click()
            return
        super().keyPressEvent(event)


def button(text: str, kind: str = "", *, name: str = "") -> QPushButton:
    """A push button with a style kind (primary, quiet, ...) and an accessible name."""
    widget = Button(text)
    if kind:
        widget.setProperty("kind", kind)
    widget.setAccessibleName(name or text)
    widget.setAutoDefault(False)
    return widget


def one_tab_stop(buttons: Iterable[QAbstractButton]) -> None:
    """A radio group is one tab stop, its checked button (the arrows move within it).

    Qt does this once a button of the group has had the focus; this does it from the start.
    """
    for each in buttons:  # the policy by name: see the module's docstring
        each.setProperty("focusPolicy", "StrongFocus" if each.isChecked() else "ClickFocus")


def discard(widget: QWidget) -> None:
    """Take a widget off the screen now; Qt frees it later."""
    widget.hide()
    widget.setParent(None)
    widget.deleteLater()


def restyle(widget: QWidget, *, children: bool = True) -> None:
    """Apply style sheet rules again after a dynamic property changed.

    `children=False` when the change matters to `widget` alone (no rule of the theme looks at
    a parent's properties): re-polishing a whole button costs a few milliseconds per answer.
    """
    for each in [widget, *(widget.findChildren(QWidget) if children else ())]:
        each.style().unpolish(each)
        each.style().polish(each)


def down_scroll(content: QWidget) -> QScrollArea:
    """`content` in a frameless area that scrolls it up and down, never sideways.

    It fills the area; it scrolls only where the window is too short for all of it. The area
    itself takes no focus: Tab goes to the controls inside, and the area shows each one as
    it gets the focus, so a keyboard or screen-reader user never lands on a nameless pane.
    """
    from PySide6.QtCore import Qt  # not at import: see above

    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(content)
    return area


class WrapButton(Button):
    """A button whose content is a layout, so long text wraps instead of being cut."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("kind", kind)
        self.setAutoDefault(False)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def content(self, vertical: bool = False) -> QVBoxLayout | QHBoxLayout:
        box: QVBoxLayout | QHBoxLayout = QVBoxLayout(self) if vertical else QHBoxLayout(self)
        box.setContentsMargins(18, 14, 18, 14)
        return box

    def add(self, widget: Shown) -> Shown:
        """Children only show; clicks and keys go to the button."""
        from PySide6.QtCore import Qt  # here, not at import: see the module's docstring

        widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return widget

    def sizeHint(self) -> QSize:
        layout = self.layout()
        return layout.totalSizeHint() if layout else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        return layout.totalMinimumSize() if layout else super().minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        return self.layout() is not None

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return layout.totalHeightForWidth(width) if layout else super().heightForWidth(width)


class Illustration(QSvgWidget):
    """An SVG drawn at any size with its proportions kept; its alt text is its description."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)
        self.alt = ""

    def show_image(self, image: Image | None) -> None:
        self.show_file(image.path if image else None, image.alt if image else "")

    def show_file(self, path: Path | None, alt: str) -> None:
        """The SVG at `path` described by `alt`; nothing (hidden) for None."""
        self.setVisible(path is not None)
        if path is None:
            self.alt = ""
            return
        self.load(str(path))
        self.alt = alt
        self.setAccessibleName(alt)
        self.setAccessibleDescription(alt)
        self.setToolTip(alt)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The picture as large as fits, centred, never stretched out of shape."""
        renderer = self.renderer()
        view = renderer.viewBoxF()
        if not renderer.isValid() or view.isEmpty():
            return
        scale = min(self.width() / view.width(), self.height() / view.height())
        width, height = view.width() * scale, view.height() * scale
        painter = QPainter(self)
        renderer.render(painter, QRectF((self.width() - width) / 2,
                                        (self.height() - height) / 2, width, height))
        painter.end()

    def sizeHint(self) -> QSize:
        return QSize(400, 300)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width * 3 // 4


class TextView(QTextBrowser):
    """Rendered Markdown, read-only, scrolling only if it must.

    A tab stop (its name is the screen's title): the arrow keys scroll it, and a screen reader
    reads it line by line.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt  # here, not at import: see the module's docstring

        super().__init__(parent)
        self.setOpenLinks(False)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setProperty("focusRing", True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().setDocumentMargin(0)

    def show_html(self, html: str, name: str) -> None:
        from PySide6.QtGui import QAccessible, QAccessibleEvent  # not before the first frame

        self.setHtml(html)
        self.setAccessibleName(name)
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.NameChanged))


def show_status(status: QLabel, text: str, *, error: bool = False) -> None:
    """Show `text` in a tab's status line, styled as an error or as done; say it aloud.

    A screen reader hears it although the focus stays on the button that was pressed.
    """
    from eduapp.ui.accessibility import announce

    status.setText(text)
    status.setAccessibleName(text)
    status.setProperty("state", "error" if error else "ok")
    restyle(status)
    status.show()
    announce(status, text)
