"""Definite descriptions standing for a country: "the country", "the ex-Soviet state",
"the Gulf kingdom", "the tiny Pacific island nation".

Such a description stands for the most recent country named (by name) before it, in its
own sentence or the one before, that the describing words fit: a region word must name
the country's continent or UN region (data/regions.json, from country_converter), a kind
word must list it (data/descriptors.toml). A word in neither table constrains nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .countries import CAPITAL, DATA, how_matched, read_data
from .types import COUNTRY

if TYPE_CHECKING:
    from .mapper import Article

_HEADS = r"nation|country|kingdom|republic|state|emirate|sultanate"
# A head noun not followed by what makes it something else: "the country's president"
# (an owner, not a party here), "the state of emergency", "state media", "state-run".
_DESCRIPTION = re.compile(
    rf"\b(?:the|this|that)\s+((?:[\w-]+\s+){{0,4}}?)({_HEADS})\b"
    r"(?!['’]s\b|-|\s+(?:of|media|news|television|tv|radio|agency|department|secretary|"
    r"council|visit|broadcaster|newspaper|company|firm|oil|capital)\b)",
    re.I,
)


@dataclass(frozen=True)
class Description:
    start: int
    end: int
    words: str  # the describing words, lower case: "west african"
    head: str


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, list[str]]]:
    data = read_data("descriptors.toml")
    regions = {k: set(v) for k, v in data["regions"].items()}
    kinds = {k: set(v) for k, v in data["kinds"].items()}
    located = json.loads((DATA / "regions.json").read_text(encoding="utf-8"))
    return regions, kinds, located


def _constraints(words: str) -> list[tuple[str, set[str]]]:
    """The (table, values) each describing phrase imposes, longest phrases first."""
    regions, kinds, _ = _tables()
    found: list[tuple[str, set[str]]] = []
    rest = f" {words} "
    for phrase in sorted([*regions, *kinds], key=len, reverse=True):
        if f" {phrase} " in rest:
            rest = rest.replace(f" {phrase} ", " ")
            table = "region" if phrase in regions else "kind"
            found.append((table, regions.get(phrase) or kinds[phrase]))
    return found


def _known(word: str) -> bool:
    regions, kinds, _ = _tables()
    return any(word.lower() in phrase.split() for phrase in [*regions, *kinds])


def find(text: str, lo: int, hi: int) -> list[Description]:
    """The descriptions in text[lo:hi]. A capitalised describing word must be one of the
    tables' ("the West African country"): "the United Kingdom", "the Islamic State" and
    "the Czech Republic" are names, not descriptions."""
    found = []
    for m in _DESCRIPTION.finditer(text, lo, hi):
        words = m.group(1).split()
        if m.group(2)[0].isupper() or any(w[0].isupper() and not _known(w) for w in words):
            continue
        found.append(Description(m.start(), m.end(), " ".join(words).lower(), m.group(2).lower()))
    return found


def fits(description: Description, iso3: str) -> bool:
    """Whether the describing words and head fit the country."""
    _, kinds, located = _tables()
    where = set(located.get(iso3, []))
    constraints = _constraints(description.words)
    if description.head in kinds:
        constraints.append(("kind", kinds[description.head]))
    return all(
        iso3 in values if table == "kind" else where & values for table, values in constraints
    )


def resolve(article: Article, description: Description, exclude: set[str]) -> str:
    """The country the description stands for: the most recent one named before it, in
    its sentence or the one before, that it fits and that is not in ``exclude`` (the
    clause's own parties); "" when none."""
    named = sorted(
        (m for m in article.mentions if m.kind == COUNTRY and m.end <= description.start),
        key=lambda m: m.start,
    )
    if not named:
        return ""
    here = next(
        (s.index for s in article.sentences if s.start <= description.start < s.end),
        named[-1].sentence,
    )
    for m in reversed(named):
        if m.sentence < here - 1:
            break
        if m.key not in exclude and how_matched(m.text) != CAPITAL and fits(description, m.key):
            return m.key
    return ""
