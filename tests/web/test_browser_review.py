"""The review queue in chromium, over the real seeds: an editor signs in, follows the count
on the timeline to the queue, makes an event from a sentence and dismisses another."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from timeline.management.commands.setup_roles import setup_roles
from timeline.models import Event, Evidence, Sentence

from .conftest import SHOTS, open_session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery"


@pytest.fixture
def seeded_editor(db):
    call_command("ingest", "seeds", verbosity=0)
    user = get_user_model().objects.create_user("ed", password=PASSWORD, is_staff=True)
    user.groups.add(setup_roles())
    return user


def editor_session(browser, live_server, **size):
    """A tab whose ``failures`` collects script errors and failed requests; the admin's
    pages name no favicon, so the browser's own try at /favicon.ico is not counted."""
    ui = open_session(browser, live_server, **size)
    ui.failures = []
    ui.page.on("pageerror", lambda error: ui.failures.append(str(error)))
    ui.page.on(
        "response",
        lambda r: (
            ui.failures.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico")
            else None
        ),
    )
    return ui


def sign_in(page, url: str) -> None:
    page.goto(url("/admin/login/?next=/"))
    page.fill("#id_username", "ed")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(url("/"))


def test_an_editor_goes_from_the_count_to_the_queue_and_makes_an_event(
    browser, live_server, seeded_editor
):
    # Whether extraction cites this sentence changes as it improves: an editor rejecting
    # its evidence puts it in the queue either way.
    Evidence.objects.filter(sentence__text__contains="embassy diplomats").update(rejected=True)
    waiting = Sentence.objects.awaiting_review().count()
    ui = editor_session(browser, live_server)
    page = ui.page
    sign_in(page, ui.url)
    count = page.locator(".review-count a")
    expect(count).to_contain_text(f"{waiting} dated sentences")
    page.locator(".results-head").screenshot(path=f"{SHOTS}/review-count-1280.png")
    count.click()
    expect(page.locator("#result_list tbody tr")).to_have_count(waiting)
    page.screenshot(path=f"{SHOTS}/review-queue-1280.png", full_page=True)

    row = page.locator("#result_list tbody tr", has_text="embassy diplomats")
    row.get_by_role("link", name="Make or attach…").click()
    expect(page.locator("#id_title")).not_to_have_value("")
    expect(page.locator("#id_type")).to_have_value("expel_withdraw")
    expect(page.locator("#id_start")).to_have_value("2024-12-01")
    page.screenshot(path=f"{SHOTS}/review-sentence-1280.png", full_page=True)
    page.get_by_role("button", name="Make the event").click()

    expect(page.locator(".messagelist")).to_contain_text("Made")
    expect(page.locator("#result_list tbody tr")).to_have_count(waiting - 1)
    made = Event.objects.get(
        evidence__sentence__text__contains="embassy diplomats",
        evidence__origin=Evidence.Origin.EDITOR,
    )
    assert made.verified and made.type == "expel_withdraw"
    assert (made.edtf, made.date_display) == ("2024-12", "December 2024")
    assert made.evidence.get().origin == Evidence.Origin.EDITOR
    assert ui.failures == []
    ui.close()


def test_one_click_dismisses_a_row_and_the_timeline_count_follows(
    browser, live_server, seeded_editor
):
    waiting = Sentence.objects.awaiting_review().count()
    ui = editor_session(browser, live_server)
    page = ui.page
    sign_in(page, ui.url)
    page.goto(ui.url("/admin/timeline/reviewsentence/"))
    page.locator("#result_list tbody tr").first.get_by_role("button", name="Dismiss").click()
    expect(page.locator(".messagelist")).to_contain_text("Dismissed")
    expect(page.locator("#result_list tbody tr")).to_have_count(waiting - 1)
    page.goto(ui.url("/"))
    expect(page.locator(".review-count a")).to_contain_text(f"{waiting - 1} dated sentence")
    assert ui.failures == []
    ui.close()


def test_the_queue_and_a_sentence_page_on_a_phone(browser, live_server, seeded_editor):
    ui = editor_session(browser, live_server, width=375, height=812)
    page = ui.page
    sign_in(page, ui.url)
    page.goto(ui.url("/admin/timeline/reviewsentence/"))
    expect(page.locator("#result_list tbody tr").first).to_be_visible()
    page.screenshot(path=f"{SHOTS}/review-queue-375.png", full_page=True)
    page.locator("#result_list tbody tr").first.get_by_role("link", name="Make or attach…").click()
    expect(page.get_by_role("button", name="Make the event")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=f"{SHOTS}/review-sentence-375.png", full_page=True)
    assert ui.failures == []
    ui.close()
