"""Synthetic timelines for benchmarks and demos (``manage.py synthesize --events N``).

The data looks like what ingestion stores: real countries (ISO3 from the extraction's
lexicon), made-up people with titles and real-world organisations, a realistic mix of
event types and date precisions (days, months, years, seasons, ranges, some undated or
uncertain, a few with sources that disagree on the date), 1-3 source sentences per event,
in articles whose text holds those sentences at their offsets, with the mentions the
article page marks. Everything is drawn from one ``random.Random(seed)``: the same seed
gives the same data.

Rows are written with ``bulk_create`` in batches, in one transaction, bypassing the
extraction (this is data *for* the pages, not a test of the extractor) and the history
tables (nobody edited it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils.text import slugify

from .extraction.countries import CAPITAL, _lexicon
from .models import Actor, Article, Country, Event, Evidence, Mention, Sentence

BATCH = 2000
SOURCE_NAME = "synthetic:seed={seed}"

# --- vocabulary -------------------------------------------------------------------------
GIVEN = [
    "Amina",
    "Carlos",
    "Chen",
    "Dmitri",
    "Elena",
    "Farid",
    "Grace",
    "Hiroshi",
    "Ines",
    "Jakob",
    "Kwame",
    "Layla",
    "Mateo",
    "Nadia",
    "Olusegun",
    "Priya",
    "Rafael",
    "Sofia",
    "Tariq",
    "Ulla",
    "Viktor",
    "Wen",
    "Ximena",
    "Yusuf",
    "Zainab",
    "Anders",
    "Beatriz",
    "Cyril",
    "Dalia",
    "Emeka",
    "Fatima",
    "Goran",
    "Hana",
    "Ivan",
    "Joao",
    "Keiko",
    "Lars",
    "Mariam",
    "Nikos",
    "Omar",
]
FAMILY = [
    "Abadi",
    "Barros",
    "Castellanos",
    "Dimitrov",
    "Eriksen",
    "Fernandes",
    "Gurung",
    "Haddad",
    "Ibrahim",
    "Jansen",
    "Kovac",
    "Lindqvist",
    "Mensah",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quispe",
    "Rahman",
    "Santos",
    "Tanaka",
    "Umarov",
    "Varga",
    "Wojcik",
    "Xu",
    "Yilmaz",
    "Zhang",
    "Achebe",
    "Bianchi",
    "Cohen",
    "Duarte",
    "Eze",
    "Fischer",
    "Gomez",
    "Horvat",
    "Iqbal",
    "Jovanovic",
    "Kim",
    "Lopez",
    "Moreau",
    "Novak",
    "Ortiz",
    "Park",
    "Rossi",
    "Silva",
    "Tran",
    "Volkov",
    "Weber",
]
TITLES = [
    ("President", 3),
    ("Prime Minister", 3),
    ("Foreign Minister", 6),
    ("Defence Minister", 2),
    ("Trade Minister", 2),
    ("Ambassador", 4),
    ("Special Envoy", 2),
    ("Deputy Foreign Minister", 2),
]
ORGANISATIONS = [
    "United Nations",
    "European Union",
    "African Union",
    "NATO",
    "ASEAN",
    "Arab League",
    "World Bank",
    "International Monetary Fund",
    "Organization of American States",
    "Gulf Cooperation Council",
    "World Health Organization",
    "International Committee of the Red Cross",
    "Shanghai Cooperation Organisation",
    "Commonwealth of Nations",
    "World Trade Organization",
]
OUTLETS = [
    "The Daily Courier",
    "World Dispatch",
    "Global Affairs Weekly",
    "The Evening Ledger",
    "Capital Wire",
    "The Morning Herald",
    "Northern Star",
    "Pacific Review",
]
TOPICS = [
    "trade",
    "energy",
    "fisheries",
    "security",
    "climate",
    "health",
    "visa",
    "aviation",
    "education",
    "water",
]

# How often each type occurs, and how it is told: a title, then sentences (one per
# source, in turn). {a}/{b}: countries; {who}: an actor or {a}; {org}: an organisation;
# {date}: the date as the sentence words it (or nothing); {topic}: a policy area.
TYPES: dict[str, tuple[float, str, list[str]]] = {
    "meet": (
        18,
        "{a} and {b} hold talks",
        [
            "{who} met officials from {b} {date} to discuss {topic} cooperation.",
            "Officials said the delegations of {a} and {b} held talks {date}.",
            "{b} confirmed that it had met {who} {date}.",
        ],
    ),
    "visit": (
        11,
        "{who_name} visits {b}",
        [
            "{who} arrived in {b} {date} for a two-day official visit.",
            "The visit by {who} to {b} {date} was the first in a decade.",
            "{b} welcomed {who} {date}, state media reported.",
        ],
    ),
    "criticise": (
        10,
        "{a} criticises {b}",
        [
            "{who} sharply criticised {b} {date} over its {topic} policy.",
            "{a} condemned the decision by {b} {date}, calling it unacceptable.",
        ],
    ),
    "sign_agreement": (
        9,
        "{a} and {b} sign a {topic} agreement",
        [
            "{a} and {b} signed a {topic} agreement {date}.",
            "The {topic} accord between {a} and {b} was signed {date} by {who}.",
            "{who} put {a}'s signature to the {topic} deal with {b} {date}.",
        ],
    ),
    "announce": (
        8,
        "{a} announces a new embassy in {b}",
        [
            "{who} announced {date} that {a} would open an embassy in {b}.",
            "{a} said {date} it planned to open a mission in {b}.",
        ],
    ),
    "negotiate": (
        7,
        "{a} and {b} negotiate on {topic}",
        [
            "Negotiators from {a} and {b} resumed talks on {topic} {date}.",
            "{who} said {date} that negotiations with {b} were making progress.",
        ],
    ),
    "appeal": (
        6,
        "{who_name} calls on {b} to return to talks",
        [
            "{who} called on {b} {date} to return to the negotiating table.",
            "{a} urged {b} {date} to release detained nationals.",
        ],
    ),
    "praise": (
        5,
        "{a} welcomes the {topic} reforms in {b}",
        [
            "{who} welcomed the {topic} reforms adopted by {b} {date}.",
            "{a} praised {b} {date} for its role in the {topic} talks.",
        ],
    ),
    "impose_sanctions": (
        4,
        "{a} imposes sanctions on {b}",
        [
            "{a} imposed new sanctions on {b} {date}, targeting its {topic} sector.",
            "The sanctions announced by {who} {date} hit officials in {b}.",
        ],
    ),
    "intent": (
        4,
        "{a} and {b} agree to deepen {topic} cooperation",
        [
            "{a} and {b} agreed {date} to deepen their cooperation on {topic}.",
            "{who} said {date} that {a} was ready to work with {b} on {topic}.",
        ],
    ),
    "provide_aid": (
        4,
        "{a} sends aid to {b}",
        [
            "{a} pledged millions in humanitarian aid to {b} {date}.",
            "Aid from {a} reached {b} {date}, {who} said.",
        ],
    ),
    "establish_relations": (
        2,
        "{a} and {b} establish diplomatic relations",
        [
            "{a} and {b} established diplomatic relations {date}.",
            "{who} said {a} had established full diplomatic ties with {b} {date}.",
        ],
    ),
    "reduce_relations": (
        2,
        "{a} breaks off relations with {b}",
        [
            "{a} broke off diplomatic relations with {b} {date}.",
            "{who} announced {date} that {a} was cutting ties with {b}.",
        ],
    ),
    "expel_withdraw": (
        2,
        "{a} expels diplomats from {b}",
        [
            "{a} expelled two diplomats from {b} {date}.",
            "{who} ordered the diplomats of {b} to leave {a} {date}.",
        ],
    ),
    "ease_sanctions": (
        2,
        "{a} eases sanctions on {b}",
        [
            "{a} eased sanctions on {b} {date}.",
            "{who} lifted part of the {topic} sanctions on {b} {date}.",
        ],
    ),
    "recognise": (
        1,
        "{a} recognises {b}",
        [
            "{a} formally recognised {b} {date}.",
            "The recognition of {b} by {a} {date} was welcomed by {who}.",
        ],
    ),
    "join_organisation": (
        1,
        "{a} joins the {org}",
        [
            "{a} became a member of the {org} {date}.",
            "The {org} admitted {a} as a member {date}.",
        ],
    ),
    "armed_conflict": (
        1.5,
        "Fighting between {a} and {b}",
        [
            "Fighting broke out between {a} and {b} {date}.",
            "The war between {a} and {b} {date} displaced thousands.",
        ],
    ),
    "regime_change": (
        0.5,
        "Military seizes power in {a}",
        [
            "The military seized power in {a} {date}.",
            "{b} condemned the coup in {a} {date}.",
        ],
    ),
    "other": (
        2,
        "{a} and {b} hold a joint commemoration",
        [
            "{a} and {b} held a joint commemoration {date}.",
            "{who} attended the ceremony in {b} {date}.",
        ],
    ),
}
# Sentences in the articles that report no event: context, some of them dated (the
# review queue's work).
FILLERS = [
    "Relations between {a} and {b} have been strained for years.",
    "Analysts in {a} said the move was long expected.",
    "{a} and {b} fought over the border in {year}.",
    "Trade between {a} and {b} doubled in {year}.",
    "The talks come amid rising tension in the region.",
]
# (precision, weight). "" is undated.
PRECISIONS = [("day", 55), ("month", 18), ("year", 12), ("range", 7), ("season", 3), ("", 5)]
SOURCES = [(1, 45), (2, 35), (3, 20)]
SEASONS = [("early", 1, 4), ("mid-", 5, 8), ("late", 9, 12)]
FIRST_YEAR, LAST_YEAR = 1990, 2025
TOKEN = re.compile(r"\{(\w+)\}")


# --- the plan (pure Python) -----------------------------------------------------------------


@dataclass
class DatePlan:
    start: dt.date | None
    end: dt.date | None
    precision: str
    edtf: str
    display: str
    phrase: str  # how a sentence says it, "on 3 May 2021"


@dataclass
class EventPlan:
    type: str
    title: str
    countries: list[str]
    actors: list[int]  # indexes into the actor plans
    date: DatePlan
    sources: int
    certain: bool = True
    planned: bool = False
    values: dict = field(default_factory=dict)  # the words its sentences use
    sentences: list[tuple[int, int]] = field(default_factory=list)  # (article, index)


@dataclass
class ActorPlan:
    name: str
    kind: str
    title: str
    country: str | None


@dataclass
class Piece:
    """A sentence as it is composed: its text and the marks in it (offsets in the sentence)."""

    text: str
    marks: list[tuple[int, int, str, object]]  # (start, end, kind, country/actor index/date)


def states() -> list[str]:
    """The states that make diplomatic news: those the lexicon knows a capital of (UN members
    and a few more), not dependent territories."""
    lexicon = _lexicon()
    return sorted(
        {code for code, how in lexicon.forms.values() if how == CAPITAL and code in lexicon.display}
    )


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def _year(rng: random.Random) -> int:
    # Most news is recent: years back from the last, geometrically fewer.
    back = min(int(rng.expovariate(1 / 6)), LAST_YEAR - FIRST_YEAR)
    return LAST_YEAR - back


def _day(d: dt.date) -> str:
    return f"{d.day} {d:%B %Y}"


def plan_date(rng: random.Random, precision: str) -> DatePlan:
    if not precision:
        return DatePlan(None, None, "", "", "", "")
    year = _year(rng)
    day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
    if precision == "day":
        return DatePlan(day, day, "day", day.isoformat(), _day(day), f"on {_day(day)}")
    if precision == "month":
        first = day.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return DatePlan(first, last, "month", f"{day:%Y-%m}", f"{day:%B %Y}", f"in {day:%B %Y}")
    if precision == "year":
        return DatePlan(
            dt.date(year, 1, 1), dt.date(year, 12, 31), "year", str(year), str(year), f"in {year}"
        )
    if precision == "season":
        word, first_month, last_month = rng.choice(SEASONS)
        start = dt.date(year, first_month, 1)
        end = dt.date(year, last_month, 30 if last_month in (4, 9) else 31)
        edtf = f"{start:%Y-%m}/{end:%Y-%m}"
        text = f"{word}{'' if word.endswith('-') else ' '}{year}"
        return DatePlan(start, end, "season", edtf, text, f"in {text}")
    end = day + dt.timedelta(days=rng.randint(1, 12))
    display = (
        f"{day.day}–{_day(end)}"
        if (day.year, day.month) == (end.year, end.month)
        else f"{_day(day)} – {_day(end)}"
    )
    edtf = f"{day.isoformat()}/{end.isoformat()}"
    return DatePlan(day, end, "range", edtf, display, f"from {_day(day)} to {_day(end)}")


class Planner:
    """Draws the whole synthetic corpus from one seed, before anything is written."""

    def __init__(self, events: int, seed: int):
        self.rng = random.Random(seed)
        self.n = events
        self.seed = seed
        codes = states()
        self.rng.shuffle(codes)
        # A few countries are in most of the news (Zipf-like weights).
        self.countries = codes
        self.country_weights = [1 / (rank + 3) for rank in range(len(codes))]
        self.actors = self._plan_actors()
        self.by_country: dict[str, list[int]] = defaultdict(list)
        for i, actor in enumerate(self.actors):
            if actor.country:
                self.by_country[actor.country].append(i)
        self.orgs = [i for i, a in enumerate(self.actors) if a.kind == "organisation"]

    def _plan_actors(self) -> list[ActorPlan]:
        rng = self.rng
        persons = max(12, min(self.n // 12, 2000))
        names = [f"{g} {f}" for g in GIVEN for f in FAMILY]
        rng.shuffle(names)
        actors = [
            ActorPlan(
                name,
                "person",
                _weighted(rng, TITLES),
                rng.choices(self.countries, self.country_weights)[0],
            )
            for name in names[:persons]
        ]
        return actors + [ActorPlan(name, "organisation", "", None) for name in ORGANISATIONS]

    def _pick_countries(self) -> list[str]:
        k = _weighted(self.rng, [(2, 82), (3, 18)])
        chosen: list[str] = []
        while len(chosen) < k:
            code = self.rng.choices(self.countries, self.country_weights)[0]
            if code not in chosen:
                chosen.append(code)
        return chosen

    def _pick_actors(self, countries: list[str], type_code: str) -> list[int]:
        rng = self.rng
        pool = [i for code in countries for i in self.by_country.get(code, [])]
        chosen = []
        if pool and rng.random() < 0.75:
            chosen.append(rng.choice(pool))
            if len(pool) > 1 and rng.random() < 0.25:
                other = rng.choice(pool)
                if other not in chosen:
                    chosen.append(other)
        if type_code == "join_organisation" or rng.random() < 0.06:
            chosen.append(rng.choice(self.orgs))
        return chosen

    def event(self) -> EventPlan:
        rng = self.rng
        type_code = rng.choices(list(TYPES), [spec[0] for spec in TYPES.values()])[0]
        precision = _weighted(rng, PRECISIONS)
        if type_code in ("armed_conflict", "regime_change") and rng.random() < 0.6:
            precision = rng.choice(["year", "range", "month"])
        countries = self._pick_countries()
        actors = self._pick_actors(countries, type_code)
        date = plan_date(rng, precision)
        sources = _weighted(rng, SOURCES)
        plan = EventPlan(type_code, "", countries, actors, date, sources)
        plan.certain = bool(date.start) and rng.random() > 0.07
        plan.planned = type_code in ("visit", "meet", "sign_agreement") and rng.random() < 0.05
        persons = [i for i in actors if self.actors[i].kind == "person"]
        orgs = [i for i in actors if self.actors[i].kind == "organisation"]
        plan.values = {
            "a": countries[0],
            "b": countries[1] if len(countries) > 1 else countries[0],
            "who": persons[0] if persons else None,
            "org": orgs[0] if orgs else rng.choice(self.orgs),
            "topic": rng.choice(TOPICS),
        }
        plan.title = self.render(TYPES[type_code][1], plan.values, "").text
        if plan.values["org"] not in actors and "{org}" in TYPES[type_code][1]:
            actors.append(plan.values["org"])
        return plan

    def render(self, template: str, values: dict, phrase: str) -> Piece:
        """The template with its words filled in, and where each country, actor and date is."""
        text, marks = "", []
        for i, part in enumerate(TOKEN.split(template)):
            if i % 2 == 0:
                text += part
                continue
            start = len(text)
            if part in ("a", "b"):
                text += _lexicon().display[values[part]]
                marks.append((start, len(text), "country", values[part]))
            elif part in ("who", "who_name", "org"):
                index = values["org"] if part == "org" else values["who"]
                if index is None:
                    text += _lexicon().display[values["a"]]
                    marks.append((start, len(text), "country", values["a"]))
                    continue
                actor = self.actors[index]
                name_start = start
                if part == "who" and actor.title:
                    text += f"{actor.title} "
                    name_start = len(text)
                text += actor.name
                marks.append((name_start, len(text), actor.kind, index))
            elif part == "date":
                if not phrase:  # undated: the sentence simply says no date
                    text = text.rstrip(" ")
                    continue
                text += phrase
                marks.append((start, len(text), "date", values.get("display", "")))
            else:
                text += str(values[part])
        return Piece(text[0].upper() + text[1:], marks)


@dataclass
class ArticlePlan:
    title: str
    outlet: str
    published: dt.date
    slug: str = ""
    # (sentence, event index or None); None between two pieces starts a new paragraph
    pieces: list[tuple[Piece, int | None] | None] = field(default_factory=list)


@dataclass
class Corpus:
    seed: int
    actors: list[ActorPlan]
    events: list[EventPlan]
    articles: list[ArticlePlan]


def _source_piece(planner: Planner, event: EventPlan, j: int) -> Piece:
    sentences = TYPES[event.type][2]
    date = event.values.get("dates", [event.date] * event.sources)[j]
    values = event.values | {"display": date.display, "who_name": event.values["who"]}
    return planner.render(sentences[j % len(sentences)], values, date.phrase)


def _disagree(planner: Planner, event: EventPlan) -> None:
    """Now and then two sources give dates a day apart: the event's date is uncertain."""
    dates = [event.date] * event.sources
    if event.sources > 1 and event.date.precision == "day" and planner.rng.random() < 0.12:
        other = event.date.start - dt.timedelta(days=1)
        dates[-1] = DatePlan(
            other, other, "day", other.isoformat(), _day(other), f"on {_day(other)}"
        )
        event.certain = False
    event.values["dates"] = dates


