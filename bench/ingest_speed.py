"""Whole-process ingest speed against dateparser, and one large article (#9 item 3, #11 item 3).

    .venv/bin/python bench/ingest_speed.py [--sizes 200 2000] [--seed 7] [--big-kb 999]
                                           [--timeout 600] [--profile N] [--no-big]

Builds a deterministic corpus of varied articles from real news sentences (the
bodies of the non-frozen gold sets in tests/gold/: 12 sentences per article,
each article with its own ``published:`` header), then measures side by side:

  a. dateparser's ``search_dates(text, languages=["en"])`` alone over the texts;
  b. the whole ingest: ``manage.py ingest FOLDER`` in its own process, into a
     fresh, already migrated SQLite file (startup, reading, extraction, the
     cross-article build and every write);

for each size, and prints b/a (target 0.5x, moonshot 0.25x) and how b grows
with the corpus (2,000 articles at most 11x what 200 cost). Then it ingests one
article of about ``--big-kb`` KB of repetitive wire sentences (just under the
size limit) and prints its time and peak memory (it must take seconds).

``--profile N`` instead runs the ingest of N articles in this process under
cProfile and prints the top functions. Nothing here is a test; the ratios
matter, not the seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PYTHON = sys.executable

from bench.corpus import corpus, sentence_pool, write_folder  # noqa: E402

# --- the corpus -----------------------------------------------------------------------


def big_article(pool: list[str], kilobytes: int, seed: int) -> str:
    """One article of repetitive wire copy: the same 30 sentences over and over."""
    rnd = random.Random(seed)
    block = "\n\n".join(rnd.sample(pool, 30)) + "\n\n"
    header = "title: Wire digest\npublished: 2021-05-04\n\n"
    body = block * (kilobytes * 1000 // len(block.encode("utf-8")))
    return header + body


# --- measuring ------------------------------------------------------------------------


def dateparser_seconds(texts: list[str]) -> float:
    from dateparser.search import search_dates

    search_dates("warm up on 3 May 2021", languages=["en"])  # its one-time loading
    start = time.process_time()
    for text in texts:
        search_dates(text, languages=["en"])
    return time.process_time() - start


def _env(db: Path) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
            "DJANGO_ALLOWED_HOSTS": "localhost"}  # fmt: skip


def migrated_db(workdir: Path, name: str) -> Path:
    db = workdir / f"{name}.sqlite3"
    subprocess.run(
        [PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"],
        cwd=ROOT, env=_env(db), check=True,
    )  # fmt: skip
    return db


def run_ingest(folder: Path, db: Path, timeout: float) -> tuple[float | None, float, int, str]:
    """CPU seconds, wall-clock seconds and peak memory (KB) of ``manage.py ingest folder``
    in its own process; None seconds when it ran past the timeout (then it is killed).

    CPU time, not wall-clock time: the machine is shared, and both sides of each
    ratio are measured the same way (dateparser's with ``time.process_time``)."""
    log = folder.parent / f"{folder.name}.log"
    with log.open("w") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [PYTHON, "manage.py", "ingest", str(folder)],
            cwd=ROOT, env=_env(db), stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                _, status, usage = os.wait4(proc.pid, 0)
                spent = usage.ru_utime + usage.ru_stime
                why = f"killed after the timeout ({spent:.0f} s CPU)"
                return None, timeout, usage.ru_maxrss, why
            time.sleep(0.05)
        seconds = usage.ru_utime + usage.ru_stime
        wall = time.perf_counter() - start
    lines = log.read_text().strip().splitlines()
    summary = lines[-1] if lines else ""
    if os.waitstatus_to_exitcode(status) != 0:
        summary = "FAILED: " + " | ".join(lines[-3:])
    return seconds, wall, usage.ru_maxrss, summary


def speed(sizes: list[int], pool: list[str], seed: int, workdir: Path, timeout: float) -> None:
    print("Ingest vs dateparser's search_dates over the same texts (CPU seconds, one run)")
    print(f"{'articles':>8} {'chars':>10} {'search_dates':>13} {'ingest':>9} {'ingest/sd':>10}"
          f" {'s/article':>10} {'peak MB':>8}  result")  # fmt: skip
    ingest: dict[int, float | None] = {}
    for n in sizes:
        texts = corpus(n, pool, seed)
        folder = workdir / f"corpus-{n}"
        write_folder(folder, texts)
        db = migrated_db(workdir, f"ingest-{n}")
        reference = dateparser_seconds(texts)
        seconds, _wall, peak, summary = run_ingest(folder, db, timeout)
        ingest[n] = seconds
        shown = f"{seconds:9.2f}" if seconds is not None else f">{timeout:8.0f}"
        ratio = f"{seconds / reference:10.2f}" if seconds is not None else f"{'-':>10}"
        per = f"{seconds / n:10.4f}" if seconds is not None else f"{'-':>10}"
        print(f"{n:>8} {sum(map(len, texts)):>10} {reference:>13.2f} {shown} {ratio} {per}"
              f" {peak / 1024:>8.0f}  {summary}")  # fmt: skip
    print("   target: ingest/sd <= 0.5 (moonshot 0.25)")
    known = [n for n in sizes if ingest[n] is not None]
    if len(known) >= 2:
        lo, hi = known[0], known[-1]
        print(f"   {hi} articles cost {ingest[hi] / ingest[lo]:.2f}x what {lo} cost"
              f" (linear = {hi / lo:.0f}x; target <= {1.1 * hi / lo:.0f}x)")  # fmt: skip


def big(pool: list[str], kilobytes: int, seed: int, workdir: Path, timeout: float) -> None:
    text = big_article(pool, kilobytes, seed)
    folder = workdir / "big"
    write_folder(folder, [text])
    db = migrated_db(workdir, "big")
    from timeline.extraction.header import parse_header
    from timeline.extraction.sentences import split_sentences

    sentences = len(split_sentences(text, parse_header(text).body_start))
    seconds, wall, peak, summary = run_ingest(folder, db, timeout)
    shown = (
        f"{seconds:.2f} s CPU, {wall:.2f} s wall-clock"
        if seconds is not None
        else f"more than {timeout:.0f} s"
    )
    print(f"\nOne article of {len(text.encode('utf-8')) / 1000:.0f} KB ({sentences} sentences of"
          f" repetitive wire copy): {shown}, peak {peak / 1024:.0f} MB; {summary}")  # fmt: skip


def profile(n: int, pool: list[str], seed: int, workdir: Path) -> None:
    """cProfile of the ingest of ``n`` articles, in this process."""
    folder = workdir / f"profile-{n}"
    write_folder(folder, corpus(n, pool, seed))
    db = migrated_db(workdir, "profile")
    os.environ.update(_env(db))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
    import django

    django.setup()
    from timeline import services

    profiler = cProfile.Profile(time.process_time)  # CPU time: the machine is shared
    start = time.perf_counter()
    profiler.enable()
    report = services.ingest_paths([folder])
    profiler.disable()
    seconds = time.perf_counter() - start
    added, failed = len(report.created), len(report.failed)
    print(f"ingest of {n} articles in-process: {seconds:.2f} s (profiled)")
    print(f"{added} added, {failed} failed, {report.events} events")
    stats = pstats.Stats(profiler)
    for order in ("cumulative", "tottime"):
        print(f"\n--- top 30 by {order}")
        stats.sort_stats(order).print_stats(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[200, 2000], help="none: skip")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--big-kb", type=int, default=999)
    parser.add_argument("--no-big", action="store_true", help="skip the large article")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per ingest run")
    parser.add_argument("--profile", type=int, metavar="N", help="cProfile the ingest of N")
    args = parser.parse_args()

    pool = sentence_pool()
    workdir = Path(tempfile.mkdtemp(prefix="ingest-speed-"))
    try:
        print(f"{len(pool)} distinct news sentences from tests/gold (frozen sets left out)\n")
        if args.profile:
            profile(args.profile, pool, args.seed, workdir)
            return
        if args.sizes:
            speed(args.sizes, pool, args.seed, workdir, args.timeout)
        if not args.no_big:
            big(pool, args.big_kb, args.seed, workdir, args.timeout)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
