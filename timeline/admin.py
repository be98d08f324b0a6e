"""The editors' tool: fix what extraction got wrong, and keep it fixed.

Every save here records the fields the editor changed in ``edited_fields``
(m2m included), so ingest and re-extraction leave them alone. Merges, splits
and rejections go through ``timeline.curation``; adding and re-extracting
articles go through ``timeline.services``, the same functions the ``ingest``
command calls. No request runs extraction over more than the one article it
saves: the timeline update after an edit, bulk uploads and re-extraction are
background jobs (``timeline.jobs``), listed with their progress under "Jobs".
History comes from django-simple-history (see
``timeline.curation`` for why): each record's "History" button lists who
changed what, when, and the previous values.
"""

from __future__ import annotations

import logging

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.core.validators import FileExtensionValidator, URLValidator
from django.db import transaction
from django.db.models import Count, Q, QuerySet, TextField
from django.db.models.functions import Cast, Concat
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from . import curation, sources
from .models import (
    Actor,
    ActorAlias,
    Article,
    Country,
    Event,
    Evidence,
    Job,
    Mention,
    PendingUpdate,
    Sentence,
    validate_web_url,
)
from .presentation import counts_text

log = logging.getLogger(__name__)

# Fields an editor sets that extraction never writes: no need to protect them.
UNTRACKED = frozenset({"edited_fields", "verified", "hidden", "merged_into"})


def _services():
    # Imported on use: the extraction pipeline behind it is heavy, and a
    # broken extractor must not take the whole admin down with it.
    from . import services

    return services


def public_link(obj, label: str = "view") -> str:
    try:
        url = obj.get_absolute_url()
    except NoReverseMatch:  # no public page for it: never break the admin list
        return "—"
    return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, label)


def change_url(obj) -> str:
    return reverse(f"admin:timeline_{obj._meta.model_name}_change", args=[obj.pk])


def queue_update(
    request: HttpRequest,
    model_admin: admin.ModelAdmin,
    changed=(),
    removed=(),
    *,
    done: str = "Saved.",
) -> Job:
    """Bring the timeline up to date in a background job, and say where to follow it."""
    from . import jobs

    job = jobs.update_job(list(changed), list(removed), user=request.user.get_username())
    job_message(request, model_admin, job, done)
    return job


def job_message(request: HttpRequest, model_admin: admin.ModelAdmin, job: Job, done: str) -> None:
    job.refresh_from_db()
    level = messages.WARNING if job.state == Job.State.FAILED else messages.SUCCESS
    model_admin.message_user(
        request,
        format_html(
            '{} <a href="{}">{}</a>: {}.',
            done,
            change_url(job),
            job,
            job.summary or job.get_state_display(),
        ),
        level,
    )


class EditTrackingAdmin(SimpleHistoryAdmin):
    """Record what the editor changed, so extraction keeps it as they left it."""

    def save_model(self, request, obj, form, change):
        edited = self.edited_by(obj, form)
        obj.mark_edited(name for name in edited if name not in UNTRACKED)
        if edited:
            obj._change_reason = f"edited in the admin: {', '.join(sorted(edited))}"[:100]
        super().save_model(request, obj, form, change)

    @staticmethod
    def edited_by(obj, form) -> set[str]:
        """The fields this save changes, m2m included.

        ``form.changed_data`` compares with the form's initial values; the
        history "Revert" form starts from the old version, so the stored row
        is compared too. ``derived_fields`` are values the form filled in
        from the editor's input (an event's words for a typed date).
        """
        edited = {*form.changed_data, *getattr(form, "derived_fields", [])}
        stored = type(obj)._default_manager.filter(pk=obj.pk).first() if obj.pk else None
        if stored is None:
            return edited
        # A reverted version carries its old edited_fields: keep today's too.
        obj.edited_fields = sorted(set(stored.edited_fields) | set(obj.edited_fields))
        for name in form.fields:
            try:
                field = obj._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if field.many_to_many:
                chosen = form.cleaned_data.get(name)
                before = set(getattr(stored, name).values_list("pk", flat=True))
                if chosen is not None and {o.pk for o in chosen} != before:
                    edited.add(name)
            elif field.concrete and getattr(stored, field.attname) != getattr(obj, field.attname):
                edited.add(name)
        return edited

    @admin.display(description="kept as edited")
    def edited_list(self, obj) -> str:
        return ", ".join(obj.edited_fields) or "—"

    @admin.action(
        description="Let extraction update the selected again (forget edits)",
        permissions=["change"],
    )
    def forget_edits(self, request, queryset):
        for obj in queryset:
            obj.edited_fields = []
            obj._change_reason = "edits released to extraction"
            obj.save()
        self.message_user(request, f"{queryset.count()} record(s) will follow extraction again.")


