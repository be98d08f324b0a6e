"""A small, hand-made timeline for the page, API and browser tests, and the browser itself."""

from __future__ import annotations

import datetime as dt
import os
from types import SimpleNamespace

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from playwright.sync_api import expect, sync_playwright

from timeline.models import ActorAlias, Country, Mention


@pytest.fixture
def world(make_article, make_event, make_actor):
    """Three countries, two actors, four visible events (one vague, one uncertain),
    one merged event and one hidden event, with articles as their sources."""
    for iso3, name in [("AAA", "Avalon"), ("BBB", "Borduria"), ("CCC", "Carpania")]:
        Country.objects.create(iso3=iso3, name=name)
    minister = make_actor("Ada Minister", title="Foreign Minister", country_id="AAA")
    ActorAlias.objects.create(actor=minister, name="A. Minister")
    envoy = make_actor("Bo Envoy", kind="person", country_id="BBB")

    first = make_article(
        "Avalon and Borduria established diplomatic relations on 10 April 2025.",
        "The ministers met in the capital.",
        title="Relations established",
        published=dt.date(2025, 4, 11),
        slug="relations-established",
    )
    second = make_article(
        "Avalon restored ties with Borduria on 10 April 2025, officials said.",
        "Carpania criticised the move in 2024.",
        title="Ties restored",
        published=dt.date(2025, 4, 12),
        slug="ties-restored",
    )
    established = make_event(
        "Avalon and Borduria establish relations",
        type="establish_relations",
        start=dt.date(2025, 4, 10),
        countries=("AAA", "BBB"),
        actors=(minister, envoy),
        sentences=(first.sentences.get(index=0), second.sentences.get(index=0)),
        date_rule="Stated in the sentence as a full date.",
        conflicts=[
            {
                "field": "date",
                "claims": [
                    {
                        "value": "10 April 2025",
                        "article": first.slug,
                        "sentence": 0,
                        "text": first.sentences.get(index=0).text,
                    },
                    {
                        "value": "9 April 2025",
                        "article": second.slug,
                        "sentence": 0,
                        "text": second.sentences.get(index=0).text,
                    },
                ],
            }
        ],
    )
    meeting = make_event(
        "Ministers meet",
        type="meet",
        start=dt.date(2025, 4, 10),
        countries=("AAA", "BBB"),
        actors=(minister,),
        sentences=(first.sentences.get(index=1),),
    )
    criticism = make_event(
        "Carpania criticises Avalon",
        type="criticise",
        start=dt.date(2024, 1, 1),
        end=dt.date(2024, 12, 31),
        precision="year",
        countries=("CCC", "AAA"),
        sentences=(second.sentences.get(index=1),),
        date_certain=False,
        date_rule="Only the year is given.",
    )
    old = make_event(
        "Avalon breaks relations with Carpania",
        type="reduce_relations",
        start=dt.date(1966, 1, 1),
        end=dt.date(1966, 12, 31),
        precision="year",
        countries=("AAA", "CCC"),
    )
    merged = make_event(
        "Duplicate of the establishment",
        countries=("AAA", "BBB"),
        merged_into=established,
    )
    hidden = make_event("Rejected event", countries=("AAA",), hidden=True)
    Mention.objects.create(
        article=first,
        sentence=first.sentences.get(index=0),
        start=0,
        end=6,
        text="Avalon",
        kind="country",
        country_id="AAA",
    )
    return SimpleNamespace(
        minister=minister,
        envoy=envoy,
        first=first,
        second=second,
        established=established,
        meeting=meeting,
        criticism=criticism,
        old=old,
        merged=merged,
        hidden=hidden,
    )


def add_meetings(n: int, *, country: str) -> list:
    """``n`` day-precise meetings with one country, stored in bulk (paging needs many)."""
    from timeline.models import Event

    events = Event.objects.bulk_create(
        Event(
            title=f"Extra meeting {i:03d}",
            type="meet",
            start=dt.date(2025, 5, 1) + dt.timedelta(days=i),
            end=dt.date(2025, 5, 1) + dt.timedelta(days=i),
            precision="day",
            date_display=(dt.date(2025, 5, 1) + dt.timedelta(days=i)).strftime("%-d %B %Y"),
        )
        for i in range(n)
    )
    Event.countries.through.objects.bulk_create(
        Event.countries.through(event_id=event.pk, country_id=country) for event in events
    )
    return events


# Browser tests: Debian's chromium through Playwright, against the live server.
# Screenshots go to /tmp (never into the repository).
SHOTS = "/tmp/timeline-shots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu"]


class CachedStaticFilesHandler(StaticFilesHandler):
    """The live server's static files, cacheable for a year like WhiteNoise's hashed names.

    The browser profile lives for one run and the files do not change during it: the
    browser need not ask again for plotly.min.js (4.8 MB) on every page.
    """

    def serve(self, request):
        response = super().serve(request)
        if response.status_code == 200:
            response["Cache-Control"] = "public, max-age=31536000, immutable"
        return response


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, its static files served with far-future cache headers."""
    from pytest_django.live_server_helper import LiveServer

    addr = request.config.getvalue("liveserver") or os.getenv(
        "DJANGO_LIVE_TEST_SERVER_ADDRESS", "localhost"
    )
    server = LiveServer(addr, start=False)
    server.thread.static_handler = CachedStaticFilesHandler
    server.start()
    yield server
    server.stop()


# Closed with the web tests: a tab left behind must not reach the live server later in the run.
@pytest.fixture(scope="package")
def browser(tmp_path_factory):
    """One chromium for the whole run, with a profile on disk (a persistent context).

    Compiling plotly.min.js takes seconds a page; an off-the-record context (what
    ``new_context`` makes) keeps no code cache, a profile on disk does, so every page
    after the first few that loads the chart starts in well under a second.
    """
    # Sync Playwright runs an event loop in this thread; Django's ORM must still be usable here.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        profile = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path="/usr/bin/chromium",
            args=CHROMIUM_ARGS,
        )
        yield profile
        profile.close()


def open_session(browser, live_server, *, width=1280, height=900, javascript=True):
    """A fresh page; ``errors`` collects console errors and page exceptions.

    With JavaScript, a new tab in the run's profile with its cookies cleared: the page
    shares only the HTTP and code caches of the earlier ones (the site stores nothing
    else in the browser; each tab has its own session storage, hence htmx's history).
    Without, a fresh context of its own, as JavaScript is a context's setting.
    ``close()`` when done.
    """
    if javascript:
        browser.clear_cookies()
        page = browser.new_page()
        page.set_viewport_size({"width": width, "height": height})
        close = page.close
    else:
        context = browser.browser.new_context(
            viewport={"width": width, "height": height}, java_script_enabled=False
        )
        page = context.new_page()
        close = context.close
    page.set_default_timeout(15_000)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return SimpleNamespace(
        page=page, errors=errors, close=close, url=lambda path: live_server.url + path
    )


@pytest.fixture
def ui(browser, live_server):
    session = open_session(browser, live_server)
    yield session
    session.close()


def chart_drawn(page) -> None:
    expect(page.locator("#timeline-chart .plot-container")).to_have_count(1)
    expect(page.locator("#timeline-chart svg.main-svg").first).to_be_visible()


def listed_titles(page) -> list[str]:
    return page.locator("#results a.event-link").all_inner_texts()
