"""Only http and https addresses enter as links: header, admin paste, admin form, stored rows."""

from __future__ import annotations

import importlib
import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.urls import reverse

from timeline import services
from timeline.extraction.weburl import web_url
from timeline.models import Article

# Each is a link that runs script or shows attacker content when clicked.
PAYLOADS = [
    "javascript:alert(document.domain)",
    "JaVaScRiPt:alert(document.domain)",
    "java\tscript:alert(1)",
    "\x01javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "https:alert(1)",  # no host: a relative path to some browsers
    "//evil.example/x",  # no scheme: takes the page's
    "ftp://files.example/a.txt",
]

BODY = "Avalon and Borduria established diplomatic relations on 10 April 2025."


def article_text(url: str) -> str:
    return f"title: A story\nurl: {url}\n\n{BODY}\n"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_web_url_refuses_every_other_scheme(payload):
    assert web_url(payload) is None


@pytest.mark.parametrize(
    "url", ["https://news.example/a?b=1#c", "http://news.example", "HTTPS://News.Example/x"]
)
def test_web_url_keeps_http_and_https(url):
    assert web_url(f"  {url} ") == url


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_ingest_refuses_a_header_url_that_is_not_http_and_names_it(tmp_path, payload):
    path = tmp_path / "story.txt"
    path.write_text(article_text(payload))
    with pytest.raises(CommandError, match="is not an http:// or https:// address"):
        call_command("ingest", str(path), stdout=io.StringIO())
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_ingest_keeps_an_https_header_url():
    article, created = services.add_article(article_text("https://news.example/story"))
    assert created
    assert article.url == "https://news.example/story"


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS[:6])
def test_the_admin_paste_refuses_it(admin_client, payload):
    response = admin_client.post(
        reverse("admin:timeline_article_add"), {"text": article_text(payload)}
    )
    assert response.status_code == 200
    assert "is not an http:// or https:// address" in response.content.decode()
    assert Article.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("payload", [p for p in PAYLOADS if not p.startswith("//")])
def test_the_admin_change_form_refuses_it(admin_client, payload):
    article, _ = services.add_article(article_text("https://news.example/story"))
    url = reverse("admin:timeline_article_change", args=[article.pk])
    response = admin_client.post(
        url, {"title": "A story", "url": payload, "outlet": "", "published": ""}
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["url"]
    assert errors
    assert set(errors) <= {"Enter a valid URL.", "Enter an http:// or https:// address."}
    article.refresh_from_db()
    assert article.url == "https://news.example/story"


@pytest.mark.django_db
def test_the_migration_clears_links_stored_before_the_check(make_article):
    unsafe, safe = make_article(BODY), make_article(BODY)
    Article.objects.filter(pk=unsafe.pk).update(url="JavaScript:alert(1)")
    Article.objects.filter(pk=safe.pk).update(url="https://news.example/a")
    migration = importlib.import_module("timeline.migrations.0003_secure_web_urls")

    migration.clear_unsafe_urls(apps, None)

    assert Article.objects.get(pk=unsafe.pk).url == ""
    assert Article.objects.get(pk=safe.pk).url == "https://news.example/a"
