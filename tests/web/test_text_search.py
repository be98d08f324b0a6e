"""The text filter ``q`` through its index (migration 0010): SQLite's FTS5 trigram table,
PostgreSQL's trigram GIN index. The index only narrows; the answer is what a plain
case-insensitive LIKE over every title and accepted source sentence gives, whatever the
words, and it follows every write to the sentences."""

from __future__ import annotations

import pytest
from django.db import connection

from timeline.models import Event, Evidence, Sentence

pytestmark = pytest.mark.django_db

QUERIES = [
    "talks",
    "TALKS",
    "Talks in",
    "ministers",
    "trade pact",
    "pact,",
    'a "quoted',
    "50%",
    "50_",
    "fjord",
    "Côte",
    "CÔTE",
    "ße",
    "zz",  # shorter than a trigram: the plain scan
    "x",
    "   ",
    "nothing like this",
]


def _matched(text: str, *, indexed: bool) -> set[int]:
    return set(Event.objects.matching(text, indexed=indexed).values_list("pk", flat=True))


@pytest.fixture
def talks(make_article, make_event):
    first = make_article(
        "The foreign ministers held TALKS in Oslo on trade.",
        "Both sides signed a trade pact, worth 50% more than the last.",
        'An aide called it "a quoted success" on 3 May.',
    )
    second = make_article(
        "Envoys from Côte d'Ivoire met on the fjord ferry.",
        "The Straße talks resumed in spring.",
        "Nothing here matters.",
    )
    sentences = [*first.sentences.all(), *second.sentences.all()]
    events = [
        make_event(f"Event {i}", countries=("AAA",), sentences=(sentence,))
        for i, sentence in enumerate(sentences)
    ]
    events.append(make_event("Talks about talks", countries=("BBB",)))  # by its title only
    # A rejected source does not count: its event matches by no other sentence.
    Evidence.objects.filter(event=events[1]).update(rejected=True)
    return sentences, events


@pytest.mark.parametrize("text", QUERIES)
def test_the_index_keeps_exactly_what_the_plain_scan_keeps(talks, text):
    assert _matched(text, indexed=True) == _matched(text, indexed=False)


def test_the_fixture_reaches_titles_sentences_and_cases(talks):
    _sentences, events = talks
    assert _matched("talks", indexed=True) == {events[0].pk, events[4].pk, events[6].pk}
    assert _matched("trade pact", indexed=True) == set()  # its only source was rejected
    assert _matched("côte", indexed=True) == {events[3].pk}
    assert _matched("ße", indexed=True) == {events[4].pk}


def test_the_index_follows_inserts_updates_and_deletes(talks, make_article, make_event):
    sentences, events = talks
    later = make_article("A summit on glaciology closed on Friday.")
    added = make_event("Added", sentences=(later.sentences.get(),))
    assert _matched("glaciolog", indexed=True) == {added.pk}
    Sentence.objects.filter(pk=sentences[0].pk).update(text="The ministers met on glaciology.")
    assert _matched("glaciolog", indexed=True) == {added.pk, events[0].pk}
    assert events[0].pk not in _matched("talks", indexed=True)
    later.delete()
    assert _matched("glaciolog", indexed=True) == {events[0].pk}
    for text in ("glaciolog", "talks", "ministers"):
        assert _matched(text, indexed=True) == _matched(text, indexed=False)


def test_the_database_holds_the_text_index(talks):
    """SQLite narrows the sentences by the trigram table; PostgreSQL has a trigram index on
    the expression its LIKE compares."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'sentence_text_trgm'")
            [(definition,)] = cursor.fetchall()
            assert "gin_trgm_ops" in definition and "upper(text)" in definition
            return
        assert "timeline_sentence_text MATCH" in str(Event.objects.matching("talks").query)
        assert "MATCH" not in str(Event.objects.matching("zz").query)  # under a trigram
        cursor.execute(
            "SELECT rowid FROM timeline_sentence_text WHERE timeline_sentence_text MATCH %s",
            ['"talks"'],
        )
        found = {row[0] for row in cursor.fetchall()}
    assert found == set(
        Sentence.objects.filter(text__icontains="talks").values_list("pk", flat=True)
    )
