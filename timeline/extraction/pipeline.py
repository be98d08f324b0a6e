"""Text in, timeline out: the two entry points the Django side calls.

``extract_article`` reads one article; ``build_timeline`` reads many, dates the
ones that carry no publication date from the others, merges actors, and
clusters candidates into one event per happening. Both are deterministic.
Per-article work is cached by (text, publication date), so rebuilding the
corpus after one new article costs little more than reading that article.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from . import document, pubdate
from .actors import merge_actors
from .clustering import Item, cluster_items, describe, near_duplicates, to_event
from .document import Document
from .types import (
    PERSON,
    PUB_HEADER,
    PUB_INFERRED,
    PUB_UNKNOWN,
    ActorInfo,
    ArticleExtraction,
    DocInput,
    EventCandidate,
    Filler,
    PublicationDate,
    TimelineResult,
)

# The per-article reading (document.py), cached by text and publication date.
_read = document.read_document
_cache = document._cache
Reader = Callable[[str, PublicationDate], Document]


def extract_article(
    text: str, *, published: dt.date | None = None, key: str = ""
) -> ArticleExtraction:
    """Everything one article says, on its own.

    The publication date is the one given, else the one found in the text
    (header, dateline), else unknown.
    """
    stated = (
        PublicationDate(published, PUB_HEADER, "given")
        if published
        else PublicationDate(None, PUB_UNKNOWN)
    )
    return _read(text, stated).extraction


def _stated(doc: DocInput) -> PublicationDate:
    if doc.published:
        return PublicationDate(doc.published, doc.published_source or PUB_HEADER, "given")
    return PublicationDate(None, PUB_UNKNOWN)


def _items(
    reads: dict[str, Document], order: list[str], maps: dict[str, dict[str, str]]
) -> list[Item]:
    items: list[Item] = []
    rank = {key: i for i, key in enumerate(sorted(order))}  # input order must not matter
    for key in order:
        position = rank[key]
        for detail in reads[key].candidates:
            cand = detail.event
            mapping = maps[key]
            remapped = replace(
                cand, actors=list(dict.fromkeys(mapping.get(a, a) for a in cand.actors))
            )
            detail = replace(
                detail,
                event=remapped,
                roles={
                    role: Filler(f.kind, mapping.get(f.key, f.key))
                    for role, f in detail.roles.items()
                },
            )
            items.append(
                Item(
                    key,
                    position,
                    detail,
                    date=cand.date,
                    date_rule=cand.date_rule,
                    news=detail.news_only,
                    dated_article=reads[key].extraction.published.value is not None,
                )
            )
    return items


def _anchors(clusters, names: list[str]) -> dict[str, list]:
    anchors: dict[str, list] = {}
    for cluster, happening in zip(clusters, names, strict=True):
        for item in cluster.items:
            detail = item.detail
            if detail.timex is not None:
                # A planned measure dated by the statement deciding it: the decision was done.
                decided = detail.timex is detail.report_timex
                anchors.setdefault(item.article, []).append(
                    pubdate.Anchor(happening, detail.timex, "done" if decided else item.cand.status)
                )
            if detail.report_timex is not None:
                anchors.setdefault(item.article, []).append(
                    pubdate.Anchor(f"the announcement of: {happening}", detail.report_timex, "done")
                )
    return anchors


# An inferred date with this many other possible days is a guess, not an inference:
# resolving "last month" or "Friday" against it would date events wrongly.
MAX_PLAUSIBLE_ALTERNATIVES = 45


def _usable(found: PublicationDate | None) -> bool:
    return (
        found is not None
        and found.value is not None
        and len(found.alternatives) <= MAX_PLAUSIBLE_ALTERNATIVES
    )


# A full date this close to the article's own date is news of the day, not a recollection.
CONTEMPORARY_DAYS = 31


def _links_by_date(timex, published: dt.date | None) -> bool:
    if timex is None:
        return False
    if timex.relative:
        return True
    value = timex.value
    return (
        published is not None
        and value is not None
        and value.end <= published
        and (published - value.end).days <= CONTEMPORARY_DAYS
    )


# "has expelled", "have formally recognised", "has been ordered": the present perfect
# of news, a happening of the last days when no date is given.
_PRESENT_PERFECT = re.compile(
    r"(?i)\b(?:has|have)\s+(?:(?:also|now|just|already|reportedly|formally|officially|\w+ly)\s+)?"
    r"(?:been\s+)?(?:[a-z]+ed|told|given|sent|cut|broken|shut|taken|withdrawn|made|struck|"
    r"begun|set|put|won|held|brought|sought|thrown|drawn|written|spoken|chosen|frozen)\b"
)


def _just_done(item: Item, text: str) -> bool:
    """A happening its dated article reports, undated, in the present perfect ("Peru
    has ordered Chile to close its consulate"): it took place in the last days."""
    cand = item.cand
    if item.detail.timex is not None or cand.status != "done":
        return False
    start, end = item.detail.clause
    clause = text[start:end]
    at = clause.find(cand.trigger) if cand.trigger else -1
    head = clause[: at + len(cand.trigger)] if at >= 0 else clause
    return _PRESENT_PERFECT.search(head) is not None


def _components(
    clusters,
    order: list[str],
    undated: set[str],
    published: dict[str, dt.date | None],
    texts: dict[str, str] | None = None,
) -> list[list[str]]:
    """Articles linked by a shared happening, in input order.

    A dated article links through a relative expression ("on Wednesday") or a
    full date within a month before its own: one that merely recalls the
    happening by its full date ("on July 12, 2000") ten years later says
    nothing about when the others were written.
    """
    parent = {k: k for k in order}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for cluster in clusters:
        articles = sorted(
            {
                item.article
                for item in cluster.items
                if item.article in undated
                or _links_by_date(item.detail.timex, published.get(item.article))
                or _links_by_date(item.detail.report_timex, published.get(item.article))
                or (
                    texts is not None
                    and published.get(item.article) is not None
                    and _just_done(item, texts[item.article])
                )
            }
        )
        for other in articles[1:]:
            parent[find(other)] = find(articles[0])
    groups: dict[str, list[str]] = {}
    for key in order:
        groups.setdefault(find(key), []).append(key)
    return list(groups.values())


def _infer_dates(reads, order, maps, actors, texts, undated, labels) -> dict:
    """Publication dates for undated articles, from the articles they share happenings with.

    Each group of linked articles is dated on its own, so dated articles about
    other happenings (other years) do not widen or shift the search.
    """
    everything = cluster_items(_items(reads, order, maps), actors, keep_unattached=True)
    holding: dict[str, set[int]] = {}  # article -> positions of the clusters it is in
    for n, cluster in enumerate(everything):
        for item in cluster.items:
            holding.setdefault(item.article, set()).add(n)
    inferred: dict = {}
    published = {k: reads[k].extraction.published.value for k in order}
    for group in _components(everything, order, undated, published, texts):
        members = set(group)
        if not undated & members:
            continue
        # Happenings are named among those of the group only: a name then never depends
        # on articles the group shares nothing with, so an update of a part of the
        # corpus names (and dates) the group as a rebuild of all of it does.
        touching = sorted({n for k in group for n in holding.get(k, ())})
        preliminary = [everything[n] for n in touching]
        names = _happening_names(preliminary, actors)
        anchors = _anchors(preliminary, names)
        # Relative expressions first: an absolute date one source gets wrong ("in 2023"
        # where the others say "last year") must not undo every other article's date.
        # Absolute dates still bound their own article ("done" on 6 March -> published later).
        own_absolute = {
            k: [
                a
                if a.timex.relative
                else replace(a, happening=f"{a.happening}, as {labels[k]} says")
                for a in v
            ]
            for k, v in anchors.items()
        }
        first = pubdate.infer_publication_dates(
            [
                _dating_input(k, texts[k], reads[k], own_absolute.get(k, []), preliminary, names)
                for k in group
            ]
        )
        missing = [
            k for k in group if k in undated and (first.get(k) is None or first[k].value is None)
        ]
        if missing:
            second = pubdate.infer_publication_dates(
                [
                    _dating_input(k, texts[k], reads[k], anchors.get(k, []), preliminary, names)
                    for k in group
                ]
            )
            for k in missing:
                if second.get(k) is not None:
                    first[k] = second[k]
        inferred.update(first)
    return inferred


def _dating_input(
    key: str, text: str, read: Document, anchors: list, clusters, names: list[str]
) -> pubdate.DatingInput:
    timexes = read.extraction.timexes
    planned: set[str] = set()
    done: set[str] = set()
    recent: set[str] = set()
    dated = read.extraction.published.value is not None
    for cluster, happening in zip(clusters, names, strict=True):
        for item in cluster.items:
            if item.article == key and item.detail.timex is None:
                (planned if item.cand.status == "planned" else done).add(happening)
                if dated and _just_done(item, text):
                    # Just done, so just announced too: "Chile has closed ..., the
                    # ministry said on Tuesday" in a copy dates the same days.
                    recent.update((happening, f"the announcement of: {happening}"))
    # Years of absolute dates other articles give the same happenings bound the search too.
    shared_years: set[int] = set()
    for cluster in clusters:
        if any(item.article == key for item in cluster.items):
            for item in cluster.items:
                timex = item.detail.timex
                if item.article != key and timex is not None and not timex.relative and timex.value:
                    shared_years.add(timex.value.end.year)
    return pubdate.DatingInput(
        key,
        read.extraction.published,
        tuple(anchors),
        years=tuple(sorted(set(pubdate.mentioned_years(timexes)) | shared_years)),
        year_hints=pubdate.publication_year_hints(text, timexes),
        planned=tuple(sorted(planned)),
        done=tuple(sorted(done - planned - recent)),
        recent=tuple(sorted(recent - planned)),
    )


def _happening_names(clusters, actors) -> list[str]:
    """One readable, unique name per happening: pubdate both matches happenings by
    it and quotes it in the reasoning people read."""
    described = [describe(c, actors) for c in clusters]
    counts: dict[str, int] = {}
    for name in described:
        counts[name] = counts.get(name, 0) + 1
    names: list[str] = []
    seen: set[str] = set()
    for cluster, name in zip(clusters, described, strict=True):
        if counts[name] > 1:
            dates = sorted({i.date.display for i in cluster.items if i.date})
            if len(dates) == 1:
                name = f"{name}, {dates[0]}"
        unique, n = name, 2
        while unique in seen:
            unique, n = f"{name} (another, {n})", n + 1
        seen.add(unique)
        names.append(unique)
    return names


LABEL_LENGTH = 70


def _short(text: str, limit: int = LABEL_LENGTH) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-–—")
    return cut + "…"


def _labels(
    docs: Sequence[DocInput], reads: dict[str, Document], order: list[str]
) -> dict[str, str]:
    """How each article is named in explanations: its label, else its title; unique."""
    given = {doc.key: doc.label for doc in docs}
    labels: dict[str, str] = {}
    taken: set[str] = set()
    for key in sorted(order):  # by key, so the same article gets the same label in any order
        base = _short(given.get(key) or reads[key].extraction.title or "untitled article")
        label, n = base, 2
        while label in taken:
            label, n = f"{base} ({n})", n + 1
        taken.add(label)
        labels[key] = label
    return labels


def _readable(found: PublicationDate, labels: dict[str, str]) -> PublicationDate:
    """The inference's reasoning with articles named by their labels, not their keys."""
    if not labels:
        return found
    keys = "|".join(re.escape(k) for k in sorted(labels, key=len, reverse=True))
    # One pass with a function: a label is never rescanned, and its backslashes stay as written.
    evidence = re.sub(
        rf"\barticle ({keys})(?![\w-])", lambda m: f"“{labels[m[1]]}”", found.evidence
    )
    return replace(found, evidence=evidence)


def build_timeline(docs: Sequence[DocInput], reader: Reader | None = None) -> TimelineResult:
    """Read every article, date the undated ones, and cluster happenings.

    ``reader`` reads one article under one publication date (by default the
    in-memory cached ``document.read_document``); the Django side passes one that
    keeps readings in the database.
    """
    _read = reader or document.read_document
    order: list[str] = []
    reads: dict[str, Document] = {}
    for doc in docs:
        if doc.key in reads:
            continue
        order.append(doc.key)
        reads[doc.key] = _read(doc.text, _stated(doc))
    texts = {doc.key: doc.text for doc in docs}
    labels = _labels(docs, reads, order)

    # Merged in the order of the articles' keys, not of their arrival: which "Foreign
    # Ministry" joins which must not depend on what was ingested first, or adding
    # articles one at a time would give other actors than adding them at once.
    by_key = sorted(order)
    merged_actors, per_article_maps = merge_actors([reads[k].extraction.actors for k in by_key])
    maps = dict(zip(by_key, per_article_maps, strict=True))
    actors = {a.key: a for a in merged_actors}

    # Articles without a publication date: date them from the happenings they share.
    # A yearless dateline's year is only a guess from the text: the other articles may know better.
    undated = {
        k
        for k in order
        if (pub := reads[k].extraction.published).value is None
        or pubdate.dateline_month_day(pub) is not None
    }
    if undated:
        # Read a guessed year as no year while inferring, so its relative dates stay open.
        guessed = {k: reads[k] for k in undated if reads[k].extraction.published.value is not None}
        for key, read in guessed.items():
            reads[key] = _read(texts[key], replace(read.extraction.published, value=None))
        inferred = _infer_dates(reads, order, maps, actors, texts, undated, labels)
        for key in order:
            found = inferred.get(key)
            if key in undated and _usable(found):
                reads[key] = _read(texts[key], _readable(found, labels))
            elif key in guessed:
                reads[key] = guessed[key]

    clusters = cluster_items(_items(reads, order, maps), actors)
    # An inferred publication date is a best fit, never certain, even when only one day fits.
    certain = {
        k: (pub := reads[k].extraction.published).value is not None
        and pub.certain
        and pub.source != PUB_INFERRED
        for k in order
    }
    articles = {k: _remapped(reads[k].extraction, maps[k]) for k in order}
    names: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for key, article in articles.items():
        for mention in article.mentions:
            if mention.kind == PERSON:
                names.setdefault((key, mention.sentence), []).append((mention.key, mention.text))
    events = [to_event(c, actors, certain, names, labels) for c in clusters]
    events.sort(
        key=lambda e: (
            e.date.start if e.date else dt.date.max,
            e.date.end if e.date else dt.date.max,
            e.title,
        )
    )

    duplicates = near_duplicates({k: reads[k].extraction.sentences for k in order}, order)
    return TimelineResult(
        articles=articles, events=events, actors=merged_actors, near_duplicates=duplicates
    )


def _remapped(extraction: ArticleExtraction, mapping: dict[str, str]) -> ArticleExtraction:
    """The article with actor keys replaced by the corpus-wide keys."""
    mentions = [
        replace(m, key=mapping.get(m.key, m.key)) if m.kind != "country" else m
        for m in extraction.mentions
    ]
    actors: dict[str, ActorInfo] = {}
    for actor in extraction.actors:
        key = mapping.get(actor.key, actor.key)
        if key in actors:
            actors[key].aliases |= actor.aliases
            actors[key].titles |= actor.titles
        else:
            actors[key] = replace(
                actor, key=key, aliases=set(actor.aliases), titles=set(actor.titles)
            )
    events: list[EventCandidate] = [
        replace(e, actors=list(dict.fromkeys(mapping.get(a, a) for a in e.actors)))
        for e in extraction.events
    ]
    return replace(
        extraction,
        mentions=mentions,
        actors=sorted(actors.values(), key=lambda a: a.key),
        events=events,
    )
