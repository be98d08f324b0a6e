"""The JSON contract of /api/events.json, key by key."""

from __future__ import annotations

import pytest

from timeline.models import Evidence

pytestmark = pytest.mark.django_db


def event_by_id(client, pk: int, query: str = "") -> dict:
    events = client.get(f"/api/events.json?{query}").json()["events"]
    return next(e for e in events if e["id"] == pk)


def test_envelope(client, world):
    body = client.get("/api/events.json").json()
    assert set(body) == {"count", "next", "events"}
    assert body["count"] == 4
    assert body["next"] is None
    assert len(body["events"]) == 4


def test_only_visible_events_in_date_order(client, world):
    events = client.get("/api/events.json").json()["events"]
    assert [e["id"] for e in events] == [
        world.old.pk,
        world.criticism.pk,
        world.established.pk,
        world.meeting.pk,
    ]


def test_event_keys(client, world):
    event = event_by_id(client, world.established.pk)
    assert event["id"] == world.established.pk
    assert event["url"] == f"http://testserver/events/{world.established.pk}/"
    assert event["title"] == "Avalon and Borduria establish relations"
    assert event["type"] == "establish_relations"
    assert event["type_label"] == "Establish or restore relations"
    assert event["status"] == "done"
    assert event["verified"] is False
    assert event["corroboration"] == 2


def test_event_date(client, world):
    date = event_by_id(client, world.criticism.pk)["date"]
    assert date == {
        "start": "2024-01-01",
        "end": "2024-12-31",
        "precision": "year",
        "edtf": "",
        "display": world.criticism.date_display,
        "certain": False,
        "how": "Only the year is given.",
    }


def test_event_countries_and_actors(client, world):
    event = event_by_id(client, world.established.pk)
    assert {"iso3": "AAA", "name": "Avalon"} in event["countries"]
    assert {"iso3": "BBB", "name": "Borduria"} in event["countries"]
    assert {"slug": "ada-minister", "name": "Ada Minister", "kind": "person"} in event["actors"]


def test_event_sources_link_to_their_sentences(client, world):
    sources = event_by_id(client, world.established.pk)["sources"]
    assert [s["article"] for s in sources] == ["relations-established", "ties-restored"]
    first = sources[0]
    assert first["article_title"] == "Relations established"
    assert first["sentence"] == world.first.sentences.get(index=0).text
    assert first["url"] == "http://testserver/articles/relations-established/#s1"
    assert first["sentence_index"] == 1  # as people count, and as the anchor says


def test_rejected_evidence_is_not_a_source(client, world):
    Evidence.objects.filter(event=world.established, sentence__article=world.second).update(
        rejected=True
    )
    event = event_by_id(client, world.established.pk)
    assert [s["article"] for s in event["sources"]] == ["relations-established"]
    assert event["corroboration"] == 1


def test_corroboration_counts_distinct_articles_and_says_how_many_are_independent(client, world):
    assert event_by_id(client, world.established.pk)["independent_sources"] == 2
    world.second.duplicate_of = world.first
    world.second.save()
    event = event_by_id(client, world.established.pk)
    assert len(event["sources"]) == 2
    assert event["corroboration"] == 2
    assert event["independent_sources"] == 1  # a near-copy counts as its original


def test_event_conflicts(client, world):
    conflicts = event_by_id(client, world.established.pk)["conflicts"]
    assert len(conflicts) == 1
    assert conflicts[0]["field"] == "date"
    values = [claim["value"] for claim in conflicts[0]["claims"]]
    assert values == ["10 April 2025", "9 April 2025"]
    claim = conflicts[0]["claims"][1]
    assert claim["article"] == "ties-restored"
    assert claim["sentence"] == 1
    assert claim["text"].startswith("Avalon restored ties")
    assert claim["url"] == "http://testserver/articles/ties-restored/#s1"


def test_events_without_conflicts_have_an_empty_list(client, world):
    assert event_by_id(client, world.meeting.pk)["conflicts"] == []


def test_paging(client, world):
    first = client.get("/api/events.json?page_size=3&country=AAA").json()
    assert first["count"] == 4
    assert len(first["events"]) == 3
    assert first["next"] == "http://testserver/api/events.json?page_size=3&country=AAA&page=2"
    second = client.get(first["next"]).json()
    assert len(second["events"]) == 1
    assert second["next"] is None
    seen = [e["id"] for e in first["events"] + second["events"]]
    assert len(set(seen)) == 4


def test_page_size_is_capped_at_200(client, world):
    assert client.get("/api/events.json?page_size=200").status_code == 200
    assert client.get("/api/events.json?page_size=201").status_code == 400


def test_empty_result_is_a_valid_page(client, db):
    body = client.get("/api/events.json").json()
    assert body == {"count": 0, "next": None, "events": []}


@pytest.mark.parametrize(
    "conflicts",
    [
        {"field": "date"},
        ["nonsense"],
        [{"field": "date", "claims": ["x", 3]}],
        [{"claims": None}],
        [{"field": "date", "claims": [{"value": 1, "article": "not a slug!", "sentence": 0}]}],
        [{"field": "date", "claims": [{"value": "x", "article": {"a": 1}, "sentence": "0"}]}],
    ],
)
def test_malformed_conflicts_from_the_admin_do_not_break_pages(client, world, conflicts):
    world.meeting.conflicts = conflicts
    world.meeting.save()
    assert client.get(f"/events/{world.meeting.pk}/").status_code == 200
    assert isinstance(event_by_id(client, world.meeting.pk)["conflicts"], list)
