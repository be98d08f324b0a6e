"""How the ingest pipeline scales: corpus size, article size, and the cost of the database.

    .venv/bin/python bench/ingest_bench.py [--sizes 5 20 80] [--profile N] [--seed 7]

1. Generates N synthetic articles in diplomatic-news style (countries from
   pycountry, made-up people, dates written absolutely and relatively; some
   articles carry a ``published:`` header, some only a dateline, some nothing,
   so publication dates are also inferred) and times, side by side in one run:
   the per-article stage (``extract_article`` on each, cold cache), the whole
   ``build_timeline`` (cold cache) and the cross-article stage alone
   (``build_timeline`` again with the per-article cache warm).
2. Times one article growing in size (a single long line, with and without
   sentence ends): per-article work should be linear in its length.
3. Times ``manage.py ingest`` of ``seeds/`` (and of the largest corpus, at most 80) into a
   fresh SQLite file against the pure ``build_timeline`` of the same texts:
   the ratio is what the database adds.

Prints tables and ratios. With ``--profile N`` it also prints the cProfile
top functions of ``build_timeline`` over N articles. Nothing here is a test:
numbers depend on the machine, ratios much less.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import os
import pstats
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pycountry  # noqa: E402

from timeline.extraction import pipeline  # noqa: E402
from timeline.extraction.pipeline import build_timeline, extract_article  # noqa: E402
from timeline.extraction.types import DocInput  # noqa: E402

# --- a synthetic corpus -----------------------------------------------------------

GIVEN = [
    "Ana", "Carlos", "Mei", "Olu", "Sven", "Leila", "Tomas", "Hana", "Ravi", "Ines",
    "Jonas", "Amara", "Yusuf", "Elena", "Kenji", "Sofia", "Mateo", "Nadia", "Pavel", "Aiko",
]  # fmt: skip
FAMILY = [
    "Moreno", "Okafor", "Lindqvist", "Haddad", "Novak", "Tanaka", "Ferreira", "Mensah",
    "Kowalski", "Rahman", "Castillo", "Petrov", "Nakamura", "Bianchi", "Osei", "Varga",
    "Delgado", "Karimi", "Holm", "Achebe",
]  # fmt: skip
OUTLETS = ["Global Wire", "Diplomatic Courier", "The Daily Ledger", "Capital Post"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# (type, sentence reporting it done, sentence announcing it) with {a} {b} {pa} {pb} {when}.
HAPPENINGS = [
    (
        "establish",
        "{a} and {b} established diplomatic relations {when}, the foreign ministry of {a} said.",
        "{a} and {b} will establish diplomatic relations {when}, officials said.",
    ),
    (
        "restore",
        "{a} restored diplomatic relations with {b} {when}, ending years of estrangement.",
        "{a} plans to restore diplomatic relations with {b} {when}.",
    ),
    (
        "sever",
        "{a} severed diplomatic ties with {b} {when}, citing interference in its affairs.",
        "{a} is expected to sever diplomatic ties with {b} {when}.",
    ),
    (
        "visit",
        "Foreign Minister {pa} of {a} visited {b} {when} and met Foreign Minister {pb}.",
        "Foreign Minister {pa} of {a} will visit {b} {when} to meet Foreign Minister {pb}.",
    ),
    (
        "sign",
        "{pa}, the foreign minister of {a}, and {pb} of {b} signed a joint statement {when}.",
        "{a} and {b} are set to sign a cooperation agreement {when}.",
    ),
    (
        "embassy",
        "{a} opened an embassy in {b} {when}, the ministry announced.",
        "{a} will open an embassy in {b} {when}, the ministry announced.",
    ),
]
FILLER = [
    "The ministry said the agreement would strengthen cooperation in trade, energy and education.",
    "Analysts said the move reflected a broader shift in the region's diplomacy.",
    "{a} has maintained close ties with {b} since {year}.",
    "Officials from {b} did not respond to requests for comment.",
    "The two countries last held talks at the ministerial level in {year}.",
    "Relations between {a} and {b} have been strained for more than {n} years.",
    "Trade between the two countries reached {n} billion dollars last year.",
]


def country_names() -> list[str]:
    """Plain names a reader would write: no "Korea, Republic of", no parentheses."""
    names = []
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        if "," in name or "(" in name or len(name.split()) > 3:
            continue
        names.append(name)
    return sorted(names)


@dataclass
class Happening:
    kind: int  # index into HAPPENINGS
    a: str
    b: str
    pa: str
    pb: str
    day: dt.date


def _when(day: dt.date, published: dt.date, rnd: random.Random) -> str:
    """The happening's date as an article published on ``published`` would write it."""
    gap = (published - day).days
    forms = [f"on {day.day} {day:%B %Y}", f"on {day:%B} {day.day}, {day.year}"]
    if 0 <= gap <= 6:
        forms += [f"on {WEEKDAYS[day.weekday()]}", f"on the {_ordinal(day.day)}"]
    if gap == 1:
        forms.append("yesterday")
    if 7 <= gap <= 13:
        forms.append("last week")
    if day.year == published.year - 1:
        forms.append(f"in {day:%B} last year")
    return rnd.choice(forms)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def synthetic_corpus(n: int, seed: int = 7) -> list[DocInput]:
    """``n`` articles over about n/2 happenings: most happenings are reported twice or more."""
    rnd = random.Random(seed)
    countries = country_names()
    happenings = []
    for _ in range(max(2, n // 2)):
        a, b = rnd.sample(countries, 2)
        pa = f"{rnd.choice(GIVEN)} {rnd.choice(FAMILY)}"
        pb = f"{rnd.choice(GIVEN)} {rnd.choice(FAMILY)}"
        day = dt.date(2015, 1, 1) + dt.timedelta(days=rnd.randrange(3650))
        happenings.append(Happening(rnd.randrange(len(HAPPENINGS)), a, b, pa, pb, day))
    docs = []
    for i in range(n):
        main = happenings[i % len(happenings)]
        published = main.day + dt.timedelta(days=rnd.choice([0, 1, 1, 2, 3, 5, 9, 30, 200]))
        lines = []
        title = f"{main.a} and {main.b}: {HAPPENINGS[main.kind][0]}"
        style = i % 5  # 3 in 5 with a header, 1 with a dateline, 1 with no date at all
        if style < 3:
            lines += [
                f"title: {title}",
                f"outlet: {rnd.choice(OUTLETS)}",
                f"published: {published.isoformat()}",
                "",
            ]
        elif style == 3:  # a dateline, no header
            lines += [title, "", f"{main.a.upper()}, {published:%b}. {published.day} --"]
        else:  # nothing: the date has to be inferred from the other articles
            lines += [title, ""]
        # Background: other happenings from the two years before, or planned soon after.
        nearby = [h for h in happenings if h is not main and -730 <= (h.day - published).days <= 60]
        told = [main, *rnd.sample(nearby, min(len(nearby), rnd.randrange(0, 3)))]
        filler = rnd.sample(FILLER, len(FILLER))
        for h in told:
            fill = {"a": h.a, "b": h.b, "pa": h.pa, "pb": h.pb}
            done, planned = HAPPENINGS[h.kind][1:]
            if h.day <= published:
                lines.append(done.format(**fill, when=_when(h.day, published, rnd)))
            else:
                lines.append(planned.format(**fill, when=f"on {h.day.day} {h.day:%B %Y}"))
            for _ in range(rnd.randrange(1, 3)):
                lines.append(
                    (filler.pop() if filler else FILLER[0]).format(
                        **fill, year=rnd.randrange(1950, 2015), n=rnd.randrange(2, 40)
                    )
                )
        text = "\n".join(lines).replace(" --\n", " -- ", 1) + "\n"
        docs.append(DocInput(key=f"synthetic-{i:04d}", text=text))
    return docs


# --- timing -----------------------------------------------------------------------


def timed(fn, repeat: int = 1) -> float:
    """Best of ``repeat`` wall-clock runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def cold(fn):
    """Run ``fn`` with the per-article cache emptied first."""

    def run():
        pipeline._cache.clear()
        return fn()

    return run


# Cross-article steps timed one by one (names the pipeline calls; absent ones are skipped).
STAGES = [
    (pipeline, "merge_actors"),
    (pipeline, "cluster_items"),
    (pipeline.pubdate, "infer_publication_dates"),
    (pipeline, "near_duplicates"),
    (pipeline, "to_event"),
    (pipeline, "_read"),
]


def stage_times(docs: list[DocInput]) -> dict[str, float]:
    """Seconds spent in each cross-article step of one warm ``build_timeline``."""
    spent: dict[str, float] = {}
    originals = []
    for module, name in STAGES:
        fn = getattr(module, name, None)
        if fn is None:
            continue
        originals.append((module, name, fn))

        def wrapper(*args, _fn=fn, _name=name, **kwargs):
            start = time.perf_counter()
            try:
                return _fn(*args, **kwargs)
            finally:
                spent[_name] = spent.get(_name, 0.0) + time.perf_counter() - start

        setattr(module, name, wrapper)
    try:
        start = time.perf_counter()
        build_timeline(docs)
        spent["total"] = time.perf_counter() - start
    finally:
        for module, name, fn in originals:
            setattr(module, name, fn)
    return spent


def corpus_scaling(sizes: list[int], seed: int, repeat: int) -> dict[int, dict[str, float]]:
    rows = {}
    for n in sizes:
        docs = synthetic_corpus(n, seed)
        per_article = timed(cold(lambda docs=docs: [extract_article(d.text) for d in docs]), repeat)
        whole = timed(cold(lambda docs=docs: build_timeline(docs)), repeat)
        build_timeline(docs)  # warm the cache
        cross = timed(lambda docs=docs: build_timeline(docs), repeat)
        result = build_timeline(docs)
        sources = [a.published.source for a in result.articles.values()]
        rows[n] = {
            "chars": sum(len(d.text) for d in docs),
            "per_article": per_article,
            "whole": whole,
            "cross": cross,
            "events": len(result.events),
            "inferred": sources.count("inferred"),
            "unknown": sources.count("unknown"),
            "stages": stage_times(docs),
        }
    return rows


def print_corpus_table(rows: dict[int, dict[str, float]]) -> None:
    print("\n1. build_timeline over N synthetic articles (seconds; cold = empty per-article cache)")
    print(
        f"{'N':>4} {'chars':>8} {'extract x N':>12} {'build cold':>11} {'cross (warm)':>13}"
        f" {'s/article':>10} {'events':>7} {'inferred':>9} {'unknown':>8}"
    )
    for n, r in rows.items():
        print(
            f"{n:>4} {r['chars']:>8} {r['per_article']:>12.3f} {r['whole']:>11.3f}"
            f" {r['cross']:>13.3f} {r['whole'] / n:>10.4f} {r['events']:>7} {r['inferred']:>9}"
            f" {r['unknown']:>8}"
        )
    names = [name for _m, name in STAGES if any(name in r["stages"] for r in rows.values())]
    print("\n   cross-article steps of a warm build (seconds; _read = re-reading dated articles)")
    print(f"   {'N':>4} " + " ".join(f"{name[:14]:>14}" for name in [*names, "total"]))
    for n, r in rows.items():
        cells = [r["stages"].get(name, 0.0) for name in [*names, "total"]]
        print(f"   {n:>4} " + " ".join(f"{cell:>14.3f}" for cell in cells))
    sizes = list(rows)
    lo, hi = sizes[0], sizes[-1]
    if lo == hi:
        return
    per = {n: rows[n]["whole"] / n for n in sizes}
    print(
        f"   seconds per article, N={hi} vs N={lo}: {per[hi] / per[lo]:.2f}x"
        f" (1 = linear; {hi / lo:.0f}x = quadratic)"
    )
    for part in ("per_article", "cross"):
        ratio = (rows[hi][part] / hi) / max(rows[lo][part] / lo, 1e-9)
        print(f"   {part.replace('_', '-')} stage per article, N={hi} vs N={lo}: {ratio:.2f}x")
    # Articles get longer as N grows (more background to tell): per character is fairer.
    per_char = {n: rows[n]["per_article"] / rows[n]["chars"] * 1000 for n in sizes}
    print(
        f"   per-article stage per 1,000 characters: N={lo} {per_char[lo] * 1000:.1f} ms,"
        f" N={hi} {per_char[hi] * 1000:.1f} ms ({per_char[hi] / per_char[lo]:.2f}x)"
    )
    share = rows[hi]["cross"] / rows[hi]["whole"]
    print(f"   cross-article share of the cold build at N={hi}: {share:.0%}")
    # Growth of each step between the two largest sizes: 2x articles -> ~2x is linear.
    if len(sizes) >= 2:
        a, b = sizes[-2], sizes[-1]
        print(f"   step growth from N={a} to N={b} ({b / a:.0f}x the articles):")
        for name in [*names, "total"]:
            t0, t1 = rows[a]["stages"].get(name, 0.0), rows[b]["stages"].get(name, 0.0)
            if t0 > 0.001:
                print(f"     {name:<24} {t1 / t0:6.1f}x")


def article_size_scaling(lengths: list[int], repeat: int) -> None:
    print("\n2. one article growing (a single line; seconds for extract_article, cold)")
    print(f"{'chars':>8} {'no full stops':>14} {'sentences':>10}")
    times: dict[str, list[float]] = {"run-on": [], "sentences": []}
    unit = {
        "run-on": "Chile and Peru signed a trade accord on 3 May 2021 in Lima, officials said ",
        "sentences": "Chile and Peru signed a trade accord on 3 May 2021 in Lima. ",
    }
    for n in lengths:
        for kind, words in unit.items():
            text = "title: One long line\n\n" + (words * (n // len(words) + 1))[:n] + "\n"
            times[kind].append(timed(cold(lambda text=text: extract_article(text)), repeat))
        print(f"{n:>8} {times['run-on'][-1]:>14.3f} {times['sentences'][-1]:>10.3f}")
    growth = lengths[-1] / lengths[0]
    for kind, values in times.items():
        print(
            f"   {kind}: {growth:.0f}x the text took {values[-1] / values[0]:.1f}x the time"
            f" (linear = {growth:.0f}x)"
        )


# --- the database -----------------------------------------------------------------


def _setup_django(db_path: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
    import django

    django.setup()


def _fresh_db() -> None:
    from django.core.management import call_command
    from django.db import connection

    connection.close()
    db = Path(connection.settings_dict["NAME"])
    if db.exists():
        db.unlink()
    call_command("migrate", verbosity=0)


def _ingest(folder: Path) -> None:
    from django.core.management import call_command

    call_command("ingest", str(folder), stdout=io.StringIO())


def db_overhead(workdir: Path, synthetic: list[DocInput], repeat: int) -> None:
    from django.core.management import call_command

    print("\n3. manage.py ingest into a fresh SQLite file vs the pure build_timeline (seconds)")
    folders = {"seeds/": ROOT / "seeds"}
    corpus = workdir / "synthetic"
    corpus.mkdir()
    for doc in synthetic:
        (corpus / f"{doc.key}.txt").write_text(doc.text, encoding="utf-8")
    folders[f"synthetic N={len(synthetic)}"] = corpus
    print(f"{'corpus':>16} {'build_timeline':>15} {'ingest (cold)':>14} {'ratio':>6}"
          f" {'re-ingest':>10} {'--reextract':>12}")  # fmt: skip
    for name, folder in folders.items():
        docs = [
            DocInput(key=p.name, text=p.read_bytes().decode("utf-8-sig"))
            for p in sorted(folder.glob("*.txt"))
        ]
        pure = timed(cold(lambda docs=docs: build_timeline(docs)), repeat)
        best = float("inf")
        for _ in range(repeat):
            _fresh_db()
            pipeline._cache.clear()
            best = min(best, timed(lambda folder=folder: _ingest(folder)))
        again = timed(lambda folder=folder: _ingest(folder))  # nothing new: no rebuild
        reextract = timed(lambda: call_command("ingest", reextract=True, stdout=io.StringIO()))
        print(
            f"{name:>16} {pure:>15.3f} {best:>14.3f} {best / pure:>5.1f}x"
            f" {again:>10.3f} {reextract:>12.3f}"
        )
    print("   ratio = ingest / build_timeline: what storing articles, sentences, mentions,")
    print("   actors, events and evidence in SQLite adds to the extraction itself.")


def profile(n: int, seed: int) -> None:
    docs = synthetic_corpus(n, seed)
    pipeline._cache.clear()
    profiler = cProfile.Profile()
    profiler.enable()
    build_timeline(docs)
    profiler.disable()
    print(f"\ncProfile of build_timeline over N={n} (cold), top functions by own time:")
    pstats.Stats(profiler).sort_stats("tottime").print_stats(15)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 20, 80])
    parser.add_argument("--lengths", type=int, nargs="+", default=[10_000, 40_000, 160_000])
    parser.add_argument("--repeat", type=int, default=1, help="best of R runs")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", type=int, metavar="N", help="cProfile build_timeline at N")
    parser.add_argument("--skip-db", action="store_true")
    args = parser.parse_args()

    extract_article("France and Chile met on 3 May 2021.")  # compile the grammars first
    print_corpus_table(corpus_scaling(args.sizes, args.seed, args.repeat))
    article_size_scaling(args.lengths, args.repeat)
    if not args.skip_db:
        with tempfile.TemporaryDirectory() as tmp:
            _setup_django(Path(tmp) / "bench.sqlite3")
            # the largest corpus measured, at most 80 articles: enough to show the trend
            n = min(max(args.sizes), 80)
            db_overhead(Path(tmp), synthetic_corpus(n, args.seed), args.repeat)
    if args.profile:
        profile(args.profile, args.seed)


if __name__ == "__main__":
    main()
