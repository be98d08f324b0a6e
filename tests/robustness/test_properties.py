"""Property tests: whatever text comes in, the extraction keeps its contract.

Arbitrary articles are assembled from diplomatic-news words, dates in odd
forms, numbers, stray punctuation and arbitrary unicode, with header-like
first lines, CRLF or CR line ends, blank lines, a BOM and very long lines.
Examples are derandomized (the same ones every run, so a failure reproduces)
and few, so the whole folder stays fast.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from edtf import parse_edtf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.extraction.pipeline import build_timeline, extract_article
from timeline.extraction.temporal import resolve
from timeline.extraction.types import (
    PRECISIONS,
    ArticleExtraction,
    DateValue,
    DocInput,
    TimelineResult,
)

PROPERTY = settings(
    derandomize=True,  # same examples every run: a failure here is reproducible as is
    database=None,  # nothing written into the work tree
    deadline=None,  # the first call compiles the grammar
    max_examples=40,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

COUNTRIES = [
    "France",
    "Chile",
    "South Korea",
    "North Korea",
    "the Republic of Korea",
    "Syria",
    "Syrian",
    "Cuba",
    "Japan",
    "Côte d'Ivoire",
    "the United States",
    "U.S.",
    "Korea",
    "the two Koreas",
    "Niue",
    "Vatican City",
]
PEOPLE = [
    "Minister Cho Tae-yeol",
    "Foreign Minister Ahmad al-Shaybani",
    "President Ahmed al-Shara",
    "Mr. Kim",
    "Dr. Müller",
    "Secretary Blinken",
    "Wang Yi",
    "the ambassador",
    "the Ministry of Foreign Affairs",
    "Hay'at Tahrir al-Sham (HTS)",
]
VERBS = [
    "established diplomatic relations with",
    "signed a joint statement with",
    "severed ties with",
    "restored diplomatic relations with",
    "visited",
    "met",
    "will visit",
    "plans to establish relations with",
    "expelled diplomats from",
    "recognised",
    "held talks with",
    "said",
    "announced",
    "agreed to restore diplomatic relations with",
]
DATES = [
    "11 March 2025",
    "March 11, 2025",
    "Tuesday, March 11",
    "Friday (Feb. 14)",
    "Feb. 5 to 7",
    "Feb. 28 to March 2, 2025",
    "2025-03-11",
    "2025/3/11",
    "2025.03.11",
    "11/03/2025",
    "31.12.99",
    "2025-02-30",
    "31 February 2024",
    "Feb. 29, 2023",
    "0000-01-01",
    "9999-12-31",
    "1000-01-01",
    "the 10th",
    "on the 31st",
    "on the nineteenth",
    "the 10th of last month",
    "December 8th last year",
    "last Thursday",
    "yesterday",
    "tomorrow",
    "this weekend",
    "next month",
    "earlier this year",
    "the end of the year",
    "mid-February",
    "late 2024",
    "winter 2099",
    "spring 1000",
    "the 1990s",
    "the '80s",
    "the 1800's",
    "the 1st century",
    "the 22nd century",
    "in 1966",
    "since 1966",
    "between 2011 and 2024",
    "2011-24",
    "2024-2011",
    "9/11",
    "the Sept. 11 attacks",
    "two years later",
    "the previous day",
    "3000 years ago",
    "99999999999 days ago",
    "9000 years since 1966",
    "half a century",
    "13 years",
    "every year",
    "recently",
    "May",
    "March",
]
PUNCTUATION = [*".,;:!?()[]\"'“”‘’—–-/|•…$€£%#&*", "...", " -- ", "?!", ".)", "U.S."]
HEADER_KEYS = ["title", "url", "outlet", "published", "date", "author", "Note", "Published", "X"]

token = st.one_of(
    st.sampled_from(COUNTRIES),
    st.sampled_from(PEOPLE),
    st.sampled_from(VERBS),
    st.sampled_from(DATES),
    st.sampled_from(PUNCTUATION),
    st.integers(min_value=-(10**6), max_value=10**12).map(str),
    st.text(min_size=1, max_size=8),  # any unicode except lone surrogates
)
line = st.lists(token, max_size=25).map(" ".join)
# A very long line: a few tokens repeated, with or without sentence ends. Kept to
# 4,000 characters: the suite must stay fast, and bench/ingest_bench.py measures size.
long_line = st.builds(
    lambda words, n, stop: ((" ".join(words) + stop) * n)[:4_000],
    st.lists(token, min_size=1, max_size=6),
    st.integers(min_value=20, max_value=200),
    st.sampled_from([". ", " ", ", "]),
)
header_line = st.builds(
    lambda key, value: f"{key}: {value}",
    st.sampled_from(HEADER_KEYS),
    st.one_of(st.sampled_from(DATES), line),
)
newline = st.sampled_from(["\n", "\r\n", "\n\n", "\r\n\r\n", "\r", "\n \n", "\u2028"])


@st.composite
def articles(draw, long: bool = True) -> str:
    header = draw(st.lists(header_line, max_size=4))
    body = draw(st.lists(line, max_size=8))
    if long and draw(st.booleans()):  # at most one long line
        body.insert(draw(st.integers(0, len(body))), draw(long_line))
    nl = draw(newline)
    text = nl.join(header)
    if header and draw(st.booleans()):
        text += nl + nl  # a header block ended by a blank line
    elif header:
        text += nl
    text += nl.join(body)
    if draw(st.booleans()):
        text += nl
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text


publications = st.one_of(
    st.none(),
    st.dates(),
    st.sampled_from([dt.date.min, dt.date.max, dt.date(2025, 3, 11), dt.date(2000, 2, 29)]),
)


def check_date_value(value: DateValue, where: str) -> None:
    assert value.start <= value.end, where
    assert value.precision in PRECISIONS, where
    assert value.display, where
    # Every EDTF string the extraction writes is one the edtf package reads.
    assert parse_edtf(value.edtf) is not None, (where, value.edtf)


def check_article(text: str, article: ArticleExtraction) -> None:
    n = len(text)
    assert 0 <= article.header.body_start <= n
    previous_end = -1
    for i, sentence in enumerate(article.sentences):
        assert sentence.index == i
        assert 0 <= sentence.start < sentence.end <= n
        assert sentence.start >= previous_end, "sentences overlap or go backwards"
        assert text[sentence.start : sentence.end] == sentence.text
        previous_end = sentence.end
    sentence_ids = range(len(article.sentences))
    for mention in article.mentions:
        assert 0 <= mention.start < mention.end <= n, mention
        assert text[mention.start : mention.end] == mention.text, mention
        assert mention.sentence in sentence_ids, mention
    for timex in article.timexes:
        assert 0 <= timex.start < timex.end <= n, timex
        assert text[timex.start : timex.end] == timex.text, timex
        assert timex.sentence in sentence_ids, timex
        sentence = article.sentences[timex.sentence]
        assert sentence.start <= timex.start and timex.end <= sentence.end, timex
        if timex.value is not None:
            check_date_value(timex.value, timex.text)
    for event in article.events:
        assert event.sentence in sentence_ids, event
        if event.date is not None:
            check_date_value(event.date, event.title)
    assert article.published.value is None or isinstance(article.published.value, dt.date)


@PROPERTY
@given(articles(), publications)
def test_extract_article_never_raises_and_every_offset_points_at_its_text(text, published):
    check_article(text, extract_article(text, published=published))


@settings(PROPERTY, max_examples=40)
@given(st.text(max_size=400))
def test_extract_article_on_raw_unicode(text):
    check_article(text, extract_article(text))


@settings(PROPERTY, max_examples=40)
@given(st.lists(st.sampled_from(DATES), min_size=1, max_size=6), publications)
def test_dense_dates_resolve_to_calendar_values(dates, published):
    text = "France and Chile met " + ", then ".join(dates) + "."
    article = extract_article(text, published=published)
    check_article(text, article)
    for timex in article.timexes:
        assert timex.kind in ("date", "duration", "set"), timex
        assert timex.role in ("", "since", "until", "before", "after"), timex
        if published is not None:
            # Re-resolving against the same day (as the inference does) gives the same value.
            assert resolve(timex, published) == timex.value, timex


# --- across articles ----------------------------------------------------------


def canonical(result: TimelineResult) -> dict:
    """The result with every collection in a fixed order, so two runs can be compared."""
    events = sorted(
        (
            e.type,
            e.title,
            (e.date.start, e.date.end, e.date.edtf) if e.date else (),  # DateValue has no order
            e.date_certain,
            e.status,
            tuple(sorted(e.countries)),
            tuple(sorted(e.actors)),
            tuple(sorted((r.article, r.sentence, r.date_text) for r in e.evidence)),
            tuple(sorted(repr(c) for c in e.conflicts)),
        )
        for e in result.events
    )
    actors = sorted(
        (a.key, a.name, a.kind, tuple(sorted(a.aliases)), a.country) for a in result.actors
    )
    articles = {
        key: (
            a.published,
            a.title,
            [dataclasses.astuple(m) for m in a.mentions],
            [(t.start, t.end, t.value) for t in a.timexes],
            sorted(repr(e) for e in a.events),
        )
        for key, a in result.articles.items()
    }
    return {
        "events": events,
        "actors": actors,
        "articles": articles,
        "duplicates": duplicate_groups(result.near_duplicates),
    }


def duplicate_groups(copies: dict[str, str]) -> set[frozenset[str]]:
    """Which articles are copies of each other. Which one counts as the original follows
    the input order on purpose (the one stored first), so only the grouping is compared."""
    groups: dict[str, set[str]] = {}
    for copy, original in copies.items():
        merged = groups.get(copy, {copy}) | groups.get(original, {original})
        for key in merged:
            groups[key] = merged
    return {frozenset(group) for group in groups.values()}


def corpus_doc(index: int, text: str, published: dt.date | None) -> DocInput:
    return DocInput(key=f"k{index:03d}", text=text, published=published)


diplomatic_sentence = st.builds(
    lambda a, verb, b, date: f"{a} {verb} {b} {date}.",
    st.sampled_from(COUNTRIES + PEOPLE),
    st.sampled_from(VERBS),
    st.sampled_from(COUNTRIES),
    st.sampled_from(DATES),
)
DATELINES = [
    "SEOUL, Feb. 14 (Yonhap) --",
    "SEOUL, Feb. 14 (News 1) --",
    "DAMASCUS, April 11, 2025 (AP) --",
    "PARIS, 29 Feb --",
    "Published: 11 Mar. 2025, 17:03",
    "date 2025-03-11",
    "MOSCOW (UrduPoint News / Sputnik - 28th November, 2019)",
    "",
]
# Several articles on one happening, dated relatively: exercises the date inference.
story_article = st.builds(
    lambda dateline, sentences, year: "\n".join(
        [dateline, *sentences, f"Ties were cut in {year}."]
    ),
    st.sampled_from(DATELINES),
    st.lists(
        st.builds(
            "South Korea and Syria {} {}.".format,
            st.sampled_from(
                ["established diplomatic relations", "signed a joint statement", "will meet"]
            ),
            st.sampled_from(
                ["on Thursday", "last week", "on the 10th", "yesterday", "on April 10, 2025"]
            ),
        ),
        min_size=1,
        max_size=3,
    ),
    st.integers(min_value=1990, max_value=2025),
)
corpus_article = st.one_of(
    st.lists(diplomatic_sentence, min_size=1, max_size=5).map("\n".join),
    story_article,
    articles(long=False),
)
corpus = st.lists(
    st.tuples(corpus_article, st.one_of(st.none(), st.dates(dt.date(2020, 1, 1)))),
    min_size=1,
    max_size=5,
)


@settings(PROPERTY, max_examples=25)
@given(corpus, st.randoms(use_true_random=False))
def test_build_timeline_is_deterministic_and_independent_of_article_order(docs, rnd: random.Random):
    inputs = [corpus_doc(i, text, published) for i, (text, published) in enumerate(docs)]
    first = build_timeline(inputs)
    for key, article in first.articles.items():
        check_article(next(d.text for d in inputs if d.key == key), article)
    for event in first.events:
        assert event.evidence, event
        if event.date is not None:
            check_date_value(event.date, event.title)

    assert canonical(build_timeline(inputs)) == canonical(first)
    shuffled = list(inputs)
    rnd.shuffle(shuffled)
    assert canonical(build_timeline(shuffled)) == canonical(first)


@settings(PROPERTY, max_examples=15)
@given(corpus)
def test_a_doc_given_twice_counts_once(docs):
    inputs = [corpus_doc(i, text, published) for i, (text, published) in enumerate(docs)]
    assert canonical(build_timeline(inputs + inputs[:1])) == canonical(build_timeline(inputs))