def _filler(planner: Planner, countries: list[str]) -> Piece:
    a = countries[0]
    b = countries[-1] if len(countries) > 1 else planner.rng.choice(planner.countries)
    year = _year(planner.rng)
    template = planner.rng.choice(FILLERS)
    values = {"a": a, "b": b, "who": None, "org": planner.orgs[0], "display": str(year)}
    piece = planner.render(template.replace("{year}", "{date}"), values, str(year))
    return piece


def plan_corpus(events: int, seed: int) -> Corpus:
    """The whole corpus, drawn from the seed: events, then articles that report them."""
    planner = Planner(events, seed)
    rng = planner.rng
    plans = [planner.event() for _ in range(events)]
    slots = []  # (when reported, event, source number)
    for i, event in enumerate(plans):
        _disagree(planner, event)
        when = event.date.end or dt.date(_year(rng), 1, 1) + dt.timedelta(days=rng.randrange(365))
        for j in range(event.sources):
            slots.append((when + dt.timedelta(days=rng.randint(0, 3 + 20 * j)), i, j))
    slots.sort()
    articles: list[ArticlePlan] = []
    k = 0
    while k < len(slots):
        run = slots[k : k + rng.randint(3, 8)]
        k += len(run)
        first = plans[run[0][1]]
        article = ArticlePlan(first.title, rng.choice(OUTLETS), run[-1][0])
        pieces = [(_source_piece(planner, plans[i], j), i) for _when, i, j in run]
        for _ in range(rng.choice([0, 1, 1, 2])):
            pieces.insert(rng.randrange(len(pieces) + 1), (_filler(planner, first.countries), None))
        for n, piece in enumerate(pieces):
            if n and rng.random() < 0.4:
                article.pieces.append(None)
            article.pieces.append(piece)
        articles.append(article)
    return Corpus(seed, planner.actors, plans, articles)


