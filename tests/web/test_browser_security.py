"""In Chromium: the Content-Security-Policy breaks nothing and is never violated,
and no link anywhere carries a script address.

Run with: .venv/bin/python -m pytest tests/web/test_browser_security.py
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from timeline import services

from .conftest import chart_drawn

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Registered before any script of the page runs (Playwright's init scripts are not
# subject to the page's policy); every refusal the browser reports is kept.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(
  `${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ` +
  `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
"""

PASSWORD = "a long admin password 42"


def violations(ui, path: str) -> list[str]:
    ui.page.goto(ui.url(path))
    ui.page.wait_for_load_state("networkidle")
    return ui.page.evaluate("window.__violations")


@pytest.fixture
def watched(ui):
    ui.page.add_init_script(RECORD_VIOLATIONS)
    return ui


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("boss", "boss@example.org", PASSWORD)


def log_in(ui) -> None:
    ui.page.goto(ui.url("/admin/login/"))
    ui.page.fill("#id_username", "boss")
    ui.page.fill("#id_password", PASSWORD)
    ui.page.click("input[type=submit]")
    expect(ui.page.locator("#user-tools")).to_contain_text("boss")


def public_pages(world) -> list[str]:
    return [
        "/",
        "/?lanes=actor&country=AAA",
        "/?from=yesterday",
        f"/events/{world.established.pk}/",
        f"/articles/{world.first.slug}/",
        f"/actors/{world.minister.slug}/",
        "/countries/AAA/",
        "/map/?country=AAA&date=2025-04-30",
        "/api/events.json",
        "/no-such-page/",
    ]


def admin_pages(world) -> list[str]:
    from timeline.models import Job

    event, article, actor = world.established, world.first, world.minister
    job = Job.objects.create(
        kind=Job.Kind.INGEST,
        state=Job.State.FAILED,
        total=2,
        done=2,
        failures=[{"article": "bad.txt", "reason": "no sentences found"}],
    )
    return [
        "/admin/timeline/job/",
        f"/admin/timeline/job/{job.pk}/change/",
        "/admin/",
        "/admin/timeline/event/",
        f"/admin/timeline/event/{event.pk}/change/",
        f"/admin/timeline/event/{event.pk}/history/",
        f"/admin/timeline/event/{event.pk}/split/",
        f"/admin/timeline/event/merge/?ids={event.pk},{world.meeting.pk}",
        "/admin/timeline/article/",
        "/admin/timeline/article/add/",
        f"/admin/timeline/article/{article.pk}/change/",
        "/admin/timeline/actor/",
        f"/admin/timeline/actor/{actor.pk}/change/",
        "/admin/timeline/country/",
        "/admin/timeline/evidence/",
        "/admin/auth/user/",
        "/admin/auth/user/add/",
        "/admin/axes/accessattempt/",
    ]


def test_no_page_violates_the_policy(watched, world, admin_user):
    """Every public page, charts drawn, and every kind of admin page, logged in."""
    for path in public_pages(world):
        assert violations(watched, path) == [], path
        if path == "/" or path.startswith(("/?", "/actors/", "/countries/")):
            chart_drawn(watched.page)
    log_in(watched)
    refused = {path: found for path in admin_pages(world) if (found := violations(watched, path))}
    assert refused == {}
    assert [e for e in watched.errors if "Content Security Policy" in e] == []


def test_hover_labels_htmx_swaps_and_the_side_panel_work_under_the_policy(watched, world):
    assert violations(watched, "/?type=meet") == []
    page = watched.page
    chart_drawn(page)
    box = page.locator("#timeline-chart .scatterlayer .point").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    # The label's title is <b>: Plotly writes it as a style attribute the policy allows by hash.
    expect(page.locator("#timeline-chart .hoverlayer .hovertext").first).to_contain_text(
        world.meeting.title
    )
    assert page.evaluate("window.__violations") == []
    page.goto(watched.url("/"))
    page.select_option("#id_country", "CCC")
    expect(page).to_have_url(watched.url("/?country=CCC"))
    page.locator("#results a.event-link").first.click()
    # An event opened from a filtered list keeps the filters in its URL.
    expect(page).to_have_url(f"{watched.url('')}/events/{world.old.pk}/?country=CCC")
    assert page.evaluate("window.__violations") == []
    assert watched.errors == []


# Each runs script, or shows the attacker's page, when clicked; in any letter case.
PAYLOADS = [
    "javascript:alert(document.domain)",
    "JaVaScRiPt:alert(document.domain)",
    "data:text/html,<script>alert(document.domain)</script>",
    "DaTa:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
]

# The links a page offers, as the browser resolved them.
LINK_SCHEMES = "[...document.querySelectorAll('a[href], area[href]')].map((a) => a.protocol)"


def test_no_script_address_becomes_a_link(watched, world, admin_user):
    body = "Avalon and Borduria established diplomatic relations on 10 April 2025."
    article, _ = services.add_article(f"url: https://news.example/a\n\n{body}\n")
    dialogs = []
    watched.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    log_in(watched)
    page = watched.page
    change = f"/admin/timeline/article/{article.pk}/change/"
    for payload in PAYLOADS:
        # Pasted as the article's header: refused, with the reason.
        page.goto(watched.url("/admin/timeline/article/add/"))
        page.fill("#id_text", f"url: {payload}\n\nA story. {body}\n")
        page.click("input[type=submit]")
        expect(page.locator(".errornote, .errorlist").first).to_contain_text(
            "is not an http:// or https:// address"
        )
        # Typed into the article's url field: refused.
        page.goto(watched.url(change))
        page.fill("#id_url", payload)
        page.click("input[name=_save]")
        expect(page.locator(".errornote")).to_be_visible()
    article.refresh_from_db()
    assert article.url == "https://news.example/a"
    for path in [f"/articles/{article.slug}/", change, "/admin/timeline/article/", "/"]:
        page.goto(watched.url(path))
        assert set(page.evaluate(LINK_SCHEMES)) <= {"http:", "https:"}, path
    page.goto(watched.url(f"/articles/{article.slug}/"))
    expect(page.get_by_role("link", name="original")).to_have_attribute(
        "href", "https://news.example/a"
    )
    assert dialogs == []
