"""Frames filled from clauses: one typed, dated candidate per happening a clause tells.

For each clause the mapper finds the frames whose triggers it holds, keeps the main one
(a relative "who ousted X" or a circumstance "amid attacks" is background), reads the
predicate there (negated, hypothetical, planned), lets the frame become another when the
clause says more (``becomes`` in data/frames.toml), fills its roles from the clause's
arguments and dates it by the clause's own date expression, never the report's.

Everything said about event types is in the frames file; this module only knows what
its flags mean.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field, replace

from . import descriptions, literals, temporal
from .clauses.model import Clause, ClauseAnalyser, ClauseKind, Predicate
from .clauses.rules import ORDERED_TO, RANKED_TO, hedged, nominal
from .countries import country_name, how_matched, is_dissolved_seat, seat_holder
from .frames import Frame, Trigger, compatible, frame, frames, words
from .parties import (
    BOTH,
    DESCRIBED_SUBJECT,
    article_pair,
    clause_countries,
    holds_envoys,
    hosts,
    named_relationships,
    names_the_tellers_envoys,
    not_parties,
    ordered_unique,
    subject_object,
)
from .pubdate import dateline_end
from .roles import agent_target
from .sentences import is_abbreviation
from .titles import title
from .types import (
    COUNTRY,
    PERSON,
    ActorInfo,
    Candidate,
    DateValue,
    EventCandidate,
    Filler,
    Mention,
    Modality,
    Role,
    Sentence,
    Timex,
    Voice,
)


@dataclass
class Article:
    """What the mapper reads of one article."""

    text: str
    sentences: list[Sentence]
    mentions: list[Mention]
    actors: dict[str, ActorInfo]
    published: dt.date | None
    pair: list[str] = field(default_factory=list)  # the two countries it names most

    @classmethod
    def of(cls, text, sentences, mentions, actors, published) -> Article:
        return cls(
            text,
            sentences,
            mentions,
            {a.key: a for a in actors},
            published,
            article_pair(mentions, text),
        )


@dataclass
class Reading:
    """One clause read as one frame: filled stage by stage."""

    article: Article
    clause: Clause
    frame: Frame
    trigger: re.Match[str]  # over ``body``
    spec: Trigger  # the frame's trigger that matched
    predicate: Predicate
    timexes: list[Timex]
    mentions: list[Mention]
    countries: list[str]
    status: str = "done"
    announced_would: bool = False
    agreed: bool = False
    effective: Timex | None = None
    object_text: str = ""
    hosts: set[str] = field(default_factory=set)
    outsiders: set[str] = field(default_factory=set)
    organisation: Filler | None = None
    group: list[str] = field(default_factory=list)  # subjects acting together with a third
    # The pair the clause before in the sentence named, for relations this one names by
    # no country ("..., but relations were restored the following July").
    sides_before: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return self.clause.body

    @property
    def variant(self) -> str:
        return self.spec.variant

    @property
    def a(self) -> int:
        return self.clause.start

    @property
    def before(self) -> str:
        return self.body[: self.trigger.start()]

    @property
    def t_start(self) -> int:
        return self.a + self.trigger.start()

    @property
    def t_end(self) -> int:
        return self.a + self.trigger.end()

    def become(self, code: str) -> None:
        self.frame = frame(code)


# --- triggers ------------------------------------------------------------------------


_RELATIONS_NOUN = re.compile(r"(?i)\b(?:relations|ties)\b")


def _relations_before(clause: Clause) -> bool:
    """The clause before in the sentence, a leading one, names relations or ties."""
    if clause.previous is None or clause.kind != ClauseKind.MAIN:
        return False
    a, b = clause.previous
    return a == clause.sentence.start and bool(_RELATIONS_NOUN.search(clause.text[a:b]))


def _usable(trigger: Trigger, body: str, m: re.Match[str], named_before: bool = False) -> bool:
    if any(
        re.search(re.escape(x), body[max(0, m.start() - 10) : m.end() + 10], re.I)
        and x.lower().endswith(m.group().lower().split()[-1])
        for x in trigger.exclude
    ):
        return False  # "Cold War"
    before = body[: m.start()]
    if (
        trigger.needs_relations_before
        and not named_before  # in the clause before: "Having cut ties in 1964, X restored them"
        and not _RELATIONS_NOUN.search(before)
        # A clause cut after "and" opens with its lowercase verb: the ties were named in
        # the clause before ("broke off ties in 1973 | and restored them in 2011").
        and (before.strip() or m.group()[:1].isupper())
    ):
        return False
    if trigger.base_needs_ranking and not m.group().lower().endswith(("s", "d", "g")):
        return bool(RANKED_TO.search(body[max(0, m.start() - 80) : m.start()]))
    return True


@functools.lru_cache(maxsize=256)
def _matches(
    body: str, relations_before: bool = False
) -> tuple[tuple[Frame, re.Match[str], Trigger], ...]:
    """Every trigger of every frame in a clause (cached: a clause is read for coordination
    first, then as a frame); ``relations_before``: the clause before names relations."""
    return tuple(_find_triggers(body, relations_before))


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # letters of any script, hyphens kept


def _find_triggers(
    body: str, relations_before: bool = False
) -> list[tuple[Frame, re.Match[str], Trigger]]:
    words = {w.replace("-", "") for w in _WORD.findall(body.lower())}
    needs, universe = _trigger_literals()
    held = literals.held(literals.folded(body), universe)
    found = []
    for code, fr in frames().items():
        found += _frame_triggers(fr, body, words, needs[code], held, relations_before)
    return found


# The frames table the requirements below were read from, and them (a pattern's hash is
# slow to compute, so they are kept by frame code and trigger position, not by pattern).
_LITERALS_OF: list = [None, {}, frozenset()]


def _trigger_literals() -> tuple[dict[str, tuple[literals.Required, ...]], frozenset[str]]:
    """Each frame's triggers' required strings (literals.py), and all of them together."""
    table = frames()
    if _LITERALS_OF[0] is not table:
        needs = {
            code: tuple(literals.required(t.regex) for t in fr.triggers)
            for code, fr in table.items()
        }
        universe = frozenset().union(*(n for ns in needs.values() for n in ns if n))
        _LITERALS_OF[:] = [table, needs, universe]
    return _LITERALS_OF[1], _LITERALS_OF[2]


def _frame_triggers(
    fr: Frame,
    body: str,
    words: set[str],
    needs: tuple[literals.Required, ...] = (),
    held: frozenset[str] | None = None,
    relations_before: bool = False,
) -> list[tuple[Frame, re.Match[str], Trigger]]:
    """A frame's triggers as one alternation would find them: leftmost first, the first
    trigger at a place, none overlapping (one pattern per trigger is faster to run).
    Triggers whose words, or whose pattern's required strings, the clause lacks are not run."""
    live = [
        index
        for index, trigger in enumerate(fr.triggers)
        if trigger.anchors is None or not trigger.anchors.isdisjoint(words)
        if not (needs and literals.rules_out(needs[index], held))
    ]
    if not live:
        return []  # most frames: none of their words in the clause
    hits = sorted(
        (m.start(), index, m) for index in live for m in fr.triggers[index].regex.finditer(body)
    )
    out: list[tuple[Frame, re.Match[str], Trigger]] = []
    end = -1
    for start, index, m in hits:
        if start < end:
            continue
        trigger = fr.triggers[index]
        if _usable(trigger, body, m, relations_before):
            out.append((fr, m, trigger))
            end = m.end()
    return out


# "Peru was expelling Chile's Ana Torres", "expelled Chile's top intelligence official Ana
# Torres": an expulsion told by the person expelled ...
_EXPEL_NAMED = re.compile(
    r"\bexpel(?:s|led|ling)?\s+(?:the\s+)?(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*['’]s\s+)?"
    r"(?:[\w-]+\s+){0,4}?$"
)
# ... whom the sentence calls a diplomat or an official of a state.
_ENVOY_ROLE = re.compile(
    r"\b(?:diplomat\w*|ambassador|envoy|consul\w*|attach[eé]|charg[eé]|official|officer|agent|"
    r"intelligence|embassy|mission|station\s+chief)\b",
    re.I,
)


def _expelled_person(clause: Clause, mentions: list[Mention]):
    """The expulsion of a named envoy, as a match over the clause from "expel" to the name."""
    body, a = clause.body, clause.start
    if not _ENVOY_ROLE.search(clause.sentence.text):
        return None
    for m in mentions:
        if m.kind != PERSON or not a <= m.start:
            continue
        lead = _EXPEL_NAMED.search(body[: m.start - a])
        if lead and not re.search(r"[,;:]", lead.group()):
            return re.compile(re.escape(body[lead.start() : m.end - a])).search(body, lead.start())
    return None


_RELATIVE_BEFORE = re.compile(r"\b(?:who|which|that)\s+(?:\w+ly\s+)?$")
# A noun told as the circumstance or cause of the clause's action, not as the action.
_CIRCUMSTANCE_BEFORE = re.compile(
    r"\b(?:amid(?:st)?|in\s+the\s+wake\s+of|caused\s+by|because\s+of|due\s+to|"
    r"in\s+(?:response|reaction|retaliation|reply)\s+(?:to|for)|in\s+protest\s+(?:at|against|over)|"
    r"in\s+view\s+of|over)\s+(?:[\w’'-]+\s+){0,4}$",
    re.I,
)


# A happening's noun named as the topic of talks is no act of the clause: "met in 1989 to
# discuss the resumption of relations" is the meeting, as are talks "held ... to finalise
# the details of the establishment of ties".
_TOPIC_BEFORE = re.compile(
    r"\b(?:discuss(?:ed|es|ing)?|talks?\s+(?:on|about)|negotiat\w+\s+(?:on|over)|"
    r"finali[sz]e\s+(?:the\s+)?details\s+of)\s+"
    r"(?:(?:the|a|an|its|their|possible|eventual)\s+)*(?:[\w’'-]+\s+){0,2}$",
    re.I,
)


def _relative_before(body: str, end: int) -> bool:
    """``_RELATIVE_BEFORE`` before ``end`` without re-reading a long run-on clause: a match
    is at most two words, so it starts in the last 200 characters unless those hold fewer
    than three words."""
    start = max(0, end - 200)
    if start and len(body[start:end].split()) < 3:
        start = 0
    return _RELATIVE_BEFORE.search(body, start, end) is not None


def _rank(found: tuple[Frame, re.Match[str], Trigger]):
    """Highest-priority frame first; within one, a verb before a noun ("met" over "meeting")."""
    fr, m, _ = found
    return (fr.priority, nominal(m.group()), m.start())


