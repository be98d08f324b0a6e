"""What adding articles costs as the corpus grows: the same 10 articles onto 100 and onto
1,000 stored ones, measured side by side in one run.

    .venv/bin/python bench/incremental_bench.py [--sizes 100 1000] [--add 10] [--before]

Articles are 12 real news sentences from the gold sets (bench/corpus.py),
each under its own ``published:`` header. For each size a fresh SQLite file is filled
with that many articles in one batch, then the same 10 new articles are ingested through
``services.ingest_paths`` as ``manage.py ingest`` would, in a process whose memory holds
no reading (the stored readings are all it has). Printed: the time, the articles the
update clustered again (the closure) and the ratio between sizes, in wall-clock time
and in this process's CPU time (which other processes on shared cores barely move).
With ``--before``, the same 10 are also timed as a full rebuild without stored
readings (main before the incremental work). With ``--kinds``, what each kind of link key
alone reaches from the added articles, in one step and transitively: which kind makes
the closure the whole corpus. Not a test: numbers depend on the
machine, ratios much less.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import corpus, sentence_pool, write_folder  # noqa: E402

PROFILE = False
KINDS_REPORT = False


def _setup(db_path: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
    import django

    django.setup()


def _fresh(db_path: Path) -> None:
    from django.core.management import call_command
    from django.db import connection, connections
    from django.db.utils import ConnectionHandler

    connection.close()
    connections.__init__(ConnectionHandler().settings)  # forget the old file
    connections["default"].settings_dict["NAME"] = str(db_path)
    call_command("migrate", verbosity=0)


def _forget_readings_in_memory() -> None:
    from timeline.extraction import document

    document._cache.clear()


def measure(size: int, base: list[str], added: list[str], work: Path, before: bool) -> dict:
    from timeline import services
    from timeline.models import Article, Reading

    db = work / f"corpus-{size}.sqlite3"
    _fresh(db)
    t0 = time.perf_counter()
    services.ingest_paths([write_folder(work / f"base-{size}", base[:size])])
    built = time.perf_counter() - t0
    seen: list[int] = []
    real = services.build_timeline

    def counting(docs, **options):
        seen.append(len(docs))
        return real(docs, **options)

    services.build_timeline = counting
    try:
        _forget_readings_in_memory()
        paths = [write_folder(work / f"added-{size}", added)]
        profile = cProfile.Profile() if PROFILE else None
        t0, c0 = time.perf_counter(), time.process_time()
        if profile:
            profile.enable()
        report = services.ingest_paths(paths)
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        if profile:
            profile.disable()
            pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
    finally:
        services.build_timeline = real
    assert report.ok and len(report.created) == len(added), report.failed
    result = {
        "size": size,
        "built": built,
        "add": elapsed,
        "cpu": cpu,
        "closure": max(seen) if seen else 0,
        "articles": Article.objects.count(),
        "events": report.events,
    }
    if KINDS_REPORT:
        hashes = [services.content_hash(text) for text in added]
        result["kinds"] = reach_by_kind(hashes)
    if before:
        # The cost before: every article read again, the whole corpus stored again.
        Reading.objects.all().delete()
        _forget_readings_in_memory()
        t0 = time.perf_counter()
        services.rebuild_timeline()
        result["before"] = time.perf_counter() - t0
    return result


KINDS = {
    "c": "countries",
    "k": "actor keys",
    "m": "actor merge keys",
    "r": "actor record keys",
    "o": "canonical names",
    "f": "similar family names",
    "s": "sentences (any shared)",
    "l": "labels",
}


def reach_by_kind(added: list[str]) -> dict[str, tuple[int, int]]:
    """For each kind of key, the stored articles reached from ``added`` (content hashes)
    following only keys of that kind: in one step, and transitively."""
    from timeline.models import LinkKey

    by_key: dict[str, set[str]] = {}
    by_article: dict[str, set[str]] = {}
    for article, key in LinkKey.objects.values_list("article_key", "key").iterator():
        by_key.setdefault(key, set()).add(article)
        by_article.setdefault(article, set()).add(key)
    found = {}
    for kind in KINDS:
        members, frontier, steps = set(added), set(added), []
        while frontier:
            keys = {k for a in frontier for k in by_article.get(a, ()) if k.startswith(kind + ":")}
            frontier = set().union(*(by_key[k] for k in keys)) - members if keys else set()
            members |= frontier
            steps.append(len(members))
        found[kind] = (steps[0] if steps else len(members), len(members))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--add", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--before", action="store_true", help="also time a full rebuild")
    parser.add_argument("--profile", action="store_true", help="cProfile each addition")
    parser.add_argument("--kinds", action="store_true", help="what each kind of key reaches")
    args = parser.parse_args()
    global PROFILE, KINDS_REPORT
    PROFILE, KINDS_REPORT = args.profile, args.kinds

    with tempfile.TemporaryDirectory(prefix="incremental-bench-") as tmp:
        work = Path(tmp)
        _setup(work / "first.sqlite3")
        pool = sentence_pool()
        base = corpus(max(args.sizes), pool, args.seed)
        added = corpus(args.add, pool, args.seed + 1000)
        print(f"sentence pool: {len(pool)} real sentences; 12 per article")
        rows = [measure(size, base, added, work, args.before) for size in args.sizes]

    print(f"\nadding the same {args.add} articles (12 sentences each) onto a stored corpus")
    head = f"{'corpus':>8} {'add (s)':>9} {'cpu (s)':>9} {'clustered':>10} {'events':>7}"
    head += f" {'batch (s)':>10}"
    print(head + (f" {'full rebuild, no readings (s)':>30}" if args.before else ""))
    for r in rows:
        line = (
            f"{r['size']:>8} {r['add']:>9.2f} {r['cpu']:>9.2f} {r['closure']:>10} {r['events']:>7}"
            f" {r['built']:>10.1f}"
        )
        print(line + (f" {r['before']:>30.2f}" if args.before else ""))
    first, last = rows[0], rows[-1]
    growth = last["size"] / first["size"]
    print(
        f"\nratio: adding {args.add} onto {last['size']} costs {last['add'] / first['add']:.2f}x"
        f" adding them onto {first['size']} (corpus {growth:.0f}x; target close to 1x);"
        f" in CPU time {last['cpu'] / first['cpu']:.2f}x (less sensitive to a shared machine)"
    )
    if args.before:
        print(f"before (full rebuild, no stored readings): {last['before'] / first['before']:.2f}x")
    if args.kinds:
        print("\nstored articles reached from the added ones through one kind of key alone")
        print(f"{'kind':>24}" + "".join(f" {r['size'] + args.add:>5}: 1 step, all" for r in rows))
        for kind, name in KINDS.items():
            cells = "".join(f" {r['kinds'][kind][0]:>13} {r['kinds'][kind][1]:>4}" for r in rows)
            print(f"{name:>24}{cells}")


if __name__ == "__main__":
    main()
