"""A government named for its ruler stands for its country: "the Assad regime",
"the Maduro government", "Saddam's regime", "the Biden administration".

The ruler's country comes from the article when it names him with one ("Syrian
President Bashar al-Assad": the actor's country), else from data/rulers.toml, general
knowledge of rulers whose name labels their government. Seats of government ("the
Kremlin") are country forms like capitals: see countries.py and data/metonyms.toml.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .countries import lookup, read_data, sentence_index
from .names import HYPHEN_PART, LOW_PART, folded, name_tokens, romanised
from .types import COUNTRY, PERSON, ActorInfo, Mention, Sentence

_NAME_WORD = rf"(?:{HYPHEN_PART})?[A-Z][\w'’-]*"


@dataclass(frozen=True)
class _Rulers:
    country: dict[str, str]  # folded name -> ISO3, for every head noun
    limited: dict[tuple[str, str], str]  # (folded name, head) -> ISO3
    phrase: re.Pattern[str]


@lru_cache(maxsize=1)
def _rulers() -> _Rulers:
    data = read_data("rulers.toml")
    country = {folded(n): iso3 for iso3, names in data["countries"].items() for n in names}
    limited = {
        (folded(spec["name"]), head): spec["country"]
        for spec in data["limited"]
        for head in spec["heads"]
    }
    # "the Assad regime", "Bashar al-Assad's government", "the Kim Jong Un regime".
    phrase = re.compile(
        rf"(?P<name>{_NAME_WORD}(?:[ \t]+(?:{LOW_PART}[ \t]+)?{_NAME_WORD}){{0,3}})(?:['’]s)?"
        rf"[ \t]+(?P<head>(?i:{'|'.join(data['heads'])}))\b"
    )
    return _Rulers(country, limited, phrase)


def find_governments(
    text: str, sentences: list[Sentence], actors: list[ActorInfo], start: int = 0
) -> list[Mention]:
    """Country mentions for governments named by their ruler in ``text[start:]``."""
    rulers = _rulers()
    people = [a for a in actors if a.kind == PERSON and a.country]
    found = []
    for match in rulers.phrase.finditer(text, start):
        a = _name_start(text, match.start("name"), match.end("name"))
        name = re.sub(r"['’]s$", "", text[a : match.end("name")])  # "Saddam's regime"
        head = match.group("head").lower()
        iso3 = name and (_ruler_in_article(name, people) or _ruler_known(name, head))
        if iso3:
            b = match.end("head")
            found.append(Mention(a, b, text[a:b], sentence_index(sentences, a), COUNTRY, iso3))
    return found


_NOT_A_NAME = {"The", "A", "An", "This", "That", "Its", "His", "Her", "Their", "Our", "Then"}


def _name_start(text: str, a: int, b: int) -> int:
    """Past the words before the name: "The", a country's own form ("Syrian")."""
    for word in re.finditer(r"\S+", text[a:b]):
        if word.group() not in _NOT_A_NAME and not lookup(word.group()):
            return a + word.start()
    return b


def ruler_country(names: Iterable[str]) -> str:
    """The state a person named in full ruled, by general knowledge: "Bashar al-Assad" is
    Syria's, where the article names him without his country."""
    country = _rulers().country
    for name in names:
        if len(name_tokens(name)) >= 2 and folded(name) in country:
            return country[folded(name)]
    return ""


def _ruler_in_article(name: str, people: list[ActorInfo]) -> str:
    """The country of the one person of the article the name fits (a full name, or the
    family name alone: "Assad" fits "Bashar al-Assad")."""
    tokens = [romanised(t) for t in name_tokens(name)]
    if not tokens:
        return ""
    countries = set()
    for person in people:
        for alias in {person.name, *person.aliases}:
            theirs = [romanised(t) for t in name_tokens(alias)]
            if theirs[-len(tokens) :] == tokens or theirs[: len(tokens)] == tokens:
                countries.add(person.country)
    return countries.pop() if len(countries) == 1 else ""


def _ruler_known(name: str, head: str) -> str:
    """The ruler's country by general knowledge: the full name, else its last word (the
    family name), else its first (East Asian order: "Xi Jinping")."""
    rulers = _rulers()
    tokens = [romanised(t) for t in name_tokens(name)]
    for key in dict.fromkeys([" ".join(tokens), *tokens[-1:], *tokens[:1]]):
        found = rulers.country.get(key) or rulers.limited.get((key, head))
        if found:
            return found
    return ""
