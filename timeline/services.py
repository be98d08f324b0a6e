"""The one write path: ingest articles, rebuild the timeline, keep editors' work.

The ingest command, the admin and the tests all call these functions, so the
rules live here once:

* an article is stored in its own transaction, and a bad one changes nothing;
* the text's SHA-256 is its natural key, so ingesting it again adds nothing;
* extraction never writes a field an editor changed (``EditTracked``), never
  re-adds evidence an editor rejected, and never moves or deletes a link an
  editor made (``origin=editor``); a sentence reporting several events may
  still be linked to the others, unless an editor rejected that link.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords
from simple_history.utils import bulk_create_with_history

from . import sources
from .extraction import types as x
from .extraction.countries import country_name
from .extraction.header import header_problem, parse_header
from .extraction.pipeline import build_timeline, extract_article
from .extraction.sentences import split_sentences
from .models import (
    Actor,
    ActorAlias,
    Article,
    Country,
    Event,
    Evidence,
    Mention,
    Sentence,
    unique_slug,
)
from .sources import (  # noqa: F401  (re-exported: the commands and tests read files here)
    MAX_ARTICLE_BYTES,
    ArticleError,
    read_article_file,
)

log = logging.getLogger(__name__)

# Rows per INSERT when many are written at once (well under SQLite's variable limit).
BATCH = 500


@dataclass
class IngestReport:
    created: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    events: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def validate_text(text: str) -> None:
    header = parse_header(text)
    if problem := header_problem(header):
        raise ArticleError(problem)
    start = header.body_start
    body = text[start:]
    if not body.strip():
        raise ArticleError("empty article: no text after the header")
    if not any(ch.isalpha() for ch in body):
        raise ArticleError("no words: the text after the header has no letters")
    if not split_sentences(text, start):
        raise ArticleError("no sentences found")


# --- Storing articles -----------------------------------------------------


def add_article(text: str, *, source_name: str = "") -> tuple[Article, bool]:
    """Store one article (or find it again by its hash). Returns (article, created).

    Runs the per-article extraction once before anything is written, so that
    an article the extractor cannot read fails here and leaves no trace.
    """
    validate_text(text)
    digest = content_hash(text)
    existing = Article.objects.filter(content_hash=digest).first()
    if existing:
        return existing, False
    extraction = extract_article(text, key=digest)
    header = extraction.header
    with transaction.atomic():
        article = Article.objects.create(
            slug=unique_slug(Article, extraction.title or Path(source_name).stem, max_length=60),
            content_hash=digest,
            text=text,
            title=extraction.title[:500],
            url=header.url[:1000],
            outlet=header.outlet[:200],
            source_name=source_name[:500],
        )
        _store_sentences(article, extraction.sentences)
    return article, True


def _store_sentences(article: Article, sentences: Sequence[x.Sentence]) -> None:
    Sentence.objects.bulk_create(
        Sentence(article=article, index=s.index, start=s.start, end=s.end, text=s.text)
        for s in sentences
    )


def _refresh_sentences(article: Article) -> None:
    """Re-split an article; keep rows (and the evidence on them) whose span is unchanged."""
    header = parse_header(article.text)
    fresh = split_sentences(article.text, header.body_start)
    stored = list(article.sentences.all())
    if [(s.start, s.end) for s in stored] == [(s.start, s.end) for s in fresh]:
        return
    by_span = {(s.start, s.end): s for s in stored}
    keep_ids = set()
    new_rows = []
    # Move indices out of the way first: (article, index) is unique.
    for row in stored:
        row.index += 1_000_000
    Sentence.objects.bulk_update(stored, ["index"])
    for s in fresh:
        row = by_span.get((s.start, s.end))
        if row:
            row.index = s.index
            row.save(update_fields=["index"])
            keep_ids.add(row.pk)
        else:
            new_rows.append(
                Sentence(article=article, index=s.index, start=s.start, end=s.end, text=s.text)
            )
    Sentence.objects.bulk_create(new_rows)
    created = list(article.sentences.exclude(pk__in=keep_ids).order_by("start"))
    # Editors' evidence on a sentence that no longer exists moves to the new
    # sentence covering its start, so a human link is never lost.
    for old in (row for row in stored if row.pk not in keep_ids):
        target = next((n for n in created if n.start <= old.start < n.end), None)
        if target:
            for ev in old.evidence.filter(origin=Evidence.Origin.EDITOR):
                if not Evidence.objects.filter(event=ev.event, sentence=target).exists():
                    ev.sentence = target
                    ev.save(update_fields=["sentence"])
        old.delete()


def ingest_paths(paths: Iterable[str | Path], *, echo=None) -> IngestReport:
    """Ingest files, folders and links, then rebuild the timeline once."""
    report = IngestReport()
    say = echo or (lambda _msg: None)
    added: list[tuple[str, Article]] = []
    for spec in sources.expand(paths):
        name = str(spec)
        try:
            article, created = ingest_source(spec)
        except ArticleError as exc:
            report.failed.append((name, str(exc)))
            say(f"FAILED  {name}: {exc}")
            continue
        except Exception as exc:  # an extractor bug must not stop the other files
            log.exception("ingest failed for %s", name)
            report.failed.append((name, f"{type(exc).__name__}: {exc}"))
            say(f"FAILED  {name}: {type(exc).__name__}: {exc}")
            continue
        (report.created if created else report.unchanged).append(name)
        if created:
            added.append((name, article))
        say(f"{'added' if created else 'unchanged'}  {name} -> /articles/{article.slug}/")
    if added or not Event.objects.exists():
        try:
            with transaction.atomic():
                report.events = update_timeline(changed=[a for _, a in added])
        except Exception:
            log.exception("rebuilding the timeline failed; finding the article that breaks it")
            report.events = _rebuild_one_by_one(added, report, say)
    else:
        report.events = Event.objects.visible().count()
    return report


def ingest_source(spec: str | Path) -> tuple[Article, bool]:
    """Store one file, saved page or link (or find it again). Returns (article, created).

    A link already ingested is not fetched again; a page whose canonical address
    is already stored (the same story behind another link) adds nothing either.
    """
    if sources.is_url(spec) and (stored := _stored_page(str(spec))):
        return stored, False
    source = sources.read(spec)
    if source.fetched_from or Path(str(spec)).suffix.lower() in sources.HTML_SUFFIXES:
        for address in (source.fetched_from, parse_header(source.text).url):
            if address and (stored := _stored_page(address)):
                return stored, False
    name = source.name if sources.is_url(spec) else Path(spec).name
    return add_article(source.text, source_name=name)


def _stored_page(url: str) -> Article | None:
    return Article.objects.filter(Q(source_name=url) | Q(url=url)).order_by("pk").first()


def _rebuild_one_by_one(added, report: IngestReport, say) -> int:
    """The cross-article stage failed: take the new articles back, then add
    them again one at a time, so only the article that breaks it fails and
    leaves no trace."""
    texts = [(name, a.text, a.source_name) for name, a in added]
    Article.objects.filter(pk__in=[a.pk for _, a in added]).delete()
    for name, text, source_name in texts:
        try:
            with transaction.atomic():
                add_article(text, source_name=source_name)
                rebuild_timeline()
        except Exception as exc:
            log.exception("rebuild failed with %s", name)
            report.created.remove(name)
            report.failed.append(
                (name, f"breaks the timeline rebuild: {type(exc).__name__}: {exc}")
            )
            say(f"FAILED  {name}: breaks the timeline rebuild: {type(exc).__name__}: {exc}")
    with transaction.atomic():
        return rebuild_timeline()


def reextract(articles: Iterable[Article] | None = None) -> int:
    """Re-run the extraction over stored articles, keeping every editor's change."""
    chosen = list(articles) if articles is not None else list(Article.objects.all())
    with transaction.atomic():
        for article in chosen:
            _refresh_sentences(article)
    return rebuild_timeline()


