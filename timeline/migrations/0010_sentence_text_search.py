"""An index for the timeline's text filter ``q`` (``EventQuerySet.matching``), which reads
``sentence.text LIKE '%words%'`` case-insensitively: without an index, every sentence of the
corpus is read for each new query and after each write.

- SQLite: an FTS5 table with the trigram tokenizer over the sentences' text, kept by
  triggers (whoever writes, bulk inserts included). A phrase of three characters or more
  finds the sentences holding it in any case; the LIKE of the filter then keeps exactly the
  rows it always kept (the index only narrows). Without FTS5 in the SQLite library the
  table is not created and the filter reads every sentence, as before.
- PostgreSQL: a trigram GIN index (pg_trgm) on UPPER(text), the expression Django's
  ``icontains`` compares, so the same query uses it unchanged. Without the right to create
  the extension, no index and the same plain scan.

A later migration that remakes ``timeline_sentence`` on SQLite (Django copies the table
for some changes) drops its triggers: it must create them again (``statements``).
"""

from django.db import DatabaseError, migrations, transaction

FTS = "timeline_sentence_text"

SQLITE_CREATE = [
    f"CREATE VIRTUAL TABLE {FTS} USING fts5(text, content='timeline_sentence', "
    "content_rowid='id', tokenize='trigram')",
    f"CREATE TRIGGER {FTS}_insert AFTER INSERT ON timeline_sentence BEGIN "
    f"INSERT INTO {FTS}(rowid, text) VALUES (new.id, new.text); END",
    f"CREATE TRIGGER {FTS}_delete AFTER DELETE ON timeline_sentence BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, text) VALUES ('delete', old.id, old.text); END",
    f"CREATE TRIGGER {FTS}_update AFTER UPDATE OF text ON timeline_sentence BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, text) VALUES ('delete', old.id, old.text); "
    f"INSERT INTO {FTS}(rowid, text) VALUES (new.id, new.text); END",
    f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",
]
SQLITE_DROP = [
    *(f"DROP TRIGGER IF EXISTS {FTS}_{op}" for op in ("insert", "delete", "update")),
    f"DROP TABLE IF EXISTS {FTS}",
]
POSTGRES_CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS sentence_text_trgm ON timeline_sentence "
    "USING gin (UPPER(text) gin_trgm_ops)",
]
POSTGRES_DROP = ["DROP INDEX IF EXISTS sentence_text_trgm"]


def statements(vendor: str) -> tuple[list[str], list[str]]:
    """The SQL creating the index, and the SQL dropping it."""
    if vendor == "sqlite":
        return SQLITE_CREATE, SQLITE_DROP
    if vendor == "postgresql":
        return POSTGRES_CREATE, POSTGRES_DROP
    return [], []


def create(apps, schema_editor):
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            for sql in statements(schema_editor.connection.vendor)[0]:
                schema_editor.execute(sql)
    except DatabaseError:  # no FTS5, or no right to create pg_trgm: the plain scan stays
        pass


def drop(apps, schema_editor):
    for sql in statements(schema_editor.connection.vendor)[1]:
        schema_editor.execute(sql)


class Migration(migrations.Migration):

    dependencies = [
        ("timeline", "0009_data_version"),
    ]

    operations = [migrations.RunPython(create, drop)]
