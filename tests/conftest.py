"""Fixtures shared by every test: small factories that read like the domain.

Models are imported inside the fixtures so that the pure-extraction tests
run without Django (``pytest tests/extraction -p no:django``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools

import pytest

_counter = itertools.count(1)

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _tasks_run_immediately(request):
    """Background jobs run at once in tests, inside the test's transaction
    (tests/jobs runs a real database worker too)."""
    if not request.config.pluginmanager.hasplugin("django"):
        return  # the pure-extraction tests run without Django
    settings = request.getfixturevalue("settings")
    settings.TASKS_BACKEND = "immediate"
    settings.TASKS = IMMEDIATE_TASKS


@pytest.fixture
def make_article(db):
    """Store an article whose sentences are the given strings, one per line."""

    from timeline.models import Article, Sentence

    def make(*sentences: str, title: str = "", published: dt.date | None = None, slug: str = ""):
        n = next(_counter)
        text = "\n".join(sentences)
        article = Article.objects.create(
            slug=slug or f"article-{n}",
            content_hash=hashlib.sha256(f"{n}:{text}".encode()).hexdigest(),
            text=text,
            title=title or f"Article {n}",
            published=published,
        )
        pos = 0
        for i, sentence in enumerate(sentences):
            Sentence.objects.create(
                article=article, index=i, start=pos, end=pos + len(sentence), text=sentence
            )
            pos += len(sentence) + 1
        return article

    return make


@pytest.fixture
def make_event(db):
    """Store an event with its countries, actors and evidence sentences."""

    from timeline.models import Country, Event, Evidence

    def make(
        title: str = "Event",
        *,
        type: str = "establish_relations",
        start: dt.date | None = dt.date(2025, 4, 10),
        end: dt.date | None = None,
        precision: str = "day",
        countries: tuple[str, ...] = (),
        actors: tuple = (),
        sentences: tuple = (),
        **fields,
    ):
        end = end or start
        event = Event.objects.create(
            title=title,
            type=type,
            start=start,
            end=end,
            precision=precision,
            edtf=start.isoformat() if start and precision == "day" else "",
            date_display=start.strftime("%-d %B %Y") if start else "",
            **fields,
        )
        for iso3 in countries:
            country, _ = Country.objects.get_or_create(iso3=iso3, defaults={"name": iso3})
            event.countries.add(country)
        event.actors.add(*actors)
        for sentence in sentences:
            Evidence.objects.create(event=event, sentence=sentence)
        return event

    return make


@pytest.fixture
def make_actor(db):
    from django.utils.text import slugify

    from timeline.models import Actor

    def make(name: str, *, kind: str = "person", slug: str = "", **fields):
        return Actor.objects.create(
            key=fields.pop("key", slugify(name)),
            slug=slug or slugify(name),
            name=name,
            kind=kind,
            **fields,
        )

    return make
