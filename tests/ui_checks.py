"""Checks on what is on screen, shared by the UI tests."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QTabBar,
    QTextEdit,
    QWidget,
)

from tests.table_checks import tables_cut_off

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QTabBar,
            QTextEdit)  # what a person clicks, types in or reads as one thing


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
    """Visible buttons, check boxes, lists that drop down and date fields too small for their
    own text, and tab bars too narrow for their tabs."""
    cut = []
    for control in root.findChildren(QWidget):
        if not control.isVisible():
            continue
        need, has = _needs(control), control.size()
        if need is not None and (need.width() > has.width() + 1
                                 or need.height() > has.height() + 1):
            cut.append(f"'{_text(control)}' needs {need.width()}x{need.height()}px, "
                       f"has {has.width()}x{has.height()}px")
    return cut


def _needs(control: QWidget) -> QSize | None:
    """The size a control needs to show all of its text; None when it holds none to cut."""
    if isinstance(control, QAbstractButton):
        return control.minimumSizeHint() if QAbstractButton.text(control) else None
    if isinstance(control, QLineEdit):  # its text scrolls sideways: only a line's height
        option = QStyleOptionFrame()
        control.initStyleOption(option)
        shown = control.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option,
                                               control).height()
        margins = control.textMargins()
        short = control.fontMetrics().height() - (shown - margins.top() - margins.bottom())
        return QSize(0, control.height() + short) if short > 0 else None
    if isinstance(control, QAbstractSpinBox):
        return control.minimumSizeHint()
    if isinstance(control, QComboBox):  # its text, in the field the style keeps for it
        option = QStyleOptionComboBox()
        control.initStyleOption(option)
        field = control.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                               QStyle.SubControl.SC_ComboBoxEditField, control)
        metrics = control.fontMetrics()
        short = metrics.horizontalAdvance(control.currentText()) - field.width()
        return QSize(control.width() + short, 0) if short > 0 else None
    if isinstance(control, QTabBar):
        return QSize(control.sizeHint().width(), control.minimumSizeHint().height())
    return None


def _text(control: QWidget) -> str:
    if isinstance(control, QComboBox):
        return control.currentText()[:40]
    if isinstance(control, QTabBar):
        return " | ".join(control.tabText(i) for i in range(control.count()))[:60]
    if isinstance(control, QAbstractButton):
        return QAbstractButton.text(control)[:40]
    if isinstance(control, QLabel):
        return control.text()[:40]
    return control.accessibleName()[:40]


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
    """Everything a person would see as broken on the window as it is now: a label whose box
    is too small for its text (in a scroll area or not), a button, list, field or tab bar too
    small for its text, a table's column title or cell not showing all its words (see
    tests/table_checks), a control partly off the window, two controls on top of each other."""
    problems = buttons_cut_off(window) + scrolls_sideways(window) + tables_cut_off(window)
    for lab in window.findChildren(QLabel):
        if lab.isVisible() and lab.text() and lab.width() > 0 and lab.wordWrap() \
                and lab.heightForWidth(lab.width()) > lab.height() + 1:
            problems.append(f"'{lab.text()[:40]}' needs {lab.heightForWidth(lab.width())}px, "
                            f"has {lab.height()}px")
    problems += [p for p in labels_cut_off(window) if p not in problems]
    problems += cut_by_their_box(window)
    frame = window.rect()
    controls = [c for c in window.findChildren(QWidget)
                if isinstance(c, CONTROLS) and c.isVisible()]
    boxes = []
    for control in controls:
        box = control.rect().translated(control.mapTo(window, control.rect().topLeft()))
        if not _scrolled(control) and not frame.contains(box):
            problems.append(f"'{_text(control)}' is partly off the window")
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
                problems.append(f"'{_text(first)}' overlaps '{_text(second)}'")
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


def cut_by_their_box(root: QWidget) -> list[str]:
    """Visible texts and controls running past the side of the box they sit in.

    The box (a card, a row) cuts them there. Scrolled content is its scroll area's business.
    """
    cut = []
    for widget in root.findChildren(QWidget):
        parent = widget.parentWidget()
        if not isinstance(widget, (QLabel, *CONTROLS)) or not widget.isVisible() \
                or parent is None or parent is root.parentWidget() or _inside_control(widget):
            continue
        holder = parent.parentWidget()
        if isinstance(holder, QAbstractScrollArea) and parent is holder.viewport():
            continue
        box = widget.geometry()
        if box.left() < -1 or box.right() > parent.width() + 1:
            cut.append(f"'{_text(widget) or type(widget).__name__}' runs "
                       f"{max(-box.left(), box.right() + 1 - parent.width())}px past the side "
                       f"of its {type(parent).__name__}")
    return cut


def _inside_control(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, CONTROLS):
            return True
        parent = parent.parentWidget()
    return False


def dialog_problems(dialog: QWidget, screen: QSize) -> list[str]:
    """A dialog on a screen of `screen` pixels: no bigger than the screen even at its smallest,
    and nothing in it cut or overlapping at the size it opens at, held to the screen as the
    window system does."""
    need = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    problems = []
    if need.width() > screen.width() or need.height() > screen.height():
        problems.append(f"the dialog needs {need.width()}x{need.height()}px, more than the "
                        f"{screen.width()}x{screen.height()}px screen")
    if dialog.size().boundedTo(screen) != dialog.size():
        dialog.resize(dialog.size().boundedTo(screen))
        QApplication.processEvents()
    return problems + screen_problems(dialog)
