"""The chart's density is counted in the database: per lane and time bin, the same bins
on SQLite and PostgreSQL, whatever their size (weeks to centuries)."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.selectors import Bin, bin_for, lane_counts, visible_events

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("first", "last", "name"),
    [
        (dt.date(2025, 1, 1), dt.date(2025, 6, 30), "week"),
        (dt.date(2020, 1, 1), dt.date(2025, 6, 30), "month"),
        (dt.date(2010, 1, 1), dt.date(2025, 6, 30), "quarter"),
        (dt.date(1990, 1, 1), dt.date(2025, 6, 30), "year"),
        (dt.date(1900, 1, 1), dt.date(2025, 6, 30), "2 years"),
    ],
)
def test_the_bin_is_the_finest_that_keeps_the_chart_readable(first, last, name):
    assert bin_for(first, last).name == name


@pytest.mark.parametrize(
    "bin", [Bin("day", 7), Bin("month", 1), Bin("month", 3), Bin("month", 12), Bin("month", 60)]
)
def test_each_event_falls_in_the_bin_that_holds_its_start(make_event, bin):
    days = [dt.date(2024, 12, 30), dt.date(2025, 1, 1), dt.date(2025, 3, 31), dt.date(2025, 4, 1)]
    for day in days:
        make_event(f"On {day}", start=day, countries=("AAA",))
    make_event("Undated", start=None, countries=("AAA",))
    rows = lane_counts(visible_events(), "country", bin)
    counted = {value: n for _key, value, n in rows}
    assert counted.pop(None) == 1  # the undated event: counted for the lane, in no bin
    for value, n in counted.items():
        start = bin.start(int(value))
        inside = [d for d in days if start <= d < bin.end(start)]
        assert len(inside) == n, (bin, start, inside)
    assert sum(counted.values()) == len(days)
