"""The day-of plan: the clock times a patient is given, from the appointment and the settings.

What a patient relies on: the times are right to the minute, a time on the evening before is
marked as the day before, and broken settings give a clear problem instead of a wrong plan.
"""

from __future__ import annotations

from datetime import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eduapp.core.clinic import Must, load_settings
from eduapp.core.day_plan import DayPlanError, PlanTime, Step, day_plan, parse_time
from tests.content_fixtures import RESOURCES

SHIPPED = {"no_food_hours": "8", "clear_liquids_hours": "2", "arrival_minutes": "30"}


def test_a_10_am_session_with_the_shipped_settings() -> None:
    assert load_settings(RESOURCES, None).values.items() >= SHIPPED.items()
    plan = day_plan(time(10, 0), SHIPPED)
    assert plan.appointment == time(10, 0)
    assert plan.steps == (PlanTime(Step.NO_FOOD, time(2, 0)),
                          PlanTime(Step.CLEAR_LIQUIDS, time(8, 0)),
                          PlanTime(Step.ARRIVE, time(9, 30)),
                          PlanTime(Step.SESSION, time(10, 0)))


def test_a_7_am_session_stops_food_at_11_pm_the_day_before() -> None:
    plan = day_plan(time(7, 0), SHIPPED)
    assert plan.steps[0] == PlanTime(Step.NO_FOOD, time(23, 0), day_before=True)
    assert plan.steps[1] == PlanTime(Step.CLEAR_LIQUIDS, time(5, 0))
    assert plan.steps[2] == PlanTime(Step.ARRIVE, time(6, 30))


@pytest.mark.parametrize(("appointment", "food", "before"), [
    (time(8, 0), time(0, 0), False),  # exactly midnight: the same day
    (time(7, 59), time(23, 59), True),  # a minute earlier: the day before
    (time(0, 0), time(16, 0), True),  # a session at midnight
])
def test_the_midnight_boundary(appointment: time, food: time, before: bool) -> None:
    assert day_plan(appointment, SHIPPED).steps[0] == PlanTime(Step.NO_FOOD, food, before)


def test_an_early_arrival_crosses_midnight_too() -> None:
    plan = day_plan(time(0, 15), {**SHIPPED, "arrival_minutes": "30"})
    assert PlanTime(Step.ARRIVE, time(23, 45), day_before=True) in plan.steps
    assert plan.steps[-1] == PlanTime(Step.SESSION, time(0, 15))


def test_the_widest_settings_reach_the_same_time_the_day_before() -> None:
    plan = day_plan(time(9, 0), {"no_food_hours": "24", "clear_liquids_hours": "24",
                                 "arrival_minutes": "240"})
    assert plan.steps == (PlanTime(Step.NO_FOOD, time(9, 0), True),
                          PlanTime(Step.CLEAR_LIQUIDS, time(9, 0), True),
                          PlanTime(Step.ARRIVE, time(5, 0)),
                          PlanTime(Step.SESSION, time(9, 0)))


def test_a_setting_of_zero_leaves_its_step_out() -> None:
    plan = day_plan(time(10, 0), {"no_food_hours": "6", "clear_liquids_hours": "0",
                                  "arrival_minutes": "0"})
    assert [s.step for s in plan.steps] == [Step.NO_FOOD, Step.SESSION]


def test_steps_stay_in_clock_order_when_arrival_comes_before_liquids_end() -> None:
    plan = day_plan(time(12, 0), {**SHIPPED, "arrival_minutes": "180"})
    assert [s.step for s in plan.steps] == [Step.NO_FOOD, Step.ARRIVE, Step.CLEAR_LIQUIDS,
                                            Step.SESSION]


@pytest.mark.parametrize(("values", "key", "must"), [
    ({**SHIPPED, "no_food_hours": "eight"}, "no_food_hours", Must.WHOLE_HOURS),
    ({**SHIPPED, "no_food_hours": "6.5"}, "no_food_hours", Must.WHOLE_HOURS),
    ({**SHIPPED, "clear_liquids_hours": "25"}, "clear_liquids_hours", Must.WHOLE_HOURS),
    ({**SHIPPED, "arrival_minutes": "-5"}, "arrival_minutes", Must.WHOLE_MINUTES),
    ({"no_food_hours": "8", "clear_liquids_hours": "2"}, "arrival_minutes", Must.WHOLE_MINUTES),
    ({**SHIPPED, "clear_liquids_hours": "9"}, "clear_liquids_hours", Must.LIQUIDS_BEFORE_FOOD),
])
def test_settings_that_cannot_give_a_plan_are_a_clear_problem(
        values: dict[str, str], key: str, must: Must) -> None:
    with pytest.raises(DayPlanError) as raised:
        day_plan(time(10, 0), values)
    assert list(raised.value.problems) == [key]
    assert raised.value.problems[key].must == must
    assert key in str(raised.value)


@given(hour=st.integers(0, 23), minute=st.integers(0, 59), food=st.integers(0, 24),
       liquids=st.integers(0, 24), arrive=st.integers(0, 240))
def test_every_step_is_its_span_before_the_session(hour: int, minute: int, food: int,
                                                   liquids: int, arrive: int) -> None:
    values = {"no_food_hours": str(max(food, liquids)), "clear_liquids_hours": str(liquids),
              "arrival_minutes": str(arrive)}
    plan = day_plan(time(hour, minute), values)
    session = hour * 60 + minute
    spans = {Step.NO_FOOD: max(food, liquids) * 60, Step.CLEAR_LIQUIDS: liquids * 60,
             Step.ARRIVE: arrive, Step.SESSION: 0}
    for s in plan.steps:
        clock = s.at.hour * 60 + s.at.minute - (24 * 60 if s.day_before else 0)
        assert session - clock == spans[s.step]
    assert plan.steps[-1].step == Step.SESSION


@pytest.mark.parametrize(("text", "expected"), [
    ("9:30", time(9, 30)), ("09:30", time(9, 30)), ("14:05", time(14, 5)),
    ("0:00", time(0, 0)), ("23:59", time(23, 59)), (" 7:00 ", time(7, 0)),
    ("24:00", None), ("9:60", None), ("9.30", None), ("930", None), ("9:3", None), ("", None),
])
def test_appointment_times_are_read_as_hh_mm(text: str, expected: time | None) -> None:
    assert parse_time(text) == expected
