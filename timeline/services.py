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
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords
from simple_history.utils import bulk_create_with_history

from . import links_db, readings, sources
from .bulk import insert_rows
from .extraction import types as x
from .extraction.countries import country_name
from .extraction.header import header_problem, parse_header
from .extraction.pipeline import _stated as pipeline_stated
from .extraction.pipeline import build_timeline, extract_article
from .extraction.sentences import split_sentences
from .models import (
    Actor,
    ActorAlias,
    Article,
    Country,
    Event,
    Evidence,
    LinkKey,
    Mention,
    PendingUpdate,
    Reading,
    Sentence,
    unique_slug,
)
from .sources import (  # noqa: F401  (re-exported: the commands and tests read files here)
    MAX_ARTICLE_BYTES,
    ArticleError,
    read_article_file,
)

log = logging.getLogger(__name__)

# Rows a bulk write sends at once.
BATCH = 500


@dataclass
class IngestReport:
    created: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    events: int = 0
    finished_pending: int = 0  # articles an earlier, interrupted run left off the timeline

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
    an article the extractor cannot read fails here and leaves no trace. The
    article and its pending-work marker are stored in one transaction: the
    timeline update that follows (``update_timeline``) clears the marker, and a
    run killed before it leaves the marker for the next run to finish.
    """
    validate_text(text)
    digest = content_hash(text)
    existing = Article.objects.filter(content_hash=digest).first()
    if existing:
        return existing, False
    extraction = extract_article(text, key=digest)
    header = extraction.header
    for _attempt in range(5):
        try:
            with transaction.atomic():
                article = Article.objects.create(
                    slug=unique_slug(
                        Article, extraction.title or Path(source_name).stem, max_length=60
                    ),
                    content_hash=digest,
                    text=text,
                    title=extraction.title[:500],
                    url=header.url[:1000],
                    outlet=header.outlet[:200],
                    source_name=source_name[:500],
                    # The date the article states, a first guess that the timeline
                    # update confirms (then it saves nothing) or replaces.
                    **_published_fields(extraction.published),
                )
                _store_sentences(article, extraction.sentences)
                readings.keep_first_reading(article)
                mark_pending([digest])
            return article, True
        except IntegrityError:
            # Another process stored the same text meanwhile (then it is
            # unchanged here), or took the slug this one picked (try again).
            if existing := Article.objects.filter(content_hash=digest).first():
                return existing, False
    raise ArticleError("could not store the article: its slug kept being taken by other writers")


def _store_sentences(article: Article, sentences: Sequence[x.Sentence]) -> None:
    insert_rows(
        Sentence,
        ("article", "index", "start", "end", "text"),
        ((article.pk, s.index, s.start, s.end, s.text) for s in sentences),
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


# Called once per article: (outcome, line), outcome "added", "unchanged" or "failed".
OnItem = Callable[[str, str], None]


def ingest_paths(
    paths: Iterable[str | Path], *, echo=None, on_item: OnItem | None = None
) -> IngestReport:
    """Ingest files, folders and links, then update the timeline once.

    ``echo`` gets every line (one per article, as ``ingest`` prints them);
    with ``on_item`` the per-article lines go there instead (a progress bar).
    """
    items = [(str(spec), partial(ingest_source, spec)) for spec in sources.expand(paths)]
    return ingest_items(items, echo=echo, on_item=on_item)


def ingest_texts(texts: Sequence[tuple[str, str]], *, echo=None, on_item=None) -> IngestReport:
    """Ingest (source name, text) pairs: uploads kept by a background job."""
    items = [(name, partial(add_article, text, source_name=name)) for name, text in texts]
    return ingest_items(items, echo=echo, on_item=on_item)


def ingest_items(
    items: Sequence[tuple[str, Callable[[], tuple[Article, bool]]]],
    *,
    echo=None,
    on_item: OnItem | None = None,
) -> IngestReport:
    """Store each item (a name and the call that stores it), then update the timeline.

    Work an interrupted run left pending is finished first, and reported.
    """
    report = IngestReport()
    say = echo or (lambda _msg: None)
    tell = on_item or (lambda _outcome, line: say(line))
    report.finished_pending = finish_pending(echo=say)
    added: list[tuple[str, Article]] = []
    for name, store in items:
        try:
            article, created = store()
        except Exception as exc:  # an extractor bug must not stop the other files
            if not isinstance(exc, ArticleError):
                log.exception("ingest failed for %s", name)
            reason = str(exc) if isinstance(exc, ArticleError) else f"{type(exc).__name__}: {exc}"
            report.failed.append((name, reason))
            tell("failed", f"FAILED  {name}: {reason}")
            continue
        (report.created if created else report.unchanged).append(name)
        if created:
            added.append((name, article))
        outcome = "added" if created else "unchanged"
        tell(outcome, f"{outcome}  {name} -> /articles/{article.slug}/")
    _hook("INGEST_AFTER_STORE")
    if added or not Event.objects.exists():
        report.events = _update_or_isolate(added, report, say)
    else:
        report.events = Event.objects.visible().count()
    return report


def _update_or_isolate(added: list[tuple[str, Article]], report: IngestReport, say) -> int:
    """Update the timeline for this run's articles. An article that breaks the
    cross-article stage is found and fails alone; a database error (a lock
    waited for too long, a lost connection) is no article's fault: every
    article stays stored with its pending marker, for the next run to finish."""
    try:
        try:
            return update_timeline(changed=[a for _, a in added])
        except DatabaseError:
            raise
        except Exception:
            log.exception("updating the timeline failed; finding the article that breaks it")
            return _isolate_breaking_articles(added, report, say)
    except DatabaseError as exc:
        log.exception("updating the timeline failed")
        reason = (
            f"{type(exc).__name__}: {exc}; every article is stored and its timeline update "
            "is pending: the next ingest finishes it"
        )
        report.failed.append(("timeline update", reason))
        say(f"FAILED  timeline update: {reason}")
        return Event.objects.visible().count()


def _hook(point: str) -> None:
    """Test hook for the interrupted-run tests: ``TIMELINE_TEST_PAUSE=POINT:SECONDS``
    prints the point's name on stderr and sleeps there, so a test can kill the
    process at a known step. Does nothing unless the variable names this point."""
    wanted = os.environ.get("TIMELINE_TEST_PAUSE", "")
    name, _, seconds = wanted.partition(":")
    if name == point:
        os.write(2, f"\npaused at {point}\n".encode())
        time.sleep(float(seconds or 60))


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


def _isolate_breaking_articles(added, report: IngestReport, say) -> int:
    """The cross-article stage failed: take this run's new articles back and
    add them again one at a time, so only the article that breaks it fails.

    All of it is one transaction under the timeline lock: a crash or a kill
    half-way leaves every article stored and pending as it was, never lost,
    and no other writer sees the articles gone in between.
    """
    with timeline_lock():
        mine = {a.pk for _, a in added}
        texts = [(name, a.text, a.source_name) for name, a in added]
        Article.objects.filter(pk__in=mine).delete()
        for name, text, source_name in texts:
            try:
                with transaction.atomic():
                    article, _ = add_article(text, source_name=source_name)
                    update_timeline(changed=[article])
            except DatabaseError:
                raise
            except Exception as exc:
                log.exception("the timeline update failed with %s", name)
                reason = f"breaks the timeline rebuild: {type(exc).__name__}: {exc}"
                report.created.remove(name)
                report.failed.append((name, reason))
                say(f"FAILED  {name}: {reason}")
        return update_timeline()


def reextract(articles: Iterable[Article] | None = None, *, on_item: OnItem | None = None) -> int:
    """Re-run the extraction over stored articles, keeping every editor's change.

    Each article is re-split in its own transaction with its pending marker, so
    one that fails is named (through ``on_item``) and the others go on.
    """
    chosen = list(articles) if articles is not None else list(Article.objects.all())
    tell = on_item or (lambda _outcome, _line: None)
    done = []
    for article in chosen:
        try:
            with transaction.atomic():
                _refresh_sentences(article)
                # Its stored readings go: the article is read again, not recalled.
                Reading.objects.filter(article=article).delete()
                mark_pending([article.content_hash])
        except DatabaseError:
            raise
        except Exception as exc:
            if on_item is None:
                raise
            log.exception("re-extraction failed for %s", article)
            tell(
                "failed",
                f"FAILED  {article.source_name or article.slug}: {type(exc).__name__}: {exc}",
            )
            continue
        done.append(article)
        tell("reextracted", f"re-extracted  {article.source_name or article.slug}")
    return update_timeline(changed=done)


# --- Pending work and the timeline lock -------------------------------------


def mark_pending(hashes: Iterable[str]) -> None:
    """Record that these articles (by content hash) changed or went and the
    timeline has not caught up yet. Call inside the transaction that changes them."""
    PendingUpdate.objects.bulk_create(PendingUpdate(content_hash=h) for h in hashes)


def delete_articles(articles: Iterable[Article]) -> list[str]:
    """Delete articles and leave the timeline work they owe pending; returns their hashes."""
    chosen = list(articles)
    hashes = [a.content_hash for a in chosen]
    with transaction.atomic():
        mark_pending(hashes)
        for article in chosen:
            article.delete()
    return hashes


def pending_count() -> int:
    return PendingUpdate.objects.values("content_hash").distinct().count()


def finish_pending(*, echo=None) -> int:
    """Bring onto the timeline the work an interrupted run (or another writer
    still at work) left pending. Returns the number of articles concerned."""
    count = pending_count()
    if count:
        (echo or (lambda _msg: None))(
            f"finishing pending work: {count} article(s) stored or changed without "
            "their timeline update (an interrupted run?)"
        )
        update_timeline()
    return count


# SQLite has one writer at a time: with ``transaction_mode: IMMEDIATE`` (settings)
# every transaction takes the write lock at its start, so this one waits its
# turn. PostgreSQL takes an advisory lock held to the end of the transaction.
TIMELINE_LOCK_KEY = 0x7417E11E


@contextmanager
def timeline_lock() -> Iterator[None]:
    """One timeline update at a time, across processes and machines; the
    update reads the articles only once it holds the lock."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [TIMELINE_LOCK_KEY])
        yield


