"""The public interface over the real seed articles (needs the extraction pipeline)."""

from __future__ import annotations

import html
import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(db):
    call_command("ingest", "seeds")


def all_events(client) -> list[dict]:
    body = client.get("/api/events.json?page_size=200").json()
    assert body["next"] is None
    return body["events"]


def test_every_event_page_answers(client, seeded):
    events = all_events(client)
    assert len(events) >= 3
    for event in events:
        assert client.get(event["url"]).status_code == 200


def test_every_source_link_lands_on_its_sentence(client, seeded):
    for event in all_events(client):
        assert event["sources"], event["title"]
        for source in event["sources"]:
            path, anchor = source["url"].removeprefix("http://testserver").split("#")
            page = client.get(path).content.decode()
            start = page.index(f'id="{anchor}"')
            element = page[page.index(">", start) + 1 : page.index("</span>", start)]
            shown = html.unescape(re.sub(r"<[^>]+>", "", element))
            assert shown.startswith(source["sentence"])


def test_seed_timeline_shows_syria_and_south_korea_establishing_relations(client, seeded):
    events = all_events(client)
    established = [
        e
        for e in events
        if e["type"] == "establish_relations"
        and {"SYR", "KOR"} <= {c["iso3"] for c in e["countries"]}
    ]
    assert established
    assert any(e["date"]["start"] == "2025-04-10" for e in established)


def test_filters_on_the_seeds_agree_between_page_api_and_csv(client, seeded):
    api_ids = [e["id"] for e in client.get("/api/events.json?country=SYR").json()["events"]]
    csv_text = client.get("/export/events.csv?country=SYR").content.decode()
    csv_ids = [int(line.split(",")[0]) for line in csv_text.splitlines()[1:] if line]
    page = client.get("/?country=SYR").content.decode()
    assert api_ids == csv_ids
    for pk in api_ids:
        assert f'href="/events/{pk}/"' in page
