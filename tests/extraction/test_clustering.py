"""One event per happening across articles: dates told at several precisions, copies that
disagree, sentences pointing back at a happening, people named in several ways."""

from __future__ import annotations

from timeline.extraction.pipeline import build_timeline
from timeline.extraction.types import DocInput


def _dates(event) -> list[str]:
    (conflict,) = [c for c in event.conflicts if c.field == "date"]
    return sorted(value for value, _ in conflict.claims)


def test_days_inside_a_year_win_over_the_year_and_their_disagreement_is_kept():
    year = DocInput("a", "Chile established diplomatic relations with Fiji in 1985.")
    one_day = DocInput("b", "Chile established diplomatic relations with Fiji on 14 October 1985.")
    other_day = DocInput(
        "c", "Fiji and Chile established diplomatic relations on October 16, 1985."
    )
    (event,) = build_timeline([year, one_day, other_day]).events
    assert event.date.edtf == "1985-10-14"  # no day has more support: the earlier one
    assert _dates(event) == ["14 October 1985", "16 October 1985", "1985"]


def test_a_month_and_a_day_inside_it_agree_on_the_day():
    month = DocInput("a", "Peru broke off diplomatic relations with Tonga in March 2011.")
    day = DocInput("b", "Peru broke off diplomatic relations with Tonga on March 3, 2011.")
    (event,) = build_timeline([month, day]).events
    assert event.date.edtf == "2011-03-03"
    assert not [c for c in event.conflicts if c.field == "date"]
