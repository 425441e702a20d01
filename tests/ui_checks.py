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
    return [f"'{QPushButton.text(b)}' needs {b.minimumSizeHint().width()}px, has {b.width()}px"
            for b in root.findChildren(QPushButton)  # QPushButton.text: a choice has .text too
            if b.isVisible() and QPushButton.text(b)
            and b.minimumSizeHint().width() > b.width() + 1]


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


def screen_problems(window: QWidget) -> list[str]:
    """Everything a patient would see as broken on the window as it is now: a label whose box
    is too small for its text (in a scroll area or not), a button narrower than its text, a
    control partly off the window, two controls on top of each other."""
    problems = buttons_cut_off(window) + scrolls_sideways(window)
    for lab in window.findChildren(QLabel):
        if lab.isVisible() and lab.text() and lab.width() > 0 and lab.wordWrap() \
                and lab.heightForWidth(lab.width()) > lab.height() + 1:
            problems.append(f"'{lab.text()[:40]}' needs {lab.heightForWidth(lab.width())}px, "
                            f"has {lab.height()}px")
    problems += [p for p in labels_cut_off(window) if p not in problems]
    frame = window.rect()
    controls = [b for b in window.findChildren(QPushButton) if b.isVisible()]
    boxes = []
    for control in controls:
        box = control.rect().translated(control.mapTo(window, control.rect().topLeft()))
        if not _scrolled(control) and not frame.contains(box):
            problems.append(f"'{control.accessibleName()}' is partly off the window")
        for area in _scroll_areas(control):  # what shows of it: inside each scroll view
            view = area.viewport()
            box = box.intersected(view.rect().translated(view.mapTo(window,
                                                                    view.rect().topLeft())))
        if not box.isEmpty():
            boxes.append((control, box))
    for index, (first, box) in enumerate(boxes):
        for second, other in boxes[index + 1:]:
            if box.intersects(other) and not first.isAncestorOf(second) \
                    and not second.isAncestorOf(first):
                problems.append(f"'{first.accessibleName()}' overlaps "
                                f"'{second.accessibleName()}'")
    return problems


def _scroll_areas(widget: QWidget) -> list[QScrollArea]:
    found, parent = [], widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            found.append(parent)
        parent = parent.parentWidget()
    return found


def _scrolled(widget: QWidget) -> bool:
    return bool(_scroll_areas(widget))
