"""Synthetic corpora from real news sentences, for the ingest and incremental benchmarks.

Each article is 12 distinct news sentences of the tuned and dev gold sets (never the
frozen ones), under its own title and ``published:`` header, so relative dates resolve
against different days and the corpus grows as a researcher's would.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SENTENCES_PER_ARTICLE = 12


def sentence_pool() -> list[str]:
    """Every distinct news sentence of the tuned and dev gold sets (never the frozen ones:
    their texts stay out of anything people read)."""
    from timeline.extraction.header import parse_header
    from timeline.extraction.sentences import split_sentences

    pool: dict[str, None] = {}
    for path in sorted((ROOT / "tests" / "gold").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("split") == "frozen":
            continue
        for article in data["articles"].values():
            text = article.get("text")
            if text is None:  # the seeds are files
                text = (ROOT / article["path"]).read_text(encoding="utf-8-sig")
            for s in split_sentences(text, parse_header(text).body_start):
                words = s.text.split()
                # Whole sentences, not headlines, bylines or captions.
                if 8 <= len(words) <= 80 and s.text[-1] in ".!?\"”'’":
                    pool.setdefault(s.text, None)
    return list(pool)


def _title(sentence: str) -> str:
    words = sentence.rstrip(".!?\"”'’").split()
    return " ".join(words[:10])


def corpus(n: int, pool: list[str], seed: int) -> list[str]:
    """``n`` articles of 12 sentences each, with their own title and publication date."""
    rnd = random.Random(seed)
    start = dt.date(2000, 1, 1)
    texts = []
    for _ in range(n):
        chosen = rnd.sample(pool, SENTENCES_PER_ARTICLE)
        published = start + dt.timedelta(days=rnd.randrange(25 * 365))
        header = f"title: {_title(chosen[0])}\npublished: {published.isoformat()}\n\n"
        texts.append(header + "\n\n".join(chosen) + "\n")
    return texts


def write_folder(folder: Path, texts: list[str]) -> Path:
    """The texts as article files in a new folder, for ``ingest``; returns the folder."""
    folder.mkdir(parents=True)
    for i, text in enumerate(texts):
        (folder / f"article-{i:05d}.txt").write_text(text, encoding="utf-8")
    return folder
