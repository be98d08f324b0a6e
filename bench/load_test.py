"""Load test: users browsing, filtering and opening events, against gunicorn on PostgreSQL.

    .venv/bin/python bench/load_test.py [--events 20000] [--users 50] [--duration 60]
        [--database postgres://postgres@127.0.0.1:5432/timeline_load] [--json FILE]

1. Makes a fresh PostgreSQL database (dropped first if it exists), migrates it and fills it
   with ``manage.py synthesize --events N`` (where that command is missing: a minimal fill
   of synthetic articles, sentences and events written here), then ``collectstatic``.
   ``--reuse`` keeps the database a previous run filled.
2. Starts gunicorn as the README documents it (``gunicorn.conf.py``, ``DJANGO_DEBUG=0``,
   behind an HTTPS proxy: requests carry ``X-Forwarded-Proto: https``) on a free loopback
   port, in its own processes.
3. From this process, Locust runs U users for the given time, each waiting 1-3 s between
   clicks as a reader does: the timeline, filters by country, actor, type, dates and text
   (whole pages and htmx swaps with ``HX-Request: true``), the next page, events, articles,
   actors, countries, the JSON API and the static files of a page.

Prints, per kind of page: requests, errors, p50/p95/p99 and the rate; the total; the 5xx
lines of the server's log. Exits 1 when any request failed. Nothing here is a test: the
numbers depend on the machine (and on whoever else uses its cores).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
PROXIED = {"X-Forwarded-Proto": "https"}
NETWORK_TIMEOUT = 60.0

# --- the database --------------------------------------------------------------------


def server_env(database: str, static_root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))}
    return env | {
        "DATABASE_URL": database,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_BEHIND_HTTPS_PROXY": "1",
        "DJANGO_STATIC_ROOT": str(static_root),
        "PYTHONPATH": str(ROOT),
    }


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def recreate(database: str) -> None:
    """Drop and create the database named in the URL (on the same server)."""
    import psycopg

    parts = urlsplit(database)
    name = parts.path.lstrip("/")
    if not re.fullmatch(r"\w+", name):
        sys.exit(f"not a plain database name: {name!r}")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def analyze(database: str) -> None:
    """Fresh statistics for the planner, as after any bulk load. Without them (autovacuum
    off, or not yet run) PostgreSQL guesses a few rows a table and, at 20,000 events,
    picks plans that scan every evidence row for one article's page (0.5 s instead of ms)."""
    import psycopg

    with psycopg.connect(database, autocommit=True) as connection:
        connection.execute("ANALYZE")


def populate(env: dict[str, str], events: int) -> tuple[str, float]:
    began = time.perf_counter()
    if "synthesize" in manage(env, "help", "--commands").split():
        manage(env, "synthesize", "--events", str(events), "--seed", "1")
        how = "manage.py synthesize"
    else:
        result = subprocess.run(
            [PYTHON, __file__, "--fill-only", str(events)], cwd=ROOT, env=env, text=True
        )
        if result.returncode:
            sys.exit("the fallback fill failed")
        how = "the fallback fill in bench/load_test.py (no synthesize command)"
    return how, time.perf_counter() - began