# --- writing ------------------------------------------------------------------------------


def _text(article: ArticlePlan) -> tuple[str, list[tuple[int, Piece, int | None]]]:
    """The article's text, and each sentence's start in it."""
    text, placed = "", []
    for item in article.pieces:
        if item is None:
            text += "\n"
            continue
        piece, event = item
        if text and not text.endswith("\n"):
            text += " "
        placed.append((len(text), piece, event))
        text += piece.text
    return text + "\n", placed


def _date_rule(event: EventPlan, first_sentence: str) -> str:
    if not event.date.start:
        return "No date in the sources."
    if not event.certain and len({d.display for d in event.values["dates"]}) > 1:
        return "The sources give different dates."
    quoted = first_sentence if len(first_sentence) <= 60 else first_sentence[:59] + "…"
    rule = f"stated: ‘{event.date.display}’ in “{quoted}”"
    return rule if event.certain else rule + "; the sources leave the exact date open"


def _unique(base: str, taken: set[str], limit: int = 90) -> str:
    slug, n = base[:limit].strip("-") or "item", 2
    while slug in taken:
        slug = f"{base[: limit - 6].strip('-')}-{n}"
        n += 1
    taken.add(slug)
    return slug


def _bulk(model, rows: list, *, ignore_conflicts: bool = False) -> list:
    return model.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=ignore_conflicts)


