"""The literal prefilter only ever rules out texts a pattern cannot match."""

import re

import pytest

from timeline.extraction import literals
from timeline.extraction.frames import frames


def _rules_out(pattern: re.Pattern, text: str) -> bool:
    need = literals.required(pattern)
    found = literals.held(literals.folded(text), need or frozenset())
    return literals.rules_out(need, found)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # Either list is certain; of two as long, the first is kept.
        (r"\b(?:expel(?:s|led)?|recall(?:ed)?)\b\s+envoys?", {"expel", "recall"}),
        (r"\bexpelled\s+(?:the\s+)?envoys?", {"expelled"}),  # the longest is kept
        (r"(?:formally\s+)?\bvisit(?:ed|s)?\b", {"visit"}),
        (r"\b(?:meet|talks?)\b", {"meet", "talk"}),
        (r"(?:a|b)?xy", None),  # nothing of three letters is certain
        (r"\bties\b|\bon\b", None),  # one alternative too short to tell anything
    ],
)
def test_required_strings(pattern, expected):
    found = literals.required(re.compile(pattern, re.I))
    assert found == (frozenset(expected) if expected else None)


def test_case_is_ignored_only_as_the_pattern_says():
    pattern = re.compile(r"\bembass(?:y|ies)\b", re.I)
    assert not _rules_out(pattern, "The EMBASSY closed.")
    assert _rules_out(pattern, "The consulate closed.")


def test_letters_ignore_case_equates_are_never_ruled_out():
    # "ſ" (long s) matches "s" under re.I although str.lower keeps it apart.
    pattern = re.compile(r"visit", re.I)
    text = "The viſit ended."
    assert pattern.search(text)
    assert literals.folded(text) is None
    assert not _rules_out(pattern, text)


SENTENCES = [
    "Peru expelled Chile's ambassador on Monday.",
    "The two countries agreed to restore diplomatic relations after talks in Geneva.",
    "Officials said the embassy would reopen next month, the ministry announced.",
    "Ruritania recalled its envoy and suspended the treaty.",
    "The president met his counterpart and they signed a trade agreement.",
    "Rebels seized the capital as the regime collapsed.",
]


def test_no_frame_trigger_is_ruled_out_where_it_matches():
    checked = 0
    for frame in frames().values():
        for trigger in frame.triggers:
            for text in SENTENCES:
                if trigger.regex.search(text):
                    checked += 1
                    assert not _rules_out(trigger.regex, text), trigger.regex.pattern
    assert checked > 5


def _gold_sentences() -> list[str]:
    """The sentences of the tuned gold articles given inline (never the frozen sets')."""
    import json
    from pathlib import Path

    found = []
    for path in sorted((Path(__file__).parents[1] / "gold").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("split") == "frozen":
            continue
        for article in data["articles"].values():
            found += re.split(r"(?<=[.!?])\s+", article.get("text") or "")
    return [s for s in found if s]


def test_no_trigger_or_date_rule_is_ruled_out_where_it_matches_in_the_gold_texts():
    from timeline.extraction import temporal

    patterns = [t.regex for fr in frames().values() for t in fr.triggers]
    patterns += [rule[1] for rule in temporal._grammar().rules]
    sentences = _gold_sentences()
    assert len(sentences) > 500
    matched = 0
    for pattern in patterns:
        need = literals.required(pattern)
        if need is None:
            continue
        for text in sentences:
            if pattern.search(text):
                matched += 1
                assert not literals.rules_out(need, literals.held(literals.folded(text), need))
    assert matched > 100
