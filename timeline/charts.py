"""Plotly figures built in Python (plotly.graph_objects) and handed to the page as JSON.

One lane per country (or actor, or partner country). A day-precise event is a
marker; anything vaguer (a month, a year, a range) is a horizontal bar over
the whole span it may fall in, drawn lighter and thinner the vaguer it is, so
that the vaguest facts never look like the weightiest. Marker size grows with
the number of independent sources. Events on the same day in one lane sit one
above the other, and such a lane is drawn taller to make room for them.

``plotly.io.to_json`` validates every property against plotly.js's schema
before the figure reaches the page.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from html import escape

import plotly.graph_objects as go
import plotly.io as pio

from .models import Country, Event, Precision
from .presentation import date_doubt, plural, source_count

DAY_MS = 86_400_000
MIN_PAD = dt.timedelta(days=20)
MAX_LANES = 40
LANE_PX = 34  # the height of a lane holding one row of marks
STACK_PITCH = 0.5  # lanes apart, between marks on the same day in one lane

# Colour by the nature of the event (Okabe-Ito palette, readable by colour-blind people).
COOPERATION, TALKS, CONFLICT, OTHER = "#009E73", "#0072B2", "#D55E00", "#6B6B6B"
TYPE_COLOURS = {
    "establish_relations": COOPERATION,
    "recognise": COOPERATION,
    "sign_agreement": COOPERATION,
    "join_organisation": COOPERATION,
    "ease_sanctions": COOPERATION,
    "provide_aid": COOPERATION,
    "praise": COOPERATION,
    "intent": COOPERATION,
    "visit": TALKS,
    "meet": TALKS,
    "negotiate": TALKS,
    "appeal": TALKS,
    "announce": TALKS,
    "criticise": CONFLICT,
    "impose_sanctions": CONFLICT,
    "reduce_relations": CONFLICT,
    "expel_withdraw": CONFLICT,
    "armed_conflict": CONFLICT,
    "regime_change": CONFLICT,
}
# Each category's CSS class in the HTML legend (no inline styles: the CSP forbids them).
CATEGORIES = {
    COOPERATION: ("cooperation", "cooperation (relations, agreements, aid)"),
    TALKS: ("talks", "talks, visits, statements"),
    CONFLICT: ("conflict", "conflict (breaks, sanctions, war)"),
    OTHER: ("other", "other"),
}
# How strongly a span is drawn, by how long it is: a week is nearly a point, a
# decade is a faint hint. (days at most, fill opacity, thickness in lanes)
SPAN_STYLES = [(8, 0.6, 0.5), (32, 0.45, 0.42), (100, 0.32, 0.34), (367, 0.22, 0.26)]
VAGUEST_STYLE = (0.14, 0.2)
# Wars and regimes the data dates over a span are eras: shaded behind every lane.
ERA_TYPES = {"armed_conflict", "regime_change"}
ERA_COLOUR = "rgba(213, 94, 0, 0.09)"
RELATIONS_COLOUR = "rgba(0, 158, 115, 0.16)"
NO_LANE = "(none named)"
NO_PARTNER = "(no partner named)"

LaneOf = Callable[[Event], list[str]]


def by_country(event: Event) -> list[str]:
    return [c.name for c in event.countries.all()] or [NO_LANE]


def by_actor(event: Event) -> list[str]:
    return [a.name for a in event.actors.all()] or [NO_LANE]


def by_partner(home: Country) -> LaneOf:
    def lanes(event: Event) -> list[str]:
        return [c.name for c in event.countries.all() if c.pk != home.pk] or [NO_PARTNER]

    return lanes


LANE_FUNCTIONS: dict[str, LaneOf] = {"country": by_country, "actor": by_actor}

CONFIG = {
    "responsive": True,
    "displaylogo": False,
    # Plotly's "share chart" button uploads the data to cloud.plotly.com.
    "showSendToCloud": False,
    "scrollZoom": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
}


def is_point(event: Event) -> bool:
    return event.precision == Precision.DAY and event.start == event.end


def _end(event: Event) -> dt.date:
    return event.end or event.start


def _span_ms(start: dt.date, end: dt.date) -> int:
    return ((end - start).days + 1) * DAY_MS


# --- lanes --------------------------------------------------------------------------


@dataclass
class Lanes:
    """The lanes drawn, top to bottom; a lane is taller when marks share a day in it."""

    names: list[str]
    tops: list[float]
    heights: list[float]
    offsets: dict[tuple[str, int], float]  # (lane, event pk) -> from the lane's centre
    hidden: int  # lanes left out beyond MAX_LANES

    @property
    def total(self) -> float:
        return self.tops[-1] + self.heights[-1] if self.names else 0.0

    def centre(self, lane: str) -> float:
        i = self.names.index(lane)
        return self.tops[i] + self.heights[i] / 2

    def row(self, lane: str, event: Event) -> float:
        return self.centre(lane) + self.offsets.get((lane, event.pk), 0.0)


def _lanes(events: Sequence[Event], lane_of: LaneOf) -> Lanes:
    sizes = Counter(lane for e in events for lane in lane_of(e))
    ranked = [lane for lane, _n in sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0]))]
    names = ranked[:MAX_LANES]
    stacks = _same_day_stacks(events, lane_of, set(names))
    heights = [_lane_height(stacks.get(lane, [])) for lane in names]
    tops = [sum(heights[:i]) for i in range(len(names))]
    offsets = {
        (lane, pk): (i - (len(pks) - 1) / 2) * STACK_PITCH
        for lane, groups in stacks.items()
        for pks in groups
        for i, pk in enumerate(pks)
        if len(pks) > 1
    }
    return Lanes(names, tops, heights, offsets, hidden=len(ranked) - len(names))


def _lane_height(stacks: list[list[int]]) -> float:
    tallest = max((len(pks) for pks in stacks), default=1)
    return max(1.0, STACK_PITCH * tallest)


def _same_day_stacks(
    events: Sequence[Event], lane_of: LaneOf, lanes: set[str]
) -> dict[str, list[list[int]]]:
    """Per lane, the day-precise events that share a day with another (event pks)."""
    together: dict[tuple[str, dt.date], list[int]] = {}
    for event in events:
        if is_point(event):
            for lane in set(lane_of(event)) & lanes:
                together.setdefault((lane, event.start), []).append(event.pk)
    stacks: dict[str, list[list[int]]] = {}
    for (lane, _day), pks in together.items():
        stacks.setdefault(lane, []).append(pks)
    return stacks


# --- marks ----------------------------------------------------------------------------


def hover_text(event: Event) -> str:
    date = event.date_display or event.start.isoformat()
    precision = event.get_precision_display() if event.precision else "unknown precision"
    planned = " · planned or announced" if event.status == Event.Status.PLANNED else ""
    lines = [
        f"<b>{escape(event.title)}</b>",
        f"{escape(date)} ({precision})",
        f"{escape(event.type_label)}{planned} · {escape(source_count(event))}",
    ]
    if doubt := date_doubt(event):
        lines.append(f"Date uncertain: {escape(_wrap(doubt))}")
    return "<br>".join(lines)


def _wrap(text: str, width: int = 60, limit: int = 240) -> str:
    """A long reason on several short lines (hover labels do not wrap by themselves)."""
    text = text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) > width:
            lines.append(line)
            line = ""
        line = f"{line} {word}".strip()
    return "<br>".join([*lines, line])


def _sources(event: Event) -> int:
    # Size follows independent confirmation: a near-copy adds nothing.
    return getattr(event, "independent_sources", 1) or 1


def _span_style(event: Event) -> tuple[float, float]:
    days = (_end(event) - event.start).days + 1
    for longest, opacity, thickness in SPAN_STYLES:
        if days <= longest:
            return opacity, thickness
    return VAGUEST_STYLE


Marks = list[tuple[Event, str]]  # (event, lane) for each mark of one trace


def _trace_common(marks: Marks, *, first: bool) -> dict:
    """What the points and the spans of one event type share."""
    sample = marks[0][0]
    return {
        "name": sample.type_label,
        "legendgroup": sample.type,
        "showlegend": first,
        "customdata": [[e.get_absolute_url(), lane] for e, lane in marks],
        "hovertext": [hover_text(e) for e, _lane in marks],
        "hoverinfo": "text",
    }


def _points(marks: Marks, lanes: Lanes, *, first: bool) -> dict:
    return dict(
        type="scatter",
        **_trace_common(marks, first=first),
        mode="markers",
        x=[e.start.isoformat() for e, _lane in marks],
        y=[lanes.row(lane, e) for e, lane in marks],
        marker={
            "color": TYPE_COLOURS.get(marks[0][0].type, OTHER),
            "size": [min(9 + 2 * (_sources(e) - 1), 17) for e, _lane in marks],
            "line": {"color": "#ffffff", "width": 1},
            # An open circle: the sources leave the date uncertain.
            "symbol": ["circle" if e.date_certain else "circle-open" for e, _lane in marks],
        },
    )


def _spans(marks: Marks, lanes: Lanes, *, first: bool) -> dict:
    styles = [_span_style(e) for e, _lane in marks]
    colour = TYPE_COLOURS.get(marks[0][0].type, OTHER)
    return dict(
        type="bar",
        **_trace_common(marks, first=first),
        orientation="h",
        y=[lanes.centre(lane) for _e, lane in marks],
        base=[e.start.isoformat() for e, _lane in marks],
        x=[_span_ms(e.start, _end(e)) for e, _lane in marks],
        width=[thickness for _opacity, thickness in styles],
        marker={
            "color": colour,
            "opacity": [opacity for opacity, _thickness in styles],
            "line": {"color": colour, "width": 1},
        },
    )


def _event_traces(events: Sequence[Event], lanes: Lanes, lane_of: LaneOf) -> list[dict]:
    """Two traces per type, points and spans, sharing one legend entry.

    Plain dicts: plotly.py's validation of each of hundreds of marks cost more than
    loading the events; ``validate_traces`` checks them against the schema in the tests."""
    groups: dict[tuple[str, bool], Marks] = {}
    for event in events:
        marks = groups.setdefault((event.type, is_point(event)), [])
        marks += [(event, lane) for lane in lane_of(event) if lane in lanes.names]
    traces, seen_types = [], set()
    for (type_code, point), marks in groups.items():
        if marks:
            draw = _points if point else _spans
            traces.append(draw(marks, lanes, first=type_code not in seen_types))
            seen_types.add(type_code)
    return traces


def _eras(events: Sequence[Event], lanes: Lanes) -> go.Bar | None:
    """One full-height band per war or regime known over a span (a year, a range).

    A day-precise overthrow stays a marker: it is a moment, not an era. The
    band hovers and clicks through like any event.
    """
    eras = [e for e in events if e.type in ERA_TYPES and not is_point(e)]
    if not eras or not lanes.names:
        return None
    return go.Bar(
        name="eras",
        legendgroup="eras",
        showlegend=False,
        orientation="h",
        y=[lanes.total / 2] * len(eras),
        base=[e.start.isoformat() for e in eras],
        x=[_span_ms(e.start, _end(e)) for e in eras],
        width=[lanes.total] * len(eras),
        marker={"color": ERA_COLOUR, "line": {"width": 0}},
        customdata=[[e.get_absolute_url(), ""] for e in eras],
        hovertext=[
            f"Era: <b>{escape(e.title)}</b><br>{escape(e.date_display or e.start.isoformat())}"
            for e in eras
        ],
        hoverinfo="text",
    )


def _events_guard(events: Sequence[Event]) -> go.Scatter:
    """Two invisible points just beyond the first and last dates.

    Plotly's autorange ("show all", double-click) then keeps a margin around
    the edge marks, and never zooms into hours when every event is on one day.
    """
    return _extent_guard(min(e.start for e in events), max(_end(e) for e in events))


def _extent_guard(first, last) -> go.Scatter:
    """An invisible trace spanning the data with a margin, so the axis never cuts a mark."""
    pad = max(MIN_PAD, (last - first) / 30)
    return go.Scatter(
        name="extent",
        mode="markers",
        x=[(first - pad).isoformat(), (last + pad).isoformat()],
        y=[0, 0],
        marker={"opacity": 0, "size": 1},
        hoverinfo="skip",
        showlegend=False,
    )


# --- layout ---------------------------------------------------------------------------


def _default_range(events: Sequence[Event]) -> list[str] | None:
    """Open on the latest two thirds of the events when older ones would squash them.

    Timelines often hold a few events decades back and many in the last months;
    the page marks, at each lane's edge, how many events lie outside the view, and
    "show all" (one click) brings them in.
    """
    starts = sorted(e.start for e in events)
    last = max(_end(e) for e in events)
    focus_start = starts[len(starts) // 3]
    pad = max(MIN_PAD, (last - focus_start) / 10)
    window = (focus_start - pad, last + pad)
    if (window[1] - window[0]) * 2 > last - starts[0]:
        return None  # the focus would cover most of the range anyway: show it all
    return [window[0].isoformat(), window[1].isoformat()]


@cache
def _no_template() -> dict:
    """What plotly.py writes for ``template="none"`` (no theme: the page sets every style)."""
    return json.loads(pio.to_json(go.Layout(template="none")))["template"]


def _layout(lanes: Lanes, window: list[str] | None) -> dict:
    """The layout as a plain dict: as a graph object it was validated twice per page, which
    cost more than everything else the chart does (tests validate it against the schema)."""
    xaxis = {
        "type": "date",
        "gridcolor": "#e4e6ea",
        "rangeslider": {
            "visible": True,
            "thickness": 0.08,
            "bgcolor": "#f6f8fa",
            "bordercolor": "#d0d7de",
            "borderwidth": 1,
        },
        "rangeselector": {
            "font": {"size": 12},
            "x": 0,
            "y": 1.02,
            "buttons": [
                {"count": 1, "label": "1 year", "step": "year", "stepmode": "backward"},
                {"count": 5, "label": "5 years", "step": "year", "stepmode": "backward"},
                {"step": "all", "label": "show all"},
            ],
        },
    }
    if window:
        xaxis["range"] = window
    return {
        # No plotly.py template: the page sets every style it wants, and saves the bytes.
        "template": _no_template(),
        "height": max(260, 150 + round(LANE_PX * lanes.total)),
        "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
        "barmode": "overlay",
        "dragmode": "pan",
        "hovermode": "closest",
        "hoverlabel": {"align": "left"},
        "font": {"family": "system-ui, sans-serif", "size": 13, "color": "#1f2328"},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        # The legend is HTML under the chart: Plotly's would cover the axis on a phone.
        "showlegend": False,
        "xaxis": xaxis,
        # Lanes run top to bottom from 0; each lane's name is at its centre.
        "yaxis": {
            "type": "linear",
            "range": [lanes.total, 0],
            "tickvals": [lanes.centre(lane) for lane in lanes.names],
            # Long names would squeeze the plot on a phone; the hover has them in full.
            "ticktext": [_short(lane) for lane in lanes.names],
            "zeroline": False,
            "fixedrange": True,
            "automargin": True,
            "showgrid": False,
        },
        "shapes": [_separator(top) for top in lanes.tops[1:]],
        # For the page: on a phone it writes each name over its lane (its top), and it
        # notes at each lane's edges how many events lie out of view (its centre).
        "meta": {
            "lane_tops": lanes.tops,
            "lane_centres": {lane: lanes.centre(lane) for lane in lanes.names},
        },
    }


def _separator(y: float) -> dict:
    """A faint line between two lanes (lanes differ in height: the eye needs the edge)."""
    return {
        "type": "line",
        "xref": "paper",
        "x0": 0,
        "x1": 1,
        "yref": "y",
        "y0": y,
        "y1": y,
        "line": {"color": "#e4e6ea", "width": 1},
        "layer": "below",
    }


def _short(label: str, limit: int = 24) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _legend(traces: list) -> list[dict]:
    colours = {t["marker"]["color"] for t in traces}
    return [
        {"css": css, "label": label}
        for colour, (css, label) in CATEGORIES.items()
        if colour in colours
    ]


def to_page(data: list, layout: dict, **extra) -> dict:
    """The figure as the page reads it: the few graph-object traces (``data``) as validated
    JSON, the plain layout, the browser config, and facts for the template (``extra``)."""
    traces = json.loads(pio.to_json(go.Figure(data=data), validate=True))["data"] if data else []
    return {"data": traces, "layout": layout, "config": CONFIG} | extra


def validate_figure(figure: dict) -> None:
    """Check a page's figure (traces and layout) against plotly.js's schema (raises
    ValueError): the pages build plain dicts, which plotly.py does not check."""
    pio.to_json(go.Figure(data=figure["data"], layout=figure["layout"]), validate=True)


def timeline_figure(events: Sequence[Event], lane_of: LaneOf = by_country) -> dict:
    """The chart of dated events in lanes: Plotly's data, layout and config, and facts for
    the template (``legend``, ``points``, ``lanes``, ``hidden_lanes``, ``eras``)."""
    dated = [e for e in events if e.start]
    lanes = _lanes(dated, lane_of)
    traces = _event_traces(dated, lanes, lane_of)
    eras = _eras(dated, lanes)
    guard = [_events_guard(dated)] if lanes.names else []
    window = _default_range(dated) if dated else None
    # The eras (few) and the layout are validated objects; the marks are added as dicts.
    page = to_page(
        [eras, *guard] if eras else guard,
        _layout(lanes, window),
        legend=_legend(traces),
        hidden_lanes=lanes.hidden,
        points=sum(len(t["y"]) for t in traces),
        lanes=lanes.names,
        lane_rows={lane: lanes.centre(lane) for lane in lanes.names},
        lane_heights=dict(zip(lanes.names, lanes.heights, strict=True)),
        eras=len(eras.y) if eras else 0,
    )
    # Beneath to above: eras, then the marks, then the invisible extent guard.
    first = 1 if eras else 0
    page["data"] = page["data"][:first] + traces + page["data"][first:]
    return page


def validate_traces(traces: list[dict]) -> None:
    """Check plain-dict traces against plotly.js's schema (raises ValueError)."""
    pio.to_json(go.Figure(data=traces), validate=True)


