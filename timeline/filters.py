"""The filters shared by the timeline page, the JSON API and the exports.

Every filter is a GET parameter, so a view is a URL: it can be shared,
bookmarked and restored by Back and Forward. The form validates the query
string; a bad value becomes a form error, never a server error.

A plain Django form rather than django-filter: every filter here needs its own
behaviour (partial dates, ``from`` being a Python keyword, every chosen value
required in one subquery, counts that leave one filter out), so a FilterSet
would be custom methods wrapped in one more layer, and its stock multi-value
AND (``conjoined=True``) is the join-per-value query that issue #11 took down.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Collection, Iterable

from django import forms
from django.core.exceptions import ValidationError
from django.db import OperationalError
from django.utils.functional import cached_property

from . import versioning
from .extraction.countries import is_country
from .models import (
    Actor,
    Article,
    Country,
    Event,
    EventQuerySet,
    Evidence,
    event_type_choices,
)

LANES = [("country", "one lane per country"), ("actor", "one lane per actor")]

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


def parse_partial_date(text: str, *, end_of_period: bool) -> dt.date:
    """Read YYYY, YYYY-MM or YYYY-MM-DD.

    A year or a month stands for its first day as a lower bound and its last
    day as an upper bound, so ``from=2024&to=2024`` covers the whole year.
    """
    match = _PARTIAL_DATE.match(text.strip())
    if not match:
        raise ValidationError("Enter a date as YYYY, YYYY-MM or YYYY-MM-DD.", code="invalid")
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if month is None:
            return dt.date(year, 12, 31) if end_of_period else dt.date(year, 1, 1)
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, last if end_of_period else 1)
        return dt.date(year, month, day)
    except (ValueError, calendar.IllegalMonthError) as error:
        raise ValidationError("%(value)s is not a date.", params={"value": text}) from error


class PartialDateField(forms.CharField):
    def __init__(self, *, end_of_period: bool, **kwargs):
        self.end_of_period = end_of_period
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 10)
        super().__init__(**kwargs)
        self.widget.attrs.update(
            {"placeholder": "YYYY, YYYY-MM or YYYY-MM-DD", "inputmode": "numeric"}
        )

    def clean(self, value):
        text = super().clean(value)
        return parse_partial_date(text, end_of_period=self.end_of_period) if text else None


# A repeatable filter narrows to events involving *every* value: past a few
# values the answer is empty anyway, and the limit bounds what one URL may ask.
MAX_VALUES = 20


def unique(values: Iterable[str]) -> list[str]:
    """The values once each, in their first order."""
    return list(dict.fromkeys(values))


class LookupMultipleField(forms.MultipleChoiceField):
    """Several codes, deduplicated, at most ``MAX_VALUES``, checked against the
    database in one query (``known``) rather than a fixed list, so the form
    accepts every stored value while the widget lists only useful ones."""

    def __init__(self, *, known: Callable[[list[str]], set[str]], normalise=str.strip, **kwargs):
        self.known = known
        self.normalise = normalise
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        return unique(self.normalise(v) for v in super().to_python(value) if v.strip())

    def validate(self, value):
        if len(value) > MAX_VALUES:
            raise ValidationError(
                "Choose at most %(limit)d values here (%(count)d given).",
                code="too_many",
                params={"limit": MAX_VALUES, "count": len(value)},
            )
        # PostgreSQL refuses NUL bytes in a query: such a value is no code anyway.
        wanted = [v for v in value if "\x00" not in v]
        unknown = set(value) - self.known(wanted)
        if unknown:
            raise ValidationError(
                "Unknown: %(values)s.",
                code="invalid_choice",
                params={"values": ", ".join(sorted(unknown))},
            )


def _known_countries(codes: list[str]) -> set[str]:
    codes = [c for c in codes if re.fullmatch(r"[A-Z]{3}", c)]
    stored = set(Country.objects.filter(iso3__in=codes).values_list("iso3", flat=True))
    # A real country with no events yet is a valid, empty question.
    return stored | {c for c in codes if is_country(c)}


def _known_actors(slugs: list[str]) -> set[str]:
    return set(Actor.objects.filter(slug__in=slugs).values_list("slug", flat=True))


def _matched(text: str) -> list[int]:
    try:
        return list(Event.objects.matching(text).values_list("pk", flat=True))
    except OperationalError:  # a SQLite without FTS5: no trigram table (migration 0010)
        return list(Event.objects.matching(text, indexed=False).values_list("pk", flat=True))


class EventFilterForm(forms.Form):
    country = LookupMultipleField(
        known=_known_countries,
        normalise=lambda v: v.strip().upper(),
        label="Countries",
        help_text="Events involving every chosen country.",
    )
    actor = LookupMultipleField(
        known=_known_actors,
        label="Actors",
        help_text="Events involving every chosen actor.",
    )
    type = forms.ChoiceField(required=False, label="Event type")
    q = forms.CharField(required=False, max_length=200, label="Text")
    article = forms.SlugField(required=False, label="Source article")
    lanes = forms.ChoiceField(required=False, choices=LANES, label="Chart lanes")

    def __init__(self, *args, version: int | None = None, **kwargs):
        """``version``: the data version (``versioning``) under which the events the text
        matches may be kept from one request to the next; None, found afresh."""
        super().__init__(*args, **kwargs)
        self.version = version
        # "from" and "to" are the public parameter names; "from" is a keyword.
        self.fields["from"] = PartialDateField(end_of_period=False, label="From")
        self.fields["to"] = PartialDateField(end_of_period=True, label="To")
        self.fields["type"].choices = [("", "any type"), *event_type_choices()]
        self.fields["q"].widget.attrs.update({"type": "search", "placeholder": "words"})
        self.order_fields(["q", "country", "actor", "type", "from", "to", "article", "lanes"])

    def clean_article(self):
        slug = self.cleaned_data["article"]
        if slug and not Article.objects.filter(slug=slug).exists():
            raise ValidationError("No article %(slug)s.", params={"slug": slug})
        return slug

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and start > end:
            self.add_error("to", "The end of the range comes before its start.")
            cleaned.pop("to", None)
        return cleaned

    @property
    def values(self) -> dict:
        """The valid filters; an invalid field is left out rather than guessed."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return self.cleaned_data

    @property
    def lane_mode(self) -> str:
        return self.values.get("lanes") or "country"

    @cached_property
    def matched_ids(self) -> list[int]:
        """The events the text ``q`` matches, found once: a page counts its filtered events
        in several queries, and the text search reads every sentence of the corpus."""
        text = self.values["q"]
        return versioning.cached("matched", text, lambda: _matched(text), self.version)

    def filter(self, events: EventQuerySet, *, ignoring: Collection[str] = ()) -> EventQuerySet:
        """The events every valid filter keeps; ``ignoring`` leaves some filters out
        (a single-valued filter's choices are counted under all the other filters)."""
        values = {k: v for k, v in self.values.items() if k not in ignoring}
        events = (
            events.for_countries(values.get("country") or [])
            .for_actors(values.get("actor") or [])
            .of_type(values.get("type") or "")
            .between(values.get("from"), values.get("to"))
        )
        if values.get("q"):
            events = events.among(self.matched_ids)
        if values.get("article"):
            # A subquery, not a join (see ``EventQuerySet.matching``).
            sources = Evidence.objects.filter(
                sentence__article__slug=values["article"], rejected=False
            )
            events = events.filter(pk__in=sources.values("event_id"))
        return events


class PageForm(forms.Form):
    """Paging for the API."""

    MAX_PAGE_SIZE = 200

    page = forms.IntegerField(required=False, min_value=1)
    page_size = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE_SIZE)
