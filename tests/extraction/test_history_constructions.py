"""Constructions of history paragraphs that tell a past act (invented sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extraction.pipeline import build_timeline
from timeline.extraction.types import DocInput


def _events(text: str) -> list[tuple[str, frozenset[str]]]:
    result = build_timeline([DocInput(key="k", text=text, published=dt.date(2024, 5, 3))])
    return [(e.type, frozenset(e.countries)) for e in result.events]


# "was among the first countries to recognise X" ranks the act as done, as "was the
# first country to" and "was one of the first countries to" do.
@pytest.mark.parametrize(
    ("text", "typ", "parties"),
    [
        ("Kenya was among the first countries to recognize Ghana in 1966.", "recognise", "GHA KEN"),
        (
            "Although Peru was among the first countries to recognise the Namibian state in "
            "1990, relations soon soured.",
            "recognise",
            "NAM PER",
        ),
        ("Chile was among the first to recognise Bangladesh in 1972.", "recognise", "BGD CHL"),
    ],
)
def test_among_the_first_to_tells_a_done_act(text, typ, parties):
    assert (typ, frozenset(parties.split())) in _events(text)


def test_wanting_to_be_among_the_first_is_no_act():
    assert not _events("Peru wants to be among the first to recognise Namibia.")


def _undated(text: str) -> list[tuple[str, frozenset[str], str]]:
    result = build_timeline([DocInput(key="k", text=text)])
    return [(e.type, frozenset(e.countries), e.date.edtf) for e in result.events if e.date]


# A history page (no publication date) telling an act with no date of its own right after
# a dated sentence about one of its countries: the act took place in that year.
@pytest.mark.parametrize(
    ("text", "typ", "parties", "year"),
    [
        (
            "The army took power in Ghana in January 1972. France was the first country to "
            "recognise the new Ghanaian regime and soon sent it arms.",
            "recognise",
            "FRA GHA",
            "1972",
        ),
        (
            "A coup overthrew the government of Chile in September 1973. Sweden broke off "
            "diplomatic relations with Chile.",
            "reduce_relations",
            "CHL SWE",
            "1973",
        ),
    ],
)
def test_undated_act_takes_the_narratives_year(text, typ, parties, year):
    assert (typ, frozenset(parties.split()), year) in _undated(text)


def test_a_sentence_two_back_sets_no_year():
    text = (
        "A coup overthrew the government of Chile in September 1973. The country was calm. "
        "Sweden broke off diplomatic relations with Chile."
    )
    assert not [e for e in _undated(text) if e[0] == "reduce_relations"]