# --- Countries --------------------------------------------------------------


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name", "iso3", "event_count", "actor_count", "public"]
    search_fields = ["name", "iso3"]
    ordering = ["name"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_events=Count("events", filter=Q(events__merged_into__isnull=True), distinct=True),
                n_actors=Count("actors", distinct=True),
            )
            .order_by("name")
        )

    @admin.display(description="events", ordering="n_events")
    def event_count(self, obj) -> int:
        return obj.n_events

    @admin.display(description="actors", ordering="n_actors")
    def actor_count(self, obj) -> int:
        return obj.n_actors

    @admin.display(description="public page")
    def public(self, obj) -> str:
        return public_link(obj)


# --- Sentences (read-only: they are the article's text) ---------------------


@admin.register(Sentence)
class SentenceAdmin(admin.ModelAdmin):
    """Read-only; exists so editors can search sentences when linking evidence."""

    list_display = ["text", "article_link", "index"]
    list_select_related = ["article"]
    search_fields = ["text", "article__title", "article__slug"]
    readonly_fields = ["article", "index", "start", "end", "text"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="article", ordering="article__title")
    def article_link(self, obj) -> str:
        return format_html('<a href="{}">{}</a>', change_url(obj.article), obj.article)


# --- Articles ---------------------------------------------------------------


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented recipe): a list of uploads."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data if d]
        return [data] if (data := super().clean(data, initial)) else []


class ArticleAddForm(forms.Form):
    """Paste the text, upload .txt or saved .html pages, or give a link."""

    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 20, "cols": 100}),
        required=False,
        help_text="Optionally start with a header block (title:, url:, outlet:, published:).",
    )
    file = MultipleFileField(
        label="Files",
        required=False,
        help_text="UTF-8 plain-text (.txt) articles or saved web pages (.html, .htm). "
        "Several files are ingested in the background (see Jobs).",
        validators=[FileExtensionValidator(["txt", "html", "htm"])],
    )
    link = forms.URLField(
        label="Or a link",
        required=False,
        max_length=1000,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        widget=forms.URLInput(attrs={"size": 100}),
        help_text="An http(s) address: the page is fetched once, its story and metadata kept.",
    )
    source_name = forms.CharField(
        max_length=500, required=False, help_text="Where it came from (defaults to the file name)."
    )

    def clean(self):
        data = super().clean()
        given = [bool(data.get("text", "").strip()), bool(data.get("file")), bool(data.get("link"))]
        if sum(given) != 1:
            raise forms.ValidationError("Paste the text, upload a file or give a link (one only).")
        uploads = data.get("file") or []
        if len(uploads) == 1:
            data["text"] = self._read_upload(uploads[0])
            data["source_name"] = data.get("source_name") or uploads[0].name
        elif uploads:
            data["texts"] = [(upload.name, self._read_upload(upload)) for upload in uploads]
        elif not data.get("link"):
            data["source_name"] = data.get("source_name") or "pasted in the admin"
        return data

    @staticmethod
    def _read_upload(upload) -> str:
        try:
            return sources.from_bytes(upload.read(sources.MAX_PAGE_BYTES + 1), upload.name)
        except sources.ArticleError as exc:
            raise forms.ValidationError(f"{upload.name} cannot be read: {exc}.") from exc


class SentenceInline(admin.TabularInline):
    model = Sentence
    fields = ["number", "text", "events"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("evidence__event")

    @admin.display(description="sentence")
    def number(self, obj) -> int:
        return obj.number

    @admin.display(description="events")
    def events(self, obj) -> str:
        return format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            ((change_url(e.event), e.event) for e in obj.evidence.all() if not e.rejected),
        )


class IsDuplicateFilter(admin.SimpleListFilter):
    title = "copies"
    parameter_name = "copy"

    def lookups(self, request, model_admin):
        return [("no", "originals"), ("yes", "copies of another article")]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.filter(duplicate_of__isnull=True)
        if self.value() == "yes":
            return queryset.filter(duplicate_of__isnull=False)
        return queryset


class ArticleForm(forms.ModelForm):
    url = forms.URLField(
        max_length=1000,
        required=False,
        assume_scheme="https",
        validators=[validate_web_url],
        widget=forms.URLInput(attrs={"size": 100}),
    )

    class Meta:
        model = Article
        fields = ["title", "url", "outlet", "duplicate_of", "published"]
        widgets = {"title": forms.TextInput(attrs={"size": 100})}


