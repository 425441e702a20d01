"""The session summary a clinician files or hands over: one page per session, as PDF.

Each page: the date and time, the visit code (or "No visit code"), each module's first-try
and final scores, how each learning objective went, and the objectives to discuss, each
with a teach-back prompt from the clinician notes. Made with QTextDocument drawn page by
page, so every session gets exactly one page; the type shrinks only as far as needed.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import (
    QPagedPaintDevice,
    QPainter,
    QTextDocument,
)

from eduapp.core.analytics import SessionSummary
from eduapp.core.quiz import Mastery
from eduapp.ui.i18n import language_name, long_date, time_range, tr
from eduapp.ui.print.paper import one_page, paged_document, pdf_writer, type_sizes
from eduapp.ui.theme import PALETTE
from eduapp.ui.wording import attempt_status, discuss_prompts

LARGEST_PT, SMALLEST_PT = 11, 7


def _mastery(level: Mastery) -> str:
    color = {Mastery.FIRST_TRY: PALETTE.right, Mastery.AFTER_REVIEW: PALETTE.ink,
             Mastery.NOT_YET: PALETTE.wrong}[level]
    text = {Mastery.FIRST_TRY: tr("Understood on first try"),
            Mastery.AFTER_REVIEW: tr("Understood after review"),
            Mastery.NOT_YET: tr("Not yet: discuss")}[level]
    weight = "font-weight:bold;" if level is Mastery.NOT_YET else ""
    return f"<span style='color:{color};{weight}'>{escape(text)}</span>"


def summary_html(session: SessionSummary, clinic_name: str, *, detail: bool = True,
                 prompts: int | None = None) -> str:
    """One session's page as HTML; shorter without `detail` or with fewer `prompts` each."""
    day = long_date(session.started_at.astimezone().date())
    when = f"{day}, {time_range(session.started_at, session.last_activity)}"
    label = escape(session.visit_code) if session.visit_code else (
        f"<span style='color:{PALETTE.muted}'>" + escape(tr("No visit code")) + "</span>")
    language = language_name(session.language)
    cell = f"style='border-bottom:1px solid {PALETTE.border}'"
    head = f"style='color:{PALETTE.muted}; text-align:left'"
    table = "<table width='100%' cellspacing='0' cellpadding='3'>"
    parts = [
        f"<p style='color:{PALETTE.muted}'>{escape(clinic_name)}</p>",
        "<h1>" + escape(tr("Patient education summary")) + "</h1>",
        "<table cellspacing='0' cellpadding='3'>",
        f"<tr><td {head} width='90'>" + escape(tr("Date"))
        + f"</td><td {cell}>{escape(when)}</td></tr>",
        f"<tr><td {head}>" + escape(tr("Visit code")) + f"</td><td {cell}><b>{label}</b></td></tr>",
        f"<tr><td {head}>" + escape(tr("Language"))
        + f"</td><td {cell}>{escape(language)}</td></tr>",
        f"<tr><td {head}>" + escape(tr("Session")) + f"</td><td {cell}>#{session.id}</td></tr>",
        "</table>",
        "<h2>" + escape(tr("Modules")) + "</h2>",
    ]
    if not session.attempts:
        parts.append("<p>" + escape(tr("No quiz was taken in this session.")) + "</p>")
        parts.append(_footer())
        return "".join(parts)
    columns = (tr("Module"), tr("First try"), tr("Final"), tr("Result"))
    parts.append(f"{table}<tr>" + "".join(f"<th {head}>{escape(t)}</th>" for t in columns)
                 + "</tr>")
    for a in session.attempts:
        r = a.results
        parts.append(
            f"<tr><td {cell}>{escape(a.module.title)}</td>"
            f"<td {cell}>{r.first_try_right}/{r.total} ({r.first_try_percent}%)</td>"
            f"<td {cell}><b>{r.final_right}/{r.total} ({r.final_percent}%)</b></td>"
            f"<td {cell}>{escape(attempt_status(a))}</td></tr>")
    parts.append("</table>")
    parts.append("<h2>" + escape(tr("To discuss")) + "</h2>")
    parts.append(discuss_html(session, prompts=prompts))
    if not detail:
        parts.append(f"<p style='color:{PALETTE.muted}; margin-top:10px'>"
                     + escape(tr("Left out to fit one page: the result of every objective."))
                     + "</p>")
        parts.append(_footer())
        return "".join(parts)
    parts.append("<h2>" + escape(tr("Learning objectives")) + "</h2>")
    parts.append(table)
    latest = {a.module.id: a for a in session.attempts if a.answers}
    for a in latest.values():
        parts.append(f"<tr><td colspan='2' {head}><b>{escape(a.module.title)}</b></td></tr>")
        for objective, level in a.results.objectives:
            parts.append(f"<tr><td {cell}>{escape(objective.text)}</td>"
                         f"<td {cell} width='28%'>{_mastery(level)}</td></tr>")
    parts.append("</table>")
    parts.append(_footer())
    return "".join(parts)


