"""The day-of plan: the clock times a patient needs, worked out from the appointment time.

Patients should not have to count back from their appointment (PEMAT: no calculations), so
from the clinic's `no_food_hours`, `clear_liquids_hours` and `arrival_minutes` this gives
the times themselves: when solid food stops, when clear liquids stop, when to arrive, and
whether each falls on the day before. Facts only; the interface words them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from eduapp.core.clinic import SettingProblem, timing_problems

SESSION_MODULE = "your-infusion-session"  # its checklist is for one session: its day plan
_DAY = date(2000, 1, 2)  # any day: only the time and "the day before" are kept


class Step(StrEnum):
    """One line of the plan, in the order of the day."""

    NO_FOOD = "no-food"  # no solid food after this time
    CLEAR_LIQUIDS = "clear-liquids"  # clear liquids only until this time
    ARRIVE = "arrive"  # arrive by this time
    SESSION = "session"  # the appointment itself


@dataclass(frozen=True)
class PlanTime:
    """A step at a clock time; `day_before` when it falls on the day before the session."""

    step: Step
    at: time
    day_before: bool = False


@dataclass(frozen=True)
class DayPlan:
    """The plan for one appointment: its steps in clock order, the session last."""

    appointment: time
    steps: tuple[PlanTime, ...]


class DayPlanError(ValueError):
    """The clinic settings cannot give a plan: `problems` says which, and what each must be."""

    def __init__(self, problems: Mapping[str, SettingProblem]) -> None:
        super().__init__("the day-of plan needs whole-number settings: " + ", ".join(
            f"{key} ({why.must})" for key, why in problems.items()))
        self.problems = dict(problems)


def parse_time(text: str) -> time | None:
    """A time of day written HH:MM on a 24-hour clock ("9:30", "14:05"), else None."""
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", text)
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    return time(hour, minute) if hour < 24 and minute < 60 else None


def day_plan(appointment: time, values: Mapping[str, str]) -> DayPlan:
    """The plan for a session at `appointment` with the clinic's placeholder `values`.

    A setting of 0 (no fasting rule, or no need to come early) leaves its step out. Raises
    DayPlanError when a setting is missing or not a whole number in its range.
    """
    problems = timing_problems(values)
    if problems:
        raise DayPlanError(problems)
    start = datetime.combine(_DAY, appointment)
    before = ((Step.NO_FOOD, timedelta(hours=int(values["no_food_hours"]))),
              (Step.CLEAR_LIQUIDS, timedelta(hours=int(values["clear_liquids_hours"]))),
              (Step.ARRIVE, timedelta(minutes=int(values["arrival_minutes"]))))
    moments = sorted(((start - span, step) for step, span in before if span),
                     key=lambda pair: pair[0])  # a long arrival may come before liquids end
    steps = [PlanTime(step, moment.time(), moment.date() < _DAY) for moment, step in moments]
    steps.append(PlanTime(Step.SESSION, appointment))
    return DayPlan(appointment, tuple(steps))