def _main_trigger(body: str, matches: list) -> tuple[tuple, list[int]]:
    """The clause's main trigger, and where background triggers before it start ("The
    generals who ousted the president gave X 48 hours": the coup is background)."""
    main = [f for f in matches if not _relative_before(body, f[1].start())]
    # "recalled its ambassador amid Israel's attacks": the attacks are the circumstance.
    main = [
        f
        for f in main
        if not _CIRCUMSTANCE_BEFORE.search(body, max(0, f[1].start() - 80), f[1].start())
    ] or main
    main = [
        f for f in main if not _TOPIC_BEFORE.search(body, max(0, f[1].start() - 60), f[1].start())
    ] or main
    chosen = min(main or matches, key=_rank)
    demoted = [f[1].start() for f in matches if f not in main and f[1].start() < chosen[1].start()]
    return chosen, demoted if main else []


# --- dates ---------------------------------------------------------------------------

# "had been closed since 2011": the state began with the closing, in 2011.
_CHANGED_SINCE = re.compile(
    r"\b(?:closed|shut|severed|broken(?:\s+off)?|cut(?:\s+off)?|suspended|frozen)\s+since\b", re.I
)


# A named instrument followed by its date: "the Convention on Diplomatic Relations of".
_NAMED_BY_DATE = re.compile(r"\b[A-Z][\w-]+\s+of\s+$")


def _dating(t: Timex, text: str) -> bool:
    """A date expression that can date a happening: not a duration, not part of a name
    ("the Vienna Convention of 1961"), not the start of a state ("since 2003")."""
    if t.kind != "date":
        return False
    before = text[max(0, t.start - 40) : t.start]
    if re.search(r"[A-Z][\w-]+(?:\s+of|,)\s+$", before) and re.fullmatch(r"\d{4}", t.text):
        return False
    if _NAMED_BY_DATE.search(before):
        return False  # "the Vienna Convention on Diplomatic Relations of April 18, 1961"
    lead = text[max(0, t.start - 8) : t.start].lower()
    since = (
        t.role in ("since", "until")
        or t.text.lower().startswith(("since", "until"))
        or re.search(r"\b(?:since|until)\s*$", lead)
    )
    return not since or bool(_CHANGED_SINCE.search(text[max(0, t.start - 40) : t.start + 6]))


def dating_timexes(timexes: list[Timex], text: str) -> list[Timex]:
    return [t for t in timexes if _dating(t, text)]


_AND_BEFORE = re.compile(r"\band\s+(?:then\s+|also\s+)?\Z")


def _shared_dates(text: str, previous: tuple[int, int], dated: list[Timex]) -> list[Timex]:
    """The dates of the first conjunct that stand before its trigger."""
    body = text[previous[0] : previous[1]]
    matches = list(_matches(body))
    if not matches:
        return []
    first = previous[0] + _main_trigger(body, matches)[0][1].start()
    return [t for t in dated if t.end <= first][-1:]


def _clause_timexes(clause: Clause) -> list[Timex]:
    def own(lo: int, hi: int) -> list[Timex]:
        inside = [t for t in clause.timexes if t.start >= lo and t.end <= hi]
        report = clause.report_timex
        return [
            t
            for t in dating_timexes(inside, clause.text)
            if report is None or t.start != report.start
        ]

    found = own(clause.start, clause.end)
    if not found and clause.previous and re.match(r"\s*when\b", clause.body, re.I):
        # "... in 2019, when Lima established relations with Fiji": the date before "when".
        found = own(*clause.previous)[-1:]
    if not found and clause.fronted:
        # "On 7 January 1965, after X did Y, Z withdrew": the fronted date is the main clause's.
        found = own(*clause.fronted)[-1:]
    if not found and clause.previous and _AND_BEFORE.search(clause.text, 0, clause.start):
        # "Peru on Monday established relations with China and severed ties with Taiwan":
        # a date before the first verb of a coordination dates the second too.
        found = _shared_dates(clause.text, clause.previous, own(*clause.previous))
    return found


# A full stop and a capital: a sentence break the splitter missed ("relations.On October 21").
_RUN_ON = re.compile(r"[a-z)\]\"”][.!?]\s*[A-Z]")


# A happening named by a noun, dated by the phrase after it: "his role in an
# assassination attempt on 25 November", "the vote in March".
_HAPPENING_NOUN = (
    r"(?:attempt|(?:cyber[\s-]?)?attacks?|plot|bombing|killing|murder|assassination|coup|"
    r"elections?|vote|referendum|explosion|protests?|riots?|shooting|massacre|incident|crash|"
    r"hack(?:ing)?)"
)
_OTHER_HAPPENING = re.compile(
    r"\b" + _HAPPENING_NOUN + r"\s+(?:[\w-]+\s+){0,5}?(?:on|in|of|for)\s+(?:the\s+)?$",
    re.I,
)
# A date before the noun it modifies: "over July cyberattack", "the March elections".
_DATE_MODIFIES = re.compile(r"\s+(?P<noun>" + _HAPPENING_NOUN + r")\b", re.I)


# "the fourth country to cut ties since Tsai took office two years ago": a clause opened
# by "since" after the trigger tells when a state began, with its own date.
_SINCE_CLAUSE = re.compile(
    r"\bsince\s+(?:[\w'’-]+\s+){1,6}?(?:[a-z]+ed|took|came|won|began|became)\b", re.I
)


# A participle right after the trigger's object opens a reduced relative clause with a
# happening of its own: "renewed diplomatic ties severed nearly eight years ago",
# "restored relations frozen since 2019".
_REDUCED_RELATIVE = re.compile(
    r"^\s*(?:severed|broken|cut|frozen|suspended|ended|terminated|ruptured|downgraded|closed|shut|"
    r"established|restored|resumed|normali[sz]ed|forged|formed|set)\s+(?:off\s+|down\s+|up\s+)?"
    r"(?:(?:in|on|since|during|after|before|until)\s+)?"
    r"(?:(?:nearly|almost|some|about|around|exactly|more\s+than|over|back|only|just)\s+)?$"
)


def _reduced_relative_date(r: Reading, t: Timex) -> bool:
    """ "renewed ties severed eight years ago": the date of the participle's happening."""
    if t.start < r.t_end:
        return False
    return _REDUCED_RELATIVE.match(r.clause.text[max(r.t_end, t.start - 60) : t.start]) is not None


def _dates_another_noun(r: Reading, t: Timex) -> bool:
    """The date follows a noun naming another happening than the trigger's after it:
    "expelled the envoy over a plot on 25 November" dates the plot; or a "since" clause
    after it: "cut ties since Tsai took office two years ago" dates Tsai's
    start; or a participle after the trigger's object: "renewed ties severed in 1982"."""
    modified = _DATE_MODIFIES.match(r.clause.text, t.end)
    if modified and modified.start("noun") != r.t_start:
        return True  # "over July cyberattack" dates the attack, unless it is the trigger
    if t.start < r.t_end:
        return False
    window = r.clause.text[max(r.t_end, t.start - 60) : t.start]
    if _SINCE_CLAUSE.search(window) or _reduced_relative_date(r, t):
        return True
    found = _OTHER_HAPPENING.search(window)
    return bool(found) and not re.search(r"[,;]", window[found.start() :])


# A phrase before the sentence's subject: "In the wake of the overthrow of ..., ".
_LEAD_PHRASE = re.compile(
    r"\s*(?:In\s+the\s+wake\s+of|After|Following|Amid(?:st)?|Despite|Before|With|At)\s[^,;]{3,150},",
    re.I,
)


def _past_a_lead(r: Reading, t: Timex) -> bool:
    """A nominal trigger in a phrase that leads the sentence ("In the wake of the
    overthrow of ..., Alia began reforms in May"): a date past the phrase is the main
    clause's."""
    sentence = r.clause.sentence
    lead = _LEAD_PHRASE.match(sentence.text)
    if lead is None:
        return False
    end = sentence.start + lead.end()
    return r.t_end <= end <= t.start


# A verb coordinated after "and" opens its own predicate: "flew ... on Sunday and signed".
_NEW_CONJUNCT = re.compile(r"\band\s+(?:then\s+|later\s+|also\s+)?[a-z]+ed\b")


def _pick_dates(r: Reading) -> list[Timex]:
    text = r.clause.text

    def between(t: Timex) -> str:
        return text[t.end : r.t_start] if t.end <= r.t_start else text[r.t_end : t.start]

    def across_sentences(t: Timex) -> bool:
        lo, hi = (t.end, r.t_start) if t.end <= r.t_start else (r.t_end, t.start)
        return any(
            not is_abbreviation(text, stop.start() + 1)  # "St. Lucia's minister" runs on
            for stop in _RUN_ON.finditer(text, max(0, lo - 1), hi + 1)
        )

    timexes = [
        t
        for t in r.timexes
        if not across_sentences(t) and not _dates_another_noun(r, t) and not _past_a_lead(r, t)
    ]
    # "voted on 3 June to revoke the 1962 measure": a date inside the trigger's words names
    # its object; another date is the act's.
    outside = [t for t in timexes if not (r.t_start <= t.start and t.end <= r.t_end)]
    timexes = outside or timexes
    if not timexes:
        return []
    # "in 1967 and 1973": several dates of one kind coordinated -> one candidate each.
    years = [t for t in timexes if t.value and t.value.precision == "year"]
    if len(timexes) >= 2 and len(years) == len(timexes):
        return sorted(timexes, key=lambda t: t.start)

    def set_off(t: Timex) -> bool:
        # "Moved by the team that won the World Cup 2022, Peru reopened its embassy
        # yesterday": a date behind a comma belongs to another phrase than one beside the verb;
        # "flew to Fiji on Sunday and signed a communique establishing relations on Monday":
        # one before another verb of the coordination belongs to that verb.
        gap = between(t)
        return "," in gap or (t.end <= r.t_start and _NEW_CONJUNCT.search(gap) is not None)

    return [min(timexes, key=lambda t: (set_off(t), abs(t.start - r.t_start), t.start))]


_EFFECT_FROM = re.compile(
    r"\b(?:from|as\s+of|starting(?:\s+(?:on|from))?|effective(?:\s+(?:on|from))?|"
    r"beginning(?:\s+on)?)\s+(?:the\s+)?$",
    re.I,
)


def _taking_effect(r: Reading) -> Timex | None:
    """The day a planned measure takes effect ("from 1 May"), later than the dated
    statement that announces it ("the ministry said on Friday"); else None."""
    report = r.clause.report_timex
    said = report.value if report is not None else None
    if said is None or said.start != said.end:  # a statement of one day
        return None
    for t in r.timexes:
        if (
            t.value is not None
            and t.value.start > said.end
            and _EFFECT_FROM.search(r.clause.text[max(r.a, t.start - 25) : t.start])
        ):
            return t
    return None


# --- reading a clause as a frame ------------------------------------------------------


def _within(items: list, a: int, b: int) -> list:
    return [x for x in items if x.start >= a and x.end <= b]