@admin.register(Article)
class ArticleAdmin(EditTrackingAdmin):
    form = ArticleForm
    list_display = [
        "__str__",
        "outlet",
        "published",
        "published_source",
        "sentence_count",
        "event_count",
        "duplicate_of",
        "public",
    ]
    list_select_related = ["duplicate_of"]
    list_filter = ["published_source", IsDuplicateFilter, "outlet"]
    search_fields = ["title", "slug", "outlet", "url", "source_name", "text"]
    date_hierarchy = "published"
    raw_id_fields = ["duplicate_of"]
    readonly_fields = [
        "slug",
        "public",
        "published_source",
        "published_evidence",
        "published_certain",
        "source_name",
        "content_hash",
        "ingested_at",
        "extracted_at",
        "edited_list",
        "text",
    ]
    fieldsets = [
        (None, {"fields": ["title", "slug", "public", "url", "outlet", "duplicate_of"]}),
        (
            "Publication date",
            {
                "fields": [
                    "published",
                    "published_source",
                    "published_evidence",
                    "published_certain",
                ],
                "description": "Set the date and the article's events are re-resolved "
                "against it; extraction will keep your date.",
            },
        ),
        (
            "Provenance",
            {
                "fields": [
                    "source_name",
                    "content_hash",
                    "ingested_at",
                    "extracted_at",
                    "edited_list",
                ]
            },
        ),
        ("Text", {"fields": ["text"], "classes": ["collapse"]}),
    ]
    inlines = [SentenceInline]
    actions = ["reextract", "forget_edits"]
    add_form_template = "admin/timeline/article/add_form.html"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_sentences=Count("sentences", distinct=True),
                n_events=Count(
                    "sentences__evidence__event",
                    filter=Q(sentences__evidence__rejected=False),
                    distinct=True,
                ),
            )
        )

    @admin.display(description="sentences", ordering="n_sentences")
    def sentence_count(self, obj) -> int:
        return obj.n_sentences

    @admin.display(description="events", ordering="n_events")
    def event_count(self, obj) -> int:
        return obj.n_events

    @admin.display(description="public page")
    def public(self, obj) -> str:
        return public_link(obj)

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ArticleAddForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            response = self._add_article(request, form)
            if response is not None:
                return response
        context = {
            **self.admin_site.each_context(request),
            "title": "Add article",
            "opts": self.model._meta,
            "form": form,
            "media": self.media + form.media,
            "add": True,
            "change": False,
            "has_view_permission": True,
            "has_add_permission": True,
            "has_change_permission": self.has_change_permission(request),
            "has_delete_permission": False,
            "has_editable_inline_admin_formsets": False,
            **(extra_context or {}),
        }
        return TemplateResponse(request, self.add_form_template, context)

    def _add_article(self, request, form: ArticleAddForm) -> HttpResponse | None:
        """One article is stored here (its own extraction only); the timeline
        update, and several files, go to a background job."""
        services, data = _services(), form.cleaned_data
        if data.get("texts"):
            from . import jobs

            job = jobs.ingest_job(texts=data["texts"], user=request.user.get_username())
            job_message(request, self, job, f"{len(data['texts'])} files queued:")
            return HttpResponseRedirect(change_url(job))
        try:
            if data.get("link"):
                article, created = services.ingest_source(data["link"])
            else:
                article, created = services.add_article(
                    data["text"], source_name=data["source_name"]
                )
        except services.ArticleError as exc:
            form.add_error(None, f"This article cannot be read: {exc}.")
            return None
        if not created:
            self.message_user(
                request, f"This article is already stored as “{article}”; nothing was added."
            )
            return HttpResponseRedirect(change_url(article))
        self.log_addition(request, article, [{"added": {}}])
        queue_update(
            request,
            self,
            changed=[article],
            done=f"Added “{article}” ({article.sentences.count()} sentences); its events:",
        )
        return HttpResponseRedirect(change_url(article))

    def save_model(self, request, obj, form, change):
        date_set = "published" in self.edited_by(obj, form)
        if date_set:
            obj.published_source = Article.DateSource.EDITOR
            obj.published_certain = obj.published is not None
            obj.published_evidence = f"set by {request.user.get_username()}"
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            if date_set:
                # Relative dates ("last Tuesday") depend on the publication date.
                _services().mark_pending([obj.content_hash])
        if date_set:
            queue_update(request, self, changed=[obj], done="The article's events are re-resolved:")

    @admin.action(
        description="Re-extract the selected articles (keeps editors' changes)",
        permissions=["change"],
    )
    def reextract(self, request, queryset):
        from . import jobs

        job = jobs.reextract_job(list(queryset), user=request.user.get_username())
        job_message(request, self, job, f"Re-extraction of {job.total} article(s) queued:")

    def get_deleted_objects(self, objs, request):
        """An article's sentences, and the mentions and evidence links on them,
        are part of it (no editor deletes them one by one): the permission to
        delete the article is the one that counts."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        parts = {m._meta.verbose_name for m in (Sentence, Evidence, Mention, PendingUpdate)}
        return deleted, counts, perms_needed - parts, protected

    def delete_model(self, request, obj):
        removed = _services().delete_articles([obj])
        queue_update(request, self, removed=removed, done="Deleted; the timeline update:")

    def delete_queryset(self, request, queryset):
        removed = _services().delete_articles(queryset)
        queue_update(request, self, removed=removed, done="Deleted; the timeline update:")


# --- Jobs -------------------------------------------------------------------


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    """Background jobs: read-only, with their state, progress and failures."""

    list_display = [
        "__str__",
        "state",
        "progress",
        "failure_count",
        "summary",
        "error_note",
        "created_at",
    ]
    list_filter = ["state", "kind"]
    readonly_fields = [
        "kind",
        "state",
        "progress",
        "summary",
        "failure_list",
        "error",
        "requested_by",
        "created_at",
        "started_at",
        "heartbeat_at",
        "finished_at",
        "task_id",
    ]
    fields = readonly_fields
    actions = ["run_again"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_rerun_permission(self, request) -> bool:
        # Whoever may add articles may ask for the work that adding them runs.
        return request.user.has_perm("timeline.add_article")

    def changelist_view(self, request, extra_context=None):
        from . import jobs

        jobs.interrupt_stale()  # a job whose worker was killed shows as interrupted
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        from . import jobs

        jobs.interrupt_stale()
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.action(description="Run the selected failed jobs again", permissions=["rerun"])
    def run_again(self, request, queryset):
        from . import jobs

        again = [job for job in queryset if jobs.can_run_again(job)]
        user = request.user.get_username()
        started = [jobs.run_again(job, user=user) for job in again]
        if started:
            self.message_user(request, f"Queued again as {', '.join(str(job) for job in started)}.")
        if skipped := len(queryset) - len(again):
            self.message_user(
                request,
                f"{skipped} job(s) left alone: only a job that failed as a whole "
                "(interrupted, or an error of its own) still holds its work.",
                messages.WARNING,
            )

    @admin.display(description="error")
    def error_note(self, obj) -> str:
        return (obj.error[:120] + "…") if len(obj.error) > 120 else (obj.error or "—")

    @admin.display(description="progress")
    def progress(self, obj) -> str:
        return f"{obj.done}/{obj.total} articles"

    @admin.display(description="failed")
    def failure_count(self, obj) -> int:
        return len(obj.failures)

    @admin.display(description="failed articles")
    def failure_list(self, obj) -> str:
        if not obj.failures:
            return "—"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li><strong>{}</strong>: {}</li>",
                ((f["article"], f["reason"]) for f in obj.failures),
            ),
        )


# --- Actors -----------------------------------------------------------------


class AliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 1
    fields = ["name"]


class MergedFilter(admin.SimpleListFilter):
    title = "merged"
    parameter_name = "merged"

    def lookups(self, request, model_admin):
        return [("no", "current"), ("yes", "merged into another")]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.filter(merged_into__isnull=True)
        if self.value() == "yes":
            return queryset.filter(merged_into__isnull=False)
        return queryset


def _merge_page(
    model_admin: admin.ModelAdmin,
    request: HttpRequest,
    objects: list,
    merge,
) -> HttpResponse:
    """Choose the survivor among ``objects`` (default: the oldest) and merge."""
    opts = model_admin.model._meta
    if len(objects) < 2:
        model_admin.message_user(request, "Select at least two to merge.", messages.WARNING)
        return HttpResponseRedirect(reverse(f"admin:timeline_{opts.model_name}_changelist"))
    if request.method == "POST" and request.POST.get("target"):
        by_pk = {str(o.pk): o for o in objects}
        target = by_pk.get(request.POST["target"])
        if target is not None:
            others = [o for o in objects if o.pk != target.pk]
            try:
                merge(target, others, user=request.user)
            except curation.CurationError as exc:
                model_admin.message_user(request, str(exc), messages.ERROR)
            else:
                model_admin.message_user(
                    request,
                    f"Merged {len(others)} into “{target}”.",
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(change_url(target))
    context = {
        **model_admin.admin_site.each_context(request),
        "title": f"Merge {opts.verbose_name_plural}",
        "opts": opts,
        "objects": objects,
        "default_target": objects[0].pk,
        "ids": ",".join(str(o.pk) for o in objects),
    }
    return TemplateResponse(request, "admin/timeline/merge.html", context)


def _ids(request: HttpRequest) -> list[int]:
    raw = request.POST.get("ids") or request.GET.get("ids", "")
    return [int(part) for part in raw.split(",") if part.strip().isdigit()]


@admin.register(Actor)
class ActorAdmin(EditTrackingAdmin):
    list_display = [
        "name",
        "kind",
        "title",
        "country",
        "event_count",
        "alias_list",
        "merged_into",
        "public",
    ]
    list_select_related = ["country", "merged_into"]
    list_filter = ["kind", MergedFilter, "country"]
    search_fields = ["name", "aliases__name", "key", "title"]
    autocomplete_fields = ["country"]
    readonly_fields = ["key", "slug", "public", "merged_into", "edited_list"]
    fields = [
        "name",
        "kind",
        "title",
        "country",
        "public",
        "key",
        "slug",
        "merged_into",
        "edited_list",
    ]
    inlines = [AliasInline]
    actions = ["merge_actors", "forget_edits"]
    history_list_display = ["name", "title", "merged_into"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(n_events=Count("events", distinct=True))
            .prefetch_related("aliases")
            .order_by("name", "pk")  # aggregation drops Meta.ordering (autocomplete pages)
        )

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if request.path.endswith("/autocomplete/"):
            # Only current actors can be chosen for an event.
            results = results.filter(merged_into__isnull=True)
        return results, may_have_duplicates

    @admin.display(description="events", ordering="n_events")
    def event_count(self, obj) -> int:
        return obj.n_events

    @admin.display(description="aliases")
    def alias_list(self, obj) -> str:
        return ", ".join(a.name for a in obj.aliases.all() if a.name != obj.name)

    @admin.display(description="public page")
    def public(self, obj) -> str:
        return public_link(obj)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is ActorAlias and (formset.deleted_objects or formset.changed_objects):
            # Extraction adds aliases it finds; once an editor removed or
            # renamed one, the list is theirs.
            actor = form.instance
            actor.mark_edited(["aliases"])
            actor.save(update_fields=["edited_fields"])

    def get_urls(self):
        return [
            path(
                "merge/",
                self.admin_site.admin_view(self.merge_view),
                name="timeline_actor_merge",
            ),
            *super().get_urls(),
        ]

    def merge_view(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        actors = list(Actor.objects.filter(pk__in=_ids(request)).order_by("pk"))
        return _merge_page(self, request, actors, curation.merge_actors)

    @admin.action(description="Merge the selected actors", permissions=["change"])
    def merge_actors(self, request, queryset):
        ids = ",".join(str(pk) for pk in queryset.order_by("pk").values_list("pk", flat=True))
        return HttpResponseRedirect(f"{reverse('admin:timeline_actor_merge')}?ids={ids}")


# --- Events -----------------------------------------------------------------


DATE_FIELDS = ("start", "end", "precision")


def describe_date(start, end, precision: str) -> tuple[str, str] | None:
    """EDTF and words for a date an editor typed, as extraction would write them."""
    from .extraction import temporal

    try:
        match precision:
            case "day" if start == end:
                value = temporal.day_value(start)
            case "month" if (start.year, start.month) == (end.year, end.month):
                value = temporal.month_value(start.year, start.month)
            case "year" if start.year == end.year:
                value = temporal.year_value(start.year)
            case "range" | "day":
                value = temporal.range_value(start, end)
            case _:
                return None
    except Exception:  # the temporal module is still evolving; never block a save
        log.exception("could not describe %s..%s (%s)", start, end, precision)
        return None
    return value.edtf, value.display


class EventForm(forms.ModelForm):
    """Dates with precision: an editor types start (and end) and a precision;
    the EDTF code and the words shown follow unless they typed those too."""

    class Meta:
        model = Event
        fields = [
            "title",
            "type",
            "status",
            "verified",
            "hidden",
            "start",
            "end",
            "precision",
            "edtf",
            "date_display",
            "date_certain",
            "date_rule",
            "countries",
            "actors",
        ]
        widgets = {
            "title": forms.TextInput(attrs={"size": 90}),
            "date_rule": forms.Textarea(attrs={"rows": 3, "cols": 90}),
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and not end:
            data["end"] = end = start
        if start and end and end < start:
            self.add_error("end", "The end cannot be before the start.")
        if start and not data.get("precision"):
            self.add_error("precision", "Say how precise the date is.")
        self.derived_fields: list[str] = []
        if self.errors or not any(name in self.changed_data for name in DATE_FIELDS):
            return data
        if start is None:
            data.update(edtf="", date_display="")
            self.derived_fields = ["edtf", "date_display"]
        elif not {"edtf", "date_display"} & set(self.changed_data):
            described = describe_date(start, end, data["precision"])
            if described:
                data["edtf"], data["date_display"] = described
                self.derived_fields = ["edtf", "date_display"]
        if "date_rule" not in self.changed_data:
            data["date_rule"] = "Set by an editor."
            self.derived_fields.append("date_rule")
        return data


class KeptSentence(forms.HiddenInput):
    """A stored link's sentence: kept as it is, shown as text in its own column. Not
    "hidden" to the admin's table, which would drop the row's cell and shift the others."""

    @property
    def is_hidden(self) -> bool:
        return False


class EvidenceForm(forms.ModelForm):
    """A stored link shows its sentence's text; only a new row asks for a sentence id."""

    class Meta:
        model = Evidence
        fields = ["sentence", "rejected"]
        labels = {"rejected": "reject", "sentence": "add a sentence"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["sentence"].widget = KeptSentence()


class EvidenceInline(admin.TabularInline):
    """Each sentence reporting the event. Tick "reject" to unlink a sentence:
    the row stays, so extraction will not add it back."""

    model = Evidence
    form = EvidenceForm
    fk_name = "event"
    raw_id_fields = ["sentence"]
    fields = ["sentence_text", "date_text", "claims_text", "origin_label", "rejected", "sentence"]
    readonly_fields = ["sentence_text", "date_text", "claims_text", "origin_label"]
    extra = 1
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("sentence__article")

    @admin.display(description="sentence")
    def sentence_text(self, obj) -> str:
        if not obj.pk:
            return ""
        sentence = obj.sentence
        return format_html(
            '<span class="evidence-text">{}</span><a class="evidence-source" href="{}" '
            'target="_blank" rel="noopener">{}, sentence {}</a>',
            sentence.text,
            sentence.get_absolute_url(),
            sentence.article,
            sentence.number,
        )

    @admin.display(description="origin")
    def origin_label(self, obj) -> str:
        return obj.get_origin_display() if obj.pk else "editor (new)"

    @admin.display(description="claims")
    def claims_text(self, obj) -> str:
        return ", ".join(f"{k}: {v}" for k, v in (obj.claims or {}).items())


class EventStateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("shown", "on the timeline"),
            ("hidden", "hidden by an editor"),
            ("merged", "merged into another"),
            ("edited", "edited by an editor"),
            ("conflicts", "sources disagree"),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "shown":
                return queryset.visible()
            case "hidden":
                return queryset.filter(hidden=True)
            case "merged":
                return queryset.filter(merged_into__isnull=False)
            case "edited":
                return queryset.exclude(edited_fields=[])
            case "conflicts":
                return queryset.exclude(conflicts=[])
        return queryset


def _number(index) -> str:
    """A stored sentence index as people count sentences (from 1)."""
    return str(index + 1) if isinstance(index, int) else "?"


class SplitForm(forms.Form):
    title = forms.CharField(
        max_length=300,
        help_text="Title of the new event.",
        widget=forms.TextInput(attrs={"size": 90}),
    )
    evidence = forms.MultipleChoiceField(
        widget=forms.CheckboxSelectMultiple,
        help_text="The sentences that report the other happening; they move to the new event.",
    )

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence"].choices = [
            (e.pk, f"“{e.sentence.text}” ({e.sentence.article}, sentence {e.sentence.number})")
            for e in event.evidence.filter(rejected=False).select_related("sentence__article")
        ]


