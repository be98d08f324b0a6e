"""Temporal expressions on the seed articles: our grammar against dateparser, side by side.

    .venv/bin/python bench/temporal_bench.py [--repeat N]

Times ``temporal.find_timexes`` and dateparser's ``search_dates``
(``languages=["en"]``, ``RELATIVE_BASE`` = the publication date,
``PREFER_DATES_FROM="past"``) on the same sentences in one run and prints the
ratio. It also scores both against the date anchors of the seeds listed in
``GOLD`` (value right at the anchor's own precision, as in DATES.md). The gold
was written by hand for this bench from the same seeds the grammar was
developed on, so our own score is optimistic; the product is judged on other
articles.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.extraction.header import parse_header  # noqa: E402
from timeline.extraction.sentences import split_sentences  # noqa: E402
from timeline.extraction.temporal import find_timexes  # noqa: E402

# seed -> (publication date, [(expression as written, EDTF value), ...]) in text order.
# Publication dates: 004 states 2025-03-11; 002 reports the decision of that day;
# 000, 001, 003 report the signing of Thursday 2025-04-10 on Friday 2025-04-11.
GOLD: dict[str, tuple[dt.date, list[tuple[str, str]]]] = {
    "000": (
        dt.date(2025, 4, 11),
        [
            ("the 11th", "2025-04-11"),
            ("the 10th", "2025-04-10"),
            ("last year", "2024"),
            ("December last year", "2024-12"),
            ("2011", "2011"),
            ("1966", "1966"),
        ],
    ),
    "001": (
        dt.date(2025, 4, 11),
        [
            ("December", "2024-12"),
            ("Friday", "2025-04-11"),
            ("Thursday", "2025-04-10"),
            ("December", "2024-12"),
            ("last year", "2024"),
            ("December", "2024-12"),
            ("Last week", "2025-03-31/2025-04-06"),
        ],
    ),
    "002": (
        dt.date(2025, 3, 11),
        [
            ("the 11th", "2025-03-11"),
            ("last year", "2024"),
            ("1967", "1967"),
            ("1973", "1973"),
            ("Last month", "2025-02"),
            ("2003", "2003"),
            ("December last year", "2024-12"),
            ("1991", "1991"),
            ("last year", "2024"),
            ("2011", "2011"),
            ("December 8th last year", "2024-12-08"),
        ],
    ),
    "003": (
        dt.date(2025, 4, 11),
        [
            ("this Friday", "2025-04-11"),
            ("Thursday", "2025-04-10"),
            ("December", "2024-12"),
            ("2023", "2023"),
        ],
    ),
    "004": (
        dt.date(2025, 3, 11),
        [
            ("2025-03-11", "2025-03-11"),
            ("11 Mar. 2025", "2025-03-11"),
            ("Feb. 7", "2025-02-07"),
            ("Tuesday", "2025-03-11"),
            ("late 2024", "2024-39"),
            ("December", "2024-12"),
            ("Feb. 5 to 7", "2025-02-05/2025-02-07"),
        ],
    ),
}


def _gold_spans(text: str, anchors: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Locate each gold expression in order (word boundaries, case as written)."""
    import re

    spans, pos = [], 0
    for expression, edtf in anchors:
        match = re.compile(rf"(?<![\w-]){re.escape(expression)}(?![\w-])").search(text, pos)
        if not match:
            raise SystemExit(f"gold expression {expression!r} not found after offset {pos}")
        spans.append((match.start(), match.end(), edtf))
        pos = match.end()
    return spans


def _gold_interval(edtf: str) -> tuple[dt.date, dt.date, str]:
    """First day, last day and unit of a gold value."""
    from edtf import parse_edtf

    parsed = parse_edtf(edtf)
    first = dt.date(*parsed.lower_strict()[:3])
    last = dt.date(*parsed.upper_strict()[:3])
    if "/" in edtf:
        unit = "range"
    elif len(edtf) == 4:
        unit = "year"
    elif len(edtf) == 7 and int(edtf[5:7]) <= 12:
        unit = "month"
    elif len(edtf) == 7:
        unit = "season"
    else:
        unit = "day"
    return first, last, unit


def _ours_right(value, edtf: str) -> bool:
    first, last, _unit = _gold_interval(edtf)
    return value is not None and (value.start, value.end) == (first, last)


def _dateparser_right(moment: dt.datetime, edtf: str) -> bool:
    """dateparser returns a moment: right if it names the gold value at the gold's precision."""
    first, last, unit = _gold_interval(edtf)
    day = moment.date()
    if unit == "year":
        return day.year == first.year
    if unit == "month":
        return (day.year, day.month) == (first.year, first.month)
    if unit in ("season", "range"):
        return first <= day <= last
    return day == first