_NAMED_ENVOY = Trigger(re.compile(r"\bexpel"))  # "expelled Chile's Ana Torres": no frame trigger
# A name right after the verb: "rejoined the Commonwealth", "quit the Pacific Islands Forum".
_PROPER_NAME = re.compile(
    r"\s+(?:from\s+|out\s+of\s+|to\s+|into\s+|of\s+|in\s+)?(?:the\s+(?:then|former)\s+)?(?P<name>(?:the\s+)?[A-Z][\w'’&-]*(?:\s+(?:of\s+|for\s+|and\s+|in\s+)?"
    r"[A-Z][\w'’&-]*)*)"
)
# A proper name, with the small words inside one: "Economic Community of West African
# States", "Organization for Security and Co-operation in Europe".
_NAME_IN = re.compile(
    r"(?P<name>[A-Z][\w'’&-]*(?:\s+(?:(?:of|for|and|in)\s+(?:the\s+)?)?[A-Z][\w'’&-]*)*)"
)


@functools.cache
def _organisation_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = re.compile(r"\b" + words()["ORGANISATION"] + r"\b", re.I)
    # "left the bloc", or a pronoun: "left the bloc in 1980 and rejoined it in 1984".
    noun = re.compile(
        r"\s+(?:from\s+|out\s+of\s+)?(?:the\s+" + words()["ORGANISATION_NOUN"] + r"|it)\b", re.I
    )
    return names, noun


def _named_organisation(text: str, mentions: list[Mention], lo: int, hi: int) -> str:
    """A proper name in text[lo:hi] that names an organisation and no country."""
    names, _ = _organisation_words()
    for found in _NAME_IN.finditer(text, lo, hi):
        a, b = found.span()
        if names.search(found.group()) and not any(
            m.kind == COUNTRY and a <= m.start < b for m in mentions
        ):
            return found.group()
    return ""


def _organisation(
    article: Article, clause: Clause, trigger: re.Match[str], mentions: list[Mention]
) -> Filler | None:
    """The organisation joined or left: one named in the clause; else the name right after
    the verb, or inside its words ("became a Commonwealth member"), or its subject; else
    "the organisation" ("left the bloc") or "it", the one named last before."""
    end = clause.start + trigger.end()
    named = [m for m in mentions if m.kind not in (COUNTRY, PERSON)]
    after = [m for m in named if m.start >= end]
    if after or named:
        return Filler((after or named)[0].kind, (after or named)[0].key)
    found = _PROPER_NAME.match(clause.body, trigger.end())
    if found is not None:
        name = _named_organisation(
            clause.text, mentions, clause.start + found.start("name"), clause.start + found.end()
        )
        if name:
            prefix = "the " if found["name"].lower().startswith("the ") else ""
            return Filler("phrase", prefix + name)
    inside = _named_organisation(clause.text, mentions, clause.start + trigger.start() + 1, end)
    if inside:
        return Filler("phrase", "the " + inside)
    # The organisation as the subject, the country its object: "the Pacific Islands Forum
    # readmitted Fiji" (not "Peru ordered the envoy to leave": Peru acts, none is named).
    lead = clause.start + trigger.start()
    opening = _LEAD_PHRASE.match(clause.sentence.text)
    # "At Australian urging, the Forum excluded Fiji": a leading phrase names no subject.
    since = clause.sentence.start + (opening.end() if opening else 0)
    if not any(m.kind == COUNTRY and since <= m.start < lead for m in mentions):
        subject = _named_organisation(clause.text, mentions, clause.start, lead)
        if subject:
            return Filler("phrase", "the " + re.sub(r"^The\s+", "", subject))
    _, noun = _organisation_words()
    # "left the bloc", "rejoined it", or a return told alone ("Fiji, suspended from the
    # Commonwealth in 2009, was readmitted in 2014"): the one named last before; "quit the
    # Commonwealth in 1990, but in 1994 it rejoined": the one named earlier in the sentence.
    back = noun.match(clause.body, trigger.end()) or _BACK_IN.match(trigger.group())
    lo, hi = (0, lead) if back else (clause.sentence.start, clause.start)
    before = [m.group() for m in _NAME_IN.finditer(article.text, lo, hi)]
    earlier = [n for n in before if _organisation_words()[0].search(n) and n not in ("The",)]
    if earlier:
        return Filler("phrase", "the " + re.sub(r"^The\s+", "", earlier[-1]))
    return None


_BACK_IN = re.compile(r"(?i)re-?(?:admit|join)")


# "marked the 30th anniversary of the establishment of relations": the commemoration is
# now, the happening years before; neither is the trigger's happening told as news.
_ANNIVERSARY_OF = re.compile(
    r"(?i)\banniversary\s+of\s+(?:the\s+|their\s+|its\s+)?(?:[\w’'-]+\s+){0,2}$"
)


def _background(fr: Frame, body: str, m: re.Match[str]) -> bool:
    """A trigger told as the time of another statement ("since the end of a civil war"),
    or as what an anniversary commemorates."""
    pattern = fr.background_after
    start = max(0, m.start() - 60)
    if _ANNIVERSARY_OF.search(body, start, m.start()):
        return True
    return pattern is not None and pattern.search(body, start, m.start()) is not None


_FROM_YEAR = re.compile(r"(?i)^(?:from\s+)?(\d{4})\s+(?:until|till|to|through)\b")


def _began(t: Timex) -> Timex:
    """ "relations from 1971 until 1996": they began in the first year."""
    first = _FROM_YEAR.match(t.text)
    if not first:
        return t
    year = int(first.group(1))
    return replace(t, value=temporal.year_value(year), rule=f"the first year of '{t.text}'")


# Who tells a happening of two others: "(X's premier) said on Tuesday that Fiji and Samoa".
_REPORTED_THAT = re.compile(
    r"\b(?:said|says|told\s+(?:\w+\s+){0,2}?|announced|stated|declared|confirmed|reported)"
    r"(?:\s+(?:on\s+)?\w+day)?\s+that\s+(?:the\s+)?",
    re.I,
)


def _told_of_a_pair(clause: Clause, mentions: list[Mention]) -> int:
    """Where the reported clause starts when it opens with a state as its subject and
    names another ("Niue's premier said that Fiji and Samoa had signed ..."), else 0:
    who tells it is no side of it."""
    start = clause.start
    if clause.frame_countries:
        told = re.match(r"\W*(?:that\s+)?(?:the\s+)?", clause.text[start:])
        start = start + told.end()
    else:
        said = list(_REPORTED_THAT.finditer(clause.text, clause.start, clause.end))
        if not said:
            return 0
        start = said[-1].end()
    named = [m for m in mentions if m.kind == COUNTRY and m.start >= start]
    if not named or named[0].start != start or how_matched(named[0].text) != "name":
        return 0
    if re.match(r"['’]", clause.text[named[0].end : named[0].end + 1]):
        return 0  # "that Peru's envoy ...": whose envoy, not yet the subject
    # Its subject and another state of its own ("that Tonga had established relations with
    # Palau"); one state alone may act on the teller ("that Russia expelled its diplomats").
    return start if any(m.key != named[0].key for m in named[1:]) else 0


def read_clause(
    article: Article, analyser: ClauseAnalyser, clause: Clause
) -> tuple[Reading | None, list[Timex], list[str]]:
    """The clause as its main frame (None when it holds no trigger), with the clause's
    own dates and its countries."""
    mentions = _within(clause.mentions, clause.start, clause.end)
    timexes = _clause_timexes(clause)
    matches = list(_matches(clause.body, _relations_before(clause)))
    if not any(f.code == "expel_withdraw" for f, _, _ in matches):
        named = _expelled_person(clause, mentions)
        if named is not None:
            matches.append((frame("expel_withdraw"), named, _NAMED_ENVOY))
    matches = [
        f
        for f in matches
        if not (f[0].needs_organisation or f[2].needs_organisation)
        or _organisation(article, clause, f[1], mentions)
    ]
    matches = [f for f in matches if not _background(f[0], clause.body, f[1])]
    borrow = clause.kind == "leading"
    told = _told_of_a_pair(clause, mentions)
    if told:
        clause.frame_countries = []
        mentions = [m for m in mentions if m.start >= told]
    own = clause_countries(clause.text, mentions, clause.mentions, borrow)
    countries = ordered_unique([*clause.frame_countries, *own])
    if not matches:
        return None, timexes, countries
    (fr, trigger, spec), demoted = _main_trigger(clause.body, matches)
    if fr.reported_subject_acts and _names_own_subject(clause, mentions, trigger.start()):
        countries = ordered_unique(own)
    if demoted:
        # Its date belongs to the relative clause too ("who ousted X a month ago gave ...").
        lo, hi = clause.start + min(demoted), clause.start + trigger.start()
        timexes = [t for t in timexes if not lo <= t.start < hi]
    predicate = analyser.predicate(
        clause, clause.start + trigger.start(), clause.start + trigger.end()
    )
    reading = Reading(article, clause, fr, trigger, spec, predicate, timexes, mentions, countries)
    if fr.needs_organisation or spec.needs_organisation:
        reading.organisation = _organisation(article, clause, trigger, mentions)
    if spec.anaphoric:
        reading.timexes = timexes = []
    if spec.variant == "since":
        # "has had ties with China since 1980": the relations began then.
        reading.timexes = [
            _began(t)
            for t in clause.timexes
            if t.kind == "date"
            and t.start >= clause.start + trigger.end()
            and re.search(r"\b(?:since|from)\b", clause.text[max(0, t.start - 12) : t.end], re.I)
        ][:1]
        timexes = reading.timexes
    return reading, timexes, countries


# What opens a reported clause before the country that is its subject: "Fiji has been
# suspended", "the government of Fiji has", "the Fijian regime has" (a few words and "of").
_SUBJECT_BEFORE = re.compile(
    r"^\W*(?:that\s+)?(?:the\s+)?(?:(?:[a-z-]+\s+){1,3}of\s+(?:the\s+)?)?$", re.I
)


def _names_own_subject(clause: Clause, mentions: list[Mention], trigger_at: int) -> bool:
    """A reported clause whose subject is a country it names ("Niue announced that Fiji
    has been suspended"), not a pronoun for its reporter ("... that it has cut ties")."""
    if not clause.frame_countries or clause.kind != ClauseKind.MAIN:
        return False
    before = [m for m in mentions if m.kind == COUNTRY and m.start < clause.start + trigger_at]
    if not before or before[0].key in clause.frame_countries:
        return False
    if holds_envoys(clause.text, before[0].start, before[0].end):
        return False
    if names_the_tellers_envoys(clause.text, clause.start + trigger_at, clause.end):
        return False
    return bool(_SUBJECT_BEFORE.match(clause.text[clause.start : before[0].start]))


# "announced on Tuesday that they will resume relations", "announced in March its plan
# to open an office": the plan is news by its announcement, dated by it.
_ANNOUNCED_THAT = re.compile(
    r"\b(?:announced|announces|declared|agreed|decided|confirmed)\b(?:[^.;\"“]{0,120}\bthat\s+"
    r"(?:[\w-]+\s+){0,4}?(?:would|will)(?:\s+be)?"
    r"|[^.;\"“,]{0,40}?\b(?:its|their)\s+(?:plans?|intention)\s+to)"
    r"\s+(?:\w+ly\s+)?$",
    re.I,
)


