"""Query-string links that keep the other filters, and marked-up sentences."""

from __future__ import annotations

import re

from django import template
from django.http import QueryDict
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from .. import presentation
from ..models import Article, Mention, Sentence

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