# --- relations per partner ---------------------------------------------------------------


def relation_periods(
    history: Sequence[tuple[str, Sequence]], *, until: dt.date
) -> list[tuple[str, dt.date, dt.date, object]]:
    """(partner, from, to, opening event) for each stretch during which relations stood.

    ``history`` is ``selectors.relation_history``: steps in date order. A stretch
    opens when relations are established, recognised or restored and closes when
    they are reduced or broken; one still open runs to ``until``.
    """
    periods = []
    for partner, steps in history:
        opened = None
        for step in steps:
            if not step.event.start:
                continue
            if step.label == "reduced or broken":
                if opened is not None:
                    periods.append((partner, opened.start, step.event.start, opened))
                    opened = None
            elif opened is None:
                opened = step.event
        if opened is not None:
            periods.append((partner, opened.start, max(until, _end(opened)), opened))
    return periods


def with_relation_periods(figure: dict, periods: Sequence[tuple]) -> dict:
    """Shade, under the events, the stretches when relations stood with each partner."""
    rows, heights = figure["lane_rows"], figure["lane_heights"]
    periods = [p for p in periods if p[0] in rows]
    if not periods:
        return figure
    shade = go.Bar(
        name="relations in place",
        showlegend=False,
        orientation="h",
        y=[rows[partner] for partner, *_ in periods],
        base=[start.isoformat() for _p, start, _e, _o in periods],
        x=[_span_ms(start, end) for _p, start, end, _o in periods],
        width=[0.9 * heights[partner] for partner, *_ in periods],
        marker={"color": RELATIONS_COLOUR, "line": {"width": 0}},
        customdata=[[opening.get_absolute_url(), partner] for partner, *_r, opening in periods],
        hovertext=[
            f"Relations with {escape(partner)}<br>from {escape(opening.date_display or str(start))}"
            for partner, start, _e, opening in periods
        ],
        hoverinfo="text",
    )
    figure["data"].insert(0, json.loads(pio.to_json(shade, validate=True)))
    figure["relation_periods"] = len(periods)
    return figure