# "has decided to terminate relations", "decided to sever relations on 27 July 1976".
_DECIDED_TO = re.compile(
    r"(?i)\b(?:(?:has|have|had)\s+(?:\w+ly\s+)?)?decided\s+to\s+(?:\w+ly\s+)?$"
)


def _modality(r: Reading) -> bool:
    """Sets the reading's status; False when nothing happened (negated, refused, hedged)."""
    p = r.predicate
    if p.negated:
        return False  # "relations have not been severed", "refused to rebuild ties"
    # A measure decided is done by its decision: "has decided to terminate relations".
    decided = r.frame.measure and bool(_DECIDED_TO.search(r.before))
    planned = p.modality == Modality.PLANNED or (
        p.infinitive and not r.frame.hypothetical_ok and not decided
    )
    if planned or p.invited:
        r.status = "planned"
    sentence = r.clause.text[r.clause.sentence.start : r.a]
    r.announced_would = bool(r.frame.announced and _ANNOUNCED_THAT.search(sentence + r.before))
    if r.announced_would:
        # "announced ... that they would resume relations": the announcement is the
        # happening, dated by the frame's own date.
        rule = next((b for b in r.frame.becomes if b.when == "announced_would"), None)
        if rule is not None:
            r.become(rule.type)
        else:
            r.status = "planned"
        if not r.timexes and r.clause.report_timex is not None:
            r.timexes = [r.clause.report_timex]
        return True
    if p.modality == Modality.HYPOTHETICAL and not r.frame.hypothetical_ok:
        return False
    if r.status == "planned" and r.frame.measure:
        # "Peru will close its embassy in Suva from 1 May, the ministry said on Friday":
        # what is reported is the decision, dated by the statement; 1 May is when the
        # measure takes effect, kept in how the date was obtained.
        r.effective = _taking_effect(r)
        if r.effective is not None:
            r.timexes = [r.clause.report_timex]
        elif not r.timexes and r.clause.report_timex is not None:
            # "Iraq will reopen its embassy within weeks, the minister said Sunday": a plan
            # with no date of its own is news by the dated statement that tells it, as
            # "announced that it would reopen" is.
            r.timexes = [r.clause.report_timex]
            rule = next((b for b in r.frame.becomes if b.when == "announced_would"), None)
            if rule is not None:
                r.become(rule.type)
    return True


# --- a frame becoming another ---------------------------------------------------------

_AGREED = re.compile(
    r"(?:formally\s+|officially\s+)?(?:agreed|agrees|agree)" + words()["WHEN"] + r"?\s+to\b",
    re.I,
)
_AGREEMENT_MADE = re.compile(
    r"\b(?:signed|signs|signing|reached|reaches|struck|concluded|inked|sealed|clinched)\s+"
    r"(?:an?|the)\s+(?:[\w-]+\s+)?$",
    re.I,
)
_HEDGED = re.compile(r"\b(?:tentative\w*|in\s+principle|provisional\w*|preliminary)\b", re.I)
_DAYS_OF_TALKS = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+days\s+of\s+"
    r"(?:[\w-]+\s+){0,3}?(?:talks|negotiations)\b",
    re.I,
)


def _agreed_between_parties(r: Reading) -> bool:
    trigger, before = r.trigger.group(), r.before
    if r.status != "done" or r.announced_would or r.predicate.infinitive:
        return False
    if _HEDGED.search(trigger) or _HEDGED.search(before[-40:]) or hedged(before):
        return False
    if _AGREED.match(trigger) or re.match(r"(?i)reached\s+an?\s+agreement\b", trigger):
        return True
    return bool(
        re.match(r"(?i)(?:agreement|deal|accord)(?:\s+(?:on|in|last|this)\s+\w+)?\s+to\b", trigger)
        and _AGREEMENT_MADE.search(before)
    )


# "have decided to establish diplomatic relations as of the date of the signing", "with
# effect from 1 May", "at ambassadorial level effective today": a decision that fixes when
# relations begin sets them up (a joint communique's operative clause).
_DECIDED = re.compile(r"(?i)(?:\w+ly\s+)?(?:decided|decides|decide)\b")
_TAKES_EFFECT = re.compile(
    r"(?i)\b(?:with\s+(?:immediate\s+)?effect\b|effective\b|at\s+once\b|immediately\b"
    r"|as\s+(?:of|from)\s+(?:the\s+(?:date|day)\b|today\b|\d))"
)


def _decided_with_effect(r: Reading) -> bool:
    if r.status != "done" or r.announced_would or not _DECIDED.match(r.trigger.group()):
        return False
    if hedged(r.before) or _HEDGED.search(r.before[-40:]):
        return False
    return bool(_TAKES_EFFECT.search(r.body, r.trigger.end()))


def _told_by_announcement(r: Reading) -> bool:
    lead = r.clause.text[r.clause.sentence.start : r.a]
    return bool(
        re.search(r"\bhad\s+(?:\w+ly\s+)?$", r.before)
        and re.search(r"\b(?:announced|declared)\b[^.;]{0,80}\bthat\s*$", lead)
    )


def _visits_a_person(r: Reading) -> bool:
    after = r.body[r.trigger.end() :]
    if not re.match(r"\s*(?:to|with)\s+(?:the\s+)?(?:interim\s+|new\s+)?[A-Z]", after):
        return False
    people = [m for m in r.mentions if m.kind == PERSON and r.t_end <= m.start]
    return bool(people) and not any(
        m.kind == COUNTRY
        and r.t_end <= m.start < people[0].start
        and how_matched(m.text) == "capital"
        for m in r.mentions
    )


def _talks_lasting_days(r: Reading) -> bool:
    if not re.search(r"(?i)\btalks\b", r.trigger.group()):
        return False
    dated = _pick_dates(r)
    span = dated[0].value if dated and dated[0].value else None
    return bool(_DAYS_OF_TALKS.search(r.body) or (span and span.precision == "range"))


_CONDITIONS = {
    "agreed_between_parties": _agreed_between_parties,
    "told_by_announcement": _told_by_announcement,
    "visits_a_person": _visits_a_person,
    "talks_lasting_days": _talks_lasting_days,
    "decided_with_effect": _decided_with_effect,
}


def _becomes(r: Reading) -> None:
    """The frame the clause tells once all is read (``becomes`` in the frames file)."""
    for rule in r.frame.becomes:
        if rule.when in _CONDITIONS and _CONDITIONS[rule.when](r):
            if rule.when == "told_by_announcement":
                r.object_text = f"an agreement to {_object(r)} diplomatic relations"
                if not r.timexes and r.clause.report_timex is not None:
                    r.timexes = [r.clause.report_timex]
            r.agreed = rule.when == "agreed_between_parties"
            r.become(rule.type)
            return


# --- parties ----------------------------------------------------------------------------


def _venue_sides(r: Reading, previous: Candidate | None) -> None:
    """A meeting told only by where it was held or who mediated: its sides are the
    relationship named just before it ("new inter-Korean ties, following the summit held
    in Pyongyang"), else the parties of the clause before ("X and Y agreed ... after talks
    in Beijing")."""
    if not r.frame.held_at_venue:
        return
    r.hosts = hosts(r.body, r.a, r.mentions)
    named = {m.key for m in r.mentions if m.kind == COUNTRY}
    if not named or not named <= r.hosts:
        return
    earlier = [m for m in r.clause.mentions if m.kind == COUNTRY and m.end <= r.a]
    related = named_relationships(earlier, r.clause.text, 0)
    sides: list[str] = []
    if related:
        sides = [related[-1][0].key, related[-1][1].key]
    elif previous is not None and previous.event.sentence == r.clause.sentence.index:
        sides = [c for c in previous.event.countries[:2] if c not in r.hosts]
    r.countries = ordered_unique([*sides, *r.countries])


_BE_DONE = re.compile(r"(?i)\b(?:was|were|been|is|are)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b")


def _sides_of_the_sentence_before(r: Reading, before: Candidate | None) -> None:
    """ "Ethiopia and Eritrea fought a war from 1998 to 2000. A peace accord was signed on
    12 December 2000": a deal told in the passive, no side named in its sentence, is between
    the two sides of the happening told just before."""
    passive = r.predicate.voice == Voice.PASSIVE or _BE_DONE.search(r.trigger.group())
    if not r.frame.bilateral or before is None or not passive:
        return
    if r.countries or any(m.kind == COUNTRY for m in r.clause.mentions):
        return
    if before.event.sentence == r.clause.sentence.index - 1 and len(before.event.countries) >= 2:
        r.countries = list(before.event.countries[:2])


def _sides_of_the_clause_before(r: Reading, previous: Candidate | None) -> None:
    """ "Lebanon severed relations with Iran in 1983, but relations were restored the
    following July": relations no clause country names are those the clause before in the
    sentence named, not the pair the article is about."""
    if not r.frame.relational or previous is None or r.clause.kind != ClauseKind.MAIN:
        return
    if any(m.kind == COUNTRY for m in r.mentions):
        return
    if previous.event.sentence == r.clause.sentence.index and len(previous.event.countries) >= 2:
        r.sides_before = list(previous.event.countries[:2])


def _member_of_the_clause_before(r: Reading, previous: Candidate | None) -> None:
    """ "Chad quit the Commonwealth in 1990, but in 1994 it rejoined", "left the bloc in
    1999 but then restored its membership": a membership clause naming no country is
    that of the member the clause before in the sentence named."""
    if r.organisation is None or previous is None or r.clause.kind != ClauseKind.MAIN:
        return
    if r.countries or any(m.kind == COUNTRY for m in r.mentions):
        return
    told = previous.roles.get(Role.ORGANISATION) if previous.roles else None
    if previous.event.sentence == r.clause.sentence.index and told is not None:
        r.countries = list(previous.event.countries[:1])


def _member_in_the_trigger(r: Reading) -> None:
    """ "decided to suspend Peru's membership, Chilean President X said": the member whose
    membership the trigger names is the party, not the country of who reports it."""
    if r.organisation is None:
        return
    inside = [m.key for m in r.mentions if m.kind == COUNTRY and r.t_start <= m.start < r.t_end]
    if inside:
        r.countries = ordered_unique(inside)
        r.outsiders = r.outsiders | {m.key for m in r.mentions if m.kind == COUNTRY} - set(inside)


