"""The clustering's index answers with the clusters a scan of every cluster would accept.

An item is tested only against the clusters it can join (``clustering._ClusterIndex``):
an undated one against those naming its pair or sharing an actor with it, a dated one
against those dated within the widest tolerance of its own, a named meeting against
those naming its occasion, a plan to restore relations against those naming its pair.
Narrowing must never change a result: here the same corpus is clustered with the index
and with a scan, and the work is counted (never timed).
"""

from __future__ import annotations

import json
from pathlib import Path

from timeline.extraction import clustering
from timeline.extraction.pipeline import build_timeline
from timeline.extraction.types import DocInput

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"


def _gold_docs(*names: str) -> list[DocInput]:
    docs = []
    for name in names:
        for key, article in json.loads((GOLD / f"{name}.json").read_text())["articles"].items():
            text = article.get("text") or (ROOT / article["path"]).read_text()
            docs.append(DocInput(key=f"{name}/{key}", text=text))
    return docs


def _scan(monkeypatch) -> None:
    """Every cluster sharing a country or an actor is tested, as before the index."""

    def every(clusters):
        found = {id(c): c for c in clusters}
        return {item.detail.occasion: found for c in clusters for item in c.items}

    monkeypatch.setattr(
        clustering._ClusterIndex, "joinable", lambda self, i: self.candidates(i, compatible=True)
    )
    monkeypatch.setattr(clustering._ClusterIndex, "near", lambda self, i, found: found)
    monkeypatch.setattr(clustering._ClusterIndex, "deciding", lambda self, i: self.candidates(i))
    monkeypatch.setattr(clustering, "_occasion_holders", every)


def _shape(result):
    return [
        (e.type, e.date, e.title, e.date_rule, e.conflicts, e.countries, e.actors, e.evidence)
        for e in result.events
    ], sorted((k, a.published) for k, a in result.articles.items())


def test_the_index_clusters_the_gold_sets_as_a_scan_does(monkeypatch):
    docs = _gold_docs("seeds", "dev_1", "dev_2", "dev_5", "dev_8", "dev_6")
    indexed = build_timeline(docs)
    assert any(a.published.source == "inferred" for a in indexed.articles.values())
    with monkeypatch.context() as patch:
        _scan(patch)
        scanned = build_timeline(docs)
    assert _shape(indexed) == _shape(scanned)


PARTNERS = [
    "Fiji", "Tonga", "Samoa", "Nauru", "Palau", "Chile", "Bolivia", "Uruguay", "Paraguay",
    "Ecuador", "Colombia", "Panama", "Cuba", "Jamaica", "Haiti", "Ghana", "Kenya", "Mali",
    "Niger", "Chad", "Gabon", "Togo", "Benin", "Malawi", "Zambia", "Angola", "Namibia",
    "Botswana", "Lesotho", "Nepal", "Bhutan", "Laos", "Mongolia", "Iceland", "Norway",
    "Finland", "Estonia", "Latvia", "Malta", "Cyprus",
]  # fmt: skip


def _hub_corpus(partners: list[str]) -> list[DocInput]:
    """One country establishing relations with each partner on its own day, and an
    undated article telling each of those happenings again."""
    docs = []
    for n, partner in enumerate(partners):
        year = 1960 + n
        docs.append(
            DocInput(f"d{n:02d}", f"Peru established diplomatic relations with {partner} "
                     f"on 3 May {year}.", None)
        )  # fmt: skip
        docs.append(
            DocInput(f"u{n:02d}", f"Peru and {partner} established diplomatic relations.", None)
        )
    return docs


def _tests_made(partners: list[str], monkeypatch) -> int:
    calls = {"n": 0}
    real = clustering._undated_can_join

    def counting(item, cluster, actors):
        calls["n"] += 1
        return real(item, cluster, actors)

    with monkeypatch.context() as patch:
        patch.setattr(clustering, "_undated_can_join", counting)
        result = build_timeline(_hub_corpus(partners))
    # Each undated article joins its own pair's happening, none of the others'.
    assert len(result.events) == len(partners)
    for event in result.events:
        assert len({ref.article[1:] for ref in event.evidence}) == 1
        assert len({ref.article for ref in event.evidence}) == 2
    return calls["n"]


def test_an_undated_item_is_tested_only_against_its_pairs_happenings(monkeypatch):
    small = _tests_made(PARTNERS[:20], monkeypatch)
    large = _tests_made(PARTNERS, monkeypatch)
    assert small > 0 and large <= 2.5 * small, (small, large)  # a scan: about 4x


def test_near_copies_judges_pairs_as_near_duplicates_does():
    """The update follows a sentence key only to near-copies (links.near_copies): it
    must call two articles copies exactly when near_duplicates does."""
    import random

    from timeline.extraction.clustering import near_duplicates
    from timeline.extraction.document import read_document
    from timeline.extraction.links import link_keys, near_copies, sentence_keys
    from timeline.extraction.types import PUB_UNKNOWN, PublicationDate

    pool = [f"Plain sentence number {n} about the weather in the valley." for n in range(9)]
    rnd = random.Random(3)
    agree = disagree = 0
    for _ in range(40):
        a, b = rnd.sample(range(9), rnd.randint(1, 6)), rnd.sample(range(9), rnd.randint(1, 6))
        texts = {k: " ".join(pool[i] for i in chosen) for k, chosen in (("a", a), ("b", b))}
        reads = {k: read_document(t, PublicationDate(None, PUB_UNKNOWN)) for k, t in texts.items()}
        copies = near_duplicates({k: r.extraction.sentences for k, r in reads.items()}, ["a", "b"])
        keys = {k: sentence_keys(link_keys(r, k)) for k, r in reads.items()}
        judged = near_copies(keys["a"], keys["b"])
        assert judged == ("b" in copies), (a, b)
        agree += judged
        disagree += not judged
    assert agree and disagree  # both outcomes were tested
