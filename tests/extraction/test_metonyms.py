"""A government named for its ruler stands for its country; the ruler is known from the
article first, else from general knowledge (data/rulers.toml)."""

from __future__ import annotations

from pathlib import Path

from timeline.extraction.actors import find_actors
from timeline.extraction.countries import find_countries
from timeline.extraction.metonyms import find_governments
from timeline.extraction.pipeline import build_timeline, extract_article
from timeline.extraction.sentences import split_sentences
from timeline.extraction.types import DocInput

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def governments(text: str) -> list[tuple[str, str]]:
    sentences = split_sentences(text)
    actors, _ = find_actors(text, sentences, find_countries(text, sentences))
    return [(m.text, m.key) for m in find_governments(text, sentences, actors)]


def test_a_government_named_for_a_known_ruler_is_its_country():
    text = (
        "The Maduro government protested. The Kim regime fired a missile, the Biden "
        "administration answered and Saddam's regime had fallen long before."
    )
    assert governments(text) == [
        ("Maduro government", "VEN"),
        ("Kim regime", "PRK"),
        ("Biden administration", "USA"),
        ("Saddam's regime", "IRQ"),
    ]


def test_the_article_names_the_ruler_with_his_country_first():
    # "Castro" alone would be Cuba's; this article says whose president he is.
    text = "Peruvian President Carlos Castro spoke on Monday. The Castro government fell."
    assert governments(text) == [("Castro government", "PER")]
    text = "Chilean President Ana Ruiz met envoys. The Ruiz administration agreed."
    assert governments(text) == [("Ruiz administration", "CHL")]


def test_a_name_limited_to_some_head_nouns_is_read_only_with_them():
    # "the Kim regime" is North Korea's; "the Kim government" may be either Korea's.
    assert governments("The Kim government and the Johnson administration met.") == [
        ("Johnson administration", "USA")
    ]
    assert governments("The Johnson government resigned.") == [("Johnson government", "GBR")]


def test_a_government_named_for_no_known_ruler_is_no_mention():
    assert governments("The Taliban government and the Syrian government spoke.") == []


def test_a_ruler_named_without_his_country_is_known_by_general_knowledge():
    text = "Bashar al-Assad fled in December. Vladimir Putin said he would stay."
    sentences = split_sentences(text)
    actors, _ = find_actors(text, sentences, find_countries(text, sentences))
    countries = {a.name: a.country for a in actors}
    assert countries == {"Bashar al-Assad": "SYR", "Vladimir Putin": "RUS"}


def test_a_war_told_of_a_regime_named_for_its_ruler_has_both_sides():
    for text, sides in (
        (
            "Libya was a close ally of Uganda. The Gaddafi regime, in the 1979 war, sent "
            "troops to support Uganda.",
            {"LBY", "UGA"},
        ),
        (
            "Iraq was once an ally of Jordan. The Saddam regime, in the 1991 Gulf War, "
            "received Jordanian political support.",
            {"IRQ", "JOR"},
        ),
    ):
        events = extract_article("published: 2024-05-01\n\n" + text).events
        (war,) = [e for e in events if e.type == "armed_conflict"]
        assert sides <= set(war.countries), text


def test_the_seed_wars_fought_by_a_regime_named_for_its_ruler_have_both_sides():
    # Seed 002: "The Assad regime, in the 3rd and 4th Middle East wars in 1967 and 1973,
    # received North Korean fighter pilot support": Syria and North Korea.
    docs = [DocInput(path.stem, path.read_text(encoding="utf-8")) for path in SEEDS.glob("*.txt")]
    wars = [e for e in build_timeline(docs).events if e.type == "armed_conflict"]
    years = {e.date.edtf: set(e.countries) for e in wars if e.date}
    assert {"SYR", "PRK"} <= years["1967"]
    assert {"SYR", "PRK"} <= years["1973"]