def _drop_outsiders(r: Reading) -> None:
    named = [m for m in r.mentions if m.kind == COUNTRY]
    outsiders = not_parties(r.frame, r.body, r.a, r.trigger, named)
    if not outsiders:
        return
    # A country told as acting by the report frame ("Norway announced that it was
    # expelling ... diplomats working at the Russian Embassy in Oslo") stays a party when
    # the clause names it again only in a side remark.
    kept = {m.key for m in named if m not in outsiders} | set(r.clause.frame_countries)
    r.outsiders = {m.key for m in outsiders} - kept
    r.mentions = [m for m in r.mentions if m not in outsiders]
    r.countries = [c for c in r.countries if c not in r.outsiders]


def _described_subject(r: Reading, explicit: list[Mention]) -> str:
    """ "Honduras opened an embassy ... after the Central American nation broke off
    relations with Taiwan": the described subject is the nearest country named before
    as such ("in Beijing" is a place, "Chinese state media" a source)."""
    after = [m for m in explicit if m.start >= r.t_end]
    if not (after and len(after) == len(explicit) and r.frame.relational):
        return ""
    if not DESCRIBED_SUBJECT.search(r.before):
        return ""
    other = after[0].key
    said = descriptions.find(r.article.text, r.a, r.t_start)
    fit = (lambda key: descriptions.fits(said[-1], key)) if said else (lambda key: True)
    before = [
        m.key
        for m in r.clause.mentions
        if m.kind == COUNTRY
        and m.end <= r.a
        and m.key != other
        and how_matched(m.text) == "name"
        and fit(m.key)
    ]
    if before:
        return before[-1]
    # "Belarus expelled ... . The ex-Soviet state then ...": named in the sentence before.
    earlier = descriptions.resolve(r.article, said[-1], {other}) if said else ""
    if earlier:
        return earlier
    # Named in no clause before it: the country the article opens with, as its subject.
    lead = _protagonist(r.article)
    return lead if lead != other and fit(lead) else ""


_PRONOUN_BEFORE = re.compile(r"\b(?:it|they|we|I)\s+(?:[a-z]+\s+){0,2}$")


def _described_object(r: Reading, explicit: list[Mention], subject: str) -> str:
    """ "Belarus expelled the EU ambassador. The EU then imposed sanctions on the
    country": a description after the verb stands for the most recent country named
    before it that fits, never one already a party of the clause."""
    if len(explicit) >= 2:
        return ""
    said = descriptions.find(r.article.text, r.t_end, r.a + len(r.body))
    if not said:
        return ""
    parties = {m.key for m in explicit} | ({subject} if subject else set())
    return descriptions.resolve(r.article, said[0], parties)


def _protagonist(article: Article) -> str:
    """The country an article's first sentence opens with ("Burkina Faso's foreign
    minister will ..."), by name; "" when it opens otherwise."""
    if not article.sentences:
        return ""
    first = article.sentences[0]
    found = next(
        (m for m in article.mentions if m.kind == COUNTRY and first.start <= m.start < first.end),
        None,
    )
    if found is None or how_matched(found.text) != "name":
        return ""
    return found.key if _SENTENCE_SUBJECT.match(article.text[first.start : found.start]) else ""


# "Peru's minister flew to Chile, days after cutting ties with Fiji": a gerund after
# "after", "before", "by" or "upon" has the subject of the clause it hangs on.
_ADJUNCT_GERUND = re.compile(r"\b(?:after|before|by|upon|while)\s+$", re.I)


# A country described, acting: "the west African country suspended", "the nation cut".
_DESCRIBED_ACTING = re.compile(
    r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,3}(?:nation|country|kingdom|republic|state)\s+"
    r"(?:has\s+|had\s+)?[a-z]+(?:ed|s)\b",
    re.I,
)


def _adjunct_subject(r: Reading, explicit: list[Mention]) -> str:
    """The country opening the sentence, as its subject (or its subject's owner: "Peru's
    minister"), for a gerund adjunct whose own countries all follow it."""
    if not (
        explicit
        and r.trigger.group()[:1].isalpha()
        and re.match(r"[a-z]+ing\b", r.trigger.group())
        and _ADJUNCT_GERUND.search(r.before)
        and all(m.start >= r.t_end for m in explicit)
    ):
        return ""
    sentence = r.clause.sentence
    first = next(
        (
            m
            for m in r.article.mentions
            if m.kind == COUNTRY and sentence.start <= m.start < r.t_start
        ),
        None,
    )
    if first is not None and _SENTENCE_SUBJECT.match(r.article.text[sentence.start : first.start]):
        subject = first.key
    elif _DESCRIBED_ACTING.search(r.article.text, sentence.start, r.t_start):
        # "since the west African country suspended ... before switching ...": the
        # described subject of the verb it hangs on is the article's own country.
        subject = _protagonist(r.article)
    else:
        return ""
    return "" if subject in {m.key for m in explicit} else subject


# "Kiribati is a group of islands ... It has had ties with China since 1980": a pronoun
# opening the sentence is the country that opened the sentence before.
# So is "The government" opening it after "The government of X ..." ("The government of
# the Republic of Chile has severed ties ... The government has also ordered ...").
_PRONOUN_SUBJECT = re.compile(r"^\s*(?:It|They|The\s+(?:government|authorities))\s")
_SENTENCE_SUBJECT = re.compile(
    r"^\W*(?:The\s+)?(?:(?:government|authorities)\s+of\s+(?:the\s+)?"
    r"(?:(?:Republic|Kingdom|State|Federation|Sultanate|Principality)\s+of\s+(?:the\s+)?)?)?$",
    re.I,
)


def _pronoun_subject(r: Reading, explicit: list[Mention]) -> str:
    index = r.clause.sentence.index
    if (
        index == 0
        or r.clause.start != r.clause.sentence.start
        or not explicit
        or any(m.end <= r.t_start for m in explicit)
        or not _PRONOUN_SUBJECT.match(r.before)
    ):
        return ""
    prev = r.article.sentences[index - 1]
    first = next(
        (m for m in r.article.mentions if m.kind == COUNTRY and prev.start <= m.start < prev.end),
        None,
    )
    if first is None or not _SENTENCE_SUBJECT.match(r.article.text[prev.start : first.start]):
        return ""
    return "" if first.key == explicit[0].key else first.key


def _article_sides(r: Reading, explicit: list[Mention]) -> None:
    """ "the resumption of relations", "their ties", "The embassy had been closed": the
    relations of the pair the article is about. With one side named, the other is the
    pair's country the sentence names ("... with Cuba, the South Korean government ...")."""
    if not explicit and r.sides_before:
        r.countries = list(r.sides_before)
        return
    pair = r.article.pair
    embassy = bool(re.search(r"\bembass", r.trigger.group(), re.I))
    if not pair or len(explicit) >= 2:
        return
    if not (r.frame.relational or ((not explicit or explicit[0].key in pair) and embassy)):
        return
    if not explicit:
        r.countries = list(pair)
    elif explicit[0].key in pair:
        told = [c for c in r.clause.frame_countries if c != explicit[0].key]
        if told and explicit[0].start >= r.t_end:
            # "Botswana announced that it has cut ties with Iran": who tells it acts.
            r.countries = ordered_unique([told[0], explicit[0].key, *pair])
        else:
            r.countries = ordered_unique([explicit[0].key, *pair])
    else:
        named = [m.key for m in r.clause.mentions if m.kind == COUNTRY and m.key in pair]
        partner = next((c for c in named if c != explicit[0].key), pair[0])
        # "The kingdom broke off ties with Iran": the named side is the object.
        after = explicit[0].start >= r.t_end
        r.countries = ordered_unique(
            [partner, explicit[0].key] if after else [explicit[0].key, partner]
        )


def _fill_countries(r: Reading) -> list[str]:
    """The reading's countries, acting side first; returns its actors. A relative clause
    takes its sides from its host clause, never from the pair the article is about."""
    actors = ordered_unique(m.key for m in r.mentions if m.kind != COUNTRY)
    explicit = [m for m in r.mentions if m.kind == COUNTRY]
    described = (
        _described_subject(r, explicit)
        or _pronoun_subject(r, explicit)
        or _adjunct_subject(r, explicit)
    )
    # A relative clause takes its sides from its host; leaving an organisation has none;
    # a happening named again ("during the signing") has those its sentence names.
    relative = (
        r.clause.kind in (ClauseKind.RELATIVE, ClauseKind.NOUN_RELATIVE)
        or r.organisation is not None
        or r.spec.anaphoric
    )
    described_object = "" if relative else _described_object(r, explicit, described)
    if described_object in r.countries:
        # "gave Chilean diplomats 48 hours to leave the country": a side it has already.
        described_object = ""
    if described:
        r.countries = ordered_unique([described, explicit[0].key, *r.countries])
    elif described_object:
        subject = [m.key for m in explicit]
        if not subject and _PRONOUN_BEFORE.search(r.before):
            # "in 1967 it broke off relations with the country": the pronoun is the
            # other side of the pair the article is about.
            subject = [c for c in r.article.pair if c != described_object][:1]
        r.countries = ordered_unique([*subject, described_object])
    elif not relative:
        _article_sides(r, explicit)
    pair = [] if relative else r.article.pair
    if pair and len(r.countries) < 2 and BOTH.search(r.clause.sentence.text):
        # "the two countries" / "both sides": the pair the article is about, first
        # when they are the subject.
        first = bool(BOTH.search(r.before))
        r.countries = ordered_unique([*pair, *r.countries] if first else [*r.countries, *pair])
    for key in actors:
        info = r.article.actors.get(key)
        # "at the appeal of Senegal's president": his country stays out with its mention.
        if info and info.country and info.country not in (*r.countries, *r.outsiders):
            r.countries.append(info.country)
    return actors


def _subject_missing(r: Reading) -> bool:
    if not (r.frame.relational or r.frame.acts_on) or r.organisation is not None:
        return False
    r.countries = subject_object(r.countries, r.mentions, r.t_start, r.t_end, r.clause.text)
    if r.group:
        # The group acts with a third: the first of the group and the third make the pair.
        third = [c for c in r.countries if c not in r.group]
        r.countries = ordered_unique([r.group[0], *third[:1], *r.countries])
    named = [m for m in r.mentions if m.kind == COUNTRY]
    if re.match(r"(?i)(?:relations|ties)\b", r.trigger.group()) and len(r.countries) < 2:
        return bool(named)  # "ties with X were cut": X is not who cut them
    return bool(named) and all(m.start >= r.t_end for m in named) and len(r.countries) < 2


# --- object, variant, place -------------------------------------------------------------


def _object(r: Reading) -> str:
    """What the happening is about beyond its parties, by the frame's object spec."""
    found = _object_words(r)
    if ORDERED_TO.search(r.before):
        return dict(r.frame.object.ordered).get(found, found)
    return found


def _object_words(r: Reading) -> str:
    spec = r.frame.object
    for pattern, value in spec.from_trigger:
        found = pattern.search(r.trigger.group())
        if found:
            return value.replace("{1}", found.group(1) if pattern.groups else "").lower()
    after = r.body[r.trigger.end() :]
    for pattern in spec.after:
        found = pattern.search(after)
        if found:
            return spec.value or (found.group(1) if pattern.groups else found.group()).lower()
    for pattern, template in spec.in_clause:
        found = pattern.search(r.body)
        if found and not (spec.unless and spec.unless in found.group()):
            return template.replace("{1}", (found.group(1) if pattern.groups else "").strip())
    return spec.default


