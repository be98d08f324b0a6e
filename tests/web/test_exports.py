"""CSV and iCalendar exports honour the same filters as the page."""

from __future__ import annotations

import csv
import io

import pytest

from timeline.exports import _fold

pytestmark = pytest.mark.django_db


def rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_csv_has_every_visible_event(client, world):
    response = client.get("/export/events.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="events.csv"' in response["Content-Disposition"]
    table = rows(response)
    assert [int(r["id"]) for r in table] == [
        world.old.pk,
        world.criticism.pk,
        world.established.pk,
        world.meeting.pk,
    ]


def test_csv_columns(client, world):
    row = next(r for r in rows(client.get("/export/events.csv")) if r["type"] == "criticise")
    assert row["url"] == f"http://testserver/events/{world.criticism.pk}/"
    assert row["start"] == "2024-01-01"
    assert row["end"] == "2024-12-31"
    assert row["precision"] == "year"
    assert row["date_certain"] == "no"
    assert row["countries"] == "AAA; CCC"
    assert row["corroboration"] == "1"
    assert row["independent_sources"] == "1"
    assert row["sources"] == "http://testserver/articles/ties-restored/#s2"


def test_csv_honours_the_filters(client, world):
    table = rows(client.get("/export/events.csv?country=BBB&type=meet"))
    assert [int(r["id"]) for r in table] == [world.meeting.pk]


def test_ics_has_all_day_events_over_their_span(client, world):
    response = client.get("/export/events.ics?country=CCC")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == 2
    assert "DTSTART;VALUE=DATE:20240101\r\nDTEND;VALUE=DATE:20250101" in text
    assert f"UID:event-{world.criticism.pk}@testserver" in text


def test_ics_lines_are_folded_at_75_octets():
    folded = _fold("SUMMARY:" + "é" * 80)
    assert all(len(line.encode()) <= 75 for line in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == "SUMMARY:" + "é" * 80
