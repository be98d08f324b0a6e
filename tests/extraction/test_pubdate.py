"""Publication dates: stated in the article, or inferred across articles."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from timeline.extraction.header import parse_header
from timeline.extraction.pubdate import (
    Anchor,
    DatingInput,
    dateline_end,
    dateline_month_day,
    find_publication_date,
    infer_publication_dates,
    informative,
    mentioned_years,
    publication_year_hints,
    url_date,
)
from timeline.extraction.sentences import split_sentences
from timeline.extraction.temporal import find_timexes
from timeline.extraction.types import (
    PUB_DATELINE,
    PUB_HEADER,
    PUB_INFERRED,
    PUB_UNKNOWN,
    PublicationDate,
    Sentence,
)


def stated(text: str) -> PublicationDate:
    header = parse_header(text)
    return find_publication_date(text, header, split_sentences(text, header.body_start))


def timex(text: str, expression: str, published: dt.date | None = None):
    """The expression ``expression`` as found in ``text``."""
    found = find_timexes(text, [Sentence(0, 0, len(text), text)], published)
    return next(t for t in found if t.text == expression)


# --- stated in the article -------------------------------------------------------


def test_header_published_field():
    pub = stated("title: Ties\npublished: 2025-04-11\n\nSeoul said on Friday it had set up ties.")
    assert (pub.value, pub.source, pub.certain) == (dt.date(2025, 4, 11), PUB_HEADER, True)
    assert "published" in pub.evidence


def test_header_date_field_in_words():
    pub = stated("url: https://example.org/a\ndate: March 11, 2025\n\nBody.")
    assert (pub.value, pub.source) == (dt.date(2025, 3, 11), PUB_HEADER)


def test_published_line_in_the_body():
    pub = stated(
        "Seoul agrees to ties with Syria\n\nPublished: 11 Mar. 2025, 17:03\nThe government said "
        "Tuesday."
    )
    assert (pub.value, pub.source) == (dt.date(2025, 3, 11), PUB_DATELINE)
    assert "Published: 11 Mar. 2025" in pub.evidence


def test_date_line_without_colon(seed):
    text, header, sentences = seed("004")
    pub = find_publication_date(text, header, sentences)
    assert (pub.value, pub.source, pub.certain) == (dt.date(2025, 3, 11), PUB_DATELINE, True)


def test_published_beats_updated():
    text = "Updated: March 14, 2025\nPublished: March 11, 2025\n\nBody text."
    assert stated(text).value == dt.date(2025, 3, 11)


def test_write_label_beats_a_crawl_date_line():
    # http://world.kbs.co.kr/english/news/news_In_detail.htm?No=135197
    text = (
        " date 2018-04-05 Foreign Ministry in Talks to Arrange Visit by Japanese Foreign "
        "Minister\n\n"
        "Write : 2018-04-03 16:57:54 Update : 2018-04-03 18:24:09\n\n"
        "Seoul's Foreign Ministry said Tuesday that talks are under way with Tokyo."
    )
    assert stated(text).value == dt.date(2018, 4, 3)


def test_dateline_with_year():
    # http://fsmgov.org/fsmun/pr102896.html
    text = (
        "Federated States of Micronesia signs diplomatic relations with Kingdom of Belgium\n\n"
        "NEW YORK, October 28, 1996 (FSM Permanent Mission to the UN) - On Monday, 28 October "
        "1996, "
        "a Joint Communiqué was signed."
    )
    pub = stated(text)
    assert (pub.value, pub.source, pub.certain) == (dt.date(1996, 10, 28), PUB_DATELINE, True)


def test_a_line_that_is_only_a_date_and_time():
    # https://m-en.yna.co.kr/view/AEN20220609006800325
    text = (
        "S. Korean foreign minister to visit U.S. next week\n\n15:14 June 09, 2022\n\nSEOUL, June "
        "9 (Yonhap) -- Park"
    )
    pub = stated(text)
    assert (pub.value, pub.source, pub.certain) == (dt.date(2022, 6, 9), PUB_DATELINE, True)


def test_dateline_without_a_year_stays_uncertain():
    text = (
        "SEOUL, Feb. 14 (Yonhap) -- South Korea and Syria held talks, the ministry said Friday. "
        "Seoul set up ties with Cuba in 2024."
    )
    pub = stated(text)
    assert (pub.source, pub.certain) == (PUB_DATELINE, False)
    assert pub.value == dt.date(2024, 2, 14)  # the year is a guess, and says so
    assert "guess" in pub.evidence
    assert dateline_month_day(pub) == (2, 14)


def test_dateline_without_any_year_has_no_value():
    pub = stated(
        "SEOUL, Feb. 14 (Yonhap) -- South Korea and Syria held talks, the ministry said Friday."
    )
    assert (pub.value, pub.source, pub.certain) == (None, PUB_DATELINE, False)
    assert dateline_month_day(pub) == (2, 14)


def test_no_date_anywhere_is_unknown(seed):
    for prefix in ("000", "001", "002", "003"):
        text, header, sentences = seed(prefix)
        pub = find_publication_date(text, header, sentences)
        assert (pub.value, pub.source) == (None, PUB_UNKNOWN), prefix


def test_a_body_sentence_with_a_date_is_not_a_dateline():
    text = (
        "Seoul and Havana set up ties on February 14, 2024, in New York, officials said in a "
        "statement today."
    )
    assert stated(text).source == PUB_UNKNOWN


# --- helpers for the inference -------------------------------------------------


def test_mentioned_years_and_year_hints(seed):
    text, _header, sentences = seed("002")
    found = find_timexes(text, sentences, None)
    assert mentioned_years(found) == (1967, 1973, 1991, 2003, 2011)
    # "in 22 years since 2003": 2025, or 2026 before the anniversary
    assert publication_year_hints(text, found) == (2025, 2026)


# --- inference across articles ----------------------------------------------------


def _signing_story():
    """A: 'on the 10th' / 'on the 11th'; B: 'on Thursday' / 'on Friday'; C dated, still planned."""
    a = "Seoul said on the 11th that Cho signed the statement in Damascus on the 10th."
    b = "The ministry announced on Friday that Cho signed the statement in Damascus on Thursday."
    c_date = dt.date(2025, 3, 11)
    items = [
        DatingInput(
            "A",
            PublicationDate(None, PUB_UNKNOWN),
            (Anchor("signing", timex(a, "the 10th")), Anchor("announcement", timex(a, "the 11th"))),
        ),
        DatingInput(
            "B",
            PublicationDate(None, PUB_UNKNOWN),
            (Anchor("signing", timex(b, "Thursday")), Anchor("announcement", timex(b, "Friday"))),
        ),
        DatingInput("C", PublicationDate(c_date, PUB_HEADER, "header"), (), planned=("signing",)),
    ]
    return items


def test_undated_articles_are_dated_jointly_from_a_dated_one():
    result = infer_publication_dates(_signing_story())
    assert result["C"] == PublicationDate(dt.date(2025, 3, 11), PUB_HEADER, "header")
    for key in ("A", "B"):
        pub = result[key]
        assert (pub.value, pub.source, pub.certain) == (
            dt.date(2025, 4, 11),
            PUB_INFERRED,
            False,
        ), key
        assert pub.alternatives and all(day > dt.date(2025, 4, 11) for day in pub.alternatives)
    assert "2025-03-11" in result["A"].evidence and "planned" in result["A"].evidence
    assert "'Thursday'" in result["A"].evidence


def test_the_10th_must_be_a_thursday_after_the_planned_date():
    result = infer_publication_dates(_signing_story())
    for day in (result["A"].value, *result["A"].alternatives):
        signing = day.replace(day=10) if day.day >= 10 else None
        assert signing is None or (signing.weekday() == 3 and signing > dt.date(2025, 3, 11))


def test_a_planned_statement_with_a_planned_anchor_date():
    """A dated article plans a visit 'next month'; an undated one reports it done 'last week'."""
    planned_text = "The minister will visit Damascus next month."
    done_text = "Last week, the minister visited Damascus."
    items = [
        DatingInput(
            "dated",
            PublicationDate(dt.date(2025, 1, 20), PUB_HEADER),
            (Anchor("visit", timex(planned_text, "next month", dt.date(2025, 1, 20)), "planned"),),
        ),
        DatingInput(
            "undated",
            PublicationDate(None, PUB_UNKNOWN),
            (Anchor("visit", timex(done_text, "Last week")),),
        ),
    ]
    pub = infer_publication_dates(items)["undated"]
    assert pub.source == PUB_INFERRED
    # last week lies in February 2025: P is in the week after a February week
    assert dt.date(2025, 2, 3) <= pub.value <= dt.date(2025, 3, 9)
    assert pub.value == dt.date(2025, 2, 3)


def test_an_article_with_no_usable_constraint_stays_unknown():
    text = "Cho signed the statement on Thursday."
    items = [
        DatingInput(
            "lonely",
            PublicationDate(None, PUB_UNKNOWN),
            (Anchor("other", timex(text, "Thursday")),),
        ),
        DatingInput("dated", PublicationDate(dt.date(2025, 3, 11), PUB_HEADER), ()),
    ]
    result = infer_publication_dates(items)
    assert (result["lonely"].value, result["lonely"].source) == (None, PUB_UNKNOWN)
    assert result["lonely"].evidence


def test_contradicting_anchors_stay_unknown():
    a = "Cho signed the statement on the 31st."
    items = [
        DatingInput(
            "a", PublicationDate(None, PUB_UNKNOWN), (Anchor("signing", timex(a, "the 31st")),)
        ),
        DatingInput(
            "dated",
            PublicationDate(dt.date(2025, 3, 11), PUB_HEADER),
            (Anchor("signing", timex("Cho signed on March 10, 2025.", "March 10, 2025")),),
        ),
    ]
    result = infer_publication_dates(items)
    assert (result["a"].value, result["a"].source) == (None, PUB_UNKNOWN)
    assert "contradict" in result["a"].evidence


def test_a_single_consistent_day_is_certain():
    a = "Cho signed the statement yesterday."
    items = [
        DatingInput(
            "a", PublicationDate(None, PUB_UNKNOWN), (Anchor("signing", timex(a, "yesterday")),)
        ),
        DatingInput(
            "dated",
            PublicationDate(dt.date(2025, 3, 11), PUB_HEADER),
            (Anchor("signing", timex("Cho signed on March 10, 2025.", "March 10, 2025")),),
        ),
    ]
    pub = infer_publication_dates(items)["a"]
    assert (pub.value, pub.certain, pub.alternatives) == (dt.date(2025, 3, 11), True, ())
    assert "only day" in pub.evidence


def test_year_less_dateline_gets_its_year_from_the_other_articles():
    text = (
        "SEOUL, Feb. 14 (Yonhap) -- The delegation returned from Damascus last week, the ministry "
        "said."
    )
    pub = stated(text)
    items = [
        DatingInput("yonhap", pub, (Anchor("visit", timex(text, "last week")),)),
        DatingInput(
            "dated",
            PublicationDate(dt.date(2025, 3, 11), PUB_HEADER),
            (
                Anchor(
                    "visit",
                    timex(
                        "Kim visited Damascus from Feb. 5 to 7.",
                        "Feb. 5 to 7",
                        dt.date(2025, 3, 11),
                    ),
                ),
            ),
        ),
    ]
    result = infer_publication_dates(items)["yonhap"]
    assert (result.value, result.source) == (dt.date(2025, 2, 14), PUB_INFERRED)
    assert "dateline" in result.evidence


def test_seeds_are_dated_from_the_one_dated_article(seed):
    """The seeds: 004 is dated; 000, 001, 003 report the signing; 002 the decision and the visit."""
    read = {}
    for prefix in ("000", "001", "002", "003", "004"):
        text, header, sentences = seed(prefix)
        pub = find_publication_date(text, header, sentences)
        read[prefix] = (text, pub, find_timexes(text, sentences, pub.value))

    def at(prefix, expression):
        return next(t for t in read[prefix][2] if t.text == expression)

    def item(prefix, anchors, **extra):
        text, pub, found = read[prefix]
        return DatingInput(
            prefix,
            pub,
            tuple(anchors),
            years=mentioned_years(found),
            year_hints=publication_year_hints(text, found),
            **extra,
        )

    items = [
        item(
            "000",
            [
                Anchor("signing", at("000", "the 10th")),
                Anchor("announcement", at("000", "the 11th")),
            ],
        ),
        item(
            "001",
            [
                Anchor("signing", at("001", "Thursday")),
                Anchor("announcement", at("001", "Friday")),
                Anchor("overthrow", at("001", "December")),
            ],
        ),
        item(
            "003",
            [
                Anchor("signing", at("003", "Thursday")),
                Anchor("announcement", at("003", "this Friday")),
            ],
        ),
        item(
            "002",
            [
                Anchor("decision", at("002", "the 11th")),
                Anchor("visit", at("002", "Last month")),
                Anchor("overthrow", at("002", "December 8th last year")),
            ],
            planned=("signing",),
        ),
        item(
            "004",
            [Anchor("visit", at("004", "Feb. 5 to 7")), Anchor("overthrow", at("004", "December"))],
            planned=("signing",),
        ),
    ]
    result = infer_publication_dates(items)
    assert result["004"].value == dt.date(2025, 3, 11) and result["004"].source == PUB_DATELINE
    assert result["002"].value == dt.date(2025, 3, 11)
    for prefix in ("000", "001", "003"):
        assert (result[prefix].value, result[prefix].source) == (
            dt.date(2025, 4, 11),
            PUB_INFERRED,
        ), prefix
        assert not result[prefix].certain


def test_labels_inside_a_line_created_beats_updated():
    # https://www.devdiscourse.com/article/law-order/1537654-russia-advises-us-ambassador-john-sullivan-to-go-home-for-consultations---ifax
    text = (
        "Russia advises U.S. ambassador to go home - IfaxReuters | Moscow | "
        "Updated: 16-04-2021 21:56 IST | Created: 15-04-2021 21:56 IST\n"
        "The Kremlin has suggested that John Sullivan return home for consultations."
    )
    pub = stated(text)
    assert (pub.value, pub.source) == (dt.date(2021, 4, 15), PUB_DATELINE)
    assert pub.evidence == "line 'Created: 15-04-2021 21:56 IST'"


def test_a_weekday_written_with_a_day_of_the_month_rules_out_other_months():
    text = "Cho signed the statement in Damascus on Thursday, the 10th."
    signing = timex(text, "Thursday, the 10th")
    items = [
        DatingInput(
            "undated",
            PublicationDate(None, PUB_UNKNOWN),
            (Anchor("signing", signing),),
            timexes=(signing,),
        ),
        DatingInput(
            "dated", PublicationDate(dt.date(2025, 3, 11), PUB_HEADER), (), planned=("signing",)
        ),
    ]
    pub = infer_publication_dates(items)["undated"]
    assert pub.value == dt.date(2025, 4, 10)  # the first 10th after 11 March that is a Thursday
    for day in pub.alternatives:
        tenth = day.replace(day=10) if day.day >= 10 else None
        assert tenth is None or tenth.weekday() == 3


def test_the_article_s_own_expressions_fill_years_and_year_hints(seed):
    text, _header, sentences = seed("002")
    found = tuple(find_timexes(text, sentences, None))
    visit = next(t for t in found if t.text == "Last month")
    items = [
        DatingInput(
            "002", PublicationDate(None, PUB_UNKNOWN), (Anchor("visit", visit),), timexes=found
        ),
        DatingInput(
            "004",
            PublicationDate(dt.date(2025, 3, 11), PUB_HEADER),
            (
                Anchor(
                    "visit",
                    timex(
                        "Kim visited Damascus from Feb. 5 to 7.",
                        "Feb. 5 to 7",
                        dt.date(2025, 3, 11),
                    ),
                ),
            ),
        ),
    ]
    pub = infer_publication_dates(items)["002"]
    # Every day of March fits "Last month"; the one nearest the dated copy wins.
    assert (pub.value, pub.source) == (dt.date(2025, 3, 11), PUB_INFERRED)
    assert dt.date(2025, 3, 1) in pub.alternatives
    assert "implies the year 2025 or 2026" in pub.evidence


def test_agency_dateline_in_parentheses_and_a_byline_with_a_clock_time():
    # https://www.urdupoint.com/en/world/chinese-s-korean-diplomats-to-discuss-coope-773557.html
    title = "Chinese, S. Korean Diplomats To Discuss Cooperation Next Week - Reports\n\n"
    byline = "Sumaira FH 3 minutes ago Thu 28th November 2019 | 03:18 PM\n\n"
    body = (
        "MOSCOW (UrduPoint News / Sputnik - 28th November, 2019) Chinese Foreign Minister Wang Yi "
        "and his counterpart from Seoul will hold a meeting next week."
    )
    pub = stated(title + body)
    assert (pub.value, pub.evidence) == (
        dt.date(2019, 11, 28),
        "dateline 'MOSCOW (UrduPoint News / Sputnik - 28th November, 2019)'",
    )
    pub = stated(title + byline + "Wang Yi and Kang Kyung-wha will meet next week.")
    assert (pub.value, pub.source) == (dt.date(2019, 11, 28), PUB_DATELINE)


def test_a_search_window_reaching_past_year_9999_does_not_raise():
    # An editor may type any date up to 9999-12-31; the window then runs to 10000.
    a = "Cho signed the statement yesterday."
    items = [
        DatingInput(
            "a", PublicationDate(None, PUB_UNKNOWN), (Anchor("signing", timex(a, "yesterday")),)
        ),
        DatingInput(
            "dated",
            PublicationDate(dt.date(9999, 12, 30), "editor"),
            (Anchor("signing", timex("Cho signed on Dec. 30.", "Dec. 30", dt.date(9999, 12, 30))),),
        ),
    ]
    pub = infer_publication_dates(items)["a"]
    assert (pub.value, pub.source) == (dt.date(9999, 12, 31), PUB_INFERRED)


def test_year_hints_past_the_calendar_leave_the_article_undated():
    text = "It came 9000 years since 1966, and Cho signed the statement yesterday."
    found = find_timexes(text, [Sentence(0, 0, len(text), text)], None)
    items = [
        DatingInput(
            "a",
            PublicationDate(None, PUB_UNKNOWN),
            (Anchor("signing", timex(text, "yesterday")),),
            year_hints=publication_year_hints(text, found),
        ),
        DatingInput(
            "dated",
            PublicationDate(dt.date(2025, 3, 11), PUB_HEADER),
            (Anchor("signing", timex("Cho signed on March 10, 2025.", "March 10, 2025")),),
        ),
    ]
    assert publication_year_hints(text, found) == (10966, 10967)
    assert infer_publication_dates(items)["a"].value is None


def test_a_yearless_dateline_with_a_number_in_the_agency_keeps_its_month_and_day():
    # "(News 1)" looked like the "(February 14)" note and raised ValueError.
    text = (
        "SEOUL, Feb. 14 (News 1) -- South Korea and Syria established relations on Thursday.\n"
        "Syria broke ties in 2011.\n"
    )
    pub = stated(text)
    assert (pub.source, pub.certain) == (PUB_DATELINE, False)
    assert dateline_month_day(pub) == (2, 14)


def test_a_yearless_dateline_on_feb_29_says_the_mentioned_year_lacks_that_day():
    pub = stated("PARIS, Feb. 29 -- France and Chile signed an accord. Talks began in 2023.\n")
    assert (pub.value, pub.source, pub.certain) == (None, PUB_DATELINE, False)
    assert pub.evidence.endswith("the latest year the text mentions, 2023, has no such day")
    assert dateline_month_day(pub) == (2, 29)


def test_the_inference_does_not_depend_on_the_order_of_the_articles():
    # Two undated copies date each other: which one is dated first (and binds the
    # other) used to follow the input order.
    text = "South Korea and Syria established relations on Thursday. Ties were cut in 1990."
    items = [
        DatingInput(
            key,
            PublicationDate(None, PUB_UNKNOWN),
            (Anchor("establish", timex(text, "Thursday")),),
            years=(1990,),
        )
        for key in ("copy-a", "copy-b")
    ]
    forward = infer_publication_dates(items)
    backward = infer_publication_dates(items[::-1])
    assert forward == backward
    assert forward["copy-a"].value == forward["copy-b"].value == dt.date(1990, 1, 4)


def test_a_dateline_with_the_place_in_title_case_and_a_colon():
    pub = stated(
        "Reuters\nLima, March 9: Peru reopened its embassy in Suva on Sunday, three years after "
        "closing it in 2022."
    )
    assert pub.source == PUB_DATELINE
    assert dateline_month_day(pub) == (3, 9)
    assert pub.value == dt.date(2022, 3, 9)  # a guess from the only year, and uncertain
    assert pub.certain is False


def test_a_title_case_sentence_opening_is_not_a_dateline():
    for text in (
        "On Monday, March 9 - the day of the vote - Peru reopened its embassy.",
        "However, March 9: that is when Peru reopened its embassy.",
    ):
        assert stated(text).source == PUB_UNKNOWN, text


def test_a_date_line_with_a_space_before_its_comma():
    pub = stated("November 23 , 1998\nLIMA, Nov 21 (Reuters) - Peru and Fiji set up ties.")
    assert (pub.value, pub.source) == (dt.date(1998, 11, 23), PUB_DATELINE)


def test_a_dateline_with_the_agency_between_slashes_after_a_full_stop():
    pub = stated("LIMA, March 9. /TASS/: Peru's ambassador has been recalled from Fiji.")
    assert (pub.value, pub.source, pub.certain) == (None, PUB_DATELINE, False)
    assert dateline_month_day(pub) == (3, 9)
    # The dateline is not part of the first sentence's place or date.

    text = "LIMA, March 9. /TASS/: Peru's ambassador has been recalled from Fiji."
    assert text[dateline_end(text) :].strip().startswith("Peru's ambassador")


def test_a_dateline_with_the_country_in_square_brackets():
    # "Place [Country], Month Day (Agency):", as some agencies print it.
    text = "Lima [Peru], March 9 (ANI): Peru has recalled its ambassador from Fiji."
    pub = stated(text)
    assert pub.source == PUB_DATELINE
    assert dateline_month_day(pub) == (3, 9)
    assert text[dateline_end(text) :].strip().startswith("Peru has recalled")
    upper = "LIMA [Peru], March 9, 2022 (ANI): Peru has recalled its ambassador from Fiji."
    assert (stated(upper).value, stated(upper).source) == (dt.date(2022, 3, 9), PUB_DATELINE)


def test_a_happening_a_dated_article_reports_as_just_done_pins_an_undated_copy():
    # The dated article: "Peru has expelled ..." with no date, published 2022-03-11 (a
    # Friday): it happened on that day or in the week before. The undated copy says
    # "on Tuesday": only 2022-03-08 is a Tuesday in that week, so the copy dates from
    # then or the days after (the earliest is chosen, the others kept).
    weekday = timex("Peru expelled Chile's ambassador on Tuesday.", "Tuesday")
    dated = DatingInput(
        "dated",
        PublicationDate(dt.date(2022, 3, 11), PUB_HEADER),
        (),
        recent=("expulsion",),
    )
    copy = DatingInput("copy", PublicationDate(None, PUB_UNKNOWN), (Anchor("expulsion", weekday),))
    found = infer_publication_dates([dated, copy])["copy"]
    assert (found.value, found.source, found.certain) == (dt.date(2022, 3, 8), PUB_INFERRED, False)
    assert found.alternatives[0] == dt.date(2022, 3, 9)
    assert max(found.alternatives) == dt.date(2022, 3, 14)  # still 8 March as "Tuesday"
    # Without the report of it as just done, nothing ties the copy down.
    undone = replace(dated, recent=())
    assert infer_publication_dates([undone, copy])["copy"].value is None


# --- the date in the article's address -----------------------------------------------------


@pytest.mark.parametrize(
    ("url", "year", "month", "day"),
    [
        ("https://example.org/news/2024/01/28/chad-quits-the-bloc/", 2024, 1, 28),
        ("https://example.org/news/2003-11-29/fiji-cuts-ties/97836", 2003, 11, 29),
        ("http://example.org/archives/la-xpm-1987-08-03-mn-532-story.html", 1987, 8, 3),
        ("http://example.org/news/202401/24/content_WS65b30.html", 2024, 1, 24),
        ("https://example.org/newspapers/CHP19790102.2.54", 1979, 1, 2),
        ("https://example.org/news/peru-opens-office20211119031404", 2021, 11, 19),
        ("https://example.org/article/10/31/2023/peru-ends-ties", 2023, 10, 31),
        ("https://example.org/2019/1/5/story", 2019, 1, 5),
        ("http://example.org/english/2002/Jul/37319.htm", 2002, 7, None),
        ("https://example.org/2016/12/peru-and-fiji", 2016, 12, None),
        ("https://example.org/archive/1998/peru.html", 1998, None, None),
    ],
)
def test_a_date_in_the_article_s_address(url, year, month, day):
    found = url_date(url)
    assert (found.year, found.month) == (year, month)
    assert found.day == (dt.date(year, month, day) if day else None)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/blog/40-years-of-ties/?ajaxCalendar=1&mo=4&yr=2024",
        "https://example.org/Article/196/698/21049.html",
        "https://example.org/a/1101757.html",
        "https://999example.com/peru-fiji-ties/",
        "https://example.org/story/5611704848803/",
        "",
        "http://[::1/2024/01/28/",  # not an address at all
    ],
)
def test_no_date_in_an_address_without_one_nor_in_its_query_string(url):
    assert url_date(url) is None


def test_an_impossible_day_in_an_address_leaves_its_month():
    found = url_date("https://example.org/2024/02/30/story")
    assert (found.year, found.month, found.day) == (2024, 2, None)


def test_the_address_dates_an_article_with_no_date_line():
    pub = stated("url: https://example.org/news/2024/01/28/chad/\n\nChad quit the bloc on Sunday.")
    assert (pub.value, pub.source, pub.certain) == (dt.date(2024, 1, 28), PUB_HEADER, True)
    assert "address" in pub.evidence
    # A "Published:" line in the text is trusted above it; an "Updated:" line below it.
    text = "url: https://example.org/2024/01/29/chad/\n\nPublished: 28 Jan. 2024\nChad quit."
    assert stated(text).value == dt.date(2024, 1, 28)
    text = "url: https://example.org/2024/01/29/chad/\n\nUpdated: 30 Jan. 2024\nChad quit."
    assert stated(text).value == dt.date(2024, 1, 29)


def test_the_address_gives_a_yearless_dateline_its_year():
    text = (
        "url: https://example.org/news/202401/24/story.html\n\nLIMA, Jan. 24 -- Peru and Fiji "
        "signed."
    )
    pub = stated(text)
    assert (pub.value, pub.source) == (dt.date(2024, 1, 24), PUB_HEADER)
    partial = (
        "url: https://example.org/2024/Jan/story.html\n\nLIMA, Jan. 24 -- Peru and Fiji signed."
    )
    pub = stated(partial)
    assert (pub.value, pub.source, pub.certain) == (dt.date(2024, 1, 24), PUB_DATELINE, True)
    assert dateline_month_day(pub) is None  # certain: no need to infer it again


def test_an_address_month_is_the_window_the_inference_chooses_from():
    text = "url: http://example.org/english/2002/Jul/37319.htm\n\nPeru and Fiji signed Sunday."
    pub = stated(text)
    assert (pub.value, pub.source) == (None, PUB_UNKNOWN)
    assert informative(pub)
    assert (min(pub.alternatives), max(pub.alternatives)) == (
        dt.date(2002, 7, 1),
        dt.date(2002, 7, 31),
    )
    body = "Peru and Fiji signed Sunday a communique establishing ties as from July 21, 2002."
    found = find_timexes(body, [Sentence(0, 0, len(body), body)], None)
    sunday, stated_day = found[0], found[1]
    item = DatingInput(
        "copy",
        pub,
        (Anchor("ties", sunday), Anchor("ties, as the copy says", stated_day)),
        timexes=tuple(found),
    )
    result = infer_publication_dates([item])["copy"]
    # Not before the day it reports as done, a Sunday, within the address's month.
    assert (result.value, result.source) == (dt.date(2002, 7, 21), PUB_INFERRED)
    assert set(result.alternatives) <= {dt.date(2002, 7, d) for d in range(22, 32)}
    assert "address" in result.evidence


def test_nothing_found_is_not_informative():
    assert not informative(PublicationDate(None, PUB_UNKNOWN, "nothing"))


# --- more dateline styles ---------------------------------------------------------------


def test_a_dateline_glued_to_a_photo_credit():
    text = (
        "The minister is barred from office. — Reuters picLIMA, May 4 —Peru and Fiji today "
        "established relations."
    )
    pub = stated(text)
    assert pub.source == PUB_DATELINE and dateline_month_day(pub) == (5, 4)
    caption = "Ministers at the signing. Photo: AFP. SUVA, March 2, 2021 - Fiji cut ties."
    assert stated(caption).value == dt.date(2021, 3, 2)
    # Capitals inside an ordinary sentence are no dateline.
    plain = "The talks at the UN, May 4 - a Thursday - went well."
    assert stated(plain).source == PUB_UNKNOWN


def test_a_dateline_without_a_comma_a_chronology_heading_and_an_agency_without_a_dash():
    pub = stated("Lima [Peru] November 19 : Peru opened an office in Suva on Thursday.")
    assert dateline_month_day(pub) == (11, 19)
    pub = stated("CHAD - Dec. 22 - Sudan Ambassador Expelled.\n\nThe ambassador is expelled.")
    assert dateline_month_day(pub) == (12, 22)
    pub = stated("Suva, Sep 28 (AFP) Fiji and Peru have established relations.")
    assert dateline_month_day(pub) == (9, 28)
    pub = stated("SUVA, Sep 28, 2019 (AFP) Fiji and Peru have established relations.")
    assert (pub.value, pub.source) == (dt.date(2019, 9, 28), PUB_DATELINE)


# --- what the text alone implies ----------------------------------------------------------


def test_a_weekday_with_a_month_and_day_dates_the_article_in_a_year_the_text_names():
    text = (
        "The ministers met on May 4, 2017 in Lima.\n"
        "Peru and Fiji established relations on Thursday (May 4), officials said."
    )
    pub = stated(text)
    assert (pub.value, pub.source, pub.certain) == (dt.date(2017, 5, 4), PUB_INFERRED, False)
    assert max(pub.alternatives) == dt.date(2017, 5, 11)  # a week after at most
    assert "Thursday (May 4)" in pub.evidence
    other = "Chad left the bloc early in 2020. The vote took place on Tuesday, March 3."
    assert stated(other).value == dt.date(2020, 3, 3)


def test_a_weekday_with_a_month_and_day_in_a_year_the_text_never_names_dates_nothing():
    # "Saturday, December 8" was a Saturday in 2001 and in 2012: the text names neither.
    text = "Saturday, December 8, will mark 40 years of relations established in 1972."
    assert stated(text).value is None
    assert stated("They met on Thursday (May 4).").value is None  # no year at all


def test_a_full_date_with_its_weekday_in_the_lead_dates_the_report():
    text = (
        "Peru and Fiji set up ties in December 2007, the ministry announced on Monday, "
        "14 January 2008.\nThe two ministers signed a communique."
    )
    pub = stated(text)
    assert (pub.value, pub.source) == (dt.date(2008, 1, 14), PUB_INFERRED)
    assert min(pub.alternatives) == dt.date(2008, 1, 7)
    assert max(pub.alternatives) == dt.date(2008, 1, 21)


def test_a_full_date_with_its_weekday_told_as_history_dates_nothing():
    later = "On Sunday, December 7, 1941, Japan attacked. In 2016 the two leaders met there."
    assert stated(later).value is None
    deep = "Peru and Fiji met.\nThey spoke.\nThey signed.\nIt began on Monday, January 1, 1979."
    assert stated(deep).value is None


def test_a_date_the_text_implies_fixes_the_article_for_the_others():
    text = "Peru and Fiji established relations on Thursday (May 4), 2017 reports say."
    pub = stated(text)
    assert (pub.value, pub.source, pub.certain) == (dt.date(2017, 5, 4), PUB_INFERRED, False)
    today = timex("Fiji and Peru today established relations.", "today")
    thursday = next(
        t
        for t in find_timexes(text, [Sentence(0, 0, len(text), text)], None)
        if t.text.startswith("Thursday")
    )
    items = [
        DatingInput("implied", pub, (Anchor("ties", thursday),)),
        DatingInput("copy", PublicationDate(None, PUB_UNKNOWN), (Anchor("ties", today),)),
    ]
    result = infer_publication_dates(items)
    assert result["implied"] == pub
    assert (result["copy"].value, result["copy"].certain) == (dt.date(2017, 5, 4), True)


# --- across articles ----------------------------------------------------------------------


def test_an_article_contradicting_itself_on_a_happening_does_not_rule_out_a_copy():
    # The dated article dates "the ties" both in February and on 10 March: two happenings
    # taken for one. Its word on them must not stop the undated copy from fitting the
    # other dated article.
    muddled = DatingInput(
        "muddled",
        PublicationDate(dt.date(2017, 3, 13), PUB_HEADER),
        (
            Anchor(
                "ties", timex("A proposal was made last month.", "last month", dt.date(2017, 3, 13))
            ),
            Anchor(
                "ties", timex("The vote on March 10 approved it.", "March 10", dt.date(2017, 3, 13))
            ),
        ),
    )
    clear = DatingInput(
        "clear",
        PublicationDate(dt.date(2017, 5, 4), PUB_HEADER),
        (Anchor("ties", timex("Ties were set up on May 4, 2017.", "May 4, 2017")),),
    )
    copy = DatingInput(
        "copy",
        PublicationDate(None, PUB_UNKNOWN),
        (Anchor("ties", timex("Fiji and Peru today established relations.", "today")),),
    )
    result = infer_publication_dates([muddled, clear, copy])["copy"]
    assert result.value == dt.date(2017, 5, 4)
    # The same article saying it consistently still counts.
    consistent = replace(muddled, anchors=muddled.anchors[1:])
    assert infer_publication_dates([consistent, copy])["copy"].value != dt.date(2017, 5, 4)


def test_among_days_that_fit_equally_the_one_nearest_a_dated_copy_wins():
    dated = DatingInput(
        "dated",
        PublicationDate(dt.date(2008, 1, 14), PUB_HEADER),
        (),
        recent=("switch",),
    )
    monday = timex("Malawi switched recognition, the minister said on Monday.", "Monday")
    copy = DatingInput("copy", PublicationDate(None, PUB_UNKNOWN), (Anchor("switch", monday),))
    found = infer_publication_dates([dated, copy])["copy"]
    # 7 and 14 January are both Mondays in the week of the report: 14 January is nearer.
    assert found.value == dt.date(2008, 1, 14)
    assert dt.date(2008, 1, 7) in found.alternatives


def test_an_address_outranks_other_articles_that_tell_of_another_time():
    # The undated article's address says July 2002; the dated one tells of a happening of
    # the same name in 2024. The address wins, and the reasoning says so.
    sunday = timex("Peru and Fiji signed Sunday a communique on relations.", "Sunday")
    undated = DatingInput(
        "old",
        PublicationDate(
            None,
            PUB_UNKNOWN,
            "no date; the article's address gives 2002/Jul",
            alternatives=tuple(dt.date(2002, 7, d) for d in range(1, 32)),
        ),
        (Anchor("ties", sunday),),
    )
    recent = DatingInput(
        "recent",
        PublicationDate(dt.date(2024, 1, 24), PUB_HEADER),
        (
            Anchor(
                "ties",
                timex("Peru and Fiji signed on Wednesday.", "Wednesday", dt.date(2024, 1, 24)),
            ),
        ),
    )
    found = infer_publication_dates([undated, recent])["old"]
    assert found.value is not None and (found.value.year, found.value.month) == (2002, 7)
    assert found.value.weekday() == 6  # "Sunday" is its day or a day of the week before
    assert "set aside" in found.evidence
    assert "matches" not in found.evidence  # the other article's Wednesday does not match


def test_among_days_that_fit_the_one_nearest_a_day_the_article_states_wins():
    body = "Peru and Fiji signed Sunday a communique establishing ties as from July 21, 2002."
    found = find_timexes(body, [Sentence(0, 0, len(body), body)], None)
    item = DatingInput(
        "communique",
        PublicationDate(
            None,
            PUB_UNKNOWN,
            "the article's address gives 2002/Jul",
            alternatives=tuple(dt.date(2002, 7, d) for d in range(1, 32)),
        ),
        # The stated day is told as planned here: only the nearness to it can choose
        # among the July Sundays.
        (Anchor("ties", found[0]), Anchor("ties, planned", found[1], "planned")),
    )
    assert infer_publication_dates([item])["communique"].value == dt.date(2002, 7, 21)


@pytest.mark.parametrize(
    ("text", "day", "month_day"),
    [
        ("MOSCOW, March 3. /TASS/. Russia and Fiji signed a pact.", None, (3, 3)),
        ("LIMA, March 3 /TASS/. Peru and Fiji signed a pact.", None, (3, 3)),
        ("Suva, Fiji, Mar 3, 2024 / PRNewswire / -- Fiji signed.", dt.date(2024, 3, 3), None),
        ("Tehran, March 3, IRNA -- Iran and Fiji signed a pact.", None, (3, 3)),
        ("Nairobi, Kenya, March 3, 2024 — Kenya and Fiji signed.", dt.date(2024, 3, 3), None),
        (
            "Manila, Philippines — March 3, 2024 — Manila and Suva signed.",
            dt.date(2024, 3, 3),
            None,
        ),
        ("HAVANA, Cuba, Mar 3 (ACN) Cuba and Fiji signed a pact.", None, (3, 3)),
        ("ADDIS ABABA, March 3 (ENA)-Ethiopia and Fiji signed.", None, (3, 3)),
        ("March 3, 2024 — Kenya and Fiji signed a pact.", dt.date(2024, 3, 3), None),
        ("3 March 2024 | Kenya and Fiji signed a pact.", dt.date(2024, 3, 3), None),
        ("(March 3, 2024) Rwanda and Fiji signed a pact.", dt.date(2024, 3, 3), None),
    ],
)
def test_datelines_of_many_agencies_and_styles(text, day, month_day):
    pub = stated(text)
    assert pub.source == PUB_DATELINE
    assert (pub.value if day else None, dateline_month_day(pub)) == (day, month_day)


def test_a_date_opening_a_later_line_is_no_dateline_and_an_address_outranks_it():
    text = "Peru and Fiji\nA history\nOf ties\nDecember 7, 1941 — a day of infamy for Peru."
    assert stated(text).value is None
    text = (
        "url: https://example.org/2024/03/05/ties\n\n"
        "December 7, 1941 — a day of infamy, Peru's minister recalled on Tuesday."
    )
    assert stated(text).value == dt.date(2024, 3, 5)


def test_a_this_day_piece_that_states_its_weekday_dates_itself():
    piece = (
        "title: Today in History: Dec. 31\n\n"
        "Today is Saturday, Dec. 31, the 366th and final day of 2016.\n"
        "On this date:\nIn 1960, Peru and Fiji established diplomatic relations."
    )
    pub = stated(piece)
    assert (pub.value, pub.source) == (dt.date(2016, 12, 31), PUB_INFERRED)


def test_a_story_stamp_with_its_time_beats_the_bare_date_the_page_is_served_on():
    pub = stated(
        "url: https://example.org/news/ties\n\nMonday Jan 8, 2024\n\nPalau cuts ties\n\n"
        "2019 Oct 4, 09:40, KOROR, Palau\nPalau said on Friday it had cut ties."
    )
    assert pub.value == dt.date(2019, 10, 4)
    # Alone, the bare line is still the publication date.
    alone = stated("url: https://example.org/news/ties\n\nMonday Jan 8, 2024\n\nPalau cut ties.")
    assert alone.value == dt.date(2024, 1, 8)


def test_a_reprint_is_dated_by_its_first_published_line_not_its_address():
    text = (
        "url: https://www.example.com.au/archive/from-the-archives-1969-20190704-p52a.html\n\n"
        "From the Archives, 1969: Canberra opens a mission\n\n"
        "First published in The Canberra Chronicle on July 5, 1969\n\n"
        "Australia yesterday opened an embassy in Mexico City.\n"
    )
    found = stated(text)
    assert found.value == dt.date(1969, 7, 5)
    assert found.source == PUB_DATELINE


def test_a_release_date_line_dates_a_press_release():
    text = (
        "url: https://www.example.gov/transcripts/4410\n\n"
        "Release Date: 14/03/1975\n"
        "Release Type: Media Release\n\n"
        "The Minister for Foreign Affairs today announced that Fiji and Chile will "
        "exchange ambassadors.\n"
    )
    assert stated(text).value == dt.date(1975, 3, 14)


def test_a_dateline_with_no_place_but_an_agency():
    text = "Oct. 12 (AFP) — Samoa and Peru established diplomatic relations on Monday, 2015.\n"
    found = stated(text)
    assert found.value == dt.date(2015, 10, 12)
    assert dateline_month_day(found) == (10, 12)


def test_a_this_day_list_guesses_its_year_from_its_latest_entry():
    text = (
        "Aug. 9 (UPI) — On this date in history:\n\n"
        "In 1965, Singapore separated from Malaysia.\n\n"
        "In 1974, Gerald Ford was sworn in.\n"
    )
    found = stated(text)
    assert dateline_month_day(found) == (8, 9)
    assert found.value == dt.date(1974, 8, 9)
    assert not found.certain
