"""New events, evidence and actors are written in batches, with the history saving them would
write; a new article's first reading is stored with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline import readings, services
from timeline.extraction import document
from timeline.extraction.types import PUB_UNKNOWN
from timeline.models import Actor, ActorAlias, Article, Event, Evidence, Reading, unique_slug

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.mark.django_db
def test_each_new_event_has_one_creation_record_listing_its_countries_and_actors():
    services.ingest_paths([SEEDS])
    events = list(Event.objects.prefetch_related("countries", "actors"))
    assert events
    for event in events:
        (record,) = event.history.all()
        assert record.history_type == "+"
        assert record.title == event.title and record.start == event.start
        assert {c.country_id for c in record.countries.all()} == {
            c.pk for c in event.countries.all()
        }
        assert {a.actor_id for a in record.actors.all()} == {a.pk for a in event.actors.all()}
    assert any(e.countries.exists() for e in events) and any(e.actors.exists() for e in events)


@pytest.mark.django_db
def test_each_new_evidence_row_has_its_creation_record():
    services.ingest_paths([SEEDS])
    rows = list(Evidence.objects.all())
    assert rows
    for row in rows:
        (record,) = row.history.all()
        assert record.history_type == "+"
        assert (record.event_id, record.sentence_id) == (row.event_id, row.sentence_id)
        assert record.date_text == row.date_text and record.claims == row.claims


@pytest.mark.django_db
def test_a_rebuild_with_nothing_new_writes_no_history():
    services.ingest_paths([SEEDS])
    before = sum(m.history.count() for m in (Event, Evidence))
    services.rebuild_timeline()
    assert sum(m.history.count() for m in (Event, Evidence)) == before


@pytest.mark.django_db
def test_each_new_actor_has_one_creation_record_and_distinct_slug():
    services.ingest_paths([SEEDS])
    actors = list(Actor.objects.all())
    assert actors and ActorAlias.objects.exists()
    for actor in actors:
        (record,) = actor.history.all()
        assert record.history_type == "+" and record.slug == actor.slug
    assert len({a.slug for a in actors}) == len(actors)


@pytest.mark.django_db
def test_a_slug_avoids_those_taken_by_rows_stored_together():
    assert unique_slug(Actor, "Ana Torres") == "ana-torres"
    assert unique_slug(Actor, "Ana Torres", taken={"ana-torres"}) == "ana-torres-2"
    assert unique_slug(Actor, "Ana Torres", taken={"ana-torres", "ana-torres-2"}) == "ana-torres-3"


@pytest.mark.django_db
def test_an_article_is_created_with_the_date_it_states(tmp_path):
    (tmp_path / "a.txt").write_text(
        "title: Talks\npublished: 2021-05-04\n\nPeru and Spain held talks on Monday.\n"
    )
    (tmp_path / "b.txt").write_text("Chile and Japan signed a trade agreement on 3 May 2021.\n")
    services.ingest_paths([tmp_path])
    articles = list(Article.objects.order_by("source_name"))
    assert [a.published_source for a in articles] == [Article.DateSource.HEADER, "unknown"]
    for article in articles:
        first = article.history.earliest()
        assert (first.published, first.published_source) == (
            article.published,
            article.published_source,
        )


@pytest.mark.django_db
def test_the_timeline_update_recalls_each_new_articles_first_reading(monkeypatch):
    """Past the reading cache's size (512), the update read every new article a second
    time; the reading made at ingest is stored with the article and recalled instead."""
    real_update, real_read = services.update_timeline, readings.read_document
    unstated, updating = [], []

    def update_after_the_cache_forgot(*args, **kwargs):
        document._cache.clear()  # as 512 later articles would have done
        updating.append(True)
        return real_update(*args, **kwargs)

    def read(text, published):
        if updating and published.value is None and published.source == PUB_UNKNOWN:
            unstated.append(text)
        return real_read(text, published)

    monkeypatch.setattr(services, "update_timeline", update_after_the_cache_forgot)
    monkeypatch.setattr(readings, "read_document", read)
    report = services.ingest_paths([SEEDS])

    assert report.created and not report.failed and updating
    assert unstated == []
    assert Reading.objects.count() >= len(report.created)
