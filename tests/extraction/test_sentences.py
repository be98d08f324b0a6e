"""Sentences with offsets: what is a sentence, and what is page furniture."""

from __future__ import annotations

import pytest

from timeline.extraction.sentences import split_sentences


def texts(text: str) -> list[str]:
    found = split_sentences(text)
    for s in found:
        assert text[s.start : s.end] == s.text
    return [s.text for s in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            " date 2025-03-11  Ruritania opens an embassy\nHeadline",
            ["Ruritania opens an embassy", "Headline"],
        ),
        ("Published: 11 Mar. 2025, 17:03\nFiji said.", ["Fiji said."]),
        (
            "Write : 2018-04-03 16:57:54 Update : 2018-04-03 18:24:09\n\nTonga said.",
            ["Tonga said."],
        ),
        ("Posted on Tuesday, March 5, 2024, 5:03 p.m. EST\nSamoa said.", ["Samoa said."]),
        ("Updated: 2024-03-05 Marines landed.", ["Marines landed."]),
    ],
)
def test_a_pages_date_labels_are_not_sentence_text(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Updated figures were released on Monday.",
        "Date palms grew on 5 March.",
        "March 5, 2024 - Fiji and Tonga signed a treaty.",
        "Published reports on 3 May named the envoy.",
    ],
)
def test_a_sentence_that_merely_starts_with_such_a_word_is_kept(text):
    assert texts(text) == [text]


def test_a_reference_mark_after_the_stop_ends_the_sentence():
    # Encyclopedia and archive pages put footnote marks after the full stop.
    assert texts(
        "Chile opened an office in 1981.[2] Peru and Fiji signed a pact.[3][4] It held."
    ) == [
        "Chile opened an office in 1981.[2]",
        "Peru and Fiji signed a pact.[3][4]",
        "It held.",
    ]
