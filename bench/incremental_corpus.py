"""Synthetic corpora from real news sentences, for the incremental benchmark.

Each article is 12 sentences drawn from the gold sets' texts (never frozen_* ones),
under its own ``published:`` header, so relative dates resolve against different days
and the corpus grows as a researcher's would.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = ("seeds", "dev_", "blind", "diplomacy", "fresh", "heldout")
PER_ARTICLE = 12


def gold_texts() -> list[str]:
    texts = []
    for path in sorted((ROOT / "tests" / "gold").glob("*.json")):
        if not path.stem.startswith(SETS):
            continue
        for article in json.loads(path.read_text())["articles"].values():
            text = article.get("text") or (ROOT / article["path"]).read_text()
            texts.append(text)
    return texts


def sentence_pool() -> list[str]:
    from timeline.extraction.header import parse_header
    from timeline.extraction.sentences import split_sentences

    pool: list[str] = []
    for text in gold_texts():
        start = parse_header(text).body_start
        for s in split_sentences(text, start):
            words = s.text.split()
            if 8 <= len(words) <= 60 and "\n" not in s.text:
                pool.append(s.text.strip())
    return sorted(set(pool))


def articles(n: int, seed: int = 7, pool: list[str] | None = None) -> list[str]:
    rng = random.Random(seed)
    pool = pool or sentence_pool()
    out = []
    for i in range(n):
        day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
        body = " ".join(rng.sample(pool, PER_ARTICLE))
        out.append(f"title: Synthetic report {seed}-{i}\npublished: {day.isoformat()}\n\n{body}\n")
    return out
