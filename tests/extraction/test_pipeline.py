"""The pipeline: one article, and many articles into one timeline."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import sys
from pathlib import Path

import pytest

from timeline.extraction import pipeline
from timeline.extraction.pipeline import build_timeline, extract_article
from timeline.extraction.types import PUB_INFERRED, DocInput, TimelineEvent

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


def seed_docs() -> list[DocInput]:
    return [DocInput(path.name[:3], path.read_text(encoding="utf-8")) for path in SEEDS]


def signature(result):
    return [
        (
            e.type,
            e.title,
            e.date.edtf if e.date else None,
            tuple((r.article, r.sentence) for r in e.evidence),
        )
        for e in result.events
    ]


def test_extract_article_reads_header_title_date_and_entities():
    text = (
        "title: Chile and Fiji establish ties\npublished: 2024-05-03\n\n"
        "Chilean Foreign Minister Ana Torres and Fiji's Foreign Minister Ratu Kamikamica signed a "
        "joint statement in Suva on Tuesday, establishing diplomatic relations."
    )
    article = extract_article(text, published=dt.date(2024, 5, 3), key="a")
    assert article.title == "Chile and Fiji establish ties"
    assert article.published.value == dt.date(2024, 5, 3)
    assert article.sentences and article.timexes
    assert {m.key for m in article.mentions if m.kind == "country"} >= {"CHL", "FJI"}
    assert any(a.name == "Ana Torres" for a in article.actors)
    (event,) = [e for e in article.events if e.date]
    assert event.type == "establish_relations"
    assert event.date.edtf == "2024-04-30"


def test_title_falls_back_to_the_first_line():
    article = extract_article("Chile and Fiji establish ties\n\nThe two countries agreed.")
    assert article.title == "Chile and Fiji establish ties"


def test_same_happening_in_two_articles_is_one_event_with_every_sentence():
    a = DocInput(
        "a", "Chile and Fiji established diplomatic relations on Tuesday.", dt.date(2024, 5, 2)
    )
    b = DocInput(
        "b", "Fiji and Chile formally established diplomatic ties on April 30.", dt.date(2024, 5, 6)
    )
    (event,) = build_timeline([a, b]).events
    assert event.corroboration == 2
    assert event.date.edtf == "2024-04-30"


def test_headline_and_body_of_one_article_are_one_event():
    text = (
        "Chile and Fiji establish diplomatic relations\n\n"
        "Chile and Fiji established diplomatic relations on Tuesday in Suva."
    )
    (event,) = build_timeline([DocInput("a", text, dt.date(2024, 5, 2))]).events
    assert len(event.evidence) == 2


def test_sources_disagreeing_on_the_year_are_kept_as_a_conflict():
    a = DocInput(
        "a", "Peru established diplomatic relations with Cuba in 2023.", dt.date(2025, 4, 11)
    )
    b = DocInput(
        "b", "Peru established diplomatic relations with Cuba last year.", dt.date(2025, 4, 11)
    )
    (event,) = build_timeline([a, b]).events
    (conflict,) = [c for c in event.conflicts if c.field == "date"]
    assert sorted(value for value, _ in conflict.claims) == ["2023", "2024"]
    assert {ref.article for _, ref in conflict.claims} == {"a", "b"}


def test_sources_disagreeing_on_a_count_are_kept_as_a_conflict():
    a = DocInput(
        "a",
        "Peru established diplomatic relations with Fiji on May 2, 2024, its "
        "191st diplomatic partner.",
    )
    b = DocInput(
        "b",
        "Peru established diplomatic relations with Fiji on May 2, 2024, its "
        "194th diplomatic partner.",
    )
    (event,) = build_timeline([a, b]).events
    (conflict,) = [c for c in event.conflicts if c.field == "count"]
    assert sorted(value for value, _ in conflict.claims) == ["191", "194"]


def test_different_pairs_of_countries_are_different_events():
    a = DocInput("a", "Peru established diplomatic relations with Fiji on May 2, 2024.")
    b = DocInput("b", "Peru established diplomatic relations with Tonga on May 2, 2024.")
    assert len(build_timeline([a, b]).events) == 2


def test_a_country_only_one_source_names_beside_a_happening_is_not_a_party():
    published = dt.date(2024, 5, 3)
    docs = [
        DocInput("a", "Peru broke off diplomatic relations with Fiji on May 2, 2024.", published),
        DocInput(
            "b",
            "Peru severed diplomatic ties with Fiji on May 2, 2024, in a move that will anger "
            "Washington.",
            published,
        ),
        DocInput("c", "On May 2, 2024, Peru broke diplomatic relations with Fiji.", published),
    ]
    (event,) = build_timeline(docs).events
    assert len(event.evidence) == 3
    assert event.countries == ["PER", "FJI"]


def test_a_party_named_by_half_the_sources_stays_a_party():
    published = dt.date(2024, 5, 3)
    docs = [
        DocInput(
            "a",
            "Peru, Chile and Bolivia broke off diplomatic relations with Fiji on May 2, 2024.",
            published,
        ),
        DocInput(
            "b", "Peru and its allies severed diplomatic ties with Fiji on May 2, 2024.", published
        ),
    ]
    (event,) = build_timeline(docs).events
    assert set(event.countries) == {"PER", "CHL", "BOL", "FJI"}
    assert event.countries[:2] == ["PER", "FJI"]


def test_near_copies_of_an_article_are_recognised():
    body = "\n".join(
        f"Sentence number {i} says something about Chile and Fiji relations." for i in range(10)
    )
    copy = body.replace("number 3", "three")
    result = build_timeline(
        [
            DocInput("orig", body),
            DocInput("copy", copy),
            DocInput("other", "A different story about Peru."),
        ]
    )
    assert result.near_duplicates == {"copy": "orig"}


def test_undated_seed_articles_get_their_publication_date_from_the_others():
    result = build_timeline(seed_docs())
    for key in ("000", "001", "003"):
        assert result.articles[key].published.value == dt.date(2025, 4, 11)
        assert result.articles[key].published.source == PUB_INFERRED
    assert result.articles["002"].published.value == dt.date(2025, 3, 11)


def test_seed_relations_are_one_event_reported_by_three_articles():
    result = build_timeline(seed_docs())
    relations = [
        e
        for e in result.events
        if e.type == "establish_relations" and e.countries[:2] == ["KOR", "SYR"]
    ]
    assert len(relations) == 1
    (event,) = relations
    assert event.date.edtf == "2025-04-10"
    assert {r.article for r in event.evidence} >= {"000", "001", "003"}
    assert event.title == "South Korea and Syria establish diplomatic relations"


def test_seed_cuba_year_conflict_is_kept():
    result = build_timeline(seed_docs())
    (cuba,) = [e for e in result.events if "CUB" in e.countries and e.type == "establish_relations"]
    assert cuba.date.edtf == "2024"
    (conflict,) = [c for c in cuba.conflicts if c.field == "date"]
    assert {value for value, _ in conflict.claims} == {"2023", "2024"}


def test_seed_delegation_visit_keeps_its_span():
    result = build_timeline(seed_docs())
    (visit,) = [e for e in result.events if e.type == "visit"]
    assert visit.date.edtf == "2025-02-05/2025-02-07"
    assert visit.title == "Kim Eun-jeong visits Damascus"
    assert {r.article for r in visit.evidence} == {"002", "004"}


def test_event_actors_use_the_merged_actor_keys():
    result = build_timeline(seed_docs())
    keys = {a.key for a in result.actors}
    for event in result.events:
        assert set(event.actors) <= keys
    for article in result.articles.values():
        assert {a.key for a in article.actors} <= keys


def test_build_timeline_is_deterministic():
    pipeline._cache.clear()
    first = signature(build_timeline(seed_docs()))
    pipeline._cache.clear()
    second = signature(build_timeline(seed_docs()))
    assert first == second
    reordered = build_timeline(list(reversed(seed_docs())))
    assert {(t, title, d) for t, title, d, _ in signature(reordered)} == {
        (t, title, d) for t, title, d, _ in first
    }


def test_rebuilding_the_corpus_reads_no_article_again(monkeypatch):
    # Counted, not timed: a wall-clock comparison of two runs of a third of a second
    # fails on a busy machine whatever the code does.
    from timeline.extraction import document

    reads = []
    original = document._build
    monkeypatch.setattr(document, "_build", lambda *a: reads.append(a) or original(*a))
    pipeline._cache.clear()
    build_timeline(seed_docs())
    cold = len(reads)
    build_timeline(seed_docs())
    assert cold >= len(seed_docs())
    assert len(reads) == cold  # the second build re-read nothing: per-article work is cached


def test_the_two_countries_are_the_pair_the_article_is_about():
    text = (
        "Iran and Saudi Arabia agreed on Friday to restore diplomatic relations.\n"
        "The two countries released a joint communique on Friday in Beijing."
    )
    (event,) = build_timeline([DocInput("a", text, dt.date(2023, 3, 11))]).events
    assert set(event.countries) >= {"IRN", "SAU"}
    assert len(event.evidence) == 2


def test_an_agreement_to_restore_relations_and_the_embassy_reopened_later_are_two_events():
    agreement = DocInput(
        "a",
        "Chile and Fiji agreed on Friday to restore diplomatic relations and reopen embassies.",
        dt.date(2023, 3, 11),
    )
    reopening = DocInput(
        "b",
        "Chile reopened on Tuesday its embassy in Fiji, three months after the agreement.",
        dt.date(2023, 6, 7),
    )
    events = build_timeline([agreement, reopening]).events
    assert sorted((e.type, e.date.edtf) for e in events) == [
        ("establish_relations", "2023-03-10"),
        ("establish_relations", "2023-06-06"),
    ]


def test_an_undated_article_is_dated_by_the_articles_sharing_its_relative_dates():
    dated_report = DocInput(
        "a",
        "The Philippines and North Korea signed a joint communique on Wednesday, establishing "
        "diplomatic relations.",
        dt.date(2000, 7, 12),
    )
    undated_report = DocInput(
        "b",
        "The Philippines and North Korea signed an agreement Wednesday establishing diplomatic "
        "ties.",
    )
    # Ten years later, with the full date: no help in dating "b", and no harm either.
    recollection = DocInput(
        "c",
        "The Philippines established diplomatic relations with North Korea on July 12, 2000.",
        dt.date(2010, 5, 16),
    )
    result = build_timeline([dated_report, undated_report, recollection])
    assert result.articles["b"].published.value == dt.date(2000, 7, 12)
    (event,) = result.events
    assert event.corroboration == 3


GOLD = Path(__file__).resolve().parents[1] / "gold"


@functools.cache
def scored(name: str):
    """bench/score.py's score of one gold set: the pipeline runs once per set and test run."""
    return _score_module().score(GOLD / name)[0]


