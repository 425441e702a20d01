"""One session's summary as HTML: the same builder for the paper page and the Today tab.

Both show the session's facts, each module's scores and how its quiz ended, the objectives
to discuss with their teach-back prompts, and how every objective went. The page adds the
clinic's name, a title and the note that the session is anonymous; the Today tab adds every
answer given, under the first-pass question it was given for.
"""

from __future__ import annotations

from enum import IntEnum
from html import escape

from eduapp.core.analytics import AttemptSummary, SessionSummary
from eduapp.core.content.model import Question
from eduapp.core.quiz import Mastery
from eduapp.ui.i18n import language_name, long_date, time_range, tr
from eduapp.ui.theme import PALETTE
from eduapp.ui.wording import attempt_status, discuss_prompts, mastery_text


class Detail(IntEnum):
    """How much of the session to show, each level adding to the one before."""

    SCORES = 0  # each module's scores and what to discuss (a page short of room)
    OBJECTIVES = 1  # and how every objective went (the page)
    ANSWERS = 2  # and every answer given (the Today tab)


def summary_html(session: SessionSummary, *, clinic_name: str | None = None,
                 detail: Detail = Detail.OBJECTIVES, prompts: int | None = None,
                 mark: str = "") -> str:
    """The summary of `session`; a page when `clinic_name` is given.

    `prompts`: at most that many teach-back prompts for each objective to discuss; `mark`:
    put before each of those objectives (the flag of the Today tab's list).
    """
    parts = []
    if clinic_name is not None:
        parts += [f"<p style='color:{PALETTE.muted}'>{escape(clinic_name)}</p>",
                  "<h1>" + escape(tr("Patient education summary")) + "</h1>"]
    parts += [_facts(session), _h2(tr("Modules"))]
    if not session.attempts:
        parts.append("<p>" + escape(tr("No quiz was taken in this session.")) + "</p>")
    else:
        parts += [_scores(session), _h2(tr("To discuss")), _discuss(session, prompts, mark)]
        if detail is Detail.SCORES:
            parts.append(f"<p style='color:{PALETTE.muted}; margin-top:10px'>" + escape(
                tr("Left out to fit one page: the result of every objective.")) + "</p>")
        else:
            parts += [_h2(tr("Learning objectives")), _objectives(session)]
        if detail is Detail.ANSWERS:
            parts += [_h2(tr("Answers"))] + [_answers(a) for a in session.attempts]
    if clinic_name is not None:
        parts.append(f"<p style='color:{PALETTE.muted}; margin-top:18px'>" + escape(
            tr("Anonymous session: no name or birth date is stored.")) + "</p>")
    return "".join(parts)


def summary_css(point_size: int | None = None) -> str:
    """The summary's style sheet, with the page's type sizes at `point_size`.

    Without it (the Today tab), the headings are sized from the reader's own text size.
    """
    def size(scale: float, word: str) -> str:
        return f"font-size: {round(point_size * scale)}pt" if point_size else f"font-size: {word}"

    return (f"h1 {{ {size(1.7, 'x-large')}; margin-bottom: 6pt; color: {PALETTE.ink}; }}"
            f"h2 {{ {size(1.25, 'large')}; margin-top: 12pt; margin-bottom: 4pt; "
            f"color: {PALETTE.primary_dark}; }}"
            f"h3 {{ {size(1.05, 'medium')}; margin-top: 10pt; margin-bottom: 2pt; "
            f"color: {PALETTE.primary_dark}; }}"
            f"p {{ margin-top: 3pt; margin-bottom: 3pt; color: {PALETTE.ink}; }}")


def _h2(text: str) -> str:
    return f"<h2>{escape(text)}</h2>"


def _cell() -> str:
    return f"style='border-bottom:1px solid {PALETTE.border}'"


def _head() -> str:
    return f"style='color:{PALETTE.muted}; text-align:left'"


def _table() -> str:
    return "<table width='100%' cellspacing='0' cellpadding='3'>"


def _facts(session: SessionSummary) -> str:
    """When, the visit code, the language and the session's number, as a small table."""
    day = long_date(session.started_at.astimezone().date())
    when = f"{day}, {time_range(session.started_at, session.last_activity)}"
    code = escape(session.visit_code) if session.visit_code else (
        f"<span style='color:{PALETTE.muted}'>" + escape(tr("No visit code")) + "</span>")
    rows = ((tr("Date"), escape(when)), (tr("Visit code"), f"<b>{code}</b>"),
            (tr("Language"), escape(language_name(session.language))),
            (tr("Session"), f"#{session.id}"))
    return ("<table cellspacing='0' cellpadding='3'>"
            + "".join(f"<tr><td {_head()} width='90'>{escape(name)}</td>"
                      f"<td {_cell()}>{value}</td></tr>" for name, value in rows)
            + "</table>")


