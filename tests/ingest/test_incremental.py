"""Incremental maintenance equals a full rebuild.

The gold sets' texts (inputs only: nothing here reads their expected output) are
ingested one article at a time in two orders and in one batch; the stored timelines
must be the same to the last source sentence, country, actor and inferred
publication date. Deleting an article and correcting a publication date are checked
the same way, against a rebuild from scratch.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from timeline import readings, services
from timeline.models import (
    Actor,
    Article,
    Country,
    Event,
    LinkKey,
    Mention,
    Reading,
)

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"


def gold_texts(*names: str) -> list[str]:
    texts = []
    for name in names:
        for article in json.loads((GOLD / f"{name}.json").read_text())["articles"].values():
            texts.append(article.get("text") or (ROOT / article["path"]).read_text())
    return texts


def write(tmp: Path, texts: list[str]) -> list[Path]:
    tmp.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, text in enumerate(texts):
        path = tmp / f"{i:03d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def wipe() -> None:
    for model in (Event, Article, Actor, Country, LinkKey):
        model.objects.all().delete()


def snapshot() -> dict:
    """The stored timeline without row ids: what a reader of it sees."""
    events = []
    for event in Event.objects.filter(merged_into__isnull=True).prefetch_related(
        "countries", "actors", "evidence__sentence__article"
    ):
        sources = sorted(
            (e.sentence.article.content_hash, e.sentence.index, e.origin, e.rejected)
            for e in event.evidence.all()
        )
        events.append(
            (
                event.type,
                str(event.start),
                str(event.end),
                event.precision,
                event.title,
                event.status,
                event.date_rule,
                event.date_certain,
                json.dumps(event.conflicts, sort_keys=True),
                tuple(sources),
                tuple(sorted(c.iso3 for c in event.countries.all())),
                tuple(sorted(a.key for a in event.actors.all())),
            )
        )
    articles = {
        a.content_hash: (
            str(a.published),
            a.published_source,
            a.published_evidence,
            a.published_certain,
            a.duplicate_of.content_hash if a.duplicate_of else None,
        )
        for a in Article.objects.select_related("duplicate_of")
    }
    mentions = sorted(
        Mention.objects.values_list(
            "article__content_hash", "sentence__index", "start", "end", "kind", "actor__key",
            "country_id", "value",
        )
    )  # fmt: skip
    used = set(Event.objects.values_list("actors__key", flat=True)) | {m[5] for m in mentions}
    actors = sorted(
        Actor.objects.filter(key__in=used).values_list("key", "name", "kind", "title", "country")
    )
    return {"events": sorted(events), "articles": articles, "mentions": mentions, "actors": actors}


def one_by_one(paths: list[Path]) -> dict:
    wipe()
    for path in paths:
        report = services.ingest_paths([path])
        assert report.ok, report.failed
    return snapshot()


def batch(paths: list[Path]) -> dict:
    wipe()
    report = services.ingest_paths(paths)
    assert report.ok, report.failed
    return snapshot()


def assert_same(found: dict, expected: dict) -> None:
    for part in expected:
        assert found[part] == expected[part], part


CORPUS = ("seeds", "dev_1", "dev_2", "dev_5", "dev_8")


@pytest.mark.django_db(transaction=False)
def test_one_article_at_a_time_in_any_order_equals_one_batch(tmp_path):
    paths = write(tmp_path / "corpus", gold_texts(*CORPUS))
    expected = batch(paths)
    assert len(expected["events"]) > 20 and len(expected["articles"]) == len(paths)
    assert any(a[1] == "inferred" for a in expected["articles"].values()), "no inference tested"

    assert_same(one_by_one(paths), expected)
    shuffled = list(paths)
    random.Random(9).shuffle(shuffled)
    assert_same(one_by_one(shuffled), expected)
    # And a rebuild from scratch over the same rows changes nothing.
    services.rebuild_timeline()
    assert_same(snapshot(), expected)


@pytest.mark.django_db
def test_an_update_clusters_only_the_articles_it_can_reach(tmp_path, monkeypatch):
    """An article sharing no country, actor, sentence or title with the corpus is
    clustered alone; one about the corpus's happenings reaches their articles."""
    paths = write(tmp_path / "corpus", gold_texts("seeds", "dev_1"))
    services.ingest_paths(paths)
    seen: list[set[str]] = []
    real = services.build_timeline

    def spy(docs, **options):
        seen.append({d.key for d in docs})
        return real(docs, **options)

    monkeypatch.setattr(services, "build_timeline", spy)
    apart = tmp_path / "apart.txt"
    apart.write_text(
        "title: Fisheries pact\npublished: 2021-05-04\n\n"
        "Iceland and Mongolia signed a fisheries agreement in Reykjavik on 3 May 2021.\n"
    )
    services.ingest_paths([apart])
    assert seen[-1] == {services.content_hash(apart.read_text())}

    near = tmp_path / "near.txt"
    near.write_text("title: A second report\n\n" + gold_texts("seeds")[0])
    services.ingest_paths([near])
    assert 1 < len(seen[-1]) <= Article.objects.count()

    incremental = snapshot()
    monkeypatch.setattr(services, "build_timeline", real)
    services.rebuild_timeline()
    assert_same(incremental, snapshot())


