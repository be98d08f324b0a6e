"""Each evidence row has its creation record; a rebuild with nothing new writes no history."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline import services
from timeline.models import Event, Evidence

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


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
