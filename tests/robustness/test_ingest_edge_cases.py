"""The ingest command on awkward files: each failure named, non-zero exit, no trace left."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from timeline import services
from timeline.models import Article, Event, Evidence, Mention, Sentence

ROOT = Path(__file__).resolve().parents[2]

# An article written for these tests (not a seed): two countries, a dated happening.
ARTICLE = (
    "title: Chile and France restore ties\n"
    "published: 2021-05-04\n"
    "\n"
    "Chile and France restored diplomatic relations on 3 May 2021 in Paris.\n"
    "\n"
    "The two foreign ministers signed a joint statement on Monday, officials said.\n"
)
OTHER = (
    "Peru and Japan held talks in Lima on 12 June 2019.\n"
    "Peru's foreign minister said the talks went well.\n"
)


def ingest(*paths) -> str:
    out = io.StringIO()
    call_command("ingest", *map(str, paths), stdout=out)
    return out.getvalue()


def failing_ingest(*paths) -> str:
    """Run the command, expect it to fail, and return the failure message."""
    with pytest.raises(CommandError) as failure:
        ingest(*paths)
    return str(failure.value)


def snapshot() -> dict:
    return {
        "articles": sorted(Article.objects.values_list("id", "content_hash", "slug")),
        "sentences": sorted(Sentence.objects.values_list("article_id", "index", "start", "end")),
        "events": sorted(Event.objects.values_list("id", "title", "start", "end")),
        "evidence": sorted(Evidence.objects.values_list("event_id", "sentence_id")),
        "mentions": Mention.objects.count(),
    }


def write(path: Path, text: str, newline: str = "\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


def assert_offsets_point_at_sentences() -> None:
    for article in Article.objects.all():
        for sentence in article.sentences.all():
            assert article.text[sentence.start : sentence.end] == sentence.text
            assert "\r" not in sentence.text
        for mention in article.mentions.all():
            assert article.text[mention.start : mention.end] == mention.text


# --- line ends, BOM, headers --------------------------------------------------


@pytest.mark.django_db
def test_a_crlf_file_is_read_like_its_lf_twin(tmp_path):
    ingest(write(tmp_path / "crlf.txt", ARTICLE, "\r\n"))

    article = Article.objects.get()
    assert "\r\n" in article.text  # stored byte for byte
    assert article.title == "Chile and France restore ties"
    assert str(article.published) == "2021-05-04"
    assert [s.text for s in article.sentences.all()] == [
        "Chile and France restored diplomatic relations on 3 May 2021 in Paris.",
        "The two foreign ministers signed a joint statement on Monday, officials said.",
    ]
    assert_offsets_point_at_sentences()
    assert Event.objects.visible().exists()


@pytest.mark.django_db
def test_a_crlf_copy_of_a_stored_article_adds_no_happening_twice(tmp_path):
    ingest(write(tmp_path / "lf.txt", ARTICLE))
    events_before = sorted(Event.objects.visible().values_list("title", "start", "end"))

    ingest(write(tmp_path / "copy.txt", ARTICLE, "\r\n"))

    # Stored as its own file, but known as a copy of the first one.
    copy = Article.objects.get(source_name="copy.txt")
    original = Article.objects.get(source_name="lf.txt")
    assert copy.duplicate_of == original
    assert sorted(Event.objects.visible().values_list("title", "start", "end")) == events_before


@pytest.mark.django_db
def test_a_bom_is_not_part_of_the_article(tmp_path):
    ingest(write(tmp_path / "plain.txt", ARTICLE))
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))

    output = ingest(bom)

    assert "0 added, 1 unchanged" in output
    assert Article.objects.get().title == "Chile and France restore ties"


@pytest.mark.django_db
def test_a_file_with_only_a_header_is_named_and_stores_nothing(tmp_path):
    ingest(write(tmp_path / "good.txt", OTHER))
    before = snapshot()
    header_only = write(tmp_path / "bad" / "header-only.txt", ARTICLE.split("\n\n")[0] + "\n\n")
    crlf_header_only = write(
        tmp_path / "bad" / "header-only-crlf.txt", ARTICLE.split("\n\n")[0] + "\n", "\r\n"
    )

    message = failing_ingest(header_only, crlf_header_only)

    assert "2 article(s) failed" in message
    assert f"{header_only}: empty article: no text after the header" in message
    assert f"{crlf_header_only}: empty article: no text after the header" in message
    assert snapshot() == before


@pytest.mark.django_db
def test_a_file_of_only_punctuation_and_blank_lines_is_named(tmp_path):
    path = write(tmp_path / "noise.txt", "\n\r\n . . .\n\t\n")
    message = failing_ingest(path)
    assert f"{path}: no words: the text after the header has no letters" in message
    assert not Article.objects.exists()


# --- size ---------------------------------------------------------------------


@pytest.mark.django_db
def test_a_long_single_line_file_is_ingested_with_offsets_intact(tmp_path):
    line = "Chile and France restored diplomatic relations on 3 May 2021, officials said "
    path = write(tmp_path / "one-line.txt", (line * 1300)[:100_000] + "\n")

    ingest(path)

    article = Article.objects.get()
    assert len(article.text) == 100_001
    assert_offsets_point_at_sentences()


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_named_and_stores_nothing(tmp_path):
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"Chile and France met. " * (services.MAX_ARTICLE_BYTES // 22 + 1))

    message = failing_ingest(huge)

    assert f"{huge}: too large" in message
    assert f"the limit is {services.MAX_ARTICLE_BYTES:,}" in message
    assert not Article.objects.exists()


# --- the same article under other names -------------------------------------


@pytest.mark.django_db
def test_the_same_text_under_another_name_is_not_stored_again(tmp_path):
    ingest(write(tmp_path / "first.txt", ARTICLE))
    before = snapshot()

    output = ingest(write(tmp_path / "renamed-copy.txt", ARTICLE))

    assert "0 added, 1 unchanged" in output
    assert snapshot() == before


@pytest.mark.django_db
def test_the_same_article_in_two_folders_is_stored_once(tmp_path):
    write(tmp_path / "a" / "story.txt", ARTICLE)
    write(tmp_path / "b" / "nested" / "same-story.txt", ARTICLE)
    write(tmp_path / "b" / "other.txt", OTHER)

    output = ingest(tmp_path / "a", tmp_path / "b")

    assert "2 added, 1 unchanged" in output
    assert Article.objects.count() == 2
    assert Article.objects.filter(text=ARTICLE).count() == 1


@pytest.mark.django_db
def test_a_folder_keeps_only_its_txt_files(tmp_path):
    write(tmp_path / "story.txt", ARTICLE)
    write(tmp_path / "notes.md", OTHER)
    write(tmp_path / "story.txt.bak", OTHER)
    write(tmp_path / "data.json", '{"not": "an article"}')
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "folder.txt").mkdir()  # a folder named like an article

    output = ingest(tmp_path)

    assert "1 added, 0 unchanged, 0 failed" in output
    assert list(Article.objects.values_list("source_name", flat=True)) == ["story.txt"]


# --- links and permissions --------------------------------------------------


@pytest.mark.django_db
def test_a_folder_that_links_to_itself_is_walked_once(tmp_path):
    root = tmp_path / "corpus"
    write(root / "story.txt", ARTICLE)
    (root / "loop").symlink_to(root, target_is_directory=True)
    (root / "sub").mkdir()
    (root / "sub" / "up").symlink_to(root, target_is_directory=True)

    output = ingest(root)

    assert "1 added, 0 unchanged, 0 failed" in output
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_a_file_link_loop_given_by_name_is_named_and_stores_nothing(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")

    message = failing_ingest(tmp_path / "a.txt")

    assert f"{tmp_path / 'a.txt'}: " in message
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_an_unreadable_file_is_named_and_the_others_go_in(tmp_path, monkeypatch):
    # Running as root, chmod 000 cannot stop a read: the refusal is simulated instead.
    locked = write(tmp_path / "locked.txt", OTHER)
    good = write(tmp_path / "good.txt", ARTICLE)
    real_read = Path.read_bytes

    def read_bytes(self):
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)

    message = failing_ingest(locked, good)

    assert "1 article(s) failed" in message
    assert f"{locked}: " in message
    assert "Permission denied" in message
    assert list(Article.objects.values_list("source_name", flat=True)) == [good.name]


# --- failures in a mixed batch ----------------------------------------------


@pytest.mark.django_db
def test_every_failure_in_a_batch_is_named_and_only_the_good_files_are_stored(tmp_path):
    good = write(tmp_path / "good.txt", ARTICLE)
    bad = {
        "empty.txt": b"",
        "blank.txt": b"\r\n\r\n   \r\n",
        "nul.txt": b"Chile\x00France",
        "latin1.txt": "Côte d'Ivoire".encode("latin-1"),
        "utf16.txt": "Chile and France met.".encode("utf-16"),
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)

    message = failing_ingest(tmp_path, tmp_path / "missing.txt")

    assert f"{len(bad) + 1} article(s) failed" in message
    for name in [*bad, "missing.txt"]:
        assert f"{tmp_path / name}: " in message, name
    assert list(Article.objects.values_list("source_name", flat=True)) == [good.name]
    assert_offsets_point_at_sentences()


def test_the_real_command_exits_non_zero_and_names_the_file(tmp_path):
    """``manage.py ingest`` in a process of its own, on a fresh SQLite file."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    empty = write(tmp_path / "in" / "empty.txt", "title: Nothing below\n\n")
    write(tmp_path / "in" / "good.txt", ARTICLE)

    run = subprocess.run(
        [*manage, "ingest", str(tmp_path / "in")],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )

    assert run.returncode == 1
    assert f"{empty}: empty article" in run.stderr
    assert "1 added, 0 unchanged, 1 failed" in run.stdout


@pytest.mark.django_db
def test_two_people_with_one_name_in_two_countries_do_not_break_the_rebuild(tmp_path):
    # They used to share one actor key, and storing the second raised IntegrityError.
    write(
        tmp_path / "egypt.txt",
        "Foreign Minister Ahmed Hassan of Egypt visited Chile on 3 May 2021.\n",
    )
    write(
        tmp_path / "sudan.txt",
        "Foreign Minister Ahmed Hassan of Sudan visited Peru on 9 June 2022.\n",
    )

    ingest(tmp_path)

    assert Article.objects.count() == 2
    assert Event.objects.visible().count() == 2
