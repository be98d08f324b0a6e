"""People's names folded for comparison: ASCII, lower case, without particles, with
romanisation variants folded together (data/names.toml), so "Mohammed al-Hadi" and
"Muhammad Al-Hadi", or "Jung Min-ho" and "Chung Min-ho", can be told to be one name.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from nameparser.config import CONSTANTS as NAMEPARSER
from rapidfuzz.distance import Indel
from unidecode import unidecode

_DATA = tomllib.loads(
    (Path(__file__).resolve().parent / "data" / "names.toml").read_text(encoding="utf-8")
)
HYPHEN_PREFIXES: list[str] = _DATA["hyphen_prefixes"]
PARTICLES: set[str] = {*HYPHEN_PREFIXES, *_DATA["particles"], *_DATA["articles"]}
# Regular expressions for name runs: "al-"/"Al-" before a name word, and the particles
# that may join two name words in lower case.
HYPHEN_PART = "(?:" + "|".join(f"[{p[0].upper()}{p[0]}]{p[1:]}" for p in HYPHEN_PREFIXES) + ")-[ ]?"
LOW_PART = "(?:" + "|".join(_DATA["particles"]) + ")"
_FOLDS: list[tuple[str, str]] = [tuple(pair) for pair in _DATA["folds"]]
HONORIFICS: list[str] = _DATA["honorifics"]
TITLE_SURNAMES: frozenset[str] = frozenset(_DATA["title_surnames"])
PERSON_POSSESSIONS: list[str] = _DATA["person_possessions"]
APPOSED_PERSON_WORDS: list[str] = _DATA["apposed_person_words"]
NAME_APOSTROPHES: str = _DATA["name_apostrophes"]
# nameparser's word lists: generational suffixes ("Jr", "Sr", "III") that end a name
# without being what the person is called, and titles that may open one ("Cardinal",
# "Ayatollah", "Rabbi", "Col").
SUFFIXES = frozenset(s for s in NAMEPARSER.suffix_not_acronyms if s.isascii() and s.isalpha())
TITLE_WORDS = frozenset(t for t in NAMEPARSER.titles if t.isascii() and t.isalpha())
_PREFIX = re.compile(rf"\b(?:{'|'.join(HYPHEN_PREFIXES)})-\s?")


@lru_cache(maxsize=65536)
def ascii_lower(text: str) -> str:
    return unidecode(text).lower().replace("'", "").replace("`", "")


def name_tokens(name: str) -> list[str]:
    """Lowercase ASCII tokens of a name without particles ("al-Hadi" -> ["hadi"])."""
    return list(_name_tokens(name))  # a fresh list: callers may change it


# Merging compares the same few names over and over: remember the answers.
@lru_cache(maxsize=65536)
def _name_tokens(name: str) -> tuple[str, ...]:
    text = _PREFIX.sub("", ascii_lower(name))
    tokens = []
    for token in re.split(r"[\s]+", text):
        token = re.sub(r"[^a-z]", "", token.replace("-", ""))
        if token and token not in PARTICLES:
            tokens.append(token)
    while len(tokens) > 2 and tokens[-1] in SUFFIXES:
        tokens.pop()  # "Ferdinand Marcos Jr" is called Marcos
    return tuple(tokens)


@lru_cache(maxsize=65536)
def romanised(token: str) -> str:
    """Fold romanisation variants together ("yeon" ~ "yun", "jo" ~ "cho")."""
    for old, new in _FOLDS:
        token = token.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", token)  # collapse doubled letters: "aa", "ss"


def skeleton(token: str) -> str:
    """Consonants only, after folding: vowel spellings vary most across sources."""
    folded = romanised(token)
    return folded[0] + re.sub(r"[aeiou]", "", folded[1:]) if folded else ""


@lru_cache(maxsize=65536)
def tokens_match(a: str, b: str) -> bool:
    """True when two name tokens can be spellings of one name."""
    ra, rb = romanised(a), romanised(b)
    if ra == rb:
        return True
    similarity = Indel.normalized_similarity(ra, rb)
    if re.sub(r"[aeiou]", "", ra) == re.sub(r"[aeiou]", "", rb) and similarity >= 0.6:
        return True
    return min(len(ra), len(rb)) >= 6 and similarity >= 0.86


def folded(name: str) -> str:
    """The whole name folded: "Bashar al-Assad" -> "bashar asad"."""
    return " ".join(romanised(t) for t in name_tokens(name))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_lower(text)).strip("-")
