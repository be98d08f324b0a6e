"""Each filter choice says how many events choosing it would show, given the other filters.

Countries and actors are "every chosen value takes part", so an option counts the
events already listed that also involve it. Type and source article hold one value,
so an option counts what all the other filters keep. A chosen value stays listed,
at 0 if need be, so it can be unselected.
"""

from __future__ import annotations

import datetime as dt
import html as htmllib
import re
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from timeline.models import Country

pytestmark = pytest.mark.django_db

OPTION = re.compile(r'<option value="([^"]*)"[^>]*?( selected)?>([^<]*) \((\d+)\)</option>')


def options(page: str, name: str) -> dict[str, tuple[int, bool]]:
    """{value: (count, selected)} of the options of the select named ``name``."""
    select = re.search(  # in the form, or sent alone to update it
        rf'(?:<select name="{name}" id="id_{name}"[^>]*>|<div hx-swap-oob="innerHTML:#id_{name}">)'
        r"(.*?)</(?:select|div)>",
        page,
        re.S,
    )
    assert select, f"no select {name}"
    return {
        htmllib.unescape(value): (int(n), bool(selected))
        for value, selected, _label, n in OPTION.findall(select.group(1))
    }


def counts(client, query: str, name: str) -> dict[str, int]:
    page = client.get(f"/?{query}").content.decode()
    return {value: n for value, (n, _selected) in options(page, name).items()}


def listed(client, query: str) -> int:
    return client.get(f"/api/events.json?{query}&page_size=200").json()["count"]


def test_country_counts_follow_the_other_filters(client, world):
    assert counts(client, "", "country") == {"AAA": 4, "BBB": 2, "CCC": 2}
    # Only the meeting is a "meet": Carpania would show nothing, so it is not offered.
    assert counts(client, "type=meet", "country") == {"AAA": 1, "BBB": 1}
    assert counts(client, "from=2024&to=2024", "country") == {"AAA": 1, "CCC": 1}


def test_a_country_option_counts_the_listed_events_that_also_involve_it(client, world):
    assert counts(client, "country=AAA", "country") == {"AAA": 4, "BBB": 2, "CCC": 2}
    assert counts(client, "country=AAA&country=CCC", "country") == {"AAA": 2, "CCC": 2}


def test_chosen_values_stay_listed_and_selected_at_zero(client, world):
    page = client.get("/?country=BBB&country=CCC&type=meet&article=ties-restored").content.decode()
    assert options(page, "country") == {"BBB": (0, True), "CCC": (0, True)}
    assert options(page, "type")["meet"] == (0, True)
    assert options(page, "article")["ties-restored"] == (0, True)


def test_actor_counts_follow_the_other_filters(client, world):
    assert counts(client, "", "actor") == {"ada-minister": 2, "bo-envoy": 1}
    assert counts(client, "type=meet", "actor") == {"ada-minister": 1}
    page = client.get("/?actor=bo-envoy&type=meet").content.decode()
    assert options(page, "actor") == {"bo-envoy": (0, True)}


def test_type_counts_ignore_the_chosen_type_but_follow_the_rest(client, world):
    by_type = counts(client, "type=meet&country=CCC", "type")
    assert by_type["meet"] == 0  # the chosen type, under the other filters
    assert by_type["criticise"] == 1
    assert by_type["reduce_relations"] == 1
    assert by_type["establish_relations"] == 0
    # Choosing a type does not make the other types read 0.
    assert counts(client, "type=meet", "type")["establish_relations"] == 1


def test_article_counts_ignore_the_chosen_article_but_follow_the_rest(client, world):
    assert counts(client, "article=ties-restored", "article") == {
        "relations-established": 2,
        "ties-restored": 2,
    }
    assert counts(client, "article=ties-restored&country=CCC", "article") == {"ties-restored": 1}


@pytest.mark.parametrize(
    "query", ["", "country=AAA", "type=establish_relations", "from=2025&actor=ada-minister"]
)
def test_every_count_is_what_choosing_the_option_would_list(client, world, query):
    page = client.get(f"/?{query}").content.decode()
    for name, multiple in [("country", True), ("actor", True), ("type", False), ("article", False)]:
        for value, (n, selected) in options(page, name).items():
            if multiple:
                chosen = query + "&" + urlencode({name: value}) if not selected else query
            else:
                others = "&".join(p for p in query.split("&") if p and not p.startswith(name))
                chosen = others + "&" + urlencode({name: value})
            assert listed(client, chosen) == n, (name, value, query)


def test_a_filter_change_sends_fresh_counts_without_replacing_the_form(client, world):
    page = client.get(
        "/?country=CCC", HTTP_HX_REQUEST="true", HTTP_HX_TRIGGER="filters"
    ).content.decode()
    assert '<form id="filters"' not in page  # the field being typed in is left alone
    assert '<div hx-swap-oob="innerHTML:#id_country">' in page
    assert options(page, "country") == {"AAA": (2, False), "CCC": (2, True)}
    assert options(page, "type")["criticise"] == (1, False)
    assert '<span id="filters-active" class="hint" hx-swap-oob="true">(1 active)</span>' in page


def test_country_options_are_in_name_order_so_they_do_not_move_when_counts_change(client, world):
    page = client.get("/?country=CCC").content.decode()
    assert list(options(page, "country")) == ["AAA", "CCC"]  # Avalon (2), Carpania (2)
    page = client.get("/").content.decode()
    assert list(options(page, "country")) == ["AAA", "BBB", "CCC"]  # 4, 2, 2


def test_facet_links_offer_only_countries_not_yet_chosen(client, world):
    page = client.get("/?country=AAA").content.decode()
    facets = page[page.index("Countries here:") :]
    facets = facets[: facets.index("</p>")]
    assert "Borduria&nbsp;(2)" in facets
    assert "Avalon" not in facets


def test_counting_the_choices_takes_a_fixed_number_of_queries(
    client, world, make_event, make_actor, make_article
):
    query = "/?country=AAA&actor=ada-minister&type=meet&from=2020"

    def queries(**headers) -> int:
        # What the first request after a write costs: no counts kept (timeline.versioning).
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(query, **headers).status_code == 200
        return len(captured.captured_queries)

    htmx = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TRIGGER": "filters"}
    before, before_htmx = queries(), queries(**htmx)
    for n in range(25):
        iso3 = f"X{n:02d}"
        Country.objects.create(iso3=iso3, name=f"Extra {n}")
        article = make_article(f"Sentence {n}.", published=dt.date(2025, 1, 1))
        make_event(
            f"Extra meeting {n}",
            type="meet",
            countries=("AAA", iso3),
            actors=(world.minister, make_actor(f"Extra Actor {n}")),
            sentences=(article.sentences.get(),),
        )
    page = client.get(query).content.decode()
    assert len(options(page, "country")) > 25  # the new options are there...
    # ...and cost no query each (PostgreSQL adds one: the request's statement timeout).
    # Two validate the chosen country and actor; the counts are four GROUP BYs (types,
    # countries, actors, articles) and three lookups of names; the events four; one reads
    # the data version.
    limit = 17 if connection.vendor == "postgresql" else 16
    assert queries() == before <= limit
    assert queries(**htmx) == before_htmx <= limit
