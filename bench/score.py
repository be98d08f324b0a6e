"""Score build_timeline against hand-made gold annotations.

Usage: .venv/bin/python bench/score.py [GOLD.json ...]  (default: every tests/gold/*.json)

A predicted event matches the gold event whose evidence sentences it shares
most; an event sharing none is junk. Per gold set it prints: core events found
/ total, how many of those carry exactly the gold date span, how many carry
exactly the gold set of party countries, junk events,
events per gold happening reported by several articles (must be 1), actors
per gold person (must be 1), the date conflicts expected and found, evidence
recall, and seconds per article.

A set marked "split": "frozen" is a test set whose failures nobody who tunes the
extractor may read: for it only the aggregate figures are printed (never a miss,
a date, a country, a junk title or a predicted event), then one combined line
over all frozen sets (and one over all "split": "dev" sets). --record appends
the frozen sets' aggregate figures, with the date and the commit, to the "runs"
list in each frozen gold file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.extraction import pipeline  # noqa: E402
from timeline.extraction.countries import country_name, find_countries  # noqa: E402
from timeline.extraction.types import (  # noqa: E402
    DocInput,
    Sentence,
    TimelineEvent,
    TimelineResult,
)


@dataclass
class Score:
    name: str
    articles: int
    seconds: float
    split: str = ""  # "frozen", "dev" or "" (a tuned set)
    core_total: int = 0
    core_found: int = 0
    exact_dates: int = 0
    exact_countries: int = 0
    right_types: int = 0
    # The per-event details stay out of the repr, so that a failing assertion on a frozen
    # set cannot show them.
    junk: list[str] = field(default_factory=list, repr=False)
    multi_source: dict[str, int] = field(default_factory=dict, repr=False)
    persons: dict[str, list[str]] = field(default_factory=dict, repr=False)
    conflicts_expected: int = 0
    conflicts_found: int = 0
    evidence_found: int = 0
    evidence_total: int = 0
    misses: list[str] = field(default_factory=list, repr=False)
    wrong_dates: list[str] = field(default_factory=list, repr=False)
    wrong_countries: list[str] = field(default_factory=list, repr=False)
    wrong_types: list[str] = field(default_factory=list, repr=False)
    missing_quotes: list[str] = field(default_factory=list, repr=False)
    misleading_titles: list[str] = field(default_factory=list, repr=False)


@dataclass
class Figures:
    """A gold set's aggregate figures: all a frozen set may show, and what --record keeps."""

    articles: int = 0
    seconds: float = 0.0
    core_total: int = 0
    core_found: int = 0
    exact_dates: int = 0
    right_types: int = 0
    exact_countries: int = 0
    junk: int = 0
    multi_source: int = 0  # happenings told by several articles ...
    multi_source_single: int = 0  # ... found as exactly one event
    persons: int = 0
    persons_single: int = 0  # persons found as exactly one actor
    conflicts_expected: int = 0
    conflicts_found: int = 0
    evidence_total: int = 0
    evidence_found: int = 0
    quotes_missing: int = 0  # gold quotes not in any sentence: an annotation error
    # Predicted events whose title names a country that is not among the event's
    # parties (its own, or for a found core event the gold ones), or has a visitor visit
    # his own country.
    misleading_titles: int = 0

    def __add__(self, other: Figures) -> Figures:
        return Figures(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )


def figures(sc: Score) -> Figures:
    return Figures(
        articles=sc.articles,
        seconds=sc.seconds,
        core_total=sc.core_total,
        core_found=sc.core_found,
        exact_dates=sc.exact_dates,
        right_types=sc.right_types,
        exact_countries=sc.exact_countries,
        junk=len(sc.junk),
        multi_source=len(sc.multi_source),
        multi_source_single=sum(1 for n in sc.multi_source.values() if n == 1),
        persons=len(sc.persons),
        persons_single=sum(1 for keys in sc.persons.values() if len(keys) == 1),
        conflicts_expected=sc.conflicts_expected,
        conflicts_found=sc.conflicts_found,
        evidence_total=sc.evidence_total,
        evidence_found=sc.evidence_found,
        quotes_missing=len(sc.missing_quotes),
        misleading_titles=len(sc.misleading_titles),
    )


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def load_docs(gold: dict, base: Path) -> list[DocInput]:
    docs = []
    for key, spec in gold["articles"].items():
        text = spec["text"] if "text" in spec else (ROOT / spec["path"]).read_text(encoding="utf-8")
        given = spec.get("given_published")  # a date the pipeline is told, like a header
        docs.append(DocInput(key, text, dt.date.fromisoformat(given) if given else None))
    return docs


