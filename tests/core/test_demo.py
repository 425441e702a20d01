"""The demo sessions the gallery, the screen matrix and the tests show on Today."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from eduapp.core import analytics, demo
from eduapp.core.content.model import Library
from eduapp.core.storage.sqlite import Store


@pytest.mark.parametrize("now", [time(0, 30), time(7, 0), time(12, 0), time(23, 0)])
def test_a_day_of_demo_sessions_is_all_on_that_day_at_any_hour(
        store: Store, library: Library, now: time) -> None:
    """Just after midnight too: not a few today and the rest on the day before."""
    modules = library.for_language("en")
    day = date(2026, 3, 10)
    until = datetime.combine(day, now).astimezone()  # local time, as Today shows it
    demo.generate_demo_data(store, modules, sessions=24, days=1, until=until)
    assert len(analytics.today(store, modules, day)) == 24
    assert analytics.today(store, modules, day - timedelta(days=1)) == []
