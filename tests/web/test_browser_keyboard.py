"""In chromium, with the keyboard alone: skip to the events, open one, close it, see focus.

The chart's marks cannot take focus; the list is the chart's text alternative, and
focusing an event in the list labels its marks on the chart.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import add_meetings, chart_drawn

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CONTRAST_SCRIPT = (Path(__file__).parent / "contrast.js").read_text()

FOCUSED = """() => {
  const e = document.activeElement;
  return {
    tag: e.tagName.toLowerCase(),
    id: e.id,
    cls: typeof e.className === "string" ? e.className : "",
    text: (e.getAttribute("aria-label") || e.textContent || "").trim().slice(0, 40),
    href: e.getAttribute("href"),
    inPanel: !!e.closest("#panel"),
    outline: getComputedStyle(e).outlineStyle,
    outlineWidth: parseFloat(getComputedStyle(e).outlineWidth),
  };
}"""


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def tab_until(page, predicate, *, key="Tab", limit=120) -> dict:
    for _ in range(limit):
        page.keyboard.press(key)
        now = focused(page)
        if predicate(now):
            return now
    raise AssertionError(f"never reached by {key}; last focus: {now}")


def test_a_skip_link_goes_straight_to_the_events(ui, world):
    page = ui.page
    page.goto(ui.url("/?country=AAA"))
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Skip to content"
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Skip to the events"
    expect(page.locator("a.skip-link", has_text="Skip to the events")).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("#results-title")).to_be_focused()
    page.keyboard.press("Tab")  # the next stop is in the results: the first chip
    assert focused(page)["text"] == "Remove filter Country: Avalon"


def test_tab_and_enter_open_an_event_and_escape_brings_focus_back(ui, world):
    page = ui.page
    page.goto(ui.url("/"))
    chart_drawn(page)
    link = tab_until(page, lambda f: "event-link" in f["cls"])
    page.keyboard.press("Enter")
    page.wait_for_url(ui.url(link["href"]))
    expect(page.locator("#panel .event-title")).to_be_focused()
    expect(page.locator("#panel .sources")).to_be_visible()

    page.keyboard.press("Escape")
    expect(page.locator("#panel")).to_be_empty()
    expect(page.locator(f'#results a.event-link[href="{link["href"]}"]')).to_be_focused()
    page.wait_for_url(ui.url("/"))
    assert ui.errors == []


def test_the_close_control_is_reached_by_keyboard_and_brings_focus_back(ui, world):
    page = ui.page
    page.goto(ui.url("/?country=BBB"))
    link = page.locator("#results a.event-link", has_text=world.meeting.title)
    link.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#panel .event-title")).to_be_focused()
    close = tab_until(page, lambda f: f["inPanel"] and f["tag"] == "button", key="Shift+Tab")
    assert close["text"] == "Close event details"
    assert close["outline"] != "none" and close["outlineWidth"] >= 2
    page.keyboard.press("Enter")
    expect(page.locator("#panel")).to_be_empty()
    expect(link).to_be_focused()
    assert page.url == ui.url("/?country=BBB")


def test_everything_the_tab_key_reaches_shows_a_focus_ring(ui, world):
    page = ui.page
    page.goto(ui.url("/?country=AAA"))
    chart_drawn(page)
    page.locator("#results a.event-link", has_text=world.established.title).focus()
    page.keyboard.press("Enter")
    expect(page.locator("#panel .event-title")).to_be_focused()
    page.locator("a.skip-link").first.focus()
    reached = []
    for _ in range(150):
        now = focused(page)
        if now["tag"] == "body" or (reached and now == reached[0]):
            break
        reached.append(now)
        page.keyboard.press("Tab")
    kinds = {(f["tag"], f["cls"].split(" ")[0]) for f in reached}
    # Filters, chips, the chart's toolbar, the list and the panel's links are all reached...
    assert {("summary", ""), ("select", ""), ("a", "chip"), ("a", "event-link")} <= kinds
    assert ("button", "modebar-btn") in kinds
    assert any(f["inPanel"] and f["tag"] == "a" for f in reached)
    # ...and each shows a visible outline.
    faint = [f for f in reached if f["outline"] == "none" or f["outlineWidth"] < 2]
    assert faint == []


def test_the_list_is_announced_as_the_charts_text_alternative(ui, world):
    page = ui.page
    page.goto(ui.url("/"))
    chart_drawn(page)
    chart = page.locator("#timeline-chart")
    described_by = chart.get_attribute("aria-describedby")
    description = page.locator(f"#{described_by}")
    expect(description).to_contain_text("Every event on the chart is in the list below")
    assert description.locator("a").get_attribute("href") == "#list-title"
    assert page.locator("#event-list").get_attribute("aria-labelledby") == "list-title"
    # The drawing is hidden from screen readers; the toolbar's buttons keep their names.
    assert page.eval_on_selector_all(
        "#timeline-chart svg.main-svg", "l => l.every(s => s.getAttribute('aria-hidden'))"
    )
    names = page.eval_on_selector_all(
        "#timeline-chart button", "l => l.map(b => b.getAttribute('aria-label'))"
    )
    assert names and all(names)
    assert "Share chart..." not in names  # it would upload the data to plotly's cloud


def test_focusing_a_listed_event_labels_its_marks_on_the_chart(ui, world):
    page = ui.page
    page.goto(ui.url("/?type=meet"))
    chart_drawn(page)
    expect(page.locator("#timeline-chart .hoverlayer .hovertext")).to_have_count(0)
    page.locator("#results a.event-link", has_text=world.meeting.title).focus()
    labels = page.locator("#timeline-chart .hoverlayer .hovertext")
    expect(labels.first).to_contain_text(world.meeting.title)
    assert labels.count() == 2  # one mark in each of its two lanes, Avalon and Borduria
    page.keyboard.press("Shift+Tab")  # out of the list: the labels go
    expect(labels).to_have_count(0)
    assert ui.errors == []


def test_paging_and_the_panel_keep_wcag_aa_contrast(ui, world):
    add_meetings(120, country="AAA")
    page = ui.page
    page.goto(ui.url("/?country=AAA&page=2"))
    chart_drawn(page)
    expect(page.locator(".pager")).to_be_visible()
    page.locator("#results a.event-link").first.click()
    expect(page.locator("#panel .event-title")).to_be_visible()
    page.locator("#panel .panel-close").focus()
    assert page.evaluate(CONTRAST_SCRIPT) == []
    page.goto(ui.url("/?country=AAA&type=meet"))
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # the second skip link, shown while focused
    assert page.evaluate(CONTRAST_SCRIPT) == []
    assert re.search(r"\d+ events", page.locator("#results-title").inner_text())
