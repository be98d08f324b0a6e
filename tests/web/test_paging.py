"""The list on / pages through every filtered event; the chart always draws them all."""

from __future__ import annotations

import json
import re

import pytest
from django.db import connection

from timeline.views import PAGE_SIZE

from .conftest import add_meetings

pytestmark = pytest.mark.django_db


def listed(page: str) -> list[str]:
    return re.findall(r'<a class="event-link" href="(/events/\d+/)"', page)


def charted(page: str) -> set[str]:
    raw = re.search(r'<script id="timeline-figure" type="application/json">(.*?)</script>', page)
    figure = json.loads(raw.group(1))
    return {c[0] for trace in figure["data"] for c in trace.get("customdata", [])}


@pytest.fixture
def many(world):
    """The world's four events and 146 meetings, all with Avalon: 150 events, two pages."""
    assert PAGE_SIZE == 100
    return add_meetings(146, country="AAA")


def test_the_first_page_lists_a_page_and_links_to_the_next_keeping_the_filters(client, many):
    page = client.get("/?country=AAA").content.decode()
    assert "150 events" in page
    assert len(listed(page)) == PAGE_SIZE
    assert len(charted(page)) == 150  # the chart is not paged
    assert 'href="/?country=AAA&amp;page=2"' in page
    assert "Next page" in page
    assert "Previous page" not in page
    assert "Page 1 of 2" in page
    assert "1–100 of 150" in page


def test_the_second_page_lists_the_rest(client, many):
    first = listed(client.get("/?country=AAA").content.decode())
    page = client.get("/?country=AAA&page=2").content.decode()
    second = listed(page)
    assert len(second) == 50
    assert set(first).isdisjoint(second)
    assert len(set(first) | set(second)) == 150
    assert len(charted(page)) == 150
    assert "101–150 of 150" in page
    # Back to page 1 is the plain filtered URL; there is no page 3.
    assert 'rel="prev" href="/?country=AAA"' in page
    assert "Next page" not in page


def test_paging_links_keep_every_filter(client, many):
    query = "country=AAA&type=meet&from=2025&q=meeting&lanes=actor"
    page = client.get(f"/?{query}").content.decode()
    assert "146 events" in page  # the world's meeting has no "meeting" in its title
    [link] = re.findall(r'rel="next" href="([^"]+)"', page)
    assert link.replace("&amp;", "&") == f"/?{query}&page=2"
    [hx] = re.findall(r'rel="next" href="[^"]+" hx-get="([^"]+)"', page)
    assert hx == link


def test_changing_a_filter_goes_back_to_the_first_page(client, many):
    page = client.get("/?country=AAA&type=meet&page=2").content.decode()
    assert 'href="/?country=AAA"' in page  # removing the type chip
    assert 'href="/?country=AAA&amp;country=BBB&amp;type=meet"' in page  # a facet link
    # Downloads and the API take the filters, not the page of the list.
    assert 'href="/export/events.csv?country=AAA&amp;type=meet"' in page
    assert 'href="/api/events.json?country=AAA&amp;type=meet"' in page


@pytest.mark.parametrize(("number", "shown"), [("abc", 1), ("0", 1), ("-3", 1), ("99", 2)])
def test_a_page_number_that_is_not_one_shows_the_nearest_page(client, many, number, shown):
    response = client.get(f"/?country=AAA&page={number}")
    assert response.status_code == 200
    assert f"Page {shown} of 2" in response.content.decode()


def test_one_page_needs_no_pager(client, world):
    page = client.get("/").content.decode()
    assert len(listed(page)) == 4
    assert 'class="pager"' not in page


def test_a_page_link_swaps_the_results_and_brings_the_form_up_to_date(client, many):
    response = client.get("/?country=AAA&page=2", HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert page.lstrip().startswith('<section id="results"')
    assert len(listed(page)) == 50
    assert '<form id="filters"' in page and 'hx-swap-oob="true"' in page


def test_every_page_costs_the_same_queries(client, many, django_assert_max_num_queries):
    # PostgreSQL adds one: the request's statement timeout.
    limit = 16 if connection.vendor == "postgresql" else 15
    with django_assert_max_num_queries(limit) as first:
        client.get("/?country=AAA")
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get("/?country=AAA&page=2")
