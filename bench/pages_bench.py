"""The timeline's pages at 1,000 and 20,000 events, side by side (issue #9, items 4-6).

    .venv/bin/python bench/pages_bench.py [--sizes 1000 20000] [--runs 7] [--postgres]

For each size, a fresh database (a temporary SQLite file; with ``--postgres`` also a
PostgreSQL database on 127.0.0.1) is filled by ``synthesize`` and measured in a process of
its own, through Django's test client: server time of ``/`` (median of ``--runs``), its SQL
queries and HTML bytes, an htmx filter swap (the ``#results`` partial) over a round of
filters (p50 and p95; repeated, so the counts kept per filter until the next write are
read from the cache), the same swaps each the first after a write (a real write, which
changes the data version: every count is made again), and the API's first page. Prints
the ratios between the sizes and, at the largest size, the query plans (EXPLAIN) of the
main filter queries. Nothing here is a test: times depend on the machine
(and on its load), ratios much less.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG = "postgres://postgres@127.0.0.1:5432/"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


# --- one size, in its own process -------------------------------------------------------------


# The processor time of each request timed, in this process: on a machine shared with
# other work, a steadier figure than the server time (SQLite's share included, it runs
# here; PostgreSQL's not).
CPU: list[float] = []


def timed(client, path: str, **headers) -> tuple[float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        began, cpu = time.perf_counter(), time.process_time()
        response = client.get(path, **headers)
        took = time.perf_counter() - began
        CPU.append((time.process_time() - cpu) * 1000)
    assert response.status_code == 200, (path, response.status_code)
    return took * 1000, len(queries.captured_queries), len(response.content)


def filters() -> list[str]:
    """A round of filters a researcher would try: the busiest country and actor, a type,
    a date range, words, the actor lanes."""
    from django.db.models import Count

    from timeline.models import Actor, Country

    country = Country.objects.annotate(n=Count("events")).order_by("-n").first()
    actor = Actor.objects.annotate(n=Count("events")).order_by("-n").first()
    return [
        f"/?country={country.iso3}",
        f"/?actor={actor.slug}",
        "/?type=meet",
        "/?from=2020&to=2024",
        "/?q=talks",
        "/?lanes=actor",
        f"/?country={country.iso3}&type=criticise",
    ]


def plans(main: list[str]) -> dict[str, str]:
    """EXPLAIN of the list's page query and of the lane counts for each filter."""
    from django.http import QueryDict

    from timeline import selectors
    from timeline.filters import EventFilterForm

    out = {}
    for path in main:
        form = EventFilterForm(QueryDict(path.partition("?")[2]))
        form.is_valid()
        events = form.filter(selectors.visible_events())
        page = selectors.with_sources(events.chronological())[:100]
        out[f"{path}  (page of the list)"] = page.explain()
        by_type = form.filter(selectors.visible_events(), ignoring={"type"})
        out[f"{path}  (counts per type)"] = selectors.summaries_query(by_type).explain()
        bin = selectors.bin_for(*_extent(events))
        counts = selectors.lane_counts_sql(events, "country", bin)
        out[f"{path}  (density per country and bin)"] = _explain(*counts)
    return out


def _explain(sql: str, params: list) -> str:
    from django.db import connection

    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql, params)
        return "\n".join(" ".join(str(part) for part in row) for row in cursor.fetchall())


def _extent(events):
    from timeline import selectors

    counted = selectors.summary(selectors.summaries_by_type(events))
    return counted.first, counted.last


