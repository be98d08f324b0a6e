"""Query-string links that keep the other filters, and marked-up sentences."""

from __future__ import annotations

import json
import re
from html import escape

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.http import QueryDict
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from .. import presentation
from ..models import Article, Event, Mention, Sentence, event_type_choices

register = template.Library()

# Parameters that describe a view of the timeline, not a page of it.
NOT_FILTERS = {"page", "page_size"}


def query_with(params: QueryDict, key: str, value: str) -> str:
    """The query string with one more value for ``key`` (kept once)."""
    query = params.copy()
    for name in NOT_FILTERS:
        query.pop(name, None)
    values = [v for v in query.getlist(key) if v != value]
    query.setlist(key, [*values, value])
    return "?" + query.urlencode()


def query_without(params: QueryDict, key: str, value: str | None = None) -> str:
    """The query string without ``key`` (or without just one of its values)."""
    query = params.copy()
    for name in NOT_FILTERS:
        query.pop(name, None)
    if value is None:
        query.pop(key, None)
    else:
        query.setlist(key, [v for v in query.getlist(key) if v != value])
    encoded = query.urlencode()
    return "?" + encoded if encoded else ""


def query_set(params: QueryDict, key: str, value: str) -> str:
    query = params.copy()
    for name in NOT_FILTERS:
        query.pop(name, None)
    query[key] = value
    return "?" + query.urlencode()


def filters_query(params: QueryDict) -> str:
    """The query string of the filters alone (no page), without its "?"."""
    return query_without(params, "page").removeprefix("?")


@register.simple_tag(takes_context=True)
def page_query(context, number) -> str:
    """The query string for one page of the list, keeping every filter; page 1 has no number."""
    params = context["request"].GET
    if int(number) <= 1:
        return query_without(params, "page")
    return query_set(params, "page", str(number))


@register.simple_tag(takes_context=True)
def add_filter(context, key: str, value) -> str:
    return query_with(context["request"].GET, key, str(value))


def _mention_html(mention: Mention, text: str) -> SafeString:
    if mention.country_id:
        return format_html(
            '<a class="mention mention-country" href="{}">{}</a>',
            reverse("country", args=[mention.country_id]),
            text,
        )
    if mention.actor_id:
        return format_html(
            '<a class="mention mention-actor" href="{}">{}</a>',
            reverse("actor", args=[mention.actor.slug]),
            text,
        )
    if mention.kind in (Mention.Kind.DATE, Mention.Kind.DURATION):
        title = f"{mention.get_kind_display()}: {mention.value}" if mention.value else ""
        return format_html(
            '<mark class="mention mention-{}" title="{}">{}</mark>', mention.kind, title, text
        )
    return format_html('<mark class="mention mention-{}">{}</mark>', mention.kind, text)


@register.simple_tag
def marked_sentence(sentence: Sentence, mentions: list[Mention]) -> SafeString:
    """The sentence's text with each mention marked (offsets are into the article text)."""
    text = sentence.text
    parts: list[str] = []
    cursor = 0
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        start, end = mention.start - sentence.start, mention.end - sentence.start
        while start < end and end <= len(text) and text[end - 1].isspace():
            end -= 1  # a mark ends with its word, not with the space after it
        if start < cursor or end > len(text) or start >= end:
            continue  # overlapping or outside the sentence: leave the text plain
        parts.append(conditional_escape(text[cursor:start]))
        parts.append(_mention_html(mention, text[start:end]))
        cursor = end
    parts.append(conditional_escape(text[cursor:]))
    return mark_safe("".join(str(p) for p in parts))  # every part escaped above


@register.simple_tag
def event_rows(events, panel: bool = False, query: str = "") -> SafeString:
    """The list's rows, one ``<li>`` per event, built here rather than by template tags:
    a page of 100 events cost more through the template engine (a lookup, a filter and
    a URL per field) than every query of the page."""
    labels = dict(event_type_choices())
    rows = [_event_row(event, labels, panel, query) for event in events]
    return mark_safe("".join(rows)) if rows else mark_safe('<li class="empty">No events.</li>')