# --- density: the chart of a window with more events than marks can show -------------------

DETAIL_LIMIT = 500  # at most this many dated events are drawn one by one
# A density strip draws the busiest lanes and sums the rest into one: forty lanes made a
# chart taller than a screen, and the lanes past the first screenful were rarely read.
DENSITY_LANES = 20
OTHER_LANE = "other"  # the key of the lane that sums the lanes not drawn


def density_lanes(
    ranked: list[tuple[str, object]], rows: Sequence[tuple[object, object, int]], noun: str
) -> tuple[list[tuple[str, object]], list[tuple[object, object, int]], int]:
    """The lanes of a density strip and their cells: the first ``DENSITY_LANES`` of
    ``ranked`` (name, key), busiest first, then one lane ("153 other countries": ``noun``
    in the plural) summing every other lane's bins. ``rows`` are (key, bin or None, count)
    as ``selectors.lane_counts`` gives them. Returns the lanes, the cells, and how many
    lanes the last one sums (0: none)."""
    every = {row[0] for row in rows}  # ``ranked`` may hold only the first few (actors)
    if len(every) <= DENSITY_LANES + 1:  # a lane of its own rather than "1 other"
        drawn = ranked[: DENSITY_LANES + 1]
    else:
        drawn = ranked[:DENSITY_LANES]
    keys = {key for _name, key in drawn}
    others = every - keys
    cells = [row for row in rows if row[1] is not None and row[0] in keys]
    summed: Counter = Counter()
    for key, value, n in rows:
        if value is not None and key in others:
            summed[value] += n
    if not others:
        return drawn, cells, 0
    cells += [(OTHER_LANE, value, n) for value, n in summed.items()]
    return [*drawn, (f"{len(others):,} other {noun}", OTHER_LANE)], cells, len(others)


