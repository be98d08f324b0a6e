"""One large article of repetitive wire copy: bounded work, one evidence row per sentence told.

No timing here: the work is counted (calls, item comparisons), and it must grow with the
article, not with its square. bench/ingest_speed.py times a 1 MB article.
"""

from __future__ import annotations

import pytest

from timeline import services
from timeline.extraction import clustering, document, mapper
from timeline.extraction.pipeline import build_timeline
from timeline.extraction.types import DocInput
from timeline.models import Event, Evidence, Sentence

HEADER = "title: Wire digest\npublished: 2021-05-04\n\n"
# Written for these tests: two happenings (one told twice, in other words), and background.
PARAGRAPHS = [
    "Chile and France restored diplomatic relations on 3 May 2021 in Paris.",
    "France and Chile restored their diplomatic ties on Monday, the ministry said.",
    "Peru expelled the ambassador of Japan on 2 May 2021, the foreign ministry said.",
    "Analysts said the move reflected a broader shift in the region's diplomacy.",
]


def wire_copy(repeats: int) -> str:
    return HEADER + "\n\n".join(PARAGRAPHS * repeats) + "\n"


@pytest.mark.django_db
def test_identical_sentences_repeated_500_times_give_one_evidence_row_per_event():
    article, created = services.add_article(wire_copy(500), source_name="wire.txt")
    assert created
    services.update_timeline(changed=[article])
    # Every sentence is stored (each copy keeps its anchor in the article page) ...
    assert Sentence.objects.filter(article=article).count() == len(PARAGRAPHS) * 500
    events = list(Event.objects.visible())
    assert {e.type for e in events} >= {"establish_relations", "expel_withdraw"}, events
    # ... but a sentence told again word for word is one source, cited once: its first copy.
    for event in events:
        cited = list(Evidence.objects.filter(event=event).values_list("sentence__index", flat=True))
        assert cited and all(index < len(PARAGRAPHS) for index in cited), (event.title, cited)
    # The restoration twice (two sentences), the expulsion, and "the move" naming it again.
    assert Evidence.objects.count() == 4


def test_a_sentence_repeated_with_other_spacing_is_still_one_source():
    text = HEADER + PARAGRAPHS[0] + "\n\n" + PARAGRAPHS[0].replace(" ", "  ") + "\n"
    result = build_timeline([DocInput(key="a", text=text)])
    (event,) = [e for e in result.events if e.type == "establish_relations"]
    assert [(r.article, r.sentence) for r in event.evidence] == [("a", 0)]


def _work(repeats: int, monkeypatch) -> dict[str, int]:
    """Calls of the clause mapper, and item comparisons of the clustering (each test of
    an item against a happening counts the happening's items), for one article."""
    counts = {"clauses mapped": 0, "items compared": 0}

    def counting(fn, key, weigh):
        def wrapper(*args, **kwargs):
            counts[key] += weigh(*args)
            return fn(*args, **kwargs)

        return wrapper

    with monkeypatch.context() as patch:
        patch.setattr(
            "timeline.extraction.discourse.map_clause",
            counting(mapper.map_clause, "clauses mapped", lambda *a: 1),
        )
        for name in ("_fits", "_undated_can_join", "_attach_score"):
            fn = getattr(clustering, name)
            patch.setattr(
                clustering, name, counting(fn, "items compared", lambda i, c, *a: len(c.items))
            )
        document._cache.clear()
        build_timeline([DocInput(key="wire", text=wire_copy(repeats))])
    return counts


def test_the_work_on_one_article_grows_at_most_linearly_with_its_sentences(monkeypatch):
    small, large = _work(100, monkeypatch), _work(200, monkeypatch)
    assert small["clauses mapped"] > 0 and small["items compared"] > 0, small
    for key in small:
        assert large[key] <= 2 * small[key], (key, small[key], large[key])