def _event_row(event: Event, labels: dict[str, str], panel: bool, query: str) -> str:
    url = reverse("event", args=[event.pk])
    link = (
        format_html(
            ' hx-get="{}" hx-target="#panel" hx-push-url="{}"',
            url,
            f"{url}?{query}" if query else url,
        )
        if panel
        else ""
    )
    if event.start:
        when = format_html(
            '<time datetime="{}">{}</time>',
            event.start.isoformat(),
            event.date_display or date_format(event.start),
        )
    else:
        when = "undated"
    badges = []
    if not event.date_certain:
        badges.append(
            format_html(
                '<span class="badge badge-uncertain" title="Why: {}">uncertain date</span>',
                presentation.date_doubt(event),
            )
        )
    if event.status == Event.Status.PLANNED:
        badges.append(mark_safe('<span class="badge badge-planned">planned</span>'))
    countries = format_html_join(", ", "{}", ((c.name,) for c in event.countries.all()))
    return format_html(
        '<li class="event-item type-{}"><a class="event-link" href="{}"{}>{}</a>'
        '<span class="event-meta"><span class="event-date">{}</span>{}'
        '<span class="event-type">{}</span>{}<span class="event-sources">{}</span></span></li>',
        event.type,
        url,
        link,
        event.title,
        when,
        mark_safe("".join(badges)),  # each built by format_html
        labels.get(event.type, event.type),
        format_html('<span class="event-countries">{}</span>', countries) if countries else "",
        presentation.source_count(event),
    )


@register.filter
def thousands(n) -> str:
    """A count as people read it: 20,000 (the pages speak English)."""
    return f"{n:,}" if isinstance(n, int) else n


def _options(rows, chosen) -> SafeString:
    """``<option>`` elements from (value, label, count, data-names or None) rows; built
    here with plain escaping: with hundreds of options, a template (or format_html) cost
    more per option than the query behind them."""
    html = []
    for value, label, n, names in rows:
        data = f' data-names="{escape(names)}"' if names is not None else ""
        selected = " selected" if value in chosen else ""
        html.append(
            f'\n        <option value="{escape(value)}"{data}{selected}>'
            f"{escape(label)} ({thousands(n)})</option>"
        )
    return mark_safe("".join(html))  # every value escaped above


@register.simple_tag
def country_options(countries, chosen) -> SafeString:
    return _options(((c.iso3, c.name, c.n, None) for c in countries), chosen)


@register.simple_tag
def actor_options(actors, chosen) -> SafeString:
    """Each actor with its aliases (``alias_names``, see ``selectors.with_alias_names``):
    listed after the name, and in ``data-names`` for the option search."""

    def row(actor):
        aliases = actor.alias_names
        label = f"{actor.name} — {', '.join(aliases)}" if aliases else actor.name
        return actor.slug, label, actor.n, "|".join([actor.name, *aliases])

    return _options(map(row, actors), chosen)


@register.simple_tag
def article_options(articles, chosen: str) -> SafeString:
    rows = ((a.slug, _truncated(a.title or a.slug, 70), a.n, None) for a in articles)
    return _options(rows, {chosen})


def _truncated(text: str, limit: int) -> str:
    """As the ``truncatechars`` filter: at most ``limit`` characters, "…" included."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


@register.simple_tag
def type_options(types, chosen: str) -> SafeString:
    return _options(((code, label, n, None) for code, label, n in types), {chosen})


@register.filter
def figure_json(value, element_id: str) -> SafeString:
    """As ``json_script``, for a chart's figure: the same escaping of ``<``, ``>`` and ``&``
    done by three replaces instead of a character map, which cost 6 ms on a 90 KB figure."""
    text = json.dumps(value, cls=DjangoJSONEncoder)
    text = text.replace("&", "\\u0026").replace("<", "\\u003C").replace(">", "\\u003E")
    return format_html(
        '<script id="{}" type="application/json">{}</script>', element_id, mark_safe(text)
    )


register.filter("plural", presentation.plural)
register.filter("date_doubt", presentation.date_doubt)
register.filter("source_count", presentation.source_count)


_ARTICLE_KEY = re.compile(r"\b([0-9a-f]{64})\b")


@register.filter
def link_articles(text: str) -> SafeString:
    """Explanations may name articles by their content hash: show people the article's
    title instead, linked to it."""
    hashes = {m.group(1) for m in _ARTICLE_KEY.finditer(text or "")}
    if not hashes:
        return conditional_escape(text)
    articles = {a.content_hash: a for a in Article.objects.filter(content_hash__in=hashes)}
    parts: list[str] = []
    cursor = 0
    for match in _ARTICLE_KEY.finditer(text):
        article = articles.get(match.group(1))
        if article is None:
            continue
        parts.append(conditional_escape(text[cursor : match.start()]))
        parts.append(format_html('“<a href="{}">{}</a>”', article.get_absolute_url(), str(article)))
        cursor = match.end()
    parts.append(conditional_escape(text[cursor:]))
    return mark_safe("".join(str(p) for p in parts))  # every part escaped above
