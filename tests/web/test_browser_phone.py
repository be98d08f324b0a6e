"""In chromium at phone width (375 px): nothing wider than the screen, a chart that uses it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import chart_drawn, open_session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = 375


@pytest.fixture
def phone(browser, live_server):
    session = open_session(browser, live_server, width=PHONE, height=812)
    yield session
    session.close()


def plot_share(page) -> float:
    """How much of the chart's width the plotting area takes."""
    return page.evaluate(
        "() => document.querySelector('#timeline-chart .nsewdrag').getBoundingClientRect().width"
        " / document.getElementById('timeline-chart').clientWidth"
    )


@pytest.mark.parametrize("path", ["/", "/countries/AAA/", "/actors/ada-minister/"])
def test_on_a_phone_lane_names_sit_inside_the_chart_and_dates_get_the_width(phone, world, path):
    page = phone.page
    page.goto(phone.url(path))
    chart_drawn(page)
    assert plot_share(page) > 0.9
    names = page.eval_on_selector_all(
        "#timeline-chart .ytick text", "l => l.map(t => t.textContent)"
    )
    assert "Borduria" in names or "Avalon" in names  # whole names, not clipped to fit a margin
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    assert phone.errors == []


def test_the_wide_screen_chart_keeps_its_names_in_the_margin(ui, world):
    ui.page.goto(ui.url("/"))
    chart_drawn(ui.page)
    assert plot_share(ui.page) < 0.95


def test_an_article_with_long_event_links_fits_a_phone(phone, world, make_event):
    make_event(
        "Avalon and Borduria sign a comprehensive strategic partnership agreement in full",
        countries=("AAA", "BBB"),
        sentences=(world.first.sentences.get(index=0),),
    )
    page = phone.page
    page.goto(phone.url("/articles/relations-established/"))
    expect(page.locator("a.evidence-link")).to_have_count(3)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    # A headline no longer fills the first screen.
    assert float(page.eval_on_selector("h1", "h => getComputedStyle(h).fontSize")[:-2]) <= 24
