"""Issue #12 in chromium, item by item: what a newcomer tripped on, at 1280 and 375 px."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from timeline.models import Article

from .conftest import chart_drawn

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def touch_phone(browser, live_server):
    """A 375 px phone with a touch screen (its own context: touch is a context's setting)."""
    context = browser.browser.new_context(
        viewport={"width": 375, "height": 812}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page, errors, live_server.url
    context.close()


def edge_notes(page) -> list[str]:
    return page.eval_on_selector_all(
        "#timeline-chart .annotation-text", "notes => notes.map(n => n.textContent)"
    )


# 1. Back after a source link ----------------------------------------------------------


def test_back_back_after_a_source_link_redraws_the_chart_and_keeps_the_filters(ui, world):
    page = ui.page
    page.goto(ui.url("/?country=BBB"))
    chart_drawn(page)
    page.locator("#results a.event-link", has_text=world.meeting.title).click()
    page.wait_for_url(ui.url(f"/events/{world.meeting.pk}/?country=BBB"))
    page.locator("#panel a.source-link").first.click()
    page.wait_for_url(re.compile(r"/articles/relations-established/#s2$"))

    page.go_back()  # the event, now a page of its own: it leads back to the filtered view
    page.wait_for_url(ui.url(f"/events/{world.meeting.pk}/?country=BBB"))
    back = page.locator(".breadcrumb a")
    expect(back).to_have_attribute("href", "/?country=BBB")

    page.go_back()  # the filtered timeline, chart and all
    page.wait_for_url(ui.url("/?country=BBB"))
    expect(page.locator("#results-title")).to_have_text("2 events")
    chart_drawn(page)
    assert page.evaluate("typeof window.Plotly") == "object"
    assert ui.errors == []


def test_the_event_pages_back_link_returns_to_the_filtered_timeline(ui, world):
    page = ui.page
    page.goto(ui.url(f"/events/{world.meeting.pk}/?country=BBB"))
    page.locator(".breadcrumb a").click()
    page.wait_for_url(ui.url("/?country=BBB"))
    expect(page.locator("#results-title")).to_have_text("2 events")
    chart_drawn(page)


# 2. Sources first, differences after ------------------------------------------------------


def test_the_event_panel_shows_the_sources_before_the_differences(ui, world):
    page = ui.page
    page.goto(ui.url("/"))
    page.locator("#results a.event-link", has_text=world.established.title).click()
    sources = page.locator("#panel .sources")
    differences = page.locator("#panel .discrepancies")
    expect(differences).to_be_visible()
    assert sources.bounding_box()["y"] < differences.bounding_box()["y"]
    expect(page.locator("#panel .date-disputed")).to_have_text("the sources give different dates")


# 3. An honest first view ---------------------------------------------------------------


def test_the_first_view_says_where_hidden_events_are_and_one_click_shows_them(ui, world):
    page = ui.page
    page.goto(ui.url("/"))
    chart_drawn(page)
    # The 1966 break lies left of the opening view, in two lanes: each says so.
    expect(page.locator("#timeline-chart .annotation-text")).to_have_count(2)
    assert edge_notes(page) == ["◀ 1 earlier", "◀ 1 earlier"]
    page.locator("#timeline-chart .annotation-text").first.click()
    expect(page.locator("#timeline-chart .annotation-text")).to_have_count(0)
    start = page.evaluate("document.getElementById('timeline-chart').layout.xaxis.range[0]")
    assert start < "1966"
    assert ui.errors == []


def test_marks_that_share_a_day_do_not_overlap(ui, world):
    page = ui.page
    page.goto(ui.url("/?country=AAA&country=BBB"))  # two events on 10 April 2025
    chart_drawn(page)
    marks = page.locator("#timeline-chart .cartesianlayer .scatterlayer .point")  # not the slider's
    boxes = [box for p in marks.all() if (box := p.bounding_box())["height"] > 1]  # nor the guards
    assert len(boxes) == 4  # two events, two lanes each
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart_x = a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
            apart_y = a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"]
            assert apart_x or apart_y


# 4. A phone ------------------------------------------------------------------------------


def swipe_up(page, x: float, y: float, distance: int) -> None:
    """A finger on the screen moving up by ``distance`` pixels, as the screen reports it."""
    session = page.context.new_cdp_session(page)
    touch = "Input.dispatchTouchEvent"
    session.send(touch, {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 11):
        point = {"x": x, "y": y - distance * step / 10}
        session.send(touch, {"type": "touchMove", "touchPoints": [point]})
        page.wait_for_timeout(16)
    session.send(touch, {"type": "touchEnd", "touchPoints": []})
    session.detach()


def test_a_vertical_swipe_over_the_chart_scrolls_the_page_on_a_phone(touch_phone, world):
    page, errors, base = touch_phone
    page.goto(base + "/")
    chart_drawn(page)
    chart = page.locator("#timeline-chart .nsewdrag").first
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    before = page.evaluate("window.scrollY")
    swipe_up(page, box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, 250)
    page.wait_for_function(f"window.scrollY > {before} + 100")
    assert errors == []


def test_the_phone_chart_shows_more_than_two_dates(touch_phone, world):
    page, errors, base = touch_phone
    page.goto(base + "/")
    chart_drawn(page)
    dates = page.eval_on_selector_all(
        "#timeline-chart .xtick text", "ticks => ticks.map(t => t.textContent)"
    )
    assert len(dates) >= 4, dates
    assert errors == []


# 5. Uncertain, and why ----------------------------------------------------------------------


def test_an_uncertain_date_says_why_on_the_chart_and_in_the_list(ui, world):
    page = ui.page
    page.goto(ui.url("/"))
    chart_drawn(page)
    badge = page.locator("#results .event-item", has_text=world.criticism.title).locator(
        ".badge-uncertain"
    )
    expect(badge).to_have_attribute("title", "Why: Only the year is given.")
    # Focusing the event in the list labels its marks: the label says why too.
    page.locator("#results a.event-link", has_text=world.criticism.title).focus()
    expect(page.locator("#timeline-chart .hoverlayer").first).to_contain_text(
        "Date uncertain: Only the year is given."
    )


# 6. One way of counting sources --------------------------------------------------------------


def test_the_list_and_the_panel_count_articles_and_sentences_alike(ui, world):
    page = ui.page
    page.goto(ui.url("/"))
    item = page.locator("#results .event-item", has_text=world.established.title)
    expect(item.locator(".event-sources")).to_have_text("2 articles, 2 sentences")
    item.locator("a.event-link").click()
    expect(page.locator("#panel .sources h2")).to_have_text("Sources: 2 articles, 2 sentences")


# 7. Reasoning folded, sentences numbered one way ------------------------------------------------


def test_the_article_page_folds_its_reasoning_and_numbers_sentences_as_the_events_do(ui, world):
    Article.objects.filter(pk=world.first.pk).update(
        published_evidence="Inferred from a dateline in another article. " * 8
    )
    page = ui.page
    page.goto(ui.url(f"/events/{world.meeting.pk}/"))
    link = page.locator("a.source-link").first
    expect(link).to_have_text("sentence 2")
    link.click()
    page.wait_for_url(re.compile(r"#s2$"))
    expect(page.locator("#s2")).to_contain_text("The ministers met in the capital.")
    reasoning = page.locator("details.reasoning")
    expect(reasoning).not_to_have_attribute("open", "")
    expect(reasoning.locator("p")).to_be_hidden()
    reasoning.locator("summary").click()
    expect(reasoning.locator("p")).to_be_visible()


# 8. A repeated sentence is one source -----------------------------------------------------------


def test_a_headline_repeated_as_the_lead_is_shown_once(ui, make_article, make_event):
    article = make_article(
        "Avalon opens an embassy in Borduria",
        "Avalon opens an embassy in Borduria",
        "The embassy opened on Monday.",
        slug="embassy",
    )
    event = make_event("Avalon opens an embassy", sentences=tuple(article.sentences.all()))
    page = ui.page
    page.goto(ui.url(f"/events/{event.pk}/"))
    expect(page.locator(".source blockquote")).to_have_count(2)
    expect(page.locator(".sources h2")).to_have_text("Sources: 1 article, 2 sentences")


# 9. The admin ----------------------------------------------------------------------------


def test_the_admin_event_list_fits_1280_px_and_the_evidence_reads_as_text(ui, world):
    from django.contrib.auth.models import User

    User.objects.create_superuser("editor", "editor@example.org", "a-long-pass-phrase")
    page = ui.page
    page.goto(ui.url("/admin/login/"))
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-pass-phrase")
    page.click("input[type=submit]")
    page.goto(ui.url("/admin/timeline/event/"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    results = page.locator("#changelist-form .results")
    assert results.evaluate("r => r.scrollWidth <= r.clientWidth")
    line = float(
        page.eval_on_selector(
            "#result_list .field-title a", "a => parseFloat(getComputedStyle(a).lineHeight)"
        )
    )
    heights = page.eval_on_selector_all(
        "#result_list th.field-title",
        "cells => cells.map(c => c.querySelector('a').getBoundingClientRect().height)",
    )
    assert max(heights) <= 2 * line + 1
    expect(page.locator("#result_list")).to_contain_text("2 articles, 2 sentences")

    page.goto(ui.url(f"/admin/timeline/event/{world.established.pk}/change/"))
    rows = page.locator("#evidence-group tr.has_original")
    expect(rows).to_have_count(2)
    expect(rows.first.locator(".field-sentence_text")).to_contain_text(
        "Avalon and Borduria established diplomatic relations on 10 April 2025."
    )
    expect(rows.first.locator(".evidence-source")).to_have_text("Relations established, sentence 1")
    expect(rows.first.locator("td.original p")).to_be_hidden()  # no "id ← slug #0" caption
    expect(page.locator("#id_start")).to_have_value("2025-04-10")
    page.goto(ui.url("/admin/timeline/article/"))
    expect(page.locator("#result_list")).to_contain_text("11 April 2025")
    assert "11/04/2025" not in page.content()


# 10. Small things -------------------------------------------------------------------------


def test_a_bad_page_number_is_shown_as_an_error(ui, world):
    page = ui.page
    page.goto(ui.url("/?page=abc"))
    expect(page.locator(".form-errors")).to_contain_text("page")
    expect(page.locator("#results-title")).to_have_text("4 events")


def test_the_actor_search_neither_sends_the_form_nor_logs_errors(ui, world):
    page = ui.page
    page.goto(ui.url("/"))
    chart_drawn(page)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if r.headers.get("hx-request") else None)
    page.click("#actor-search")
    page.keyboard.type("minister", delay=40)
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.wait_for_timeout(700)
    assert requests == []
    assert page.url == ui.url("/")
    assert ui.errors == []


def test_the_download_menu_follows_the_filters(ui, world):
    page = ui.page
    page.goto(ui.url("/"))
    page.select_option("#id_country", "CCC")
    page.wait_for_url(re.compile(r"country=CCC"))
    page.locator(".downloads summary").click()
    hrefs = page.eval_on_selector_all(
        ".downloads a", "links => links.map(a => a.getAttribute('href'))"
    )
    assert hrefs == [
        "/export/events.csv?country=CCC",
        "/export/events.ics?country=CCC",
        "/export/timelinejs.json?country=CCC",
        "/api/events.json?country=CCC",
    ]
    with page.expect_download() as download:
        page.locator(".downloads a", has_text="CSV").click()
    assert download.value.suggested_filename == "events.csv"


def test_the_phone_pages_fit_and_open_on_what_the_data_is(touch_phone, world):
    page, errors, base = touch_phone
    page.goto(base + "/")
    expect(page.locator(".intro")).to_contain_text("read from 2 news articles")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.goto(base + f"/events/{world.established.pk}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert errors == []