# --- Rebuilding the timeline ----------------------------------------------


def update_timeline(changed: Iterable[Article] = (), removed: Iterable[str] = ()) -> int:
    """Bring the timeline up to date after these articles were added or changed
    (``changed``) or deleted (``removed``: their content hashes).

    The one entry point every write goes through (ingest, the admin, jobs).
    Runs under the timeline lock, in one transaction that also clears the
    pending markers it covers, together with any other pending work.
    """
    with timeline_lock():
        pending = list(PendingUpdate.objects.values_list("pk", "content_hash"))
        hashes = {digest for _pk, digest in pending}
        found = {a.content_hash: a for a in Article.objects.filter(content_hash__in=hashes)}
        changed = list({a.pk: a for a in [*changed, *found.values()]}.values())
        removed = sorted(set(removed) | (hashes - set(found)))
        _hook("UPDATE_BEFORE_WRITE")
        count = _update_timeline(changed, removed)
        PendingUpdate.objects.filter(pk__in=[pk for pk, _digest in pending]).delete()
    return count


def _update_timeline(changed: Sequence[Article], removed: Sequence[str]) -> int:
    """The update itself, under the lock.

    Only the articles reachable from the changed ones through shared link keys
    (``timeline.extraction.links``) are clustered again, and only their events,
    mentions and publication dates are stored; the result equals a full rebuild.
    Called with nothing, or on a database whose articles have no link keys yet,
    it rebuilds everything (still reusing the stored readings).
    """
    changed = [a for a in changed if a.pk is not None]
    removed = [h for h in removed if h]
    if (not changed and not removed) or _unlinked_articles(changed):
        return rebuild_timeline()
    stale = set(removed) | {a.content_hash for a in changed}
    reach = links_db.Reach()
    keyed = list(links_db.Reach.keys_of(stale).values())  # what the old versions shared
    members = {a.content_hash for a in changed}
    reader = readings.StoredReader()
    reader.load(changed)  # one query for all, not one per article in _keys_of
    for article in changed:  # the new text or date may share keys the old one did not
        keyed.append(_keys_of(reader, article))
    LinkKey.objects.filter(article_key__in=removed).delete()
    members = reach.closure(keyed, members)
    while True:
        articles = list(Article.objects.filter(content_hash__in=members).order_by("id"))
        reader.load(articles)
        result = build_timeline(_docs(articles), reader=reader)
        found = reader.link_keys(articles)
        # Read under an inferred date, an article may share keys its stored ones did not.
        grown = reach.closure(found.values(), members)
        if grown == members:
            break  # no article outside ``members`` shares a key with them
        members = grown
    _store(result, articles, reader, found, scoped=True)
    return Event.objects.visible().count()


