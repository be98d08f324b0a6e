"""Public pages, the JSON API and the exports: thin views over the selectors.

The timeline page and the event page each have one template whose inline
partials are rendered alone for htmx requests; a history-restore request
always gets the full page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.vary import vary_on_headers

from . import selectors
from .charts import (
    LANE_FUNCTIONS,
    by_country,
    by_partner,
    relation_periods,
    timeline_figure,
    with_relation_periods,
)
from .exports import conflicts_json, event_json, events_csv, events_ics
from .filters import EventFilterForm, PageForm
from .models import Actor, Article, Country, Event, event_type_choices
from .templatetags.timeline_tags import query_without

LIST_LIMIT = 300
DEFAULT_PAGE_SIZE = 50


def _partial(request: HttpRequest) -> bool:
    return bool(request.htmx) and not request.htmx.history_restore_request


@dataclass
class Chip:
    label: str
    remove_url: str
    invalid: bool = False


def active_filters(request: HttpRequest, form: EventFilterForm) -> list[Chip]:
    """Every filter in the URL as a removable chip; a link removes one value and keeps the rest."""
    params = request.GET

    def looked_up(key: str) -> list[str]:
        # Raw URL values reach the database here: PostgreSQL refuses NUL bytes.
        return [v for v in params.getlist(key) if "\x00" not in v]

    names = {
        "country": dict(
            Country.objects.filter(iso3__in=looked_up("country")).values_list("iso3", "name")
        ),
        "actor": dict(
            Actor.objects.filter(slug__in=looked_up("actor")).values_list("slug", "name")
        ),
        "type": dict(event_type_choices()),
        "article": dict(
            Article.objects.filter(slug__in=looked_up("article")).values_list("slug", "title")
        ),
    }
    labels = {
        "country": "Country",
        "actor": "Actor",
        "type": "Type",
        "from": "From",
        "to": "To",
        "q": "Text",
        "article": "Source",
    }
    chips = []
    for key, label in labels.items():
        for value in params.getlist(key):
            if not value.strip():
                continue
            shown = names.get(key, {}).get(value.upper() if key == "country" else value, value)
            chips.append(
                Chip(
                    f"{label}: {shown}",
                    query_without(params, key, value),
                    invalid=key in form.errors,
                )
            )
    return chips


def _filter_choices(form: EventFilterForm) -> dict:
    """Options for the filter form, with how many visible events each one has."""
    everything = selectors.visible_events()
    values = form.values
    chosen_countries = set(values.get("country") or [])
    chosen_actors = set(values.get("actor") or [])
    countries = selectors.country_counts(everything)
    actors = selectors.actor_counts(everything)
    # A chosen value with no visible event still shows, selected, so it can be unselected.
    listed = {c.iso3 for c in countries}
    for country in Country.objects.filter(iso3__in=chosen_countries - listed):
        country.n = 0
        countries.append(country)
    listed = {a.slug for a in actors}
    for actor in Actor.objects.filter(slug__in=chosen_actors - listed):
        actor.n = 0
        actors.append(actor)
    types = selectors.type_counts(everything)
    articles = selectors.source_articles(everything)
    return {
        "country_options": countries,
        "actor_options": actors,
        "type_options": [(code, label, types.get(code, 0)) for code, label in event_type_choices()],
        "article_options": articles,
        "selected": {
            "country": chosen_countries,
            "actor": chosen_actors,
            "type": values.get("type") or "",
            "article": values.get("article") or "",
            "lanes": form.lane_mode,
        },
    }


@vary_on_headers("HX-Request")
def timeline(request: HttpRequest) -> HttpResponse:
    form = EventFilterForm(request.GET)
    form.is_valid()
    filtered = form.filter(selectors.visible_events())
    events = selectors.load_events(filtered)
    context = {
        "form": form,
        "events": events[:LIST_LIMIT],
        "total": len(events),
        "list_limit": LIST_LIMIT,
        "undated": sum(1 for e in events if not e.start),
        "figure": timeline_figure(events, LANE_FUNCTIONS[form.lane_mode]),
        "chips": active_filters(request, form),
        "facet_countries": selectors.country_counts(filtered)[:12],
        "facet_actors": selectors.actor_counts(filtered)[:12],
        "query": request.GET.urlencode(),
    }
    if _partial(request):
        html = render_to_string("timeline/index.html#results", context, request)
        if request.htmx.trigger != "filters":
            # A chip or facet link changed the filters: bring the form up to date too.
            context |= _filter_choices(form) | {"oob": True}
            html += render_to_string("timeline/index.html#filters", context, request)
        return HttpResponse(html)
    return render(request, "timeline/index.html", context | _filter_choices(form))


def conflict_sides(conflicts: list[dict]) -> list[dict]:
    """Each disputed field with its claims grouped by value: one side per value."""
    grouped = []
    for conflict in conflicts:
        sides: dict[str, list[dict]] = {}
        for claim in conflict["claims"]:
            sides.setdefault(claim["value"], []).append(claim)
        grouped.append(
            {
                "field": conflict["field"],
                "sides": [{"value": v, "claims": claims} for v, claims in sides.items()],
            }
        )
    return grouped


@vary_on_headers("HX-Request")
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    if event.merged_into_id:
        return redirect(event.survivor())
    if event.hidden:
        raise Http404("This event was rejected by an editor.")
    [event] = selectors.load_events(Event.objects.filter(pk=event.pk))
    conflicts = conflicts_json(event, lambda url: url)
    claims = [claim for conflict in conflicts for claim in conflict["claims"]]
    titles = dict(
        Article.objects.filter(slug__in={c["article"] for c in claims}).values_list("slug", "title")
    )
    for claim in claims:
        claim["article_title"] = titles.get(claim["article"]) or claim["article"]
    context = {"event": event, "conflicts": conflict_sides(conflicts)}
    template = "timeline/event.html#detail" if _partial(request) else "timeline/event.html"
    return render(request, template, context)


def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("duplicate_of"), slug=slug)
    return render(
        request,
        "timeline/article.html",
        {
            "article": article,
            "paragraphs": selectors.article_paragraphs(article),
            "copies": list(article.copies.all()),
        },
    )


def actor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_object_or_404(Actor.objects.select_related("country", "merged_into"), slug=slug)
    if actor.merged_into_id:
        return redirect(actor.survivor())
    events = selectors.load_events(selectors.visible_events().filter(actors=actor))
    return render(
        request,
        "timeline/actor.html",
        {
            "actor": actor,
            "aliases": list(actor.aliases.all()),
            "events": events,
            "figure": timeline_figure(events, by_country),
        },
    )


def country_detail(request: HttpRequest, iso3: str) -> HttpResponse:
    if iso3 != iso3.upper():
        return redirect("country", iso3.upper())
    country = get_object_or_404(Country, iso3=iso3)
    events = selectors.load_events(selectors.visible_events().filter(countries=country))
    partner_lanes = by_partner(country)
    history = selectors.relation_history(events, partner_lanes)
    figure = timeline_figure(events, partner_lanes)
    with_relation_periods(
        figure, relation_periods(history, until=timezone.localdate()), figure["lanes"]
    )
    return render(
        request,
        "timeline/country.html",
        {
            "country": country,
            "events": events,
            "relations": history,
            "figure": figure,
        },
    )


def _bad_request(form: EventFilterForm, *extra: PageForm) -> JsonResponse:
    errors = form.errors.get_json_data()
    for other in extra:
        errors |= other.errors.get_json_data()
    return JsonResponse({"errors": errors}, status=400)


def api_events(request: HttpRequest) -> JsonResponse:
    form, paging = EventFilterForm(request.GET), PageForm(request.GET)
    if not (form.is_valid() & paging.is_valid()):
        return _bad_request(form, paging)
    events = form.filter(selectors.visible_events())
    page_size = paging.cleaned_data["page_size"] or DEFAULT_PAGE_SIZE
    paginator = Paginator(events, page_size)
    number = paging.cleaned_data["page"] or 1
    if number > paginator.num_pages:
        return JsonResponse(
            {
                "errors": {
                    "page": [
                        {
                            "message": f"There are {paginator.num_pages} pages.",
                            "code": "out_of_range",
                        }
                    ]
                }
            },
            status=400,
        )
    offset = (number - 1) * page_size
    loaded = selectors.load_events(events, offset=offset, limit=page_size)
    next_url = None
    if number < paginator.num_pages:
        query = request.GET.copy()
        query["page"] = str(number + 1)
        next_url = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    return JsonResponse(
        {
            "count": paginator.count,
            "next": next_url,
            "events": [event_json(e, request.build_absolute_uri) for e in loaded],
        }
    )


def _export(request: HttpRequest):
    form = EventFilterForm(request.GET)
    if not form.is_valid():
        return None, HttpResponse(
            "Bad filter: " + form.errors.as_text(), status=400, content_type="text/plain"
        )
    return selectors.load_events(form.filter(selectors.visible_events())), None


def export_csv(request: HttpRequest) -> HttpResponse:
    events, error = _export(request)
    if error:
        return error
    response = HttpResponse(
        events_csv(events, request.build_absolute_uri), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="events.csv"'
    return response


def export_ics(request: HttpRequest) -> HttpResponse:
    events, error = _export(request)
    if error:
        return error
    response = HttpResponse(
        events_ics(events, request.build_absolute_uri, host=request.get_host()),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="events.ics"'
    return response