# --- Rebuilding the timeline ----------------------------------------------


def update_timeline(changed: Iterable[Article] = (), removed: Iterable[str] = ()) -> int:
    """Bring the timeline up to date after these articles were added or changed
    (``changed``) or deleted (``removed``: their content hashes).

    The one entry point every write goes through (ingest, the admin, jobs).
    It still rebuilds the whole corpus; narrowing it to what the change can
    reach is issue #9's incremental maintenance.
    """
    return rebuild_timeline()


def rebuild_timeline() -> int:
    """Run the cross-article pipeline over every article and store the result.

    Returns the number of visible events. Idempotent: a second run with the
    same articles changes nothing.
    """
    articles = list(Article.objects.all().order_by("id"))
    docs = [
        x.DocInput(
            key=a.content_hash,
            text=a.text,
            published=a.published if "published" in a.edited_fields else None,
            published_source="editor" if "published" in a.edited_fields else "",
            label=a.title or a.slug,
        )
        for a in articles
    ]
    result = build_timeline(docs)
    with transaction.atomic():
        by_key = {a.content_hash: a for a in articles}
        _store_articles(result, by_key)
        # Not the article's text: one copy per sentence is the square of a long article.
        rows = Sentence.objects.select_related("article").defer("article__text")
        sentences = {(s.article.content_hash, s.index): s for s in rows}
        actors = _store_actors(result.actors)
        _store_mentions(result, by_key, sentences, actors)
        _store_events(result.events, sentences, actors)
    return Event.objects.visible().count()


