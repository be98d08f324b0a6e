"""What the timeline stores: articles and their sentences, actors, countries,
events and the evidence that ties each event to every sentence reporting it.

Extraction writes through ``timeline.services``; editors write through the
admin. The rule that keeps them apart lives in :class:`EditTracked`: a field
an editor changed is never written by extraction again.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Container, Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.urls import reverse
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from .extraction import types as x
from .extraction.vocabulary import EVENT_TYPES
from .extraction.weburl import web_url


class Precision(models.TextChoices):
    DAY = x.DAY, "day"
    MONTH = x.MONTH, "month"
    SEASON = x.SEASON, "part of a year"
    YEAR = x.YEAR, "year"
    DECADE = x.DECADE, "decade"
    CENTURY = x.CENTURY, "century"
    RANGE = x.RANGE, "range"


def event_type_choices() -> list[tuple[str, str]]:
    return [(code, label) for code, (label, _cameo) in EVENT_TYPES.items()]


def validate_web_url(value: str) -> None:
    """Forms' and models' side of ``web_url``: http and https addresses only."""
    if value and web_url(value) is None:
        raise ValidationError("Enter an http:// or https:// address.", code="invalid")


def unique_slug(
    model: type[models.Model], text: str, *, max_length: int = 80, taken: Container[str] = ()
) -> str:
    """A slug no stored row has, nor any in ``taken`` (rows about to be stored together)."""
    base = slugify(text)[:max_length].strip("-") or "item"
    slug, n = base, 2
    while slug in taken or model._default_manager.filter(slug=slug).exists():
        slug = f"{base[: max_length - 4]}-{n}"
        n += 1
    return slug


class EditTracked(models.Model):
    """A record whose fields can be edited by people and written by extraction.

    ``edited_fields`` names the fields an editor changed; extraction leaves
    them as the editor left them, field by field, through every re-ingest.
    """

    edited_fields = models.JSONField(
        default=list,
        blank=True,
        help_text="Fields changed by an editor; extraction never overwrites them.",
    )

    class Meta:
        abstract = True

    def mark_edited(self, names: Iterable[str]) -> None:
        self.edited_fields = sorted(set(self.edited_fields) | set(names))

    def apply_extracted(self, **values: object) -> list[str]:
        """Set extracted values on fields no editor touched; return the changed ones."""
        changed = []
        for name, value in values.items():
            if name in self.edited_fields:
                continue
            if getattr(self, name) != value:
                setattr(self, name, value)
                changed.append(name)
        return changed


class Mergeable:
    """A record an editor can merge into another (``merged_into``)."""

    def survivor(self):
        """The record this one was merged into, following chains (and cycles) safely."""
        record, seen = self, set()
        while record.merged_into_id and record.pk not in seen:
            seen.add(record.pk)
            record = record.merged_into
        return record


class Country(models.Model):
    iso3 = models.CharField("ISO 3166 alpha-3", max_length=3, primary_key=True)
    name = models.CharField(max_length=120)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("country", args=[self.iso3])


class ArticleQuerySet(models.QuerySet):
    def originals(self) -> ArticleQuerySet:
        return self.filter(duplicate_of__isnull=True)


class Article(EditTracked):
    class DateSource(models.TextChoices):
        HEADER = x.PUB_HEADER, "stated in the header"
        DATELINE = x.PUB_DATELINE, "read from a dateline in the text"
        INFERRED = x.PUB_INFERRED, "inferred from the text and other articles"
        EDITOR = "editor", "set by an editor"
        UNKNOWN = x.PUB_UNKNOWN, "unknown"

    slug = models.SlugField(max_length=100, unique=True)
    content_hash = models.CharField(
        max_length=64, unique=True, help_text="SHA-256 of the text: the article's natural key."
    )
    text = models.TextField()
    title = models.CharField(max_length=500, blank=True)
    url = models.URLField(max_length=1000, blank=True, validators=[validate_web_url])
    outlet = models.CharField(max_length=200, blank=True)
    published = models.DateField(null=True, blank=True)
    published_source = models.CharField(
        max_length=20, choices=DateSource.choices, default=DateSource.UNKNOWN
    )
    published_evidence = models.TextField(blank=True)
    published_certain = models.BooleanField(default=False)
    source_name = models.CharField(
        max_length=500, blank=True, help_text="The file it was ingested from."
    )
    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
        help_text="Set when this article is a copy or near-copy of another.",
    )
    ingested_at = models.DateTimeField(auto_now_add=True)
    extracted_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()
    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "title"]
        # The filter form lists the latest articles first: walked on this index, not sorted.
        indexes = [models.Index(fields=["-published", "title"], name="article_latest")]

    def __str__(self) -> str:
        return self.title or self.slug

    def get_absolute_url(self) -> str:
        return reverse("article", args=[self.slug])


class SentenceQuerySet(models.QuerySet):
    def awaiting_review(self) -> SentenceQuerySet:
        """The review queue: sentences with a date and a country or known actor that
        are evidence for no event and that no editor dismissed.

        Every test is an EXISTS on an indexed column of the same sentence (or, for a
        dismissal, of its article and offset), so the database does the whole
        selection in one query, whatever the size of the corpus.
        """
        here = models.OuterRef
        marks = Mention.objects.filter(sentence=here("pk"))
        # A dismissal belongs to the sentence holding its first character.
        dismissed = Dismissal.objects.filter(
            article=here("article"), start__gte=here("start"), start__lt=here("end")
        )
        return (
            self.filter(
                # A date the extraction could place; "soon" or "currently" is no date to review.
                models.Exists(marks.filter(kind=Mention.Kind.DATE).exclude(value="")),
                models.Exists(
                    marks.filter(
                        models.Q(kind=Mention.Kind.COUNTRY) | models.Q(actor__isnull=False)
                    )
                ),
            )
            .exclude(models.Exists(Evidence.objects.filter(sentence=here("pk"), rejected=False)))
            .exclude(models.Exists(dismissed))
        )

    def mentioning(self, iso3s: Iterable[str]) -> SentenceQuerySet:
        qs = self
        for iso3 in iso3s:  # every chosen country is named, as on the timeline
            qs = qs.filter(
                models.Exists(
                    Mention.objects.filter(sentence=models.OuterRef("pk"), country_id=iso3)
                )
            )
        return qs


class Sentence(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sentences")
    index = models.PositiveIntegerField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()

    objects = SentenceQuerySet.as_manager()

    class Meta:
        ordering = ["article", "index"]
        constraints = [
            models.UniqueConstraint(fields=["article", "index"], name="sentence_unique_index")
        ]

    def __str__(self) -> str:
        return f"{self.article.slug} #{self.index}"

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#{self.anchor}"

    @property
    def number(self) -> int:
        """The sentence's place in its article as people count, from 1: its anchor and the
        explanations ("sentence 4") use it; ``index`` counts from 0."""
        return self.index + 1

    @property
    def anchor(self) -> str:
        return f"s{self.number}"


class Actor(Mergeable, EditTracked):
    class Kind(models.TextChoices):
        PERSON = x.PERSON, "person"
        ORGANISATION = x.ORGANISATION, "organisation"
        GROUP = x.GROUP, "group"

    key = models.CharField(
        max_length=200,
        unique=True,
        help_text="The extraction's normalised key, used to find this actor again on re-ingest.",
    )
    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PERSON)
    title = models.CharField(max_length=200, blank=True, help_text="Role, e.g. Foreign Minister")
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="actors"
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
        help_text="Set when an editor merged this actor into another.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("actor", args=[self.slug])


class ActorAlias(models.Model):
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "actor aliases"
        constraints = [
            models.UniqueConstraint(fields=["actor", "name"], name="alias_unique_per_actor")
        ]

    def __str__(self) -> str:
        return self.name


class IdList(models.Expression):
    """A list of keys of any length as one query parameter, read as a one-column subquery
    (``pk__in=IdList(ids)``): a parameter per key would meet SQLite's limit on them, and
    its text would be rebuilt for each query that reuses the list."""

    output_field = models.BigIntegerField()

    def __init__(self, ids: Iterable[int]):
        super().__init__()
        self.ids = [int(i) for i in ids]

    def as_sql(self, compiler, connection):
        return "SELECT value FROM json_each(%s)", [json.dumps(self.ids)]

    def as_postgresql(self, compiler, connection):
        return "SELECT unnest(%s::bigint[])", [self.ids]


class TextIndexed(models.Expression):
    """The keys of the sentences whose text holds a phrase in any case, from SQLite's FTS5
    trigram table (migration 0010): a superset of what ``icontains`` keeps, found without
    reading every sentence. Three characters at least (one trigram)."""

    output_field = models.BigIntegerField()

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def as_sql(self, compiler, connection):
        phrase = '"' + self.text.replace('"', '""') + '"'
        return (
            "SELECT rowid FROM timeline_sentence_text WHERE timeline_sentence_text MATCH %s",
            [phrase],
        )


class EventQuerySet(models.QuerySet):
    """Filters that read like the domain; views compose them."""

    def visible(self) -> EventQuerySet:
        return self.filter(merged_into__isnull=True, hidden=False)

    def for_countries(self, iso3s: Iterable[str]) -> EventQuerySet:
        """Events in which every chosen country takes part (AND)."""
        return self._linked_to_all(Event.countries.through, "country_id", iso3s)

    def for_actors(self, slugs: Iterable[str]) -> EventQuerySet:
        """Events in which every chosen actor takes part (AND)."""
        return self._linked_to_all(Event.actors.through, "actor__slug", slugs)

    def _linked_to_all(self, link: type[models.Model], key: str, values: Iterable[str]):
        """One ``IN`` subquery however many values: the events linked to as many
        distinct chosen values as there are. (A join per value made a query
        whose cost grew with every value repeated in the URL.)"""
        wanted = set(values)
        if not wanted:
            return self
        if len(wanted) == 1:
            # One value: an event has at most one link to it (a unique pair), so the links
            # that name it are the answer, without counting them per event.
            return self.filter(
                pk__in=link.objects.filter(**{f"{key}__in": wanted}).values("event_id")
            )
        linked = (
            link.objects.filter(**{f"{key}__in": wanted})
            .values("event_id")
            .annotate(n=models.Count(key, distinct=True))
            .filter(n=len(wanted))
            .values("event_id")
        )
        return self.filter(pk__in=linked)

    def of_type(self, code: str) -> EventQuerySet:
        return self.filter(type=code) if code else self

    def between(self, start: dt.date | None, end: dt.date | None) -> EventQuerySet:
        qs = self
        if start:
            qs = qs.filter(end__gte=start)
        if end:
            qs = qs.filter(start__lte=end)
        return qs

    def matching(self, text: str, *, indexed: bool = True) -> EventQuerySet:
        """Events whose title or an accepted source sentence holds ``text``, in any case.

        ``indexed``: on SQLite, the sentences are first narrowed by the trigram index
        (migration 0010); the LIKE then decides, so the answer is the same without it.
        PostgreSQL's trigram index serves the LIKE itself."""
        if not text:
            return self
        # A subquery, not a join: a join repeats an event per matching sentence, and every
        # count over the result then needs DISTINCT (a sort of the whole set).
        sentences = Evidence.objects.filter(rejected=False, sentence__text__icontains=text)
        if indexed and len(text) >= 3 and connections[self.db].vendor == "sqlite":
            sentences = sentences.filter(sentence_id__in=TextIndexed(text))
        return self.filter(
            models.Q(title__icontains=text) | models.Q(pk__in=sentences.values("event_id"))
        )

    def among(self, ids: Iterable[int]) -> EventQuerySet:
        """The events of a list of keys found beforehand (``matching`` evaluated once for
        the several queries of a page)."""
        return self.filter(pk__in=IdList(ids))

    def chronological(self) -> EventQuerySet:
        return self.order_by(models.F("start").asc(nulls_last=True), "end", "id")


