"""The review queue in the admin: dated sentences no event cites, and what to do with each.

The list is ``Sentence.objects.awaiting_review()``; each row has a one-click
"Dismiss" (a button posting the row's sentence, no JavaScript) and a link to
the sentence's page, where the event form comes prefilled from what the
extraction read in it and the nearest events are offered to attach it to.
Whoever may add evidence (the "editor" group) may work the queue.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator

from . import review
from .admin import EventForm, change_url
from .models import Country, Dismissal, Event, Mention, ReviewSentence, Sentence
from .review import may_review


class ReviewEventForm(EventForm):
    """An event made from one sentence: the fields a prefilled form needs."""

    date_text = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta(EventForm.Meta):
        fields = ["title", "type", "status", "start", "end", "precision", "countries", "actors"]
        widgets = {
            **EventForm.Meta.widgets,
            "start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "countries": AutocompleteSelectMultiple(Event._meta.get_field("countries"), admin.site),
            "actors": AutocompleteSelectMultiple(Event._meta.get_field("actors"), admin.site),
        }

    def event(self) -> Event:
        """The unsaved event, with the date's words and code the form worked out."""
        event = self.save(commit=False)
        for name in self.derived_fields:
            setattr(event, name, self.cleaned_data[name])
        return event

    def parties(self) -> dict:
        """The rest of what ``review.make_event`` takes from the form."""
        data = self.cleaned_data
        return {key: data[key] for key in ("countries", "actors", "date_text")}


class AttachForm(forms.Form):
    event = forms.ModelChoiceField(
        Event.objects.filter(merged_into__isnull=True),
        widget=forms.NumberInput,
        label="Event number",
        error_messages={"invalid_choice": "There is no such event."},
    )


class CountryMentionedFilter(admin.SimpleListFilter):
    """Sentences naming a country; ``KOR,SYR`` (the timeline's link) asks for both."""

    title = "country named"
    parameter_name = "country"

    def lookups(self, request, model_admin):
        named = Country.objects.filter(
            mention__sentence__in=Sentence.objects.awaiting_review()
        ).distinct()
        return [(c.iso3, c.name) for c in named.order_by("name")]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        return queryset.mentioning(code.strip().upper() for code in self.value().split(","))


