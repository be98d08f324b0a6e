"""Real processes on a real on-disk database: the database the suite runs on
(a temporary SQLite file, or a PostgreSQL database made here and dropped after)."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold"

# What a run leaves in the database, independent of row ids and of which
# process stored what: articles by hash, events by type, date and evidence.
SIGNATURE = """
import json
from timeline.models import Article, Event, Evidence, Job, PendingUpdate, Sentence
events = sorted(
    [e.type, str(e.start), str(e.end), sorted([v.sentence.article.content_hash, v.sentence.index]
     for v in e.evidence.all() if not v.rejected)]
    for e in Event.objects.prefetch_related("evidence__sentence__article")
)
print(json.dumps({
    "articles": sorted(Article.objects.values_list("content_hash", flat=True)),
    "sentences": Sentence.objects.count(),
    "events": events,
    "evidence": Evidence.objects.count(),
    "pending": PendingUpdate.objects.count(),
    "jobs": list(Job.objects.order_by("pk").values("state", "done", "total", "failures", "error")),
}))
"""


def run_env(url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "TIMELINE_TEST_PAUSE"}
    env.update(DATABASE_URL=url, DJANGO_TASKS_BACKEND="database", PYTHONUNBUFFERED="1", **extra)
    return env


def manage(url: str, *args: str, timeout: float = 600, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=run_env(url, **env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def start(url: str, *args: str, **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=run_env(url, **env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def signature(url: str) -> dict:
    done = manage(url, "shell", "-c", SIGNATURE)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    """The seeds and one development set's articles, as files in a folder."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    for key, article in json.loads((GOLD / "dev_1.json").read_text())["articles"].items():
        (folder / f"dev1_{key}.txt").write_text(article["text"], encoding="utf-8")
    return folder


class Databases:
    """Fresh migrated databases, copied from one migrated once."""

    def __init__(self, base: dict, workdir: Path):
        self.base, self.workdir = base, workdir
        self.postgres = base["ENGINE"].endswith("postgresql")
        self.made: list[str] = []
        self.count = itertools.count(1)
        self.prefix = f"timeline_jobs_sub_{uuid.uuid4().hex[:8]}"
        self.template = self._url(f"{self.prefix}_tpl")
        self._create(self.template)
        migrated = manage(self.template, "migrate", "--no-input")
        assert migrated.returncode == 0, migrated.stderr

    def _url(self, name: str) -> str:
        if not self.postgres:
            return f"sqlite:///{self.workdir / name}.sqlite3"
        b = self.base
        user = b.get("USER") or "postgres"
        auth = f"{user}:{b['PASSWORD']}" if b.get("PASSWORD") else user
        return f"postgres://{auth}@{b.get('HOST') or '127.0.0.1'}:{b.get('PORT') or 5432}/{name}"

    def _admin(self, sql: str) -> None:
        import psycopg

        b = self.base
        with psycopg.connect(
            host=b.get("HOST") or "127.0.0.1",
            port=b.get("PORT") or 5432,
            user=b.get("USER") or "postgres",
            password=b.get("PASSWORD") or None,
            dbname="postgres",
            autocommit=True,
        ) as conn:
            conn.execute(sql)

    def _create(self, url: str, template: str = "") -> None:
        name = url.rsplit("/", 1)[1]
        if self.postgres:
            self._admin(
                f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")
            )
            self.made.append(name)
        elif template:
            source = sqlite3.connect(self.template.removeprefix("sqlite:///"))
            target = sqlite3.connect(url.removeprefix("sqlite:///"))
            with target:
                source.backup(target)
            source.close()
            target.close()

    def fresh(self) -> str:
        url = self._url(f"{self.prefix}_{next(self.count)}")
        self._create(url, template=self.template.rsplit("/", 1)[1])
        return url

    def drop_all(self) -> None:
        for name in reversed(self.made):
            self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def databases(tmp_path_factory):
    dbs = Databases(settings.DATABASES["default"], tmp_path_factory.mktemp("databases"))
    yield dbs
    if dbs.postgres:
        dbs.drop_all()


@pytest.fixture(scope="session")
def reference(databases, corpus) -> dict:
    """What one ingest of the corpus, alone, leaves."""
    url = databases.fresh()
    done = manage(url, "ingest", str(corpus))
    assert done.returncode == 0, done.stdout + done.stderr
    return signature(url)
