"""The Plotly figure: points for days, bars for vaguer dates, lanes, a default window."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.charts import DAY_MS, STACK_PITCH, by_actor, by_partner, timeline_figure
from timeline.models import Country
from timeline.selectors import load_events, visible_events

pytestmark = pytest.mark.django_db


def lanes_of(figure: dict) -> set[str]:
    return {c[1] for trace in figure["data"] for c in trace.get("customdata", [])}


def traces_of(figure, kind):
    return [t for t in figure["data"] if t["type"] == kind and t["name"] != "extent"]


def test_day_precise_event_is_a_marker_and_a_year_is_a_bar(world):
    figure = timeline_figure(load_events(visible_events()))
    points = traces_of(figure, "scatter")
    bars = traces_of(figure, "bar")
    point_urls = {c[0] for t in points for c in t["customdata"]}
    bar_urls = {c[0] for t in bars for c in t["customdata"]}
    assert world.meeting.get_absolute_url() in point_urls
    assert world.criticism.get_absolute_url() in bar_urls
    criticism = next(t for t in bars if t["legendgroup"] == "criticise")
    assert criticism["base"][0] == "2024-01-01"
    assert criticism["x"][0] == 366 * DAY_MS  # the whole leap year


def test_more_sources_mean_a_bigger_marker(world):
    figure = timeline_figure(load_events(visible_events()))
    size = {t["legendgroup"]: t["marker"]["size"][0] for t in traces_of(figure, "scatter")}
    assert size["establish_relations"] > size["meet"]


def test_uncertain_day_is_a_hollow_marker(make_event):
    make_event("Unsure", date_certain=False, countries=("AAA",))
    figure = timeline_figure(load_events(visible_events()))
    assert traces_of(figure, "scatter")[0]["marker"]["symbol"] == ["circle-open"]


def test_hover_gives_title_date_and_sources(world):
    figure = timeline_figure(load_events(visible_events()))
    hover = next(
        text for t in figure["data"] for text in t["hovertext"] if "Ministers meet" in text
    )
    assert "10 April 2025" in hover
    assert "1 article, 1 sentence" in hover


def test_lanes_by_actor_and_by_partner(world):
    events = load_events(visible_events())
    actor_lanes = lanes_of(timeline_figure(events, by_actor))
    assert actor_lanes == {"Ada Minister", "Bo Envoy", "(none named)"}
    avalon = Country.objects.get(iso3="AAA")
    partner_lanes = lanes_of(timeline_figure(events, by_partner(avalon)))
    assert partner_lanes == {"Borduria", "Carpania"}


def test_default_window_opens_on_the_recent_events_when_old_ones_would_squash_them(make_event):
    make_event("Long ago", start=dt.date(1950, 1, 1), countries=("AAA",))
    for day in (1, 2, 3):
        make_event(f"Recent {day}", start=dt.date(2025, 4, day), countries=("AAA",))
    layout = timeline_figure(load_events(visible_events()))["layout"]
    start, end = layout["xaxis"]["range"]
    assert "2025-01-01" < start < "2025-04-01"
    assert "2025-04-03" < end < "2025-06-01"
    labels = [b["label"] for b in layout["xaxis"]["rangeselector"]["buttons"]]
    assert "show all" in labels


def test_no_default_window_when_most_events_are_old(make_event):
    for year in (1950, 1960, 1970):
        make_event(f"Old {year}", start=dt.date(year, 1, 1), countries=("AAA",))
    make_event("Recent", start=dt.date(2025, 4, 1), countries=("AAA",))
    assert "range" not in timeline_figure(load_events(visible_events()))["layout"]["xaxis"]


def test_undated_events_stay_out_of_the_chart(make_event):
    make_event("Undated", start=None, precision="", countries=("AAA",))
    figure = timeline_figure(load_events(visible_events()))
    assert figure["data"] == []


def test_one_day_of_events_never_zooms_into_hours(make_event):
    make_event("Same day A", start=dt.date(2025, 4, 10), countries=("AAA",))
    make_event("Same day B", start=dt.date(2025, 4, 10), countries=("BBB",))
    figure = timeline_figure(load_events(visible_events()))
    guard = next(t for t in figure["data"] if t["name"] == "extent")
    first, last = (dt.date.fromisoformat(x) for x in guard["x"])
    assert (last - first).days >= 40
    assert guard["hoverinfo"] == "skip"


def test_relation_periods_close_when_broken_and_reopen_when_restored(make_event):
    from timeline.charts import relation_periods
    from timeline.selectors import relation_history

    make_event("Open", start=dt.date(1960, 3, 1), countries=("AAA", "CCC"))
    make_event(
        "Break", type="reduce_relations", start=dt.date(1970, 6, 1), countries=("AAA", "CCC")
    )
    make_event("Restore", start=dt.date(1990, 1, 1), countries=("AAA", "CCC"))
    avalon = Country.objects.get(iso3="AAA")
    events = load_events(visible_events())
    history = relation_history(events, by_partner(avalon))
    labels = [step.label for step in history[0][1]]
    assert labels == ["established", "reduced or broken", "restored"]
    periods = relation_periods(history, until=dt.date(2025, 1, 1))
    assert [(p[1], p[2]) for p in periods] == [
        (dt.date(1960, 3, 1), dt.date(1970, 6, 1)),
        (dt.date(1990, 1, 1), dt.date(2025, 1, 1)),
    ]


def test_events_on_the_same_day_in_a_lane_sit_side_by_side(make_event):
    make_event("Talks A", type="meet", start=dt.date(2025, 4, 10), countries=("AAA",))
    make_event("Talks B", type="meet", start=dt.date(2025, 4, 10), countries=("AAA",))
    make_event("Talks C", type="meet", start=dt.date(2025, 5, 1), countries=("AAA",))
    figure = timeline_figure(load_events(visible_events()))
    [meet] = traces_of(figure, "scatter")
    rows = dict(zip((c[0] for c in meet["customdata"]), meet["y"], strict=True))
    a, b, c = sorted(rows.items(), key=lambda url_row: int(url_row[0].split("/")[2]))
    assert abs(a[1] - b[1]) >= STACK_PITCH  # same day: a whole mark apart
    [centre] = figure["layout"]["yaxis"]["tickvals"]
    assert 0 < a[1] < 2 * centre and 0 < b[1] < 2 * centre  # but still inside the lane
    assert c[1] == centre  # alone on its day: on the lane's centre line
    assert figure["layout"]["yaxis"]["ticktext"] == ["AAA"]


def test_a_lane_grows_to_hold_the_marks_that_share_a_day(make_event):
    for n in range(4):
        make_event(f"Talks {n}", type="meet", start=dt.date(2025, 4, 10), countries=("AAA",))
    make_event("Elsewhere", type="meet", start=dt.date(2025, 4, 10), countries=("BBB",))
    figure = timeline_figure(load_events(visible_events()))
    tops = figure["layout"]["meta"]["lane_tops"]
    assert figure["lanes"] == ["AAA", "BBB"]
    assert tops[1] - tops[0] == 4 * STACK_PITCH  # four marks on one day
    assert figure["layout"]["yaxis"]["range"] == [tops[1] + 1, 0]  # BBB: one row


def test_vaguer_spans_are_drawn_lighter_and_thinner(make_event):
    make_event(
        "Month",
        type="meet",
        start=dt.date(2025, 3, 1),
        end=dt.date(2025, 3, 31),
        precision="month",
        countries=("AAA",),
    )
    make_event(
        "Year",
        type="meet",
        start=dt.date(2024, 1, 1),
        end=dt.date(2024, 12, 31),
        precision="year",
        countries=("AAA",),
    )
    make_event(
        "Decade",
        type="meet",
        start=dt.date(2010, 1, 1),
        end=dt.date(2019, 12, 31),
        precision="decade",
        countries=("AAA",),
    )
    figure = timeline_figure(load_events(visible_events()))
    [bars] = traces_of(figure, "bar")
    by_title = {
        text.split("</b>")[0].removeprefix("<b>"): (opacity, width)
        for text, opacity, width in zip(
            bars["hovertext"], bars["marker"]["opacity"], bars["width"], strict=True
        )
    }
    assert by_title["Month"] > by_title["Year"] > by_title["Decade"]  # opacity, then thickness


def test_every_property_is_one_plotly_knows(world):
    import plotly.graph_objects as go

    figure = timeline_figure(load_events(visible_events()))
    go.Figure(data=figure["data"], layout=figure["layout"])  # raises on an unknown property
    with pytest.raises(ValueError):
        go.Figure(layout={**figure["layout"], "lane_count": 3})


def test_the_legend_names_css_classes_not_colours(world):
    legend = timeline_figure(load_events(visible_events()))["legend"]
    assert {entry["css"] for entry in legend} == {"cooperation", "talks", "conflict"}


def test_a_war_known_over_a_span_is_an_era_shaded_behind_every_lane(make_event):
    war = make_event(
        "Border war",
        type="armed_conflict",
        start=dt.date(1967, 1, 1),
        end=dt.date(1967, 12, 31),
        precision="year",
        countries=("AAA",),
    )
    make_event("Coup", type="regime_change", start=dt.date(1970, 3, 2), countries=("BBB",))
    make_event("Talks", type="meet", start=dt.date(1971, 5, 1), countries=("CCC",))
    figure = timeline_figure(load_events(visible_events()))

    [era] = [t for t in figure["data"] if t["name"] == "eras"]
    assert figure["data"][0] is era  # beneath the events
    assert figure["eras"] == 1
    assert era["base"] == ["1967-01-01"]
    assert era["x"] == [365 * DAY_MS]
    assert era["width"] == [len(figure["lanes"])]  # all three lanes
    assert era["customdata"][0][0] == war.get_absolute_url()
    assert "Border war" in era["hovertext"][0]
    # A day-precise overthrow is a moment: a marker in its lane, not an era.
    coup_points = [t for t in traces_of(figure, "scatter") if t["legendgroup"] == "regime_change"]
    assert coup_points and coup_points[0]["x"] == ["1970-03-02"]


def test_no_era_band_without_a_war_or_regime_over_a_span(world):
    figure = timeline_figure(load_events(visible_events()))
    assert not [t for t in figure["data"] if t["name"] == "eras"]


def test_the_chart_never_offers_to_upload_its_data(world):
    config = timeline_figure(load_events(visible_events()))["config"]
    assert config["showSendToCloud"] is False  # plotly.js 4 defaults to a cloud "share" button
    assert config["displaylogo"] is False


def test_every_trace_of_the_chart_is_valid_plotly(world):
    """The marks go to the page as plain dicts (validating hundreds of graph objects cost
    more than loading them): they must still be what plotly.js's schema accepts."""
    from timeline.charts import validate_figure, validate_traces

    figure = timeline_figure(load_events(visible_events()))
    marks = [t for t in figure["data"] if t.get("type") in ("scatter", "bar")]
    assert len(marks) >= 3
    validate_traces(figure["data"])
    validate_figure(figure)  # the layout is a plain dict too
    with pytest.raises(ValueError):
        validate_figure(figure | {"layout": figure["layout"] | {"dragmode": "fly"}})
    broken = [dict(marks[0], marker={"size": "big"})]
    with pytest.raises(ValueError):
        validate_traces(broken)


