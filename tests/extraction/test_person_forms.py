"""Person names in forms the name finder used to miss (invented sentences).

- A courtesy title ("Dr", "Mr", "Sir") before a name: the person is also known by the
  titled forms the text uses ("Dr Ana Ruiz", "Dr Ruiz").
- A title with "-designate" or "-elect" ("Prime Minister-designate Ana Ruiz") is a title:
  the name starts after it.
- A demonym and a word for a person, maybe with "named", right before a name ("a Kenyan
  man named Tom Otieno", "convicted Iranian criminal Reza Tavakoli") introduce a person.
- The first name of a "meeting between A and B" is a person's.
- An apposition telling what a person is ("Ana Ruiz, a Socialist allied with ...", "Ana
  Ruiz, a former general") makes the name a person's; a place's apposition does not.
- A name in brackets right after its title ("the Thai Ambassador (Somchai Wongsa)").
- A full name in the possessive before what only a person has ("Ana Ruiz's standing",
  "under Ana Ruiz's direction") is a person, with no title anywhere.
"""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extraction.pipeline import build_timeline
from timeline.extraction.types import DocInput


def _actors(text: str) -> dict[str, set[str]]:
    result = build_timeline([DocInput(key="k", text=text, published=dt.date(2024, 5, 3))])
    return {a.name: a.aliases | {a.name} for a in result.actors}


@pytest.mark.parametrize(
    ("text", "name", "forms"),
    [
        (
            "In March 1991, a coalition led by Dr Maria Lopez, a teacher, won the election. "
            "Dr Lopez was sworn in as prime minister.",
            "Maria Lopez",
            {"Dr Maria Lopez", "Dr Lopez"},
        ),
        (
            "The communique was signed in Rome by the Kenyan Ambassador (Mr Peter Otieno).",
            "Peter Otieno",
            {"Mr Peter Otieno"},
        ),
        (
            "The envoys presented their credentials to the Governor-General, "
            "Sir Howard Cooke, on Tuesday.",
            "Howard Cooke",
            {"Sir Howard Cooke"},
        ),
        (
            "Mr. Ali Rahman arrived in Dhaka. Mr. Rahman said the talks went well.",
            "Ali Rahman",
            {"Mr. Ali Rahman", "Mr. Rahman"},
        ),
    ],
)
def test_courtesy_title_forms_are_aliases(text, name, forms):
    actors = _actors(text)
    assert name in actors
    assert forms <= actors[name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The raid greatly undermined Omar Bongo's standing in the region.", "Omar Bongo"),
        (
            "In 1961, Ghana severed relations with France under Kwame Nkrumah's direction.",
            "Kwame Nkrumah",
        ),
        ("Peru was the first country to recognise Juan Velasco's regime.", "Juan Velasco"),
    ],
)
def test_full_name_owning_a_persons_attribute_is_a_person(text, name):
    assert name in _actors(text)


def test_a_place_in_the_possessive_is_no_person():
    assert not _actors("Hong Kong's government welcomed the decision.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kenyan Prime Minister-designate Samuel Ruto has criticized the decision.", "Samuel Ruto"),
        ("Ambassador-designate Maria Lopez arrived in Lima on Monday.", "Maria Lopez"),
        ("President-elect Jorge Mena arrived in Lima on Monday.", "Jorge Mena"),
    ],
)
def test_designate_and_elect_titles_are_no_part_of_the_name(text, name):
    assert name in _actors(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "On March 9 a Kenyan man named Peter Otieno lost his final appeal in Uganda.",
            "Peter Otieno",
        ),
        (
            "The jury conferred the award on convicted Iranian criminal Reza Tavakoli.",
            "Reza Tavakoli",
        ),
        ("The committee honoured the Chilean poet Ana Vidal in Lima.", "Ana Vidal"),
    ],
)
def test_demonym_and_person_word_introduce_a_name(text, name):
    assert name in _actors(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The accord was signed after the bilateral meeting between Antanas Valionis and "
            "the Tongan envoy.",
            "Antanas Valionis",
        ),
        (
            "A telephone conversation between Ivo Sanader and the Croatian envoy took place.",
            "Ivo Sanader",
        ),
    ],
)
def test_first_of_a_meeting_between_is_a_person(text, name):
    assert name in _actors(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "But Julius Nyerere, a Socialist allied with the left, restored relations with Cuba.",
            "Julius Nyerere",
        ),
        ("Few trusted Carlos Mena, a wealthy banker from the north.", "Carlos Mena"),
    ],
)
def test_apposition_telling_what_a_person_is(text, name):
    assert name in _actors(text)


def test_apposition_of_a_place_makes_no_person():
    assert "Santa Cruz" not in _actors("Santa Cruz, a city in Bolivia, hosted the talks.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The treaty was signed in Rome by the Danish envoy and the Thai Ambassador "
            "(Somchai Wongsa).",
            "Somchai Wongsa",
        ),
        ("The Foreign Minister (Ana Ruiz) arrived in Quito.", "Ana Ruiz"),
    ],
)
def test_name_in_brackets_after_its_title(text, name):
    assert name in _actors(text)