def _score(outputs, gold, right) -> tuple[int, int, int]:
    """(correct outputs, outputs, gold anchors found right)."""
    correct_outputs = 0
    found = set()
    for start, end, value in outputs:
        hits = [i for i, (gs, ge, _e) in enumerate(gold) if start < ge and gs < end]
        if any(right(value, gold[i][2]) for i in hits):
            correct_outputs += 1
            found.update(i for i in hits if right(value, gold[i][2]))
    return correct_outputs, len(outputs), len(found)


def _prf(correct: int, outputs: int, found: int, gold: int) -> str:
    p = correct / outputs if outputs else 0.0
    r = found / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:.2f} / {r:.2f} / {f:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per extractor")
    args = parser.parse_args()

    warnings.filterwarnings("ignore", category=DeprecationWarning)
    t0 = time.perf_counter()
    from dateparser.search import search_dates

    import_seconds = time.perf_counter() - t0

    articles = []
    for prefix, (published, anchors) in GOLD.items():
        (path,) = (ROOT / "seeds").glob(f"{prefix}_*.txt")
        text = path.read_text(encoding="utf-8")
        header = parse_header(text)
        sentences = split_sentences(text, header.body_start)
        articles.append((prefix, text, sentences, published, _gold_spans(text, anchors)))

    def run_ours(article):
        _prefix, text, sentences, published, _gold = article
        return [
            (t.start, t.end, t.value)
            for t in find_timexes(text, sentences, published)
            if t.kind == "date" and t.value is not None
        ]

    def run_dateparser(article):
        _prefix, _text, sentences, published, _gold = article
        settings = {
            "RELATIVE_BASE": dt.datetime.combine(published, dt.time()),
            "PREFER_DATES_FROM": "past",
        }
        out = []
        for sentence in sentences:
            found = search_dates(sentence.text, languages=["en"], settings=settings) or []
            pos = 0
            for words, moment in found:
                at = sentence.text.find(words, pos)
                if at < 0:
                    continue
                pos = at + len(words)
                out.append((sentence.start + at, sentence.start + pos, moment))
        return out

    # Cold: the first article, first call (dateparser loads its English data here).
    t0 = time.perf_counter()
    run_dateparser(articles[0])
    cold_dp = time.perf_counter() - t0
    t0 = time.perf_counter()
    run_ours(articles[0])
    cold_ours = time.perf_counter() - t0

    timings: dict[str, list[float]] = {"ours": [], "dateparser": []}
    for _ in range(args.repeat):
        for name, run in (("ours", run_ours), ("dateparser", run_dateparser)):
            t0 = time.perf_counter()
            for article in articles:
                run(article)
            timings[name].append((time.perf_counter() - t0) / len(articles))

    totals = {"ours": [0, 0, 0], "dateparser": [0, 0, 0]}
    n_gold = 0
    print(f"{'seed':6} {'anchors':>7}  {'ours right':>10}  {'dateparser right':>16}")
    for article in articles:
        prefix, _text, _sentences, _published, gold = article
        n_gold += len(gold)
        ours = _score(run_ours(article), gold, _ours_right)
        dp = _score(run_dateparser(article), gold, _dateparser_right)
        for key, got in (("ours", ours), ("dateparser", dp)):
            totals[key] = [a + b for a, b in zip(totals[key], got, strict=True)]
        print(f"{prefix:6} {len(gold):7}  {ours[2]:10}  {dp[2]:16}")

    ours_s = statistics.median(timings["ours"])
    dp_s = statistics.median(timings["dateparser"])
    print()
    print(f"{'extractor':44} {'precision / recall / F1':>24} {'s per article':>14}")
    print(
        f"{'find_timexes (grammar, dateparser fallback)':44} "
        f"{_prf(*totals['ours'], n_gold):>24} {ours_s:14.5f}"
    )
    print(
        f"{'dateparser search_dates, en, RELATIVE_BASE':44} "
        f"{_prf(*totals['dateparser'], n_gold):>24} {dp_s:14.5f}"
    )
    print()
    print(f"median of {args.repeat} warm runs over {len(articles)} seeds, {n_gold} gold anchors")
    print(f"dateparser / find_timexes time ratio: {dp_s / ours_s:.1f}x")
    print(
        f"cold first article: find_timexes {cold_ours:.3f} s (grammar compiled), "
        f"dateparser {cold_dp:.3f} s (+ {import_seconds:.3f} s import)"
    )


if __name__ == "__main__":
    main()
