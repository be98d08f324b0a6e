"""In chromium: the filter counts follow each change, and the list pages through every event."""

from __future__ import annotations

import datetime as dt
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
    # The chart still draws every filtered event, not just this page (once the swapped-in
    # chart is drawn: Plotly sets its .data when it draws).
    page.wait_for_function("() => document.getElementById('timeline-chart').data")
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
    session.close()


# Where a mark is drawn, in page pixels: Plotly's own axes turn the data into pixels.
MARK_POSITION = """url => {
  const chart = document.getElementById('timeline-chart');
  const layout = chart._fullLayout;
  for (const trace of chart.data) {
    if (trace.type !== 'scatter') continue;
    const i = (trace.customdata || []).findIndex(c => c && c[0] === url);
    if (i < 0) continue;
    const box = chart.querySelector('.nsewdrag').getBoundingClientRect();
    return {
      x: box.left + layout.xaxis.l2p(layout.xaxis.d2l(trace.x[i])),
      y: box.top + layout.yaxis.l2p(trace.y[i]),
    };
  }
  return null;
}"""


def test_a_mark_of_an_event_on_another_page_opens_in_the_panel(ui, many, make_event):
    # Last in date order, so listed on page 2 only, and months from any other mark.
    late = make_event("Late summit", type="meet", start=dt.date(2026, 3, 1), countries=("AAA",))
    page = ui.page
    page.goto(ui.url("/?country=AAA"))
    chart_drawn(page)
    expect(page.locator("#results-title")).to_have_text("151 events")
    first = listed_titles(page)
    assert len(first) == 100 and late.title not in first
    page.evaluate("window.notReloaded = true")
    mark = page.evaluate(MARK_POSITION, late.get_absolute_url())
    assert mark is not None
    page.mouse.move(mark["x"], mark["y"])
    expect(page.locator("#timeline-chart .hoverlayer .hovertext")).to_contain_text(late.title)
    page.mouse.click(mark["x"], mark["y"])
    page.wait_for_url(ui.url(late.get_absolute_url() + "?country=AAA"))  # keeps the filters
    expect(page.locator("#panel .event-title")).to_have_text(late.title)
    # The same page, not a navigation: the list is still page 1 and the chart is still drawn.
    assert page.evaluate("window.notReloaded") is True
    assert listed_titles(page) == first
    expect(page.locator("#timeline-chart .plot-container")).to_have_count(1)
    expect(page.locator("#panel .event-title")).to_be_focused()
    # Closing the panel goes back to the list's URL.
    page.get_by_role("button", name="Close event details").click()
    expect(page.locator("#panel")).to_be_empty()
    assert page.url == ui.url("/?country=AAA")
    assert ui.errors == []
