"""The ingest command: idempotent, one transaction per article, failures named."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from timeline import services
from timeline.models import Article, Event, Evidence, Sentence

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def ingest(*paths, reextract=False) -> str:
    out = io.StringIO()
    call_command("ingest", *map(str, paths), reextract=reextract, stdout=out)
    return out.getvalue()


def snapshot() -> dict:
    return {
        "articles": sorted(Article.objects.values_list("id", "content_hash")),
        "sentences": Sentence.objects.count(),
        "events": sorted(Event.objects.values_list("id", "title", "start", "end")),
        "evidence": sorted(Evidence.objects.values_list("event_id", "sentence_id")),
    }


@pytest.mark.django_db
def test_ingesting_the_seed_folder_stores_every_article_with_offset_sentences():
    output = ingest(SEEDS)

    assert Article.objects.count() == 5
    assert "5 added" in output
    for article in Article.objects.all():
        sentences = list(article.sentences.all())
        assert sentences, article.slug
        for sentence in sentences:
            assert article.text[sentence.start : sentence.end] == sentence.text


@pytest.mark.django_db
def test_seed_articles_are_stored_byte_for_byte():
    ingest(SEEDS)
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_bytes().decode("utf-8")
        assert Article.objects.filter(content_hash=services.content_hash(text)).exists(), path


@pytest.mark.django_db
def test_seeds_give_events_each_backed_by_a_source_sentence():
    ingest(SEEDS)
    events = Event.objects.visible()
    assert events.count() >= 5
    for event in events:
        assert event.evidence.exists(), event.title


@pytest.mark.django_db
def test_ingesting_the_same_articles_again_changes_nothing():
    ingest(SEEDS)
    before = snapshot()

    output = ingest(SEEDS)

    assert snapshot() == before
    assert "0 added, 5 unchanged" in output


@pytest.mark.django_db
def test_reextracting_everything_twice_is_stable():
    ingest(SEEDS)
    ingest(reextract=True)
    before = snapshot()
    ingest(reextract=True)
    assert snapshot() == before


@pytest.mark.django_db
def test_bad_files_are_named_and_change_nothing(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n\n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 diplomacy resumed.".encode("latin-1"))
    good = tmp_path / "good.txt"
    good.write_text(
        "title: A good one\n\nFrance and Chile signed a trade agreement on 3 May 2021.\n"
    )

    with pytest.raises(CommandError) as failure:
        ingest(tmp_path, tmp_path / "missing.txt")

    message = str(failure.value)
    assert "4 article(s) failed" in message
    assert "empty.txt: empty article" in message
    assert "binary.txt: binary data" in message
    assert "latin1.txt: not UTF-8" in message
    assert "missing.txt: no such file" in message
    assert list(Article.objects.values_list("title", flat=True)) == ["A good one"]


@pytest.mark.django_db
def test_an_article_the_extractor_cannot_read_leaves_no_trace(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("extractor exploded")

    monkeypatch.setattr(services, "extract_article", broken)
    path = tmp_path / "a.txt"
    path.write_text("Brazil and Japan held talks on Monday.\n")

    report = services.ingest_paths([path])

    assert report.failed == [(str(path), "RuntimeError: extractor exploded")]
    assert not Article.objects.exists()
    assert not Sentence.objects.exists()


@pytest.mark.django_db
def test_header_block_fills_title_url_outlet_and_publication_date(tmp_path):
    path = tmp_path / "with-header.txt"
    path.write_text(
        "url: https://example.org/news/1\n"
        "title: Chile and France sign accord\n"
        "outlet: Example News\n"
        "published: 2021-05-04\n"
        "\n"
        "Chile and France signed a cultural accord on Monday in Paris.\n"
    )
    ingest(path)

    article = Article.objects.get()
    assert article.title == "Chile and France sign accord"
    assert article.url == "https://example.org/news/1"
    assert article.outlet == "Example News"
    assert str(article.published) == "2021-05-04"
    assert article.published_source == Article.DateSource.HEADER
    assert not article.text.startswith("Chile")  # the header stays in the stored text
    assert article.sentences.first().text.startswith("Chile and France")


@pytest.mark.django_db
def test_reextract_keeps_a_field_an_editor_changed():
    ingest(SEEDS)
    event = Event.objects.visible().first()
    event.title = "Title chosen by an editor"
    event.mark_edited(["title"])
    event.save()

    ingest(reextract=True)

    event.refresh_from_db()
    assert event.title == "Title chosen by an editor"


@pytest.mark.django_db
def test_reextract_of_an_unknown_path_is_an_error(tmp_path):
    path = tmp_path / "never-ingested.txt"
    path.write_text("Peru and Spain met.\n")
    with pytest.raises(CommandError, match="not ingested yet"):
        ingest(path, reextract=True)


def test_ingest_without_paths_is_an_error():
    with pytest.raises(CommandError, match="give at least one file"):
        call_command("ingest", stdout=io.StringIO())


@pytest.mark.django_db
def test_rebuild_keeps_an_event_an_editor_hid_even_when_no_sentence_reports_it(make_event):
    ingest(SEEDS)
    hidden = make_event("Hidden by an editor", hidden=True)
    unwanted = make_event("Left over from an older extraction")

    services.rebuild_timeline()

    assert Event.objects.filter(pk=hidden.pk).exists()
    assert not Event.objects.filter(pk=unwanted.pk).exists()


@pytest.mark.django_db
def test_an_article_that_breaks_the_cross_article_stage_fails_alone(tmp_path, monkeypatch):
    real_build = services.build_timeline

    def fragile(docs):
        if any("EXPLODES" in doc.text for doc in docs):
            raise RuntimeError("cross-article stage exploded")
        return real_build(docs)

    monkeypatch.setattr(services, "build_timeline", fragile)
    (tmp_path / "a.txt").write_text("France and Chile signed a trade agreement on 3 May 2021.\n")
    (tmp_path / "b.txt").write_text("Peru and Spain EXPLODES relations on 4 May 2021.\n")
    (tmp_path / "c.txt").write_text("Japan and Brazil held talks in Tokyo on 5 May 2021.\n")

    with pytest.raises(CommandError) as failure:
        ingest(tmp_path)

    assert "b.txt: breaks the timeline rebuild: RuntimeError" in str(failure.value)
    assert sorted(Article.objects.values_list("source_name", flat=True)) == ["a.txt", "c.txt"]
    assert Event.objects.exists()


@pytest.mark.django_db
def test_folders_give_their_txt_files_whatever_the_case_of_the_suffix(tmp_path):
    (tmp_path / "upper.TXT").write_text(
        "France and Chile signed a trade agreement on 3 May 2021.\n"
    )
    (tmp_path / "notes.md").write_text("Not an article.\n")

    ingest(tmp_path)

    assert list(Article.objects.values_list("source_name", flat=True)) == ["upper.TXT"]


@pytest.mark.django_db
def test_a_database_error_in_the_timeline_update_takes_no_article_back(tmp_path, monkeypatch):
    """'database is locked' (or a lost connection) is no article's fault: nothing
    is deleted, the work stays pending, and the next run finishes it."""
    from django.db import OperationalError

    from timeline.models import PendingUpdate

    def locked(changed, removed):
        raise OperationalError("database is locked")

    monkeypatch.setattr(services, "_update_timeline", locked)
    (tmp_path / "a.txt").write_text("France and Chile signed a trade agreement on 3 May 2021.\n")
    (tmp_path / "b.txt").write_text("Japan and Brazil held talks in Tokyo on 5 May 2021.\n")

    with pytest.raises(CommandError) as failure:
        ingest(tmp_path)

    assert "timeline update: OperationalError: database is locked" in str(failure.value)
    assert "a.txt" not in str(failure.value) and "b.txt" not in str(failure.value)
    assert Article.objects.count() == 2
    assert PendingUpdate.objects.count() == 2
    assert not Event.objects.exists()

    monkeypatch.undo()
    out = ingest(tmp_path)

    assert "Finished the timeline work an interrupted run left for 2 article(s)" in out
    assert "0 added, 2 unchanged, 0 failed" in out
    assert Event.objects.exists() and not PendingUpdate.objects.exists()


@pytest.mark.django_db
def test_an_article_another_writer_stored_meanwhile_is_unchanged_not_failed(monkeypatch):
    """Between the check for the text's hash and the insert, another process
    stores the same article: this one reports it unchanged, with no error."""
    text = "France and Chile signed a trade agreement on 3 May 2021.\n"
    real_extract = services.extract_article
    raced = []

    def extract_while_another_writer_stores_it(*args, **kwargs):
        if not raced:
            raced.append(None)  # the other writer's own call extracts normally
            raced[0] = services.add_article(text, source_name="other-process.txt")[0]
        return real_extract(*args, **kwargs)

    monkeypatch.setattr(services, "extract_article", extract_while_another_writer_stores_it)

    article, created = services.add_article(text, source_name="this-process.txt")

    assert (article, created) == (raced[0], False)
    assert Article.objects.get().source_name == "other-process.txt"


@pytest.mark.django_db
def test_a_slug_another_writer_took_meanwhile_is_chosen_again(monkeypatch):
    first, _ = services.add_article("title: Talks\n\nPeru and Spain held talks on 4 May 2021.\n")
    real_slug = services.unique_slug
    calls = []

    def slug_taken_after_the_check(*args, **kwargs):
        calls.append(1)
        return first.slug if len(calls) == 1 else real_slug(*args, **kwargs)

    monkeypatch.setattr(services, "unique_slug", slug_taken_after_the_check)

    second, created = services.add_article(
        "title: Talks\n\nJapan and Brazil held talks on 5 May 2021.\n"
    )

    assert created and second.slug != first.slug and len(calls) == 2
    assert Article.objects.count() == 2
