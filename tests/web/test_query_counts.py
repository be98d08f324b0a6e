"""No N+1 anywhere: every page, the API, the exports and the admin lists run as many
queries over a small synthetic timeline as over one several times larger."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from timeline.charts import DETAIL_LIMIT
from timeline.models import Actor, Article, Country, Event
from timeline.synthetic import synthesize

pytestmark = pytest.mark.django_db

LISTS = [
    "/?page=2",
    "/?lanes=actor",
    "/?type=meet&from=2000",
    "/api/events.json?page_size=50",
    "/export/events.csv",
    "/export/events.ics",
    "/export/timelinejs.json",
    "/admin/timeline/event/",
    "/admin/timeline/article/",
    "/admin/timeline/actor/",
    "/admin/timeline/country/",
    "/admin/timeline/sentence/",
    "/admin/timeline/evidence/",
    "/admin/timeline/reviewsentence/",
]


def most(model, relation: str):
    """The record with the most events (its page has the most to show)."""
    return model.objects.annotate(n=Count(relation)).order_by("-n", "pk").first()


def detail_pages() -> list[str]:
    event = Event.objects.annotate(n=Count("evidence")).order_by("-n", "pk").first()
    article = most(Article, "sentences__evidence")
    return [
        event.get_absolute_url(),
        most(Actor, "events").get_absolute_url(),
        most(Country, "events").get_absolute_url(),
        article.get_absolute_url(),
    ]


def count(client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries.captured_queries)


def costs(client, paths: list[str]) -> dict[str, int]:
    return {path: count(client, path) for path in paths}


def test_lists_exports_and_admin_cost_the_same_queries_at_two_sizes(admin_client):
    # Large enough that every filter of LISTS matches events with actors at both
    # sizes: a lookup of no ids costs no query, which is no N+1 but breaks equality.
    synthesize(300, seed=31)
    small = costs(admin_client, LISTS)
    synthesize(900, seed=32)
    assert Event.objects.count() == 1200
    assert costs(admin_client, LISTS) == small


def test_event_actor_country_and_article_pages_cost_the_same_queries_at_two_sizes(client):
    synthesize(60, seed=33)
    small = [count(client, path) for path in detail_pages()]
    synthesize(400, seed=34)
    large = [count(client, path) for path in detail_pages()]
    assert large == small


def test_the_timeline_drawn_as_density_costs_the_same_queries_at_two_sizes(client):
    synthesize(DETAIL_LIMIT + 100, seed=35)
    paths = ["/", "/?lanes=actor", "/?from=1980&to=2030"]
    small = costs(client, paths)
    synthesize(3 * DETAIL_LIMIT, seed=36)
    assert costs(client, paths) == small
    # Few queries in all: the counts are GROUP BYs, the list one page, one reads the version.
    assert small["/"] <= (15 if connection.vendor == "postgresql" else 14)
    # Asked again with no write between: the counts come from the cache.
    again = costs(client, paths)
    assert all(again[path] < small[path] for path in paths), (again, small)
    assert again["/"] <= (8 if connection.vendor == "postgresql" else 7)
