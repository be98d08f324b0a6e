"""/export/timelinejs.json: TimelineJS3's document, for exactly the filtered events."""

from __future__ import annotations

import datetime as dt
import json
from html import unescape

import pytest

pytestmark = pytest.mark.django_db


def timeline(client, query: str = "") -> dict:
    response = client.get(f"/export/timelinejs.json{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def api(client, query: str = "") -> list[dict]:
    sep = "&" if query else "?"
    return json.loads(client.get(f"/api/events.json{query}{sep}page_size=200").content)["events"]


@pytest.mark.parametrize("query", ["", "?country=CCC", "?country=BBB&type=meet", "?q=restored"])
def test_the_slides_are_exactly_the_filtered_events_of_the_api(client, world, query):
    doc = timeline(client, query)
    events = api(client, query)

    assert [s["unique_id"] for s in doc["events"]] == [f"event-{e['id']}" for e in events]
    assert [unescape(s["text"]["headline"]) for s in doc["events"]] == [e["title"] for e in events]
    assert [s["display_date"] for s in doc["events"]] == [e["date"]["display"] for e in events]


def test_dates_carry_only_the_parts_the_event_is_precise_to(client, world):
    slides = {s["unique_id"]: s for s in timeline(client)["events"]}

    established = slides[f"event-{world.established.pk}"]
    criticism = slides[f"event-{world.criticism.pk}"]
    assert established["start_date"] == {"year": 2025, "month": 4, "day": 10}
    assert "end_date" not in established
    assert criticism["start_date"] == {"year": 2024}
    assert "end_date" not in criticism  # the whole year is one year, not a span


def test_a_span_has_an_end_date(client, world, make_event):
    talks = make_event(
        "Talks in Avalon",
        type="negotiate",
        start=dt.date(2025, 2, 5),
        end=dt.date(2025, 2, 7),
        precision="range",
        countries=("AAA", "BBB"),
    )
    slide = next(s for s in timeline(client)["events"] if s["unique_id"] == f"event-{talks.pk}")
    assert slide["start_date"] == {"year": 2025, "month": 2, "day": 5}
    assert slide["end_date"] == {"year": 2025, "month": 2, "day": 7}


def test_each_slide_quotes_and_links_every_source_sentence(client, world):
    slide = next(
        s for s in timeline(client)["events"] if s["unique_id"] == f"event-{world.established.pk}"
    )
    event = next(e for e in api(client) if e["id"] == world.established.pk)

    for source in event["sources"]:
        assert source["sentence"] in slide["text"]["text"]
        assert f'href="{source["url"]}"' in slide["text"]["text"]
    assert len(event["sources"]) == 2


def test_groups_follow_the_lanes(client, world):
    by_country = {s["unique_id"]: s["group"] for s in timeline(client)["events"]}
    by_actor = {s["unique_id"]: s["group"] for s in timeline(client, "?lanes=actor")["events"]}

    assert by_country[f"event-{world.meeting.pk}"] in {"Avalon", "Borduria"}
    assert by_actor[f"event-{world.meeting.pk}"] == "Ada Minister"
    assert by_actor[f"event-{world.criticism.pk}"] == "(none named)"


def test_wars_known_over_a_span_are_eras(client, world, make_event):
    war = make_event(
        "War between Avalon and Carpania",
        type="armed_conflict",
        start=dt.date(1967, 6, 5),
        end=dt.date(1967, 6, 10),
        precision="range",
        countries=("AAA", "CCC"),
    )
    doc = timeline(client)
    assert doc["eras"] == [
        {
            "start_date": {"year": 1967, "month": 6, "day": 5},
            "end_date": {"year": 1967, "month": 6, "day": 10},
            "text": {"headline": war.title},
        }
    ]
    assert "eras" not in timeline(client, "?type=meet")


def test_sentences_and_titles_are_escaped_html(client, world, make_article, make_event):
    article = make_article("Avalon <script>alert(1)</script> and Borduria met.")
    make_event(
        "<img src=x onerror=alert(1)>",
        type="meet",
        countries=("AAA", "BBB"),
        sentences=(article.sentences.get(index=0),),
    )
    text = json.dumps(timeline(client, "?type=meet"))
    assert "<script>" not in text
    assert "<img" not in text
    assert "&lt;script&gt;" in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text


def test_a_bad_filter_is_a_400_naming_it(client, world):
    response = client.get("/export/timelinejs.json?from=yesterday")
    assert response.status_code == 400
    assert b"from" in response.content
