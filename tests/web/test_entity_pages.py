"""An actor's and a country's page stay bounded as the data grows, like ``/``: above a
limit, the chart draws the density per country lane and time bin and the list shows a page
at a time; below it, every event one by one."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from timeline import views
from timeline.models import Actor, Country
from timeline.synthetic import synthesize

pytestmark = pytest.mark.django_db

LIMIT = 40  # the chart's limit, lowered so that a small synthetic corpus crosses it


def busiest(model):
    return model.objects.annotate(n=Count("events")).order_by("-n", "pk").first()


def get(client, path: str):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return response, len(queries.captured_queries)


def test_a_busy_country_or_actor_page_draws_density_and_lists_one_page(client, monkeypatch):
    monkeypatch.setattr(views, "DETAIL_LIMIT", LIMIT)
    monkeypatch.setattr(views, "PAGE_SIZE", 25)
    synthesize(600, seed=41)
    country, actor = busiest(Country), busiest(Actor)
    assert country.n > LIMIT and actor.n > 25
    page = client.get(country.get_absolute_url())
    figure = page.context["figure"]
    assert figure["density"] and country.name not in figure["lanes"]  # lanes are partners
    assert len(page.context["events"]) == 25 and page.context["total"] == country.n
    html = page.content.decode()
    assert f"1–25 of {country.n:,}" in html and 'rel="next"' in html
    last = (country.n + 24) // 25
    assert (
        f"Page {last} of {last}"
        in client.get(f"{country.get_absolute_url()}?page={last}").content.decode()
    )
    # A page number that is not one is an error on the page, never a server error.
    assert "There are" in client.get(f"{country.get_absolute_url()}?page=999").content.decode()
    busy = client.get(actor.get_absolute_url())
    assert busy.context["figure"]["density"] == (actor.n > LIMIT)
    assert len(busy.context["events"]) == 25


def test_a_quiet_country_page_draws_and_lists_every_event(client, monkeypatch):
    monkeypatch.setattr(views, "DETAIL_LIMIT", 10_000)
    synthesize(300, seed=42)
    country = busiest(Country)
    page = client.get(country.get_absolute_url())
    assert not page.context["figure"].get("density")
    assert page.context["total"] == country.n


def test_busy_country_and_actor_pages_cost_the_same_queries_at_two_sizes(client, monkeypatch):
    monkeypatch.setattr(views, "DETAIL_LIMIT", LIMIT)
    synthesize(600, seed=43)
    paths = [busiest(Country).get_absolute_url(), busiest(Actor).get_absolute_url()]
    small = [get(client, path)[1] for path in paths]
    synthesize(1200, seed=44)
    paths = [busiest(Country).get_absolute_url(), busiest(Actor).get_absolute_url()]
    assert [get(client, path)[1] for path in paths] == small


def test_country_and_actor_pages_keep_their_counts_until_the_next_write(
    client, monkeypatch, make_event, make_actor
):
    """The counts and the density of an entity's page are kept by data version, like
    ``/``'s: asked again, fewer queries and the same page; after a write, the new figures."""
    import datetime as dt

    monkeypatch.setattr(views, "DETAIL_LIMIT", 3)
    ada = make_actor("Ada Envoy")
    for year in (2019, 2020, 2021, 2022):
        make_event(
            f"Talks {year}", start=dt.date(year, 5, 1), countries=("AAA", "BBB"), actors=(ada,)
        )
    for path, total in (("/countries/AAA/", 4), ("/actors/ada-envoy/", 4)):
        first, cold = get(client, path)
        again, warm = get(client, path)
        assert first.context["total"] == again.context["total"] == total
        assert (
            first.context["figure"]["density"]
            and again.context["figure"] == first.context["figure"]
        )
        assert warm < cold, (path, warm, cold)
    make_event("Talks 2023", start=dt.date(2023, 5, 1), countries=("AAA", "CCC"), actors=(ada,))
    for path in ("/countries/AAA/", "/actors/ada-envoy/"):
        page, _queries = get(client, path)
        assert page.context["total"] == 5
        assert "CCC" in page.context["figure"]["lanes"]  # the new partner's lane