def sentences_for(result: TimelineResult, article: str, quote: str) -> set[tuple[str, int]]:
    quote = _norm(quote)
    # Identical sentences of one article count once as evidence (the pipeline cites the
    # first copy of a sentence told again word for word): a gold quote is its first copy.
    first: dict[str, int] = {}
    for s in result.articles[article].sentences:
        first.setdefault(" ".join(s.text.split()), s.index)
    found = {
        (article, first[" ".join(s.text.split())])
        for s in result.articles[article].sentences
        if quote in _norm(s.text)
    }
    if not found:  # a quote running over a sentence break
        text = _norm(" ".join(s.text for s in result.articles[article].sentences))
        if quote in text:
            start = text.index(quote)
            offset = 0
            for s in result.articles[article].sentences:
                length = len(_norm(s.text)) + 1
                if offset + length > start and offset < start + len(quote):
                    found.add((article, first[" ".join(s.text.split())]))
                offset += length
    return found


_VISITS = re.compile(r"^(?P<visitor>.+?) (?:visits|plans to visit) (?P<visited>.+)$")


def _unnamed(title: str, countries_of: dict[str, str]) -> str:
    """The title with actors' names blanked: "Santiago" in "Santiago Cafiero" is no capital."""
    for name in sorted(countries_of, key=len, reverse=True):
        title = title.replace(name, " " * len(name))
    return title


def misleading_title(event: TimelineEvent, countries_of: dict[str, str]) -> str:
    """Why the event's title misleads a reader ("" when it does not): it names a country
    that is none of the event's parties, or has a visitor visit his own country.
    ``countries_of``: an actor's name -> the actor's country ("" when unknown)."""
    text = _unnamed(event.title, countries_of)
    named = find_countries(text, [Sentence(0, 0, len(text), text)])
    outside = sorted({m.key for m in named if m.key not in event.countries})
    if outside:
        return f"names {', '.join(country_name(c) for c in outside)}, no party"
    visit = _VISITS.match(event.title)
    if not visit:
        return ""
    home = {m.key for m in named if m.end <= visit.end("visitor")}
    home.add(countries_of.get(visit.group("visitor"), ""))
    visited = {m.key for m in named if m.start >= visit.start("visited")}
    if visited and visited <= home:
        return "the visitor visits his own country"
    return ""


def _same_year(event, gold_event: dict) -> bool:
    want = gold_event.get("date") or {}
    return bool(event.date and want) and event.date.start.isoformat()[:4] == want["start"][:4]


