"""Read-only queries the pages, the API and the exports share."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import (
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
)
from django.db.models.functions import Coalesce

from .models import (
    Actor,
    ActorAlias,
    Article,
    Country,
    Event,
    EventQuerySet,
    Evidence,
    Mention,
    Sentence,
)


def visible_events() -> EventQuerySet:
    return Event.objects.visible()


def accepted_evidence() -> QuerySet[Evidence]:
    """Evidence an editor has not rejected, with its sentence and article, oldest article first.

    Without the article's text: a source names its article, and one copy of the whole
    text per evidence row would make every listed event cost its articles' length.
    """
    return (
        Evidence.objects.filter(rejected=False)
        .select_related("sentence__article")
        .defer("sentence__article__text")
        .order_by("sentence__article__published", "sentence__article__slug", "sentence__index")
    )


def with_sources(events: EventQuerySet) -> EventQuerySet:
    """The events with their countries, actors and sources (``sources``: put in order by
    ``_insource_order`` once loaded)."""
    return events.prefetch_related(
        "countries",
        Prefetch("actors", queryset=Actor.objects.select_related("country")),
        # Unordered in SQL: ordered by the article's date, SQLite walked every article
        # of the corpus (by the date index) to find a few hundred events' sources.
        Prefetch("evidence", queryset=accepted_evidence().order_by(), to_attr="sources"),
    )


def source_order(evidence: Evidence) -> tuple:
    """``accepted_evidence``'s order: oldest article first (undated first, as SQLite sorts
    NULL), then its slug, then the sentence's place."""
    article = evidence.sentence.article
    published = article.published
    return (published is not None, published or dt.date.min, article.slug, evidence.sentence.index)


def _attach_counts(loaded: list[Event]) -> list[Event]:
    for event in loaded:
        event.sources.sort(key=source_order)
        event.corroboration = corroboration(event)
        event.independent_sources = independent_sources(event)
    return loaded


def _sources(event: Event):
    if hasattr(event, "sources"):  # prefetched by with_sources(), possibly empty
        return event.sources
    return accepted_evidence().filter(event=event)


def corroboration(event: Event) -> int:
    """How many distinct articles report the event."""
    return len({ev.sentence.article_id for ev in _sources(event)})


def independent_sources(event: Event) -> int:
    """Distinct articles once each near-copy counts as its original."""
    return len(
        {ev.sentence.article.duplicate_of_id or ev.sentence.article_id for ev in _sources(event)}
    )


def load_events(events: EventQuerySet, *, offset: int = 0, limit: int | None = None) -> list[Event]:
    """Evaluate a filtered queryset in date order, with sources and corroboration attached."""
    ordered = with_sources(events.chronological())
    if limit is not None:
        ordered = ordered[offset : offset + limit]
    return _attach_counts(list(ordered))


def listed_evidence() -> QuerySet[Evidence]:
    """What a row of the list reads from its sources (how many articles and sentences):
    each sentence's text and article, none of the evidence's claims or the article's fields."""
    return (
        accepted_evidence()
        .only(
            "event_id",
            "sentence__text",
            "sentence__index",
            "sentence__article__slug",
            "sentence__article__published",
            "sentence__article__duplicate_of_id",
        )
        .order_by()  # see with_sources
    )


def load_listed(events: EventQuerySet, *, offset: int = 0, limit: int | None = None) -> list[Event]:
    """The timeline's events (one page of the list, or every event of a small set, which the
    chart also draws): each with its countries, its actors' names and the counts of its
    sources, but not the sources' claims and articles that the event page and the API show."""
    ordered = events.chronological().prefetch_related(
        Prefetch("evidence", queryset=listed_evidence(), to_attr="sources"),
    )
    if limit is not None:
        ordered = ordered[offset : offset + limit]
    loaded = list(ordered)
    _attach_linked(loaded, Country, "countries", "iso3")
    _attach_linked(loaded, Actor, "actors", "id", "slug")
    return _attach_counts(loaded)


def _attach_linked(events: list[Event], model, field: str, *columns: str) -> None:
    """Each event's countries (or actors) by name, as ``prefetch_related`` would leave them
    (``event.countries.all()`` reads them), in one query walked from the events' links.
    Django's prefetch joins the other way, and SQLite then probed the link index once per
    country and event: 50 ms for 460 events, not 2 ms."""
    if not events:
        return
    link = getattr(Event, field).through
    key = link._meta.get_field(model._meta.model_name).column
    table, pk = model._meta.db_table, model._meta.pk.column
    # CROSS JOIN: SQLite's way of keeping the join in the order written; a plain JOIN elsewhere.
    join = "CROSS JOIN" if connection.vendor == "sqlite" else "JOIN"
    marks = ", ".join(["%s"] * len(events))
    names = ", ".join(f'm."{column}"' for column in dict.fromkeys([pk, *columns, "name"]))
    found = model.objects.raw(
        f'SELECT {names}, l."event_id" AS linked_event FROM "{link._meta.db_table}" l '
        f'{join} "{table}" m ON m."{pk}" = l."{key}" WHERE l."event_id" IN ({marks})',
        [event.pk for event in events],
    )
    by_event: dict[int, list] = defaultdict(list)
    for item in found:
        by_event[item.linked_event].append(item)
    for event in events:
        items = sorted(by_event[event.pk], key=lambda item: item.name)  # the models' order
        cached = getattr(event, field).all()
        cached._result_cache, cached._prefetch_done = items, True
        event.__dict__.setdefault("_prefetched_objects_cache", {})[field] = cached