def _variant(r: Reading) -> str:
    """The trigger's variant as titles read it: whose mission closed, or was ordered to."""
    if r.variant != "mission":
        return r.variant
    if not re.search(r"consul", r.trigger.group(), re.I):
        return "embassy"  # "Argentina closed its embassy in Bangladesh"
    # "Peru told Fiji to close its consulate in Lima": the side told closes it.
    return "ordered consulate" if ORDERED_TO.search(r.before) else "consulate"


# A visit told as a noun names its visitor after it: "the state visit of the President of
# Kenya to Rwanda", "a visit by Chile's minister to Peru": who comes before "to".
_VISIT_OF = re.compile(r"(?i)^\s+(?:of|by)\s+(?P<who>.+?)\s+to\s+(?=\S)")


def _home(r: Reading, roles: dict[Role, Filler]) -> set[str]:
    """The acting side's own country: one named before the verb ("Chile's president"), the
    visitor's named after a visit told as a noun ("the visit of Kenya's president to"), or
    the country acting."""
    agent = roles.get(Role.AGENT)
    home = {m.key for m in r.mentions if m.kind == COUNTRY and m.end <= r.t_start}
    visitor = _VISIT_OF.match(r.body[r.trigger.end() :])
    if visitor and re.fullmatch(
        r"(?i)(?:state\s+|official\s+)?(?:visit|trip)s?", r.trigger.group()
    ):
        end = r.t_end + visitor.end("who")
        home |= {m.key for m in r.mentions if m.kind == COUNTRY and r.t_end <= m.start < end}
    if agent is not None and agent.is_country:
        home.add(agent.key)
    return home


# A place dated right after: "... and with EU officials in Brussels on Tuesday".
_DATED_AFTER = re.compile(r"\s*(?:,\s*)?(?:on|in|at)?\s*$")


def _dated_otherwise(r: Reading, m: Mention, timex: Timex | None) -> bool:
    """The place is dated by another date of the clause than the happening's: it is where
    another happening of the sentence took place ("talks on Wednesday with A and with B in
    Brussels on Tuesday": Brussels is Tuesday's)."""
    if timex is None:
        return False
    text = r.article.text
    return any(
        t is not timex
        and t.kind == "date"
        and t.start >= m.end
        and t.text != timex.text
        and _DATED_AFTER.fullmatch(text, m.end, t.start)
        for t in r.timexes
    )


def _place(r: Reading, roles: dict[Role, Filler], timex: Timex | None = None) -> str:
    """A capital named as the place ("talks in Hanoi"). A visit goes somewhere after its
    verb, never to the visitor's own country: "flew from Santiago to visit Peru"."""
    visit = r.frame.roles == "encounter" and not r.frame.held_at_venue
    home = _home(r, roles) if visit else set()
    named = [
        m
        for m in r.mentions
        if m.kind == COUNTRY
        and m.key not in home
        and (not visit or m.start >= r.t_end)
        and not _dated_otherwise(r, m, timex)
    ]
    capital = next((m for m in named if how_matched(m.text) == "capital"), None)
    if capital is not None:
        return capital.text
    return country_name(named[0].key) if visit and named else ""


def _joint(r: Reading) -> bool:
    before = [m for m in r.mentions if m.kind == COUNTRY and m.end <= r.t_start]
    if len(before) >= 2 and re.fullmatch(
        r"\s+and\s+(?:the\s+)?|\s*[-–/]\s*", r.clause.text[before[0].end : before[1].start]
    ):
        return True
    if BOTH.search(r.before):
        return True
    if re.match(r"(?i)(?:relations|ties)\b", r.trigger.group()) and len(r.countries) >= 2:
        return True  # "relations between X and Y were severed": neither side is the agent
    # "the committee decided to restore relations between X and Y"
    return (
        not before
        and len(r.countries) >= 2
        and bool(re.search(r"\bbetween\s+(?:the\s+)?[A-Z]", r.body[r.trigger.end() :]))
    )


_MISSION_VARIANTS = ("office", "new embassy", "embassy", "consulate", "mission")


_TOLD_TO_LEAVE = re.compile(
    r"(?i)^(?:diplomatic\s+)?(?:diplomats?|ambassadors?|envoys?|charg\S*|mission|staff|personnel)\b"
    r".*(?:\bto\s+(?:leave|get\s+out|depart)|\b(?:been|was|were)\s+(?:\w+ly\s+)?expelled)$"
    # "Expelled from Sudan on 3 May, the British ambassador ...".
    r"|^\W*(?-i:E)xpelled\b"
)
_LEFT_GAP = re.compile(r"\s+(?:from\s+)?(?:the\s+)?")
_POST_BEFORE = re.compile(r"\b(?:to|in|[Ee]xpelled\s+from)\s+(?:the\s+)?$")
_ENVOY_POST_BEFORE = re.compile(
    r"(?i)\b(?:ambassador|envoy|diplomat|consul|charg\S*)s?\s+(?:to|in)\s+(?:the\s+)?$"
)
_BY_GAP = re.compile(r"(?i)\s+by\s+(?:the\s+)?")
_DECLARED_PNG = re.compile(r"(?i)\b(?:was|were|been|being)\s+(?:\w+ly\s+)?declared\s+$")


def _country_left(r: Reading) -> str:
    """The country named right after a passive "... were told to leave", "... has been
    expelled from"."""
    if r.frame.roles != "expulsion":
        return ""
    text = r.clause.text
    if _DECLARED_PNG.search(r.before) and re.match(r"(?i)persona", r.trigger.group()):
        # "Chile's ambassador to Bolivia was declared persona non grata": Bolivia's doing,
        # as "... persona non grata by Bolivia" is.
        posts = [
            m
            for m in r.mentions
            if m.kind == COUNTRY
            and (
                (m.start >= r.t_end and _BY_GAP.fullmatch(text, r.t_end, m.start))
                or (
                    m.end <= r.t_start
                    and _ENVOY_POST_BEFORE.search(text, max(0, m.start - 40), m.start)
                )
            )
        ]
        posts.sort(key=lambda m: m.start < r.t_end)
        return posts[0].key if posts else ""
    if not _TOLD_TO_LEAVE.match(r.trigger.group()):
        return ""
    after = [
        m
        for m in r.mentions
        if m.kind == COUNTRY and m.start >= r.t_end and _LEFT_GAP.fullmatch(text, r.t_end, m.start)
    ]
    if after:
        return after[0].key
    # "Peru's ambassador in Chile was expelled": the post he is sent away from.
    post = [
        m
        for m in r.mentions
        if m.kind == COUNTRY
        and r.t_start <= m.start < r.t_end
        and _POST_BEFORE.search(text, max(0, m.start - 12), m.start)
    ]
    if post:
        return post[0].key
    # "Iranian diplomats were told to leave the kingdom": whose envoys go is the target.
    sent = {m.key for m in r.mentions if m.kind == COUNTRY and r.t_start - 4 <= m.end <= r.t_end}
    others = [c for c in r.countries if c not in sent]
    return others[0] if sent and others else ""


def _mission_host(r: Reading, variant: str, joint: bool) -> str:
    """The country a mission is opened or closed in ("an office in Taiwan"), "" if the
    clause names none after the trigger."""
    if variant not in _MISSION_VARIANTS or joint:
        return ""
    hosts = [
        a.mention.key
        for a in r.predicate.arguments
        if a.relation == "in" and a.mention.kind == COUNTRY and a.mention.start >= r.t_end
    ]
    return hosts[0] if hosts else ""


def _order_sides(r: Reading, variant: str, joint: bool) -> None:
    before = [m for m in r.mentions if m.kind == COUNTRY and m.end <= r.t_start]
    if variant == "upgrade" and not joint:
        # One side raises its own mission: it comes first ("Peru upgrades ... in Fiji"), also
        # when told by a frame before the clause ("Peru announced that it is upgrading ...").
        frame_side = [
            m
            for m in r.clause.mentions
            if m.kind == COUNTRY
            and r.clause.sentence.start <= m.start
            and m.end <= r.a
            and m.key in r.countries
        ]
        side = before[:1] if len(before) == 1 else frame_side[-1:]
        if side:
            r.countries = ordered_unique([side[0].key, *r.countries])
    host = _mission_host(r, variant, joint)
    if host and any(c != host for c in r.countries):
        # "it will open a representative office in Fiji", "it will close its embassy in
        # Suva": the host of the mission comes second.
        r.countries = [*(c for c in r.countries if c != host), host]
    left = _country_left(r)
    if left:
        # "Soviet diplomats were ordered to leave Zaire": the country left expels them.
        r.countries = ordered_unique([left, *r.countries])
    if variant == "ordered consulate" and len(r.countries) >= 2:
        # "we are requiring Fiji to close its consulate": the side told comes second.
        told = [m.key for m in r.predicate.causer if m.kind == COUNTRY]
        r.countries = ordered_unique([*(c for c in r.countries if c not in told), *told])
    if r.hosts and any(c not in r.hosts for c in r.countries):
        # "talks in Beijing mediated by China": the host takes part, after the sides.
        r.countries = [
            *(c for c in r.countries if c not in r.hosts),
            *(c for c in r.countries if c in r.hosts),
        ]


# --- candidates -------------------------------------------------------------------------

COUNT = re.compile(
    r"\b(\d{2,3})(?:st|nd|rd|th)?\s+(?:(?:UN|U\.N\.|United\s+Nations)\s+)?(?:member\s+)?"
    r"(?:countries|country|states|nations|member\s+states|diplomatic\s+partner|partner|"
    r"country\s+with\s+which)\b",
    re.I,
)


def claims_of(sentence: Sentence) -> dict[str, str]:
    """What a sentence claims beside the happening: "its 191st diplomatic partner"."""
    count = COUNT.search(sentence.text)
    return {"count": count.group(1)} if count else {}


# A present perfect that tells a state or a tally, not news: "has had close ties since
# 1975", "has established relations with 150 countries", "has never recognised".
_NOT_NEWS = re.compile(
    r"\b(?:since|for\s+(?:\d+|decades|years|months)|ever|long|never|so\s+far|yet|until|"
    r"already|always|until\s+now|in\s+the\s+past|previously|repeatedly|often)\b"
    # The perfect progressive tells what has been going on: "China has been offering aid".
    r"|\b(?:has|have)\s+been\s+\w+ing\b",
    re.I,
)


