"""Parties, dates and titles of event candidates: who takes part, when, and how it reads.

Sentences here are written for the tests (none is from a gold set)."""

from __future__ import annotations

import datetime as dt

from timeline.extraction.pipeline import extract_article

PUBLISHED = dt.date(2024, 5, 3)


def dated(text: str, published: dt.date | None = PUBLISHED):
    return [c for c in extract_article(text, published=published).events if c.date]


def test_the_country_of_a_dateline_is_where_the_report_was_filed_not_a_party():
    for dateline in (
        "NAIROBI, Kenya (AP) —",
        "DOHA, Qatar --",
        "PORT OF SPAIN, Trinidad and Tobago —",
    ):
        (event,) = dated(
            f"{dateline} Somalia and Ethiopia agreed Thursday to restore diplomatic relations."
        )
        assert sorted(event.countries) == ["ETH", "SOM"], dateline
        assert "Kenya" not in event.title and "Qatar" not in event.title