def rebuild_timeline() -> int:
    """Run the cross-article pipeline over every article and store the result.

    Returns the number of visible events. Idempotent: a second run with the
    same articles changes nothing. Per-article readings stored by an earlier run
    of the same extractor are reused (``reextract`` drops them first).
    """
    articles = list(Article.objects.all().order_by("id"))
    reader = readings.StoredReader()
    reader.load(articles)
    result = build_timeline(_docs(articles), reader=reader)
    _store(result, articles, reader, reader.link_keys(articles), scoped=False)
    return Event.objects.visible().count()


def _docs(articles: Sequence[Article]) -> list[x.DocInput]:
    return [
        x.DocInput(
            key=a.content_hash,
            text=a.text,
            published=a.published if "published" in a.edited_fields else None,
            published_source="editor" if "published" in a.edited_fields else "",
            label=a.title or a.slug,
        )
        for a in articles
    ]


def _keys_of(reader: readings.StoredReader, article: Article) -> set[str]:
    """The keys of the article as read with its stated date, before any inference."""
    reader.load([article])
    doc = _docs([article])[0]
    reader.read(doc.text, pipeline_stated(doc))
    return reader.link_keys([article]).get(article.content_hash, set())


def _unlinked_articles(changed: Sequence[Article]) -> bool:
    """Articles stored before link keys existed (or never built), other than the
    changed ones: only a full rebuild knows what they share."""
    return (
        Article.objects.exclude(pk__in=[a.pk for a in changed])
        .exclude(content_hash__in=LinkKey.objects.values("article_key"))
        .exists()
    )


