"""``manage.py synthesize``: N realistic events with the articles that report them."""

from __future__ import annotations

from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from timeline.extraction.countries import is_country
from timeline.models import Actor, Article, Event, Evidence, Mention, Sentence
from timeline.synthetic import synthesize

pytestmark = pytest.mark.django_db


def dump() -> list:
    """What the data says, without the database ids (so two runs compare)."""
    events = Event.objects.order_by("start", "title", "id").prefetch_related(
        "countries", "actors", "evidence__sentence__article"
    )
    return [
        (
            e.title,
            e.type,
            e.start,
            e.end,
            e.precision,
            e.edtf,
            e.date_certain,
            sorted(c.iso3 for c in e.countries.all()),
            sorted(a.slug for a in e.actors.all()),
            sorted(
                (ev.sentence.article.slug, ev.sentence.index, ev.sentence.text)
                for ev in e.evidence.all()
            ),
        )
        for e in events
    ]


def test_the_command_creates_exactly_n_events_each_with_one_to_three_sources():
    call_command("synthesize", events=300, seed=5)
    assert Event.objects.count() == 300
    per_event = Counter(Event.objects.annotate(n=Count("evidence")).values_list("n", flat=True))
    assert set(per_event) <= {1, 2, 3}
    assert len(per_event) == 3  # every count occurs
    assert Article.objects.count() > 300 / 8


def test_the_data_is_varied_like_news():
    synthesize(600, seed=2)
    events = Event.objects.all()
    types = Counter(events.values_list("type", flat=True))
    precisions = Counter(events.values_list("precision", flat=True))
    assert len(types) >= 15
    assert types.most_common(1)[0][0] in {"meet", "visit", "criticise"}
    assert {"day", "month", "year", "range"} <= set(precisions)
    assert precisions["day"] > precisions["year"]
    assert 0 < precisions[""] < 100  # a few undated ones
    assert events.filter(start__isnull=True, date_certain=True).count() == 0
    assert 0 < events.filter(date_certain=False).count() < 150
    assert events.exclude(conflicts=[]).exists()  # sources that disagree on the date
    codes = set(Event.countries.through.objects.values_list("country_id", flat=True))
    assert len(codes) >= 40
    assert all(is_country(code) for code in codes)
    assert Actor.objects.filter(kind="person").exclude(title="").count() >= 12
    assert Actor.objects.filter(kind="organisation").exists()


def test_sentences_and_mentions_sit_at_their_offsets_in_the_article():
    synthesize(150, seed=3)
    texts = dict(Article.objects.values_list("pk", "text"))
    for s in Sentence.objects.all():
        assert texts[s.article_id][s.start : s.end] == s.text
    mentions = Mention.objects.all()
    assert set(mentions.values_list("kind", flat=True)) >= {"country", "person", "date"}
    for m in mentions:
        assert texts[m.article_id][m.start : m.end] == m.text
        assert m.sentence.start <= m.start < m.end <= m.sentence.end
    # Each source sentence names the event's first country or one of its actors.
    for ev in Evidence.objects.select_related("sentence", "event")[:100]:
        names = [c.name for c in ev.event.countries.all()] + [a.name for a in ev.event.actors.all()]
        assert any(name in ev.sentence.text for name in names), ev.sentence.text


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data():
    synthesize(120, seed=7)
    first = dump()
    for model in (Event, Article, Actor):
        model.objects.all().delete()
    synthesize(120, seed=7)
    assert dump() == first
    for model in (Event, Article, Actor):
        model.objects.all().delete()
    synthesize(120, seed=8)
    assert dump() != first


def test_a_seed_already_stored_is_refused_by_name():
    synthesize(20, seed=4)
    with pytest.raises(CommandError, match="seed 4"):
        call_command("synthesize", events=20, seed=4)
    assert Event.objects.count() == 20
    call_command("synthesize", events=20, seed=9)  # another seed adds to it
    assert Event.objects.count() == 40


def test_the_pages_render_the_synthetic_data(client):
    synthesize(200, seed=6)
    event = Event.objects.filter(evidence__isnull=False).first()
    source = event.evidence.select_related("sentence__article").first().sentence
    assert client.get("/").status_code == 200
    page = client.get(event.get_absolute_url()).content.decode()
    assert source.get_absolute_url().replace("#", "#") in page
    article = client.get(source.article.get_absolute_url()).content.decode()
    assert f'id="{source.anchor}"' in article
    assert 'class="mention mention-country"' in article
    actor = Actor.objects.filter(events__isnull=False).first()
    assert client.get(actor.get_absolute_url()).status_code == 200
    country = event.countries.first()
    assert client.get(country.get_absolute_url()).status_code == 200
    api = client.get("/api/events.json?page_size=200").json()
    assert api["count"] == 200
    assert all(1 <= len(e["sources"]) <= 3 for e in api["events"])