def _ids(events: EventQuerySet):
    return events.order_by().values("pk")


def _counted(item, n: int):
    item.n = n
    return item


def source_articles(
    events: EventQuerySet, *, limit: int | None = None, latest: int | None = None
) -> list[Article]:
    """The articles that report the events, each with how many of them (``n``), the latest
    first (the first ``limit`` of them).

    ``latest`` looks only among that many of the latest articles: over a large set, a
    GROUP BY over every piece of evidence cost more than the rest of the page."""
    evidence = Evidence.objects.filter(rejected=False)
    if latest:
        # Walked from the latest articles' sentences (indexes), each piece of evidence
        # checked against the filters by its event's key: bounded whatever the corpus.
        recent = Article.objects.order_by("-published", "title").values("pk")[:latest]
        evidence = evidence.filter(
            Exists(events.order_by().filter(pk=OuterRef("event_id"))),
            sentence__article_id__in=recent,
        )
    else:  # a small set: walked from its events
        evidence = evidence.filter(event_id__in=_ids(events))
    rows = (
        evidence.values_list("sentence__article_id")
        .annotate(n=Count("event_id", distinct=True))
        .order_by()
    )
    counts = dict(rows)
    found = Article.objects.only("slug", "title", "published").in_bulk(counts)
    ranked = [_counted(found[pk], n) for pk, n in counts.items() if pk in found]
    ranked.sort(key=lambda a: a.title or a.slug)
    ranked.sort(key=lambda a: a.published or dt.date.min, reverse=True)
    return ranked[:limit] if limit else ranked


@dataclass
class SentenceView:
    sentence: Sentence
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def article_paragraphs(article: Article) -> list[list[SentenceView]]:
    """The article's sentences grouped into the paragraphs of its text,
    each with its mentions and the visible events it is evidence for."""
    sentences = list(article.sentences.all())
    mentions: dict[int, list[Mention]] = defaultdict(list)
    for mention in article.mentions.select_related("country", "actor").order_by("start"):
        mentions[mention.sentence_id].append(mention)
    events: dict[int, list[Event]] = defaultdict(list)
    for ev in (
        Evidence.objects.filter(
            sentence__article=article,
            rejected=False,
            event__merged_into__isnull=True,
            event__hidden=False,
        )
        .select_related("event")
        .order_by("event__start", "event_id")
    ):
        events[ev.sentence_id].append(ev.event)

    paragraphs: list[list[SentenceView]] = []
    previous_end = None
    for sentence in sentences:
        gap = article.text[previous_end : sentence.start] if previous_end is not None else "\n"
        if "\n" in gap or not paragraphs:
            paragraphs.append([])
        paragraphs[-1].append(SentenceView(sentence, mentions[sentence.pk], events[sentence.pk]))
        previous_end = sentence.end
    return paragraphs


# What each kind of event does to a pair's relations.
ESTABLISH = ("establish_relations", "recognise")
BREAK = ("reduce_relations", "expel_withdraw")


@dataclass
class RelationStep:
    label: str  # "established", "restored", "recognised", "reduced or broken"
    event: Event


def relation_history(
    events: Iterable[Event], partners_of: Callable[[Event], list[str]]
) -> list[tuple[str, list[RelationStep]]]:
    """For each partner, in date order, when relations were established, broken or restored.

    Establishing relations after they were broken counts as restoring them.
    """
    history: dict[str, list[RelationStep]] = defaultdict(list)
    for event in events:  # already in date order
        if event.type not in ESTABLISH + BREAK:
            continue
        for partner in partners_of(event):
            steps = history[partner]
            if event.type in BREAK:
                label = "reduced or broken"
            elif event.type == "recognise":
                label = "recognised"
            elif any(step.event.type in BREAK for step in steps):
                label = "restored"
            else:
                label = "established"
            steps.append(RelationStep(label, event))
    return sorted(history.items())


# --- the timeline at any size: counts, one page, and the chart's density -------------------