def test_the_density_strip_is_valid_plotly(make_event):
    from timeline.charts import density_figure, validate_figure, validate_traces
    from timeline.selectors import bin_for, lane_counts

    for day in range(40):
        make_event(
            f"Talks {day}",
            type="meet",
            start=dt.date(2020, 1, 1) + dt.timedelta(days=30 * day),
            countries=("AAA", "BBB"),
        )
    events = visible_events()
    bin = bin_for(dt.date(2020, 1, 1), dt.date(2023, 4, 1))
    cells = [row for row in lane_counts(events, "country", bin) if row[1] is not None]
    figure = density_figure(
        [("AAA", "AAA"), ("BBB", "BBB")],
        cells,
        bin,
        (dt.date(2020, 1, 1), dt.date(2023, 4, 1)),
        hidden=0,
        marks=40,
        detail={"api": "/api/events.json", "query": ""},
    )
    validate_traces(figure["data"])
    validate_figure(figure)
    strip = [t for t in figure["data"] if t.get("type") == "bar"]
    assert [t["name"] for t in strip] == ["AAA", "BBB"]
    assert sum(int(text.split(": ")[1].split()[0]) for text in strip[0]["text"]) == 40
    assert figure["layout"]["meta"]["density"] is True


def test_the_figure_is_written_into_the_page_as_json_script_would():
    from django.utils.html import json_script

    from timeline.templatetags.timeline_tags import figure_json

    value = {"title": "</script><b>&amp;</b>", "n": [1, 2.5, None], "text": "é ' \""}
    assert figure_json(value, "timeline-figure") == json_script(value, "timeline-figure")
