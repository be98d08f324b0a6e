"""A sentence naming again a happening told just before ("The move leaves Taiwan with 12
allies", "Kiribati's defection ..."): one more source sentence of that happening.

The nouns, the kinds of happening each can name and how far back to look are data
(data/anaphors.toml). The sentence gets a copy of the happening's candidate without a
date of its own, so clustering joins it to the happening it points back at; it never
makes a happening of its own.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

from .clauses.lemmas import alternation
from .types import COUNTRY, Candidate, Mention, Sentence

ANAPHORS_FILE = Path(__file__).with_name("data") / "anaphors.toml"


@dataclass(frozen=True)
class _Lexicon:
    regex: re.Pattern[str]
    noun_first: re.Pattern[str]  # a trigger told by one of the nouns ("restoration of ties")
    kinds: dict[str, frozenset[str]]  # noun (lowercased, singular) -> kinds it can name
    generic: frozenset[str]
    window: int
    generic_window: int


@functools.cache
def _lexicon() -> _Lexicon:
    data = tomllib.loads(ANAPHORS_FILE.read_text(encoding="utf-8"))
    generic = frozenset(data["generic"])
    kinds = {noun: frozenset(named) or generic for noun, named in data["nouns"].items()}
    determiner = "|".join(re.escape(d) for d in data["determiners"])
    # "Kiribati's", "the Yugoslav government's": an owner named before the noun.
    owner = r"(?P<owner>[A-Z][\w-]+(?:\s+[A-Za-z][\w-]+){0,2})['’]s"
    modifier = "|".join(re.escape(m) for m in data["modifiers"])
    nouns = alternation(list(kinds), "NOUN")
    regex = re.compile(
        rf"(?<![\w-])(?:(?i:{determiner})|{owner})\s+(?:(?i:{modifier})\s+){{0,2}}"
        rf"(?P<noun>(?i:{nouns}))"
        # "the decision to recognise the regions" names its own happening
        r"(?!\s+to\s+[a-z])",
    )
    noun_first = re.compile(rf"(?i)^(?:the\s+)?(?:{nouns})\b")
    return _Lexicon(
        regex, noun_first, kinds, generic, int(data["window"]), int(data["generic_window"])
    )


def _kinds_of(noun: str, kinds: dict[str, frozenset[str]]) -> frozenset[str]:
    word = noun.lower()
    for form in (word, word[:-1], word[:-2]):  # "recalls", "switches"
        if form in kinds:
            return kinds[form]
    return frozenset()


def _named_by_noun(cand: Candidate, lexicon: _Lexicon) -> bool:
    """An undated happening told only by one of the nouns ("the restoration of ties"):
    itself a pointer back, too weak to be pointed at."""
    undated = cand.timex is None and cand.report_timex is None and cand.recent_timex is None
    return undated and bool(lexicon.noun_first.match(cand.event.trigger))


def _one_happening(cands: list[Candidate]) -> bool:
    """Every candidate of one kind and one pair of countries: one happening told."""
    return len({(c.event.type, frozenset(c.event.countries[:2])) for c in cands}) == 1


def named_again(
    sentence: Sentence, mentions: list[Mention], earlier: list[Candidate]
) -> Candidate | None:
    """The happening ``sentence`` names again, as a candidate of this sentence; None when
    it names none, or none told shortly before of a kind its noun can name."""
    lexicon = _lexicon()
    match = lexicon.regex.search(sentence.text)
    if match is None:
        return None
    kinds = _kinds_of(match["noun"], lexicon.kinds)
    window = lexicon.generic_window if kinds == lexicon.generic else lexicon.window
    inside = [m for m in mentions if m.kind == COUNTRY and sentence.start <= m.start < sentence.end]
    named = {m.key for m in inside}
    # "Kiribati's defection": the owner is a party of the happening named again.
    owners = {
        m.key
        for m in inside
        if match["owner"]
        and sentence.start + match.start("owner") <= m.start
        and m.start < sentence.start + match.end("owner")
    }
    fitting = [
        cand
        for cand in earlier
        if cand.event.sentence < sentence.index
        and cand.event.type in kinds
        and not (named and not named & set(cand.event.countries))  # other countries
        and owners <= set(cand.event.countries)
        # a sentence itself pointing back names no happening of its own
        and not _named_by_noun(cand, lexicon)
    ]
    near = [c for c in fitting if c.event.sentence >= sentence.index - window]
    if not near and kinds != lexicon.generic and _one_happening(fitting):
        near = fitting  # "the expulsion", told of once in the article: however far back
    for cand in reversed(near):
        event = replace(
            cand.event,
            sentence=sentence.index,
            date=None,
            date_text="",
            date_rule="",
            trigger=match.group(),
            claims={},  # "leaves Taiwan with 12 allies" is no count of the happening's
            countries=list(cand.event.countries),
            actors=list(cand.event.actors),
        )
        return replace(
            cand,
            event=event,
            timex=None,
            report_timex=None,
            recent_timex=None,
            clause=(sentence.start, sentence.end),
            points_back=cand.points_back if cand.points_back is not None else cand.event.sentence,
        )
    return None