def _scores(session: SessionSummary) -> str:
    """Each quiz taken: first-try and final scores, and how it ended."""
    columns = (tr("Module"), tr("First try"), tr("Final"), tr("Result"))
    parts = [_table() + "<tr>" + "".join(f"<th {_head()}>{escape(t)}</th>" for t in columns)
             + "</tr>"]
    for a in session.attempts:
        r = a.results
        parts.append(
            f"<tr><td {_cell()}>{escape(a.module.title)}</td>"
            f"<td {_cell()}>{r.first_try_right}/{r.total} ({r.first_try_percent}%)</td>"
            f"<td {_cell()}><b>{r.final_right}/{r.total} ({r.final_percent}%)</b></td>"
            f"<td {_cell()}>{escape(attempt_status(a))}</td></tr>")
    return "".join(parts) + "</table>"


def _discuss(session: SessionSummary, prompts: int | None, mark: str) -> str:
    """Each objective not yet understood, its module and its teach-back prompts."""
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


def _objectives(session: SessionSummary) -> str:
    """How each objective went in the latest quiz of each module."""
    parts = [_table()]
    latest = {a.module.id: a for a in session.attempts if a.answers}
    for a in latest.values():
        parts.append(f"<tr><td colspan='2' {_head()}><b>{escape(a.module.title)}</b></td></tr>")
        for objective, level in a.results.objectives:
            parts.append(f"<tr><td {_cell()}>{escape(objective.text)}</td>"
                         f"<td {_cell()} width='28%'>{_mastery(level)}</td></tr>")
    return "".join(parts) + "</table>"


def _mastery(level: Mastery) -> str:
    color = {Mastery.FIRST_TRY: PALETTE.right, Mastery.AFTER_REVIEW: PALETTE.ink,
             Mastery.NOT_YET: PALETTE.wrong}[level]
    weight = "font-weight:bold;" if level is Mastery.NOT_YET else ""
    return f"<span style='color:{color};{weight}'>{escape(mastery_text(level))}</span>"


def _answers(a: AttemptSummary) -> str:
    """A quiz's answers: each first-pass question, with the re-asks made for it."""
    questions = {q.id: q for q in a.module.questions}
    order = [q.id for q in a.module.questions]
    answered = sorted({x.item for x in a.answers},
                      key=lambda qid: order.index(qid) if qid in order else len(order))
    rows = []
    for question_id in answered:
        question = questions.get(question_id)
        text = question.text if question else question_id
        rows.append(f"<tr><td colspan='3' style='padding-top:10px'><b>{escape(text)}</b>"
                    "</td></tr>")
        for answer in (x for x in a.answers if x.item == question_id):
            verdict = (f"<span style='color:{PALETTE.right}; font-weight:bold'>✓ "
                       + escape(tr("Right")) + "</span>" if answer.right else
                       f"<span style='color:{PALETTE.wrong}; font-weight:bold'>✗ "
                       + escape(tr("Wrong")) + "</span>")
            attempt = (tr("Retry (try %1)").replace("%1", str(answer.try_number))
                       if answer.is_reask or answer.try_number > 1 else tr("First try"))
            asked = questions.get(answer.question_id)
            chosen = escape("; ".join(_choice_texts(asked, answer.chosen)))
            if answer.question_id != question_id:  # asked again with another question
                other = tr("Asked instead: %1").replace(
                    "%1", asked.text if asked else answer.question_id)
                chosen = f"<i style='color:{PALETTE.muted}'>{escape(other)}</i><br>{chosen}"
            rows.append(f"<tr><td width='96'>{verdict}</td>"
                        f"<td width='130' style='color:{PALETTE.muted}'>{escape(attempt)}</td>"
                        f"<td>{chosen}</td></tr>")
    heading = f"<h3>{escape(a.module.title)}</h3>"
    if not rows:
        return heading
    return heading + _table() + "".join(rows) + "</table>"


def _choice_texts(question: Question | None, chosen: frozenset[str]) -> list[str]:
    """The chosen choices' texts in the question's order; ids no longer in the content last."""
    if question is None:
        return sorted(chosen)
    known = [c.text for c in question.choices if c.id in chosen]
    ids = {c.id for c in question.choices}
    return known + sorted(c for c in chosen if c not in ids)
