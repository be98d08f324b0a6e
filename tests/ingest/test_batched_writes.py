"""New events and evidence are written in batches, with the history saving them would write."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline import services
from timeline.models import Event, Evidence

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
