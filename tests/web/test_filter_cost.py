"""Filters cost what they mean: a value repeated in the URL costs nothing more,
many values are one clause, and no query string makes a server error."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.filters import MAX_VALUES
from timeline.models import Country

pytestmark = pytest.mark.django_db

PATHS = ["/", "/api/events.json", "/export/events.csv", "/export/events.ics"]


def cost(client, path: str, query: str) -> tuple[int, list[tuple[int, int]]]:
    """The status, and each statement's number of joins and of subqueries (the counts
    computed afresh: none kept from an earlier request, timeline.versioning)."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        status = client.get(f"{path}?{query}").status_code
    shapes = sorted(
        (q["sql"].count(" JOIN "), q["sql"].count("SELECT")) for q in queries.captured_queries
    )
    return status, shapes


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("key", ["country", "actor"])
def test_a_value_repeated_64_times_costs_what_it_costs_once(client, world, path, key):
    value = {"country": "AAA", "actor": "ada-minister"}[key]
    once = cost(client, path, f"{key}={value}")
    assert once[0] == 200
    assert cost(client, path, "&".join([f"{key}={value}"] * 64)) == once


@pytest.mark.parametrize("path", PATHS)
def test_many_countries_are_one_clause(client, world, path):
    """As many statements, each with as many joins, for 1 country as for the most allowed."""
    codes = ["AAA", "BBB", "CCC"] + [f"Z{a}{b}" for a in "ABCDEFGH" for b in "AB"]
    world.established.countries.add(
        "CCC", *Country.objects.bulk_create(Country(iso3=c, name=c) for c in codes[3:])
    )
    codes = codes[:MAX_VALUES]
    one = cost(client, path, "country=AAA")
    codes = urlencode([("country", c) for c in codes])
    many = cost(client, path, codes)
    assert many == one
    assert f"/events/{world.established.pk}/" in client.get(f"{path}?{codes}").content.decode()


def test_countries_still_must_all_take_part(client, world):
    def ids(query):
        return [e["id"] for e in client.get(f"/api/events.json?{query}").json()["events"]]

    assert ids("country=AAA&country=BBB&country=AAA") == [world.established.pk, world.meeting.pk]
    assert ids("country=AAA&country=CCC") == [world.old.pk, world.criticism.pk]
    assert ids("actor=ada-minister&actor=bo-envoy") == [world.established.pk]
    assert ids("country=AAA&country=BBB&country=CCC") == []


def test_more_values_than_allowed_is_a_clear_error(client, world):
    codes = urlencode([("country", f"X{i:02d}") for i in range(MAX_VALUES + 1)])
    response = client.get(f"/api/events.json?{codes}")
    assert response.status_code == 400
    [error] = response.json()["errors"]["country"]
    assert error["message"] == f"Choose at most {MAX_VALUES} values here ({MAX_VALUES + 1} given)."
    page = client.get(f"/?{codes}").content.decode()
    assert f"Choose at most {MAX_VALUES} values here" in page
    assert client.get(f"/export/events.csv?{codes}").status_code == 400


def test_an_unknown_value_is_named(client, world):
    response = client.get("/api/events.json?actor=ada-minister&actor=nobody&actor=nobody")
    assert response.json()["errors"]["actor"][0]["message"] == "Unknown: nobody."


def test_a_repeated_chip_is_shown_once(client, world):
    page = client.get("/?" + "&".join(["country=AAA"] * 5)).content.decode()
    assert len(re.findall(r"Remove filter Country: Avalon", page)) == 1


# Arbitrary query strings: keys the filters know, and others, with any values,
# some repeated; percent-encoding keeps any character, NUL and surrogates' bytes included.
KEYS = ["country", "actor", "type", "from", "to", "q", "article", "lanes", "page", "page_size"]
values = st.one_of(
    st.sampled_from(["AAA", "aaa", "FRA", "ada-minister", "meet", "2025", "2025-04", "1"]),
    st.text(max_size=30),
    st.binary(max_size=12).map(lambda b: b.decode("latin-1")),
)
pairs = st.lists(
    st.tuples(st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), values), max_size=20
)
queries = st.tuples(pairs, st.integers(1, 40)).map(lambda t: (urlencode(t[0]), t[1]))

PROPERTY = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@PROPERTY
@given(queries, st.sampled_from(PATHS))
def test_no_query_string_makes_a_server_error_or_grows_with_repetition(client, world, drawn, path):
    query, times = drawn
    status, once = cost(client, path, query)
    assert status < 500
    repeated = "&".join([query] * times) if query else query
    assert cost(client, path, repeated)[1] == once


@PROPERTY
@given(st.text(st.characters(max_codepoint=255), max_size=200))  # WSGI gives latin-1
def test_any_raw_query_string_is_answered_without_a_server_error(client, world, raw):
    for path in PATHS:
        assert client.get(path, QUERY_STRING=raw).status_code < 500


@pytest.mark.parametrize("query", ["", "from=2020&to=2024", "q=talks", "country=AAA"])
def test_the_counts_per_type_count_each_event_once(world, query):
    """The GROUP BY behind the type choices and the page's total counts without DISTINCT:
    every filter must be a subquery, never a join that would repeat an event. (Which index
    it reads shows at scale: bench/pages_bench.py prints its plan at 20,000 events.)"""
    from django.http import QueryDict

    from timeline.filters import EventFilterForm
    from timeline.selectors import summaries_by_type, visible_events

    form = EventFilterForm(QueryDict(query))
    assert form.is_valid()
    events = form.filter(visible_events())
    by_type = summaries_by_type(events)
    assert sum(s.total for s in by_type.values()) == events.count() == len(set(events))


def test_an_event_two_of_whose_sentences_match_the_text_counts_once(
    client, make_article, make_event
):
    article = make_article("Avalon held talks with Borduria.", "The talks went on all day.")
    sentences = tuple(article.sentences.all())
    make_event("Talks in the capital", type="meet", countries=("AAA", "BBB"), sentences=sentences)
    make_event("A visit", type="visit", countries=("AAA",), sentences=sentences[:1])
    for query in ("q=talks", f"article={article.slug}", f"q=talks&article={article.slug}"):
        page = client.get(f"/?{query}").content.decode()
        assert '<h1 id="results-title" class="results-title" tabindex="-1">2 events</h1>' in page
        assert ">AAA (2)</option>" in page and ">BBB (1)</option>" in page
