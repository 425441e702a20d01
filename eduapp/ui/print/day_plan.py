"""The "My day" box of the session checklist: the day-of plan's clock times, in words.

The core works out the times (eduapp.core.day_plan); this words each step in the patient's
language and writes each time as that language's locale does ("6:00 AM", "6:00").
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import time
from html import escape

from PySide6.QtCore import QCoreApplication

from eduapp.core.day_plan import DayPlan, DayPlanError, Step, day_plan
from eduapp.ui.i18n import clock_time
from eduapp.ui.theme import PALETTE

log = logging.getLogger(__name__)


def plan_for(appointment: time | None, values: Mapping[str, str]) -> DayPlan | None:
    """The plan for `appointment` with the clinic's values; None without a time.

    Settings the plan cannot use (`eduapp check` names them) give None too: the sheet is
    then printed with its blank time line, never with wrong times.
    """
    if appointment is None:
        return None
    try:
        return day_plan(appointment, values)
    except DayPlanError as err:
        log.warning("the checklist is printed without its day-of plan: %s", err)
        return None


def step_text(step: Step) -> str:
    """What the patient does at a step's time (the session's own time is worded apart)."""
    if step is Step.NO_FOOD:
        return QCoreApplication.translate("checklist", "No solid food after this time.")
    if step is Step.CLEAR_LIQUIDS:
        return QCoreApplication.translate("checklist", "Clear liquids only until this time.")
    return QCoreApplication.translate("checklist", "Arrive at the clinic by this time.")


def day_plan_html(plan: DayPlan) -> str:
    """The box: a heading, then one line per step, its clock time first, in bold.

    The session itself is left out: the "My session" line just above has its time.
    """
    title = QCoreApplication.translate("checklist", "My day")
    lines = [f"<b>{escape(title)}</b>"]
    for step in plan.steps:
        if step.step is Step.SESSION:
            continue
        when = clock_time(step.at)
        if step.day_before:
            when = QCoreApplication.translate("checklist", "%1, the day before").replace(
                "%1", when)
        lines.append(f"<b>{escape(when)}:</b> {escape(step_text(step.step))}")
    return (f"<table width='100%' border='1' cellspacing='0' cellpadding='8' "
            f"style='border-color:{PALETTE.ink}; border-style:solid'><tr><td>"
            + "<br>".join(lines) + "</td></tr></table>")
