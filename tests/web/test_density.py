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


def test_a_density_strip_draws_the_busiest_lanes_and_sums_the_others_into_one():
    from timeline.charts import DENSITY_LANES, OTHER_LANE, density_lanes

    ranked = [(f"Lane {i}", i) for i in range(DENSITY_LANES + 5)]
    rows = [(i, bin, 100 - i) for i in range(DENSITY_LANES + 5) for bin in (7, 8)]
    rows += [(DENSITY_LANES + 1, None, 3)]  # undated: in the form's counts, not the chart
    lanes, cells, summed = density_lanes(ranked, rows, "countries")
    assert lanes[:-1] == ranked[:DENSITY_LANES]
    assert lanes[-1] == ("5 other countries", OTHER_LANE) and summed == 5
    # The ranking may name only the first lanes (actors): the others are still summed.
    assert density_lanes(ranked[: DENSITY_LANES + 2], rows, "actors")[1:] == (cells, 5)
    other = {value: n for key, value, n in cells if key == OTHER_LANE}
    expected = sum(100 - i for i in range(DENSITY_LANES, DENSITY_LANES + 5))
    assert other == {7: expected, 8: expected}
    assert len(cells) == 2 * DENSITY_LANES + 2
    # One lane too many is drawn rather than summed as "1 other".
    few = [row for row in rows if row[0] <= DENSITY_LANES]
    lanes, cells, summed = density_lanes(ranked[: DENSITY_LANES + 1], few, "countries")
    assert lanes == ranked[: DENSITY_LANES + 1] and summed == 0
    assert {key for key, _v, _n in cells} == {i for _name, i in lanes}


@pytest.mark.parametrize("lane", ["country", "actor"])
@pytest.mark.parametrize("bin", [None, Bin("day", 7), Bin("month", 1), Bin("month", 12)])
def test_the_counts_walked_from_the_events_equal_the_orms_from_the_links(
    make_event, make_actor, lane, bin
):
    """``lane_counts`` reads each filtered event once, then its links; the ORM's query
    (``lane_counts_query``) walks the links and reads each one's event: the same rows."""
    from django.db import connection

    from timeline.models import Event
    from timeline.selectors import lane_counts_query

    ada, bo = make_actor("Ada"), make_actor("Bo")
    days = [dt.date(2024, 12, 30), dt.date(2025, 1, 1), dt.date(2025, 3, 31), None]
    for i, day in enumerate(days * 3):
        make_event(
            f"Event {i}",
            type="meet" if i % 2 else "criticise",
            start=day,
            countries=("AAA", "BBB", "CCC")[: 1 + i % 3],
            actors=(ada, bo)[: i % 3],
        )
    make_event("Hidden", start=days[0], countries=("AAA",), actors=(ada,), hidden=True)
    survivor = Event.objects.first()
    make_event("Merged", start=days[1], countries=("BBB",), merged_into=survivor)
    filtered = [
        visible_events(),
        visible_events().of_type("meet"),
        visible_events().for_countries(["BBB"]),
        visible_events().between(dt.date(2025, 1, 1), None),
    ]
    for events in filtered:
        sql, params = lane_counts_query(events, lane, bin).query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            expected = sorted(map(tuple, cursor.fetchall()), key=repr)
        rows = lane_counts(events, lane, bin)
        assert sorted(rows, key=repr) == expected
        assert sum(n for _key, _bin, n in rows) > 0
