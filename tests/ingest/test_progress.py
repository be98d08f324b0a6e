"""`ingest` shows a progress bar on a terminal and plain lines otherwise."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def corpus(tmp_path: Path) -> Path:
    for path in sorted(SEEDS.glob("*.txt"))[:2]:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "zz_empty.txt").write_text("title: nothing\n\n")
    return tmp_path


@pytest.mark.django_db
def test_plain_lines_when_the_output_is_not_a_terminal(tmp_path):
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(corpus(tmp_path)), stdout=out)

    lines = out.getvalue().splitlines()
    assert [line.split()[0] for line in lines[:3]] == ["added", "added", "FAILED"]
    assert "zz_empty.txt: empty article" in lines[2]
    assert lines[-1].startswith("2 added, 0 unchanged, 1 failed;")
    assert "\r" not in out.getvalue() and "article/s" not in out.getvalue()


@pytest.mark.django_db
def test_a_bar_with_rate_and_eta_on_a_terminal(tmp_path):
    out = Terminal()
    with pytest.raises(CommandError):
        call_command("ingest", str(corpus(tmp_path)), stdout=out)

    text = out.getvalue()
    assert "3/3" in text and "100%" in text
    assert "article/s" in text or "s/article" in text  # the rate
    assert "<00:00" in text  # tqdm's [elapsed<remaining] ETA
    assert "updating the timeline" in text  # what the time after the last article goes to
    # Failures are still named above the bar; successes are only counted.
    assert "FAILED  " in text and "zz_empty.txt: empty article" in text
    assert "added  " not in text
    assert "2 added, 0 unchanged, 1 failed;" in text


@pytest.mark.django_db
def test_the_bar_can_be_forced_and_refused(tmp_path):
    folder = corpus(tmp_path)
    (folder / "zz_empty.txt").unlink()
    forced, refused = io.StringIO(), Terminal()

    call_command("ingest", str(folder), "--progress", "bar", stdout=forced)
    call_command("ingest", str(folder), "--progress", "lines", stdout=refused)

    assert "2/2" in forced.getvalue() and "unchanged  " not in forced.getvalue()
    assert refused.getvalue().count("unchanged  ") == 2 and "2/2" not in refused.getvalue()


@pytest.mark.django_db
def test_reextract_shows_the_bar_too(tmp_path):
    folder = corpus(tmp_path)
    (folder / "zz_empty.txt").unlink()
    call_command("ingest", str(folder), stdout=io.StringIO())
    out = Terminal()

    call_command("ingest", "--reextract", stdout=out)

    assert "re-extract" in out.getvalue() and "2/2" in out.getvalue()
    assert "Re-extracted all articles" in out.getvalue()
