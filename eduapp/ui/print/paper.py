"""Paper for everything eduapp prints: the clinic's page size and margins, to PDF or printer."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import (
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QComboBox, QWidget

from eduapp.ui.theme import HIGH_CONTRAST, PALETTE, stylesheet

PAGE_SIZES = {"letter": QPageSize.PageSizeId.Letter, "a4": QPageSize.PageSizeId.A4}
MARGIN_PT = 48


def page_layout(paper: str) -> QPageLayout:
    """Portrait pages of the clinic's paper ("letter" or "a4") with even margins."""
    size = QPageSize(PAGE_SIZES.get(paper, PAGE_SIZES["letter"]))
    margins = QMarginsF(MARGIN_PT, MARGIN_PT, MARGIN_PT, MARGIN_PT)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Point)


def pdf_writer(path: Path, paper: str, title: str) -> QPdfWriter:
    """A 300 dpi PDF writer on the clinic's paper."""
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("eduapp")
    writer.setPageLayout(page_layout(paper))
    writer.setResolution(300)
    return writer


def printer(paper: str) -> QPrinter:
    """A printer set to the clinic's paper; the print dialog may still change it."""
    device = QPrinter(QPrinter.PrinterMode.HighResolution)
    device.setPageLayout(page_layout(paper))
    return device


def paged_document(device: QPagedPaintDevice, point_size: int, style: str) -> QTextDocument:
    """An empty document laid out for `device`'s page, in eduapp's font at `point_size`."""
    from eduapp.ui.theme import FONT_FAMILY

    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    font = QFont(FONT_FAMILY)
    font.setPointSize(point_size)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(style)
    rect = device.pageLayout().paintRectPixels(device.logicalDpiX())
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    return document


Option = TypeVar("Option")


def one_page(make: Callable[[Option], QTextDocument], options: Iterable[Option]) -> QTextDocument:
    """The first document made from `options` that fits one page; else the last one made.

    The options go from fullest (largest type, every detail) to barest: a page only shrinks as
    far as it must.
    """
    document: QTextDocument | None = None
    for option in options:
        document = make(option)
        if document.pageCount() == 1:
            return document
    if document is None:
        raise ValueError("no way to lay out the page was given")
    return document


def type_sizes(largest: int, smallest: int) -> range:
    """Point sizes from `largest` down to `smallest`, both included."""
    return range(largest, smallest - 1, -1)


def print_dialog(device: QPrinter, title: str, parent: QWidget) -> QPrintDialog:
    """The system's printing dialog, at the system's text size in the window's contrast.

    On Windows and macOS it is the system's own; on Linux it is Qt's, which is not made for
    the largest text (it would not fit a portrait tablet), so it is shown as the system's
    would be: normal text, whatever the text size chosen for the pages.
    """
    dialog = QPrintDialog(device, parent)
    dialog.setWindowTitle(title)
    contrast = bool(getattr(parent.window(), "high_contrast", False))
    dialog.setStyleSheet(stylesheet(0, HIGH_CONTRAST if contrast else PALETTE))
    for choice in dialog.findChildren(QComboBox):  # the printer's name, never cut
        choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return dialog

