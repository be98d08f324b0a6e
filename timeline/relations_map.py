"""The relations map: a Plotly world map of the countries that had diplomatic
relations with one country on a day, built with ``plotly.graph_objects``.

Every frame (the first is the day asked for) holds the same four choropleth
traces, so the slider and the Play button only swap their locations:

0. relations on that day, ``z`` = 1 — the only trace with a non-zero ``z``;
1. relations broken, ``z`` = 0;
2. unsettled: a step dated only to a span holding the day (a month, a year)
   may or may not have changed them yet, ``z`` = 0;
3. the chosen country itself, ``z`` = 0.

Each trace has a single colour (a flat colour scale), so ``z`` says which
countries have relations and the trace says how to draw them. Hovering names
the events behind the colour; ``customdata`` is the URL of the pair's events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from html import escape

import plotly.graph_objects as go

from .relations import PartnerState, Standing, Step, relations_on, turning_days

# (standing, legend label, colour, z): Okabe-Ito colours, as on the timeline chart.
LAYERS: list[tuple[Standing, str, str, int]] = [
    (Standing.RELATIONS, "diplomatic relations", "#009E73", 1),
    (Standing.BROKEN, "relations broken", "#D55E00", 0),
    (
        Standing.UNSETTLED,
        "changing that day: the date is known only to a month or a year",
        "#E69F00",
        0,
    ),
]
HOME_COLOUR = "#0072B2"
LAND, BORDERS = "#e4e6ea", "#ffffff"
MAX_FRAMES = 60  # the slider's days; the form reaches any other day
HOVER_STEPS = 5  # events named in a hover, latest last
DAY_ARGS = {
    "mode": "immediate",
    "frame": {"duration": 0, "redraw": True},
    "transition": {"duration": 0},
}


def frame_days(steps: Sequence[Step], day: dt.date) -> list[dt.date]:
    """The slider's days: each day a standing may turn, and the day asked for.

    Past ``MAX_FRAMES``, the ones nearest the day asked for, so the figure's
    size stays bounded on a large corpus.
    """
    days = sorted({*turning_days(steps), day})
    if len(days) <= MAX_FRAMES:
        return days
    at = days.index(day)
    first = min(max(0, at - MAX_FRAMES // 2), len(days) - MAX_FRAMES)
    return days[first : first + MAX_FRAMES]


def _state_line(state: PartnerState) -> str:
    if state.standing is Standing.UNSETTLED:
        return "Changing around this day: an event's date is known only to a span"
    since = state.since.when if state.since else ""
    if state.standing is Standing.BROKEN:
        return f"Relations broken since {escape(since)}"
    return f"Relations {'restored' if state.restored else 'stand'} since {escape(since)}"


def _hover(name: str, state: PartnerState) -> str:
    shown = state.steps[-HOVER_STEPS:]
    earlier = len(state.steps) - len(shown)
    lines = [f"<b>{escape(name)}</b>", _state_line(state)]
    if earlier:
        lines.append(f"… {earlier} earlier event{'s' if earlier != 1 else ''}")
    lines += [f"{escape(s.when)} · {escape(s.title)}" for s in shown]
    lines.append("<i>Click for the events of the pair</i>")
    return "<br>".join(lines)


def _layer(label: str, colour: str, locations, z, hover, urls) -> go.Choropleth:
    return go.Choropleth(
        name=label,
        locationmode="ISO-3",
        locations=locations,
        z=z,
        zmin=0,
        zmax=1,
        colorscale=[[0, colour], [1, colour]],
        showscale=False,
        marker_line_color=BORDERS,
        marker_line_width=0.5,
        hovertext=hover,
        hoverinfo="text",
        customdata=urls,
    )


def day_traces(
    home: str,
    states: dict[str, PartnerState],
    names: dict[str, str],
    pair_url: Callable[[str], str],
) -> list[go.Choropleth]:
    """The four traces for one day (see the module docstring)."""
    traces = []
    for standing, label, colour, z in LAYERS:
        chosen = [s for s in states.values() if s.standing is standing]
        traces.append(
            _layer(
                label,
                colour,
                [s.partner for s in chosen],
                [z] * len(chosen),
                [_hover(names.get(s.partner, s.partner), s) for s in chosen],
                [pair_url(s.partner) for s in chosen],
            )
        )
    home_name = names.get(home, home)
    traces.append(
        _layer(
            home_name,
            HOME_COLOUR,
            [home],
            [0],
            [f"<b>{escape(home_name)}</b><br>the country whose relations are shown"],
            [pair_url(home)],
        )
    )
    return traces


def _slider(days: Sequence[dt.date], day: dt.date) -> dict:
    steps = [
        {"label": d.isoformat(), "method": "animate", "args": [[d.isoformat()], DAY_ARGS]}
        for d in days
    ]
    return {
        "active": days.index(day),
        "currentvalue": {"prefix": "On ", "font": {"size": 14, "color": "#1f2328"}},
        "pad": {"t": 8, "b": 4},
        "x": 0.1,
        "len": 0.84,  # room for the last day's label at the right
        # Past a few days the labels would overlap: the current value names the day.
        "font": {"size": 11, "color": "#57606a" if len(days) <= 6 else "rgba(0,0,0,0)"},
        "steps": steps,
    }


def _play_button() -> dict:
    play = {
        "frame": {"duration": 900, "redraw": True},
        "fromcurrent": True,
        "transition": {"duration": 0},
    }
    return {
        "type": "buttons",
        "direction": "left",
        "showactive": False,
        "x": 0.0,
        "xanchor": "left",
        "y": 0,
        "yanchor": "top",
        "pad": {"t": 34, "r": 8},
        "buttons": [
            {"label": "▶ Play", "method": "animate", "args": [None, play]},
            {"label": "❚❚", "method": "animate", "args": [[None], DAY_ARGS]},
        ],
    }


def relations_figure(
    home: str,
    day: dt.date,
    steps: Sequence[Step],
    *,
    names: dict[str, str],
    pair_url: Callable[[str], str],
) -> go.Figure:
    """The map for ``home`` on ``day``, with a frame for each turning day."""
    days = frame_days(steps, day)
    frames = [
        go.Frame(
            name=d.isoformat(),
            data=day_traces(home, relations_on(steps, d), names, pair_url),
            traces=[0, 1, 2, 3],
        )
        for d in days
    ]
    figure = go.Figure(data=frames[days.index(day)].data, frames=frames)
    figure.update_layout(
        height=560,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        font={"family": "system-ui, sans-serif", "size": 13, "color": "#1f2328"},
        paper_bgcolor="#ffffff",
        showlegend=False,  # the legend is HTML under the map
        hoverlabel={"align": "left"},
        geo={
            "projection_type": "natural earth",
            "showframe": False,
            "showcoastlines": False,
            "showland": True,
            "landcolor": LAND,
            "showcountries": True,
            "countrycolor": BORDERS,
            "lataxis_range": [-58, 85],  # Antarctica has no embassies to speak of
            "bgcolor": "#ffffff",
        },
        sliders=[_slider(days, day)],
        updatemenus=[_play_button()] if len(days) > 1 else [],
    )
    return figure
