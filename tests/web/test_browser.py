"""End to end in Debian's chromium, through Playwright, against the live server.

Run with: .venv/bin/python -m pytest tests/web -m browser
Screenshots go to /tmp (never into the repository).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from .conftest import SHOTS, chart_drawn, listed_titles
from .conftest import open_session as _open

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_timeline_draws_the_chart(ui, world):
    ui.page.goto(ui.url("/"))
    chart_drawn(ui.page)
    # Four events, two of them in two lanes each at least: several marks drawn.
    assert ui.page.locator("#timeline-chart .point, #timeline-chart .bars path").count() >= 4
    assert ui.errors == []


def test_filtering_swaps_results_without_reloading_and_updates_the_url(ui, world):
    page = ui.page
    page.goto(ui.url("/"))
    chart_drawn(page)
    page.evaluate("window.notReloaded = true")
    page.select_option("#id_country", "CCC")
    page.wait_for_url(re.compile(r"country=CCC"))
    expect(page.locator("#results-title")).to_have_text("2 events")
    assert page.evaluate("window.notReloaded") is True
    assert page.url == ui.url("/?country=CCC")  # empty fields are left out of shared links
    assert set(listed_titles(page)) == {world.old.title, world.criticism.title}
    chart_drawn(page)
    assert ui.errors == []


def test_back_forward_and_reload_restore_the_same_view(ui, world):
    page = ui.page
    page.goto(ui.url("/"))
    chart_drawn(page)
    page.select_option("#id_country", "CCC")
    page.wait_for_url(re.compile(r"country=CCC"))
    expect(page.locator("#results-title")).to_have_text("2 events")

    page.go_back()
    page.wait_for_url(ui.url("/"))
    expect(page.locator("#results-title")).to_have_text("4 events")
    assert page.eval_on_selector("#id_country", "s => [...s.selectedOptions].length") == 0
    chart_drawn(page)

    page.go_forward()
    page.wait_for_url(re.compile(r"country=CCC"))
    expect(page.locator("#results-title")).to_have_text("2 events")
    assert page.eval_on_selector("#id_country", "s => s.value") == "CCC"

    page.reload()
    expect(page.locator("#results-title")).to_have_text("2 events")
    assert page.eval_on_selector("#id_country", "s => s.value") == "CCC"
    chart_drawn(page)
    assert ui.errors == []


def test_a_shared_link_opens_the_same_filtered_view(ui, world):
    ui.page.goto(ui.url("/?country=AAA&type=meet"))
    assert listed_titles(ui.page) == [world.meeting.title]
    expect(ui.page.locator(".chip")).to_have_count(2)


def test_removing_a_chip_keeps_the_other_filter_and_updates_the_form(ui, world):
    page = ui.page
    page.goto(ui.url("/?country=AAA&country=CCC"))
    page.get_by_role("link", name="Remove filter Country: Carpania").click()
    page.wait_for_url(re.compile(r"\?country=AAA$"))
    expect(page.locator("#results-title")).to_have_text("4 events")
    selected = page.eval_on_selector("#id_country", "s => [...s.selectedOptions].map(o => o.value)")
    assert selected == ["AAA"]
    assert ui.errors == []


def test_clicking_a_listed_event_opens_the_side_panel_with_its_own_url(ui, world):
    page = ui.page
    page.goto(ui.url("/"))
    page.locator("#results a.event-link", has_text=world.established.title).click()
    page.wait_for_url(ui.url(f"/events/{world.established.pk}/"))
    panel = page.locator("#panel")
    expect(panel.locator(".event-title")).to_have_text(world.established.title)
    expect(panel.locator(".source")).to_have_count(2)
    current = page.locator("#results a.event-link[aria-current]")
    expect(current).to_have_text(world.established.title)
    expect(page.locator("#timeline-chart .plot-container")).to_have_count(1)  # still there
    assert ui.errors == []


def test_back_from_the_panel_returns_to_the_list_and_close_empties_it(ui, world):
    page = ui.page
    page.goto(ui.url("/?country=BBB"))
    page.locator("#results a.event-link", has_text=world.meeting.title).click()
    page.wait_for_url(ui.url(f"/events/{world.meeting.pk}/?country=BBB"))  # the view it came from
    page.go_back()
    page.wait_for_url(ui.url("/?country=BBB"))
    expect(page.locator("#panel")).to_be_empty()
    expect(page.locator("#results-title")).to_have_text("2 events")

    page.locator("#results a.event-link", has_text=world.meeting.title).click()
    expect(page.locator("#panel .event-title")).to_be_visible()
    page.get_by_role("button", name="Close event details").click()
    expect(page.locator("#panel")).to_be_empty()
    # Focus goes back to the link that opened the panel.
    expect(page.locator("#results a.event-link", has_text=world.meeting.title)).to_be_focused()
    assert page.url == ui.url("/?country=BBB")
    assert ui.errors == []


def test_typing_in_the_text_box_filters_as_you_type(ui, world):
    page = ui.page
    page.goto(ui.url("/"))
    page.locator("#id_q").press_sequentially("capital", delay=30)
    page.wait_for_url(ui.url("/?q=capital"))
    assert listed_titles(page) == [world.meeting.title]
    expect(page.locator("#id_q")).to_be_focused()  # the form was not replaced under the cursor
    expect(page.locator("#results-status")).to_have_text("1 event found")


def test_keyboard_opens_an_event_and_focus_follows(ui, world):
    page = ui.page
    page.goto(ui.url("/"))
    page.locator("#results a.event-link", has_text=world.meeting.title).focus()
    page.keyboard.press("Enter")
    expect(page.locator("#panel .event-title")).to_be_focused()


def test_actor_search_matches_aliases(ui, world):
    page = ui.page
    page.goto(ui.url("/"))
    page.fill("#actor-search", "a. minister")
    visible = page.eval_on_selector(
        "#id_actor", "s => [...s.options].filter(o => !o.hidden).map(o => o.value)"
    )
    assert visible == ["ada-minister"]


def test_clicking_a_chart_point_opens_the_event(ui, world):
    page = ui.page
    page.goto(ui.url("/?type=meet"))
    chart_drawn(page)
    point = page.locator("#timeline-chart .scatterlayer .point").first
    box = point.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(ui.url(f"/events/{world.meeting.pk}/?type=meet"))
    expect(page.locator("#panel .event-title")).to_have_text(world.meeting.title)
    assert ui.errors == []


def test_a_source_link_leads_to_its_highlighted_sentence(ui, world):
    page = ui.page
    page.goto(ui.url(f"/events/{world.meeting.pk}/"))
    page.locator("a.source-link").first.click()
    page.wait_for_url(ui.url("/articles/relations-established/#s2"))
    sentence = page.locator("#s2")
    expect(sentence).to_have_text(re.compile("The ministers met in the capital."))
    assert sentence.evaluate("s => s.matches(':target')") is True
    background = sentence.evaluate("s => getComputedStyle(s).backgroundColor")
    other = page.locator("#s1").evaluate("s => getComputedStyle(s).backgroundColor")
    assert background != other
    expect(sentence).to_be_in_viewport()
    assert ui.errors == []


def test_the_filter_form_works_without_javascript(browser, live_server, world):
    session = _open(browser, live_server, javascript=False)
    page = session.page
    page.goto(session.url("/"))
    page.select_option("#id_country", "CCC")
    page.fill("#id_from", "2024")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"country=CCC.*from=2024"))
    assert listed_titles(page) == [world.criticism.title]
    session.close()


def test_bad_filter_value_is_shown_not_crashed(ui, world):
    ui.page.goto(ui.url("/?from=someday"))
    expect(ui.page.locator(".form-errors")).to_contain_text("from")
    expect(ui.page.locator("#results-title")).to_have_text("4 events")


@pytest.mark.parametrize("width", [1280, 375])
def test_screenshots(browser, live_server, world, width):
    session = _open(browser, live_server, width=width)
    page = session.page
    os.makedirs(SHOTS, exist_ok=True)
    page.goto(session.url("/"))
    chart_drawn(page)
    page.screenshot(path=f"{SHOTS}/index-{width}.png", full_page=True)
    page.locator("#results a.event-link", has_text=world.established.title).click()
    expect(page.locator("#panel .event-title")).to_be_visible()
    # The chart follows its narrower column once the panel takes room beside it.
    page.wait_for_function(
        "() => { const c = document.getElementById('timeline-chart');"
        " return c.querySelector('.main-svg').getBoundingClientRect().width <= c.clientWidth + 1; }"
    )
    page.screenshot(path=f"{SHOTS}/panel-{width}.png", full_page=True)
    # Nothing wider than the screen: usable at 375 px without sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert session.errors == []
    session.close()


def test_real_seed_articles_end_to_end(ui):
    call_command("ingest", "seeds")
    page = ui.page
    page.goto(ui.url("/"))
    chart_drawn(page)
    assert len(listed_titles(page)) >= 3
    # The seeds are about Syria and the two Koreas.
    page.select_option("#id_country", "SYR")
    page.wait_for_url(re.compile(r"country=SYR"))
    items = page.locator("#results .event-item")
    assert items.count() >= 1
    for text in items.all_inner_texts():
        assert "Syria" in text
    page.locator("#results a.event-link").first.click()
    expect(page.locator("#panel .source").first).to_be_visible()
    page.locator("#panel a.source-link").first.click()
    page.wait_for_url(re.compile(r"/articles/[\w-]+/#s\d+$"))
    target = page.evaluate("location.hash")
    assert page.locator(target).evaluate("s => s.matches(':target')") is True
    page.screenshot(path=f"{SHOTS}/seed-article.png", full_page=False)
    assert ui.errors == []


# WCAG 2 contrast of every visible text node against the background behind it.
CONTRAST_SCRIPT = (Path(__file__).parent / "contrast.js").read_text()


def test_text_contrast_meets_wcag_aa(ui, world):
    pages = [
        "/?country=AAA&from=nonsense",  # chips, an error box
        f"/events/{world.established.pk}/",  # badges, conflicts, sources
        "/articles/relations-established/#s1",  # marks, highlighted sentence
        "/actors/ada-minister/",
        "/countries/AAA/",
    ]
    for path in pages:
        ui.page.goto(ui.url(path))
        assert ui.page.evaluate(CONTRAST_SCRIPT) == [], path


def test_keyboard_alone_reaches_the_filters_and_the_events(ui, world):
    page = ui.page
    page.goto(ui.url("/"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    reached = set()
    for _ in range(80):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.id || document.activeElement.className"))
        if "event-link" in reached:
            break
    assert {"id_q", "id_country", "id_actor", "id_type", "id_from", "id_to"} <= reached
    assert "event-link" in reached