DENSITY_COLOURS = [[0, "#deebf7"], [0.35, "#6baed6"], [1, "#08306b"]]  # light to dark blue


def _density_text(label: str, n: int, key) -> str:
    if key == OTHER_LANE:  # an event in two of the summed lanes is in both
        return f"{label}: {plural(n, 'event')}, counted once per lane"
    return f"{label}: {plural(n, 'event')}"


def density_figure(
    lanes: list[tuple[str, object]],
    cells: Sequence[tuple[object, object, int]],
    bin,
    extent: tuple[dt.date, dt.date],
    *,
    hidden: int,
    marks: int,
    detail: dict,
) -> dict:
    """Per lane, one bar per time bin, darker the more events it holds: a density strip.

    ``lanes`` are (name, key) top to bottom; ``cells`` (key, bin value, count) as
    ``selectors.density`` gives them. The page draws single marks in their place once
    the view is zoomed to at most ``DETAIL_LIMIT`` events, fetched from the API
    (``detail``: its URL and the filters).
    """
    names = [name for name, _key in lanes]
    layout_lanes = Lanes(names, list(range(len(names))), [1.0] * len(names), {}, hidden)
    by_lane: dict[object, list[tuple[dt.date, int]]] = {}
    for key, value, n in cells:
        by_lane.setdefault(key, []).append((bin.start(int(value)), n))
    # The darkest is the busiest bin of a single lane: the summed lane, which would be darker
    # than all of them and wash the others out, is drawn on the same scale, capped.
    top = max((n for k, _v, n in cells if k != OTHER_LANE), default=1)
    # Plain dicts, not validated graph objects: with thousands of cells, plotly.py's
    # validation cost more than the queries. Their shape is pinned by the tests.
    traces = []
    for name, key in lanes:
        found = sorted(by_lane.get(key, []))
        if not found:
            continue
        traces.append(
            {
                "type": "bar",
                "name": name,
                "orientation": "h",
                "y": [layout_lanes.centre(name)] * len(found),
                "base": [start.isoformat() for start, _n in found],
                "x": [(bin.end(start) - start).days * DAY_MS for start, _n in found],
                "width": 0.8,
                "text": [_density_text(bin.label(start), n, key) for start, n in found],
                "textposition": "none",
                "marker": {
                    # A square root: one event still shows; the busiest bin is the darkest.
                    "color": [round(min(n / top, 1) ** 0.5, 3) for _start, n in found],
                    "colorscale": DENSITY_COLOURS,
                    "cmin": 0,
                    "cmax": 1,
                    "line": {"width": 0},
                },
                "hovertemplate": "<b>%{fullData.name}</b><br>%{text}<br>Zoom in to see them"
                "<extra></extra>",
                "showlegend": False,
            }
        )
    guard = _extent_guard(*extent)
    layout = _layout(layout_lanes, None)
    layout["meta"] = (
        layout["meta"]
        | {
            "density": True,
            "detail_limit": DETAIL_LIMIT,
            "colours": TYPE_COLOURS | {"": OTHER},
        }
        | detail
    )
    page = to_page([guard], layout)
    page["data"] = [*traces, *page["data"]]
    return page | {
        "legend": [],
        # Where each lane is: the country page shades its relations periods in them.
        "lane_rows": {name: layout_lanes.centre(name) for name in names},
        "lane_heights": dict.fromkeys(names, 1.0),
        "density": True,
        "hidden_lanes": hidden,
        "points": marks,
        "lanes": names,
        "bin": bin.name,
        "eras": 0,
    }
