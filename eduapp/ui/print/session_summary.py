"""The session summary a clinician files or hands over: one page per session, as PDF.

Each page: the date and time, the visit code (or "No visit code"), each module's first-try
and final scores, how each learning objective went, and the objectives to discuss, each
with a teach-back prompt from the clinician notes. Made with QTextDocument drawn page by
page, so every session gets exactly one page; the type shrinks only as far as needed. The
HTML is `summary_html`'s, which builds the Today tab's details too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPagedPaintDevice, QPainter, QTextDocument

from eduapp.core.analytics import SessionSummary
from eduapp.ui.i18n import tr
from eduapp.ui.print.paper import one_page, paged_document, pdf_writer, type_sizes
from eduapp.ui.print.summary_html import Detail, summary_css, summary_html

LARGEST_PT, SMALLEST_PT = 11, 7


def summary_document(session: SessionSummary, clinic_name: str, device: QPagedPaintDevice,
                     point_size: int, *, detail: Detail = Detail.OBJECTIVES,
                     prompts: int | None = None) -> QTextDocument:
    """One session's page at one type size, laid out for the page of `device`."""
    document = paged_document(device, point_size, summary_css(point_size))
    document.setHtml(summary_html(session, clinic_name=clinic_name, detail=detail,
                                  prompts=prompts))
    return document


def _fit(session: SessionSummary, clinic_name: str, device: QPagedPaintDevice) -> QTextDocument:
    """The fullest page that fits: smaller type first, then less detail, then one prompt."""
    tries: list[tuple[int, Detail, int | None]] = [
        (size, Detail.OBJECTIVES, None) for size in type_sizes(LARGEST_PT, SMALLEST_PT + 1)]
    tries += [(size, Detail.SCORES, None) for size in type_sizes(LARGEST_PT, SMALLEST_PT)]
    tries += [(size, Detail.SCORES, 1) for size in type_sizes(LARGEST_PT, SMALLEST_PT)]
    # the last, if still too long, is cut off at the foot of the page; never a second page
    return one_page(lambda t: summary_document(session, clinic_name, device, t[0],
                                               detail=t[1], prompts=t[2]), tries)


def paint_summaries(sessions: list[SessionSummary], clinic_name: str,
                    device: QPagedPaintDevice) -> int:
    """Draw one page per session on a PDF writer or a printer; returns the pages drawn."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the page device cannot be drawn on")
    try:
        for number, session in enumerate(sessions):
            if number:
                device.newPage()
            document = _fit(session, clinic_name, device)
            size = document.pageSize()
            document.drawContents(painter, QRectF(0, 0, size.width(), size.height()))
    finally:
        painter.end()
    return len(sessions)


def write_summary_pdf(sessions: list[SessionSummary], clinic_name: str, path: Path,
                      paper: str = "letter") -> int:
    """Write the summaries as a PDF file; returns the number of pages."""
    writer = pdf_writer(path, paper, tr("Patient education summary"))
    return paint_summaries(sessions, clinic_name, writer)