# The perfect or the present of the verb that governs the trigger tells news as well:
# "have announced their withdrawal from", "has approved a proposal to establish", "have
# been charged with spying and ordered to leave", "says it is switching recognition".
_NEWS_HEAD = re.compile(
    r"\b(?:has|have)\s+(?:(?:also|now|just|already|reportedly|formally|officially|\w+ly)\s+)*"
    r"(?:been\s+)?(?!been\b)(?:[a-z]+ed|[a-z]+en|told|given|sent|cut|made|struck|put|won|held|set)\b"
    r"|\b(?:says|say)\s+(?:it|they)\s+(?:is|are)\s+(?:now\s+)?[a-z]+ing\b",
    re.I,
)


def _tally(text: str) -> bool:
    """ "has established relations with 150 countries" tells a tally, not news; an ordinal
    ("becoming its 150th partner") tells what the news brought."""
    return any(not re.match(r"\d+(?:st|nd|rd|th)\b", m.group()) for m in COUNT.finditer(text))


_PAST = re.compile(r"\b(?:had|held|met|made|signed|sent|[a-z]{3,}ed)\b", re.I)


def _dateline_day(r: Reading) -> list[Timex]:
    """A release's lead told in the past after a dateline with the day ("Dushanbe, 26 July
    2022 (TDI): The President had a telephonic conversation with ...") is that day's act."""
    sentence = r.clause.sentence
    if (
        sentence.index > 2
        or r.clause.start != sentence.start
        or r.status != "done"
        or r.clause.report_timex is not None
        or r.predicate.infinitive
        # The present perfect is done by the release's day, not on it: news of the day.
        or r.predicate.perfect
        or _NEWS_HEAD.search(r.before + r.trigger.group())
        or not _PAST.search(r.before[-60:] + " " + r.trigger.group())
    ):
        return []
    end = dateline_end(sentence.text)
    stated = temporal.parse_absolute(sentence.text[:end]) if end else None
    if not stated or stated[0].precision != "day":
        return []
    value, a, b = stated
    rule = f"the day of the release's dateline, {value.display}"
    text = sentence.text[a:b]
    return [
        Timex(
            sentence.start + a, sentence.start + b, text, sentence.index, "date", value, False, rule
        )
    ]


# A verb in the past or a perfect: no historical present.
_PAST_FORM = re.compile(r"(?i)^(?:\w+ed|had|has|have|was|were|did)\b")


def _under_its_date_line(r: Reading) -> bool:
    """The historical present of an entry headed by its own date ("October 18, 1991 |
    Peru and Chile resume relations."), or of the title above that line: the entry's
    opening tells the day of its line."""
    index = r.clause.sentence.index
    if r.predicate.perfect or _PAST_FORM.match(r.trigger.group()):
        return False
    if r.clause.start != r.clause.sentence.start:
        return False
    near = index + 1 if index == 0 else index - 1
    if near >= len(r.article.sentences):
        return False
    line = r.article.sentences[near]
    lo, hi = sorted((line.end, r.clause.sentence.end))
    if "\n" not in r.article.text[min(line.start, r.clause.sentence.start) : max(lo, hi)]:
        return False
    found = temporal.find_timexes(line.text, [replace(line, start=0, end=len(line.text))], None)
    whole = [t for t in found if len(t.text) >= len(line.text.strip(" .\n")) - 2]
    return any(t.value is not None and t.value.start == r.article.published for t in whole)


def _news_of_the_day(r: Reading) -> Timex | None:
    """The present perfect of news ("Peru has cut relations with Fiji") with no date of
    its own or of its report: done by the day the article was published. Clustering
    dates it so when no source tells the happening's date."""
    published = r.article.published
    if (
        published is None
        or not (
            r.predicate.perfect
            or _NEWS_HEAD.search(r.before + r.trigger.group())
            or _under_its_date_line(r)
        )
        or r.status != "done"
        or r.clause.report_timex is not None
        or r.clause.kind not in (ClauseKind.MAIN, ClauseKind.LEADING)
        or _NOT_NEWS.search(r.body)
        or _tally(r.clause.sentence.text)
        # A sentence dated elsewhere ("..., following Tonga last year") is no news of the day.
        or any(t.kind == "date" and not _reduced_relative_date(r, t) for t in r.clause.timexes)
    ):
        return None
    spec = temporal.Spec("day", (0,))
    value = temporal.day_value(published)
    rule = f"the present perfect of news: done by the publication date, {value.display}"
    sentence = r.clause.sentence.index
    text = r.trigger.group()
    return Timex(r.t_start, r.t_end, text, sentence, "date", value, True, rule, spec=spec)


# A happening told as done within a span that runs past its report ("this week, the
# ministry said Friday") took place by the day of the report.
REPORTED_SPAN_DAYS = 7


def _by_the_report(r: Reading, value: DateValue | None) -> DateValue | None:
    report = r.clause.report_timex.value if r.clause.report_timex is not None else None
    limit = report.end if report is not None and report.precision == "day" else r.article.published
    if (
        value is None
        or limit is None
        or r.status != "done"
        or (value.end - value.start).days > REPORTED_SPAN_DAYS
        or not value.start <= limit < value.end
    ):
        return value
    return (
        temporal.range_value(value.start, limit)
        if value.start < limit
        else temporal.day_value(limit)
    )


def _unquoted_dates(r: Reading, t: Timex) -> list[Timex]:
    """The sentence's dates other than ``t`` outside quoted speech (its report's too)."""
    report = [r.clause.report_timex] if r.clause.report_timex else []
    return [
        o
        for o in r.clause.timexes + report
        if o is not t and o.kind == "date" and not temporal.in_quotes(r.article.text, o.start)
    ]


def _speaker_day(r: Reading, t: Timex) -> Timex:
    """A speaker's "today" or "yesterday" is counted from the day the words were said
    ("we cut relations from today," the minister said on Tuesday), not from the day the
    article was published: the day the sentence tells, outside the quotation."""
    days = [o for o in _unquoted_dates(r, t) if o.value is not None and o.value.precision == "day"]
    said = min(days, key=lambda o: abs(o.start - t.start)).value.start
    day = said + dt.timedelta(days=t.spec.args[0])
    rule = f"a speaker's '{t.text}', counted from the day of the words: {day.isoformat()}"
    return replace(t, value=temporal.day_value(day), rule=rule)


def _quoted_deixis(r: Reading, dated: list[Timex]) -> tuple[list[Timex], bool]:
    """The dates of the reading, and whether its only date is a speaker's "today" that
    the sentence does not anchor: then only news of the day the article was published,
    which any date a source states outranks."""
    if len(dated) != 1 or dated[0].spec is None or dated[0].spec.op != "day":
        return dated, False
    t = dated[0]
    if not temporal.in_quotes(r.article.text, t.start) or r.article.published is None:
        return dated, False
    others = _unquoted_dates(r, t)
    if any(o.value is not None and o.value.precision == "day" for o in others):
        return [_speaker_day(r, t)], False
    return dated, not others


def _date_rule(timex: Timex | None, effective: Timex | None) -> str:
    rule = timex.rule if timex else ""
    if effective is not None and effective.value is not None:
        rule += f"; the decision then, taking effect {effective.value.display} ('{effective.text}')"
    return rule


def _build(r: Reading, actors: list[str], dated: list[Timex], extra: dict) -> list[Candidate]:
    out = []
    for timex in dated or [None]:
        event = EventCandidate(
            sentence=r.clause.sentence.index,
            type=r.frame.code,
            title="",
            date=_by_the_report(r, timex.value) if timex else None,
            date_text=timex.text if timex else "",
            date_rule=_date_rule(timex, r.effective),
            countries=list(r.countries),
            actors=list(actors),
            trigger=r.trigger.group(),
            status=r.status,
            claims=claims_of(r.clause.sentence),
        )
        cand = Candidate(
            event,
            timex,
            r.clause.report_timex,
            (r.clause.start, r.clause.end),
            list(r.countries),
            object_text=r.object_text or _object(r),
            **extra,
        )
        event.title = title(cand, r.article.actors)
        out.append(cand)
    return out


def _seats_of_the_day(r: Reading, when: dt.date) -> None:
    """A dissolved state read from its seat ("Moscow" in an article that names the Soviet
    Union) stands, for a happening after its end, for the state holding the seat then.
    One the clause names by its own name stays: the date, not the party, is then wrong."""
    named = {m.key for m in r.mentions if m.kind == COUNTRY and not is_dissolved_seat(m.text)}
    held = {c: seat_holder(c, when) for c in r.countries if c not in named}
    held.update({m.key: seat_holder(m.key, when) for m in r.mentions if is_dissolved_seat(m.text)})
    held = {c: h for c, h in held.items() if h != c and c not in named}
    if not held:
        return
    r.mentions = [replace(m, key=held.get(m.key, m.key)) for m in r.mentions]
    r.countries = ordered_unique(held.get(c, c) for c in r.countries)


def _finish(r: Reading) -> list[Candidate]:
    """Roles, dates and titles of a reading whose frame and parties are settled."""
    actors = _fill_countries(r)
    if not r.countries and not actors:
        return []
    missing = _subject_missing(r)
    dated, news_only = _quoted_deixis(r, _pick_dates(r) or _dateline_day(r))
    published = r.article.published
    if dated and published and dated[0].value and dated[0].value.start > published:
        r.status = "planned"
    if dated and dated[0].value:
        _seats_of_the_day(r, dated[0].value.start)
    if not r.frame.borrows_subject:
        # Who fought or fell is told by the clause alone; a borrowed subject misleads.
        r.countries = ordered_unique(m.key for m in r.mentions if m.kind == COUNTRY)
    variant = "agreement" if r.agreed else _variant(r)
    joint = _joint(r)
    _order_sides(r, variant, joint)
    roles = agent_target(r.frame.roles, r.trigger, r.a, r.body, r.mentions, r.article.actors)
    if r.organisation is not None:
        roles[Role.ORGANISATION] = r.organisation
    host = _mission_host(r, variant, joint)
    if host in r.countries:
        roles[Role.HOST] = Filler(COUNTRY, host)
    target = roles.get(Role.TARGET)
    ousted = r.article.actors.get(target.key) if target is not None else None
    if r.frame.target_country_party and ousted is not None and ousted.country:
        # "Bashar al-Assad was overthrown": the ruler removed tells whose government fell.
        r.countries = ordered_unique([*r.countries, ousted.country])
    extra = {
        "variant": variant,
        "place": _place(r, roles, dated[0] if dated else None),
        "roles": roles,
        "joint": joint,
        "subject_missing": missing,
        "occasion": occasion(r.clause.sentence),
        "recent_timex": None if dated else _news_of_the_day(r),
        "news_only": news_only,
        "group": [c for c in r.group if c in r.countries],
    }
    return _build(r, actors, dated, extra)


