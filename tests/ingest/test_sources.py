"""Articles from saved web pages and links: main text and metadata in, page chrome out.

Pages are served by a local HTTP server on loopback; nothing reaches the internet.
The page below is invented; its chrome (cookie banner, navigation, byline, "most read"
box, footer) is what news sites wrap around every story.
"""

from __future__ import annotations

import contextlib
import io
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from timeline import sources
from timeline.models import Article, Event

CHROME = [
    "We use cookies to improve your experience",
    "Accept all cookies",
    "Celebrity wedding stuns fans",
    "Most read",
    "All rights reserved",
    "Privacy policy",
    "Jane Reporter",
    "Subscribe to our newsletter",
]

PAGE = """<!doctype html>
<html lang="en"><head>
<title>Fiji and Ruritania establish ties | The Daily Example</title>
<meta property="og:title" content="Fiji and Ruritania establish diplomatic ties">
<link rel="canonical" href="{canonical}">
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
</head><body>
<div id="cookie-banner">We use cookies to improve your experience.
<button>Accept all cookies</button></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>Fiji and Ruritania establish diplomatic ties</h1>
<p class="byline">By <span class="author">Jane Reporter</span>, Staff Writer</p>
<p>SUVA, March 5 (Wire) - Fiji and Ruritania established diplomatic relations on Tuesday,
the foreign ministry said in a statement.</p>
<p>The two countries signed a joint communique at the ministry in Suva, the statement said,
and agreed to exchange ambassadors later this year.</p>
<p>Ruritania had opened a consulate in Suva in 2019, and its trade minister visited Fiji in
2022 to discuss fisheries.</p>
</article></main>
<aside class="most-read"><h2>Most read</h2>
<ol><li><a href="/a">Celebrity wedding stuns fans</a></li>
<li><a href="/b">Storm hits the coast</a></li></ol></aside>
<div class="newsletter">Subscribe to our newsletter</div>
<footer><p>Copyright 2024 The Daily Example. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def page(canonical: str = "https://daily.example/world/fiji-ties") -> str:
    return PAGE.format(canonical=canonical)


class _Handler(BaseHTTPRequestHandler):
    routes: dict = {}
    hits: list = []

    def do_GET(self):
        self.hits.append(self.path)
        status, content_type, body, delay = self.routes.get(
            self.path, (404, "text/html", b"<h1>Not found</h1>", 0)
        )
        if delay:
            time.sleep(delay)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)  # the client may give up first, as it should

    def log_message(self, *args):  # keep the test output clean
        pass


@pytest.fixture
def site():
    """A web server on 127.0.0.1 (a port the OS picks); returns (base URL, routes, hits)."""
    routes: dict = {}
    hits: list = []
    handler = type("Handler", (_Handler,), {"routes": routes, "hits": hits})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", routes, hits
    server.shutdown()
    server.server_close()


def ingest(*specs) -> str:
    out = io.StringIO()
    call_command("ingest", *map(str, specs), stdout=out)
    return out.getvalue()


# --- Pages into article text --------------------------------------------------


def test_a_page_becomes_its_story_with_a_header_of_its_metadata():
    text = sources.html_to_article(page())

    header, _, body = text.partition("\n\n")
    assert "title: Fiji and Ruritania establish diplomatic ties" in header
    assert "url: https://daily.example/world/fiji-ties" in header
    assert "outlet: The Daily Example" in header
    assert "published: 2024-03-05" in header
    assert "Fiji and Ruritania established diplomatic relations on Tuesday" in body
    assert "Ruritania had opened a consulate in Suva in 2019" in body


def test_page_chrome_never_becomes_text():
    text = sources.html_to_article(page())
    for chrome in CHROME:
        assert chrome not in text, chrome


def test_the_headline_is_the_title_not_a_first_sentence():
    body = sources.html_to_article(page()).partition("\n\n")[2]
    assert not body.startswith("Fiji and Ruritania establish diplomatic ties")


@pytest.mark.parametrize(
    "canonical",
    ["javascript:alert(document.domain)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>"],
)
def test_a_canonical_url_that_is_not_a_web_address_is_dropped(canonical):
    text = sources.html_to_article(page(canonical), url="https://fetched.example/story")
    assert canonical.lower() not in text.lower()
    assert "url: https://fetched.example/story" in text


def test_a_page_with_no_story_is_refused_with_a_reason():
    app_shell = "<html><body><div id='root'></div><script>render()</script></body></html>"
    with pytest.raises(sources.ArticleError, match="no article text"):
        sources.html_to_article(app_shell)


def test_a_date_only_in_the_visible_text_is_still_found():
    meta = '<meta property="article:published_time" content="2024-03-05T10:00:00Z">'
    html = page().replace(meta, "")
    html = html.replace("<main>", "<main><p class='dateline'>Published 5 March 2024</p>")
    assert "published: 2024-03-05" in sources.html_to_article(html)


# --- Saved pages and links through the ingest command ---------------------------


@pytest.mark.django_db
def test_a_saved_html_file_is_ingested_as_its_story(tmp_path):
    (tmp_path / "story.html").write_text(page(), encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")

    output = ingest(tmp_path)

    article = Article.objects.get()
    assert "1 added" in output
    assert article.title == "Fiji and Ruritania establish diplomatic ties"
    assert article.url == "https://daily.example/world/fiji-ties"
    assert article.outlet == "The Daily Example"
    assert str(article.published) == "2024-03-05"
    sentences = list(article.sentences.values_list("text", flat=True))
    assert not any(chrome in s for s in sentences for chrome in CHROME)
    assert Event.objects.filter(countries__iso3="FJI").exists()


@pytest.mark.django_db
def test_a_link_is_fetched_once_and_reingesting_it_adds_nothing(site):
    base, routes, hits = site
    routes["/world/fiji-ties"] = (200, "text/html; charset=utf-8", page().encode(), 0)

    first = ingest(f"{base}/world/fiji-ties")
    second = ingest(f"{base}/world/fiji-ties")

    assert "1 added" in first
    assert "0 added, 1 unchanged" in second
    assert Article.objects.count() == 1
    assert hits == ["/world/fiji-ties"]  # the second run did not fetch it again
    article = Article.objects.get()
    assert article.source_name == f"{base}/world/fiji-ties"
    assert "User-Agent" not in article.text


@pytest.mark.django_db
def test_another_link_to_an_article_already_stored_adds_nothing(site):
    base, routes, _ = site
    routes["/story"] = (200, "text/html", page().encode(), 0)
    routes["/amp/story"] = (200, "text/html", page().encode(), 0)

    ingest(f"{base}/story")
    output = ingest(f"{base}/amp/story")

    assert "0 added, 1 unchanged" in output
    assert Article.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("route", "reason"),
    [
        ((404, "text/html", b"gone", 0), "not found (HTTP 404)"),
        ((500, "text/html", b"oops", 0), "the server answered HTTP 500 Internal Server Error"),
        ((200, "application/pdf", b"%PDF-1.4", 0), "not HTML: the server sent application/pdf"),
        ((200, "text/html", b"<p>x</p>" * 1_000_000, 0), "too large"),
    ],
)
def test_each_failed_fetch_is_named_and_changes_nothing(site, route, reason):
    base, routes, _ = site
    routes["/page"] = route

    with pytest.raises(CommandError) as failure:
        ingest(f"{base}/page")

    assert f"{base}/page: {reason}" in str(failure.value)
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_a_slow_server_times_out_with_a_clear_error(site, monkeypatch):
    base, routes, _ = site
    routes["/slow"] = (200, "text/html", page().encode(), 2)
    monkeypatch.setattr(sources, "FETCH_TIMEOUT", 0.3)

    with pytest.raises(CommandError, match=r"/slow: timed out after 0.3 s"):
        ingest(f"{base}/slow")
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_an_unreachable_host_is_named(monkeypatch):
    with pytest.raises(CommandError, match=r"cannot reach 127\.0\.0\.1:9"):
        ingest("http://127.0.0.1:9/nothing-listens-here")


@pytest.mark.django_db
def test_a_good_link_goes_in_even_when_another_fails(site):
    base, routes, _ = site
    routes["/good"] = (200, "text/html", page().encode(), 0)

    with pytest.raises(CommandError) as failure:
        ingest(f"{base}/missing", f"{base}/good")

    assert "1 article(s) failed" in str(failure.value)
    assert Article.objects.count() == 1


def test_only_web_addresses_are_fetched():
    for url in ["file:///etc/passwd", "ftp://example.org/a", "javascript:alert(1)"]:
        with pytest.raises(sources.ArticleError, match="not a web address"):
            sources.fetch(url)


# --- The admin's "add article" -------------------------------------------------


@pytest.mark.django_db
def test_the_admin_adds_an_article_from_a_link(site, admin_client):
    base, routes, hits = site
    routes["/story"] = (200, "text/html", page().encode(), 0)
    add = reverse("admin:timeline_article_add")

    first = admin_client.post(add, {"link": f"{base}/story"})
    again = admin_client.post(add, {"link": f"{base}/story"}, follow=True)

    article = Article.objects.get()
    assert first.status_code == 302
    assert article.title == "Fiji and Ruritania establish diplomatic ties"
    assert "already stored" in again.content.decode()
    assert hits == ["/story"]


@pytest.mark.django_db
def test_the_admin_names_a_failed_fetch(site, admin_client):
    base, _, _ = site
    response = admin_client.post(reverse("admin:timeline_article_add"), {"link": f"{base}/gone"})

    assert "not found (HTTP 404)" in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("link", ["javascript:alert(1)", "ftp://example.org/story"])
def test_the_admin_takes_web_links_only(admin_client, link):
    response = admin_client.post(reverse("admin:timeline_article_add"), {"link": link})

    assert "Enter a valid URL" in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_the_admin_takes_a_saved_web_page(admin_client):
    upload = SimpleUploadedFile("story.html", page().encode(), content_type="text/html")
    admin_client.post(reverse("admin:timeline_article_add"), {"file": upload})

    article = Article.objects.get()
    assert article.url == "https://daily.example/world/fiji-ties"
    assert "Accept all cookies" not in article.text
