"""CSV and iCalendar exports honour the same filters as the page, read back by real
parsers (csv, icalendar) and compared with the API; editors' text cannot attack the
program that opens them."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from timeline.exports import FORMULA_STARTS
from timeline.models import Event

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
    assert row["sources"] == "http://testserver/articles/ties-restored/#s1"


def test_csv_honours_the_filters(client, world):
    table = rows(client.get("/export/events.csv?country=BBB&type=meet"))
    assert [int(r["id"]) for r in table] == [world.meeting.pk]


def api_events(client, query: str = "") -> list[dict]:
    return client.get(f"/api/events.json?page_size=200&{query}").json()["events"]


def calendar_events(body: bytes) -> list:
    return Calendar.from_ical(body).walk("VEVENT")


@pytest.mark.parametrize("query", ["", "country=AAA", "q=capital", "from=2024&to=2024"])
def test_csv_matches_the_api(client, world, query):
    table = rows(client.get(f"/export/events.csv?{query}"))
    api = api_events(client, query)
    assert [int(r["id"]) for r in table] == [e["id"] for e in api]
    for row, event in zip(table, api, strict=True):
        assert row["url"] == event["url"]
        assert row["title"] == event["title"]
        assert row["start"] == event["date"]["start"]
        assert row["end"] == event["date"]["end"]
        assert row["countries"] == "; ".join(c["iso3"] for c in event["countries"])
        assert row["sources"].split() == [s["url"] for s in event["sources"]]


@pytest.mark.parametrize("query", ["", "country=CCC", "type=meet"])
def test_ics_matches_the_api(client, world, query):
    response = client.get(f"/export/events.ics?{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    entries = {str(e["UID"]): e for e in calendar_events(response.content)}
    api = [e for e in api_events(client, query) if e["date"]["start"]]
    assert set(entries) == {f"event-{e['id']}@testserver" for e in api}
    for event in api:
        entry = entries[f"event-{event['id']}@testserver"]
        assert str(entry["SUMMARY"]) == event["title"]
        assert str(entry["URL"]) == event["url"]
        start = dt.date.fromisoformat(event["date"]["start"])
        end = dt.date.fromisoformat(event["date"]["end"])
        # All-day entries over the whole span; DTEND is the day after it.
        assert entry.decoded("DTSTART") == start
        assert entry.decoded("DTEND") == end + dt.timedelta(days=1)
        description = str(entry["DESCRIPTION"])
        for source in event["sources"]:
            assert source["sentence"] in description
            assert source["url"] in description


def test_ics_entries_span_their_dates(client, world):
    [entry] = [
        e
        for e in calendar_events(client.get("/export/events.ics").content)
        if "criticises" in e["SUMMARY"]
    ]
    assert entry.decoded("DTSTART") == dt.date(2024, 1, 1)
    assert entry.decoded("DTEND") == dt.date(2025, 1, 1)
    assert "Date uncertain." in entry["DESCRIPTION"]


def test_ics_uids_are_stable(client, world):
    first = [str(e["UID"]) for e in calendar_events(client.get("/export/events.ics").content)]
    Event.objects.filter(pk=world.meeting.pk).update(title="Ministers meet again")
    again = [str(e["UID"]) for e in calendar_events(client.get("/export/events.ics").content)]
    assert first == again


@pytest.mark.parametrize(
    "title", ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]
)
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(client, world, title):
    Event.objects.filter(pk=world.meeting.pk).update(title=title, date_rule="=1+1")
    [row] = rows(client.get("/export/events.csv?type=meet"))
    assert row["title"] == "'" + title
    assert row["date_how"] == "'=1+1"
    assert client.get("/api/events.json?type=meet").json()["events"][0]["title"] == title


def test_a_carriage_return_in_a_title_leaves_no_bare_cr(client, world):
    Event.objects.filter(pk=world.meeting.pk).update(title="Ministers\rmeet\r\nagain")
    body = client.get("/export/events.ics").content
    assert body.count(b"\r") == body.count(b"\r\n")
    [entry] = [
        e for e in calendar_events(body) if str(e["UID"]).startswith(f"event-{world.meeting.pk}@")
    ]
    assert str(entry["SUMMARY"]) == "Ministers\nmeet\nagain"


# Any title an editor may type: the calendar parses, every line is a CRLF line of at
# most 75 octets, and the title comes back (line breaks as one "\n" each).
titles = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=300)


@settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=40,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(titles)
@example("Ministers\r\nmeet")
@example("\r=1+1")
@example("'quoted")
@example("é" * 80)
def test_any_title_survives_both_exports(client, world, title):
    Event.objects.filter(pk=world.meeting.pk).update(title=title)
    body = client.get("/export/events.ics?type=meet").content
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    assert body.count(b"\r") == body.count(b"\r\n")
    [entry] = calendar_events(body)
    assert str(entry["SUMMARY"]) == title.replace("\r\n", "\n").replace("\r", "\n")
    [row] = rows(client.get("/export/events.csv?type=meet"))
    cell = "'" + title if title.startswith(FORMULA_STARTS) else title
    assert row["title"] == cell
