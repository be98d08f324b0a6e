"""Per-article readings kept in the database (``Reading``), for the rebuilds.

The per-article extraction costs ~100 ms an article and depends only on the text, the
publication date it is read with and the extractor's code; the cross-article stage
costs a fraction of that. Keeping each reading lets an update or a rebuild read again
only the articles whose text, date or extractor changed.
"""

from __future__ import annotations

import hashlib
import pickle
import zlib
from collections.abc import Iterable

from .extraction.document import Document, read_document
from .extraction.links import link_keys
from .extraction.pipeline import _short
from .extraction.types import PUB_UNKNOWN, PublicationDate
from .extraction.version import extractor_version
from .models import Article, Reading


def _digest(published: PublicationDate) -> str:
    """Everything of the given publication date the reading depends on."""
    text = f"{published.value}|{published.source}|{published.evidence}|{published.certain}"
    text += f"|{sorted(map(str, published.alternatives))}"
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _payload(document: Document) -> bytes:
    return zlib.compress(pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL))


def keep_first_reading(article: Article) -> None:
    """Store the reading of a new article that ingest made before storing it (with no date
    given: the one ``extract_article`` makes, still in the reading cache). Call inside the
    transaction storing the article: the timeline update then recalls it instead of
    reading the text again, whatever the run's size (the cache keeps the last 512)."""
    unstated = PublicationDate(None, PUB_UNKNOWN)
    Reading.objects.create(
        article=article,
        version=extractor_version(),
        published=_digest(unstated),
        payload=_payload(read_document(article.text, unstated)),
    )


class StoredReader:
    """A reader for ``build_timeline`` that answers from stored readings first and
    remembers which readings each article was read with (its link keys come from
    all of them)."""

    def __init__(self) -> None:
        self.version = extractor_version()
        self._articles: dict[str, Article] = {}
        self._by_text: dict[str, str] = {}  # SHA-256 of the text -> the article's key
        self._stored: dict[tuple[str, str], bytes] = {}
        self._documents: dict[tuple[str, str], Document] = {}
        self._new: dict[tuple[str, str], Document] = {}
        self.used: dict[str, dict[str, Document]] = {}

    def load(self, articles: Iterable[Article]) -> None:
        fresh = [a for a in articles if a.content_hash not in self._articles]
        self._articles.update((a.content_hash, a) for a in fresh)
        # Keys are the texts' SHA-256 when ingested; hand-made rows may differ.
        self._by_text.update((_hash(a.text), a.content_hash) for a in fresh)
        by_pk = {a.pk: a.content_hash for a in fresh}
        for start in range(0, len(fresh), 500):
            chunk = list(by_pk)[start : start + 500]
            rows = Reading.objects.filter(article_id__in=chunk, version=self.version)
            for pk, published, payload in rows.values_list("article_id", "published", "payload"):
                self._stored[(by_pk[pk], published)] = bytes(payload)

    def read(self, text: str, published: PublicationDate) -> Document:
        digest = _hash(text)
        key = (self._by_text.get(digest, digest), _digest(published))
        document = self._documents.get(key)
        if document is None:
            payload = self._stored.get(key)
            if payload is not None:
                document = pickle.loads(zlib.decompress(payload))
            else:
                document = read_document(text, published)
                self._new[key] = document
            self._documents[key] = document
        self.used.setdefault(key[0], {})[key[1]] = document
        return document

    __call__ = read

    def link_keys(self, articles: Iterable[Article]) -> dict[str, set[str]]:
        """Each article's keys, over every reading of it used so far."""
        found: dict[str, set[str]] = {}
        for article in articles:
            keys: set[str] = set()
            for document in self.used.get(article.content_hash, {}).values():
                label = article.title or article.slug or document.extraction.title
                keys |= link_keys(document, _short(label or "untitled article"))
            found[article.content_hash] = keys
        return found

    def save(self) -> None:
        """Store the readings made by this reader (one insert)."""
        rows = [
            Reading(
                article=self._articles[digest],
                version=self.version,
                published=published,
                payload=_payload(document),
            )
            for (digest, published), document in self._new.items()
            if digest in self._articles and self._articles[digest].pk is not None
        ]
        Reading.objects.bulk_create(rows, ignore_conflicts=True, batch_size=200)
        self._new.clear()