def _store_articles(result: x.TimelineResult, by_key: dict[str, Article]) -> None:
    for key, extraction in result.articles.items():
        article = by_key[key]
        pub = extraction.published
        source = pub.source if pub.value else x.PUB_UNKNOWN
        changed = article.apply_extracted(
            title=(article.title or extraction.title)[:500],
            published=pub.value,
            published_source=source,
            published_evidence=pub.evidence,
            published_certain=bool(pub.value) and pub.certain,
        )
        if "published" in article.edited_fields:
            changed += article.apply_extracted(published_source=Article.DateSource.EDITOR)
        original = by_key.get(result.near_duplicates.get(key, ""))
        if "duplicate_of" not in article.edited_fields and article.duplicate_of_id != (
            original.pk if original else None
        ):
            article.duplicate_of = original
            changed.append("duplicate_of")
        if changed:
            article.save()
        # A timestamp, not an edit: no history record for it.
        Article.objects.filter(pk=article.pk).update(extracted_at=timezone.now())


def _countries(iso3s: Iterable[str], known: dict[str, Country] | None = None) -> list[Country]:
    """The countries' rows, created when missing; ``known`` (iso3 -> row) saves a query each."""
    rows = []
    for iso3 in dict.fromkeys(iso3s):
        country = known.get(iso3) if known is not None else None
        if country is None:
            country, _ = Country.objects.get_or_create(
                iso3=iso3, defaults={"name": country_name(iso3)}
            )
            if known is not None:
                known[iso3] = country
        rows.append(country)
    return rows


def _store_actors(infos: Sequence[x.ActorInfo]) -> dict[str, Actor]:
    """Create or update actors by key; return key -> surviving actor."""
    existing = {a.key: a for a in Actor.objects.all()}
    countries = {c.iso3: c for c in Country.objects.all()}
    # Every actor's alias names, read once and kept up to date here; new ones written at the end.
    aliases: dict[int, set[str]] = {}
    for actor_id, name in ActorAlias.objects.values_list("actor_id", "name"):
        aliases.setdefault(actor_id, set()).add(name)
    new_aliases: list[ActorAlias] = []
    result: dict[str, Actor] = {}
    for info in infos:
        country = _countries([info.country], countries)[0] if info.country else None
        actor = existing.get(info.key)
        if actor is None:
            actor = Actor.objects.create(
                key=info.key,
                slug=unique_slug(Actor, info.name, max_length=80),
                name=info.name,
                kind=info.kind,
                title=sorted(info.titles)[0][:200] if info.titles else "",
                country=country,
            )
        else:
            changed = actor.apply_extracted(
                name=info.name,
                kind=info.kind,
                title=sorted(info.titles)[0][:200] if info.titles else actor.title,
                country=country or actor.country,
            )
            if changed:
                actor.save()
        # Aliases go to the actor an editor merged this one into; once an
        # editor edited the alias list, it is theirs.
        survivor = actor.survivor()
        if "aliases" not in survivor.edited_fields:
            stored = aliases.setdefault(survivor.pk, set())
            known = stored | {survivor.name}
            rows = [
                ActorAlias(actor=survivor, name=alias[:200])
                for alias in sorted(info.aliases | {info.name})
                if alias[:200] not in known
            ]
            stored.update(row.name for row in rows)
            new_aliases.extend(rows)
        result[info.key] = survivor
    ActorAlias.objects.bulk_create(new_aliases, batch_size=BATCH)
    return result


def _store_mentions(result, by_key, sentences, actors) -> None:
    Mention.objects.all().delete()  # derived data: rebuilt every time
    countries = {c.iso3: c for c in Country.objects.all()}
    rows = []
    for key, extraction in result.articles.items():
        article = by_key[key]
        for mark in [*extraction.mentions, *extraction.timexes]:
            links: dict[str, object] = {}
            sentence = sentences.get((key, mark.sentence))
            if sentence is None:
                continue
            if isinstance(mark, x.Timex):
                kind = Mention.Kind.DURATION if mark.kind == "duration" else Mention.Kind.DATE
                links["value"] = (mark.value.display if mark.value else "")[:100]
            elif mark.kind == x.COUNTRY:
                kind = mark.kind
                if mark.key not in countries:
                    countries[mark.key] = _countries([mark.key])[0]
                links["country"] = countries[mark.key]
            elif mark.key in actors:
                kind = mark.kind
                links["actor"] = actors[mark.key]
            else:
                continue
            rows.append(
                Mention(
                    article=article,
                    sentence=sentence,
                    start=mark.start,
                    end=mark.end,
                    text=mark.text[:300],
                    kind=kind,
                    **links,
                )
            )
    Mention.objects.bulk_create(rows)


