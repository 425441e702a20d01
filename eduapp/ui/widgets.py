"""Small building blocks shared by the screens: labels, buttons, illustrations, text."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from eduapp.core.model import Image


def label(text: str = "", role: str = "", *, wrap: bool = True) -> QLabel:
    """A text label with a style role (h1, h2, muted, lead, banner, badge...)."""
    widget = QLabel(text)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setWordWrap(wrap)
    if role:
        widget.setProperty("role", role)
    return widget


def button(text: str, kind: str = "", *, name: str = "") -> QPushButton:
    """A push button with a style kind (primary, quiet, ...) and an accessible name."""
    widget = QPushButton(text)
    if kind:
        widget.setProperty("kind", kind)
    widget.setAccessibleName(name or text)
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    widget.setAutoDefault(False)
    return widget


def discard(widget: QWidget) -> None:
    """Take a widget off the screen now; Qt frees it later."""
    widget.hide()
    widget.setParent(None)  # type: ignore[call-overload]
    widget.deleteLater()


def restyle(widget: QWidget) -> None:
    """Apply style sheet rules again after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    for child in widget.findChildren(QWidget):
        child.style().unpolish(child)
        child.style().polish(child)


class WrapButton(QPushButton):
    """A button whose content is a layout, so long text wraps instead of being cut."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("kind", kind)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAutoDefault(False)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def content(self, vertical: bool = False) -> QVBoxLayout | QHBoxLayout:
        box: QVBoxLayout | QHBoxLayout = QVBoxLayout(self) if vertical else QHBoxLayout(self)
        box.setContentsMargins(18, 14, 18, 14)
        return box

    def add(self, widget: QWidget) -> QWidget:
        """Children only show; clicks and keys go to the button."""
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
        self.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)
        self.alt = ""

    def show_image(self, image: Image | None) -> None:
        self.setVisible(image is not None)
        if image is None:
            self.alt = ""
            return
        self.load(str(image.path))
        self.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.alt = image.alt
        self.setAccessibleName(image.alt)
        self.setAccessibleDescription(image.alt)
        self.setToolTip(image.alt)

    def sizeHint(self) -> QSize:
        return QSize(400, 300)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width * 3 // 4


class TextView(QTextBrowser):
    """Rendered Markdown, read-only, scrolling only if it must; not a tab stop."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().setDocumentMargin(0)

    def show_html(self, html: str, name: str) -> None:
        self.setHtml(html)
        self.setAccessibleName(name)
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.NameChanged))