def score(path: Path) -> tuple[Score, TimelineResult]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    docs = load_docs(gold, path.parent)
    pipeline._cache.clear()
    start = time.perf_counter()
    result = pipeline.build_timeline(docs)
    seconds = time.perf_counter() - start
    sc = Score(gold.get("name", path.stem), len(docs), seconds, gold.get("split", ""))

    gold_sentences: dict[str, set[tuple[str, int]]] = {}
    for event in gold["events"]:
        refs: set[tuple[str, int]] = set()
        for ev in event["evidence"]:
            hits = sentences_for(result, ev["article"], ev["quote"])
            if not hits:
                sc.missing_quotes.append(f"{ev['article']}: {ev['quote']!r}")
            refs |= hits
        gold_sentences[event["id"]] = refs
    by_id = {e["id"]: e for e in gold["events"]}
    order = {e["id"]: i for i, e in enumerate(gold["events"])}

    countries_of = {a.name: a.country for a in result.actors if len(a.name.split()) > 1}
    matched: dict[str, list[tuple[int, int]]] = {e["id"]: [] for e in gold["events"]}
    for index, event in enumerate(result.events):
        predicted = {(r.article, r.sentence) for r in event.evidence}
        overlaps = [
            # Sentences shared by several gold events (the items of one list: "relations
            # with A in 1979 and with B in 1981"): the one of the same type, then the one
            # with more of the same countries, then the one of the same year wins the tie.
            (
                len(predicted & refs),
                by_id[gid]["type"] == event.type,
                len(set(event.countries) & set(by_id[gid].get("countries", []))),
                _same_year(event, by_id[gid]),
                by_id[gid]["core"],
                -order[gid],
                gid,
            )
            for gid, refs in gold_sentences.items()
        ]
        best = max(overlaps)
        if best[0] == 0:
            date = event.date.edtf if event.date else "undated"
            sc.junk.append(f"[{date}] {event.title}")
            continue
        matched[best[-1]].append((best[0], index))

    for gid, event in by_id.items():
        refs = gold_sentences[gid]
        articles = {a for a, _ in refs}
        hits = sorted(matched[gid], reverse=True)
        if len(articles) > 1 and (event["core"] or hits):
            # An optional happening may be missed, but never split.
            sc.multi_source[gid] = len(hits)
        if not event["core"]:
            continue
        sc.core_total += 1
        if not hits:
            sc.misses.append(gid)
            continue
        sc.core_found += 1
        best = result.events[hits[0][1]]
        predicted = {(r.article, r.sentence) for r in best.evidence}
        for _, i in hits:
            predicted |= {(r.article, r.sentence) for r in result.events[i].evidence}
        sc.evidence_total += len(refs)
        sc.evidence_found += len(refs & predicted)
        # A happening found under the wrong kind of action (a recall read as a war) is
        # still "found" above; this says how often the kind is right.
        if best.type == event["type"]:
            sc.right_types += 1
        else:
            sc.wrong_types.append(f"{gid}: gold {event['type']}, got {best.type}")
        if "countries" in event:
            shown = _unnamed(best.title, countries_of)
            named = find_countries(shown, [Sentence(0, 0, len(shown), shown)])
            strangers = sorted({m.key for m in named} - set(event["countries"]))
            if strangers and not misleading_title(best, countries_of):
                sc.misleading_titles.append(
                    f"{best.title!r}: names {', '.join(strangers)}, no party of {gid}"
                )
            if set(best.countries) == set(event["countries"]):
                sc.exact_countries += 1
            else:
                sc.wrong_countries.append(
                    f"{gid}: gold {sorted(event['countries'])}, got {sorted(best.countries)}"
                )
        else:
            sc.exact_countries += 1  # no gold countries: nothing to compare
        want = event["date"]
        got = best.date
        if (
            want
            and got
            and got.start.isoformat() == want["start"]
            and got.end.isoformat() == want["end"]
        ):
            sc.exact_dates += 1
        else:
            shown = f"{got.edtf} ({got.precision})" if got else "undated"
            sc.wrong_dates.append(f"{gid}: gold {want['start']}..{want['end']}, got {shown}")
        if event.get("expect_conflict"):
            sc.conflicts_expected += 1
            if any(c.field == event["expect_conflict"] for c in best.conflicts):
                sc.conflicts_found += 1

    for event in result.events:
        why = misleading_title(event, countries_of)
        if why:
            sc.misleading_titles.append(f"{event.title!r}: {why}")

    for person in gold.get("persons", []):
        variants = set(person["variants"])
        keys = [a.key for a in result.actors if variants & (a.aliases | {a.name})]
        sc.persons[person["name"]] = keys
    return sc, result


def report(sc: Score, detail: bool = True) -> bool:
    """Print a set's figures, with the per-event details unless told not to; targets met?"""
    fig = figures(sc)
    shared: dict[str, list[str]] = {}
    for person, keys in sc.persons.items():
        for key in keys:
            shared.setdefault(key, []).append(person)
    details = {
        "quotes": [f"! gold quote not found in {line}" for line in sc.missing_quotes],
        "core": [f"missed: {gid}" for gid in sc.misses],
        "dates": sc.wrong_dates,
        "types": sc.wrong_types,
        "countries": sc.wrong_countries,
        "junk": [f"junk: {line}" for line in sc.junk],
        "multi": [f"{gid}: {n} events" for gid, n in sc.multi_source.items() if n != 1],
        "persons": [f"{p}: {k or 'not found'}" for p, k in sc.persons.items() if len(k) != 1]
        + [
            f"one actor for several people: {key} <- {people}"
            for key, people in shared.items()
            if len(people) > 1
        ],
        "titles": sc.misleading_titles,
    }
    print_figures(sc.name, fig, details if detail else {})
    exact_pct = 100 * fig.exact_dates / fig.core_found if fig.core_found else 0.0
    return (
        fig.core_found == fig.core_total
        and exact_pct >= 95
        and not fig.junk
        and fig.multi_source_single == fig.multi_source
        and fig.persons_single == fig.persons
    )


