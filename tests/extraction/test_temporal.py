"""Temporal expressions: what is found, how it is normalised, how it is resolved."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extraction import temporal
from timeline.extraction.temporal import display, find_timexes, resolve
from timeline.extraction.types import DAY, MONTH, RANGE, SEASON, YEAR, DateValue, Sentence

FRIDAY = dt.date(2025, 4, 11)  # a Friday
TUESDAY = dt.date(2025, 3, 11)  # a Tuesday


def timexes(text: str, published: dt.date | None = FRIDAY):
    return find_timexes(text, [Sentence(0, 0, len(text), text)], published)


def values(text: str, published: dt.date | None = FRIDAY) -> dict[str, str | None]:
    """Expression as written -> EDTF (None when it has no calendar value)."""
    return {t.text: (t.value.edtf if t.value else None) for t in timexes(text, published)}


def only(text: str, published: dt.date | None = FRIDAY):
    (timex,) = timexes(text, published)
    return timex


# --- absolute expressions --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression", "edtf"),
    [
        ("The date is 2025-03-11.", "2025-03-11", "2025-03-11"),
        ("Published: 11 Mar. 2025, 17:03", "11 Mar. 2025", "2025-03-11"),
        ("It happened on March 11, 2025 in Seoul.", "March 11, 2025", "2025-03-11"),
        ("It happened on March 11th, 2025.", "March 11th, 2025", "2025-03-11"),
        ("They met on 11th of March 2025.", "11th of March 2025", "2025-03-11"),
        (
            "The summit ran from 28 February to 2 March 2025.",
            "28 February to 2 March 2025",
            "2025-02-28/2025-03-02",
        ),
        ("Ties were set up on Aug. 24, 1992.", "Aug. 24, 1992", "1992-08-24"),
        ("The regime fell in December 2024.", "December 2024", "2024-12"),
        ("Elections were held in 2023.", "2023", "2023"),
        ("The war ran from 2011 to 2024.", "2011 to 2024", "2011/2024"),
        ("The 2011-2024 war.", "2011-2024", "2011/2024"),
        ("Between 2011 and 2024 the war raged.", "Between 2011 and 2024", "2011/2024"),
        ("In the 1990s trade grew.", "the 1990s", "199X"),
        ("Belgians settled there since the 1800's.", "the 1800's", "18XX"),
        ("In the 20th century.", "the 20th century", "19XX"),
        ("The portal posted it on 2025.03.11.", "2025.03.11", "2025-03-11"),
        # A month's abbreviation glued to the year by its period.
        ("Ties were set up in Apr.1983 at last.", "Apr.1983", "1983-04"),
        ("The office opened in Sept.2001.", "Sept.2001", "2001-09"),
    ],
)
def test_absolute_dates_are_stated_values(text, expression, edtf):
    timex = only(text)
    assert (timex.text, timex.value.edtf, timex.relative, timex.rule) == (
        expression,
        edtf,
        False,
        "stated",
    )


def test_a_decimal_number_is_no_glued_month_year():
    assert values("Version 3.1994 passed.") == {}


def test_a_year_keeps_year_precision_never_1_january():
    value = only("Ties were established in 1966.").value
    assert (value.start, value.end, value.precision, value.edtf) == (
        dt.date(1966, 1, 1),
        dt.date(1966, 12, 31),
        YEAR,
        "1966",
    )


def test_two_years_joined_by_and_are_two_values():
    assert values("Syria fought the wars of 1967 and 1973.") == {"1967": "1967", "1973": "1973"}


def test_late_2024_is_an_approximate_part_of_the_year():
    value = only("The dictatorship collapsed in late 2024.").value
    assert (value.precision, value.edtf, value.approximate) == (SEASON, "2024-39", True)
    assert (value.start, value.end, value.display) == (
        dt.date(2024, 9, 1),
        dt.date(2024, 12, 31),
        "late 2024",
    )


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("early 2025", "2025-37"),
        ("mid-2024", "2024-38"),
        ("the first half of 2025", "2025-40"),
        ("spring 2023", "2023-21"),
        ("the third quarter of 2024", "2024-35"),
    ],
)
def test_parts_of_a_year_use_edtf_sub_year_codes(text, edtf):
    assert values(f"It happened in {text}.") == {text: edtf}


def test_edtf_strings_parse_with_the_edtf_package():
    import edtf  # a pinned requirement: its absence is a failure, not a skip

    text = (
        "On 2025-03-11, in 1966, in December 2024, from Feb. 5 to 7, in late 2024, "
        "in the 1990s, last week and in early December 2024."
    )
    for timex in timexes(text, TUESDAY):
        parsed = edtf.parse_edtf(timex.value.edtf)
        assert dt.date(*parsed.lower_strict()[:3]) == timex.value.start, timex.text
        assert dt.date(*parsed.upper_strict()[:3]) == timex.value.end, timex.text


def test_odd_numeric_formats_fall_back_to_dateparser():
    timex = only("The note is dated 3/11/2025.", TUESDAY)
    assert timex.value.edtf == "2025-03-11"
    assert "dateparser" in timex.rule


def test_a_year_written_once_covers_coordinated_dates():
    # https://www.stvincenttimes.com/svg-to-establish-diplomatic-relations-with-republic-of-cote-divoire/
    text = (
        "The Government recently signed a joint communiqué with the Republic of Rwanda and "
        "Republic of "
        "Burundi on 9th November and 24th November 2021, respectively to establish diplomatic "
        "relations."
    )
    found = values(text, dt.date(2022, 3, 10))
    assert found["9th November"] == "2021-11-09"
    assert found["24th November 2021"] == "2021-11-24"
    assert found["recently"] is None


# --- numbers that are not dates --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Among the 193 member countries of the United Nations, Syria was the only one.",
        "Syria becomes South Korea's 194th diplomatic partner.",
        "The US removed the $10 million bounty.",
        "About 14,000 people fled.",
        "The Assad regime, in the 3rd and 4th Middle East wars, got support.",
        "Written by 11:06 AM World",
        "Resolution 2254 was adopted; flight 1966 landed; 2024 troops left.",
        "The 10th anniversary fell on the 11th hour.",
        "May 5 was a Sunday for him, and he may go.",
    ],
)
def test_numbers_that_are_not_dates_never_become_dates(text):
    dates = [t for t in timexes(text) if t.kind == "date" and t.value is not None]
    assert [t.text for t in dates if t.text not in ("May 5",)] == []


@pytest.mark.parametrize(
    ("text", "expression", "iso"),
    [
        ("the civil war, ongoing for 13 years, ended", "13 years", "P13Y"),
        ("the end of the Assad family's 54-year rule", "54-year", "P54Y"),
        (
            "Syria has had ties with the North for over half a century.",
            "over half a century",
            "P50Y",
        ),
        ("It was the first visit in 22 years since 2003.", "22 years", "P22Y"),
        ("Assad ruled for 54 years.", "54 years", "P54Y"),
        ("after more than 13 years of devastating civil war", "more than 13 years", "P13Y"),
        ("following a 12-day operation by HTS", "12-day", "P12D"),
        ("22 years later, nothing had changed.", "22 years later", "P22Y"),
    ],
)
def test_durations_are_kept_as_durations_never_dates(text, expression, iso):
    found = {t.text: t for t in timexes(text)}
    timex = found[expression]
    assert (timex.kind, timex.value, timex.spec.args[0]) == ("duration", None, iso)


def test_age_is_neither_a_date_nor_a_duration():
    assert timexes("The 54-year-old minister resigned.") == []


# --- relative expressions, resolved against the publication date ------------------------


@pytest.mark.parametrize(
    ("text", "published", "expression", "edtf"),
    [
        # a bare weekday: the latest such day on or before P, P itself included
        ("The ministry announced on Friday that ties were set.", FRIDAY, "Friday", "2025-04-11"),
        ("Cho visited Damascus on Thursday.", FRIDAY, "Thursday", "2025-04-10"),
        ("He left on Saturday.", FRIDAY, "Saturday", "2025-04-05"),
        ("The announcement was made this Friday.", FRIDAY, "this Friday", "2025-04-11"),
        ("He came last Friday.", FRIDAY, "last Friday", "2025-04-04"),
        # "the Nth": P's month when N <= P's day, else the month before
        ("The ministry said on the 11th that it was done.", FRIDAY, "the 11th", "2025-04-11"),
        ("He signed in Damascus on the 10th (local time).", FRIDAY, "the 10th", "2025-04-10"),
        ("He signed on the 20th, officials said.", FRIDAY, "the 20th", "2025-03-20"),
        (
            "It has been confirmed on the 11th that Seoul decided.",
            TUESDAY,
            "the 11th",
            "2025-03-11",
        ),
        # last year: year precision only
        ("Seoul established ties with Cuba last year.", FRIDAY, "last year", "2024"),
        ("last year's sudden agreement with Cuba", FRIDAY, "last year", "2024"),
        ("He was ousted in December last year.", FRIDAY, "December last year", "2024-12"),
        (
            "On December 8th last year, HTS seized Damascus.",
            TUESDAY,
            "December 8th last year",
            "2024-12-08",
        ),
        ("Talks began last December.", FRIDAY, "last December", "2024-12"),
        # a bare month: its latest occurrence on or before P
        ("Assad was overthrown in December.", FRIDAY, "December", "2024-12"),
        ("The talks started in April.", FRIDAY, "April", "2025-04"),
        ("In May the rains came.", FRIDAY, "May", "2024-05"),
        # month and day, no year: the latest occurrence on or before P
        ("Kim meets al-Shaibani in Damascus on Feb. 7.", TUESDAY, "Feb. 7", "2025-02-07"),
        ("Kim visited Damascus from Feb. 5 to 7.", TUESDAY, "Feb. 5 to 7", "2025-02-05/2025-02-07"),
        ("He visited on Dec. 28 to Jan. 2.", TUESDAY, "Dec. 28 to Jan. 2", "2024-12-28/2025-01-02"),
        ("It was the 25th of December.", TUESDAY, "25th of December", "2024-12-25"),
        # weeks and months: the interval before P's week or month
        (
            "Last week, the US eased some restrictions.",
            FRIDAY,
            "Last week",
            "2025-03-31/2025-04-06",
        ),
        ("This week talks resume.", FRIDAY, "This week", "2025-04-07/2025-04-13"),
        ("Last month, Seoul sent a delegation.", TUESDAY, "Last month", "2025-02"),
        ("Next month he will go.", TUESDAY, "Next month", "2025-04"),
        ("Earlier this month he resigned.", FRIDAY, "Earlier this month", "2025-04-01/2025-04-11"),
        (
            "A summit is expected at the end of the month.",
            FRIDAY,
            "the end of the month",
            "2025-04-21~/2025-04-30~",
        ),
        (
            "The election is due later this year.",
            FRIDAY,
            "later this year",
            "2025-04-11/2025-12-31",
        ),
        ("He resigned late last year.", FRIDAY, "late last year", "2024-39"),
        # days
        ("Yesterday the ministry spoke.", FRIDAY, "Yesterday", "2025-04-10"),
        ("The ministry said today.", FRIDAY, "today", "2025-04-11"),
        ("He arrives tomorrow.", FRIDAY, "tomorrow", "2025-04-12"),
        ("The previous day, he met the press.", FRIDAY, "The previous day", "2025-04-10"),
        ("He said so two years ago.", FRIDAY, "two years ago", "2023"),
        ("It started three days ago.", FRIDAY, "three days ago", "2025-04-08"),
    ],
)
def test_relative_expressions_resolve_against_the_publication_date(
    text, published, expression, edtf
):
    found = {t.text: t for t in timexes(text, published)}
    timex = found[expression]
    assert timex.value.edtf == edtf
    assert timex.relative
    assert timex.rule.startswith(f"resolved against the publication date {published.isoformat()}")


def test_the_rule_says_how_a_weekday_was_resolved():
    assert only("Cho visited Damascus on Thursday.").rule == (
        "resolved against the publication date 2025-04-11: latest Thursday on or before it"
    )


def test_without_a_publication_date_relative_values_are_none_absolute_ones_stay():
    found = {t.text: t for t in timexes("On the 10th, in 1966 and on Thursday last year.", None)}
    assert found["the 10th"].value is None and found["the 10th"].relative
    assert found["Thursday"].value is None
    assert found["last year"].value is None
    assert found["1966"].value.edtf == "1966"
    assert found["the 10th"].rule.startswith("needs the publication date")


def test_resolve_re_resolves_against_another_publication_date():
    timex = only("Cho visited Damascus on Thursday.", None)
    assert resolve(timex, FRIDAY).edtf == "2025-04-10"
    assert resolve(timex, dt.date(2025, 4, 16)).edtf == "2025-04-10"
    assert resolve(timex, dt.date(2025, 4, 17)).edtf == "2025-04-17"
    ordinal = only("The ministry said on the 11th.", None)
    assert resolve(ordinal, dt.date(2025, 4, 11)).edtf == "2025-04-11"
    assert resolve(ordinal, dt.date(2025, 4, 10)).edtf == "2025-03-11"


def test_resolve_keeps_absolute_values():
    timex = only("Ties date from 1966.", None)
    assert resolve(timex, FRIDAY) == timex.value


def test_a_sentence_that_looks_ahead_resolves_forward():
    found = values(
        "The meeting will be held on Friday and they will meet on March 20.", dt.date(2025, 4, 9)
    )
    assert found == {"Friday": "2025-04-11", "March 20": "2026-03-20"}


def test_a_caption_in_the_present_tense_does_not_move_into_the_future():
    assert values("Kim meets Asaad al-Shaibani in Damascus on Feb. 7.", TUESDAY) == {
        "Feb. 7": "2025-02-07"
    }


def test_a_weekday_next_to_its_date_is_one_expression():
    assert values("The talks on Tuesday, March 11, 2025 ended.") == {
        "Tuesday, March 11, 2025": "2025-03-11"
    }


def test_anaphors_count_from_the_date_before_them():
    found = values(
        "He arrived on March 3, 2024; three days later he left, and the next day he spoke."
    )
    assert found == {
        "March 3, 2024": "2024-03-03",
        "three days later": "2024-03-06",
        "the next day": "2024-03-07",
    }
    assert values("Seoul joined in 2003. Two years later it left.")["Two years later"] == "2005"


def test_n_days_after_a_clause_is_a_duration_not_an_anaphor():
    # https://m-en.yna.co.kr/view/AEN20220715008300320
    text = (
        "On Monday, the foreign minister paid his respects to the late Abe in Seoul, "
        "three days after he was fatally shot during an election campaign speech."
    )
    found = {t.text: t for t in timexes(text, dt.date(2022, 7, 15))}
    assert found["Monday"].value.edtf == "2022-07-11"
    assert found["three days"].kind == "duration"


# --- roles, vague words, sets ----------------------------------------------------


def test_since_until_before_after_are_roles():
    found = {
        t.text: t.role
        for t in timexes(
            "Ties since 1966, talks until 2020, a war before 2011 and a truce after 2015."
        )
    }
    assert found == {"1966": "since", "2020": "until", "2011": "before", "2015": "after"}


def test_recently_has_no_value():
    timex = only("Seoul recently reached an agreement.")
    assert (timex.text, timex.value, timex.relative) == ("recently", None, False)


def test_every_year_is_a_set():
    assert only("They meet every year.").kind == "set"


# --- display ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (temporal.year_value(1966), "1966"),
        (temporal.month_value(2025, 2), "February 2025"),
        (temporal.range_value(dt.date(2025, 2, 5), dt.date(2025, 2, 7)), "5–7 February 2025"),
        (temporal.day_value(dt.date(2025, 4, 10)), "10 April 2025"),
        (temporal.part_value(2024, "late"), "late 2024"),
        (
            temporal.range_value(dt.date(2025, 2, 28), dt.date(2025, 3, 2)),
            "28 February – 2 March 2025",
        ),
        (
            temporal.range_value(dt.date(2024, 12, 28), dt.date(2025, 1, 2)),
            "28 December 2024 – 2 January 2025",
        ),
        (temporal.month_range_value(2025, 1, 2025, 3), "January–March 2025"),
        (temporal.year_range_value(2011, 2024), "2011–2024"),
        (temporal.decade_value(1990), "the 1990s"),
        (temporal.century_value(20), "the 20th century"),
        (temporal.month_part_value(2024, 12, "early"), "early December 2024"),
    ],
)
def test_display_writes_values_in_words(value, words):
    assert display(value) == words
    assert value.display == words


def test_display_recomputes_from_the_fields():
    value = DateValue(dt.date(2025, 2, 5), dt.date(2025, 2, 7), RANGE, "2025-02-05/2025-02-07", "")
    assert display(value) == "5–7 February 2025"
    assert (
        display(DateValue(dt.date(2025, 2, 1), dt.date(2025, 2, 28), MONTH, "2025-02", ""))
        == "February 2025"
    )
    assert (
        display(DateValue(dt.date(2025, 4, 10), dt.date(2025, 4, 10), DAY, "2025-04-10", ""))
        == "10 April 2025"
    )


# --- other real news ---------------------------------------------------------------


def test_yonhap_dateline_story():
    # https://m-en.yna.co.kr/view/AEN20220825007500325 (SEOUL, Aug. 25 (Yonhap), a Thursday)
    published = dt.date(2022, 8, 25)
    text = (
        "South Korean Foreign Minister Park Jin will visit Mongolia next week to discuss bilateral "
        "ties, "
        "his ministry said Thursday. He plans to leave for the Mongolian capital of Ulaanbaatar on "
        "Sunday. "
        "It would be the first official trip by South Korea's top diplomat to Mongolia since 2014. "
        'The two sides upgraded their bilateral relations to a "strategic partnership" last year.'
    )
    found = {t.text: t for t in timexes(text, published)}
    assert found["next week"].value.edtf == "2022-08-29/2022-09-04"
    assert found["Thursday"].value.edtf == "2022-08-25"
    assert found["Sunday"].value.edtf == "2022-08-28"  # "plans to leave ... on Sunday": ahead
    assert (found["2014"].value.edtf, found["2014"].role) == ("2014", "since")
    assert found["last year"].value.edtf == "2021"


def test_yonhap_month_day_without_year_and_last_month():
    # https://m-en.yna.co.kr/view/AEN20220609006800325
    published = dt.date(2022, 6, 9)
    text = (
        "It would be the first face-to-face talks between the top diplomats of the allies since "
        "the May 10 "
        "launch of the Yoon Suk-yeol administration, after the Seoul summit last month."
    )
    found = {t.text: t for t in timexes(text, published)}
    assert (found["May 10"].value.edtf, found["May 10"].role) == ("2022-05-10", "since")
    assert found["last month"].value.edtf == "2022-05"


def test_a_plan_for_a_visit_in_august_looks_ahead():
    # https://en.yna.co.kr/view/AEN20220721007400325
    text = (
        "Seoul is giving priority to a plan for Foreign Minister Park Jin to visit there in "
        "August. "
        "The two countries established diplomatic relations on Aug. 24, 1992."
    )
    found = values(text, dt.date(2022, 7, 21))
    assert found == {"August": "2022-08", "Aug. 24, 1992": "1992-08-24"}


def test_vietnam_tuvalu_local_time():
    # https://www.vietnam.vn/en/viet-nam-va-tuvalu-thiet-lap-quan-he-ngoai-giao
    text = (
        "On the afternoon of September 24th local time (morning of September 25th Hanoi time), the "
        "ministers "
        "signed a Joint Communiqué; Vietnam has relations with all United Nations member states "
        "(currently 193 members)."
    )
    found = values(text, dt.date(2025, 9, 26))
    assert found["September 24th"] == "2025-09-24"
    assert found["September 25th"] == "2025-09-25"
    assert "193" not in " ".join(found)


def test_micronesia_belgium_dateline_and_weekday():
    # http://fsmgov.org/fsmun/pr102896.html
    text = (
        "On Monday, 28 October 1996, a Joint Communiqué on the Establishment of Diplomatic "
        "Relations was "
        "signed, with reference to the Vienna Convention of 1961."
    )
    assert values(text, None) == {"Monday, 28 October 1996": "1996-10-28", "1961": "1961"}


def test_kbs_spelled_ordinal_and_following_ordinal_share_the_month():
    # http://world.kbs.co.kr/english/news/news_In_detail.htm?No=135197
    text = (
        "The report said his two-day visit was being arranged some time between April ninth and "
        "the 13th."
    )
    found = values(text, dt.date(2018, 4, 13))
    assert found == {"two-day": None, "April ninth": "2018-04-09", "the 13th": "2018-04-13"}


# --- the seed articles ---------------------------------------------------------------


def _seed_values(seed, prefix: str, published: dt.date) -> dict[str, str | None]:
    text, _header, sentences = seed(prefix)
    return {
        t.text: (t.value.edtf if t.value else None)
        for t in find_timexes(text, sentences, published)
    }


def test_seed_000_korea_syria_ties(seed):
    found = _seed_values(seed, "000", dt.date(2025, 4, 11))
    assert found == {
        "the 11th": "2025-04-11",
        "the 10th": "2025-04-10",
        "last year": "2024",
        "December last year": "2024-12",
        "2011": "2011",
        "1966": "1966",
        "over half a century": None,
    }


def test_seed_001_weekdays_and_last_week(seed):
    found = _seed_values(seed, "001", dt.date(2025, 4, 11))
    assert found["Friday"] == "2025-04-11"
    assert found["Thursday"] == "2025-04-10"
    assert found["December"] == "2024-12"
    assert found["last year"] == "2024"
    assert found["Last week"] == "2025-03-31/2025-04-06"
    for duration in ("more than 13 years", "13 years", "54-year", "61-year", "12-day"):
        assert found[duration] is None
    assert not any(key for key in found if "191" in key or "$10" in key)


def test_seed_002_exclusive_report(seed):
    text, _header, sentences = seed("002")
    found = {t.text: t for t in find_timexes(text, sentences, TUESDAY)}
    assert found["the 11th"].value.edtf == "2025-03-11"
    assert found["Last month"].value.edtf == "2025-02"
    assert found["December 8th last year"].value.edtf == "2024-12-08"
    assert found["December last year"].value.edtf == "2024-12"
    assert (found["1967"].value.edtf, found["1973"].value.edtf) == ("1967", "1973")
    assert (found["2003"].value.edtf, found["2003"].role) == ("2003", "since")
    assert found["22 years"].kind == "duration"
    assert found["1991"].value.edtf == "1991"
    assert found["2011"].value.edtf == "2011"
    assert not any(t in found for t in ("3rd", "4th", "194th", "191", "11:06"))


def test_seed_003_this_friday(seed):
    found = _seed_values(seed, "003", dt.date(2025, 4, 11))
    assert found["this Friday"] == "2025-04-11"
    assert found["Thursday"] == "2025-04-10"
    assert found["December"] == "2024-12"
    assert found["2023"] == "2023"


def test_seed_004_tentative_agreement(seed):
    found = _seed_values(seed, "004", TUESDAY)
    # Its "date 2025-03-11" and "Published: 11 Mar. 2025" labels are page metadata, not
    # sentences (the publication-date code reads them in the raw text).
    assert "2025-03-11" not in found and "11 Mar. 2025" not in found
    assert found["Feb. 7"] == "2025-02-07"
    assert found["Tuesday"] == "2025-03-11"
    assert found["late 2024"] == "2024-39"
    assert found["December"] == "2024-12"
    assert found["Feb. 5 to 7"] == "2025-02-05/2025-02-07"
    assert found["24-year"] is None and found["22 years"] is None


def test_offsets_point_into_the_full_text(seed):
    text, _header, sentences = seed("004")
    for timex in find_timexes(text, sentences, TUESDAY):
        assert text[timex.start : timex.end] == timex.text


def test_the_date_naming_a_past_agreement_stays_in_the_past():
    # https://www.israel365news.com/158149/trump-to-showcase-isreal-uae-peace-deal-to-the-world-with-big-white-house-ceremony/
    text = (
        "Israel and the United Arab Emirates are scheduled to formally sign the Aug. 13 "
        "normalization agreement at the White House on Sept. 15, a senior White House official "
        "told JNS."
    )
    assert values(text, dt.date(2020, 9, 9)) == {"Aug. 13": "2020-08-13", "Sept. 15": "2020-09-15"}


def test_the_reporting_clause_is_in_the_past_even_after_a_future_verb():
    # https://chinadailyhk.com/article/142652 (published Wednesday 2020-09-09)
    text = (
        "Israel and the UAE will sign their normalization agreement at the White House on Sept 15, "
        "US officials said on Tuesday."
    )
    assert values(text, dt.date(2020, 9, 9)) == {"Sept 15": "2020-09-15", "Tuesday": "2020-09-08"}


def test_a_report_told_in_a_statement_or_at_a_conference_is_in_the_past():
    # Published on a Saturday: the report's Friday is the day before, not the next one.
    saturday = dt.date(2025, 4, 12)
    for tail in (
        "the ministry said in a statement on Friday.",
        "the minister told reporters at a news conference on Friday.",
    ):
        text = f"Fiji will close its embassy in Peru from Aug. 1, {tail}"
        assert values(text, saturday) == {"Aug. 1": "2025-08-01", "Friday": "2025-04-11"}, tail
    # A plan told after "said" still looks ahead.
    assert values("Fiji said it will meet Peru on Friday.", saturday) == {"Friday": "2025-04-18"}


def test_a_deadline_with_by_looks_ahead():
    # https://www.newsbreak.com/news/2452018997572/u-s-russia-make-progress-toward-resolving-diplomats-spat-state-dept
    text = (
        "Russia said on Wednesday it was ordering U.S. Embassy staff who have been in Moscow for "
        "more than three years to fly home by Jan. 31, a retaliatory move."
    )
    found = {t.text: t for t in timexes(text, dt.date(2021, 12, 3))}
    assert found["Wednesday"].value.edtf == "2021-12-01"
    assert found["more than three years"].kind == "duration"
    assert (found["Jan. 31"].value.edtf, found["Jan. 31"].role) == ("2022-01-31", "until")


def test_names_that_carry_a_date():
    found = values("The Sept. 11 attacks changed everything; after 9/11 the US went to war.")
    assert found == {"Sept. 11": "2001-09-11", "9/11": "2001-09-11"}
    assert values("On Sept. 11, he left.") == {"Sept. 11": "2024-09-11"}


def test_end_dash_year_is_the_end_of_the_year():
    assert values("Talks were due by end-2024.") == {"end-2024": "2024-39"}


def test_spelled_ordinal_after_on_and_later_that_day():
    # https://japannews24.com/us-china-foreign-ministers-meeting-intense-exchanges-over-taiwan-or-agreement-on-chinese-foreign-ministers-visit-to-the-united-states-nhk
    text = (
        "A meeting between Blinken and Qin Gang was held in Beijing on the 18th. "
        "Blinken is scheduled to meet with Wang Yi on the nineteenth."
    )
    assert values(text, dt.date(2023, 6, 18)) == {
        "the 18th": "2023-06-18",
        "the nineteenth": "2023-06-19",
    }
    assert values("On the first visit, on the second try.") == {}
    found = values("He arrived on March 3, 2024. Later that day, he met the president.")
    assert found["that day"] == "2024-03-03"


# --- robustness: values outside the calendar, very long sentences -------------------


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("The city was founded 3000 years ago.", TUESDAY),  # year -975
        ("It happened 99999999999 days ago.", TUESDAY),  # past timedelta's range
        ("They meet tomorrow.", dt.date.max),  # 10000-01-01
        ("They met on Tuesday.", dt.date.min),  # before 0001-01-01
    ],
)
def test_a_relative_date_outside_the_calendar_has_no_value_and_says_why(text, published):
    (timex,) = (t for t in timexes(text, published) if t.kind == "date")
    assert timex.value is None
    assert timex.rule.startswith("outside the calendar")


def test_a_role_word_and_a_future_cue_are_read_right_before_the_date_in_a_long_sentence():
    padding = "and the talks went on, " * 400  # one sentence of ~9,000 characters
    text = f"The ministers will meet {padding}then again since 1966 and on Friday."
    found = {t.text: t for t in timexes(text, TUESDAY)}
    assert found["1966"].role == "since"
    # the last clause ("then again since 1966 and on Friday") says nothing of the future
    assert found["Friday"].value.edtf == "2025-03-07"
    assert found["Friday"].spec.future is False
    future = f"They said {padding}so the ministers will meet on Friday."
    assert only_date(future, TUESDAY).value.edtf == "2025-03-14"


def only_date(text: str, published: dt.date):
    (timex,) = (t for t in timexes(text, published) if t.kind == "date")
    return timex


def test_a_numeric_date_with_dashes_or_dots_reads_day_first_slashes_month_first():
    from timeline.extraction.temporal import parse_absolute

    assert parse_absolute("10-06-2023")[0].edtf == "2023-06-10"
    assert parse_absolute("10.06.2023")[0].edtf == "2023-06-10"
    assert parse_absolute("10/06/2023")[0].edtf == "2023-10-06"
    assert parse_absolute("25-06-2023")[0].edtf == "2023-06-25"
    assert parse_absolute("06-25-2023")[0].edtf == "2023-06-25"  # only month first fits


def test_a_dotted_date_with_a_two_digit_year_reads_day_first_in_the_right_century():
    # A government release printing "(14.03.24)" means 14 March 2024, never 1924 or 24 AD;
    # two-digit years are read as POSIX does (69-99 the 1900s, 00-68 the 2000s).
    found = timexes("The Fijian and Chilean ministers today (14.03.24) signed a treaty.", TUESDAY)
    (timex,) = (t for t in found if t.text == "14.03.24")
    assert timex.value.edtf == "2024-03-14"
    assert "day first" in timex.rule
    assert only("The accord was first signed on 02.11.87 in Suva.", TUESDAY).value.edtf == (
        "1987-11-02"
    )


def _article_timexes(text: str, published: dt.date = FRIDAY):
    from timeline.extraction.sentences import split_sentences

    return {t.text: t for t in find_timexes(text, split_sentences(text), published)}


def test_a_part_of_the_day_is_the_day_the_narrative_is_at():
    found = _article_timexes(
        "Peru opened its embassy in Suva on Wednesday.\n"
        "In the evening, the two ministers held a meeting."
    )
    assert found["In the evening"].value.edtf == "2025-04-09"
    # With nothing before it, the day of the report.
    found = _article_timexes("In the evening, the two ministers held a meeting.")
    assert found["In the evening"].value.edtf == "2025-04-11"
    # A day written in the same sentence needs no anchor: no second expression.
    found = _article_timexes("The ministers met on Monday in the evening.")
    assert set(found) == {"Monday"}


def test_a_date_in_quoted_speech_is_not_what_the_narrative_counts_from():
    found = _article_timexes(
        "Peru reopened its embassy in Suva on Wednesday.\n"
        '"We came here today to reopen it," the minister said.\n'
        "In the evening, the two ministers held a meeting. The previous day, they spoke."
    )
    assert found["today"].value.edtf == "2025-04-11"  # the speaker's day, as written
    assert found["In the evening"].value.edtf == "2025-04-09"
    assert found["The previous day"].value.edtf == "2025-04-08"


def test_a_visit_or_talks_told_as_underway_are_dated_by_the_report_s_day():
    assert values(
        "As the president's state visit to Peru is underway, trade is on the agenda."
    ) == {"is underway": FRIDAY.isoformat()}
    assert values("Talks between the two delegations are under way in Geneva.") == {
        "are under way": FRIDAY.isoformat()
    }
    # Work going on is no dated happening.
    assert values("Preparations are underway for the summit.") == {}
    assert values("Construction of the new stadium is underway.") == {}
    assert values("Preparations for the state visit to Peru are underway.") == {}


# --- relative anchors counted from the narrative, not the publication date ---------------


@pytest.mark.parametrize(
    ("text", "published", "expression", "edtf"),
    [
        # "last/next" + month and day, no year: the latest (first) such day
        (
            "Chad broke ties with Sudan last March 26, officials recalled.",
            FRIDAY,
            "last March 26",
            "2025-03-26",
        ),
        (
            "Oman recalled its envoy last Dec. 2 over the dispute.",
            FRIDAY,
            "last Dec. 2",
            "2024-12-02",
        ),
        ("The envoys will meet next May 4 in Geneva.", FRIDAY, "next May 4", "2025-05-04"),
        # "the following/previous July": from the date just before, not from P
        (
            "Peru cut ties in November, 1983, but restored them the following July.",
            FRIDAY,
            "the following July",
            "1984-07",
        ),
        (
            "Fiji opened an embassy in 2001 and closed it the following March.",
            FRIDAY,
            "the following March",
            "2002-03",
        ),
        (
            "Laos signed in May 2019 after talks begun the previous October.",
            FRIDAY,
            "the previous October",
            "2018-10",
        ),
        # "N units later" counts from a relative date too
        (
            "In August last year, Chile opened an office, and Peru did so one month later.",
            FRIDAY,
            "one month later",
            "2024-09",
        ),
        (
            "Talks failed last year; two years later they resumed.",
            dt.date(2030, 1, 2),
            "two years later",
            "2031",
        ),
        # the day the narrative is at
        (
            "Oman cut ties on Tuesday. Earlier in the day, the minister met the envoy.",
            FRIDAY,
            "Earlier in the day",
            "2025-04-08",
        ),
        (
            "Chad signed on March 3, 2024. Later in the day, he flew home.",
            FRIDAY,
            "Later in the day",
            "2024-03-03",
        ),
        (
            "The accord was signed on Jan. 5, 2020 and takes effect as of this day.",
            FRIDAY,
            "this day",
            "2020-01-05",
        ),
        (
            "Envoys met on May 2, 2019 and that same day the talks ended.",
            FRIDAY,
            "that same day",
            "2019-05-02",
        ),
        # last night: the evening before the report
        (
            "The president announced last night that ties would be restored.",
            FRIDAY,
            "last night",
            "2025-04-10",
        ),
        ("Mali said last night it had withdrawn.", TUESDAY, "last night", "2025-03-10"),
    ],
)
def test_relative_anchors_count_from_the_narrative(text, published, expression, edtf):
    found = _article_timexes(text, published)
    assert found[expression].value.edtf == edtf


def test_the_following_month_with_nothing_before_it_counts_from_the_publication_date():
    assert values("Ties resume the following July.", FRIDAY) == {"the following July": "2025-07"}
    assert values("They met the previous March.", FRIDAY) == {"the previous March": "2025-03"}


def test_a_month_and_day_one_day_after_the_publication_date_is_that_day():
    # A dateline filed in another time zone runs a day ahead of the page's date.
    assert values("Lima [Peru] November 19 : Peru recalled its envoy.", dt.date(2021, 11, 18)) == {
        "November 19": "2021-11-19"
    }
    assert values("Suva, March 12: Fiji expelled the envoy.", TUESDAY) == {"March 12": "2025-03-12"}
    # Two days ahead is the year before, as any past month and day.
    assert values("Suva, March 13: Fiji expelled the envoy.", TUESDAY) == {"March 13": "2024-03-13"}


def test_the_items_of_a_this_day_in_history_piece_are_its_day_of_their_year():
    piece = (
        "Today in History: January 10\n\n"
        "In 1946, the first General Assembly convened in London.\n"
        "In 1984, the United States set up ties with the Holy See.\n"
        "Ties had been cut in 1867."
    )
    found = _article_timexes(piece, dt.date(2024, 1, 10))
    assert found["1946"].value.edtf == "1946-01-10"
    assert found["1984"].value.edtf == "1984-01-10"
    assert found["1867"].value.edtf == "1867"  # not an item: the year as written
    other = "On this date in history:\n\nOn this day in 1920, the League of Nations was born."
    assert _article_timexes(other, dt.date(2024, 1, 10))["1920"].value.edtf == "1920-01-10"
    # Without the publication date the item keeps its year.
    undated = _article_timexes(piece, None)["1946"]
    assert (undated.value.edtf, undated.relative) == ("1946", True)
    # An ordinary article's "In 1946, ..." is the year.
    plain = "In 1946, the first General Assembly convened in London."
    assert _article_timexes(plain, dt.date(2024, 1, 10))["1946"].value.edtf == "1946"


def test_a_space_before_the_comma_of_a_date_keeps_its_year():
    # Typed press releases and communiques (issue #10, dev_23: "September 22nd , 2006").
    assert values("Done at Suva on March 3rd , 2011.", None) == {"March 3rd , 2011": "2011-03-03"}
    assert values("Signed on July 9 , 1998 in Accra.", None) == {"July 9 , 1998": "1998-07-09"}


def test_the_date_of_the_signing_is_the_day_of_the_closing_formula():
    # "as of the date of the signing of this Joint Communique" (issue #10, dev_23): the day
    # the text states in its closing "Done in ..., on <day>" line.
    text = (
        "The Government of Peru and the Government of Fiji have decided to establish "
        "diplomatic relations as of the date of the signing of this Joint Communique.\n"
        "Done in New York, on 4 March 2015, in two original copies."
    )
    found = _article_timexes(text, None)
    ref = found["the date of the signing of this Joint Communique"]
    assert (ref.value.edtf, ref.relative, ref.sentence) == ("2015-03-04", False, 0)
    treaty = (
        "The treaty shall enter into force on the day of its signature.\n"
        "Signed at Windhoek on 12 June 1997."
    )
    assert _article_timexes(treaty, None)["the day of its signature"].value.edtf == "1997-06-12"
    # No closing formula, or two that disagree: no date for the reference.
    bare = "Relations start on the date of the signing of this Agreement."
    assert "the date of the signing of this Agreement" not in _article_timexes(bare, None)
    two = text + "\nSigned in Lima on 5 March 2015."
    assert "the date of the signing of this Joint Communique" not in _article_timexes(two, None)


def test_an_almanac_of_year_dash_items_under_a_month_day_heading_is_dated_by_its_heading():
    # "Today in <word> history", a heading line with the month and day alone, and items
    # opening on their year and a dash or colon (issue #10, dev_23): the heading's day,
    # not the publication date (posted the evening before), nor the bare year.
    piece = (
        "Today in Chilean history\n"
        "March 3\n"
        "1958 -- Chile and Peru sign a fisheries accord in Lima.\n"
        "2004 – The Chilean president meets his Bolivian counterpart in Santiago.\n"
        "1999: Chile opens an embassy in Hanoi.\n"
        "The two nations had exchanged envoys in 1971."
    )
    found = _article_timexes(piece, dt.date(2023, 3, 2))
    assert found["1958"].value.edtf == "1958-03-03"
    assert found["2004"].value.edtf == "2004-03-03"
    assert found["1999"].value.edtf == "1999-03-03"
    assert found["1971"].value.edtf == "1971"  # not an item: the year as written
    # The heading states the day: no publication date is needed.
    assert _article_timexes(piece, None)["1958"].value.edtf == "1958-03-03"
    # Without a heading line the publication date gives the day.
    headless = "This day in Irish history\n\n1961 -- Ireland and Ghana set up ties."
    assert _article_timexes(headless, dt.date(2020, 6, 9))["1961"].value.edtf == "1961-06-09"
    # A year and a dash in an ordinary article is the year.
    plain = "Timeline\n1958 -- Chile and Peru sign a fisheries accord in Lima."
    assert _article_timexes(plain, dt.date(2023, 3, 2))["1958"].value.edtf == "1958"


@pytest.mark.parametrize(
    ("text", "expression", "edtf"),
    [
        (
            "FORTY years ago,today, four nations set up ties with Cuba.",
            "FORTY years ago,today",
            "1972-12-08",
        ),
        ("Fifty years ago today, Peru and Fiji signed.", "Fifty years ago today", "1962-12-08"),
        (
            "Ten years ago this week, Chad left the bloc.",
            "Ten years ago this week",
            "2002-12-02/2002-12-08",
        ),
        ("Two decades ago this month the war ended.", "Two decades ago this month", "1992-12"),
    ],
)
def test_an_anniversary_is_the_same_day_week_or_month_years_back(text, expression, edtf):
    found = {t.text: t for t in timexes(text, dt.date(2012, 12, 8))}
    assert found[expression].value.edtf == edtf
    # Without "today", the year as before.
    assert values("Forty years ago, ties were set up.", dt.date(2012, 12, 8)) == {
        "Forty years ago": "1972"
    }


@pytest.mark.parametrize(
    ("text", "published", "expression", "edtf"),
    [
        (
            "They would recognise each other from the New Year.",
            dt.date(1979, 1, 2),
            "the New Year",
            "1979-01-01",
        ),
        (
            "The two will set up ties from the New Year, he said.",
            dt.date(1978, 12, 16),
            "the New Year",
            "1979-01-01",
        ),
        (
            "Peru expelled the envoy on Christmas Eve 1989.",
            None,
            "Christmas Eve 1989",
            "1989-12-24",
        ),
        (
            "On New Year's Day, Fiji cut ties with Chad.",
            dt.date(2024, 1, 3),
            "New Year's Day",
            "2024-01-01",
        ),
        (
            "Fiji recalled its envoy on Christmas Day.",
            dt.date(2024, 1, 3),
            "Christmas Day",
            "2023-12-25",
        ),
    ],
)
def test_holidays_on_fixed_days_are_dates(text, published, expression, edtf):
    found = {t.text: t for t in timexes(text, published)}
    assert found[expression].value.edtf == edtf


def test_holiday_words_that_name_no_day_are_no_dates():
    assert values("The New Year celebrations and the Lunar New Year passed quietly.") == {}
    assert values("The Christmas season brought Christmas trees to Suva.") == {}


def test_the_n_years_ago_items_of_a_this_day_piece_are_its_day_years_back():
    piece = (
        "Today in History: Dec. 31\n\n"
        "On this date:\nIn 1960, Peru and Fiji established diplomatic relations.\n"
        "Ten years ago: Peru expelled Fiji's ambassador.\n"
        "One year ago: Peru rejoined the bloc."
    )
    found = _article_timexes(piece, dt.date(2016, 12, 31))
    assert found["1960"].value.edtf == "1960-12-31"
    assert found["Ten years ago"].value.edtf == "2006-12-31"
    assert found["One year ago"].value.edtf == "2015-12-31"
    # In an ordinary article "Ten years ago: ..." stays a year.
    plain = _article_timexes("Ten years ago: Peru expelled Fiji's envoy.", dt.date(2016, 12, 31))
    assert plain["Ten years ago"].value.edtf == "2006"


@pytest.mark.parametrize(
    ("text", "expression", "edtf"),
    [
        ("He resigned late last month.", "late last month", "2025-03-21~/2025-03-31~"),
        ("They met early this month in Suva.", "early this month", "2025-04-01~/2025-04-10~"),
        ("It ended at the end of last month.", "the end of last month", "2025-03-21~/2025-03-31~"),
        ("Late last week Peru recalled its envoy.", "Late last week", "2025-03-31/2025-04-06"),
        ("Peru left the bloc a fortnight ago.", "a fortnight ago", "2025-03-28"),
        (
            "Talks ran between March 3 and 5 in Lima.",
            "between March 3 and 5",
            "2025-03-03/2025-03-05",
        ),
        (
            "Talks ran between Feb. 27 and March 2, 2024.",
            "between Feb. 27 and March 2, 2024",
            "2024-02-27/2024-03-02",
        ),
    ],
)
def test_parts_of_relative_months_and_ranges_between_two_days(text, expression, edtf):
    found = {t.text: t for t in timexes(text, FRIDAY)}
    assert found[expression].value.edtf == edtf


def test_a_year_first_date_in_words_is_a_day():
    assert values("2019 Oct 4, 09:40, KOROR") == {"2019 Oct 4": "2019-10-04"}
    assert values("The vote of 2022 September 30 was held.")["2022 September 30"] == "2022-09-30"


def _sentences_values(text: str, published: dt.date) -> dict[str, str | None]:
    from timeline.extraction.sentences import split_sentences

    found = find_timexes(text, split_sentences(text), published)
    return {t.text: (t.value.edtf if t.value else None) for t in found}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The army of Ghana seized power on March 2, 1981. On March 9, the new rulers "
            "broke relations with Libya.",
            "1981-03-09",
        ),
        (
            "Fiji's parliament was dissolved on 14 May 1987. On 20 May, Fiji expelled the "
            "envoy of Vanuatu.",
            "1987-05-20",
        ),
    ],
)
def test_a_later_day_of_the_month_a_past_full_date_told_just_before_is_of_that_month(
    text, expected
):
    # A narrative of 1981 in an article of 2025: "On March 9" is that March, not the
    # latest March 9 before the publication date.
    found = _sentences_values(text, FRIDAY)
    assert expected in found.values()


def test_a_month_day_after_a_full_date_of_another_month_keeps_the_publication_rule():
    found = _sentences_values(
        "Ghana broke relations with Libya on March 2, 1981. On July 9, Ghana and Libya met.",
        FRIDAY,
    )
    assert found["July 9"] == "2024-07-09"


def test_an_undated_texts_day_without_year_takes_the_narratives_year():
    # A history page with no publication date: "On 8 August" after "August 6, 1990".
    text = "Premier Li visited Oman on August 6, 1990. On 8 August, the two signed a pact."
    sentences = [Sentence(0, 0, 42, text[:42]), Sentence(1, 43, len(text), text[43:])]
    got = {t.text: t.value and t.value.edtf for t in find_timexes(text, sentences, None)}
    assert got == {"August 6, 1990": "1990-08-06", "8 August": "1990-08-08"}


def test_a_dated_texts_day_without_year_counts_from_the_full_date_just_told():
    # A later day of the month told in the sentence before is that month's day, whatever
    # the publication date; further back, a bare day counts from the publication date.
    text = "Premier Li visited Oman on August 6, 1990. On 8 August, the two signed a pact."
    sentences = [Sentence(0, 0, 42, text[:42]), Sentence(1, 43, len(text), text[43:])]
    got = {t.text: t.value and t.value.edtf for t in find_timexes(text, sentences, FRIDAY)}
    assert got["8 August"] == "1990-08-08"
    far = "Li visited Oman on August 6, 1990. He met the emir. On 8 August, the two signed a pact."
    cut = [far.index("He"), far.index("On 8")]
    sentences = [
        Sentence(0, 0, cut[0] - 1, far[: cut[0] - 1]),
        Sentence(1, cut[0], cut[1] - 1, far[cut[0] : cut[1] - 1]),
        Sentence(2, cut[1], len(far), far[cut[1] :]),
    ]
    got = {t.text: t.value and t.value.edtf for t in find_timexes(far, sentences, FRIDAY)}
    assert got["8 August"] == "2024-08-08"


def test_a_signing_date_among_some_sentences_only_looks_them_up_by_index():
    # Callers pass one sentence of an article (its index is not 0): the closing formula
    # "Done in ..." is looked up by sentence index, never by list position.
    text = "Done in Lima on 3 May 1994, in force from the date of its signature."
    one = Sentence(7, 0, len(text), text)
    found = find_timexes(text, [one], None)
    assert [t.value.edtf for t in found if t.value] == ["1994-05-03"]
