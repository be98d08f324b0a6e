"""Read-only queries the pages, the API and the exports share."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from .models import Actor, Article, Country, Event, EventQuerySet, Evidence, Mention, Sentence


def visible_events() -> EventQuerySet:
    return Event.objects.visible()


def accepted_evidence() -> QuerySet[Evidence]:
    """Evidence an editor has not rejected, with its sentence and article, oldest article first."""
    return (
        Evidence.objects.filter(rejected=False)
        .select_related("sentence__article")
        .order_by("sentence__article__published", "sentence__article__slug", "sentence__index")
    )


def with_sources(events: EventQuerySet) -> EventQuerySet:
    return events.prefetch_related(
        "countries",
        Prefetch("actors", queryset=Actor.objects.select_related("country")),
        Prefetch("evidence", queryset=accepted_evidence(), to_attr="sources"),
    )


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
    loaded = list(ordered)
    for event in loaded:
        event.corroboration = corroboration(event)
        event.independent_sources = independent_sources(event)
    return loaded


def _ids(events: EventQuerySet):
    return events.order_by().values("pk")


def country_counts(events: EventQuerySet) -> list[Country]:
    return list(
        Country.objects.annotate(
            n=Count("events", filter=Q(events__in=_ids(events)), distinct=True)
        )
        .filter(n__gt=0)
        .order_by("-n", "name")
    )


def actor_counts(events: EventQuerySet) -> list[Actor]:
    return list(
        Actor.objects.annotate(n=Count("events", filter=Q(events__in=_ids(events)), distinct=True))
        .filter(n__gt=0)
        .prefetch_related("aliases")
        .order_by("-n", "name")
    )


def type_counts(events: EventQuerySet) -> dict[str, int]:
    rows = (
        Event.objects.filter(pk__in=_ids(events)).values("type").annotate(n=Count("pk")).order_by()
    )
    return {row["type"]: row["n"] for row in rows}


def source_articles(events: EventQuerySet) -> list[Article]:
    """The articles that report the events, each with how many of them (``n``)."""
    return list(
        Article.objects.only("slug", "title", "published")
        .annotate(
            n=Count(
                "sentences__evidence__event",
                filter=Q(
                    sentences__evidence__event__in=_ids(events),
                    sentences__evidence__rejected=False,
                ),
                distinct=True,
            )
        )
        .filter(n__gt=0)
        .order_by("-published", "title")
    )


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
