"""Paper for everything eduapp prints: the clinic's page size and margins, to PDF or printer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import (
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

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
    rect = device.pageLayout().paintRectPixels(device.resolution())
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    return document
