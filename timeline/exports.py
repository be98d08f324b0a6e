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


def events_csv(events: Iterable[Event], absolute: Absolute) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for event in events:
        writer.writerow(
            [
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
                " ".join(
                    absolute(sentence_url(ev.sentence.article.slug, ev.sentence.index))
                    for ev in event.sources
                ),
            ]
        )
    return buffer.getvalue()


def _ics_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """RFC 5545: lines longer than 75 octets continue on the next line after a space."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode()
        if len(current) + len(piece) > (75 if not parts else 74):
            parts.append(current.decode())
            current = b""
        current += piece
    parts.append(current.decode())
    return "\r\n ".join(parts)


def events_ics(events: Iterable[Event], absolute: Absolute, *, host: str) -> str:
    """All-day calendar entries over each event's whole date span; undated events are left out."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//diplomatic-timeline//events//EN",
        "CALSCALE:GREGORIAN",
    ]
    for event in events:
        if not event.start:
            continue
        end = (event.end or event.start) + dt.timedelta(days=1)  # DTEND is exclusive
        url = absolute(event.get_absolute_url())
        description = f"{event.type_label}. Date: {event.date_display} ({event.precision})."
        if not event.date_certain:
            description += " Date uncertain."
        description += f" {event.corroboration} source(s). {url}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:event-{event.pk}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{event.start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{end:%Y%m%d}",
            f"SUMMARY:{_ics_text(event.title)}",
            f"DESCRIPTION:{_ics_text(description)}",
            f"URL:{url}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