class ForReviewers:
    """A page of the queue: seen and worked by whoever may review; its rows are
    never added, edited or deleted by hand, only decided with its actions."""

    def has_view_permission(self, request, obj=None):
        return may_review(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_review_permission(self, request):
        return may_review(request)


@admin.register(ReviewSentence)
class ReviewQueueAdmin(ForReviewers, admin.ModelAdmin):
    list_display = ["sentence_text", "names", "decide"]
    list_display_links = None
    list_filter = [CountryMentionedFilter]
    search_fields = ["text", "article__title"]
    list_per_page = 50
    show_full_result_count = False  # one COUNT of the queue a page is enough
    actions = ["dismiss_selected"]

    class Media:
        css = {"all": ["review/review.css"]}

    def changelist_view(self, request, extra_context=None):
        title = "Review queue: dated sentences that no event cites"
        return super().changelist_view(request, {"title": title, **(extra_context or {})})

    def get_queryset(self, request):
        # Newest articles first, in the order of the (article, index) index: a page of
        # the queue is read off the index, never sorted from the whole queue.
        marks = Mention.objects.select_related("country", "actor").order_by("start")
        return (
            ReviewSentence.objects.awaiting_review()
            .select_related("article")
            .prefetch_related(Prefetch("mentions", queryset=marks))
            .order_by("-article_id", "index")
        )

    @admin.display(description="sentence, and the article it is from", ordering="article__title")
    def sentence_text(self, obj: Sentence) -> str:
        published = obj.article.published.isoformat() if obj.article.published else "undated"
        return format_html(
            '{}<div class="review-source"><small>{} · {} · '
            '<a href="{}" target="_blank" rel="noopener">in context</a></small></div>',
            obj.text,
            Truncator(str(obj.article)).chars(70),
            published,
            obj.get_absolute_url(),
        )

    @admin.display(description="dates, countries, actors")
    def names(self, obj: Sentence) -> str:
        marks = obj.mentions.all()
        rows = [
            ("dates", [m.text for m in marks if m.kind == Mention.Kind.DATE and m.value]),
            ("countries", [m.country.name for m in marks if m.country]),
            ("actors", [m.actor.name for m in marks if m.actor]),
        ]
        shown = ((label, ", ".join(dict.fromkeys(names))) for label, names in rows if names)
        return format_html_join("", "<div><b>{}</b>: {}</div>", shown)

    @admin.display(description="decide")
    def decide(self, obj: Sentence) -> str:
        # The button posts the list's own form (its CSRF token) to this row's page.
        return format_html(
            '<a class="button" href="{}">Make or attach…</a> '
            '<button type="submit" class="button review-dismiss" formaction="{}" '
            'name="decision" value="dismiss">Dismiss</button>',
            reverse("admin:timeline_reviewsentence_review", args=[obj.pk]),
            reverse("admin:timeline_reviewsentence_review", args=[obj.pk]),
        )

    @admin.action(
        description="Dismiss the selected sentences (they report no event)", permissions=["review"]
    )
    def dismiss_selected(self, request, queryset):
        count = review.dismiss(queryset, user=request.user)
        self.message_user(request, f"{count} sentence(s) dismissed.", messages.SUCCESS)

    def get_urls(self):
        return [
            path(
                "<int:pk>/review/",
                self.admin_site.admin_view(self.review_view),
                name="timeline_reviewsentence_review",
            ),
            *super().get_urls(),
        ]

    def review_view(self, request: HttpRequest, pk: int):
        if not may_review(request):
            raise PermissionDenied
        sentence = get_object_or_404(Sentence.objects.select_related("article"), pk=pk)
        decision = request.POST.get("decision") if request.method == "POST" else None
        # A posted form stands alone: compared with the prefill, an accepted date would
        # look unchanged and the form would not work out its words and EDTF code.
        make = ReviewEventForm(request.POST) if decision == "make" else None
        attach = AttachForm(request.POST) if decision == "attach" else AttachForm()
        if decision == "dismiss":
            review.dismiss([sentence], user=request.user)
            return self._done(request, f"Dismissed: “{sentence.text[:80]}”.")
        if make is not None and make.is_valid():
            event = review.make_event(sentence, make.event(), user=request.user, **make.parties())
            return self._done(
                request, format_html('Made <a href="{}">{}</a>.', change_url(event), event)
            )
        if decision == "attach" and attach.is_valid():
            event = review.attach(sentence, attach.cleaned_data["event"], user=request.user).event
            return self._done(
                request, format_html('Attached to <a href="{}">{}</a>.', change_url(event), event)
            )
        suggestion = review.suggest(sentence)
        initial = {**suggestion.initial(), "date_text": suggestion.date_text}
        context = {
            **self.admin_site.each_context(request),
            "title": "Review a sentence",
            "opts": self.model._meta,
            "sentence": sentence,
            "suggestion": suggestion,
            "make": make or ReviewEventForm(initial=initial),
            "attach": attach,
            "nearby": review.nearby_events(suggestion),
            "next": self._queue_url(request, request.META.get("HTTP_REFERER", "")),
        }
        context["media"] = self.media + context["make"].media
        return TemplateResponse(request, "admin/timeline/reviewsentence/review.html", context)

    def _done(self, request: HttpRequest, message: str):
        self.message_user(request, message, messages.SUCCESS)
        return self._back_to_queue(request)

    @staticmethod
    def _queue_url(request: HttpRequest, candidate: str) -> str:
        """``candidate`` if it is the queue on this site (with its filters), else the queue."""
        queue = reverse("admin:timeline_reviewsentence_changelist")
        parts = urlsplit(candidate)
        safe = url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        return f"{queue}?{parts.query}" if safe and parts.path == queue and parts.query else queue

    def _back_to_queue(self, request: HttpRequest):
        """Back to the list the editor came from, its filters and page kept."""
        came_from = request.POST.get("next") or request.META.get("HTTP_REFERER", "")
        return HttpResponseRedirect(self._queue_url(request, came_from))


@admin.register(Dismissal)
class DismissalAdmin(ForReviewers, admin.ModelAdmin):
    """What editors dismissed from the queue; "return to the queue" undoes it."""

    list_display = ["text", "article", "dismissed_by", "dismissed_at"]
    list_select_related = ["article", "dismissed_by"]
    list_display_links = None
    search_fields = ["text", "article__title"]
    actions = ["return_to_queue"]

    @admin.action(
        description="Return the selected sentences to the review queue", permissions=["review"]
    )
    def return_to_queue(self, request, queryset):
        count, _ = queryset.delete()
        self.message_user(request, f"{count} sentence(s) back in the queue.", messages.SUCCESS)
