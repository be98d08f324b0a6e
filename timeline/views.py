"""Public pages, the JSON API and the exports: thin views over the selectors.

The timeline page and the event page each have one template whose inline
partials are rendered alone for htmx requests; a history-restore request
always gets the full page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.vary import vary_on_headers

from . import selectors, versioning
from .charts import (
    DETAIL_LIMIT,
    LANE_FUNCTIONS,
    by_country,
    by_partner,
    density_figure,
    density_lanes,
    relation_periods,
    timeline_figure,
    with_relation_periods,
)
from .exports import conflicts_json, event_json, events_csv, events_ics
from .filters import EventFilterForm, PageForm, unique
from .models import Actor, Article, Country, Event, EventQuerySet, event_type_choices
from .presentation import discrepancies, sentence_total, sources_by_article
from .templatetags.timeline_tags import filters_query, query_without
from .timelinejs import timeline_json

PAGE_SIZE = 100  # events listed per page; the chart draws every filtered event, or their density
DEFAULT_PAGE_SIZE = 50  # the API's
FACET_LINKS = 12
# The lists of the filter form hold the most frequent choices (and any chosen one): a
# list of every actor or article grows with the corpus, and so would every page.
ACTOR_OPTIONS = 150
ARTICLE_OPTIONS = 100
SMALL_SET = 2000


def _partial(request: HttpRequest) -> bool:
    return bool(request.htmx) and not request.htmx.history_restore_request


@dataclass
class Chip:
    label: str
    remove_url: str
    invalid: bool = False


CHIP_LABELS = {
    "country": "Country",
    "actor": "Actor",
    "type": "Type",
    "from": "From",
    "to": "To",
    "q": "Text",
    "article": "Source",
}


def active_filters(
    request: HttpRequest, form: EventFilterForm, known: dict[str, dict[str, str]]
) -> list[Chip]:
    """Every filter in the URL as a removable chip; a link removes one value and keeps the rest.

    ``known`` names the values the filter choices already hold; only a value
    they do not (one from an invalid field) is looked up.
    """
    params = request.GET
    names = {key: dict(known.get(key, {})) for key in ("country", "actor", "article")}
    names["type"] = dict(event_type_choices())
    lookups = {
        "country": lambda values: Country.objects.filter(iso3__in=values).values_list(
            "iso3", "name"
        ),
        "actor": lambda values: Actor.objects.filter(slug__in=values).values_list("slug", "name"),
        "article": lambda values: Article.objects.filter(slug__in=values).values_list(
            "slug", "title"
        ),
    }
    for key, lookup in lookups.items():
        # Raw URL values reach the database here: PostgreSQL refuses NUL bytes.
        missing = {
            v.upper() if key == "country" else v
            for v in params.getlist(key)
            if v.strip() and "\x00" not in v
        } - set(names[key])
        if missing:
            names[key] |= {value: label or value for value, label in lookup(missing)}
    chips = []
    for key, label in CHIP_LABELS.items():
        for value in unique(params.getlist(key)):  # a value repeated in the URL is one chip
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


def _by_name(options: list) -> list:
    # A stable order: counts change with every filter, and a list that reshuffled
    # under the keyboard cursor (or the mouse) would be hard to use.
    return sorted(options, key=lambda option: option.name.casefold())


@dataclass
class Tally:
    """Everything the page counts over the filtered events, in four GROUP BY queries."""

    by_type: dict[str, selectors.Summary]
    summary: selectors.Summary
    bin: selectors.Bin | None  # None: few enough events to draw one by one
    lane_rows: list[tuple]  # (lane key, bin, events) for the chart's lanes
    countries: list[Country]  # most events first
    actors: list[Actor]


def _tally(form: EventFilterForm, filtered: EventQuerySet) -> Tally:
    by_type = selectors.summaries_by_type(
        form.filter(selectors.visible_events(), ignoring={"type"})
    )
    counted = selectors.summary(by_type, form.values.get("type") or "")
    bin = None
    # By the whole count (undated included): a small set is loaded once for the list and the
    # chart, a large one is counted; two costs, each fixed.
    if counted.total > DETAIL_LIMIT and counted.dated:
        bin = selectors.bin_for(counted.first, counted.last)
    lane = form.lane_mode
    other = "actor" if lane == "country" else "country"
    lane_rows = selectors.lane_counts(filtered, lane, bin)
    counts = {
        lane: selectors.ranked(lane_rows),
        other: selectors.ranked(selectors.lane_counts(filtered, other, None)),
    }
    return Tally(
        by_type,
        counted,
        bin,
        lane_rows,
        selectors.countries_counted(counts["country"]),
        selectors.actors_counted(counts["actor"], limit=ACTOR_OPTIONS),
    )


def _filter_choices(form: EventFilterForm, tally: Tally, cached: tuple) -> dict:
    """The filter form's options, each with how many events choosing it would show.

    Countries and actors narrow to events involving *every* chosen value, so an
    option counts the filtered events that also involve it. Type and source
    article hold one value each, so an option counts what all the *other* filters
    keep. A chosen value stays listed, at 0 if need be, so it can be unselected.
    """
    values = form.values
    chosen_countries = values.get("country") or []
    chosen_actors = values.get("actor") or []
    chosen_type = values.get("type") or ""
    chosen_article = values.get("article") or ""

    countries, actors = tally.countries, tally.actors
    country_options = countries + _zero(
        Country.objects.all(), "iso3", set(chosen_countries) - {c.iso3 for c in countries}
    )
    actor_options = actors + selectors.with_alias_names(
        _zero(Actor.objects.all(), "slug", set(chosen_actors) - {a.slug for a in actors})
    )
    visible = selectors.visible_events()
    types = {code: row.total for code, row in tally.by_type.items()}
    version, cache_key = cached  # the data version and the filters (see ``timeline``)
    articles = versioning.cached(
        "articles",
        cache_key,
        lambda: selectors.source_articles(
            form.filter(visible, ignoring={"article"}),
            limit=ARTICLE_OPTIONS,
            # Over a large set, the latest articles: counting every article's events cost
            # more than the rest of the page. A narrower filter lists every article it reaches.
            latest=ARTICLE_OPTIONS * 3 if tally.summary.total > SMALL_SET else None,
        ),
        version,
    )
    if chosen_article and chosen_article not in {a.slug for a in articles}:
        articles = articles + _zero(
            Article.objects.only("slug", "title", "published"), "slug", {chosen_article}
        )
    return {
        "country_options": _by_name(country_options),
        "actor_options": _by_name(actor_options),
        "type_options": [(code, label, types.get(code, 0)) for code, label in event_type_choices()],
        "article_options": articles,
        # Links in the results that narrow further: the most frequent not yet chosen.
        "facet_countries": [c for c in countries if c.iso3 not in chosen_countries][:FACET_LINKS],
        "facet_actors": [a for a in actors if a.slug not in chosen_actors][:FACET_LINKS],
        "selected": {
            "country": set(chosen_countries),
            "actor": set(chosen_actors),
            "type": chosen_type,
            "article": chosen_article,
            "lanes": form.lane_mode,
        },
        "names": {
            "country": {c.iso3: c.name for c in country_options},
            "actor": {a.slug: a.name for a in actor_options},
            "article": {a.slug: a.title or a.slug for a in articles},
        },
    }


def _zero(queryset: QuerySet, key: str, wanted: set[str]) -> list:
    """The chosen values no filtered event has, counted 0 (no query when there are none)."""
    if not wanted:
        return []
    found = list(queryset.filter(**{f"{key}__in": wanted}))
    for option in found:
        option.n = 0
    return found


def _list_page(events, paging: PageForm) -> Page:
    """One page of the list. A page number that is not one is an error on the page, which
    then shows the nearest page there is."""
    paginator = Paginator(events, PAGE_SIZE)
    wanted = paging.cleaned_data.get("page") if paging.is_valid() else None
    if wanted and wanted > paginator.num_pages:
        paging.add_error("page", _page_count(paginator.num_pages))
    return paginator.get_page(wanted or 1)


def _page_count(pages: int) -> str:
    return "There is 1 page." if pages == 1 else f"There are {pages} pages."


def _chart(
    form: EventFilterForm, filtered: EventQuerySet, tally: Tally, query: str, loaded: list | None
) -> dict:
    """Every dated event as a mark when there are few enough; else their density per lane
    and time bin, counted in the database (the page fetches marks as the user zooms in).
    ``loaded``: every filtered event, when the list loaded them all already."""
    if tally.bin is None:
        dated = [event for event in loaded or [] if event.start]
        return timeline_figure(dated, LANE_FUNCTIONS[form.lane_mode])
    ranked = tally.countries if form.lane_mode == "country" else tally.actors
    noun = "countries" if form.lane_mode == "country" else "actors"
    lanes, cells, summed = density_lanes(
        [(item.name, item.pk) for item in ranked], tally.lane_rows, noun
    )
    counted = tally.summary
    return density_figure(
        lanes,
        cells,
        tally.bin,
        (counted.first, counted.last),
        hidden=summed,
        marks=counted.dated,
        detail=_detail_source(form, query),
    )


def _detail_source(form: EventFilterForm, query: str) -> dict:
    """Where the page fetches the single events of a zoomed window: the API with the same
    filters; the dates are the window's, kept within the filter's own dates."""
    params = QueryDict(query, mutable=True)
    for key in ("from", "to", "lanes"):
        params.pop(key, None)
    bounds = {key: form.values.get(key) for key in ("from", "to")}
    return {
        "api": reverse("api-events"),
        "query": params.urlencode(),
        "lanes": form.lane_mode,
        "from": bounds["from"].isoformat() if bounds["from"] else "",
        "to": bounds["to"].isoformat() if bounds["to"] else "",
    }


@vary_on_headers("HX-Request")
def timeline(request: HttpRequest) -> HttpResponse:
    # The counts over the filtered events cost most of the page at 20,000 events; they are
    # kept until the next write to the data (versioning), for each combination of filters.
    version = versioning.data_version()
    form = EventFilterForm(request.GET, version=version)
    form.is_valid()
    filtered = form.filter(selectors.visible_events())
    cache_key = sorted(form.values.items())
    tally = versioning.cached("tally", cache_key, lambda: _tally(form, filtered), version)
    counted = tally.summary
    paging = PageForm(request.GET)
    # A small set is loaded whole, once, for the list and the chart; a large one a page at a time.
    loaded = selectors.load_listed(filtered) if counted.total <= DETAIL_LIMIT else None
    page = _list_page(
        loaded if loaded is not None else selectors.EventPage(filtered, counted.total), paging
    )
    choices = _filter_choices(form, tally, (version, cache_key))
    query = filters_query(request.GET)
    context = choices | {
        "form": form,
        "errors": form.errors | paging.errors,
        "page": page,
        "events": page.object_list,
        "total": counted.total,
        "undated": counted.undated,
        "figure": _chart(form, filtered, tally, query, loaded),
        "chips": active_filters(request, form, choices["names"]),
        # The filters without the page: what the exports and the API links carry.
        "query": query,
        "articles": Article.objects.count(),
    }
    if _partial(request):
        html = render_to_string("timeline/index.html#results", context, request)
        if request.htmx.trigger == "filters":
            # The form stays as the user left it (focus, typing, scroll); only its counts change.
            html += render_to_string("timeline/index.html#filter-options", context, request)
        else:
            # A chip, a facet or a page link changed the URL: bring the whole form up to date.
            html += render_to_string(
                "timeline/index.html#filters", context | {"oob": True}, request
            )
        return HttpResponse(html)
    return render(request, "timeline/index.html", context)


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
    sources = sources_by_article(event.sources)
    context = {
        "event": event,
        "sources": sources,
        "sentences": sentence_total(sources),
        "discrepancies": discrepancies(conflicts),
        # The event was opened from a filtered timeline: its link back keeps the filters.
        "query": filters_query(request.GET),
    }
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


def _entity_events(
    request: HttpRequest, events: EventQuerySet, lane_of, filters: dict, home: str = ""
) -> dict:
    """The chart and the list of an actor's or a country's page, bounded like ``/``: every
    event drawn and listed when there are few; else their density per country lane and time
    bin (``home``, the country of the page, left out: its lanes are the partners) and the
    list a page at a time. ``filters``: the timeline's filters that select these events,
    for the chart's zoomed detail; they name the page's events, so the counts and the
    density are kept under them until the next write to the data (``versioning``)."""
    version = versioning.data_version()
    counted = versioning.cached(
        "entity-summary",
        filters,
        lambda: selectors.summary(selectors.summaries_by_type(events)),
        version,
    )
    paging = PageForm(request.GET)
    loaded = None
    if counted.total <= DETAIL_LIMIT:
        loaded = selectors.load_listed(events)
        figure = timeline_figure(loaded, lane_of)
        page = _list_page(loaded, paging)
    else:
        figure = versioning.cached(
            "entity-density",
            filters,
            lambda: _entity_density(events, counted, filters, home),
            version,
        )
        page = _list_page(selectors.EventPage(events, counted.total), paging)
    return {
        "loaded": loaded,  # every event, when there are few
        "figure": figure,
        "page": page,
        "events": page.object_list,
        "total": counted.total,
        "errors": paging.errors,
    }


def _entity_density(events: EventQuerySet, counted, filters: dict, home: str) -> dict:
    bin = selectors.bin_for(counted.first, counted.last)
    rows = [row for row in selectors.lane_counts(events, "country", bin) if row[0] != home]
    countries = selectors.countries_counted(selectors.ranked(rows))
    lanes, cells, summed = density_lanes([(c.name, c.pk) for c in countries], rows, "countries")
    query = QueryDict(mutable=True)
    for key, value in filters.items():
        query[key] = value
    return density_figure(
        lanes,
        cells,
        bin,
        (counted.first, counted.last),
        hidden=summed,
        marks=counted.dated,
        detail={
            "api": reverse("api-events"),
            "query": query.urlencode(),
            "lanes": "country",
            "from": "",
            "to": "",
        },
    )


def actor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_object_or_404(Actor.objects.select_related("country", "merged_into"), slug=slug)
    if actor.merged_into_id:
        return redirect(actor.survivor())
    # A subquery on the actor's links, not a join: the join walked every visible event.
    events = selectors.visible_events().for_actors([actor.slug])
    context = _entity_events(request, events, by_country, {"actor": actor.slug})
    del context["loaded"]
    return render(
        request,
        "timeline/actor.html",
        context | {"actor": actor, "aliases": list(actor.aliases.all())},
    )


def country_detail(request: HttpRequest, iso3: str) -> HttpResponse:
    if iso3 != iso3.upper():
        return redirect("country", iso3.upper())
    country = get_object_or_404(Country, iso3=iso3)
    events = selectors.visible_events().for_countries([country.iso3])
    partner_lanes = by_partner(country)
    context = _entity_events(request, events, partner_lanes, {"country": iso3}, home=iso3)
    loaded = context.pop("loaded")
    if loaded is None:  # a large set: only the events that establish or break relations
        loaded = selectors.load_listed(
            events.filter(type__in=selectors.ESTABLISH + selectors.BREAK)
        )
    history = selectors.relation_history(loaded, partner_lanes)
    figure = context["figure"]
    with_relation_periods(figure, relation_periods(history, until=timezone.localdate()))
    return render(
        request,
        "timeline/country.html",
        context | {"country": country, "relations": history},
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
        error = {"message": _page_count(paginator.num_pages), "code": "out_of_range"}
        return JsonResponse({"errors": {"page": [error]}}, status=400)
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


def export_timelinejs(request: HttpRequest) -> HttpResponse:
    events, error = _export(request)
    if error:
        return error
    lanes = "actor" if request.GET.get("lanes") == "actor" else "country"
    return JsonResponse(timeline_json(events, request.build_absolute_uri, lanes=lanes))


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