class Event(Mergeable, EditTracked):
    class Status(models.TextChoices):
        DONE = "done", "happened"
        PLANNED = "planned", "planned or announced"

    title = models.CharField(max_length=300)
    type = models.CharField(max_length=40, choices=event_type_choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DONE)
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    precision = models.CharField(max_length=10, choices=Precision.choices, blank=True)
    edtf = models.CharField("EDTF", max_length=60, blank=True)
    date_display = models.CharField(max_length=100, blank=True)
    date_rule = models.TextField(blank=True, help_text="How the date was obtained.")
    date_certain = models.BooleanField(default=True)
    countries = models.ManyToManyField(Country, blank=True, related_name="events")
    actors = models.ManyToManyField(Actor, blank=True, related_name="events")
    conflicts = models.JSONField(
        default=list, blank=True, help_text="Claims on which the sources disagree."
    )
    verified = models.BooleanField(default=False, help_text="Checked by an editor.")
    hidden = models.BooleanField(default=False, help_text="Rejected by an editor: not shown.")
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
        help_text="Set when an editor merged this event into another; its URL redirects there.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(m2m_fields=[countries, actors])
    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = [models.F("start").asc(nulls_last=True), "id"]
        indexes = [
            models.Index(fields=["start", "end"]),
            models.Index(fields=["type"]),
            # The timeline's list: visible events (not merged) in date order, within dates.
            # Walked in order and stopped after a page, instead of sorting every event.
            # With ``hidden`` last, the index alone answers the date filter and the chart's
            # bins of the events it keeps (selectors.lane_counts_sql), not the table's rows.
            models.Index(
                fields=["merged_into", "start", "end", "hidden"], name="event_visible_dates"
            ),
            # The timeline's counts per type and its extent (summaries_by_type), read from
            # this index alone: with the table's wide rows, ten times slower at 20,000 events.
            models.Index(
                fields=["type", "merged_into", "hidden", "start", "end"], name="event_type_counts"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("event", args=[self.pk])

    @property
    def type_label(self) -> str:
        # What get_type_display() says, without it: the choices are a callable, which
        # Django normalises again on every call (a fifth of a page drawing 500 marks).
        entry = EVENT_TYPES.get(self.type)
        return entry[0] if entry else self.type


class Evidence(models.Model):
    """One sentence reporting an event, with what that sentence claims."""

    class Origin(models.TextChoices):
        EXTRACTION = "extraction", "extraction"
        EDITOR = "editor", "editor"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="evidence")
    sentence = models.ForeignKey(Sentence, on_delete=models.CASCADE, related_name="evidence")
    date_text = models.CharField(max_length=200, blank=True)
    date_display = models.CharField(max_length=100, blank=True)
    date_edtf = models.CharField(max_length=60, blank=True)
    claims = models.JSONField(default=dict, blank=True)
    origin = models.CharField(max_length=12, choices=Origin.choices, default=Origin.EXTRACTION)
    rejected = models.BooleanField(
        default=False, help_text="An editor removed this link; extraction will not add it back."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["sentence__article__published", "sentence__article_id", "sentence__index"]
        verbose_name_plural = "evidence"
        constraints = [
            models.UniqueConstraint(fields=["event", "sentence"], name="evidence_unique_sentence")
        ]

    def __str__(self) -> str:
        return f"{self.event_id} ← {self.sentence}"


class Mention(models.Model):
    """Something the extraction marked in a sentence: a date, a country, an actor."""

    class Kind(models.TextChoices):
        DATE = "date", "date"
        DURATION = "duration", "duration"
        COUNTRY = x.COUNTRY, "country"
        PERSON = x.PERSON, "person"
        ORGANISATION = x.ORGANISATION, "organisation"
        GROUP = x.GROUP, "group"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    sentence = models.ForeignKey(Sentence, on_delete=models.CASCADE, related_name="mentions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    value = models.CharField(max_length=100, blank=True, help_text="A date as normalised.")
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.CASCADE)
    actor = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.CASCADE)

    class Meta:
        ordering = ["article", "start"]
        # The review queue asks, per sentence, "has it a mark of this kind?".
        indexes = [models.Index(fields=["sentence", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind}: {self.text}"


class ReviewSentence(Sentence):
    """A sentence as the review queue shows it: the queue's own admin page."""

    class Meta:
        proxy = True
        verbose_name = "sentence to review"
        verbose_name_plural = "sentences to review"


class Dismissal(models.Model):
    """An editor's word that a sentence in the review queue reports no event.

    Kept by position in the article rather than by sentence row, so that it
    survives ``ingest --reextract`` even when the sentences are split anew:
    it belongs to whichever sentence holds its first character. The unique
    constraint is also the index the review queue looks it up by.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="dismissals")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField(help_text="The sentence as the editor saw it.")
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    dismissed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-dismissed_at"]
        constraints = [
            models.UniqueConstraint(fields=["article", "start"], name="dismissal_unique_start")
        ]

    def __str__(self) -> str:
        return self.text[:80]


# --- Work in progress ------------------------------------------------------


class PendingUpdate(models.Model):
    """Timeline work still owed for one article: stored, changed or deleted,
    and not yet brought onto the timeline.

    Written in the same transaction as the change to the article and deleted
    in the same transaction as the timeline update that covers it, so a run
    killed in between leaves the marker for the next run to finish. Keyed by
    the content hash, which outlives a deleted article.
    """

    content_hash = models.CharField(max_length=64, db_index=True)
    queued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.content_hash[:12]


class Job(models.Model):
    """Long work run by a task worker (django-tasks) instead of a web request:
    its state, progress and every article that failed, for the admin."""

    class Kind(models.TextChoices):
        INGEST = "ingest", "ingest articles"
        REEXTRACT = "reextract", "re-extract articles"
        UPDATE = "update", "update the timeline"

    class State(models.TextChoices):
        QUEUED = "queued", "queued"
        RUNNING = "running", "running"
        DONE = "done", "done"
        FAILED = "failed", "failed"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    state = models.CharField(
        max_length=20, choices=State.choices, default=State.QUEUED, db_index=True
    )
    total = models.PositiveIntegerField(default=0, help_text="Articles to process.")
    done = models.PositiveIntegerField(default=0, help_text="Articles processed so far.")
    payload = models.JSONField(default=dict, blank=True, help_text="What the job works on.")
    failures = models.JSONField(
        default=list, blank=True, help_text="Each failed article and its reason."
    )
    error = models.TextField(blank=True, help_text="Why the job itself failed, if it did.")
    summary = models.CharField(max_length=300, blank=True)
    task_id = models.CharField(max_length=64, blank=True, help_text="The task backend's id.")
    requested_by = models.CharField(max_length=150, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="The last sign of life of the worker running the job (its start, then each "
        "article done): a running job silent for too long was interrupted.",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"


class Reading(models.Model):
    """One article as the per-article extraction read it, under one publication date.

    The reading depends only on the text, the publication date given to it and the
    extractor's code, so a rebuild reuses it instead of reading the article again;
    ``version`` (a digest of the extraction package) retires it when the code changes.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="readings")
    version = models.CharField(max_length=40)
    published = models.CharField(
        max_length=40, help_text="Digest of the publication date it was read with."
    )
    payload = models.BinaryField(help_text="The reading, pickled and compressed.")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "version", "published"], name="reading_unique"
            )
        ]

    def __str__(self) -> str:
        return f"reading of article {self.article_id} ({self.version})"


class LinkKey(models.Model):
    """What an article shares with others in the cross-article stage: the countries and
    actor names its candidates are clustered by, its actors' merge keys, its sentences
    (near-copies) and its label. Articles sharing no key cannot change each other's
    events, so an update re-clusters only those reachable from the changed ones.

    Kept by content hash, not by row: the keys of a deleted article still tell which
    articles it touched.
    """

    article_key = models.CharField(max_length=64, db_index=True)
    key = models.CharField(max_length=200, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article_key", "key"], name="linkkey_unique")
        ]

    def __str__(self) -> str:
        return f"{self.article_key[:12]} {self.key}"


class DataVersion(models.Model):
    """One row whose ``token`` changes with every write to the tables the timeline page
    counts (see ``versioning.COUNTED_TABLES``): database triggers change it, so a write
    from anywhere (ingest, the admin, a merge, a bulk ``update()``, raw SQL) makes every
    cached count stale. A random token rather than a counter: a rolled-back transaction
    takes its token back, and a counter would then reuse a number for other data."""

    token = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.token)