def _store(result, articles, reader, found, *, scoped: bool) -> None:
    """Store what the run found for these articles (all of them unless ``scoped``)."""
    with transaction.atomic():
        reader.save()
        if not scoped:  # readings of an older extractor are never read again
            Reading.objects.exclude(version=reader.version).delete()
        by_key = {a.content_hash: a for a in articles}
        _store_articles(result, by_key)
        sentences = _sentences(articles, scoped=scoped)
        actors = _store_actors(result.actors)
        _store_mentions(result, by_key, sentences, actors, articles if scoped else None)
        _store_events(result.events, sentences, actors, articles if scoped else None)
        links_db.replace(found, everything=not scoped)


def _sentences(articles: Sequence[Article], *, scoped: bool) -> dict[tuple[str, int], Sentence]:
    """The sentences (of these articles, or all), by (article key, index), each holding
    its article: the instance in hand, not one more instance per sentence."""
    by_pk = {a.pk: a for a in articles}
    rows = list(Sentence.objects.filter(article__in=articles) if scoped else Sentence.objects.all())
    if missing := {row.article_id for row in rows} - by_pk.keys():  # stored meanwhile
        # Without the text: one copy per sentence would be the square of a long article.
        by_pk.update((a.pk, a) for a in Article.objects.defer("text").filter(pk__in=missing))
    found = {}
    for sentence in rows:
        sentence.article = by_pk[sentence.article_id]
        found[(sentence.article.content_hash, sentence.index)] = sentence
    return found