@pytest.mark.django_db
def test_deleting_an_article_equals_a_rebuild_without_it(tmp_path):
    texts = gold_texts("seeds", "dev_1", "dev_6")
    paths = write(tmp_path / "corpus", texts)
    services.ingest_paths(paths)
    for gone in (3, 11):
        article = Article.objects.get(content_hash=services.content_hash(texts[gone]))
        digest = article.content_hash
        article.delete()
        services.update_timeline(removed=[digest])
    incremental = snapshot()
    services.rebuild_timeline()
    assert_same(incremental, snapshot())

    # From scratch, too (actors keep fields an earlier reading gave them, as in any
    # rebuild over stored rows: compared above, not here).
    kept = [p for i, p in enumerate(paths) if i not in (3, 11)]
    fresh = batch(kept)
    for part in ("events", "articles", "mentions"):
        assert incremental[part] == fresh[part], part


@pytest.mark.django_db
def test_correcting_a_publication_date_reads_only_that_article_again(tmp_path, monkeypatch):
    texts = gold_texts("seeds", "dev_2")
    paths = write(tmp_path / "corpus", texts)
    services.ingest_paths(paths)
    article = Article.objects.get(content_hash=services.content_hash(texts[6]))
    readings_before = Reading.objects.exclude(article=article).count()

    read = []
    real = readings.read_document
    monkeypatch.setattr(readings, "read_document", lambda t, p: read.append(t) or real(t, p))
    # What the admin does when an editor corrects the date.
    article.published = (article.published or dt.date(2020, 1, 1)) - dt.timedelta(days=400)
    article.published_source = Article.DateSource.EDITOR
    article.mark_edited(["published"])
    article.save()
    services.update_timeline(changed=[article])

    assert read and set(read) == {article.text}
    assert Reading.objects.exclude(article=article).count() == readings_before
    article.refresh_from_db()
    assert article.published_source == Article.DateSource.EDITOR
    incremental = snapshot()
    services.rebuild_timeline()
    assert_same(incremental, snapshot())


@pytest.mark.django_db
def test_reextract_drops_the_stored_readings(tmp_path, monkeypatch):
    paths = write(tmp_path / "corpus", gold_texts("seeds"))
    services.ingest_paths(paths)
    before = snapshot()
    read = []
    real = readings.read_document
    monkeypatch.setattr(readings, "read_document", lambda t, p: read.append(t) or real(t, p))
    services.rebuild_timeline()
    assert read == []  # stored readings answer a rebuild
    services.reextract()
    assert len(set(read)) == len(paths)  # re-extraction reads every article again
    assert_same(snapshot(), before)


# Invented sentences naming no country and no actor: the articles made of them share
# only sentences, so the sentences alone decide which articles an update reaches.
PLAIN = [
    "The weather stayed mild through most of the week in the valley.",
    "Prices of bread rose slightly in the markets of the old town.",
    "The night train arrived two hours late because of the snow.",
    "A new bridge over the river opened to traffic on a quiet morning.",
    "Schools closed early so that pupils could travel home before the storm.",
    "The museum extended its opening hours for the summer season.",
    "Farmers said the harvest would be smaller than in earlier years.",
]


def plain_article(title: str, day: str, sentences: list[int]) -> str:
    body = "\n\n".join(PLAIN[i] for i in sentences)
    return f"title: {title}\npublished: {day}\n\n{body}\n"


@pytest.mark.django_db
def test_a_shared_sentence_reaches_only_near_copies(tmp_path, monkeypatch):
    """Quoting one sentence of another article changes nothing of it: only an article
    sharing enough sentences to be a near-copy (near_duplicates) is clustered again."""
    original = plain_article("Town notes", "2020-03-02", [0, 1, 2, 3, 4])
    paths = write(tmp_path / "corpus", [original])
    services.ingest_paths(paths)
    stored = LinkKey.objects.values_list("key", flat=True)
    assert stored and all(k.startswith(("s:", "l:")) for k in stored), "not sentences only"
    seen: list[set[str]] = []
    real = services.build_timeline

    def spy(docs, **options):
        seen.append({d.key for d in docs})
        return real(docs, **options)

    monkeypatch.setattr(services, "build_timeline", spy)
    quoting = plain_article("Valley diary", "2020-03-05", [0, 5, 6])
    services.ingest_texts([("quoting", quoting)])
    assert seen[-1] == {services.content_hash(quoting)}

    copy = plain_article("Town notes, again", "2020-03-03", [0, 1, 2, 3, 5])
    services.ingest_texts([("copy", copy)])
    assert seen[-1] == {services.content_hash(copy), services.content_hash(original)}
    assert Article.objects.get(content_hash=services.content_hash(copy)).duplicate_of


@pytest.mark.django_db
def test_deleting_the_original_of_a_chain_of_copies_equals_a_rebuild(tmp_path):
    """B copies A, C copies B but not A: while A is stored C is no copy (B is one
    already); without A, B is an original and C its copy. The update must reach C
    through B, two near-copy steps from the deleted article."""
    texts = [
        plain_article("First", "2020-03-02", [0, 1, 2, 3, 4]),
        plain_article("Second", "2020-03-03", [0, 1, 2, 3, 5]),
        plain_article("Third", "2020-03-04", [1, 2, 3, 5, 6]),
    ]
    services.ingest_paths(write(tmp_path / "corpus", texts))
    first, second, third = (
        Article.objects.get(content_hash=services.content_hash(t)) for t in texts
    )
    assert second.duplicate_of == first and third.duplicate_of is None
    digest = first.content_hash
    first.delete()
    services.update_timeline(removed=[digest])
    third.refresh_from_db()
    assert third.duplicate_of == second
    incremental = snapshot()
    services.rebuild_timeline()
    assert_same(incremental, snapshot())
