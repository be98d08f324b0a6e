"""The review queue and the relations map as the corpus grows: the cost should follow the page,
not the corpus.

    .venv/bin/python bench/review_bench.py [--sizes 2000 20000]

Fills a fresh SQLite file (or ``DATABASE_URL``) with synthetic articles of 40 sentences, each
with a date and a country mention, a third of them cited by an event and a few dismissed, then
times side by side in one run, at each size: the queue's count (what the timeline shows
editors), the queue's first admin page (50 rows with their mentions), and the relations map's
data for one country. Prints the times, the ratios between sizes and SQLite's query plan for
the queue, which must search the indexes (no full scan of mentions, evidence or dismissals).
Nothing here is a test: numbers depend on the machine, ratios much less.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SENTENCES_PER_ARTICLE = 40
PAGE = 50


def setup_django(db_file: Path) -> None:
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{db_file}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def fill(n_sentences: int) -> None:
    """Articles, sentences with a date and a country each; every third one cited."""
    from timeline.models import Article, Country, Dismissal, Event, Evidence, Mention, Sentence

    countries = [Country(iso3=f"C{i:02d}", name=f"Country {i}") for i in range(60)]
    Country.objects.bulk_create(countries, ignore_conflicts=True)
    start = Article.objects.count()
    for a in range(start, start + n_sentences // SENTENCES_PER_ARTICLE):
        article = Article.objects.create(slug=f"a{a}", content_hash=f"{a:064d}", text="x" * 4000)
        rows = Sentence.objects.bulk_create(
            Sentence(article=article, index=i, start=i * 100, end=i * 100 + 90, text=f"S{a}.{i}")
            for i in range(SENTENCES_PER_ARTICLE)
        )
        marks = []
        for i, s in enumerate(rows):
            marks.append(
                Mention(
                    article=article,
                    sentence=s,
                    start=s.start,
                    end=s.start + 4,
                    text="2024",
                    kind="date",
                    value="2024",
                )
            )
            marks.append(
                Mention(
                    article=article,
                    sentence=s,
                    start=s.start + 10,
                    end=s.start + 14,
                    text="C",
                    kind="country",
                    country_id=countries[(a + i) % 60].iso3,
                )
            )
        Mention.objects.bulk_create(marks)
        day = dt.date(2000, 1, 1) + dt.timedelta(days=a)
        event = Event.objects.create(
            title=f"E{a}", type="establish_relations", start=day, end=day, precision="day"
        )
        event.countries.add(countries[a % 60], countries[(a + 1) % 60])
        Evidence.objects.bulk_create(Evidence(event=event, sentence=s) for s in rows[::3])
        Dismissal.objects.create(article=article, start=rows[1].start, end=rows[1].end, text="")


def timed(work, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - began)
    return best


def measure() -> dict[str, float]:
    from django.db.models import Prefetch

    from timeline.map_views import relation_steps
    from timeline.models import Country, Mention, Sentence

    marks = Mention.objects.select_related("country", "actor")
    first_page = (
        Sentence.objects.awaiting_review()
        .select_related("article")
        .prefetch_related(Prefetch("mentions", queryset=marks))
        .order_by("-article_id", "index")
    )
    country = Country.objects.get(iso3="C00")
    return {
        "queue count": timed(lambda: Sentence.objects.awaiting_review().count()),
        "queue first page": timed(lambda: list(first_page[:PAGE])),
        "map data (one country)": timed(lambda: relation_steps(country)),
    }


def query_plan() -> str:
    from django.db import connection

    from timeline.models import Sentence

    if connection.vendor != "sqlite":
        return "(query plan shown on SQLite only)"
    page = Sentence.objects.awaiting_review().order_by("-article_id", "index")[:PAGE]
    sql, params = page.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return "\n".join(f"  {row[-1]}" for row in cursor.fetchall())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(Path(folder) / "bench.sqlite3")
        from timeline.models import Sentence

        results = []
        for size in sorted(args.sizes):
            fill(size - Sentence.objects.count())
            waiting = Sentence.objects.awaiting_review().count()
            results.append((size, waiting, measure()))
        print(f"{'sentences':>10} {'queued':>8}  " + "  ".join(f"{k:>24}" for k in results[0][2]))
        for size, waiting, times in results:
            cells = "  ".join(f"{t * 1000:>21.1f} ms" for t in times.values())
            print(f"{size:>10} {waiting:>8}  {cells}")
        (small, _, first), (large, _, last) = results[0], results[-1]
        print(f"\nratios, {large} / {small} sentences ({large / small:.0f}x the corpus):")
        for name in first:
            print(f"  {name}: {last[name] / first[name]:.1f}x")
        print("\nthe query plan of a page of the queue:\n" + query_plan())


if __name__ == "__main__":
    main()
