"""Checks on what is on screen, shared by the UI tests."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QWidget


def labels_cut_off(root: QWidget) -> list[str]:
    """Visible labels outside scroll areas whose text does not fit their box."""
    cut = []
    for lab in root.findChildren(QLabel):
        if not lab.isVisible() or not lab.text() or lab.width() == 0:
            continue
        parent, scrolled = lab.parentWidget(), False
        while parent is not None:
            if isinstance(parent, QScrollArea):
                scrolled = True
            parent = parent.parentWidget()
        if scrolled:
            continue
        if lab.wordWrap():
            needed = lab.heightForWidth(lab.width())
            if needed > lab.height() + 1:
                cut.append(f"'{lab.text()[:40]}' needs {needed}px, has {lab.height()}px")
        elif lab.sizeHint().width() > lab.width() + 1:
            cut.append(f"'{lab.text()[:40]}' needs {lab.sizeHint().width()}px wide, "
                       f"has {lab.width()}px")
    return cut + scrolls_sideways(root)


def buttons_cut_off(root: QWidget) -> list[str]:
    """Visible buttons narrower than their own text needs."""
    return [f"'{b.text()}' needs {b.minimumSizeHint().width()}px, has {b.width()}px"
            for b in root.findChildren(QPushButton)
            if b.isVisible() and b.text() and b.minimumSizeHint().width() > b.width() + 1]


def scrolls_sideways(root: QWidget) -> list[str]:
    """Visible scroll areas whose content cannot be as narrow as the view: it runs off the side."""
    return [f"{type(area.widget()).__name__} needs {needed(area)}px in a "
            f"{area.viewport().width()}px view"
            for area in root.findChildren(QScrollArea)
            if area.isVisible() and area.widget() is not None
            and needed(area) > area.viewport().width() + 1]


def needed(area: QScrollArea) -> int:
    content = area.widget()
    return max(content.minimumSizeHint().width(), content.minimumWidth())
