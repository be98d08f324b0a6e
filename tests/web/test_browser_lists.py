"""In chromium: the filter counts follow each change, and the list pages through every event."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from timeline.views import PAGE_SIZE

from .conftest import add_meetings, chart_drawn, listed_titles, open_session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def option_texts(page, select: str) -> dict[str, str]:
    return page.eval_on_selector(
        select, "s => Object.fromEntries([...s.options].map(o => [o.value, o.textContent]))"
    )


def selected(page, select: str) -> list[str]:
    return page.eval_on_selector(select, "s => [...s.selectedOptions].map(o => o.value)")


def test_choosing_a_country_updates_the_other_counts_in_place(ui, world):
    page = ui.page
    page.goto(ui.url("/"))
    chart_drawn(page)
    assert option_texts(page, "#id_type")["meet"].endswith("(1)")
    page.evaluate("window.notReloaded = true")
    page.focus("#id_country")
    page.select_option("#id_country", "CCC")
    page.wait_for_url(re.compile(r"country=CCC"))
    expect(page.locator("#id_type option[value=meet]")).to_have_text(re.compile(r"\(0\)$"))
    assert option_texts(page, "#id_country") == {"AAA": "Avalon (2)", "CCC": "Carpania (2)"}
    expect(page.locator("#filters-active")).to_have_text("(1 active)")
    # The same form, still focused where the user was, and one results section (not nested).
    assert page.evaluate("window.notReloaded") is True
    expect(page.locator("#id_country")).to_be_focused()
    expect(page.locator("[id=results]")).to_have_count(1)
    assert selected(page, "#id_country") == ["CCC"]
    assert selected(page, "#id_actor") == []
    assert selected(page, "#id_type") == [""]  # "any type", as before
    assert ui.errors == []


def test_the_actor_search_still_applies_after_the_counts_change(ui, world):
    page = ui.page
    page.goto(ui.url("/"))
    page.fill("#actor-search", "envoy")
    page.select_option("#id_type", "establish_relations")
    page.wait_for_url(re.compile(r"type=establish_relations"))
    expect(page.locator("#id_actor option[value=ada-minister]")).to_have_text(re.compile(r"\(1\)$"))
    shown = page.eval_on_selector(
        "#id_actor", "s => [...s.options].filter(o => !o.hidden).map(o => o.value)"
    )
    assert shown == ["bo-envoy"]
    assert selected(page, "#id_actor") == []
    assert selected(page, "#id_type") == ["establish_relations"]


@pytest.fixture
def many(world):
    """The world's four events and 146 meetings, all with Avalon: 150 events, two pages."""
    assert PAGE_SIZE == 100
    return add_meetings(146, country="AAA")


def test_the_second_page_lists_the_rest_and_keeps_the_filters(ui, many, world):
    page = ui.page
    page.goto(ui.url("/?country=AAA"))
    chart_drawn(page)
    expect(page.locator("#results-title")).to_have_text("150 events")
    first = listed_titles(page)
    assert len(first) == 100
    page.get_by_role("link", name="Next page").click()
    page.wait_for_url(ui.url("/?country=AAA&page=2"))
    expect(page.locator("#list-title")).to_be_focused()
    second = listed_titles(page)
    assert len(second) == 50
    assert set(first).isdisjoint(second)
    assert len(set(first) | set(second)) == 150
    # The chart still draws every filtered event, not just this page.
    charted = page.evaluate(
        "() => new Set(document.getElementById('timeline-chart').data"
        ".flatMap(t => (t.customdata || []).map(c => c[0]))).size"
    )
    assert charted == 150
    page.get_by_role("link", name="Previous page").click()
    page.wait_for_url(ui.url("/?country=AAA"))
    assert listed_titles(page) == first
    page.go_back()
    page.wait_for_url(ui.url("/?country=AAA&page=2"))
    expect(page.locator("#results a.event-link")).to_have_count(50)
    expect(page.locator("[id=results]")).to_have_count(1)
    assert ui.errors == []


def test_paging_works_without_javascript(browser, live_server, many):
    session = open_session(browser, live_server, javascript=False)
    page = session.page
    page.goto(session.url("/?type=meet"))
    page.get_by_role("link", name="Next page").click()
    page.wait_for_url(re.compile(r"\?type=meet&page=2$"))
    assert len(listed_titles(page)) == len(many) + 1 - 100
    session.context.close()