def print_figures(name: str, fig: Figures, details: dict[str, list[str]]) -> None:
    """The figures, each followed by its detail lines (none for a frozen set)."""
    for line in details.get("quotes", []):
        print(f"  {line}")
    core_pct = 100 * fig.core_found / fig.core_total if fig.core_total else 100.0
    exact_pct = 100 * fig.exact_dates / fig.core_found if fig.core_found else 0.0
    per_article = fig.seconds / fig.articles if fig.articles else 0.0
    print(
        f"== {name}: {fig.articles} articles, {fig.seconds:.2f} s ({per_article:.3f} s per article)"
    )
    lines = [
        ("core", f"core events found       {fig.core_found}/{fig.core_total} ({core_pct:.0f}%)"),
        ("dates", f"exact date span         {fig.exact_dates}/{fig.core_found} ({exact_pct:.0f}%)"),
        ("types", f"event type right        {fig.right_types}/{fig.core_found}"),
        ("countries", f"party countries         {fig.exact_countries}/{fig.core_found}"),
        ("junk", f"junk events             {fig.junk}"),
        (
            "multi",
            f"multi-source happenings {fig.multi_source_single}/{fig.multi_source} "
            f"as exactly one event",
        ),
        ("persons", f"persons as one actor    {fig.persons_single}/{fig.persons}"),
        ("titles", f"misleading titles       {fig.misleading_titles}"),
    ]
    if fig.conflicts_expected:
        lines.append(
            ("", f"conflicts kept          {fig.conflicts_found}/{fig.conflicts_expected}")
        )
    if fig.evidence_total:
        lines.append(
            (
                "",
                f"evidence recall         {fig.evidence_found}/{fig.evidence_total} "
                f"({100 * fig.evidence_found / fig.evidence_total:.0f}%) of gold "
                f"sentences on the matched events",
            )
        )
    if fig.quotes_missing and not details:
        lines.append(("", f"gold quotes not found   {fig.quotes_missing}"))
    for key, line in lines:
        print(line)
        for detail in details.get(key, []):
            print(f"    {detail}")


def record(path: Path, fig: Figures, commit: str) -> None:
    """Append this run's aggregate figures to the frozen gold file's "runs" list."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    run = {"date": dt.date.today().isoformat(), "commit": commit, **asdict(fig)}
    run["seconds"] = round(fig.seconds, 3)
    gold.setdefault("runs", []).append(run)
    path.write_text(json.dumps(gold, indent=1, ensure_ascii=False), encoding="utf-8")


def current_commit() -> str:
    """The checked-out commit, marked "+dirty" when code (not gold) differs from it."""

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD")
    changed = git("status", "--porcelain", "--untracked-files=no", "--", ".", ":!tests/gold")
    return commit + ("+dirty" if changed else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path)
    parser.add_argument(
        "--events",
        action="store_true",
        help="print the predicted events too (never a frozen set's)",
    )
    parser.add_argument(
        "--record",
        action="store_true",
        help="append each frozen set's aggregate figures, with the date and commit, to its runs",
    )
    args = parser.parse_args(argv)
    paths = args.gold or sorted((ROOT / "tests" / "gold").glob("*.json"))
    commit = current_commit() if args.record else ""
    combined: dict[str, tuple[int, Figures]] = {}
    all_ok = True
    for path in paths:
        sc, result = score(path)
        frozen = sc.split == "frozen"
        ok = report(sc, detail=not frozen)
        all_ok &= ok
        print("targets met" if ok else "targets NOT met")
        if args.events and frozen:
            print("  (a frozen set's events are never shown)")
        elif args.events:
            for event in result.events:
                date = event.date.edtf if event.date else "undated"
                refs = ", ".join(f"{r.article}#{r.sentence}" for r in event.evidence)
                print(f"  [{date}] {event.type}: {event.title}  <- {refs}")
        if sc.split:
            count, total = combined.get(sc.split, (0, Figures()))
            combined[sc.split] = (count + 1, total + figures(sc))
        if args.record and frozen:
            record(path, figures(sc), commit)
        print()
    for split, (count, total) in sorted(combined.items(), key=lambda item: item[0] != "frozen"):
        sets = "1 set" if count == 1 else f"{count} sets"
        print_figures(f"all {split} sets combined ({sets})", total, {})
        print()
    return 0 if all_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