def measure(size: int, runs: int, database: str) -> dict:
    os.environ["DATABASE_URL"] = database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from timeline.synthetic import synthesize

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    began, cpu = time.perf_counter(), time.process_time()
    synthesize(size, seed=1)
    result: dict = {
        "synthesize_s": time.perf_counter() - began,
        "synthesize_cpu_s": time.process_time() - cpu,
    }
    client = Client()
    for _ in range(2):  # warm: templates compiled, caches filled, pages read
        timed(client, "/")
    home = [timed(client, "/") for _ in range(runs)]
    result["home_ms"] = statistics.median(t for t, _q, _b in home)
    result["home_queries"] = home[-1][1]
    result["home_bytes"] = home[-1][2]
    swaps = []
    htmx = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TRIGGER": "filters"}
    paths = filters()
    for path in paths:
        timed(client, path, **htmx)
    CPU.clear()
    for _ in range(max(runs // 2, 2)):
        swaps += [timed(client, path, **htmx)[0] for path in paths]
    result["swap_p50_ms"] = percentile(swaps, 50)
    result["swap_p95_ms"] = percentile(swaps, 95)
    result["swap_cpu_p50_ms"] = percentile(CPU, 50)
    result["swap_cpu_p95_ms"] = percentile(CPU, 95)
    result["swap_queries_max"] = max(timed(client, p, **htmx)[1] for p in paths)
    # The same swaps, each the first after a write: a write (here one that changes no
    # figure, through the database's triggers like any other) changes the data version, so
    # no count kept by timeline.versioning is read again.
    from django.db.models import F

    from timeline import versioning
    from timeline.models import Country

    cold, cold_queries, cold_cpu = [], 0, []
    for _ in range(max(runs // 2, 2)):
        for path in paths:
            before = versioning.data_version()
            Country.objects.filter(pk=Country.objects.values("pk")[:1]).update(name=F("name"))
            assert versioning.data_version() != before, "a write left the data version as it was"
            CPU.clear()
            took, queries, _bytes = timed(client, path, **htmx)
            cold.append(took)
            cold_cpu += CPU
            cold_queries = max(cold_queries, queries)
    result["cold_p50_ms"] = percentile(cold, 50)
    result["cold_p95_ms"] = percentile(cold, 95)
    result["cold_queries_max"] = cold_queries
    result["cold_cpu_p50_ms"] = percentile(cold_cpu, 50)
    result["cold_cpu_p95_ms"] = percentile(cold_cpu, 95)
    api = [timed(client, "/api/events.json?page_size=50") for _ in range(runs)]
    result["api_ms"] = statistics.median(t for t, _q, _b in api)
    result["api_queries"] = api[-1][1]
    result["plans"] = plans([p for p in paths if "lanes" not in p][:5])
    return result


# --- side by side -----------------------------------------------------------------------------


def run_size(size: int, runs: int, database: str) -> dict:
    command = [sys.executable, __file__, "--worker", str(size), "--runs", str(runs)]
    done = subprocess.run(
        command,
        env={**os.environ, "DATABASE_URL": database},
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if done.returncode:
        raise SystemExit(f"size {size} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def fresh_postgres(name: str) -> str:
    import psycopg

    with psycopg.connect(PG + "postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return PG + name


ROWS = [
    ("synthesize (s)", "synthesize_s", "{:.1f}"),
    ("synthesize, processor time (s)", "synthesize_cpu_s", "{:.1f}"),
    ("/ server time, median (ms)", "home_ms", "{:.0f}"),
    ("/ SQL queries", "home_queries", "{}"),
    ("/ HTML bytes", "home_bytes", "{:,}"),
    ("htmx swap p50 (ms)", "swap_p50_ms", "{:.0f}"),
    ("htmx swap p95 (ms)", "swap_p95_ms", "{:.0f}"),
    ("htmx swap SQL queries (max)", "swap_queries_max", "{}"),
    ("htmx swap after a write p50 (ms)", "cold_p50_ms", "{:.0f}"),
    ("htmx swap after a write p95 (ms)", "cold_p95_ms", "{:.0f}"),
    ("swap after a write SQL (max)", "cold_queries_max", "{}"),
    ("htmx swap p50, CPU (ms)", "swap_cpu_p50_ms", "{:.0f}"),
    ("htmx swap p95, CPU (ms)", "swap_cpu_p95_ms", "{:.0f}"),
    ("after a write p50, CPU (ms)", "cold_cpu_p50_ms", "{:.0f}"),
    ("after a write p95, CPU (ms)", "cold_cpu_p95_ms", "{:.0f}"),
    ("API page of 50 (ms)", "api_ms", "{:.0f}"),
    ("API SQL queries", "api_queries", "{}"),
]


def report(label: str, sizes: list[int], results: list[dict]) -> None:
    small, large = results[0], results[-1]
    print(f"\n== {label}: {' vs '.join(f'{s:,}' for s in sizes)} events ==")
    header = f"{'':32}" + "".join(f"{s:>12,}" for s in sizes) + f"{'ratio':>10}"
    print(header)
    for name, key, fmt in ROWS:
        values = "".join(f"{fmt.format(r[key]):>12}" for r in results)
        ratio = large[key] / small[key] if small[key] else float("nan")
        print(f"{name:32}{values}{ratio:>9.2f}x")
    print(f"\nQuery plans at {sizes[-1]:,} events:")
    for query, plan in large["plans"].items():
        print(f"-- {query}")
        print("   " + plan.replace("\n", "\n   "))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 20000])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        result = measure(args.worker, args.runs, os.environ["DATABASE_URL"])
        print(json.dumps(result, default=str))
        return
    with tempfile.TemporaryDirectory(prefix="pages-bench-") as here:
        results = [
            run_size(size, args.runs, f"sqlite:///{Path(here) / f'{size}.sqlite3'}")
            for size in args.sizes
        ]
        report("SQLite", args.sizes, results)
    if args.postgres:
        results = [
            run_size(size, args.runs, fresh_postgres(f"timeline_pages_bench_{size}"))
            for size in args.sizes
        ]
        report("PostgreSQL", args.sizes, results)


if __name__ == "__main__":
    main()
