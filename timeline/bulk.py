"""Bulk inserts of plain rows, for the derived tables the timeline update rewrites."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

from django.db import connection

# Rows sent at once.
BATCH = 500


def insert_rows(model, fields: Sequence[str], rows: Iterable[tuple]) -> None:
    """Insert rows of plain column values, ``BATCH`` at a time, without a model instance
    per row. For derived tables of simple columns (no history, no signals, no default
    computed in Python, primary keys not needed back): there, building and compiling
    one instance per row costs several times what the database does."""
    meta = model._meta
    quote = connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(name).column) for name in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({marks})"
    rows = iter(rows)
    with connection.cursor() as cursor:
        while chunk := list(itertools.islice(rows, BATCH)):
            cursor.executemany(sql, chunk)