def _store_articles(result: x.TimelineResult, by_key: dict[str, Article]) -> None:
    for key, extraction in result.articles.items():
        article = by_key[key]
        changed = article.apply_extracted(
            title=(article.title or extraction.title)[:500],
            **_published_fields(extraction.published),
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
    stamped = [by_key[key].pk for key in result.articles]
    for start in range(0, len(stamped), 500):
        Article.objects.filter(pk__in=stamped[start : start + 500]).update(
            extracted_at=timezone.now()
        )


def _published_fields(pub: x.PublicationDate) -> dict[str, object]:
    """An article's publication-date fields as extraction found them."""
    return {
        "published": pub.value,
        "published_source": pub.source if pub.value else x.PUB_UNKNOWN,
        "published_evidence": pub.evidence,
        "published_certain": bool(pub.value) and pub.certain,
    }


def _countries(iso3s: Iterable[str], known: dict[str, Country] | None = None) -> list[Country]:
    """The country rows, created when missing; ``known`` saves a query for each one
    already loaded (the table is small: one load per rebuild)."""
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
    existing = {}
    wanted = sorted({info.key for info in infos})
    for start in range(0, len(wanted), 500):
        rows = Actor.objects.filter(key__in=wanted[start : start + 500])
        existing.update((a.key, a) for a in rows.select_related("merged_into"))
    known = {c.iso3: c for c in Country.objects.all()}
    aliases: dict[int, set[str]] = {}
    for actor_id, name in ActorAlias.objects.filter(
        actor_id__in=[a.survivor().pk for a in existing.values()]
    ).values_list("actor_id", "name"):
        aliases.setdefault(actor_id, set()).add(name)
    result: dict[str, Actor] = {}
    new: dict[str, Actor] = {}
    slugs: set[str] = set()  # the new actors'
    for info in infos:
        country = _countries([info.country], known)[0] if info.country else None
        title = sorted(info.titles)[0][:200] if info.titles else ""
        actor = existing.get(info.key) or new.get(info.key)
        if actor is None:
            # New actors are written together below, each with its creation record.
            new[info.key] = Actor(
                key=info.key,
                slug=unique_slug(Actor, info.name, max_length=80, taken=slugs),
                name=info.name,
                kind=info.kind,
                title=title,
                country=country,
            )
            slugs.add(new[info.key].slug)
            continue
        changed = actor.apply_extracted(
            name=info.name,
            kind=info.kind,
            title=title if info.titles else actor.title,
            country=country or actor.country,
        )
        if changed and actor.pk is not None:
            actor.save()
    bulk_create_with_history(
        list(new.values()), Actor, batch_size=BATCH, default_user=_history_user()
    )
    fresh_aliases: list[ActorAlias] = []
    for info in infos:
        # Aliases go to the actor an editor merged this one into; once an
        # editor edited the alias list, it is theirs.
        survivor = (existing.get(info.key) or new[info.key]).survivor()
        if "aliases" not in survivor.edited_fields:
            stored = aliases.setdefault(survivor.pk, set())
            fresh = [
                alias[:200]
                for alias in sorted(info.aliases | {info.name})
                if alias[:200] not in stored and alias[:200] != survivor.name
            ]
            fresh_aliases.extend(ActorAlias(actor=survivor, name=a) for a in fresh)
            stored.update(fresh)
        result[info.key] = survivor
    ActorAlias.objects.bulk_create(fresh_aliases, batch_size=BATCH)
    return result


_MENTION_FIELDS = ("sentence_id", "start", "end", "text", "kind", "value", "country_id", "actor_id")


def _mention_values(mark, key, sentences, actors, countries) -> dict | None:
    """The row a mark is stored as, or None when it has no sentence or actor."""
    sentence = sentences.get((key, mark.sentence))
    if sentence is None:
        return None
    values = {"sentence": sentence, "value": "", "country": None, "actor": None}
    if isinstance(mark, x.Timex):
        kind = Mention.Kind.DURATION if mark.kind == "duration" else Mention.Kind.DATE
        values["value"] = (mark.value.display if mark.value else "")[:100]
    elif mark.kind == x.COUNTRY:
        kind = mark.kind
        values["country"] = _countries([mark.key], countries)[0]
    elif mark.key in actors:
        kind = mark.kind
        values["actor"] = actors[mark.key]
    else:
        return None
    return {**values, "start": mark.start, "end": mark.end, "text": mark.text[:300], "kind": kind}


def _compared(values: dict) -> tuple:
    """The mark's row as stored (``_MENTION_FIELDS``)."""
    return (
        values["sentence"].pk,
        values["start"],
        values["end"],
        values["text"],
        str(values["kind"]),
        values["value"],
        values["country"].pk if values["country"] else None,
        values["actor"].pk if values["actor"] else None,
    )


def _store_mentions(result, by_key, sentences, actors, scope=None) -> None:
    """Derived data, rewritten for each article read (``scope``; all if None) whose
    marks changed: an article whose marks are the same costs no write."""
    countries = {c.iso3: c for c in Country.objects.all()}
    stored: dict[int, list[tuple]] = {}
    rows = Mention.objects.all() if scope is None else Mention.objects.filter(article__in=scope)
    for article_id, *fields in rows.values_list("article_id", *_MENTION_FIELDS):
        stored.setdefault(article_id, []).append(tuple(fields))
    stale: list[int] = []
    fresh: list[tuple] = []
    for key, extraction in result.articles.items():
        article = by_key[key]
        marks = [*extraction.mentions, *extraction.timexes]
        found = [_mention_values(m, key, sentences, actors, countries) for m in marks]
        rows = [_compared(values) for values in found if values is not None]
        if Counter(rows) != Counter(stored.get(article.pk, [])):
            stale.append(article.pk)
            fresh.extend((article.pk, *row) for row in rows)
    for start in range(0, len(stale), 500):
        Mention.objects.filter(article_id__in=stale[start : start + 500]).delete()
    insert_rows(Mention, ("article_id", *_MENTION_FIELDS), fresh)


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


def _events_touching(scope: Sequence[Article]) -> set[int]:
    """The events holding a sentence of these articles, the events they were merged
    into, and every event merged into those: what matching a found event may need."""
    found = set(
        Evidence.objects.filter(sentence__article__in=scope).values_list("event_id", flat=True)
    )
    frontier = set(found)
    while frontier:
        linked = Event.objects.filter(Q(pk__in=frontier) | Q(merged_into__in=frontier))
        pairs = linked.values_list("pk", "merged_into_id")
        reached = {pk for pair in pairs for pk in pair if pk is not None}
        frontier = reached - found
        found |= reached
    return found


def _store_events(
    found: Sequence[x.TimelineEvent],
    sentences: dict[tuple[str, int], Sentence],
    actors: dict[str, Actor],
    scope: Sequence[Article] | None = None,
) -> None:
    """Store the found events; with ``scope``, the found events are those of these
    articles, and only the stored events holding their sentences are matched,
    updated or removed."""
    touched = None if scope is None else _events_touching(scope)
    rows = Evidence.objects.select_related("event")
    evidence = list(rows if touched is None else rows.filter(event_id__in=touched))
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
    for row in Event.objects.all() if touched is None else Event.objects.filter(pk__in=touched):
        identities.setdefault(row.survivor().pk, set()).add((row.type, row.start))
    links = {(e.event_id, e.sentence_id): e for e in evidence}
    linked = _linked_ids(touched)
    known = {c.iso3: c for c in Country.objects.all()}

    claimed: set[int] = set()
    wanted: set[tuple[int, int]] = set()  # (event id, sentence id) produced this run
    new_events: list[tuple[Event, list[Country], list[Actor], list]] = []
    new_links: list[Evidence] = []
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
        if event is None:
            # New events are written together after the loop: see _create_events.
            rows = [actors[k] for k in te.actors if k in actors]
            new_events.append((Event(**values), _countries(te.countries, known), rows, refs))
            continue
        if event.apply_extracted(**values):
            event.save()
        claimed.add(event.pk)
        # Set only on a change: an unchanged event costs no query and no history row.
        if "countries" not in event.edited_fields:
            rows = _countries(te.countries, known)
            if {c.pk for c in rows} != linked["countries"].get(event.pk, set()):
                event.countries.set(rows)
        if "actors" not in event.edited_fields:
            rows = [actors[k] for k in te.actors if k in actors]
            if {a.pk for a in rows} != linked["actors"].get(event.pk, set()):
                event.actors.set(rows)
        _link_refs(event, refs, rejected, wanted, links, new_links)
    for event, refs in _create_events(new_events):
        _link_refs(event, refs, rejected, wanted, links, new_links)
    bulk_create_with_history(new_links, Evidence, batch_size=BATCH, default_user=_history_user())

    # Extraction evidence no longer produced goes; editors' evidence stays.
    produced = Evidence.objects.filter(origin=Evidence.Origin.EXTRACTION, rejected=False)
    if scope is not None:
        produced = produced.filter(sentence__article__in=scope)
    for e in produced:
        if (e.event_id, e.sentence_id) not in wanted:
            e.delete()
    # An event left with no evidence and no human work on it goes too. Scoped, that is
    # an event that held these articles' sentences, or one whose last sentence went
    # with a deleted article (one indexed anti-join, not a walk over the events).
    empty = Event.objects.filter(
        evidence__isnull=True, verified=False, hidden=False, merged_into__isnull=True
    )
    for event in empty:
        if not event.edited_fields and not event.merged_from.exists():
            event.delete()


def _linked_ids(touched: set[int] | None) -> dict[str, dict[int, set[int]]]:
    """Each stored event's countries and actors (of these events; all if None)."""
    found: dict[str, dict[int, set[int]]] = {}
    for name in ("countries", "actors"):
        through = getattr(Event, name).through
        target = "country_id" if name == "countries" else "actor_id"
        rows = through.objects.all()
        if touched is not None:
            rows = rows.filter(event_id__in=touched)
        found[name] = {}
        for event_id, other in rows.values_list("event_id", target):
            found[name].setdefault(event_id, set()).add(other)
    return found


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
