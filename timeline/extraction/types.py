"""The extraction contract: plain dataclasses passed between the stages.

Nothing here imports Django. Offsets are always character offsets into the
article's full text (header block included), so a sentence or a mention can be
highlighted in the stored text without any re-computation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

# Precision of a date value. A "range" runs between two points whose own unit
# is written in the EDTF form (``2025-02-05/2025-02-07``).
DAY = "day"
MONTH = "month"
SEASON = "season"  # part of a year: "late 2024", "spring 2023"
YEAR = "year"
DECADE = "decade"
CENTURY = "century"
RANGE = "range"
PRECISIONS = (DAY, MONTH, SEASON, YEAR, DECADE, CENTURY, RANGE)


@dataclass(frozen=True)
class DateValue:
    """A calendar span as precise as the source gives it.

    ``start`` and ``end`` are the first and last day covered (inclusive):
    "1975" is 1975-01-01..1975-12-31 at year precision, never 1 January.
    """

    start: dt.date
    end: dt.date
    precision: str
    edtf: str
    display: str
    approximate: bool = False

    def overlaps(self, other: DateValue) -> bool:
        return self.start <= other.end and other.start <= self.end

    def contains(self, other: DateValue) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Header:
    """The optional ``key: value`` block at the top of an article."""

    fields: dict[str, str]
    body_start: int  # offset where the article body begins

    @property
    def title(self) -> str:
        return self.fields.get("title", "")

    @property
    def url(self) -> str:
        return self.fields.get("url", "")

    @property
    def outlet(self) -> str:
        return self.fields.get("outlet", "")

    @property
    def published(self) -> str:
        return self.fields.get("published", "")


# How a publication date was obtained, in order of trust.
PUB_HEADER = "header"
PUB_DATELINE = "dateline"
PUB_INFERRED = "inferred"
PUB_UNKNOWN = "unknown"


@dataclass(frozen=True)
class PublicationDate:
    value: dt.date | None
    source: str  # PUB_HEADER | PUB_DATELINE | PUB_INFERRED | PUB_UNKNOWN
    evidence: str = ""  # human-readable: the line read, or the reasoning
    certain: bool = True
    alternatives: tuple[dt.date, ...] = ()  # other consistent days, when inferred


@dataclass(frozen=True)
class Timex:
    """A temporal expression found in the text.

    ``kind`` is "date" (a point or span on the calendar), "duration"
    ("13 years", "over half a century") or "set" ("every year"). Durations are
    kept but never become event dates. ``role`` qualifies a date: "since",
    "until", "before", "after" or "".
    """

    start: int
    end: int
    text: str
    sentence: int
    kind: str
    value: DateValue | None  # None when it needs a publication date we lack
    relative: bool  # True when the value depends on the publication date
    rule: str  # how the value was obtained, for people to read
    role: str = ""
    # Opaque to callers: what temporal.resolve() needs to re-resolve this
    # expression against another publication date.
    spec: object = None


# Kinds of mention.
COUNTRY = "country"
PERSON = "person"
ORGANISATION = "organisation"
GROUP = "group"  # armed or political groups, delegations


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    sentence: int
    kind: str  # COUNTRY | PERSON | ORGANISATION | GROUP
    key: str  # ISO3 for countries; the actor key otherwise


@dataclass
class ActorInfo:
    """One actor as the extraction sees it, aliases merged."""

    key: str  # stable normalised key (used to match across articles)
    name: str  # preferred display name
    kind: str  # PERSON | ORGANISATION | GROUP
    aliases: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)  # "Foreign Minister", ...
    country: str = ""  # ISO3 when known


@dataclass
class EventCandidate:
    """A dated statement: one happening as one sentence reports it."""

    sentence: int
    type: str  # an event type code, see events.EVENT_TYPES
    title: str
    date: DateValue | None
    date_text: str  # the temporal expression as written
    date_rule: str  # how the date was obtained
    countries: list[str] = field(default_factory=list)  # ISO3
    actors: list[str] = field(default_factory=list)  # actor keys
    trigger: str = ""  # the words that named the action
    status: str = "done"  # "done" | "planned" (not yet happened on publication)
    claims: dict[str, str] = field(default_factory=dict)  # e.g. {"count": "191"}


# --- within the extraction: clauses, roles and typed candidates ---------------------


class Modality(StrEnum):
    """How a clause tells its predicate: as done, as planned, as a mere possibility or wish,
    or only as what someone said (the reporting frame around it)."""

    DONE = "done"
    PLANNED = "planned"
    HYPOTHETICAL = "hypothetical"
    REPORTED = "reported"


class Voice(StrEnum):
    ACTIVE = "active"
    PASSIVE = "passive"


class Role(StrEnum):
    """Who plays which part in a happening; frames (data/frames.toml) say which clause
    arguments fill which role."""

    AGENT = "agent"  # who acts: the one who overthrows, visits, attacks, expels
    TARGET = "target"  # on whom: the one overthrown, met, attacked (an actor or a phrase)
    ORGANISATION = "organisation"  # the organisation joined or left
    HOST = "host"  # the country a mission is opened or closed in ("an office in Taiwan")


@dataclass(frozen=True)
class Filler:
    """What fills a role: a country (ISO3), an actor (its key), or only a phrase the text
    gives ("the Hakim regime")."""

    kind: str  # COUNTRY | PERSON | ORGANISATION | GROUP | "phrase"
    key: str

    @property
    def is_country(self) -> bool:
        return self.kind == COUNTRY


@dataclass
class Candidate:
    """One event candidate with what titles, clustering and dating need beyond the
    public ``EventCandidate``: the clause it came from, the roles filled, the date
    expressions of the happening and of its report."""

    event: EventCandidate
    timex: Timex | None  # the expression that dates it
    report_timex: Timex | None = None  # the date of the report carrying it
    clause: tuple[int, int] = (0, 0)
    parties: list[str] = field(default_factory=list)  # countries, acting side first
    variant: str = ""  # the trigger's variant in the frame ("mission", "upgrade", ...)
    place: str = ""  # a capital named as the place ("visits Hanoi"), or the place visited
    object_text: str = ""  # "joint statement", "humanitarian aid", "Middle East war", ...
    roles: dict[Role, Filler] = field(default_factory=dict)
    joint: bool = False  # "X and Y agreed": both countries are the subject
    subject_missing: bool = False  # "ties with Iran were cut": no country acts
    occasion: str = ""  # a named meeting the sentence ties it to ("the Lima summit")
    # "Peru has cut relations with Fiji": the publication day, the date of the news when
    # no source dates the happening better.
    recent_timex: Timex | None = None
    # Dated only by a speaker's "today" with no day of the words told: news of the day,
    # which any date a source states outranks (clustering).
    news_only: bool = False
    # Countries acting together with the other party: "Barbados, Guyana, Jamaica and
    # Trinidad and Tobago established relations with Cuba".
    group: list[str] = field(default_factory=list)
    # "The move leaves Taiwan with 12 allies": the sentence of the happening this one only
    # names again (anaphors.py); it joins whatever happening that sentence joins.
    points_back: int | None = None

    @property
    def candidate(self) -> EventCandidate:
        return self.event

    @property
    def countries_in_order(self) -> list[str]:
        return self.parties

    @property
    def agent(self) -> Filler | None:
        return self.roles.get(Role.AGENT)

    @property
    def target(self) -> Filler | None:
        return self.roles.get(Role.TARGET)

    @property
    def organisation(self) -> Filler | None:
        return self.roles.get(Role.ORGANISATION)


@dataclass
class ArticleExtraction:
    header: Header
    title: str
    published: PublicationDate
    sentences: list[Sentence]
    timexes: list[Timex]
    mentions: list[Mention]
    actors: list[ActorInfo]
    events: list[EventCandidate]


# --- Across articles: what build_timeline() returns -------------------------


@dataclass(frozen=True)
class DocInput:
    """One stored article handed to the cross-article stage."""

    key: str  # the article's natural key (content hash)
    text: str
    # A publication date the pipeline must take as given (header or editor);
    # None lets the pipeline find it in the text or infer it.
    published: dt.date | None = None
    published_source: str = ""  # PUB_HEADER, or "editor"
    # How people know the article (its title or slug): what explanations such
    # as "how the date was obtained" name, instead of the opaque key.
    label: str = ""


@dataclass(frozen=True)
class EvidenceRef:
    """One sentence that reports a happening, with what it claims."""

    article: str  # DocInput.key
    sentence: int
    date_text: str = ""
    date: DateValue | None = None  # the date this sentence alone gives
    claims: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Conflict:
    """Sources disagree on one field: every claim is kept with its sentence."""

    field: str  # "date", "count", "name", ...
    claims: tuple[tuple[str, EvidenceRef], ...]  # (value as displayed, where)


@dataclass
class TimelineEvent:
    """One real-world happening, with every sentence reporting it."""

    type: str
    title: str
    date: DateValue | None
    date_rule: str  # how the date was obtained (stated / resolved / inferred + evidence)
    date_certain: bool
    countries: list[str]
    actors: list[str]  # actor keys
    evidence: list[EvidenceRef]
    conflicts: list[Conflict] = field(default_factory=list)
    status: str = "done"  # "planned" when every source says it had not happened yet

    @property
    def corroboration(self) -> int:
        """How many distinct articles report it."""
        return len({ref.article for ref in self.evidence})


@dataclass
class TimelineResult:
    articles: dict[str, ArticleExtraction]  # by DocInput.key, publication dates resolved
    events: list[TimelineEvent]
    actors: list[ActorInfo]  # merged across articles (aliases from every article)
    near_duplicates: dict[str, str] = field(default_factory=dict)  # copy key -> original key
