"""Plotly figures built in Python and handed to the page as JSON.

One lane per country (or actor, or partner country). A day-precise event is a
marker; anything vaguer (a month, a year, a range) is a horizontal bar over
the whole span it may fall in, so the uncertainty stays visible. Marker size
and bar thickness grow with the number of independent sources.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from html import escape

from .models import Country, Event, Precision

DAY_MS = 86_400_000
MIN_PAD = dt.timedelta(days=20)
MAX_LANES = 40

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
CATEGORY_NAMES = {
    COOPERATION: "cooperation (relations, agreements, aid)",
    TALKS: "talks, visits, statements",
    CONFLICT: "conflict (breaks, sanctions, war)",
    OTHER: "other",
}
# Wars and regimes the data dates over a span are eras: shaded behind every lane.
ERA_TYPES = {"armed_conflict", "regime_change"}
ERA_COLOUR = "rgba(213, 94, 0, 0.09)"
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


def is_point(event: Event) -> bool:
    return event.precision == Precision.DAY and event.start == event.end


def _hover(event: Event) -> str:
    sources = getattr(event, "corroboration", 0)
    independent = getattr(event, "independent_sources", sources)
    date = event.date_display or event.start.isoformat()
    precision = event.get_precision_display() if event.precision else "unknown precision"
    uncertain = ", uncertain" if not event.date_certain else ""
    planned = " · planned or announced" if event.status == Event.Status.PLANNED else ""
    count = f"{sources} source{'s' if sources != 1 else ''}"
    if independent != sources:
        count += f" ({independent} independent)"
    return (
        f"<b>{escape(event.title)}</b><br>{escape(date)} ({precision}{uncertain})"
        f"<br>{event.type_label}{planned} · {count}"
    )


def _default_range(events: Sequence[Event]) -> list[str] | None:
    """Open on the latest two thirds of the events when older ones would squash them.

    Timelines often hold a few events decades back and many in the last
    months; "show all" (one click) brings the old ones back.
    """
    starts = sorted(e.start for e in events)
    last = max(e.end or e.start for e in events)
    focus_start = starts[len(starts) // 3]
    pad = max(MIN_PAD, (last - focus_start) / 10)
    window = (focus_start - pad, last + pad)
    if (window[1] - window[0]) * 2 > last - starts[0]:
        return None  # the focus would cover most of the range anyway: show it all
    return [window[0].isoformat(), window[1].isoformat()]


def timeline_figure(events: Sequence[Event], lane_of: LaneOf = by_country) -> dict:
    """A Plotly figure (data, layout, config) for dated events in lanes."""
    dated = [e for e in events if e.start]
    lane_sizes = Counter(lane for e in dated for lane in lane_of(e))
    lanes = [lane for lane, _n in sorted(lane_sizes.items(), key=lambda kv: (-kv[1], kv[0]))]
    shown_lanes = set(lanes[:MAX_LANES])

    shown = [lane for lane in lanes if lane in shown_lanes]
    row = {lane: i for i, lane in enumerate(shown)}
    offsets = _same_day_offsets(dated, lane_of, shown_lanes)

    traces: dict[tuple[str, str], dict] = {}
    for event in dated:
        colour = TYPE_COLOURS.get(event.type, OTHER)
        point = is_point(event)
        key = (event.type, "point" if point else "span")
        # Size follows independent confirmation: a near-copy adds nothing.
        n = getattr(event, "independent_sources", 1) or 1
        trace = traces.get(key)
        if trace is None:
            seen_type = any(t == event.type for t, _shape in traces)
            trace = traces[key] = _new_trace(event, colour, point, first_of_type=not seen_type)
        for lane in lane_of(event):
            if lane not in shown_lanes:
                continue
            trace["customdata"].append([event.get_absolute_url(), lane])
            trace["hovertext"].append(_hover(event))
            if point:
                trace["y"].append(row[lane] + offsets.get((lane, event.pk), 0.0))
                trace["x"].append(event.start.isoformat())
                trace["marker"]["size"].append(min(9 + 3 * (n - 1), 24))
                # An open circle: the sources leave the date uncertain.
                trace["marker"]["symbol"].append("circle" if event.date_certain else "circle-open")
            else:
                end = event.end or event.start
                trace["y"].append(row[lane])
                trace["base"].append(event.start.isoformat())
                trace["x"].append(((end - event.start).days + 1) * DAY_MS)
                trace["width"].append(min(0.3 + 0.12 * (n - 1), 0.8))

    height = max(260, 150 + 34 * len(shown_lanes))
    layout = {
        "height": height,
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
        "xaxis": {
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
        },
        # Lanes are rows 0, 1, 2... (top to bottom) so that events on the same
        # day can sit side by side within their lane instead of on top of each other.
        "yaxis": {
            "type": "linear",
            "range": [len(shown) - 0.5, -0.5],
            "tickvals": list(range(len(shown))),
            # Long names would squeeze the plot on a phone; the hover has them in full.
            "ticktext": [_short(lane) for lane in shown],
            "zeroline": False,
            "fixedrange": True,
            "automargin": True,
            "gridcolor": "#eef0f2",
        },
    }
    data = list(traces.values())
    eras = _eras(dated, len(shown)) if shown else None
    if shown:
        data.append(_extent_guard(dated))
    if eras:
        data.insert(0, eras)  # drawn first: beneath the events
    if dated and (window := _default_range(dated)):
        layout["xaxis"]["range"] = window
    return {
        "data": data,
        "layout": layout,
        "config": {
            "responsive": True,
            "displaylogo": False,
            # Plotly's "share chart" button uploads the data to cloud.plotly.com.
            "showSendToCloud": False,
            "scrollZoom": True,
            "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
        },
        "legend": [
            {"colour": colour, "label": label}
            for colour, label in CATEGORY_NAMES.items()
            if any(t["marker"]["color"] == colour for t in traces.values())
        ],
        "hidden_lanes": max(0, len(lanes) - MAX_LANES),
        "points": sum(len(t["y"]) for t in traces.values()),
        "lanes": shown,
        "eras": len(eras["y"]) if eras else 0,
    }


def _eras(events: Sequence[Event], lanes: int) -> dict | None:
    """One full-height band per war or regime known over a span (a year, a range).

    A day-precise overthrow stays a marker: it is a moment, not an era. The
    band hovers and clicks through like any event.
    """
    eras = [e for e in events if e.type in ERA_TYPES and not is_point(e)]
    if not eras:
        return None
    return {
        "type": "bar",
        "orientation": "h",
        "name": "eras",
        "legendgroup": "eras",
        "showlegend": False,
        "y": [(lanes - 1) / 2] * len(eras),
        "base": [e.start.isoformat() for e in eras],
        "x": [((((e.end or e.start) - e.start).days) + 1) * DAY_MS for e in eras],
        "width": [lanes] * len(eras),
        "marker": {"color": ERA_COLOUR, "line": {"width": 0}},
        "customdata": [[e.get_absolute_url(), ""] for e in eras],
        "hovertext": [
            f"Era: <b>{escape(e.title)}</b><br>{escape(e.date_display or e.start.isoformat())}"
            for e in eras
        ],
        "hoverinfo": "text",
    }


def _same_day_offsets(
    events: Sequence[Event], lane_of: LaneOf, lanes: set[str]
) -> dict[tuple[str, int], float]:
    """Spread day-precise events sharing a lane and a day across the lane's height."""
    together: dict[tuple[str, dt.date], list[int]] = {}
    for event in events:
        if is_point(event):
            for lane in lane_of(event):
                if lane in lanes:
                    together.setdefault((lane, event.start), []).append(event.pk)
    offsets = {}
    for (lane, _day), pks in together.items():
        if len(pks) < 2:
            continue
        step = min(0.22, 0.8 / (len(pks) - 1))
        for i, pk in enumerate(pks):
            offsets[(lane, pk)] = round((i - (len(pks) - 1) / 2) * step, 3)
    return offsets