def _insert(model, columns: list[str], rows: list[tuple]) -> int:
    """Plain ``executemany`` INSERTs, for the big tables whose new ids nobody reads back:
    ``bulk_create`` builds a model instance and a long statement per row, which made
    these tables most of the time."""
    meta, quote = model._meta, connection.ops.quote_name
    names = ", ".join(quote(meta.get_field(c).column) for c in columns)
    holes = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {quote(meta.db_table)} ({names}) VALUES ({holes})"
    with connection.cursor() as cursor:
        for i in range(0, len(rows), BATCH * 5):
            cursor.executemany(sql, rows[i : i + BATCH * 5])
    return len(rows)


@dataclass
class Placed:
    """A stored sentence: its id, its article's, where it starts, and what it says."""

    pk: int
    article_id: int
    start: int
    piece: Piece


class Writer:
    """Stores a planned corpus: every table in a few ``bulk_create`` calls, in one transaction."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus

    @transaction.atomic
    def write(self) -> dict[str, int]:
        corpus = self.corpus
        source = SOURCE_NAME.format(seed=corpus.seed)
        if Article.objects.filter(source_name=source).exists():
            raise ValueError(
                f"this database already holds the synthetic data of seed {corpus.seed}"
            )
        self._countries()
        actors = self._actors()
        articles, sentences = self._articles(source)
        events = self._events(sentences)
        evidence = self._evidence(events, sentences)
        mentions = self._mentions(sentences, actors)
        self._links(events, actors)
        return {
            "events": len(events),
            "articles": len(articles),
            "sentences": len(sentences),
            "evidence": evidence,
            "mentions": mentions,
            "actors": len(corpus.actors),
        }

    def _countries(self) -> None:
        used = {c for e in self.corpus.events for c in e.countries}
        used |= {a.country for a in self.corpus.actors if a.country}
        used |= {  # the fillers name countries of their own
            value
            for article in self.corpus.articles
            for item in article.pieces
            if item
            for _start, _end, kind, value in item[0].marks
            if kind == "country"
        }
        names = _lexicon().display
        _bulk(
            Country, [Country(iso3=c, name=names[c]) for c in sorted(used)], ignore_conflicts=True
        )

    def _actors(self) -> list[Actor]:
        plans = self.corpus.actors
        keys = [f"synthetic:{slugify(a.name)}" for a in plans]
        existing = {a.key: a for a in Actor.objects.filter(key__in=keys)}
        taken = set(Actor.objects.values_list("slug", flat=True))
        new = [
            Actor(
                key=key,
                slug=_unique(slugify(plan.name), taken),
                name=plan.name,
                kind=plan.kind,
                title=plan.title,
                country_id=plan.country,
            )
            for key, plan in zip(keys, plans, strict=True)
            if key not in existing
        ]
        existing |= {a.key: a for a in _bulk(Actor, new)}
        return [existing[key] for key in keys]

    def _articles(self, source: str):
        """Articles, then their sentences; ``sentences`` maps (article, index) to the row and
        remembers each sentence's piece and event."""
        taken = set(Article.objects.values_list("slug", flat=True))
        rows, placed_all = [], []
        for plan in self.corpus.articles:
            text, placed = _text(plan)
            plan.slug = _unique(slugify(plan.title)[:70], taken)
            rows.append(
                Article(
                    slug=plan.slug,
                    content_hash=hashlib.sha256(text.encode()).hexdigest(),
                    text=text,
                    title=plan.title,
                    url=f"https://news.example.org/{plan.published:%Y/%m}/{plan.slug}",
                    outlet=plan.outlet,
                    published=plan.published,
                    published_source=Article.DateSource.HEADER,
                    published_certain=True,
                    source_name=source,
                )
            )
            placed_all.append(placed)
        articles = _bulk(Article, rows)
        sentence_rows, info = [], {}
        for a, (article, placed) in enumerate(zip(articles, placed_all, strict=True)):
            for index, (start, piece, event) in enumerate(placed):
                sentence_rows.append(
                    (article.pk, index, start, start + len(piece.text), piece.text)
                )
                info[(article.pk, index)] = (a, piece, start)
                if event is not None:
                    self.corpus.events[event].sentences.append((a, index))
        _insert(Sentence, ["article", "index", "start", "end", "text"], sentence_rows)
        # Their ids, in one query: the evidence and the mentions point at them.
        stored = Sentence.objects.filter(article_id__gte=articles[0].pk).values_list(
            "pk", "article_id", "index"
        )
        sentences = {}
        for pk, article_id, index in stored.iterator(chunk_size=BATCH * 5):
            if (article_id, index) in info:
                a, piece, start = info[(article_id, index)]
                sentences[(a, index)] = Placed(pk, article_id, start, piece)
        return articles, sentences

    def _events(self, sentences) -> list[Event]:
        rows = []
        for plan in self.corpus.events:
            first = sentences[plan.sentences[0]].piece
            conflicts = []
            dates = plan.values["dates"]
            if len({d.display for d in dates}) > 1:
                claims = [
                    {
                        "value": date.display,
                        "article": self.corpus.articles[a].slug,
                        "sentence": index,
                        "text": sentences[(a, index)].piece.text,
                    }
                    for (a, index), date in zip(plan.sentences, dates, strict=True)
                ]
                conflicts.append({"field": "date", "claims": claims})
            rows.append(
                Event(
                    title=plan.title[:300],
                    type=plan.type,
                    status=Event.Status.PLANNED if plan.planned else Event.Status.DONE,
                    start=plan.date.start,
                    end=plan.date.end,
                    precision=plan.date.precision,
                    edtf=plan.date.edtf,
                    date_display=plan.date.display,
                    date_rule=_date_rule(plan, first.text),
                    date_certain=plan.certain,
                    conflicts=conflicts,
                )
            )
        return _bulk(Event, rows)

    def _evidence(self, events: list[Event], sentences) -> int:
        claims = Evidence._meta.get_field("claims").get_db_prep_save({}, connection)
        rows = [
            (
                event.pk,
                sentences[key].pk,
                date.phrase.removeprefix("on ").removeprefix("in ")[:200],
                date.display,
                date.edtf,
                claims,
                Evidence.Origin.EXTRACTION.value,
                False,
            )
            for event, plan in zip(events, self.corpus.events, strict=True)
            for key, date in zip(plan.sentences, plan.values["dates"], strict=True)
        ]
        columns = ["event", "sentence", "date_text", "date_display", "date_edtf", "claims"]
        return _insert(Evidence, [*columns, "origin", "rejected"], rows)

    def _mentions(self, sentences, actors: list[Actor]) -> int:
        rows = []
        for placed in sentences.values():
            piece = placed.piece
            for start, end, kind, value in piece.marks:
                rows.append(
                    (
                        placed.article_id,
                        placed.pk,
                        placed.start + start,
                        placed.start + end,
                        piece.text[start:end],
                        kind,
                        value if kind == "date" else "",
                        value if kind == "country" else None,
                        actors[value].pk if kind in ("person", "organisation") else None,
                    )
                )
        columns = ["article", "sentence", "start", "end", "text", "kind", "value", "country"]
        return _insert(Mention, [*columns, "actor"], rows)

    def _links(self, events: list[Event], actors: list[Actor]) -> None:
        pairs = list(zip(events, self.corpus.events, strict=True))
        _insert(
            Event.countries.through,
            ["event", "country"],
            [(event.pk, code) for event, plan in pairs for code in plan.countries],
        )
        _insert(
            Event.actors.through,
            ["event", "actor"],
            [(event.pk, actors[i].pk) for event, plan in pairs for i in dict.fromkeys(plan.actors)],
        )


def synthesize(events: int, *, seed: int = 1) -> dict[str, int]:
    """Plan ``events`` synthetic events from ``seed`` and store them with their sources."""
    stored = Writer(plan_corpus(events, seed)).write()
    # As after any bulk load: fresh statistics for the query planner. Without them,
    # PostgreSQL planned a filtered page of 20,000 events into a minute of nested loops
    # until autovacuum came by (SQLite keeps none unless asked).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return stored