def fallback_fill(events: int, seed: int = 1) -> None:
    """A minimal stand-in for ``synthesize``: articles of six sentences, events citing
    one to three of them, two countries and up to two actors each, mixed types and
    precisions, dates over 35 years. Written straight through the ORM in batches."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
    import django

    django.setup()
    import pycountry
    from django.db import transaction

    from timeline.extraction.vocabulary import EVENT_TYPES
    from timeline.models import Actor, Article, Country, Event

    rng = random.Random(seed)
    countries = Country.objects.bulk_create(
        [Country(iso3=c.alpha_3, name=c.name) for c in pycountry.countries],
        ignore_conflicts=True,
    )
    actors = Actor.objects.bulk_create(
        Actor(key=f"person:{i}", slug=f"envoy-{i}", name=f"Envoy {i}", title="Foreign Minister")
        for i in range(400)
    )
    types = list(EVENT_TYPES)
    for first in range(0, events, 1000):
        with transaction.atomic():
            fill_batch(rng, range(first, min(first + 1000, events)), countries, actors, types)
    print(f"filled {Event.objects.count()} events, {Article.objects.count()} articles")


def fill_batch(rng, numbers, countries, actors, types) -> None:
    from timeline.models import Article, Event, Evidence, Sentence

    epoch = dt.date(1990, 1, 1)
    articles = Article.objects.bulk_create(
        Article(
            slug=f"article-{n}",
            content_hash=f"{n:064d}",
            title=f"Article {n}",
            text=" ".join(f"Sentence {i} of article {n}." for i in range(6)),
            published=epoch + dt.timedelta(days=rng.randrange(12_800)),
        )
        for n in numbers
    )
    sentences = Sentence.objects.bulk_create(
        Sentence(article=a, index=i, start=i * 30, end=i * 30 + 28, text=f"Sentence {i}.")
        for a in articles
        for i in range(6)
    )
    evs = []
    for n in numbers:
        start = epoch + dt.timedelta(days=rng.randrange(12_800))
        precision = rng.choice(["day", "day", "day", "month", "year"])
        evs.append(
            Event(
                title=f"Event {n}",
                type=rng.choice(types),
                start=start,
                end=start,
                precision=precision,
                edtf=start.isoformat(),
                date_display=start.isoformat(),
            )
        )
    evs = Event.objects.bulk_create(evs)
    links_c, links_a, evidence = [], [], []
    for event in evs:
        for country in rng.sample(countries, 2):
            links_c.append(Event.countries.through(event=event, country=country))
        for actor in rng.sample(actors, rng.randrange(3)):
            links_a.append(Event.actors.through(event=event, actor=actor))
        for sentence in rng.sample(sentences, rng.randrange(1, 4)):
            evidence.append(Evidence(event=event, sentence=sentence))
    Event.countries.through.objects.bulk_create(links_c)
    Event.actors.through.objects.bulk_create(links_a)
    Evidence.objects.bulk_create(evidence)


# --- the server ----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 60) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers=PROXIED)
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status, response.read()


def wait_until_up(base: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn stopped:\n{log.read_text()[-3000:]}")
        try:
            fetch(f"{base}/admin/login/", timeout=5)
            return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"gunicorn did not answer:\n{log.read_text()[-3000:]}")


def samples(base: str) -> dict[str, list[str]]:
    """What the users will click: events, articles, actors, countries, types, years."""
    found: dict[str, set[str]] = {k: set() for k in ("event", "article", "actor", "country")}
    types, years = set(), set()
    for page in (1, 2, 3):
        body = json.loads(fetch(f"{base}/api/events.json?page_size=200&page={page}")[1])
        for e in body["events"]:
            found["event"].add(urlsplit(e["url"]).path)
            found["article"] |= {urlsplit(s["url"]).path for s in e["sources"]}
            found["actor"] |= {a["slug"] for a in e["actors"]}
            found["country"] |= {c["iso3"] for c in e["countries"]}
            types.add(e["type"])
            if e["date"]["start"]:
                years.add(int(e["date"]["start"][:4]))
        if not body["next"]:
            break
    if not found["event"]:
        sys.exit("the database holds no event to browse")
    # The files a first visit loads (hashed names from collectstatic, served by WhiteNoise).
    page = fetch(f"{base}{min(found['event'])}")[1].decode()
    found["static"] = set(re.findall(r'(?:src|href)="(/static/[^"]+)"', page))
    return {k: sorted(v) for k, v in found.items()} | {
        "type": sorted(types),
        "year": sorted(years) or [2000],
    }


# --- the users -----------------------------------------------------------------------


def filter_query(rng: random.Random, pick: dict[str, list[str]]) -> str:
    """One to three filters, as a reader combines them."""
    choices = {
        "country": lambda: rng.choice(pick["country"]),
        "actor": lambda: rng.choice(pick["actor"]) if pick["actor"] else None,
        "type": lambda: rng.choice(pick["type"]),
        "from": lambda: f"{rng.choice(pick['year'])}-01-01",
        "to": lambda: f"{rng.choice(pick['year']) + rng.randrange(1, 10)}-12-31",
        "q": lambda: rng.choice(["talks", "minister", "agreement", "visit", "sanctions"]),
    }
    params = {}
    for name in rng.sample(list(choices), rng.randrange(1, 4)):
        value = choices[name]()
        if value:
            params[name] = value
    return urlencode(params)


def user_class(pick: dict[str, list[str]]):
    from locust import FastHttpUser, between, task

    class Reader(FastHttpUser):
        wait_time = between(1, 3)
        # A page never waits this long; a timeout counts as an error.
        network_timeout = NETWORK_TIMEOUT
        connection_timeout = 10.0

        def on_start(self):
            self.rng = random.Random()

        def get(self, path: str, kind: str, htmx: bool = False):
            headers = PROXIED | ({"HX-Request": "true"} if htmx else {})
            with self.client.get(path, headers=headers, name=kind, catch_response=True) as r:
                if r.status_code == 0:  # no answer at all
                    r.failure(f"no answer: {r.error!r}")
                elif r.status_code != 200:
                    r.failure(f"HTTP {r.status_code}")
                elif htmx and b'id="results"' not in r.content:
                    r.failure("htmx answer without the results region")

        @task(3)
        def timeline(self):
            self.get("/", "/ (timeline)")

        @task(3)
        def filter_page(self):
            self.get(f"/?{filter_query(self.rng, pick)}", "/?filters (page)")

        @task(5)
        def filter_swap(self):
            self.get(f"/?{filter_query(self.rng, pick)}", "/?filters (htmx swap)", htmx=True)

        @task(1)
        def next_page(self):
            self.get(f"/?page={self.rng.randrange(2, 6)}", "/?page=N (htmx swap)", htmx=True)

        @task(4)
        def event(self):
            self.get(self.rng.choice(pick["event"]), "/events/<id>/")

        @task(2)
        def article(self):
            self.get(self.rng.choice(pick["article"]), "/articles/<slug>/")

        @task(1)
        def actor(self):
            if pick["actor"]:
                self.get(f"/actors/{self.rng.choice(pick['actor'])}/", "/actors/<slug>/")

        @task(1)
        def country(self):
            self.get(f"/countries/{self.rng.choice(pick['country'])}/", "/countries/<iso3>/")

        @task(1)
        def static_file(self):
            if pick["static"]:
                self.get(self.rng.choice(pick["static"]), "/static/ (WhiteNoise)")

        @task(2)
        def api(self):
            query = filter_query(self.rng, pick) if self.rng.random() < 0.5 else ""
            self.get(f"/api/events.json?{query}", "/api/events.json")

    return Reader


def swarm(base: str, pick: dict[str, list[str]], users: int, seconds: float):
    import gevent
    from locust.env import Environment

    # At the end each user finishes the request it is waiting for (counted, and an
    # error if it times out) instead of dropping it, so slow pages cannot hide.
    env = Environment(user_classes=[user_class(pick)], host=base, stop_timeout=NETWORK_TIMEOUT + 5)
    runner = env.create_local_runner()
    began = time.monotonic()
    runner.start(users, spawn_rate=min(users, 10))
    gevent.spawn_later(seconds, runner.quit)
    runner.greenlet.join()
    return env.stats, time.monotonic() - began


def report(stats, seconds: float) -> dict:
    rows = {}
    for entry in sorted(stats.entries.values(), key=lambda e: e.name):
        rows[entry.name] = row(entry, seconds)
    rows["total"] = row(stats.total, seconds)
    heads = ("requests", "errors", "p50", "p95", "p99", "req/s")
    print(f"\n{'page':<24} {heads[0]:>9} {heads[1]:>7} " + " ".join(f"{h:>7}" for h in heads[2:]))
    for name, r in rows.items():
        print(
            f"{name:<24} {r['requests']:>9} {r['errors']:>7} {r['p50_ms']:>5.0f}ms "
            f"{r['p95_ms']:>5.0f}ms {r['p99_ms']:>5.0f}ms {r['rps']:>7.1f}"
        )
    for error in stats.errors.values():
        print(f"  error x{error.occurrences}: {error.method} {error.name}: {error.error}")
    return rows


def row(entry, seconds: float) -> dict:
    percentile = entry.get_response_time_percentile if entry.num_requests else lambda _: 0
    return {
        "requests": entry.num_requests,
        "errors": entry.num_failures,
        "p50_ms": percentile(0.5),
        "p95_ms": percentile(0.95),
        "p99_ms": percentile(0.99),
        "rps": entry.num_requests / seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60, help="seconds")
    parser.add_argument(
        "--database",
        default="postgres://postgres@127.0.0.1:5432/timeline_load",
        help="a PostgreSQL URL; the database is dropped and made anew",
    )
    parser.add_argument(
        "--reuse", action="store_true", help="keep the database a previous run filled"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--fill-only", type=int, metavar="N", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fill_only is not None:
        return fallback_fill(args.fill_only)

    with tempfile.TemporaryDirectory(prefix="load-test-") as folder:
        env = server_env(args.database, Path(folder) / "static")
        if not args.reuse:
            recreate(args.database)
        manage(env, "migrate", "--no-input")
        if not args.reuse:
            how, took = populate(env, args.events)
            print(f"database: {args.events} events by {how} in {took:.0f} s")
        analyze(args.database)
        manage(env, "collectstatic", "--no-input")
        port, log = free_port(), Path(folder) / "gunicorn.log"
        with log.open("w") as out:
            server = subprocess.Popen(
                [GUNICORN, "timeline.wsgi", "--bind", f"127.0.0.1:{port}"],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base, server, log)
            pick = samples(base)
            print(
                f"gunicorn (gunicorn.conf.py) on {base}; {args.users} users for "
                f"{args.duration:.0f} s, 1-3 s between clicks"
            )
            stats, elapsed = swarm(base, pick, args.users, args.duration)
        finally:
            server.terminate()
            server.wait(timeout=60)
        rows = report(stats, elapsed)
        server_errors = [line for line in log.read_text().splitlines() if '" 5' in line]
        print(f"server log: {len(server_errors)} responses 5xx")
        for line in server_errors[:10]:
            print("  " + line)
    if args.json:
        args.json.write_text(json.dumps({"events": args.events, "pages": rows}, indent=1))
    if rows["total"]["errors"] or server_errors:
        sys.exit(1)


if __name__ == "__main__":
    main()
