"""The articles an update must cluster again: the transitive closure over link keys.

``timeline.extraction.links`` says what an article can share with others; here the
keys are stored (``LinkKey``) and followed with indexed look-ups, key to articles and
articles to keys, until nothing new is reached; a sentence key only to the articles
sharing enough sentences to be near-copies. Nothing scans the corpus: each step
reads only the rows of the keys and articles just reached (and, for the similar-name
keys, the distinct long family names, a vocabulary far smaller than the corpus).
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import Indel

from .bulk import insert_rows
from .extraction.links import FUZZY, FUZZY_SIMILARITY, SENTENCE, near_copies, sentence_keys
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
        self.compared: set[frozenset[str]] = set()  # sentence sets already matched
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

    def closure(self, keyed: Iterable[set[str]], members: set[str]) -> set[str]:
        """``members`` and every article reachable from these articles' keys (one set
        an article) through shared keys. Sentence keys lead only to near-copies: an
        article quoting one sentence of another cannot change it (``near_copies``)."""
        members = set(members)
        keyed = list(keyed)
        frontier = {k for keys in keyed for k in keys if not k.startswith(SENTENCE)}
        frontier -= self.followed
        copies = [sentence_keys(keys) for keys in keyed]
        while frontier or copies:
            frontier |= self._similar(frontier) - self.followed
            self.followed |= frontier
            reached = self._copies_of(copies, members)
            for chunk in _chunks(frontier):
                rows = LinkKey.objects.filter(key__in=chunk).values_list("article_key", flat=True)
                reached.update(rows)
            reached -= members
            members |= reached
            held = self.keys_of(reached)
            frontier = {k for keys in held.values() for k in keys if not k.startswith(SENTENCE)}
            frontier -= self.followed
            copies = [sentence_keys(keys) for keys in held.values()]
        return members

    def _copies_of(self, copies: list[frozenset[str]], members: set[str]) -> set[str]:
        """Articles outside ``members`` that are near-copies of an article with one of
        these sets of sentence keys: found by the sentences they share, then compared."""
        copies = [c for c in copies if c and c not in self.compared]
        self.compared.update(copies)
        sharing: set[str] = set()
        for chunk in _chunks(set().union(*copies)):
            rows = LinkKey.objects.filter(key__in=chunk).values_list("article_key", flat=True)
            sharing.update(rows)
        sharing -= members
        theirs = {
            article: sentence_keys(keys)
            for article, keys in self.keys_of(sharing, prefix=SENTENCE).items()
        }
        return {
            article
            for article, keys in theirs.items()
            if any(near_copies(mine, keys) for mine in copies)
        }

    @staticmethod
    def keys_of(articles: set[str], prefix: str = "") -> dict[str, set[str]]:
        """The stored keys of these articles (those starting with ``prefix``)."""
        found: dict[str, set[str]] = {}
        for chunk in _chunks(articles):
            rows = LinkKey.objects.filter(article_key__in=chunk)
            if prefix:
                rows = rows.filter(key__startswith=prefix)
            for article, key in rows.values_list("article_key", "key"):
                found.setdefault(article, set()).add(key)
        return found


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