def discuss_html(session: SessionSummary, *, prompts: int | None = None, mark: str = "") -> str:
    """What to talk about, on the page and in the Today tab alike.

    Each objective not yet understood, its module and its teach-back prompts (the first
    `prompts` of them).
    """
    if not session.attempts:
        return "<p>" + escape(tr("No quiz was taken in this session.")) + "</p>"
    if not session.to_discuss:
        return (f"<p style='color:{PALETTE.right}; font-weight:bold'>"
                + escape(tr("Nothing: every objective quizzed was understood.")) + "</p>")
    parts = []
    for item in session.to_discuss:
        talk = tr("Talk about: %1").replace("%1", item.objective.text)
        parts.append(f"<p style='margin-top:8px; margin-bottom:1px; color:{PALETTE.wrong}'>"
                     f"<b>{escape(f'{mark} {talk}'.strip())}</b> "
                     f"<span style='color:{PALETTE.muted}'>({escape(item.module.title)})</span>"
                     "</p>")
        parts += [f"<p style='margin-top:1px; margin-left:24px'>"
                  f"<span style='color:{PALETTE.primary_dark}'>" + escape(tr("Teach-back:"))
                  + f"</span> {escape(prompt)}</p>"
                  for prompt in discuss_prompts(item)[:prompts]]
    return "".join(parts)


def _footer() -> str:
    return (f"<p style='color:{PALETTE.muted}; margin-top:18px'>"
            + escape(tr("Anonymous session: no name or birth date is stored.")) + "</p>")


def summary_document(session: SessionSummary, clinic_name: str, device: QPagedPaintDevice,
                     point_size: int, *, detail: bool = True, prompts: int | None = None
                     ) -> QTextDocument:
    """One session's page at one type size, laid out for the page of `device`."""
    document = paged_document(
        device, point_size,
        f"h1 {{ font-size: {round(point_size * 1.7)}pt; margin-bottom: 6pt; "
        f"color: {PALETTE.ink}; }}"
        f"h2 {{ font-size: {round(point_size * 1.25)}pt; margin-top: 12pt; margin-bottom: 4pt; "
        f"color: {PALETTE.primary_dark}; }}"
        f"p {{ margin-top: 3pt; margin-bottom: 3pt; color: {PALETTE.ink}; }}")
    document.setHtml(summary_html(session, clinic_name, detail=detail, prompts=prompts))
    return document


def _fit(session: SessionSummary, clinic_name: str, device: QPagedPaintDevice) -> QTextDocument:
    """The fullest page that fits: smaller type first, then less detail, then one prompt."""
    tries: list[tuple[int, bool, int | None]] = [
        (size, True, None) for size in type_sizes(LARGEST_PT, SMALLEST_PT + 1)]
    tries += [(size, False, None) for size in type_sizes(LARGEST_PT, SMALLEST_PT)]
    tries += [(size, False, 1) for size in type_sizes(LARGEST_PT, SMALLEST_PT)]
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
