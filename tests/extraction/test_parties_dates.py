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


def test_a_switch_breaks_with_the_first_state_not_the_new_partner():
    for text in (
        "On 2 May 2024 Vanuatu switched recognition from Taipei to Beijing.",
        "Vanuatu is to switch its diplomatic recognition from Taiwan to China, officials said.",
    ):
        (event,) = extract_article(text, published=PUBLISHED).events
        assert event.type == "reduce_relations"
        assert sorted(event.countries) == ["TWN", "VUT"]
        assert "China" not in event.title


def test_the_state_passed_over_is_no_party():
    (event,) = dated(
        "On 2 May 2024 Palau established diplomatic relations with China instead of Taiwan."
    )
    assert sorted(event.countries) == ["CHN", "PLW"]
    assert "Taiwan" not in event.title


def test_a_month_coordinated_with_a_month_of_a_stated_year_takes_that_year():
    events = dated(
        "Chile established diplomatic relations with Fiji and Tonga in March and October 2011, "
        "respectively.",
        published=dt.date(2015, 6, 1),
    )
    assert sorted(e.date.edtf for e in events) == ["2011-03", "2011-10"]


def test_a_month_in_another_clause_keeps_its_own_year():
    from timeline.extraction.temporal import find_timexes
    from timeline.extraction.types import Sentence

    text = "He came in April and left in August 1996."
    (april, _) = find_timexes(text, [Sentence(0, 0, len(text), text)], dt.date(2000, 12, 10))
    assert april.value.edtf == "2000-04"


def test_a_day_planned_in_the_past_tense_lies_ahead_of_the_report():
    from timeline.extraction.temporal import find_timexes
    from timeline.extraction.types import Sentence

    text = "The two governments had signed a communique and planned to announce it on March 2."
    (march,) = find_timexes(text, [Sentence(0, 0, len(text), text)], dt.date(2011, 2, 26))
    assert march.value.edtf == "2011-03-02"


def test_a_yearless_dateline_with_its_weekday_takes_the_first_year_that_fits():
    from timeline.extraction.header import parse_header
    from timeline.extraction.pubdate import dateline_month_day, find_publication_date
    from timeline.extraction.sentences import split_sentences

    text = (
        "url: https://example.org/2019/06/archive-copy.html\n\n"
        "NAIROBI, Kenya, Tuesday, March 9— Kenya and Somalia signed a border accord "
        "yesterday, ending a dispute that flared in 1979."
    )
    header = parse_header(text)
    pub = find_publication_date(text, header, split_sentences(text, header.body_start))
    # 9 March fell on a Tuesday in 1982: not 1979 (a Friday), nor the address's 2019.
    assert pub.value == dt.date(1982, 3, 9)
    assert not pub.certain and dateline_month_day(pub) == (3, 9)


def test_a_seat_stands_for_the_dissolved_state_the_article_is_about():
    from timeline.extraction.countries import find_countries
    from timeline.extraction.sentences import split_sentences

    soviet = (
        "The Soviet Union protested. Moscow expelled two diplomats, and Soviet officials "
        "said the decision was final."
    )
    today = "Russia protested. Moscow expelled two diplomats, Russia's foreign ministry said."
    for text, want in ((soviet, "SUN"), (today, "RUS")):
        found = find_countries(text, split_sentences(text, 0))
        assert [m.key for m in found if m.text == "Moscow"] == [want]


def test_the_date_of_an_object_relative_dates_the_breaking_not_the_restoring():
    text = (
        "Chile formally restored ties with Fiji, restoring ties that Santiago severed in "
        "March 1999."
    )
    (event,) = extract_article(text, published=dt.date(2001, 5, 4)).events
    assert event.type == "establish_relations"
    assert event.date is None  # March 1999 is when the ties were severed


def test_a_visitor_is_never_titled_as_visiting_his_own_country():
    # The only country named is the one visited: who visited is unknown.
    (event,) = dated("Wu began an African tour when he arrived in Nairobi on Monday.")
    assert event.type == "visit" and event.title == "Visit to Nairobi"
    # The visitor's own country is no place he visits.
    (event,) = dated("Kenyan President Amos Otieno visited Kenya's coast on Monday.")
    assert "visits Kenya" not in event.title


def test_a_country_acting_through_its_officials_takes_a_plural_verb():
    (event,) = dated("Peru's foreign minister visited Chile on Monday.")
    assert event.title == "Peru officials visit Chile"


def test_an_announcement_titled_with_the_partner_of_what_it_announced_has_that_partner():
    events = extract_article(
        "Fiji and Peru established diplomatic relations on 2 May 2024. The announcement was "
        "made by the Ministry of Foreign Affairs of Fiji this Friday.",
        published=PUBLISHED,
    ).events
    (announcement,) = [e for e in events if e.type == "announce"]
    assert "with Peru" in announcement.title
    assert announcement.countries[:1] == ["FJI"] and "PER" in announcement.countries


def test_a_cause_told_with_over_names_no_party():
    (event,) = dated(
        "Chile severed diplomatic ties with Peru in 2009 over fighting involving Bolivia."
    )
    assert sorted(event.countries) == ["CHL", "PER"]
    (event,) = dated("On 2 May 2024 Fiji expelled Peru's ambassador over his remarks on Tonga.")
    assert "TON" not in event.countries