def _date_fields(value: x.DateValue | None) -> dict[str, object]:
    if value is None:
        return {"start": None, "end": None, "precision": "", "edtf": "", "date_display": ""}
    return {
        "start": value.start,
        "end": value.end,
        "precision": value.precision,
        "edtf": value.edtf,
        "date_display": value.display,
    }


def _conflicts_json(conflicts: Sequence[x.Conflict], by_key) -> list[dict]:
    out = []
    for conflict in conflicts:
        claims = []
        for value, ref in conflict.claims:
            sentence = by_key.get((ref.article, ref.sentence))
            claims.append(
                {
                    "value": value,
                    "article": sentence.article.slug if sentence else "",
                    "sentence": ref.sentence,
                    "text": sentence.text if sentence else "",
                }
            )
        out.append({"field": conflict.field, "claims": claims})
    return out


def _store_events(
    found: Sequence[x.TimelineEvent],
    sentences: dict[tuple[str, int], Sentence],
    actors: dict[str, Actor],
) -> None:
    evidence = list(Evidence.objects.select_related("event"))
    rejected = {(e.event.survivor().pk, e.sentence_id) for e in evidence if e.rejected}
    rejected_sentences = {sentence for _event, sentence in rejected}
    # Where each sentence sits now (a sentence may report several events).
    # An editor who moved a sentence left a rejected link on the old event.
    holder: dict[int, list[Event]] = {}
    held: dict[int, set[int]] = {}  # event id -> its sentences
    for e in evidence:
        if not e.rejected:
            survivor = e.event.survivor()
            holder.setdefault(e.sentence_id, []).append(survivor)
            held.setdefault(survivor.pk, set()).add(e.sentence_id)
    # What each stored event was about (type and start), counting the events
    # an editor merged into it: tells apart happenings reported by the same
    # sentences ("the wars of 1967 and 1973").
    identities: dict[int, set[tuple[str, object]]] = {}
    for row in Event.objects.all():
        identities.setdefault(row.survivor().pk, set()).add((row.type, row.start))

    claimed: set[int] = set()
    wanted: set[tuple[int, int]] = set()  # (event id, sentence id) produced this run
    # Every stored link by (event, sentence), and the new ones, written in batches below.
    links = {(e.event_id, e.sentence_id): e for e in evidence}
    new_links: list[Evidence] = []
    new_events: list[tuple[Event, list[Country], list[Actor], list]] = []
    known = {c.iso3: c for c in Country.objects.all()}
    for te in found:
        refs = [(ref, sentences.get((ref.article, ref.sentence))) for ref in te.evidence]
        refs = [(ref, s) for ref, s in refs if s is not None]
        if not refs:
            continue
        identity = (te.type, te.date.start if te.date else None)
        event = _match_event([s for _, s in refs], holder, held, claimed, identity, identities)
        if event is None and all(s.pk in rejected_sentences for _, s in refs):
            continue  # an editor rejected every sentence of it: not an event
        values = {
            "title": te.title[:300],
            "type": te.type,
            "status": te.status,
            "date_rule": te.date_rule,
            "date_certain": te.date_certain,
            "conflicts": _conflicts_json(te.conflicts, sentences),
            **_date_fields(te.date),
        }
        found_actors = [actors[k] for k in te.actors if k in actors]
        if event is None:
            # New events are written together after the loop: see _create_events.
            countries = _countries(te.countries, known)
            new_events.append((Event(**values), countries, found_actors, refs))
            continue
        if event.apply_extracted(**values):
            event.save()
        claimed.add(event.pk)
        if "countries" not in event.edited_fields:
            event.countries.set(_countries(te.countries, known))
        if "actors" not in event.edited_fields:
            event.actors.set(found_actors)
        _link_refs(event, refs, rejected, wanted, links, new_links)
    for event, refs in _create_events(new_events):
        _link_refs(event, refs, rejected, wanted, links, new_links)

    bulk_create_with_history(new_links, Evidence, batch_size=BATCH, default_user=_history_user())
    # Extraction evidence no longer produced goes; editors' evidence stays.
    for e in Evidence.objects.filter(origin=Evidence.Origin.EXTRACTION, rejected=False):
        if (e.event_id, e.sentence_id) not in wanted:
            e.delete()
    # An event left with no evidence and no human work on it goes too.
    for event in Event.objects.filter(
        evidence__isnull=True, verified=False, hidden=False, merged_into__isnull=True
    ):
        if not event.edited_fields and not event.merged_from.exists():
            event.delete()


