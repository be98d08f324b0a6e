"""Event frames, read from data/frames.toml: the only place that knows event types.

Each frame's triggers are written as lemmas and constructions; this module expands them
into one regular expression per trigger (every inflection of every lemma) and answers
what the rest of the extraction asks of a type: its priority, its family, whether it
happens once per pair of countries, how it is titled.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from .clauses.lemmas import alternation, inflections

FRAMES_FILE = Path(__file__).with_name("data") / "frames.toml"
_MACRO = re.compile(r"<<(?:(?P<pos>verb|noun|past|word):(?P<lemmas>[^>]+)|(?P<name>\w+))>>")
_POS = {"verb": "VERB", "noun": "NOUN", "past": "PAST", "word": None}
_BE = r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been|been)"


@dataclass(frozen=True)
class Trigger:
    regex: re.Pattern[str]
    variant: str = ""
    base_needs_ranking: bool = False  # a bare infinitive counts only after "the first ... to"
    exclude: tuple[str, ...] = ()
    each_subject: bool = False  # coordinated subjects each act (see the file's header)
    needs_organisation: bool = False  # tells of an organisation, and must name one
    anaphoric: bool = False  # names a happening told before: takes no date of its own
    needs_relations_before: bool = False  # "restored them": relations named before it
    # Words one of which every match holds (hyphens dropped): a clause holding none is not
    # searched. None when the trigger is a free pattern.
    anchors: frozenset[str] | None = None


@dataclass(frozen=True)
class TitleTemplate:
    text: str
    when: tuple[str, ...] = ()  # conditions, all true: see titles.py


@dataclass(frozen=True)
class ObjectSpec:
    """How the object of a happening is read (see the file's header)."""

    from_trigger: tuple[tuple[re.Pattern[str], str], ...] = ()
    after: tuple[re.Pattern[str], ...] = ()
    value: str = ""  # the object when an ``after`` pattern is found, else the words found
    in_clause: tuple[tuple[re.Pattern[str], str], ...] = ()
    unless: str = ""  # a found object holding this is none ("Cold" war)
    ordered: tuple[tuple[str, str], ...] = ()  # the object when ordered of another side
    default: str = ""


@dataclass(frozen=True)
class Becomes:
    type: str
    when: str


@dataclass(frozen=True)
class Frame:
    code: str
    label: str
    cameo: str
    priority: int
    families: frozenset[str] = frozenset()
    attach: str = ""
    pair: bool = False
    once_per_pair: bool = False
    durative: bool = False
    inherits_date: bool = False
    narrative_year: bool = False
    measure: bool = False
    needs_organisation: bool = False
    relational: bool = False  # about relations between two states (relational nouns name it)
    bilateral: bool = False  # a deal between two sides: venues and sources are no parties
    hosts_take_part: bool = False  # the host or mediator takes part (talks, not deals)
    held_at_venue: bool = False  # a venue or mediator alone names no side of it
    breaks_relations: bool = False  # a break: the new partner of a switch is no party
    hypothetical_ok: bool = False  # tells an intention: hedges do not void it
    borrows_subject: bool = True  # may take its subject from the clause before
    roles: str = ""  # the rule filling AGENT and TARGET (roles.py)
    target_country_party: bool = False  # the target's country takes part (whose ruler fell)
    # A measure taken on a side named after the trigger ("the EU imposed sanctions on X"):
    # a country named only there is its target, never who acts.
    acts_on: bool = False
    counts_partners: bool = False  # "Fiji becomes Chile's 150th partner" tells its outcome
    each_subject: bool = False  # "X and Y established relations with Z": two happenings
    # "broke off ties and gave its envoys 24 hours to leave": after "and", its verb opens
    # a statement of its own.
    own_after_and: bool = False
    # "Niue announced that Fiji has been suspended": a country named as the reported
    # clause's subject acts, and the reporting country is no side of the act.
    reported_subject_acts: bool = False
    background_after: re.Pattern[str] | None = None  # "since the end of a civil war"
    announced: str = ""
    triggers: tuple[Trigger, ...] = ()
    titles: tuple[TitleTemplate, ...] = ()
    object: ObjectSpec = ObjectSpec()
    becomes: tuple[Becomes, ...] = ()


def _expand(pattern: str, words: dict[str, str]) -> str:
    def one(m: re.Match[str]) -> str:
        if m["name"]:
            return words[m["name"]]
        return alternation([w.strip() for w in m["lemmas"].split(",")], _POS[m["pos"]])

    return _MACRO.sub(one, pattern)


def _objects(items: list[str], words: dict[str, str]) -> str:
    parts = [
        _expand(item, words) if item.startswith("<<") else alternation([item], "NOUN")
        for item in items
    ]
    return "(?:" + "|".join(parts) + ")"


def _trigger_regex(spec: dict, words: dict[str, str]) -> str:
    """One regular expression for one trigger table of the file (see its header)."""
    gap = spec.get("gap", 4)
    # Words between, never across a comma or a semicolon: "stopping short of a full break,
    # froze relations" has no "break ... relations".
    between = rf"(?:[^\w,;]+\w+){{0,{gap}}}?[^\w,;]+"
    # A noun and what was done to it may stand apart: "ties, which were severed".
    after_noun = rf"(?:\W+\w+){{0,{gap}}}?\W+"
    objects = _objects(spec["objects"], words) if "objects" in spec else ""
    parts = []
    if "verbs" in spec or "nominals" in spec:
        heads = [
            alternation(spec[k], pos)
            for k, pos in (("verbs", "VERB"), ("nominals", "NOUN"))
            if k in spec
        ]
        verbs = "(?:" + "|".join(heads) + ")"
        if objects:
            not_after = ""
            if "not_after" in spec:
                stop = "|".join(spec["not_after"])
                not_after = rf"(?!(?:\W+\w+){{0,3}}?\W+(?:{stop})\b)"
            parts.append(f"{verbs}{not_after}{between}{objects}")
        else:
            parts.append(verbs)
    if "passive" in spec:
        participle = alternation(spec["passive"], "VERB")
        parts.append(rf"{objects}{after_noun}{_BE}\s+(?:\w+ly\s+)?{participle}")
    if "intransitive" in spec:
        parts.append(f"{objects}{after_noun}{alternation(spec['intransitive'], 'VERB')}")
    if "nouns" in spec:
        parts.append(rf"{alternation(spec['nouns'], 'NOUN')}\s+of\s+{_expand(spec['of'], words)}")
    if "phrases" in spec:
        parts.append(alternation(spec["phrases"]))
    if "pattern" in spec:
        parts.append(_expand(spec["pattern"], words))
    return "|".join(f"(?:{p})" for p in parts)


def _words(table: dict) -> dict[str, str]:
    return {
        name: "(?:" + (alternation(value) if isinstance(value, list) else value) + ")"
        for name, value in table.items()
    }


def _object(spec: dict) -> ObjectSpec:
    return ObjectSpec(
        from_trigger=tuple((re.compile(p, re.I), v) for p, v in spec.get("from_trigger", ())),
        after=tuple(re.compile(p, re.I) for p in spec.get("after", ())),
        value=spec.get("value", ""),
        in_clause=tuple((re.compile(p), v) for p, v in spec.get("in_clause", ())),
        unless=spec.get("not_in_clause", ""),
        ordered=tuple(spec.get("ordered", {}).items()),
        default=spec.get("default", ""),
    )


def _forms(lemmas, pos: str | None) -> set[str]:
    return {
        f.split()[-1].replace("-", "").lower() for lemma in lemmas for f in inflections(lemma, pos)
    }


def _anchors(spec: dict) -> frozenset[str] | None:
    """Words one of which every match of a trigger table holds, or None when that cannot be
    told (a free pattern, an object written as a regular expression)."""
    if "pattern" in spec:
        return None
    plain = [o for o in spec.get("objects", ()) if not o.startswith("<<")]
    if len(plain) != len(spec.get("objects", ())):
        plain = None
    found: set[str] = set()
    if "verbs" in spec or "nominals" in spec:
        found |= _forms(spec.get("verbs", ()), "VERB") | _forms(spec.get("nominals", ()), "NOUN")
    for key in ("passive", "intransitive"):
        if key in spec:
            if plain is None:
                return None
            found |= _forms(plain, "NOUN")
    if "nouns" in spec:
        found |= _forms(spec["nouns"], "NOUN")
    if "phrases" in spec:
        found |= _forms(spec["phrases"], None)
    return frozenset(found) or None


def _scalars(cls, spec: dict) -> dict:
    """The plain settings of a dataclass read from a table: flags and strings, each with
    the dataclass's default when the file leaves it out."""
    return {
        f.name: spec.get(f.name, f.default)
        for f in fields(cls)
        if f.type in ("bool", "str") and f.name in spec
    }


def _frame(code: str, priority: int, spec: dict, words: dict[str, str]) -> Frame:
    triggers = tuple(
        Trigger(
            re.compile(_trigger_regex(t, words), re.I),
            exclude=tuple(t.get("exclude", ())),
            anchors=_anchors(t),
            **_scalars(Trigger, t),
        )
        for t in spec.get("trigger", ())
    )
    titles = tuple(
        TitleTemplate(t["text"], tuple(t.get("when", ()))) for t in spec.get("title", ())
    )
    background = spec.get("background_after")
    return Frame(
        code=code,
        priority=priority,
        families=frozenset(spec.get("families", ())),
        background_after=re.compile(background, re.I) if background else None,
        triggers=triggers,
        titles=titles,
        object=_object(spec.get("object", {})),
        becomes=tuple(Becomes(b["type"], b["when"]) for b in spec.get("becomes", ())),
        **_scalars(Frame, spec),
    )


@functools.cache
def _data() -> dict:
    return tomllib.loads(FRAMES_FILE.read_text(encoding="utf-8"))


@functools.cache
def words() -> dict[str, str]:
    """The file's shared words, as regular expressions: "ORGANISATION", "REL", ..."""
    return _words(_data().get("words", {}))


@functools.cache
def frames() -> dict[str, Frame]:
    """Every frame by its code, in priority order."""
    data = _data()
    return {
        code: _frame(code, priority, spec, words())
        for priority, (code, spec) in enumerate(data["frames"].items())
    }


def frame(code: str) -> Frame | None:
    return frames().get(code)


def priority(code: str) -> int:
    found = frames().get(code)
    return found.priority if found else 99


def compatible(a: str, b: str) -> bool:
    """Two types that can tell one happening (same family)."""
    if a == b:
        return True
    fa, fb = frames().get(a), frames().get(b)
    return bool(fa and fb and fa.families & fb.families)


def attachable(a: str, b: str) -> bool:
    """An undated sentence of type ``a`` may join a happening of type ``b``."""
    if a == b:
        return True
    fa, fb = frames().get(a), frames().get(b)
    return bool(fa and fb and fa.attach and fa.attach == fb.attach)


def has(code: str, flag: str) -> bool:
    """A boolean property of a frame: "pair", "once_per_pair", "durative", ..."""
    found = frames().get(code)
    return bool(found and getattr(found, flag))


def in_family(code: str, family: str) -> bool:
    found = frames().get(code)
    return bool(found and family in found.families)


@functools.cache
def relative_lemmas() -> frozenset[str]:
    """Every verb lemma of every trigger: a relative clause built on one of them ("ties
    that were cut in 2016") tells a happening of its own."""
    data = _data()
    found: set[str] = set()
    for spec in data["frames"].values():
        for trigger in spec.get("trigger", ()):
            for key in ("verbs", "passive", "intransitive"):
                found.update(lemma.split()[0] for lemma in trigger.get(key, ()))
            for m in _MACRO.finditer(trigger.get("pattern", "")):
                if m["pos"] in ("verb", "past"):
                    found.update(w.strip() for w in m["lemmas"].split(","))
    return frozenset(found)


@functools.cache
def breaking_lemmas() -> frozenset[str]:
    """The verb lemmas of the frames that break relations ("sever", "cut", ...): a participle
    of one after restored relations ("restoring ties severed in 1939") tells the break."""
    found: set[str] = set()
    for spec in _data()["frames"].values():
        if not spec.get("breaks_relations"):
            continue
        for trigger in spec.get("trigger", ()):
            for key in ("verbs", "passive", "intransitive"):
                found.update(lemma.split()[0] for lemma in trigger.get(key, ()))
    return frozenset(found)
