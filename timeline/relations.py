"""Who had diplomatic relations with a country on a given day, folded from its events.

Pure Python (no Django): the map page hands in one :class:`Step` per stored
event, and :func:`relations_on` walks them in date order, keeping one state
per partner country.

What each event type does to the relations of a pair (``EFFECTS``):

* ``establish_relations`` (establish, restore, normalise, reopen an embassy,
  upgrade representation, send an envoy back): relations stand from then on;
  after a break, that is a restoration.
* ``reduce_relations`` ("reduce or break"): the wording of its source
  sentences decides. Severing, breaking off, cutting, suspending, ending or
  freezing relations ends them; a downgrade, or closing an embassy or a
  consulate, strains them but they stand (``BREAK_WORDS`` is looked for
  first, then ``STRAIN_WORDS``; with neither, the type's name, a break, holds).
* ``expel_withdraw`` (expelling, recalling or withdrawing diplomats): relations
  are strained but stand; and diplomats to expel mean relations stood, so such
  an event with a partner never seen before shows relations with it.
* anything else (visits, talks, recognition, sanctions, wars): no change.
  Recognition of a state or government is not diplomatic relations.

A planned or announced step changes nothing: it has not happened.

Dates: a step whose whole span (a day, a month, a year) ends on or before the
day is settled. A step whose span holds the day (relations "established in
2024", asked about on 1 June 2024) may or may not have happened yet: if it
would change the pair's standing, the standing is ``UNSETTLED`` that day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Effect(StrEnum):
    OPEN = "open"  # relations stand from then on
    CLOSE = "close"  # relations end
    STRAIN = "strain"  # relations strained, still standing
    NONE = "none"


class Standing(StrEnum):
    RELATIONS = "relations"
    BROKEN = "broken"
    UNSETTLED = "unsettled"  # a step dated only to a span holding the day may change it


EFFECTS: dict[str, Effect] = {
    "establish_relations": Effect.OPEN,
    "reduce_relations": Effect.CLOSE,
    "expel_withdraw": Effect.STRAIN,
}

_RELATIONS = r"(?:diplomatic\s+|bilateral\s+|all\s+)?(?:relations|ties)\b"
# "severed diplomatic relations", "broke off ties", "relations were suspended".
BREAK_WORDS = re.compile(
    r"\b(?:sever|break|broke|cut|suspend|end|ruptur|froze|freez)\w*(?:\s+off)?"
    rf"(?:\s+[\w'’]+){{0,3}}?\s+{_RELATIONS}"
    rf"|\b{_RELATIONS}(?:\s+[\w'’]+){{0,4}}?\s+"
    r"(?:severed|broken|broke\s+off|cut|suspended|ended|ruptured|frozen)\b",
    re.IGNORECASE,
)
# "downgraded relations to the level of chargé d'affaires", "closed its embassy".
STRAIN_WORDS = re.compile(
    r"\b(?:downgrad\w*|lower\w*|embass(?:y|ies)|consulates?|charg[ée]s?\s+d['’]affaires)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Step:
    """One stored event as the fold sees it: when, what, with whom, in which words."""

    key: int
    title: str
    url: str
    type: str
    start: dt.date
    end: dt.date
    when: str  # the date in words, as the sources give it
    partners: tuple[str, ...]  # ISO3 codes of the other countries taking part
    wording: str = ""  # the source sentences
    planned: bool = False


def effect(step: Step) -> Effect:
    """What the step does to relations (see the module docstring)."""
    if step.planned:
        return Effect.NONE
    kind = EFFECTS.get(step.type, Effect.NONE)
    if kind is Effect.CLOSE and not BREAK_WORDS.search(step.wording):
        return Effect.STRAIN if STRAIN_WORDS.search(step.wording) else Effect.CLOSE
    return kind


@dataclass
class PartnerState:
    """A partner's standing on the day, and every step with it up to then, oldest first."""

    partner: str
    standing: Standing
    since: Step | None  # the step that settled the standing (None when unsettled)
    restored: bool  # relations stand again after a break
    steps: list[Step]


@dataclass
class _Fold:
    standing: Standing | None = None
    since: Step | None = None
    restored: bool = False
    steps: list[Step] = field(default_factory=list)
    pending: list[Effect] = field(default_factory=list)

    def settle(self, step: Step, kind: Effect) -> None:
        if kind is Effect.OPEN:
            if self.standing is not Standing.RELATIONS:
                self.restored = self.standing is Standing.BROKEN
                self.standing, self.since = Standing.RELATIONS, step
        elif kind is Effect.CLOSE:
            self.standing, self.since, self.restored = Standing.BROKEN, step, False
        elif self.standing is None:  # a strain shows relations stood
            self.standing, self.since = Standing.RELATIONS, step

    def state(self, partner: str) -> PartnerState:
        would = {Effect.OPEN: Standing.RELATIONS, Effect.CLOSE: Standing.BROKEN}
        if any(would[kind] is not self.standing for kind in self.pending):
            return PartnerState(partner, Standing.UNSETTLED, None, False, self.steps)
        assert self.standing is not None  # a fold has a step, settled or pending
        return PartnerState(partner, self.standing, self.since, self.restored, self.steps)


def chronological(steps: Iterable[Step]) -> list[Step]:
    return sorted(steps, key=lambda s: (s.start, s.end, s.key))


def relations_on(steps: Iterable[Step], day: dt.date) -> dict[str, PartnerState]:
    """Every partner some step up to ``day`` concerns, with its standing on that day."""
    folds: dict[str, _Fold] = {}
    for step in chronological(steps):
        kind = effect(step)
        if kind is Effect.NONE or step.start > day:
            continue
        for partner in step.partners:
            fold = folds.setdefault(partner, _Fold())
            fold.steps.append(step)
            # A strain changes nothing, whenever in its span it fell.
            if step.end <= day or kind is Effect.STRAIN:
                fold.settle(step, kind)
            else:
                fold.pending.append(kind)
    return {partner: fold.state(partner) for partner, fold in sorted(folds.items())}


def turning_days(steps: Iterable[Step]) -> list[dt.date]:
    """The days on which some standing may change: each step's first and last day."""
    days = {day for s in steps if effect(s) is not Effect.NONE for day in (s.start, s.end)}
    return sorted(days)
