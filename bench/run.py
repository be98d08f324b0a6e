"""Every benchmark in one run, then each of issue #9's targets beside what was measured.

    .venv/bin/python bench/run.py [--quick] [--only NAME ...] [--list]      (make bench)

Runs the scripts of bench/ one after the other, each in its own process, printing their
whole output as it comes, then a summary table: for every target of issue #9, the target
and the figure measured in this run. ``--quick`` runs smaller sizes (about ten minutes instead of
half an hour; the figures are then indications, not the targets' sizes). A script
that is not there is reported "not available" and the others still run.

A script gives its figures to this table either by writing them as a flat JSON object to
the file named by ``--json FILE`` (passed whenever the script's source mentions
``--json``), under the keys listed in TARGETS below, or through the lines it prints, which
the readers below recognise. Nothing here is a test: numbers depend on the machine (and on
whoever else uses its cores), ratios much less.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


@dataclass
class Step:
    name: str
    script: str  # relative to the repository, or "manage.py synthesize"
    what: str
    full: list[str] = field(default_factory=list)  # options of the full run only
    # Options for --quick, each used only when the script knows it (its source names it).
    quick: list[list[str]] = field(default_factory=list)
    read: Callable[[str], dict] | None = None  # figures from the printed lines


@dataclass
class Outcome:
    state: str  # "ok", "failed (exit N)", "timed out", "not available"
    seconds: float = 0.0
    figures: dict = field(default_factory=dict)
    ratios: list[str] = field(default_factory=list)  # the lines that print a ratio


# A printed ratio: "9.4x", "3.6×" (not "0x1F" or "x86").
RATIO = re.compile(r"\b\d+(?:\.\d+)?\s?[x×](?![\w])")


# --- readers of printed output (used when a script writes no JSON) ------------------


def number(pattern: str, text: str, group: int = 1) -> float | None:
    match = re.search(pattern, text, re.MULTILINE)
    return float(match.group(group).replace(",", "")) if match else None


def read_ingest_speed(out: str) -> dict:
    rows = {
        int(m[1]): float(m[2])
        for m in re.finditer(r"^\s*(\d+)\s+\d+\s+[\d.]+\s+[\d.]+\s+([\d.]+)\s+[\d.]+", out, re.M)
    }
    figures = {}
    if rows:
        n = min(rows, key=lambda size: abs(size - 200))
        figures["ingest_vs_search_dates"] = rows[n]
        figures["ingest_vs_search_dates_at"] = n
    if m := re.search(r"(\d+) articles cost ([\d.]+)x what (\d+) cost", out):
        figures |= {"growth": float(m[2]), "growth_of": f"{m[1]}/{m[3]}"}
        figures["growth_limit"] = 1.1 * int(m[1]) / int(m[3])
    if m := re.search(r"One article of (\d+) KB.*?([\d.]+) s wall-clock", out):
        figures |= {"big_article_s": float(m[2]), "big_article_kb": int(m[1])}
    return figures


def read_incremental(out: str) -> dict:
    m = re.search(r"adding (\d+) onto (\d+) costs ([\d.]+)x adding them onto (\d+)", out)
    return {"add10_ratio": float(m[3]), "add_sizes": f"{m[2]} vs {m[4]}"} if m else {}


PAGE_ROWS = {  # pages_bench's row names -> the table's keys (small and large sizes)
    "/ server time, median (ms)": "home_ms",
    "/ SQL queries": "home_queries",
    "/ HTML bytes": "home_html",
    "htmx swap p50 (ms)": "htmx_p50_ms",
    "htmx swap p95 (ms)": "htmx_p95_ms",
    "htmx swap after a write p50 (ms)": "cold_p50_ms",
    "htmx swap after a write p95 (ms)": "cold_p95_ms",
}


def whole(text: str) -> float | int:
    value = float(text.replace(",", ""))
    return int(value) if value.is_integer() else value


def read_pages(out: str) -> dict:
    """The last table pages_bench prints (PostgreSQL's when it ran there, else SQLite's):
    rows of a 32-character name, one value per size, then the ratio."""
    figures: dict = {}
    for block in re.split(r"^== ", out, flags=re.M)[1:]:
        label, _, body = block.partition("\n")
        figures = {"pages_db": label.split(":")[0]}
        for line in body.splitlines():
            key = PAGE_ROWS.get(line[:32].strip())
            values = re.findall(r"[\d,]+(?:\.\d+)?", line[32:])
            if key and len(values) >= 3:
                small, large = (whole(v) for v in (values[0], values[-2]))
                figures |= {f"{key}_small": small, f"{key}_large": large}
    if "htmx_p50_ms_large" in figures:
        figures["htmx_p50_ms"] = figures["htmx_p50_ms_large"]
        figures["htmx_p95_ms"] = figures.get("htmx_p95_ms_large")
    return figures


def read_synthesize(out: str) -> dict:
    return {"synthesize_s": number(r"synthesize took ([\d.]+) s", out)}


def read_load_test(out: str) -> dict:
    figures = {}
    if m := re.search(r"^total\s+(\d+)\s+(\d+)\s+(\d+)ms\s+(\d+)ms\s+(\d+)ms", out, re.M):
        figures = {"requests": int(m[1]), "errors": int(m[2]), "p50_ms": int(m[3])}
        figures |= {"p95_ms": int(m[4]), "p99_ms": int(m[5])}
    return figures


STEPS = [
    Step(
        "incremental",
        "bench/incremental_bench.py",
        "#9.1: +10 articles onto 100 and onto 1,000, side by side",
        quick=[["--quick"], ["--sizes", "50", "300"]],
        read=read_incremental,
    ),
    Step(
        "ingest_speed",
        "bench/ingest_speed.py",
        "#9.3: ingest of 200 and 2,000 articles against search_dates; one 1 MB article",
        quick=[["--quick"], ["--sizes", "50", "200"], ["--big-kb", "250"]],
        read=read_ingest_speed,
    ),
    Step(
        "synthesize",
        "manage.py synthesize",
        "#9.4: manage.py synthesize --events 20000 into a fresh SQLite file",
        read=read_synthesize,
    ),
    Step(
        "pages",
        "bench/pages_bench.py",
        "#9.5-6: / at 1,000 and 20,000 events (time, queries, HTML, htmx p50/p95, EXPLAIN)",
        full=["--postgres"],
        quick=[["--quick"], ["--sizes", "500", "2000"], ["--runs", "3"]],
        read=read_pages,
    ),
    Step(
        "load",
        "bench/load_test.py",
        "#9.7: 50 users for 60 s on gunicorn and PostgreSQL",
        quick=[["--events", "2000"], ["--duration", "20"]],
        read=read_load_test,
    ),
    Step(
        "ingest",
        "bench/ingest_bench.py",
        "per-article and cross-article cost as N grows",
        quick=[["--sizes", "5", "20"], ["--lengths", "10000", "40000"]],
    ),
    Step(
        "review",
        "bench/review_bench.py",
        "review queue and relations map as the corpus grows",
        quick=[["--sizes", "500", "5000"]],
    ),
    Step(
        "temporal",
        "bench/temporal_bench.py",
        "our temporal grammar against dateparser",
        quick=[["--repeat", "1"]],
    ),
    Step("lexicon", "bench/lexicon_bench.py", "the built country lexicon against the libraries"),
]


@dataclass
class Target:
    step: str
    measure: str
    target: str
    show: Callable[[dict], str | None]  # the measured cell, None when the figure is missing
    # None: the issue sets no bound; the function returns None when the size differs.
    met: Callable[[dict], bool | None] | None = None


def fmt(value, spec: str) -> str | None:
    return None if value is None else format(value, spec)


def ratio_of(figures: dict, small: str, large: str, ratio: str) -> float | None:
    if figures.get(ratio) is not None:
        return figures[ratio]
    if figures.get(small) and figures.get(large) is not None:
        return figures[large] / figures[small]
    return None


def add_ratio(figures: dict) -> float | None:
    return ratio_of(figures, "add10_onto_100_s", "add10_onto_1000_s", "add10_ratio")


TARGETS = [
    Target(
        "incremental",
        "+10 articles onto 1,000 / onto 100",
        "<= 2x (~1x: follows the change)",
        lambda f: (
            fmt(add_ratio(f), ".2f")
            and f"{add_ratio(f):.2f}x ({f.get('add_sizes', '1000 vs 100')})"
        ),
        lambda f: add_ratio(f) <= 2,
    ),
    Target(
        "ingest_speed",
        "ingest of 200 articles / search_dates",
        "<= 0.5x (moonshot 0.25x)",
        lambda f: (
            fmt(f.get("ingest_vs_search_dates"), ".2f")
            and f"{f['ingest_vs_search_dates']:.2f}x (at {f.get('ingest_vs_search_dates_at', 200)})"
        ),
        lambda f: f["ingest_vs_search_dates"] <= 0.5,
    ),
    Target(
        "ingest_speed",
        "ingest of 2,000 articles / of 200",
        "<= 11x",
        lambda f: fmt(f.get("growth"), ".2f") and f"{f['growth']:.2f}x ({f.get('growth_of')})",
        lambda f: f["growth"] <= f.get("growth_limit", 11),
    ),
    Target(
        "ingest_speed",
        "one ~1 MB article, wall-clock",
        "seconds, not minutes (< 60 s)",
        lambda f: (
            fmt(f.get("big_article_s"), ".1f")
            and f"{f['big_article_s']:.1f} s ({f.get('big_article_kb', '?')} KB)"
        ),
        lambda f: f["big_article_s"] < 60,
    ),
    Target(
        "synthesize",
        "synthesize --events N (SQLite)",
        "20,000 events < 60 s",
        lambda f: (
            fmt(f.get("synthesize_s"), ".1f")
            and f"{f['synthesize_s']:.1f} s for {f.get('events', '?')}"
        ),
        # Only the full size answers the target.
        lambda f: f["synthesize_s"] < 60 if f.get("events") == 20_000 else None,
    ),
    Target(
        "pages",
        "/ server time, 20k / 1k events",
        "<= 2x",
        lambda f: (
            fmt(ratio_of(f, "home_ms_small", "home_ms_large", "home_time_ratio"), ".2f")
            and f"{ratio_of(f, 'home_ms_small', 'home_ms_large', 'home_time_ratio'):.2f}x "
            f"({f.get('home_ms_large', 0):.0f} ms, {f.get('pages_db', '?')})"
        ),
        lambda f: ratio_of(f, "home_ms_small", "home_ms_large", "home_time_ratio") <= 2,
    ),
    Target(
        "pages",
        "/ SQL queries, 1k and 20k events",
        "the same",
        lambda f: (
            None
            if f.get("home_queries_small") is None
            else f"{f['home_queries_small']} and {f.get('home_queries_large')}"
        ),
        lambda f: f["home_queries_small"] == f["home_queries_large"],
    ),
    Target(
        "pages",
        "/ HTML, 20k / 1k events",
        "<= 2x",
        lambda f: (
            fmt(ratio_of(f, "home_html_small", "home_html_large", "home_html_ratio"), ".2f")
            and f"{ratio_of(f, 'home_html_small', 'home_html_large', 'home_html_ratio'):.2f}x "
            f"({f.get('home_html_large', 0) / 1000:.0f} KB)"
        ),
        lambda f: ratio_of(f, "home_html_small", "home_html_large", "home_html_ratio") <= 2,
    ),
    Target(
        "pages",
        "htmx filter swap at 20k: p50 (p95)",
        "p50 < 100 ms; p95 reported",
        lambda f: (
            fmt(f.get("htmx_p50_ms"), ".0f")
            and f"{f['htmx_p50_ms']:.0f} ms ({f.get('htmx_p95_ms', 0):.0f} ms)"
        ),
        lambda f: f["htmx_p50_ms"] < 100,
    ),
    Target(
        "pages",
        "swap after a write at 20k: p50 (p95)",
        "p50 < 100 ms; p95 reported",
        lambda f: (
            fmt(f.get("cold_p50_ms_large"), ".0f")
            and f"{f['cold_p50_ms_large']:.0f} ms ({f.get('cold_p95_ms_large', 0):.0f} ms)"
        ),
        lambda f: f["cold_p50_ms_large"] < 100,
    ),
    Target(
        "pages",
        "swap p50 at 1k: repeated, after write",
        "reported",
        lambda f: (
            fmt(f.get("htmx_p50_ms_small"), ".0f")
            and f"{f['htmx_p50_ms_small']:.0f} ms, {f.get('cold_p50_ms_small', 0):.0f} ms"
        ),
    ),
    Target(
        "load",
        "load test: requests, errors",
        "0 errors",
        lambda f: None if f.get("requests") is None else f"{f['requests']}, {f['errors']}",
        lambda f: f["errors"] == 0,
    ),
    Target(
        "load",
        "load test: p50 / p95 / p99, all pages",
        "p95 reported",
        lambda f: (
            None
            if f.get("p95_ms") is None
            else f"{f['p50_ms']:.0f} / {f['p95_ms']:.0f} / {f['p99_ms']:.0f} ms"
        ),
    ),
]


# --- running ---------------------------------------------------------------------


def command(step: Step, quick: bool, json_file: Path) -> list[str] | None:
    """The command line, or None when the script (or the command) is not there."""
    if step.script == "manage.py synthesize":
        return synthesize_command(quick, json_file.parent)
    path = ROOT / step.script
    if not path.is_file():
        return None
    source = path.read_text(encoding="utf-8")
    args = [] if quick else [a for a in step.full if not a.startswith("--") or f'"{a}"' in source]
    if quick:
        for option in step.quick:
            if f'"{option[0]}"' in source:
                args += option
    if '"--json"' in source:
        args += ["--json", str(json_file)]
    return [PYTHON, str(path), *args]


def synthesize_command(quick: bool, folder: Path) -> list[str] | None:
    commands = ROOT / "timeline" / "management" / "commands"
    if not (commands / "synthesize.py").is_file():
        return None
    events = 2_000 if quick else 20_000
    # A fresh, migrated SQLite file; only the synthesize command is timed.
    code = (
        "import os, time, django\n"
        f"os.environ['DATABASE_URL'] = 'sqlite:///{folder}/db.sqlite3'\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'timeline.settings')\n"
        "django.setup()\n"
        "from django.core.management import call_command\n"
        "call_command('migrate', verbosity=0)\n"
        "began = time.perf_counter()\n"
        f"call_command('synthesize', events={events}, seed=1)\n"
        "took = time.perf_counter() - began\n"
        f"print(f'synthesize took {{took:.1f}} s for {events} events')\n"
    )
    return [PYTHON, "-c", code]


def run(step: Step, quick: bool, timeout: float) -> Outcome:
    with tempfile.TemporaryDirectory(prefix=f"bench-{step.name}-") as folder:
        json_file = Path(folder) / "figures.json"
        argv = command(step, quick, json_file)
        if argv is None:
            print(f"  not available: {step.script} is not in this checkout")
            return Outcome("not available")
        if argv[1] == "-c":  # the synthesize step's few lines of Python
            print(f"  $ {step.script} --events {2_000 if quick else 20_000} (fresh SQLite file)")
        else:
            print("  $ " + " ".join(Path(a).name if a == PYTHON else a for a in argv))
        began = time.perf_counter()
        state, out = stream(argv, timeout)
        outcome = Outcome(state, time.perf_counter() - began)
        if step.read:
            outcome.figures = {k: v for k, v in step.read(out).items() if v is not None}
        if json_file.is_file():
            outcome.figures |= flat(json.loads(json_file.read_text()))
        outcome.ratios = [line.strip() for line in out.splitlines() if RATIO.search(line)]
        if step.name == "synthesize":
            outcome.figures["events"] = 2_000 if quick else 20_000
        return outcome


def stream(argv: list[str], timeout: float) -> tuple[str, str]:
    """Run in its own process group, echoing its output; kill the group at the timeout."""
    process = subprocess.Popen(
        argv,
        cwd=ROOT,
        env=os.environ | {"PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    timer = _Alarm(time.monotonic() + timeout, process)
    lines = []
    for line in process.stdout:
        print("  " + line, end="", flush=True)
        lines.append(line)
    process.wait()
    timer.cancel()
    if timer.fired:
        state = "timed out"
    else:
        state = "ok" if process.returncode == 0 else f"failed (exit {process.returncode})"
    return state, "".join(lines)


class _Alarm:
    """Kills a process group at a deadline (a thread, so reading its output never blocks it)."""

    def __init__(self, deadline: float, process: subprocess.Popen):
        import threading

        self.fired = False
        self._process = process
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self):
        self.fired = True
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self._process.pid, signal.SIGKILL)

    def cancel(self):
        self._timer.cancel()


def flat(data: dict) -> dict:
    """The load test nests its pages; the table wants its total at the top level."""
    total = data.get("pages", {}).get("total") if isinstance(data.get("pages"), dict) else None
    return data | (total or {})


# --- the summary -------------------------------------------------------------------


def verdict(target: Target, outcome: Outcome | None) -> tuple[str, str]:
    if outcome is None:
        return "not run", ""
    if outcome.state == "not available":
        return "not available", ""
    if outcome.state == "timed out":
        return "timed out", "NOT met"
    shown = None
    with contextlib.suppress(KeyError, TypeError, ZeroDivisionError):
        shown = target.show(outcome.figures)
    if shown is None:
        return f"see its output ({outcome.state})", ""
    if target.met is None:
        return shown, ""
    try:
        met = target.met(outcome.figures)
    except (KeyError, TypeError, ZeroDivisionError):
        return shown, ""
    return shown, {True: "met", False: "NOT met", None: "(other size)"}[met]


def summary(outcomes: dict[str, Outcome], quick: bool) -> None:
    print("\n" + "=" * 100)
    print("Summary: issue #9's targets" + (" (--quick: smaller sizes, indications only)" * quick))
    print(f"{'measure':<40} {'target':<36} {'measured':<30} ")
    for target in TARGETS:
        shown, met = verdict(target, outcomes.get(target.step))
        print(f"{target.measure:<40} {target.target:<36} {shown:<30} {met}")
    targets = {t.step for t in TARGETS}
    others = [(name, o) for name, o in outcomes.items() if name not in targets and o.ratios]
    if others:
        print("\nother ratios printed above:")
        for name, outcome in others:
            for line in outcome.ratios:
                print(f"  {name:<10} {line}")
    print("\nscripts:")
    for step in STEPS:
        if step.name in outcomes:
            outcome = outcomes[step.name]
            took = f"{outcome.seconds:.0f} s" if outcome.state != "not available" else ""
            print(f"  {step.name:<14} {outcome.state:<16} {took:>7}  {step.what}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    parser.add_argument("--only", nargs="+", metavar="NAME", choices=[s.name for s in STEPS])
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    parser.add_argument(
        "--timeout", type=float, help="seconds per script (default 1800, quick 600)"
    )
    args = parser.parse_args(argv)
    if args.list:
        for step in STEPS:
            print(f"{step.name:<14} {step.script:<30} {step.what}")
        return 0
    timeout = args.timeout or (600 if args.quick else 1800)
    chosen = [s for s in STEPS if not args.only or s.name in args.only]
    outcomes = {}
    for number, step in enumerate(chosen, 1):
        print(f"\n=== [{number}/{len(chosen)}] {step.name}: {step.what}", flush=True)
        outcomes[step.name] = run(step, args.quick, timeout)
    summary(outcomes, args.quick)
    return 0 if all(o.state in ("ok", "not available") for o in outcomes.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
