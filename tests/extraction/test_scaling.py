"""Work that must grow linearly, counted in operations (never in seconds).

The whole corpus is rebuilt on every ingest and one article may run to
megabytes, so comparing every item with every other is not an option. Each
test counts the expensive comparisons on input whose items have nothing in
common, where a pairwise scan would make about n²/2 of them.
"""

from __future__ import annotations

import itertools

import pytest

from timeline.extraction import actors as actors_module
from timeline.extraction.actors import find_actors, merge_actors
from timeline.extraction.countries import find_countries, lookup
from timeline.extraction.sentences import split_sentences
from timeline.extraction.types import PERSON, ActorInfo

N = 150


def _names(n: int) -> list[tuple[str, str]]:
    """``n`` made-up (given, family) names whose family names share no consonant skeleton."""
    consonants = "bdfgklmnprstvz"
    family = [f"{a.upper()}a{b}o{c}e" for a, b, c in itertools.permutations(consonants, 3)]
    given = [f"{a.upper()}i{b}a" for a, b in itertools.permutations(consonants, 2)]
    given = [g for g in given if not lookup(g)]  # "Lima", "Riga" are capitals
    return list(zip(given[:n], family[:n], strict=True))


@pytest.fixture
def count_person_matches(monkeypatch):
    calls = {"n": 0}
    original = actors_module._person_match

    def counting(x, y):
        calls["n"] += 1
        return original(x, y)

    monkeypatch.setattr(actors_module, "_person_match", counting)
    return calls


def test_merging_actors_across_articles_does_not_compare_every_pair(count_person_matches):
    per_article = [
        [ActorInfo(key=f"{g}-{f}".lower(), name=f"{g} {f}", kind=PERSON, aliases={f"{g} {f}"})]
        for g, f in _names(N)
    ]
    merged, _maps = merge_actors(per_article)
    assert len(merged) == N
    assert count_person_matches["n"] <= 2 * N  # a pairwise scan: about N * N / 2


def test_people_of_one_long_article_are_not_compared_pairwise(count_person_matches):
    text = "\n".join(
        f"Foreign Minister {g} {f} of Chile met reporters in Lima." for g, f in _names(N)
    )
    sentences = split_sentences(text)
    found, _mentions = find_actors(text, sentences, find_countries(text, sentences))
    assert len([a for a in found if a.kind == PERSON]) == N
    assert count_person_matches["n"] <= 2 * N
