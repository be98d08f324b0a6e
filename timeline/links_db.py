"""The articles an update must cluster again: the transitive closure over link keys.

``timeline.extraction.links`` says what an article can share with others; here the
keys are stored (``LinkKey``) and followed with indexed look-ups, key to articles and
articles to keys, until nothing new is reached. Nothing scans the corpus: each step
reads only the rows of the keys and articles just reached (and, for the similar-name
keys, the distinct long family names, a vocabulary far smaller than the corpus).
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import Indel

from .bulk import insert_rows
from .extraction.links import FUZZY, FUZZY_SIMILARITY
from .models import Article, LinkKey

CHUNK = 500  # SQLite allows 999 parameters a query


def _chunks(values: Iterable[str]):
    values = sorted(values)
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


class Reach:
    """Keys already followed, so growing the closure again costs only what is new."""

    def __init__(self) -> None:
        self.followed: set[str] = set()
        self._names: list[str] | None = None

    def _similar(self, keys: set[str]) -> set[str]:
        """Long family names stored that merge_actors may find similar to these."""
        wanted = [k[len(FUZZY) :] for k in keys if k.startswith(FUZZY)]
        if not wanted:
            return set()
        if self._names is None:
            stored = LinkKey.objects.filter(key__startswith=FUZZY).values_list("key", flat=True)
            self._names = sorted({k[len(FUZZY) :] for k in stored.distinct()})
        found: set[str] = set()
        for token in wanted:
            for name, _score, _i in process.extract(
                token,
                self._names,
                scorer=Indel.normalized_similarity,
                score_cutoff=FUZZY_SIMILARITY - 1e-9,
                limit=None,
            ):
                found.add(FUZZY + name)
        return found

    def closure(self, keys: set[str], members: set[str]) -> set[str]:
        """``members`` and every article reachable from ``keys`` through shared keys."""
        members = set(members)
        frontier = set(keys) - self.followed
        while frontier:
            frontier |= self._similar(frontier) - self.followed
            self.followed |= frontier
            reached: set[str] = set()
            for chunk in _chunks(frontier):
                rows = LinkKey.objects.filter(key__in=chunk).values_list("article_key", flat=True)
                reached.update(rows)
            reached -= members
            members |= reached
            frontier = set()
            for chunk in _chunks(reached):
                rows = LinkKey.objects.filter(article_key__in=chunk).values_list("key", flat=True)
                frontier.update(rows)
            frontier -= self.followed
        return members


def replace(found: dict[str, set[str]], *, everything: bool) -> None:
    """Store these articles' keys in place of their old ones; with ``everything``,
    the keys of articles not in ``found`` go too. Unchanged keys cost no write."""
    if everything:
        stored_articles = Article.objects.values("content_hash")
        LinkKey.objects.exclude(article_key__in=stored_articles).delete()
    stored: dict[str, set[str]] = {}
    for chunk in _chunks(found):
        rows = LinkKey.objects.filter(article_key__in=chunk).values_list("article_key", "key")
        for article, key in rows:
            stored.setdefault(article, set()).add(key)
    gone = [
        (article, key)
        for article, keys in stored.items()
        for key in keys - found.get(article, set())
    ]
    for article in {a for a, _ in gone}:
        LinkKey.objects.filter(
            article_key=article, key__in=[k for a, k in gone if a == article]
        ).delete()
    insert_rows(
        LinkKey,
        ("article_key", "key"),
        (
            (article, key)
            for article, keys in found.items()
            for key in keys - stored.get(article, set())
        ),
    )
