"""Counts cached until the data changes: a key holds the data version, which database
triggers change on every write to the tables the counts read (migration 0009).

Django's cache framework, local memory by default (settings.CACHES): each server process
keeps its own copy; the version lives in the database, so each process sees every other
process's writes. No expiry is needed for freshness, only to bound memory."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import connection

from .models import DataVersion

T = TypeVar("T")

# Every table whose rows the cached counts read: the filters (events, their sources'
# sentences and articles, their countries and actors) and the names shown with the counts.
COUNTED_TABLES = [
    "timeline_event",
    "timeline_evidence",
    "timeline_event_countries",
    "timeline_event_actors",
    "timeline_sentence",
    "timeline_article",
    "timeline_country",
    "timeline_actor",
    "timeline_actoralias",
]

TIMEOUT = 24 * 3600  # seconds; stale entries (an older version) are never read again


def data_version() -> int | None:
    """The current token; None when the row is missing (a flushed test database)."""
    return DataVersion.objects.filter(pk=1).values_list("token", flat=True).first()


def cached(name: str, parts: object, compute: Callable[[], T], version: int | None) -> T:
    """``compute()``, kept under ``name``, the database, ``version`` and ``parts`` (a repr
    that names every input of the computation)."""
    if version is None:
        return compute()
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    key = (
        f"timeline:{name}:{connection.alias}:{connection.settings_dict['NAME']}:{version}:{digest}"
    )
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, TIMEOUT)
    return found
