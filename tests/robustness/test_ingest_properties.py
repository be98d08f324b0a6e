"""Any batch of texts through the real ingest command: stored intact, or failed by name."""

from __future__ import annotations

import io
import itertools

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import PROPERTY, articles  # the same module pytest loaded

from timeline.models import Article, Event, Evidence, Sentence

_batch = itertools.count()


@pytest.mark.django_db
@settings(
    PROPERTY,
    max_examples=12,
    suppress_health_check=[*PROPERTY.suppress_health_check, HealthCheck.function_scoped_fixture],
)
@given(st.lists(articles(long=False), min_size=1, max_size=3))
def test_a_batch_of_arbitrary_texts_is_stored_intact_or_failed_by_name(tmp_path, texts):
    folder = tmp_path / f"batch-{next(_batch)}"
    folder.mkdir()
    paths = []
    for i, text in enumerate(texts):
        path = folder / f"{i}.txt"
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)

    with transaction.atomic():  # each example starts from an empty database
        failed = ingest(folder)
        stored = {a.source_name: a for a in Article.objects.all()}
        for path, text in zip(paths, texts, strict=True):
            if f"{path}: " in failed:
                assert path.name not in stored, (path, failed)  # a failure leaves no trace
                continue
            # Not failed: stored (or the same text already stored under another name).
            assert path.name in stored or any(
                a.text == text.removeprefix("\ufeff") for a in stored.values()
            ), (path, failed)
        for article in stored.values():
            for sentence in article.sentences.all():
                assert article.text[sentence.start : sentence.end] == sentence.text
        for event in Event.objects.visible():
            assert event.evidence.exists(), event

        # The same batch again: nothing added, nothing changed, the same failures.
        before = snapshot()
        assert ingest(folder) == failed
        assert snapshot() == before
        transaction.set_rollback(True)


def ingest(folder) -> str:
    """The failure message of one ingest run ("" when every file went in)."""
    try:
        call_command("ingest", str(folder), stdout=io.StringIO())
    except CommandError as exc:
        return str(exc)
    return ""


def snapshot() -> dict:
    return {
        "articles": sorted(Article.objects.values_list("id", "content_hash")),
        "sentences": Sentence.objects.count(),
        "events": sorted(Event.objects.values_list("id", "title", "start", "end")),
        "evidence": sorted(Evidence.objects.values_list("event_id", "sentence_id")),
    }