def _link_refs(event, refs, rejected, wanted, links, new_links) -> None:
    """Link the event to the sentences reporting it, but not where an editor rejected it."""
    for ref, sentence in refs:
        if (event.pk, sentence.pk) in rejected:
            continue
        wanted.add((event.pk, sentence.pk))
        _link(
            event,
            sentence,
            links,
            new_links,
            date_text=ref.date_text[:200],
            date_display=(ref.date.display if ref.date else "")[:100],
            date_edtf=(ref.date.edtf if ref.date else "")[:60],
            claims=dict(ref.claims),
        )


def _history_user():
    """Who the history records a write to, as saving one row would: the signed-in user of
    the request in progress (an editor's change in the admin), else nobody."""
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def _create_events(new: list[tuple[Event, list[Country], list[Actor], list]]) -> list:
    """Store new events in batches: their rows, countries and actors, and one history
    record each ("created", listing its countries and actors), not three per event as
    saving and then setting each relation one by one would write. Returns (event, refs)."""
    if not new:
        return []
    events = Event.objects.bulk_create([e for e, *_ in new], batch_size=BATCH)
    relations: dict[str, list] = {"countries": [], "actors": []}
    for event, countries, actors, _refs in new:
        for name, rows in (("countries", countries), ("actors", actors)):
            through = getattr(Event, name).through
            column = "country_id" if name == "countries" else "actor_id"
            for pk in dict.fromkeys(r.pk for r in rows):
                relations[name].append(through(event_id=event.pk, **{column: pk}))
    for name, rows in relations.items():
        relations[name] = getattr(Event, name).through.objects.bulk_create(rows, batch_size=BATCH)
    records = Event.history.bulk_history_create(
        events, batch_size=BATCH, default_user=_history_user(), default_change_reason=None
    )
    record_of = {record.id: record for record in records}  # the event's id -> its record
    target = {"countries": "country_id", "actors": "actor_id"}
    for name, rows in relations.items():
        # The history's copy of each relation row, as simple_history writes it on save.
        model = Event.history.model._meta.get_field(f"historicalevent_{name}").related_model
        model.objects.bulk_create(
            [
                model(
                    id=row.pk,
                    event_id=row.event_id,
                    history=record_of[row.event_id],
                    **{target[name]: getattr(row, target[name])},
                )
                for row in rows
            ],
            batch_size=BATCH,
        )
    return [(event, refs) for event, (_e, _c, _a, refs) in zip(events, new, strict=True)]


def _link(
    event: Event,
    sentence: Sentence,
    links: dict[tuple[int, int], Evidence],
    new_links: list[Evidence],
    **values: object,
) -> None:
    """Create (in ``new_links``, stored in batches by the caller) or update one evidence
    row, saving only on a real change so that the history shows what changed, not every
    rebuild. ``links`` holds every row of these events by (event, sentence)."""
    link = links.get((event.pk, sentence.pk))
    if link is None:
        link = Evidence(event=event, sentence=sentence, **values)
        links[(event.pk, sentence.pk)] = link
        new_links.append(link)
    elif any(getattr(link, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(link, name, value)
        if link.pk is not None:
            link.save()


def _match_event(
    sentences: Sequence[Sentence],
    holder: dict[int, list[Event]],
    held: dict[int, set[int]],
    claimed: set[int],
    identity: tuple[str, object] = ("", None),
    identities: dict[int, set[tuple[str, object]]] | None = None,
) -> Event | None:
    """The stored event holding most of these sentences, if any.

    Ties go to the event of the same type and start (or one merged into it),
    then to the event whose sentences these are most nearly (Jaccard), so an
    event sharing a sentence with another keeps its own identity.
    Several extracted events may land on one stored event only when an editor
    merged events into it or edited it; otherwise each stored event is matched
    once, so a happening the extraction now sees as two becomes two.
    """
    wanted = {s.pk for s in sentences}
    events: dict[int, Event] = {}
    for pk in wanted:
        for event in holder.get(pk, []):
            events.setdefault(event.pk, event)

    def fit(pk: int) -> tuple[int, bool, float, int]:
        shared = len(wanted & held[pk])
        same = identity in (identities or {}).get(pk, ())
        return (-shared, not same, -shared / len(wanted | held[pk]), pk)

    for pk in sorted(events, key=fit):
        event = events[pk]
        if pk not in claimed or event.merged_from.exists() or event.edited_fields:
            return event
    return None
