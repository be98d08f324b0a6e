"""Events as JSON (the API), CSV and iCalendar: one shape, three formats."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable

from django.urls import NoReverseMatch, reverse

from .models import Event, Evidence

Absolute = Callable[[str], str]  # request.build_absolute_uri


def sentence_url(article_slug: str, index: int) -> str:
    """The sentence's anchor: numbered from 1 (``Sentence.number``), as the explanations say."""
    return f"{reverse('article', args=[article_slug])}#s{index + 1}"


def source_json(evidence: Evidence, absolute: Absolute) -> dict:
    sentence = evidence.sentence
    article = sentence.article
    return {
        "article": article.slug,
        "article_title": article.title,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "sentence": sentence.text,
        "sentence_index": sentence.number,
        "url": absolute(sentence_url(article.slug, sentence.index)),
    }


def conflicts_json(event: Event, absolute: Absolute) -> list[dict]:
    """Event.conflicts as stored, each claim with a link to its sentence when known."""
    out = []
    # Editors can type any JSON in the admin: keep what has the documented shape.
    for conflict in event.conflicts if isinstance(event.conflicts, list) else []:
        if not isinstance(conflict, dict):
            continue
        claims = []
        for claim in conflict.get("claims") or []:
            if not isinstance(claim, dict):
                continue
            article, index = claim.get("article") or "", claim.get("sentence")
            article = article if isinstance(article, str) else ""
            url = None
            if article and isinstance(index, int):
                try:
                    url = absolute(sentence_url(article, index))
                except NoReverseMatch:  # not a slug: keep the claim, without a link
                    url = None
            claims.append(
                {
                    "value": str(claim.get("value", "")),
                    "article": article,
                    "sentence": index + 1 if isinstance(index, int) else index,
                    "text": str(claim.get("text") or ""),
                    "url": url,
                }
            )
        out.append({"field": str(conflict.get("field") or ""), "claims": claims})
    return out


def event_json(event: Event, absolute: Absolute) -> dict:
    """An event loaded by ``selectors.load_events`` (sources and corroboration attached)."""
    return {
        "id": event.pk,
        "url": absolute(event.get_absolute_url()),
        "title": event.title,
        "type": event.type,
        "type_label": event.type_label,
        "status": event.status,
        "verified": event.verified,
        "date": {
            "start": event.start.isoformat() if event.start else None,
            "end": event.end.isoformat() if event.end else None,
            "precision": event.precision,
            "edtf": event.edtf,
            "display": event.date_display,
            "certain": event.date_certain,
            "how": event.date_rule,
        },
        "countries": [{"iso3": c.iso3, "name": c.name} for c in event.countries.all()],
        "actors": [{"slug": a.slug, "name": a.name, "kind": a.kind} for a in event.actors.all()],
        "sources": [source_json(ev, absolute) for ev in event.sources],
        "conflicts": conflicts_json(event, absolute),
        "corroboration": event.corroboration,
        "independent_sources": event.independent_sources,
    }


CSV_COLUMNS = [
    "id",
    "url",
    "title",
    "type",
    "type_label",
    "status",
    "start",
    "end",
    "precision",
    "edtf",
    "date_display",
    "date_certain",
    "date_how",
    "countries",
    "actors",
    "corroboration",
    "independent_sources",
    "verified",
    "sources",
]


# A spreadsheet reads a cell that starts with one of these as a formula (or
# as the start of one): "=HYPERLINK(...)" in a title would run on opening.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> str:
    """The cell's text, with a leading apostrophe when a spreadsheet would read a formula."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def events_csv(events: Iterable[Event], absolute: Absolute) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for event in events:
        writer.writerow(map(spreadsheet_safe, _csv_row(event, absolute)))
    return buffer.getvalue()


def _csv_row(event: Event, absolute: Absolute) -> list:
    return [
        event.pk,
        absolute(event.get_absolute_url()),
        event.title,
        event.type,
        event.type_label,
        event.status,
        event.start.isoformat() if event.start else "",
        event.end.isoformat() if event.end else "",
        event.precision,
        event.edtf,
        event.date_display,
        "yes" if event.date_certain else "no",
        event.date_rule,
        "; ".join(c.iso3 for c in event.countries.all()),
        "; ".join(a.name for a in event.actors.all()),
        event.corroboration,
        event.independent_sources,
        "yes" if event.verified else "no",
        " ".join(_source_url(ev, absolute) for ev in event.sources),
    ]


def _source_url(evidence: Evidence, absolute: Absolute) -> str:
    return absolute(sentence_url(evidence.sentence.article.slug, evidence.sentence.index))


def _ics_description(event: Event, absolute: Absolute) -> str:
    """What the event is, how sure its date is, and every source sentence with its link."""
    lines = [f"{event.type_label}. Date: {event.date_display} ({event.precision})."]
    if not event.date_certain:
        lines.append("Date uncertain.")
    lines.append(f"{event.corroboration} source(s):")
    for evidence in event.sources:
        article = evidence.sentence.article
        where = ", ".join(
            part
            for part in (article.outlet, article.published and article.published.isoformat())
            if part
        )
        lines.append(
            f"- {article.title or article.slug}{f' ({where})' if where else ''}: "
            f"“{evidence.sentence.text}” {_source_url(evidence, absolute)}"
        )
    lines.append(absolute(event.get_absolute_url()))
    return "\n".join(lines)


def events_ics(events: Iterable[Event], absolute: Absolute, *, host: str) -> bytes:
    """All-day calendar entries over each event's whole date span, written by the
    icalendar library (escaping, line folding); undated events are left out."""
    # Imported here: every process loads this module through the URLconf, and the
    # library costs a tenth of a second of each ingest's startup.
    from icalendar import Calendar
    from icalendar import Event as CalendarEvent

    calendar = Calendar()
    calendar.add("prodid", "-//diplomatic-timeline//events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for event in events:
        if not event.start:
            continue
        entry = CalendarEvent()
        entry.add("uid", f"event-{event.pk}@{host}")  # the same event keeps its UID
        entry.add("dtstamp", stamp)
        entry.add("dtstart", event.start)
        entry.add("dtend", (event.end or event.start) + dt.timedelta(days=1))  # exclusive
        entry.add("summary", event.title)
        entry.add("description", _ics_description(event, absolute))
        entry.add("url", absolute(event.get_absolute_url()))
        calendar.add_component(entry)
    return calendar.to_ical()
