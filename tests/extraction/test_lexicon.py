"""The country lexicon is built from the libraries, never edited by hand."""

from __future__ import annotations

import pytest

from timeline.extraction import build_lexicon


def test_the_committed_lexicon_is_what_the_libraries_give():
    # Fails after a library upgrade or an edit of data/countries.toml: run `make lexicon`.
    built = build_lexicon.render(build_lexicon.build())
    assert built == build_lexicon.OUTPUT.read_text(encoding="utf-8")


def test_a_hand_kept_form_the_converter_reads_as_another_country_stops_the_build():
    builder = build_lexicon._Builder()
    builder.extra["everyday"] = {"FRA": ["Germany"]}
    with pytest.raises(ValueError, match="Germany"):
        builder.add_everyday()
