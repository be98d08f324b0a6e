"""Backup and restore (scripts/backup.py, as the README documents them): the round trip
keeps every event, source link, editor's change and history row."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]

# What editors do: an edited title, a rejected source link, a merge, each with history.
EDITS = """
from django.contrib.auth import get_user_model
from timeline import curation
from timeline.models import Event
editor = get_user_model().objects.create_user("ed", password="a long password 42")
first, second, third = Event.objects.visible().order_by("pk")[:3]
first.title = "A title an editor wrote"
first.mark_edited(["title"])
first.save()
curation.reject_evidence([first.evidence.first()], user=editor)
curation.merge_events(second, [third], user=editor)
"""
DISASTER = """
from timeline.models import Article, Event
Event.objects.all().delete()
Article.objects.all().delete()
"""


def run(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, (args, result.stderr)
    return result.stdout


def snapshot(env: dict[str, str]) -> list[dict]:
    """Every row of the timeline's tables (history included) and of the accounts."""
    return json.loads(run(env, "manage.py", "dumpdata", "timeline", "auth.user"))


def round_trip(env: dict[str, str], tmp_path: Path) -> None:
    run(env, "manage.py", "migrate", "--no-input")
    run(env, "manage.py", "ingest", "seeds/")
    run(env, "manage.py", "shell", "-c", EDITS)
    before = snapshot(env)
    models = {row["model"] for row in before}
    assert {"timeline.historicalevent", "timeline.historicalevidence"} <= models
    events = [row["fields"] for row in before if row["model"] == "timeline.event"]
    assert any("title" in e["edited_fields"] for e in events)
    assert any(e["merged_into"] for e in events)
    evidence = [row["fields"] for row in before if row["model"] == "timeline.evidence"]
    assert any(e["rejected"] for e in evidence)

    backup = tmp_path / "backup.file"
    run(env, "scripts/backup.py", "backup", str(backup))
    run(env, "manage.py", "shell", "-c", DISASTER)
    assert snapshot(env) != before
    run(env, "scripts/backup.py", "restore", str(backup))

    assert snapshot(env) == before


def clean_env(database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    return env | {"DATABASE_URL": database_url}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite pass runs this one")
def test_sqlite_round_trip(tmp_path):
    round_trip(clean_env(f"sqlite:///{tmp_path / 'db.sqlite3'}"), tmp_path)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL pass runs this one")
def test_postgresql_round_trip(tmp_path):
    db = connection.settings_dict
    name = f"{db['TEST'].get('NAME') or 'test_' + db['NAME']}_backup"
    server = f"postgres://{db['USER']}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}"
    admin = clean_env(f"{server}/postgres")
    drop = f"DROP DATABASE IF EXISTS {name}"
    psql = ["psql", f"--dbname={server}/postgres", "--quiet", "--command"]
    subprocess.run([*psql, drop], check=True, env=admin)
    subprocess.run([*psql, f"CREATE DATABASE {name}"], check=True, env=admin)
    try:
        round_trip(clean_env(f"{server}/{name}"), tmp_path)
    finally:
        subprocess.run([*psql, drop], check=True, env=admin)


def test_a_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("hello")
    env = clean_env(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    result = subprocess.run(
        [sys.executable, "scripts/backup.py", "restore", str(not_a_backup)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "is not an SQLite backup" in result.stderr