@admin.register(Event)
class EventAdmin(EditTrackingAdmin):
    form = EventForm
    # Few, narrow columns: a title on one or two lines, the whole row at 1280 px.
    list_display = ["title", "when", "type", "country_list", "source_counts", "state"]
    list_filter = [EventStateFilter, "verified", "hidden", "type", "status", "precision"]
    list_editable = []
    search_fields = ["title", "date_display", "evidence__sentence__text", "actors__name"]
    date_hierarchy = "start"
    autocomplete_fields = ["countries", "actors"]
    readonly_fields = [
        "public",
        "conflict_list",
        "merged_into",
        "merged_from_list",
        "edited_list",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["title", "type", "status", "verified", "hidden", "public"]}),
        (
            "Date",
            {
                "fields": [
                    ("start", "end"),
                    "precision",
                    "edtf",
                    "date_display",
                    "date_certain",
                    "date_rule",
                ]
            },
        ),
        ("Who", {"fields": ["countries", "actors"]}),
        ("Where sources disagree", {"fields": ["conflict_list"], "classes": ["collapse"]}),
        (
            "Curation",
            {
                "classes": ["collapse"],
                "fields": [
                    "edited_list",
                    "merged_into",
                    "merged_from_list",
                    "created_at",
                    "updated_at",
                ],
            },
        ),
    ]
    inlines = [EvidenceInline]
    actions = ["mark_verified", "hide", "unhide", "merge_events", "split_event", "forget_edits"]
    history_list_display = ["title", "date_display", "verified", "hidden"]
    change_form_template = "admin/timeline/event/change_form.html"

    class Media:
        css = {"all": ["timeline/admin.css"]}

    def get_queryset(self, request):
        accepted = Q(evidence__rejected=False)
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_articles=Count("evidence__sentence__article", filter=accepted, distinct=True),
                # As the pages count: a sentence repeated word for word in its article once.
                n_sentences=Count(
                    Concat(
                        Cast("evidence__sentence__article_id", TextField()),
                        "evidence__sentence__text",
                        output_field=TextField(),
                    ),
                    filter=accepted,
                    distinct=True,
                ),
            )
            .prefetch_related("countries")
        )

    @admin.display(description="date", ordering="start")
    def when(self, obj) -> str:
        return obj.date_display or (obj.start.isoformat() if obj.start else "undated")

    @admin.display(description="countries")
    def country_list(self, obj) -> str:
        return ", ".join(c.iso3 for c in obj.countries.all())

    @admin.display(description="sources", ordering="n_sentences")
    def source_counts(self, obj) -> str:
        return counts_text(obj.n_articles, obj.n_sentences)

    @admin.display(description="state")
    def state(self, obj) -> str:
        if obj.merged_into_id:
            url = reverse("admin:timeline_event_change", args=[obj.merged_into_id])
            return format_html('merged into <a href="{}">#{}</a>', url, obj.merged_into_id)
        flags = [("hidden", obj.hidden), ("verified", obj.verified), ("edited", obj.edited_fields)]
        return ", ".join(name for name, on in flags if on) or "—"

    @admin.display(description="public page")
    def public(self, obj) -> str:
        return public_link(obj)

    @admin.display(description="merged from")
    def merged_from_list(self, obj) -> str:
        merged = ((change_url(e), e.pk, e) for e in obj.merged_from.all())
        return format_html_join(", ", '<a href="{}">#{} {}</a>', merged) or "—"

    @admin.display(description="conflicts")
    def conflict_list(self, obj) -> str:
        if not obj.conflicts:
            return "—"
        slugs = {c.get("article") for conflict in obj.conflicts for c in conflict.get("claims", [])}
        titles = dict(Article.objects.filter(slug__in=slugs).values_list("slug", "title"))
        rows = []
        for conflict in obj.conflicts:
            claims = "; ".join(
                f"“{c.get('value')}” ({titles.get(c.get('article'), c.get('article'))}, "
                f"sentence {_number(c.get('sentence'))})"
                for c in conflict.get("claims", [])
            )
            rows.append((conflict.get("field", ""), claims))
        return format_html_join("", "<p><b>{}</b>: {}</p>", rows)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Evidence:
            return super().save_formset(request, form, formset, change)
        # A row whose sentence the editor swapped: the old sentence does not
        # report this event, and extraction must not link it again.
        swapped = [
            f.initial["sentence"]
            for f in formset.initial_forms
            if "sentence" in f.changed_data and f.initial.get("sentence")
        ]
        for item in formset.save(commit=False):
            # A link an editor added or touched is theirs: extraction will
            # neither move it nor delete it.
            item.origin = Evidence.Origin.EDITOR
            item._change_reason = "rejected by an editor" if item.rejected else "set by an editor"
            item.save()
        formset.save_m2m()
        for sentence_id in swapped:
            curation.reject_link(form.instance, sentence_id, user=request.user)

    @admin.action(description="Mark the selected events as verified", permissions=["change"])
    def mark_verified(self, request, queryset):
        self._set_flag(request, queryset, verified=True)

    @admin.action(description="Hide the selected events from the timeline", permissions=["change"])
    def hide(self, request, queryset):
        self._set_flag(request, queryset, hidden=True)

    @admin.action(description="Show the selected events again", permissions=["change"])
    def unhide(self, request, queryset):
        self._set_flag(request, queryset, hidden=False)

    def _set_flag(self, request, queryset, **flags) -> None:
        count = 0
        for event in queryset:  # save() one by one so each change is in history
            for name, value in flags.items():
                setattr(event, name, value)
            event._change_reason = ", ".join(f"{k}={v}" for k, v in flags.items())
            event.save()
            count += 1
        self.message_user(request, f"{count} event(s) updated.", messages.SUCCESS)

    @admin.action(description="Merge the selected events", permissions=["change"])
    def merge_events(self, request, queryset):
        ids = ",".join(str(pk) for pk in queryset.order_by("pk").values_list("pk", flat=True))
        return HttpResponseRedirect(f"{reverse('admin:timeline_event_merge')}?ids={ids}")

    @admin.action(description="Split the selected event in two", permissions=["change"])
    def split_event(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, "Select exactly one event to split.", messages.WARNING)
            return None
        return HttpResponseRedirect(reverse("admin:timeline_event_split", args=[queryset.get().pk]))

    def get_urls(self):
        return [
            path(
                "merge/",
                self.admin_site.admin_view(self.merge_view),
                name="timeline_event_merge",
            ),
            path(
                "<int:pk>/split/",
                self.admin_site.admin_view(self.split_view),
                name="timeline_event_split",
            ),
            *super().get_urls(),
        ]

    def merge_view(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        events = list(
            Event.objects.filter(pk__in=_ids(request))
            .annotate(n_evidence=Count("evidence", filter=Q(evidence__rejected=False)))
            .order_by("created_at", "pk")
        )
        return _merge_page(self, request, events, curation.merge_events)

    def split_view(self, request, pk: int):
        event = get_object_or_404(Event, pk=pk)
        if not self.has_change_permission(request, event):
            raise PermissionDenied
        form = SplitForm(request.POST or None, event=event, initial={"title": event.title})
        if request.method == "POST" and form.is_valid():
            try:
                new = curation.split_event(
                    event,
                    [int(pk) for pk in form.cleaned_data["evidence"]],
                    title=form.cleaned_data["title"],
                    user=request.user,
                )
            except curation.CurationError as exc:
                form.add_error("evidence", str(exc))
            else:
                self.message_user(
                    request, f"Split “{event}”: the chosen sentences now report “{new}”."
                )
                return HttpResponseRedirect(change_url(new))
        context = {
            **self.admin_site.each_context(request),
            "title": f"Split “{event}”",
            "opts": Event._meta,
            "original": event,
            "form": form,
        }
        return TemplateResponse(request, "admin/timeline/event/split.html", context)


# --- Evidence ---------------------------------------------------------------


@admin.register(Evidence)
class EvidenceAdmin(SimpleHistoryAdmin):
    """Every sentence-to-event link. Links are rejected, never deleted."""

    list_display = ["event", "sentence_text", "article", "origin", "rejected"]
    list_select_related = ["event", "sentence__article"]
    list_filter = ["origin", "rejected"]
    search_fields = ["event__title", "sentence__text", "sentence__article__title"]
    raw_id_fields = ["event", "sentence"]
    fields = [
        "event",
        "sentence",
        "rejected",
        "date_text",
        "date_display",
        "date_edtf",
        "claims",
        "origin",
    ]
    readonly_fields = ["date_text", "date_display", "date_edtf", "claims", "origin"]
    actions = ["reject", "restore"]

    def has_delete_permission(self, request, obj=None):
        return False  # extraction would add it back; reject instead

    @admin.display(description="sentence")
    def sentence_text(self, obj) -> str:
        return obj.sentence.text

    @admin.display(description="article", ordering="sentence__article__title")
    def article(self, obj) -> str:
        return str(obj.sentence.article)

    def save_model(self, request, obj, form, change):
        obj.origin = Evidence.Origin.EDITOR
        before = (form.initial.get("event"), form.initial.get("sentence"))
        super().save_model(request, obj, form, change)
        if change and before != (obj.event_id, obj.sentence_id):
            # Moved: the old pairing stays refused, so extraction does not
            # put the sentence back where the editor took it from.
            old_event, old_sentence = before
            curation.reject_link(
                Event.objects.get(pk=old_event),
                old_sentence,
                user=request.user,
                reason=f"moved to event #{obj.event_id} by an editor",
            )

    @admin.action(
        description="Reject the selected links (extraction will not re-add them)",
        permissions=["change"],
    )
    def reject(self, request, queryset: QuerySet[Evidence]):
        count = curation.reject_evidence(queryset, user=request.user)
        self.message_user(request, f"{count} link(s) rejected.", messages.SUCCESS)

    @admin.action(description="Restore the selected links", permissions=["change"])
    def restore(self, request, queryset: QuerySet[Evidence]):
        count = curation.restore_evidence(queryset, user=request.user)
        self.message_user(request, f"{count} link(s) restored.", messages.SUCCESS)


admin.site.site_header = "Diplomatic timeline — editors"
admin.site.site_title = "Timeline editors"
admin.site.index_title = "Curate the timeline"

# The review queue's pages (timeline/review_admin.py) register with this site too.
from . import review_admin  # noqa: E402, F401

# The app list beside every page took a fifth of a 1280 px screen from the event list;
# the breadcrumbs and the home page lead to the other lists.
admin.site.enable_nav_sidebar = False