def map_clause(
    article: Article,
    analyser: ClauseAnalyser,
    clause: Clause,
    previous: Candidate | None,
    told_before: Candidate | None = None,
) -> list[Candidate]:
    """The candidates one clause tells: none, one, or one per item it distributes over.
    ``told_before`` is the last happening of the sentence before."""
    parts = _coordinated(clause)
    if len(parts) > 1:
        out: list[Candidate] = []
        for part in parts:
            out += _map_one(article, analyser, part, out[-1] if out else previous, told_before)
        return out
    return _map_one(article, analyser, clause, previous, told_before)


# Two statements of the same clause, each with its own date: "Iran broke relations with
# Egypt in May 1979, and the United States cut off relations with Tehran in April 1980".
_COORDINATOR = re.compile(r"(?:,|;)\s+(?:and|while|whereas)\s+")


def _coordinated(clause: Clause) -> list[Clause]:
    """The clause cut between two coordinated statements, each with a trigger and a date of
    its own; the second borrows the first's subject when it names none ("..., and severed
    ties with Iraq in September 1980")."""
    body = clause.body
    triggers = sorted((m.start(), m.end()) for _, m, _ in _matches(body) if not nominal(m.group()))
    dates = [t.start - clause.start for t in dating_timexes(clause.timexes, clause.text)]
    for cut in _COORDINATOR.finditer(body):
        before = [t for t in triggers if t[1] <= cut.start()]
        after = [t for t in triggers if t[0] >= cut.end()]
        if not (before and after):
            continue
        dated_before = any(before[0][1] <= d < cut.start() for d in dates)
        dated_after = any(d >= after[0][1] for d in dates if d < len(body))
        if dated_before and dated_after:
            return _cut(clause, clause.start + cut.start(), clause.start + cut.end(), after[0][0])
    return _owned_pair(clause, body, dates) or _second_action(clause, body)


# "Lee's trip to China in May 1976 and then Deng's visit to Singapore in November 1978":
# two happenings named by their owners' nouns, joined by "and", each with its own date.
_OWNED = re.compile(r"['’]s\s+(?:[a-z-]+\s+){0,2}$")


def _owned_pair(clause: Clause, body: str, dates: list[int]) -> list[Clause]:
    owned = sorted(
        (m.start(), m.end())
        for _, m, _ in _matches(body)
        if nominal(m.group()) and _OWNED.search(body, max(0, m.start() - 40), m.start())
    )
    for cut in _AND.finditer(body):
        before = [t for t in owned if t[1] <= cut.start()]
        after = [t for t in owned if t[0] >= cut.end()]
        if not (before and after):
            continue
        dated_before = any(before[-1][1] <= d < cut.start() for d in dates)
        dated_after = any(d >= after[0][1] for d in dates if d < len(body))
        if dated_before and dated_after:
            return _cut(clause, clause.start + cut.start(), clause.start + cut.end(), after[0][0])
    return []


# "broke off ties with X and gave its diplomats 24 hours to leave": "and" right before the
# verb of a frame marked ``own_after_and`` opens a statement of its own, dated or not.
_AND = re.compile(r"\s+and\s+(?:then\s+|also\s+)?(?:(?:has|have|had)\s+)?")


# "the establishment of relations with X and the severance of ties with Y": a second
# noun of its own after "and" and a determiner; "recognised China and announced it would
# sever relations with Taiwan": a second act reported after "and".
_NOUN_AFTER_AND = re.compile(r"(?:the|its|their)\s+")
_PLAN_AFTER_AND = re.compile(
    r"(?:announced|said|declared|added|stated)\s+(?:that\s+)?(?:it|they|he|she)\s+(?:would|will)\s+"
)


def _second_action(clause: Clause, body: str) -> list[Clause]:
    found = sorted(
        (m.start(), m.end(), f, nominal(m.group()), spec.variant) for f, m, spec in _matches(body)
    )
    for cut in _AND.finditer(body):
        before = [t for t in found if t[1] <= cut.start()]
        if not before:
            continue
        plan = _PLAN_AFTER_AND.match(body, cut.end())
        if plan and any(t[0] == plan.end() for t in found):
            # A plan reported after the act is a statement of its own, whatever its frame.
            return _cut(clause, clause.start + cut.start(), clause.start + cut.end(), 0)
        noun = _NOUN_AFTER_AND.match(body, cut.end())
        # "established relations with China and severed ties with Taiwan": a break of
        # relations after "and" is a statement of its own; the closing of the embassy the
        # staff left ("withdrew its staff and closed its embassy") is not.
        switch = before[-1][2].families & {"relations"}
        after = [
            t
            for t in found
            if (t[2].own_after_and or (t[2].breaks_relations and (switch or t[4] != "mission")))
            and (
                (t[0] == cut.end() and not t[3]) or (noun and t[0] == noun.end() and before[-1][3])
            )
        ]
        if after and not compatible(after[0][2].code, before[-1][2].code):
            return _cut(clause, clause.start + cut.start(), clause.start + cut.end(), 0)
    return [clause]


def _cut(clause: Clause, end: int, resume: int, trigger: int) -> list[Clause]:
    first = replace(clause, end=end)
    second = replace(clause, start=resume, previous=(clause.start, end), frame_countries=[])
    own = [m for m in clause.mentions if m.kind == COUNTRY and resume <= m.start < resume + trigger]
    if not own:
        subject = [*clause.frame_countries] + [
            m.key for m in clause.mentions if m.kind == COUNTRY and clause.start <= m.start < end
        ]
        second.frame_countries = subject[:1]
    return [first, second]


def _map_one(
    article: Article,
    analyser: ClauseAnalyser,
    clause: Clause,
    previous: Candidate | None,
    told_before: Candidate | None = None,
) -> list[Candidate]:
    reading, timexes, countries = read_clause(article, analyser, clause)
    if reading is None:
        return elliptic(clause, timexes, countries, previous)
    if not _modality(reading):
        return []
    _becomes(reading)
    _venue_sides(reading, previous)
    _sides_of_the_clause_before(reading, previous)
    _member_of_the_clause_before(reading, previous)
    _sides_of_the_sentence_before(reading, told_before)
    _drop_outsiders(reading)
    _member_in_the_trigger(reading)
    each = _distributed(reading)
    if len(each) > 1:
        _side_of_the_list_before(each, told_before)
    return [cand for one in each for cand in _finish(one)]


def _side_of_the_list_before(items: list[Reading], before: Candidate | None) -> None:
    """ "Ghana established relations with A, B and C in 2006, 1987 and 1977,
    respectively. Ties between D, E and F were formed in 1964, 2003 and 1976,
    respectively": a list of partners that names no other side continues the list told
    just before, with its side."""
    if before is None or before.event.sentence != items[0].clause.sentence.index - 1:
        return
    if not items[0].frame.relational or before.event.type != items[0].frame.code:
        return
    side = before.event.countries[0] if before.event.countries else ""
    if side and all(len(r.countries) == 1 and side not in r.countries for r in items):
        for r in items:
            r.countries.insert(0, side)


def _without(r: Reading, others: set[str], **changes) -> Reading:
    """A copy of the reading that leaves out the countries of the other items."""
    return replace(
        r,
        mentions=[m for m in r.mentions if not (m.kind == COUNTRY and m.key in others)],
        countries=[c for c in r.countries if c not in others],
        **changes,
    )


def _item(r: Reading, item: Mention, timex: Timex, others: set[str]) -> Reading:
    """The reading of one item of a list: its partner and its date."""
    each = _without(r, others, timexes=[timex])
    each.mentions = sorted([*each.mentions, item], key=lambda m: m.start)
    each.countries = ordered_unique([*each.countries, item.key])
    return each


_EACH = re.compile(r"\b(?:each|separately|respectively|individually|in\s+turn)\b", re.I)


def _distributed(r: Reading) -> list[Reading]:
    """One reading per item of a list the predicate distributes over: "with China in
    1975, with Japan in 1981" (a partner and a date each); "the envoys of X and Y
    presented credentials to Z", "X and Y each established relations with Z" (each
    subject). Told jointly ("X and Y established relations with Z"), the subjects are one
    group acting with Z."""
    p = r.predicate
    if p.items:
        keys = {m.key for m, _ in p.items}
        return [_item(r, m, t, keys - {m.key}) for m, t in p.items]
    # A subject named only as no party ("Amid protests from China, Taiwan opened ...").
    own = [m for m in p.subjects if m.key not in r.outsiders]
    subjects = {m.key for m in own}
    partners = [
        m for m in r.mentions if m.kind == COUNTRY and m.start >= r.t_end and m.key not in subjects
    ]
    if not (subjects and partners and (r.frame.each_subject or r.spec.each_subject)):
        return [r]
    if r.spec.each_subject or _EACH.search(r.body):
        return [_without(r, subjects - {m.key}) for m in own]
    r.group = [m.key for m in own]
    return [r]


# A named meeting ("the “Lima” summit", "the Lima Summit"): sentences naming the same
# one tell one occasion.
_NAMED_MEETING = re.compile(
    r"(?<![\w’'-])[“\"‘']?(?P<name>[A-Z][\w’'-]*(?:[ -][A-Z][\w’'-]*){0,3})[”\"’']?\s+"
    r"(?:Summit|summit|Conference|conference)\b"
)
_NOT_A_NAME = {"the", "a", "an", "this", "that", "last", "next", "first", "second", "their", "its"}


def occasion(sentence: Sentence) -> str:
    for m in _NAMED_MEETING.finditer(sentence.text):
        words = [w for w in re.split(r"[\s-]+", m["name"]) if w.lower() not in _NOT_A_NAME]
        if words:
            return " ".join(w.lower() for w in words) + " summit"
    return ""


def elliptic(
    clause: Clause, timexes: list[Timex], countries: list[str], previous: Candidate | None
) -> list[Candidate]:
    """ "..., following Tonga last year": the previous clause's action, another country."""
    body = clause.body
    if previous is None or not timexes or not countries:
        return []
    if not re.match(r"\s*(?:following|like|as\s+with|as\s+did|after|just\s+as)\b", body, re.I):
        return []
    # Only a bare "following Tonga last year": anything longer tells its own story.
    rest = body
    named = [
        m for m in clause.mentions if m.kind == COUNTRY and clause.start <= m.start < clause.end
    ]
    for item in [*timexes, *named]:
        rest = rest.replace(clause.text[item.start : item.end], " ")
    if len(re.findall(r"[A-Za-z]+", rest)) > 3:
        return []
    prev = previous.event
    parties = ordered_unique([*previous.parties[:1], *countries])
    timex = timexes[0]
    event = EventCandidate(
        sentence=clause.sentence.index,
        type=prev.type,
        title="",
        date=timex.value,
        date_text=timex.text,
        date_rule=timex.rule,
        countries=parties,
        actors=[],
        trigger=prev.trigger,
        status="done",
    )
    cand = Candidate(
        event,
        timex,
        None,
        (clause.start, clause.end),
        list(parties),
        variant=previous.variant,  # the same action: "opened its embassy ..., following Tonga"
        object_text=previous.object_text,
    )
    event.title = title(cand, {})
    return [cand]