@dataclass
class Summary:
    """What the page says about the whole filtered set, from one aggregate query."""

    total: int
    undated: int
    first: dt.date | None  # the earliest start
    last: dt.date | None  # the latest end

    @property
    def dated(self) -> int:
        return self.total - self.undated


def summaries_by_type(events: EventQuerySet) -> dict[str, Summary]:
    """Per event type, how many events, how many undated, and their extent: one GROUP BY.

    The type filter's counts are these over every other filter; the page's own summary
    is their sum, or the chosen type's row (``summary``): one scan of the events for both."""
    return {
        row["type"]: Summary(row["total"], row["undated"], row["first"], row["last"])
        for row in summaries_query(events)
    }


def summaries_query(events: EventQuerySet) -> QuerySet:
    """The GROUP BY of ``summaries_by_type`` (the index ``event_type_counts`` covers it)."""
    return (
        events.order_by()
        .values("type")
        .annotate(
            # No DISTINCT: every filter is a subquery on the events, never a join that
            # would repeat one (EventQuerySet, EventFilterForm.filter).
            total=Count("pk"),
            undated=Count("pk", filter=Q(start__isnull=True)),
            first=Min("start"),
            last=Max(Coalesce("end", "start")),
        )
    )


def summary(by_type: dict[str, Summary], chosen: str = "") -> Summary:
    rows = [by_type[chosen]] if chosen in by_type else [] if chosen else list(by_type.values())
    firsts = [r.first for r in rows if r.first]
    lasts = [r.last for r in rows if r.last]
    return Summary(
        sum(r.total for r in rows),
        sum(r.undated for r in rows),
        min(firsts, default=None),
        max(lasts, default=None),
    )


class EventPage(Sequence):
    """The filtered events as the paginator sees them: a length known from ``summary``
    (no second COUNT) and slices loaded with their sources, one page at a time."""

    def __init__(self, events: EventQuerySet, total: int):
        self.events, self.total = events, total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("an EventPage is read a page (a slice) at a time")
        start, stop = index.start or 0, min(index.stop or self.total, self.total)
        return load_listed(self.events, offset=start, limit=max(stop - start, 0))


