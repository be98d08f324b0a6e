"""How events are told to people: counts in words, why a date is uncertain, sources by
article, and where the sources differ. Shared by the pages, the chart and the admin, so
that every place says the same thing the same way."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .extraction.actors import name_tokens, tokens_match
from .models import Article, Event, Evidence


def plural(n: int, word: str) -> str:
    """ "1 event", "20,000 events": a count with its word, and thousands separated."""
    return f"{n} {word}" if n == 1 else f"{n:,} {word}s"


def counts_text(articles: int, sentences: int) -> str:
    """The one way sources are counted everywhere: "4 articles, 21 sentences"."""
    return f"{plural(articles, 'article')}, {plural(sentences, 'sentence')}"


# --- sources ----------------------------------------------------------------------------


@dataclass
class SourceLine:
    """One sentence as cited, with the other places in its article that say it word for word
    (a headline repeated as the lead is one source, not two)."""

    evidence: Evidence
    repeats: list[Evidence] = field(default_factory=list)


@dataclass
class ArticleSources:
    article: Article
    lines: list[SourceLine]


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def sources_by_article(evidence: Iterable[Evidence]) -> list[ArticleSources]:
    """Accepted evidence (sentence and article loaded) grouped by article, in the given order;
    a sentence repeated word for word in its article is listed once."""
    groups: dict[int, ArticleSources] = {}
    seen: dict[tuple[int, str], SourceLine] = {}
    for item in evidence:
        article = item.sentence.article
        group = groups.setdefault(article.pk, ArticleSources(article, []))
        key = (article.pk, _normal(item.sentence.text))
        if key in seen:
            seen[key].repeats.append(item)
            continue
        seen[key] = SourceLine(item)
        group.lines.append(seen[key])
    return list(groups.values())


def sentence_total(groups: list[ArticleSources]) -> int:
    return sum(len(g.lines) for g in groups)


def source_count(event: Event) -> str:
    """ "4 articles, 21 sentences" for an event loaded by ``selectors.load_events``."""
    groups = sources_by_article(getattr(event, "sources", []))
    return counts_text(len(groups), sentence_total(groups))


# --- dates ------------------------------------------------------------------------------


def _date_conflict(event: Event) -> dict | None:
    conflicts = event.conflicts if isinstance(event.conflicts, list) else []
    return next((c for c in conflicts if isinstance(c, dict) and c.get("field") == "date"), None)


def date_doubt(event: Event) -> str:
    """Why the date is uncertain, in words; empty when it is not."""
    if event.date_certain:
        return ""
    conflict = _date_conflict(event)
    if conflict:
        values = _tally(str(c.get("value", "")) for c in conflict.get("claims") or [])
        return "the sources give different dates: " + ", ".join(
            f"{value} ({plural(n, 'sentence')})" for value, n in values
        )
    return event.date_rule or "the sources leave it open"


def _tally(values: Iterable[str]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return sorted(counts.items(), key=lambda kv: -kv[1])


# --- where the sources differ ------------------------------------------------------------


@dataclass
class Side:
    value: str
    claims: list[dict]
    variants: list[str] = field(default_factory=list)  # other spellings of the same value

    @property
    def articles(self) -> int:
        return len({c["article"] for c in self.claims})


@dataclass
class Discrepancy:
    field: str
    sides: list[Side]
    major: bool  # a disagreement on the date: shown prominently


def _same_name(a: str, b: str) -> bool:
    """Spellings of one name: their given names can be spellings of each other."""
    ta, tb = name_tokens(a), name_tokens(b)
    return bool(ta and tb) and tokens_match(ta[0], tb[0])


def _sides(conflict: dict) -> list[Side]:
    spelling = conflict["field"] == "name"
    sides: list[Side] = []
    for claim in conflict["claims"]:
        value = claim["value"]
        match = next(
            (s for s in sides if s.value == value or (spelling and _same_name(s.value, value))),
            None,
        )
        if match is None:
            sides.append(Side(value, [claim]))
            continue
        match.claims.append(claim)
        if value != match.value and value not in match.variants:
            match.variants.append(value)
    return sorted(sides, key=lambda s: -len(s.claims))


def discrepancies(conflicts: list[dict]) -> list[Discrepancy]:
    """The stored conflicts (``exports.conflicts_json``) as people should read them: a
    disagreement on the date first; spellings of one name are aliases, not a conflict."""
    found = []
    for conflict in conflicts:
        sides = _sides(conflict)
        if len(sides) > 1:
            found.append(Discrepancy(conflict["field"], sides, major=conflict["field"] == "date"))
    return sorted(found, key=lambda d: not d.major)
