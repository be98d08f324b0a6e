"""The filtered events as TimelineJS3 JSON, so a newsroom can embed the story.

Format: https://timeline.knightlab.com/docs/json-format.html. A date is given only
to the event's precision (a year-precise fact has no month or day), the sources'
sentences with links make each slide's text, ``group`` is the event's first
country or actor (the chart's lanes), and wars and regimes the data dates over a
span become ``eras``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from django.utils.html import escape, format_html, format_html_join

from .charts import ERA_TYPES, is_point
from .exports import sentence_url
from .models import Event, Precision

Absolute = Callable[[str], str]

_PARTS = {
    Precision.DAY: ("year", "month", "day"),
    Precision.RANGE: ("year", "month", "day"),
    Precision.MONTH: ("year", "month"),
    Precision.SEASON: ("year", "month"),
}
NO_GROUP = "(none named)"


def date_parts(day, precision: str) -> dict[str, int]:
    """A date cut to what the source says: ``{"year": 2023}`` for a year-precise fact."""
    values = {"year": day.year, "month": day.month, "day": day.day}
    return {part: values[part] for part in _PARTS.get(precision, ("year",))}


def _end(event: Event) -> dict[str, int] | None:
    start = date_parts(event.start, event.precision)
    end = date_parts(event.end, event.precision) if event.end else None
    return end if end and end != start else None


def group_of(event: Event, lanes: str) -> str:
    names = (
        [a.name for a in event.actors.all()]
        if lanes == "actor"
        else [c.name for c in event.countries.all()]
    )
    return names[0] if names else NO_GROUP


def slide_text(event: Event, absolute: Absolute) -> str:
    """Every source sentence, quoted and linked to its place in its article."""
    sources = format_html_join(
        "",
        '<p>“{}” <a href="{}">{}</a></p>',
        (
            (
                ev.sentence.text,
                absolute(sentence_url(ev.sentence.article.slug, ev.sentence.index)),
                ev.sentence.article.title or ev.sentence.article.slug,
            )
            for ev in event.sources
        ),
    )
    page = absolute(event.get_absolute_url())
    return sources + format_html('<p><a href="{}">The event and its sources</a></p>', page)


def slide(event: Event, absolute: Absolute, lanes: str) -> dict:
    out = {
        "unique_id": f"event-{event.pk}",
        "start_date": date_parts(event.start, event.precision),
        "display_date": event.date_display,
        # TimelineJS renders headlines as HTML: an editor's title is text.
        "text": {"headline": escape(event.title), "text": slide_text(event, absolute)},
        "group": group_of(event, lanes),
    }
    if end := _end(event):
        out["end_date"] = end
    return out


def era(event: Event) -> dict:
    return {
        "start_date": date_parts(event.start, event.precision),
        "end_date": date_parts(event.end or event.start, event.precision),
        "text": {"headline": escape(event.title)},
    }


def timeline_json(events: Sequence[Event], absolute: Absolute, *, lanes: str = "country") -> dict:
    """TimelineJS3's document for events loaded by ``selectors.load_events``.

    TimelineJS needs a start date: undated events are left out, as in the calendar.
    """
    dated = [e for e in events if e.start]
    doc: dict = {
        "title": {
            "text": {
                "headline": "Diplomatic timeline",
                "text": f"{len(dated)} dated events, each with the sentences that report it.",
            }
        },
        "events": [slide(e, absolute, lanes) for e in dated],
    }
    if eras := [era(e) for e in _eras(dated)]:
        doc["eras"] = eras
    return doc


def _eras(events: Iterable[Event]) -> list[Event]:
    return [e for e in events if e.type in ERA_TYPES and not is_point(e) and e.end]