class MonthIndex(Func):
    """Months since year 0 of a date column (year * 12 + month - 1), as an integer.

    Written per database: Django's Extract on SQLite calls a Python function for each
    row, which made the density query cost most of the page."""

    output_field = IntegerField()

    def as_sql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        year, month = (f"EXTRACT({part} FROM {sql})::integer" for part in ("YEAR", "MONTH"))
        return f"({year} * 12 + {month} - 1)", params * 2

    def as_sqlite(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        year, month = (f"CAST(substr({sql}, {a}, {n}) AS integer)" for a, n in ((1, 4), (6, 2)))
        return f"({year} * 12 + {month} - 1)", params * 2


class DayIndex(Func):
    """Days since 1 January 1970 of a date column, as an integer."""

    output_field = IntegerField()

    def as_sql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"({sql} - DATE '1970-01-01')", params

    def as_sqlite(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"CAST(julianday({sql}) - 2440587.5 AS integer)", params


EPOCH = dt.date(1970, 1, 1)


@dataclass(frozen=True)
class Bin:
    """A time bin of the density chart: ``size`` days (weeks) or ``size`` months (months,
    quarters, years, decades...), numbered from a fixed origin so the database can tell
    each date's bin with integer division."""

    unit: str  # "day" or "month"
    size: int

    def expression(self, field: str):
        index = DayIndex(field) if self.unit == "day" else MonthIndex(field)
        return index / Value(self.size) if self.size > 1 else index

    def start(self, value: int) -> dt.date:
        """The first day of bin number ``value``."""
        if self.unit == "day":
            return EPOCH + dt.timedelta(days=value * self.size)
        return _month(value * self.size)

    def end(self, start: dt.date) -> dt.date:
        """The first day after the bin that starts on ``start``."""
        if self.unit == "day":
            return start + dt.timedelta(days=self.size)
        return _month(start.year * 12 + start.month - 1 + self.size)

    def label(self, start: dt.date) -> str:
        if self.unit == "day":
            return f"week of {start.day} {start:%B %Y}"
        if self.size == 1:
            return f"{start:%B %Y}"
        if self.size == 3:
            return f"Q{(start.month - 1) // 3 + 1} {start.year}"
        years = self.size // 12
        return str(start.year) if years == 1 else f"{start.year}–{start.year + years - 1}"

    @property
    def name(self) -> str:
        names = {("day", 7): "week", ("month", 1): "month", ("month", 3): "quarter"}
        years = self.size // 12
        return names.get((self.unit, self.size)) or ("year" if years == 1 else f"{years} years")


def _month(index: int) -> dt.date:
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, 1)


MAX_BINS = 80  # time bins across the whole extent: readable, and a bounded figure
BINS = [
    (Bin("day", 7), 7),
    (Bin("month", 1), 31),
    (Bin("month", 3), 92),
    *((Bin("month", 12 * n), 366 * n) for n in (1, 2, 5, 10, 25, 50, 100)),
]


def bin_for(first: dt.date, last: dt.date) -> Bin:
    """The finest bin that cuts the extent into at most ``MAX_BINS`` pieces."""
    days = (last - first).days + 1
    return next((b for b, length in BINS if days / length <= MAX_BINS), BINS[-1][0])


def lane_counts(events: EventQuerySet, lane: str, bin: Bin | None) -> list[tuple]:
    """(lane key, bin number or None, events) for every country or actor of the events:
    one GROUP BY over their links, whatever the number of events. Undated events (and
    every event when ``bin`` is None) fall in bin None, so each key's rows add up to its
    count for the filter form, and the dated ones are the chart's density.

    Read through the cursor: thousands of rows of plain integers and keys, each of which
    the ORM would pass through its converters."""
    sql, params = lane_counts_sql(events, lane, bin)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [tuple(row) for row in cursor.fetchall()]


def lane_counts_query(events: EventQuerySet, lane: str, bin: Bin | None) -> QuerySet:
    """``lane_counts`` as the ORM writes it: the same rows, from the links' side, each link's
    event read again by its key (kept to check the SQL of ``lane_counts_sql`` against)."""
    link = Event.countries.through if lane == "country" else Event.actors.through
    column = "country_id" if lane == "country" else "actor_id"
    rows = link.objects.filter(event_id__in=_ids(events))
    if bin is not None:
        rows = rows.annotate(bin=bin.expression("event__start"))
    else:
        rows = rows.annotate(bin=Value(None, output_field=IntegerField()))
    return rows.values_list(column, "bin").annotate(n=Count("event_id")).order_by()


def lane_counts_sql(events: EventQuerySet, lane: str, bin: Bin | None) -> tuple[str, list]:
    """The SQL of ``lane_counts``, walked from the filtered events: each event read once,
    with its bin, then its links by the event's key. (From the links' side, every link's
    event was read again by its key: a third more time at 20,000 events.)"""
    link = Event.countries.through if lane == "country" else Event.actors.through
    column = link._meta.get_field(lane).column
    if bin is None:  # the links alone: no event row is read
        sql, params = _ids(events).query.sql_with_params()
        return (
            f'SELECT l."{column}", NULL, COUNT(*) FROM "{link._meta.db_table}" l '
            f'WHERE l."event_id" IN ({sql}) GROUP BY 1',
            list(params),
        )
    binned = (
        events.order_by()
        .annotate(event_key=F("pk"), bin=bin.expression("start"))
        .values_list("event_key", "bin")
    )
    sql, params = binned.query.sql_with_params()
    # CROSS JOIN: SQLite's way of keeping the join in the order written; a plain JOIN elsewhere.
    join = "CROSS JOIN" if connection.vendor == "sqlite" else "JOIN"
    return (
        f'SELECT l."{column}", e."bin", COUNT(*) FROM ({sql}) e '
        f'{join} "{link._meta.db_table}" l ON l."event_id" = e."event_key" GROUP BY 1, 2',
        list(params),
    )


def ranked(rows: list[tuple]) -> dict:
    """Each key's total over its bins, most events first."""
    totals: dict = defaultdict(int)
    for key, _bin, n in rows:
        totals[key] += n
    return dict(sorted(totals.items(), key=lambda kv: -kv[1]))


def countries_counted(counts: dict[str, int]) -> list[Country]:
    found = Country.objects.in_bulk(counts)
    ranked = [_counted(found[iso3], n) for iso3, n in counts.items() if iso3 in found]
    return sorted(ranked, key=lambda c: (-c.n, c.name))


def actors_counted(counts: dict[int, int], limit: int | None = None) -> list[Actor]:
    top = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit])
    found = Actor.objects.in_bulk(top)
    ranked = [_counted(found[pk], n) for pk, n in top.items() if pk in found]
    return with_alias_names(sorted(ranked, key=lambda a: (-a.n, a.name)))


def with_alias_names(actors: list[Actor]) -> list[Actor]:
    """Each actor with ``alias_names``, its other names in order, in one query (none for no
    actors). A list of strings, not a prefetched queryset: the counted actors are kept in
    the cache, and 150 pickled querysets cost more than the query that made them."""
    names: dict[int, list[str]] = defaultdict(list)
    if actors:
        aliases = ActorAlias.objects.filter(actor_id__in=[a.pk for a in actors])
        for actor_id, name in aliases.order_by("name", "pk").values_list("actor_id", "name"):
            names[actor_id].append(name)
    for actor in actors:
        actor.alias_names = names[actor.pk]
    return actors
