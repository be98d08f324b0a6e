"""What clause analysis gives the frames: clauses, and the predicates found in them.

The interface is ``ClauseAnalyser``: the rules of ``rules.py`` implement it today; a
dependency parser can replace them without touching the frames or the mapper, as long
as it fills the same dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from ..types import Mention, Modality, Sentence, Timex, Voice
from .lemmas import lemmas_of


class ClauseKind(StrEnum):
    MAIN = "main"
    LEADING = "leading"  # a leading subordinate: "Since joining the UN in 1999, ..."
    RELATIVE = "relative"  # ", who arrived on Monday," with its antecedent as subject
    NOUN_RELATIVE = "noun-relative"  # "ties that were cut in 2016": noun and relative


@dataclass
class Clause:
    """One clause of a sentence, with the offsets of the article's text.

    ``text`` is the article's text with the sentence's other clauses blanked out (same
    length, same offsets), so a pattern run over ``text[start:end]`` never sees words of
    a relative clause that tells another happening."""

    sentence: Sentence
    start: int
    end: int
    text: str
    kind: ClauseKind = ClauseKind.MAIN
    timexes: list[Timex] = field(default_factory=list)  # the sentence's, outside other clauses
    mentions: list[Mention] = field(default_factory=list)  # likewise
    report_timex: Timex | None = None  # the date of the reporting frame ("said on Friday")
    frame_countries: list[str] = field(default_factory=list)  # who reports, before the clause
    previous: tuple[int, int] | None = None  # the clause before it in the sentence
    earlier: bool = False  # a leading "After X did Y, ...": before the main clause's report
    leading_sentence: bool = False  # the sentence opens with a subordinate clause
    # A time adjunct fronted before a subordinate clause: "On 7 January 1965, after X did Y,
    # Z withdrew": it dates the main clause, which follows the subordinate one.
    fronted: tuple[int, int] | None = None

    @property
    def body(self) -> str:
        return self.text[self.start : self.end]


@dataclass
class Argument:
    """A mention the predicate takes: its relation ("agent", "patient", or the
    preposition that introduces it: "with", "between", "to", ...)."""

    relation: str
    mention: Mention


@dataclass
class Predicate:
    """One predicate of a clause (a verb or the noun that names an action)."""

    start: int
    end: int
    text: str
    voice: Voice = Voice.ACTIVE
    negated: bool = False
    modality: Modality = Modality.DONE
    invited: bool = False  # "urged X to", "invited X to": a request, not the act
    infinitive: bool = False  # "plans to sign", "decided to restore": the act not done yet
    perfect: bool = False  # "has cut": the present perfect, news of the last days
    causer: list[Mention] = field(default_factory=list)  # "ordered Fiji to close": who orders
    arguments: list[Argument] = field(default_factory=list)
    # A list distributing the predicate over its items, each with its own date: "with China
    # in 1975, with Japan in 1981 and with India in 1991".
    items: list[tuple[Mention, Timex]] = field(default_factory=list)
    # Coordinated subjects before the predicate: "Fiji and Tonga", "the envoys of X and Y".
    subjects: list[Mention] = field(default_factory=list)

    @property
    def lemma(self) -> str:
        """The lemma of the predicate's head word ("severed" -> sever), read on demand: the
        lemma table is large and the frames match every form already."""
        words = self.text.split()
        return min(lemmas_of(words[0])) if words else ""

    def filled(self, relation: str) -> list[Mention]:
        return [a.mention for a in self.arguments if a.relation == relation]


class ClauseAnalyser(Protocol):
    """Cuts sentences into clauses and reads the predicate at a place of a clause."""

    def clauses(self, sentence: Sentence) -> list[Clause]: ...

    def predicate(self, clause: Clause, start: int, end: int) -> Predicate: ...