def _extent_guard(events: Sequence[Event]) -> dict:
    """Two invisible points just beyond the first and last dates.

    Plotly's autorange ("show all", double-click) then keeps a margin around
    the edge marks, and never zooms into hours when every event is on one day.
    """
    first = min(e.start for e in events)
    last = max(e.end or e.start for e in events)
    pad = max(MIN_PAD, (last - first) / 30)
    return {
        "type": "scatter",
        "mode": "markers",
        "x": [(first - pad).isoformat(), (last + pad).isoformat()],
        "y": [0, 0],
        "marker": {"opacity": 0, "size": 1},
        "hoverinfo": "skip",
        "showlegend": False,
        "name": "extent",
    }


def _short(label: str, limit: int = 24) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _new_trace(event: Event, colour: str, point: bool, *, first_of_type: bool) -> dict:
    # Two traces per type (points and spans) share one legend entry.
    common = {
        "name": event.type_label,
        "legendgroup": event.type,
        "showlegend": first_of_type,
        "y": [],
        "x": [],
        "customdata": [],
        "hovertext": [],
        "hoverinfo": "text",
    }
    if point:
        return {
            **common,
            "type": "scatter",
            "mode": "markers",
            "marker": {
                "color": colour,
                "size": [],
                "line": {"color": "#ffffff", "width": 1},
                "symbol": [],
            },
        }
    return {
        **common,
        "type": "bar",
        "orientation": "h",
        "base": [],
        "width": [],
        "marker": {"color": colour, "opacity": 0.45, "line": {"color": colour, "width": 1.5}},
    }


RELATIONS_COLOUR = "rgba(0, 158, 115, 0.16)"


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
            periods.append((partner, opened.start, max(until, opened.end or opened.start), opened))
    return periods


def with_relation_periods(figure: dict, periods: Sequence[tuple], lanes_shown: Sequence[str]):
    """Shade, under the events, the stretches when relations stood with each partner."""
    row = {lane: i for i, lane in enumerate(lanes_shown)}
    periods = [p for p in periods if p[0] in row]
    if not periods:
        return figure
    shade = {
        "type": "bar",
        "orientation": "h",
        "name": "relations in place",
        "showlegend": False,
        "y": [row[partner] for partner, *_ in periods],
        "base": [start.isoformat() for _p, start, _e, _o in periods],
        "x": [((end - start).days + 1) * DAY_MS for _p, start, end, _o in periods],
        "width": [0.9] * len(periods),
        "marker": {"color": RELATIONS_COLOUR, "line": {"width": 0}},
        "customdata": [[opening.get_absolute_url(), partner] for partner, *_r, opening in periods],
        "hovertext": [
            f"Relations with {escape(partner)}<br>from {escape(opening.date_display or str(start))}"
            for partner, start, _e, opening in periods
        ],
        "hoverinfo": "text",
    }
    figure["data"].insert(0, shade)  # drawn first: beneath the events
    figure["relation_periods"] = len(periods)
    return figure