@functools.cache
def _score_module():
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "bench" / "score.py"
    spec = importlib.util.spec_from_file_location("bench_score", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _split(path: Path) -> str:
    return json.loads(path.read_text(encoding="utf-8")).get("split", "")


def test_every_gold_set_finds_its_core_events_with_exact_dates_and_no_junk():
    for path in sorted(GOLD.glob("*.json")):
        if path.name.startswith("blind") or path.name in OFFTOPIC_FLOORS or _split(path):
            continue  # measurements on untuned articles: see below
        result = scored(path.name)
        assert result.core_found == result.core_total, (path.name, result.misses)
        assert result.exact_dates >= 0.95 * result.core_found, (path.name, result.wrong_dates)
        assert result.junk == [], (path.name, result.junk)


def test_the_blind_sets_keep_at_least_what_they_reached():
    # Floors (core found, exact dates, most junk), raised as fixes land; each set's first
    # (blind) run is recorded in its gold file.
    for name, (core, exact, junk) in BLIND_FLOORS.items():
        result = scored(name)
        assert result.core_found >= core, (name, result.misses)
        assert result.exact_dates >= exact, (name, result.wrong_dates)
        assert len(result.junk) <= junk, (name, result.junk)


BLIND_FLOORS = {
    "blind.json": (9, 9, 0),
    "blind2.json": (4, 4, 0),
    "blind3.json": (9, 9, 0),
    "blind4.json": (9, 9, 0),
    "blind5.json": (4, 4, 0),
    "blind7.json": (10, 9, 0),
    "blind6.json": (4, 4, 0),
}


def test_the_development_sets_keep_at_least_what_they_reached():
    # Issue #10's development split (tuned on), annotated before its first run, which each
    # file records: floors for core found and exact dates, ceilings for junk, raised as
    # fixes land.
    for name, (core, exact, junk) in DEV_FLOORS.items():
        result = scored(name)
        assert result.core_found >= core, (name, result.misses)
        assert result.exact_dates >= exact, (name, result.wrong_dates)
        assert len(result.junk) <= junk, (name, result.junk)


DEV_FLOORS = {
    "dev_1.json": (8, 7, 0),
    "dev_2.json": (7, 5, 0),
    "dev_3.json": (8, 6, 0),
    "dev_4.json": (12, 10, 0),
    "dev_5.json": (6, 4, 0),
    # gold-dev2's sets, at their first run (2026-12-02, main 89988a4), junk included
    "dev_6.json": (12, 10, 2),
    "dev_7.json": (6, 3, 1),
    "dev_8.json": (10, 6, 0),
    "dev_9.json": (3, 1, 0),
    "dev_10.json": (4, 3, 1),
    # this session's sets, at their first runs (2026-12-02), junk included
    "dev_11.json": (6, 5, 0),
    "dev_12.json": (18, 16, 0),
    "dev_13.json": (7, 4, 0),
    "dev_14.json": (12, 9, 0),
    "dev_15.json": (7, 3, 0),
    "dev_16.json": (3, 2, 0),
    # xi's sets (first run: dev_21 4/4/1, dev_22 6/4/0), after the membership fixes
    "dev_21.json": (8, 7, 0),
    "dev_22.json": (6, 6, 0),
    # xh's sets (first run 2026-12-02: dev_19 9/10 core, 7 exact; dev_20 12/26, 9 exact),
    # at the figures reached after the fixes for them
    "dev_19.json": (10, 9, 0),
    "dev_20.json": (21, 20, 0),  # yb: an undated history page's narrative year (+1, +1)
    # xg's sets (first run 2026-12-02: dev_17 2/7 core, 1 exact; dev_18 16/22, 13), after
    # the fixes for their classes
    # dev_17 exact is 3, not xg's 4: merged with the other fixes, Fiji's suspension takes a
    # source's stated "May 2009" over the news day; letting the day inside win named the
    # reporter's country in the title, and a reporter rule cost frozen figures (left open).
    "dev_17.json": (4, 3, 0),
    # dev_18 exact is 19 merged (xg alone: 20): the 1990 restoration is now typed right, but
    # dated by its report's day, not by the "accord reached Thursday" of another sentence.
    "dev_18.json": (21, 19, 0),
    # xn's set (almanac pages, communiques), after its fixes (first run: 18, 10, 0)
    "dev_23.json": (19, 17, 0),
}


def test_the_frozen_sets_keep_at_least_their_first_run():
    # The frozen test set: floors from its first run, before any change made for it (each
    # gold file keeps that run and every recorded one). Only aggregate figures are compared
    # or shown: nobody who tunes the extractor may read why a frozen set fails.
    frozen = sorted(path.name for path in GOLD.glob("*.json") if _split(path) == "frozen")
    assert frozen == sorted(FROZEN_FLOORS)
    for name, (core, exact, types, countries, junk) in FROZEN_FLOORS.items():
        got = _score_module().figures(scored(name))
        kept = (
            got.core_found >= core,
            got.exact_dates >= exact,
            got.right_types >= types,
            got.exact_countries >= countries,
            got.junk <= junk,
        )
        assert all(kept), (name, got)


# Floors (core events found, exact date spans, right types, exact party countries) and the
# most junk, per frozen set; raised as fixes land, never lowered.
FROZEN_FLOORS = {
    "frozen_1.json": (14, 13, 12, 9, 0),
    "frozen_2.json": (3, 2, 3, 1, 0),
    "frozen_3.json": (7, 5, 6, 6, 1),
    "frozen_4.json": (5, 3, 3, 3, 0),
    "frozen_5.json": (9, 7, 8, 6, 1),
    "frozen_6.json": (6, 4, 5, 5, 0),
    # part 7, at its first run (2026-12-02, main 9b12496)
    "frozen_7.json": (7, 4, 6, 6, 0),
    "frozen_8.json": (6, 4, 6, 6, 0),
}


def test_off_topic_news_adds_no_more_junk_than_it_reached():
    # Sport, business, court, film, disaster and tourism news naming countries and dates,
    # with two mixed articles: floors for the core events found, ceilings for the junk.
    for name, (core, junk) in OFFTOPIC_FLOORS.items():
        result = scored(name)
        assert result.core_found >= core, (name, result.misses)
        assert len(result.junk) <= junk, (name, result.junk)


OFFTOPIC_FLOORS = {"offtopic.json": (1, 0)}


def test_seed_gold_targets_one_event_per_happening_and_one_actor_per_person():
    result = scored("seeds.json")
    assert all(n == 1 for n in result.multi_source.values()), result.multi_source
    assert all(len(keys) == 1 for keys in result.persons.values()), result.persons
    assert result.conflicts_found == result.conflicts_expected
    # Every matched core event names exactly the gold's party countries.
    assert result.exact_countries == result.core_found, result.wrong_countries


def test_the_other_gold_sets_keep_at_least_their_exact_party_countries():
    # Floors, raised as fixes land: the other sets still miss some (bench/score.py lists them).
    for name, floor in COUNTRY_FLOORS.items():
        result = scored(name)
        assert result.exact_countries >= floor, (name, result.wrong_countries)


COUNTRY_FLOORS = {
    "blind.json": 9,
    "blind2.json": 4,
    "diplomacy.json": 6,
    "fresh.json": 5,
    "heldout.json": 6,
    "blind3.json": 9,
    "blind4.json": 9,
    "blind5.json": 4,
    "blind7.json": 10,
    "blind6.json": 4,
}


def test_the_gold_sets_keep_at_least_their_right_event_types():
    # Floors, raised as fixes land: found core events of the gold's kind of action.
    for name, floor in TYPE_FLOORS.items():
        result = scored(name)
        assert result.right_types >= floor, (name, result.wrong_types)


TYPE_FLOORS = {
    "blind.json": 9,
    "blind2.json": 4,
    "blind3.json": 9,
    "blind4.json": 9,
    "blind5.json": 4,
    "blind7.json": 10,
    "blind6.json": 4,
    "diplomacy.json": 6,
    "fresh.json": 4,
    "heldout.json": 6,
    "seeds.json": 12,
}


def _tiny_gold(tmp_path: Path, split: str) -> Path:
    gold = {
        "name": "tiny",
        "split": split,
        "articles": {
            "a": {
                "text": "published: 2021-03-05\n\nChile and Ghana established diplomatic "
                "relations on March 3, 2021. The weather in Accra was warm."
            }
        },
        "events": [
            {
                "id": "cl-gh-ties",
                "core": True,
                "type": "establish_relations",
                "date": {"start": "2021-03-03", "end": "2021-03-03", "precision": "day"},
                "countries": ["CHL", "GHA"],
                "evidence": [
                    {"article": "a", "quote": "Chile and Ghana established diplomatic relations"}
                ],
            },
            {
                "id": "hidden-miss",
                "core": True,
                "type": "meet",
                "date": {"start": "2021-03-04", "end": "2021-03-04", "precision": "day"},
                "countries": ["CHL", "GHA"],
                "evidence": [
                    {"article": "a", "quote": "The weather in Accra was warm."},
                    {"article": "a", "quote": "a quote in no sentence"},
                ],
            },
        ],
    }
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


def test_a_frozen_set_shows_only_its_aggregate_figures(tmp_path, capsys):
    score = _score_module()
    score.main([str(_tiny_gold(tmp_path, "dev")), "--events"])
    tuned = capsys.readouterr().out
    assert "missed: hidden-miss" in tuned and "a quote in no sentence" in tuned
    assert "Chile" in tuned  # the predicted events

    score.main([str(_tiny_gold(tmp_path, "frozen")), "--events"])
    frozen = capsys.readouterr().out
    assert "core events found       1/2" in frozen
    assert "gold quotes not found   1" in frozen
    assert "all frozen sets combined (1 set)" in frozen
    for secret in ("hidden-miss", "a quote in no sentence", "Chile", "2021"):
        assert secret not in frozen


def test_record_appends_the_aggregate_figures_of_a_frozen_run(tmp_path, capsys):
    path = _tiny_gold(tmp_path, "frozen")
    score = _score_module()
    score.main([str(path), "--record"])
    score.main([str(path), "--record"])
    capsys.readouterr()
    runs = json.loads(path.read_text(encoding="utf-8"))["runs"]
    assert len(runs) == 2
    assert runs[0]["date"] == dt.date.today().isoformat()
    assert re.fullmatch(r"[0-9a-f]{7,}(\+dirty)?", runs[0]["commit"])
    assert (runs[0]["core_found"], runs[0]["core_total"], runs[0]["quotes_missing"]) == (1, 2, 1)


@pytest.mark.parametrize(
    ("title", "countries", "why"),
    [
        ("Kuwait and Chile establish diplomatic relations", ["KWT", "CHL"], ""),
        ("Qatar and Chile establish diplomatic relations", ["KWT", "CHL"], "names Qatar"),
        ("Kuwait visits Kuwait City", ["KWT"], "own country"),
        ("Kuwait visits Santiago", ["KWT", "CHL"], ""),
        ("Ana Torres visits Peru", ["PER"], "own country"),  # a Peruvian minister
        ("Santiago Pérez meets Ana Torres", ["PER"], ""),  # a name, not Chile's capital
    ],
)
def test_score_counts_titles_that_mislead(title, countries, why):
    score = _score_module()
    event = TimelineEvent("visit", title, None, "", True, countries, [], [])
    found = score.misleading_title(event, {"Ana Torres": "PER", "Santiago Pérez": ""})
    assert (why in found) if why else found == ""


def test_sources_disagreeing_on_a_name_are_kept_as_a_conflict():
    statement = (
        "Peruvian Foreign Minister Ana Torres and Syrian Foreign Minister {} signed a joint "
        "statement establishing diplomatic relations in Lima on May 2, 2024."
    )
    a = DocInput("a", statement.format("Ahmad al-Shaybani"))
    b = DocInput("b", statement.format("Asaad al-Shaibani"))
    result = build_timeline([a, b])
    (event,) = result.events
    (conflict,) = [c for c in event.conflicts if c.field == "name"]
    assert {value for value, _ in conflict.claims} == {"Ahmad al-Shaybani", "Asaad al-Shaibani"}
    assert len([x for x in result.actors if x.kind == "person" and "Torres" not in x.name]) == 1


def test_an_alias_told_in_one_article_is_not_a_name_conflict():
    text = (
        "In December 2024, US officials met with rebel leader Ahmed Karim al-Hadi - widely known "
        "by his fighter name Abu Omar al-Tayyar."
    )
    (event,) = build_timeline([DocInput("a", text)]).events
    assert not [c for c in event.conflicts if c.field == "name"]


# --- explanations people read: articles by label, happenings by name, never keys ----------

HASH_A = "7abf98a3" + "0" * 31 + "1"
HASH_B = "e12db35d" + "0" * 31 + "2"
KEYISH = re.compile(r"\b[0-9a-f]{12,}\b|\bh\d+:\w+|#\d+")


def test_the_date_rule_names_the_article_by_its_label_and_the_sentence_by_its_number():
    doc = DocInput(
        HASH_A,
        "Chile and Fiji build ties\n\nThe talks went well. "
        "Chile established diplomatic relations with Fiji in 1971.",
        label="Chile and Fiji build ties",
    )
    (event,) = build_timeline([doc]).events
    assert event.date_rule == "stated: ‘1971’ in “Chile and Fiji build ties” (sentence 3)"


def test_without_a_label_the_article_is_named_by_its_title():
    doc = DocInput(HASH_A, "title: Ties at last\n\nChile established relations with Fiji in 1971.")
    (event,) = build_timeline([doc]).events
    assert "“Ties at last”" in event.date_rule
    assert HASH_A not in event.date_rule


def test_long_labels_are_cut_at_a_word_and_equal_labels_stay_apart():
    long = "Chile and Fiji " + "establish very long lasting and friendly relations " * 3
    a = DocInput(HASH_A, "Chile established relations with Fiji in 1971.", label=long)
    b = DocInput(HASH_B, "Chile established relations with Tonga in 1972.", label=long)
    labels = pipeline._labels(
        [a, b],
        {k: pipeline._read(d.text, pipeline._stated(d)) for k, d in ((HASH_A, a), (HASH_B, b))},
        [HASH_A, HASH_B],
    )
    assert labels[HASH_A].endswith("…") and len(labels[HASH_A]) <= pipeline.LABEL_LENGTH
    assert labels[HASH_B] == labels[HASH_A] + " (2)"


def _signing_story() -> list[DocInput]:
    """A dated article and an undated one date the same happening relative to their own dates."""
    dated = DocInput(
        HASH_B,
        "Chile and Fiji established diplomatic relations on Thursday, officials said.",
        dt.date(2025, 4, 11),
        label="Chile and Fiji build ties",
    )
    undated = DocInput(
        HASH_A,
        "Chile and Fiji established diplomatic relations on the 10th, the ministry said.",
        label="Chile and Fiji establish ties",
    )
    return [dated, undated]


def test_inference_evidence_names_articles_and_happenings_as_people_know_them():
    result = build_timeline(_signing_story())
    pub = result.articles[HASH_A].published
    assert pub.source == PUB_INFERRED
    assert "“Chile and Fiji build ties”" in pub.evidence
    assert "(Chile and Fiji establish diplomatic relations)" in pub.evidence
    assert not KEYISH.search(pub.evidence), pub.evidence
    for event in result.events:
        assert not KEYISH.search(event.date_rule), event.date_rule


def test_no_key_appears_in_any_explanation_of_the_seed_timeline():
    docs = [
        DocInput(f"{i:02d}" + "c0ffee" * 6 + "ab", d.text, label=f"Seed story {i}")
        for i, d in enumerate(seed_docs())
    ]
    result = build_timeline(docs)
    texts = [e.date_rule for e in result.events] + [
        a.published.evidence for a in result.articles.values()
    ]
    assert any("“Seed story" in t for t in texts)
    for text in texts:
        assert not KEYISH.search(text), text
        assert not any(d.key in text for d in docs), text


def test_happening_names_are_unique_even_when_titles_repeat():
    a = DocInput(
        "a",
        "Chile established diplomatic relations with Fiji in 1971. "
        "Chile established diplomatic relations with Fiji again in 1990.",
    )
    read = pipeline._read(a.text, pipeline._stated(a))
    clusters = pipeline.cluster_items(pipeline._items({"a": read}, ["a"], {"a": {}}), {})
    names = pipeline._happening_names(clusters, {})
    assert len(names) == len(set(names)) == len(clusters) >= 2
    assert all(not KEYISH.search(n) for n in names)


# --- how sure a date is ------------------------------------------------------------------


def _event(result, type_code: str, year: int):
    (event,) = [e for e in result.events if e.type == type_code and e.date.start.year == year]
    return event


def test_a_year_stated_outright_is_certain_even_when_the_publication_date_is_inferred():
    result = build_timeline(seed_docs())
    assert result.articles["000"].published.source == PUB_INFERRED
    assert _event(result, "armed_conflict", 2011).date_certain
    (ties,) = [e for e in result.events if e.date and e.date.edtf == "1966"]
    assert ties.date_certain


def test_a_date_resolved_against_an_inferred_publication_date_is_uncertain():
    result = build_timeline(seed_docs())
    assert result.articles["000"].published.source == PUB_INFERRED
    lone = [
        e for e in result.events if "not certain" in e.date_rule and "agreed by" not in e.date_rule
    ]
    assert lone
    assert not any(e.date_certain for e in lone)


def test_a_date_several_articles_agree_on_is_certain_though_each_inferred_its_publication_date():
    result = build_timeline(seed_docs())
    (event,) = [
        e for e in result.events if e.type == "establish_relations" and e.date.edtf == "2025-04-10"
    ]
    assert "not certain" in event.date_rule and "agreed by 3 articles" in event.date_rule
    assert event.date_certain
    assert sum(not e.date_certain for e in result.events) <= 4


def test_a_date_an_article_with_a_known_date_agrees_on_is_certain():
    result = build_timeline(_signing_story())
    assert result.articles[HASH_A].published.source == PUB_INFERRED
    (event,) = result.events
    assert event.date.edtf == "2025-04-10"
    assert event.date_certain


def test_a_date_resolved_against_a_header_date_is_certain():
    doc = DocInput(
        "a", "Chile and Fiji established diplomatic relations on Tuesday.", dt.date(2024, 5, 2)
    )
    (event,) = build_timeline([doc]).events
    assert event.date.edtf == "2024-04-30"
    assert event.date_certain


def test_a_date_resolved_against_a_dated_line_is_certain():
    text = (
        "Chile and Fiji build ties\n\nPublished: 2 May 2024, 10:03\n\n"
        "Chile and Fiji established diplomatic relations on Tuesday."
    )
    (event,) = build_timeline([DocInput("a", text)]).events
    assert event.date.edtf == "2024-04-30"
    assert event.date_certain


def test_a_date_resolved_against_a_guessed_year_is_uncertain():
    text = (
        "SANTIAGO, May 2 (AP) -- The ministry spoke.\n\n"
        "Chile and Fiji established diplomatic relations on Tuesday. "
        "Chile joined the Pacific Islands Forum as an observer in 2024."
    )
    result = build_timeline([DocInput("a", text)])
    assert not result.articles["a"].published.certain
    (event,) = [e for e in result.events if e.type == "establish_relations"]
    assert event.date.edtf == "2024-04-30"
    assert not event.date_certain


def test_sources_disagreeing_on_the_date_make_it_uncertain():
    a = DocInput("a", "Peru established diplomatic relations with Cuba in 2023.")
    b = DocInput("b", "Peru established diplomatic relations with Cuba in 2024.")
    (event,) = build_timeline([a, b]).events
    assert [c.field for c in event.conflicts] == ["date"]
    assert not event.date_certain
    a_alone = build_timeline([a]).events[0]
    assert a_alone.date_certain


# --- article titles when the header has none ----------------------------------------------


def _title_of(text: str) -> str:
    return extract_article(text).title


def test_a_photo_caption_with_a_credit_is_not_the_title():
    text = (
        "Ministers of Chile and Fiji pose for a photo after signing the joint statement on "
        "relations between the two countries./Courtesy of Ministry of Foreign Affairs\n\n"
        "Chile has officially established diplomatic relations with Fiji, a Pacific island "
        "state. Among the countries of the region, Fiji was the last without relations.\n"
    )
    assert _title_of(text) == (
        "Chile has officially established diplomatic relations with Fiji, a Pacific island state."
    )


def test_bracketed_and_parenthesised_photo_credits_mark_captions():
    for caption in (
        "Ana Torres, left, meets her Fijian counterpart in Suva on May 2. [FOREIGN MINISTRY]",
        "Ana Torres meets her Fijian counterpart in Suva [PHOTO]",
        "Ana Torres meets her Fijian counterpart in Suva (AP Photo/Jane Doe)",
        "Ana Torres meets her Fijian counterpart in Suva on Tuesday. Yonhap",
    ):
        assert _title_of(f"{caption}\n\nChile and Fiji agree to open embassies\n\nBody.") == (
            "Chile and Fiji agree to open embassies"
        ), caption


def test_bylines_times_media_lines_and_bare_dates_are_skipped():
    text = (
        "Written by 11:06 AM World\n\nimage\n\nMay 2, 2024\n\nBy Jane Doe\n\n"
        "Published: 2 May 2024, 10:03\n\n"
        "Chile and Fiji agree to open embassies\n\nThe two countries agreed."
    )
    assert _title_of(text) == "Chile and Fiji agree to open embassies"


def test_a_leading_date_and_a_tag_are_stripped_from_the_headline():
    assert (
        _title_of("date 2024-05-02  Chile and Fiji agree to open embassies\n\nBody text here.")
        == "Chile and Fiji agree to open embassies"
    )
    assert (
        _title_of("[Exclusive] Chile and Fiji agree to open embassies\n\nBody text here.")
        == "Chile and Fiji agree to open embassies"
    )
    assert _title_of("[Exclusive]\n\nChile and Fiji agree.\n") == "Chile and Fiji agree."


def test_without_a_headline_the_title_is_the_first_sentence_cut_at_a_word():
    lead = (
        "SANTIAGO, May 2 (AP) -- Chile and Fiji established diplomatic relations on Tuesday "
        "after months of quiet talks between their foreign ministries in New York and in "
        "Canberra, officials from both governments said in a joint statement released late in "
        "the evening. The two countries will open embassies."
    )
    title = _title_of(lead)
    assert title.startswith("Chile and Fiji established diplomatic relations on Tuesday")
    assert title.endswith("…") and len(title) <= 150
    assert not title[:-1].endswith(" ")
    paragraph = (
        "Chile and Fiji established diplomatic relations on Tuesday. The two countries, which "
        "have traded for decades, will open embassies in each other's capitals next year and "
        "hold their first talks in Suva."
    )
    assert _title_of(paragraph) == "Chile and Fiji established diplomatic relations on Tuesday."


def test_a_short_headline_ending_in_a_full_stop_is_kept_before_the_deck():
    text = (
        "Chile established relations with Fiji.\n"
        "The Andean country has formally established ties with the island state\n"
        "Chile has officially established relations with Fiji, officials said on Tuesday."
    )
    assert _title_of(text) == "Chile established relations with Fiji."


def test_seed_titles_are_headlines_not_captions_bylines_or_datelines():
    titles = {d.key: extract_article(d.text).title for d in seed_docs()}
    assert titles["000"] == (
        "South Korea has officially established diplomatic relations with Syria, "
        "a long-time ally of North Korea."
    )
    assert titles["001"] == (
        "South Korea has established diplomatic relations with the new government of Syria."
    )
    assert titles["002"].startswith("South Korea Establishes Diplomatic Relations with Syria")
    assert titles["003"] == (
        "South Korea established diplomatic relations with modern Syrian jihadists."
    )
    assert titles["004"] == (
        "South Korea tentatively agrees to diplomatic ties with Syria, says Foreign Ministry"
    )


def test_labels_are_put_in_the_evidence_as_written():
    from timeline.extraction.types import PublicationDate

    found = PublicationDate(
        dt.date(2025, 4, 10),
        PUB_INFERRED,
        "Inferred: 'Thursday' (x) = 10 April 2025, which matches 'the 10th' in article k1 "
        "(dated 2025-04-11) and in article k12.",
    )
    shown = pipeline._readable(found, {"k1": r"A\1 story about article k12", "k12": "Other"})
    assert shown.evidence == (
        "Inferred: 'Thursday' (x) = 10 April 2025, which matches 'the 10th' in "
        "“A\\1 story about article k12” (dated 2025-04-11) and in “Other”."
    )


def test_datelines_are_not_part_of_the_title():
    assert _title_of(
        "MANILA, July 12 Kyodo\n\nChile and Fiji agree to open embassies\n\nBody."
    ) == ("Chile and Fiji agree to open embassies")
    assert (
        _title_of(
            "(AP) — Chile and Fiji have agreed to open embassies after years of tension.\n"
            "The two countries released a joint statement on Friday."
        )
        == "Chile and Fiji have agreed to open embassies after years of tension."
    )
    assert _title_of(
        "SANTIAGO, Chile (Pacific Examiner / 29 Jul) - Chile and Fiji signed an accord "
        "establishing regular consultations in the political, economic and cultural fields "
        "between their ministries, officials said on Tuesday in the capital."
    ).startswith("Chile and Fiji signed an accord")
    assert (
        _title_of("Suva: The two Pacific neighbours agreed to open embassies after a long dispute.")
        == "The two Pacific neighbours agreed to open embassies after a long dispute."
    )
    assert _title_of("Fiji: the deal explained\n\nBody text.") == "Fiji: the deal explained"


def test_a_yearless_dateline_in_a_text_without_a_year_still_constrains_the_inference():
    # The dateline says Feb. 14; only the other article gives the year.
    yonhap = DocInput(
        "yonhap",
        "SEOUL, Feb. 14 (Yonhap) -- South Korea and Syria established diplomatic relations on "
        "Thursday.",
    )
    dated = DocInput(
        "dated",
        "South Korea and Syria established diplomatic relations on Thursday, officials said on "
        "Friday.",
        dt.date(2025, 4, 11),
    )
    result = build_timeline([yonhap, dated])
    pub = result.articles["yonhap"].published
    # The dateline's Feb. 14 reaches the inference, which then cannot put it on April 11.
    assert pub.source == "dateline"
    assert "February 14" in pub.evidence
    assert pub.value is None or (pub.value.month, pub.value.day) == (2, 14)


def test_an_undated_article_links_to_a_contemporary_report_with_a_full_date():
    undated = DocInput(
        "undated", "Chile and Fiji established diplomatic relations last week, officials said."
    )
    dated = DocInput(
        "dated",
        "Chile and Fiji established diplomatic relations on Feb. 13, 2025, in Suva.",
        dt.date(2025, 2, 14),
    )
    result = build_timeline([undated, dated])
    pub = result.articles["undated"].published
    assert pub.value is not None and pub.source == PUB_INFERRED
    # "last week" must cover Feb. 13, 2025.
    assert dt.date(2025, 2, 17) <= pub.value <= dt.date(2025, 2, 23)


def test_a_yearless_dateline_guessed_from_an_old_year_is_corrected_by_the_other_articles():
    wire = DocInput(
        "wire",
        "Reuters\nLima, March 9: Peru reopened its embassy in Suva on Sunday, three years after "
        "closing it in 2022.",
    )
    dated = DocInput(
        "dated",
        "Peru reopened its embassy in Suva on Sunday, officials said.",
        dt.date(2025, 3, 10),
    )
    result = build_timeline([wire, dated])
    assert result.articles["wire"].published.value == dt.date(2025, 3, 9)
    reopened = [e for e in result.events if e.type == "establish_relations"]
    assert [e.date.edtf for e in reopened] == ["2025-03-09"]


def test_ending_a_boycott_and_resuming_relations_that_month_are_one_event_dated_by_the_day():
    a = DocInput(
        "a",
        "On 5 January 2021 the summit in Chile ended a boycott of Fiji by Peru.",
        dt.date(2021, 2, 1),
    )
    b = DocInput(
        "b",
        "In January 2021, Peru announced at the summit in Chile that it would resume relations "
        "with Fiji.",
        dt.date(2021, 2, 1),
    )
    events = [e for e in build_timeline([a, b]).events if "FJI" in e.countries]
    assert len(events) == 1
    assert events[0].date.edtf == "2021-01-05"
    assert {r.article for r in events[0].evidence} == {"a", "b"}


def test_a_charge_d_affaires_in_apposition_is_a_person():
    article = extract_article(
        "Chile on Tuesday expelled Ramon Duarte, charge d'affaires at the Fijian embassy in "
        "Santiago.",
        published=dt.date(2024, 5, 3),
    )
    assert any(a.name == "Ramon Duarte" and a.kind == "person" for a in article.actors)


def test_a_happening_reported_last_month_is_not_this_weeks_happening():
    # Tit for tat: Chile's expulsion, reported in March, and Peru's answer in April.
    text = (
        "LIMA: Peru said Friday it was expelling two Chilean diplomats, a retaliatory step "
        "after Santiago kicked out two Peruvians last month.\n"
        "Chile said last month that it was expelling two Peruvian diplomats for spying."
    )
    result = build_timeline([DocInput("a", text, dt.date(2024, 4, 6))])
    by_date = {e.date.edtf: e for e in result.events if e.type == "expel_withdraw"}
    assert {r.sentence for r in by_date["2024-04-05"].evidence} == {0}
    assert 1 in {r.sentence for r in by_date["2024-03"].evidence}


def test_an_undated_copy_is_dated_by_a_dated_report_of_the_same_happening_as_just_done():
    # The dated report says "has ordered" under a "Place [Country], Month Day (Agency):"
    # dateline; the undated copy says "on Thursday". The happening is the Thursday on
    # or just before the dated report: 2022-03-10 for a report of Friday 2022-03-11.
    dated = DocInput(
        "dated",
        "title: Peru closes Chile's consulate\npublished: 2022-03-11\n\n"
        "Lima [Peru], March 11 (ANI): The Peruvian government has ordered Chile to close "
        "its consulate in Cusco.\n",
    )
    copy = DocInput(
        "copy",
        "title: Peru tells Chile to close consulate\n\n"
        "Peru has told Chile to close its consulate in Cusco, the foreign ministry said "
        "on Thursday.\n",
    )
    result = build_timeline([dated, copy])
    (event,) = [e for e in result.events if e.type == "reduce_relations"]
    assert {r.article for r in event.evidence} == {"dated", "copy"}
    assert event.date.edtf == "2022-03-10"
    pub = result.articles["copy"].published
    assert (pub.value, pub.source, pub.certain) == (dt.date(2022, 3, 10), PUB_INFERRED, False)


def test_an_expulsion_order_after_an_ultimatum_is_not_the_ultimatum():
    # One article tells the ultimatum ("48 hours to leave", last week) and, undated, the
    # order to expel that followed; another dates that order by its letter ("dated Tuesday").
    first = DocInput(
        "first",
        "title: Peru orders police to expel Fiji's ambassador\npublished: 2024-05-03\n\n"
        "Peru's government has ordered police to expel Fiji's ambassador from the country.\n"
        "Peru gave Fiji's ambassador Ratu Tui 48 hours to leave the country last week.\n",
    )
    second = DocInput(
        "second",
        "title: Peru orders expulsion of Fiji's ambassador\npublished: 2024-05-03\n\n"
        "Peru announced that it has instructed the police to proceed with the expulsion of "
        "Fiji's ambassador.\n"
        "The letter, issued by Peru's foreign ministry and dated Tuesday, stated that the "
        "expulsion decision is irreversible.\n",
    )
    events = [e for e in build_timeline([first, second]).events if e.type == "expel_withdraw"]
    by_date = {e.date.edtf: {(r.article, r.sentence) for r in e.evidence} for e in events}
    assert by_date["2024-04-22/2024-04-28"] == {("first", 1)}  # the ultimatum, last week
    assert ("first", 0) in by_date["2024-04-30"]  # the order, told undated, joins the letter's
    assert ("second", 1) in by_date["2024-04-30"]
