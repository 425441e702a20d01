"""The printable checklist: a module's checklist screen on one page, in large type.

Made with QTextDocument, so the same document goes to a PDF file or to the system print
dialog. List items get a box to tick. The type starts large and shrinks only as far as
needed to keep everything on one page. Given the day-of plan of an appointment, the session's
sheet has its time and a "My day" box with the clock times to stop eating and to arrive.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import (
    QPagedPaintDevice,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QWidget

from eduapp.core.content.markup import markdown_html
from eduapp.core.content.model import Module
from eduapp.core.day_plan import SESSION_MODULE, DayPlan
from eduapp.ui.i18n import clock_time
from eduapp.ui.print.day_plan import day_plan_html
from eduapp.ui.print.paper import (
    one_page,
    paged_document,
    pdf_writer,
    print_dialog,
    printer,
    type_sizes,
)
from eduapp.ui.theme import PALETTE

LARGEST_PT, SMALLEST_PT = 17, 12  # with a day plan's box, one size smaller when it must


def checklist_html(module: Module, clinic_name: str, plan: DayPlan | None = None) -> str:
    """The printout as HTML: clinic, title, and the checklist screen's text.

    The session's checklist also has a line for the session's date and time (the time
    filled in from `plan`, with its "My day" box below); the other modules' sheets (goals,
    questions) do not.
    """
    if module.checklist is None:
        raise ValueError(f"module '{module.id}' has no checklist")
    screen = module.screen(module.checklist)
    body = re.sub(r"<p><strong>(.*?)</strong></p>", r"<h2>\1</h2>", markdown_html(screen.markdown))
    when = ""
    if module.id == SESSION_MODULE:
        at = clock_time(plan.appointment) if plan is not None else "_" * 10
        when = "<p>" + escape(QCoreApplication.translate(
            "checklist", "My session: date %1  time %2").replace("%1", "_" * 14).replace(
            "%2", at)) + "</p>"
        if plan is not None:
            when += day_plan_html(plan)
    return (f"<p style='color:{PALETTE.muted}'>{escape(clinic_name)}</p>"
            f"<h1>{escape(screen.title)}</h1>{when}{body}")


def checklist_document(module: Module, clinic_name: str, device: QPagedPaintDevice,
                       point_size: int, plan: DayPlan | None = None) -> QTextDocument:
    """The document at one type size, laid out for the page of `device` (printer or PDF)."""
    document = paged_document(
        device, point_size,
        f"h1 {{ font-size: {round(point_size * 1.5)}pt; margin-bottom: 8pt; }}"
        f"h2 {{ font-size: {round(point_size * 1.15)}pt; margin-top: 14pt; margin-bottom: 4pt; }}"
        f"p {{ margin-top: 6pt; margin-bottom: 4pt; }} li {{ margin-bottom: 3pt; }}")
    document.setHtml(checklist_html(module, clinic_name, plan))
    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():  # every list item gets a box to tick
        if block.textList() is not None:
            cursor.setPosition(block.position())
            fmt = block.blockFormat()
            fmt.setMarker(QTextBlockFormat.MarkerType.Unchecked)
            cursor.setBlockFormat(fmt)
        block = block.next()
    return document


def _fit(module: Module, clinic_name: str, device: QPagedPaintDevice,
         plan: DayPlan | None) -> QTextDocument:
    smallest = SMALLEST_PT if plan is None else SMALLEST_PT - 1
    return one_page(lambda size: checklist_document(module, clinic_name, device, size, plan),
                    type_sizes(LARGEST_PT, smallest))


def write_pdf(module: Module, clinic_name: str, path: Path, paper: str = "letter",
              plan: DayPlan | None = None) -> int:
    """Write the one-page PDF; returns the number of pages written."""
    title = module.screen(module.checklist).title if module.checklist else ""
    writer = pdf_writer(path, paper, title)
    document = _fit(module, clinic_name, writer, plan)
    document.print_(writer)
    return document.pageCount()


def print_checklist(module: Module, clinic_name: str, paper: str, parent: QWidget,
                    plan: DayPlan | None = None) -> bool:
    """Open the system print dialog; True if it was printed."""
    device = printer(paper)
    dialog = print_dialog(device, QCoreApplication.translate("checklist", "Print my checklist"),
                          parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    _fit(module, clinic_name, device, plan).print_(device)
    return True
