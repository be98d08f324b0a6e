"""Publication dates: read them where the article states them, infer them across articles.

In order of trust (DATES.md):

1. the header block (``published:``/``date:``) -> ``PUB_HEADER``;
2. a "Published: 11 Mar. 2025, 17:03" / "date 2025-03-11" line, a dateline
   ("SEOUL, Feb. 14 (Yonhap) --") or a line that is only a date, in the first
   lines of the body -> ``PUB_DATELINE`` (a dateline without a year stays
   uncertain, unless the address gives the year); the date in the article's
   address (``/2024/01/28/``) -> ``PUB_HEADER``, trusted between them;
3. what the text alone implies: a weekday written with its date puts the
   report within a week of it -> ``PUB_INFERRED``;
4. :func:`infer_publication_dates`: the days on which every relative
   expression of an undated article agrees with what other articles say about
   the same happenings (inside the month or year its address gives) ->
   ``PUB_INFERRED``, with the reasoning in words;
5. otherwise ``PUB_UNKNOWN``: shown as uncertain, never guessed silently.
"""

from __future__ import annotations

import datetime as dt
import re
from array import array
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from urllib.parse import urlsplit

from . import temporal
from .types import (
    DAY,
    PUB_DATELINE,
    PUB_HEADER,
    PUB_INFERRED,
    PUB_UNKNOWN,
    DateValue,
    Header,
    PublicationDate,
    Sentence,
    Timex,
)

__all__ = [
    "Anchor",
    "DatingInput",
    "dateline_end",
    "dateline_month_day",
    "dateline_place_end",
    "find_publication_date",
    "infer_publication_dates",
    "informative",
    "mentioned_years",
    "publication_year_hints",
    "url_date",
]

# How far into the body a dateline or "Published:" line may be.
HEAD_LINES = 15
HEAD_CHARS = 2500

# The outlet a reprint names: "First published in The Age on December 23, 1972".
_OUTLET = r"(?-i:[A-Z])[\w.&'’-]*(?:\s+(?-i:[A-Z])[\w.&'’-]*){0,4}"
_LABEL = re.compile(
    r"(?i)^[\W_]*(?P<label>(?:first\s+)?published(?:\s+in\s+" + _OUTLET + r")?(?:\s+(?:on|at))?"
    r"|posted(?:\s+on)?|released|release\s+date|issued|write|written(?:\s+on)?"
    r"|updated|last\s+updated|"
    r"modified|date(?:d)?)\b\s*[:\-–|]?\s*(?P<rest>.*)$"
)
# "... IfaxReuters | Moscow | Updated: 16-04-2021 21:56 IST | Created: 16-04-2021 21:56 IST"
_LABEL_INLINE = re.compile(
    r"(?i)(?:^|[|·•]\s*|\s{2,})(?P<label>published|posted|created|updated|write|written|date)\s*:\s*"
    r"(?P<rest>[^|·•]{0,60})"
)
_LABEL_TRUST = {
    "published": 0,
    "first published": 0,
    "write": 0,
    "written": 0,
    "created": 0,
    "posted": 1,
    "released": 1,
    "issued": 1,
    "date": 2,
    "dated": 2,
    "updated": 3,
    "last updated": 3,
    "modified": 3,
}
_MON = temporal._MON
# Between the place and the date: a comma; the country in square brackets with or without
# one ("Lima [Peru], March 3", "Taipei [Taiwan] November 19 :"); or a dash, as chronologies
# head their entries ("CHAD - Dec. 22 - ...").
# Then perhaps the weekday: "LAHORE, Pakistan, Saturday, Feb. 23—".
_PLACE_TO_DATE = (
    r"(?:\s*\[[A-Za-z][\w.' -]{0,30}\]\s*,?|\s*,|\s+[-–—])\s*"
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
)
_DATELINE_DATE = (
    rf"(?P<date>(?:{_MON})\s*\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s*(?P<y1>\d{{4}}))?"
    rf"|\d{{1,2}}\s+(?:{_MON})(?:\s+(?P<y2>\d{{4}}))?)"
)
_DASH = r"(?:--|—|–|-|:)"
# After the date: the agency in brackets, then perhaps no dash when the lead runs on
# ("Beijing, Sep 28 (AFP) China and ..."); or between slashes ("November 4. /TASS/.",
# "Mar 3, 2024 / PRNewswire / --"); or after a comma ("March 3, IRNA --"); then a dash
# or a colon.
_DATELINE_END = (
    rf"\s*(?:\((?P<agency>[^)]{{1,40}})\)\s*{_DASH}?"
    rf"|\.?\s*/\s*[A-Za-z][\w .-]{{0,30}}/\s*\.?\s*{_DASH}?"
    rf"|,\s*[A-Z][A-Za-z]{{1,15}}\s*{_DASH}"
    rf"|{_DASH})"
)
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'’\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'’\- ]{1,30})?)"
    + _PLACE_TO_DATE
    + _DATELINE_DATE
    + _DATELINE_END
)
# "Tehran, August 23: Britain reopened ...": a place in title case, as some outlets print it.
_TITLE_DATELINE = re.compile(
    # "Nairobi, Kenya, March 3, 2024 —": the country may follow the place.
    r"^\s*(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?)?)"
    + _PLACE_TO_DATE
    + _DATELINE_DATE
    + _DATELINE_END
)
# "Jan. 3 (UPI) — On this date in history:": no place, the agency in brackets after the
# date, then a dash.
_PLACELESS_DATELINE = re.compile(
    r"^\s*" + _DATELINE_DATE + rf"\s*\((?P<agency>[^)]{{1,40}})\)\s*{_DASH}"
)
# Openings of ordinary sentences that look like a title-case place.
_NOT_A_PLACE = re.compile(
    r"(?i)^(?:on|in|at|by|since|until|however|but|and|then|today|yesterday|last|next|this|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    + "|".join(m.lower() for m in temporal.MONTH_NAMES[1:])
    + r")\b"
)
_AGENCY_DATELINE = re.compile(r"^\s*[A-Z][A-Z.'’\- ]{1,40}\s*\((?P<inside>[^)]{1,80})\)")
_AGO = re.compile(r"(?i)\b(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago\b")
_TIME_WORDS = re.compile(
    r"(?i)\b(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?|am|pm|kst|gmt|utc|est|edt|cet|cest|bst|jst|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|at|on|updated|"
    r"published|posted|[+-]\d{4})\b|[|,·•/()\-–—]"
)


def _label_key(label: str) -> str:
    label = re.sub(r"\s+", " ", label.lower())
    label = re.sub(r" (?:on|at)$", "", label)
    label = re.sub(r"^((?:first )?published) in .*$", r"\1", label)
    return {"release date": "released"}.get(label, label)


def _day_from(text: str, max_start: int = 12) -> tuple[dt.date, str] | None:
    """A day-precision absolute date at the start of ``text``, and the words it came from."""
    found = temporal.parse_absolute(text)
    if not found:
        return None
    value, start, end = found
    if value.precision != DAY or start > max_start:
        return None
    return value.start, text[start:end]


def find_publication_date(text: str, header: Header, sentences: list[Sentence]) -> PublicationDate:
    """The publication date the article itself states, or infers from its own text
    alone (``PUB_INFERRED``), or ``PUB_UNKNOWN``.

    In order of trust: the header's date; a "Published:" line or a dateline with a
    year; the date in the article's address; a line that is only a date; a dateline
    without a year; then what the text implies (a weekday written with its date)."""
    stated = _header_date(header)
    if stated:
        return stated
    url = url_date(header.fields.get("url", ""))
    best = _best_line(text, header, sentences, url)
    if url is not None and url.day is not None and (best is None or best[0] > URL_TRUST):
        where = f"the date in the article's address ({url.shown})"
        best = (URL_TRUST, PublicationDate(url.day, PUB_HEADER, where))
    if best:
        return best[1]() if callable(best[1]) else best[1]
    if _WEEKDAY_WITH_DATE.search(text, header.body_start):
        implied = _text_implied_date(temporal.find_timexes(text, sentences, None), url)
        if implied is not None:
            return implied
    why = "no date in the header, no dateline or 'Published' line in the first lines"
    if url is None:
        return PublicationDate(None, PUB_UNKNOWN, why)
    # The month or year of the address: the days the inference may choose from.
    return PublicationDate(
        None,
        PUB_UNKNOWN,
        f"{why}; the article's address gives {url.shown}",
        alternatives=tuple(_url_days(url)),
    )


def informative(pub: PublicationDate) -> bool:
    """True when a date found in an article helps date it: a day, the month and day of
    a dateline without a year, or the days the article's address allows."""
    return pub.value is not None or dateline_month_day(pub) is not None or bool(pub.alternatives)


def _best_line(
    text: str, header: Header, sentences: list[Sentence], url: UrlDate | None
) -> _Candidate | None:
    head = text[header.body_start : header.body_start + HEAD_CHARS]
    # "November 23 , 1998": scraped pages often leave a space before the comma.
    lines = [re.sub(r"\s+,", ",", line.strip()) for line in head.splitlines() if line.strip()]
    best: _Candidate | None = None
    stamped = False
    for index, line in enumerate(lines[:HEAD_LINES]):
        # Each candidate comes with its trust (1 is the most trusted); the first of the
        # most trusted wins, except that a date line with a clock time ("2021 Mar 19,
        # 11:13, SEOUL") beats a bare one of equal trust above it ("Friday Jun 2, 2023"):
        # a page prints the day it is served bare, a story its filing time.
        lead = index < LEAD_LINES
        clock = bool(_CLOCK_TIME.search(line))
        for trust, pub in _line_dates(line, text, header, sentences, url, lead):
            if best is None or trust < best[0] or (trust == best[0] and clock and not stamped):
                best, stamped = (trust, pub), clock
    return best


_CLOCK_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")


# --- what the text alone implies ------------------------------------------------------

# A weekday written next to a day of the month: without one, the text implies nothing.
_WEEKDAY_WITH_DATE = re.compile(
    r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\W{1,4}"
    rf"(?:(?:the\s+)?\d{{1,2}}\b|{_MON})"
)

# A weekday names a day of the week around the report: news style writes the weekday for
# the seven days before or after the publication date, the month and day beyond them.
WEEK_DAYS = 7
# A full date written with its weekday tells when the report was written only in the
# lead; further down it may be a recollection ("On Sunday, December 7, 1941, ...").
LEAD_SENTENCES = 3


def _text_implied_date(timexes: Sequence[Timex], url: UrlDate | None) -> PublicationDate | None:
    """The publication date the text alone implies, when a weekday written with its date
    pins it ("on Thursday (May 4)" in a text that mentions 2017; "announced on Monday,
    14 January 2008" in the lead): the days within a week of that date on which every
    such weekday is right, the first on or after the dates reported as past."""
    years = mentioned_years(timexes)
    pins = _pins(timexes, years)
    # The year a weekday gives a month and day must be one the text (or its address)
    # names: "Saturday, December 8" fits 2001 and 2012 alike.
    attested = {url.year} if url is not None else set(years)
    days = _pinned_days(pins, attested, url)
    fits = [P for P in days if all(_pin_fits(pin, P, attested) for pin in pins)]
    if not fits:
        return None
    past = [_timex_value(p, fits[0]).start for p in pins if not p.spec.future]
    after = [P for P in fits if not past or max(past) <= P]
    chosen = (after or fits)[0]
    others = [P for P in fits if chosen != P]
    shown = "; ".join(f"'{p.text}' is {_timex_value(p, chosen).display}" for p in pins)
    choice = (
        "the only day that fits"
        if not others
        else f"{len(fits)} days fit; {chosen.isoformat()} is the first on or after the dates "
        "it reports as past"
    )
    evidence = (
        f"Inferred from the text alone: {shown}, and a weekday names a day within a week of "
        f"the report; {choice}."
    )
    return PublicationDate(
        chosen,
        PUB_INFERRED,
        evidence,
        certain=not others,
        alternatives=tuple(others[:MAX_ALTERNATIVES]),
    )


def _pins(timexes: Sequence[Timex], years: tuple[int, ...]) -> list[Timex]:
    """Dates written with their weekday: a month and day without a year, or a full date
    in the lead that is not older than the latest year the text mentions."""
    pins = []
    for timex in timexes:
        spec = timex.spec
        if timex.kind != "date" or getattr(spec, "weekday", None) is None:
            continue
        if timex.relative or (
            timex.value is not None
            and timex.value.precision == DAY
            and timex.sentence < LEAD_SENTENCES
            and timex.value.start.year >= max(years, default=0)
        ):
            pins.append(timex)
    return pins


def _pinned_days(pins: list[Timex], attested: set[int], url: UrlDate | None) -> list[dt.date]:
    """The days within a week of every pin's possible dates (and inside the address's
    month or year): the only days worth checking one by one."""
    days: set[dt.date] | None = None
    for pin in pins:
        near = {
            d + dt.timedelta(days=k)
            for d in _pin_dates(pin, attested)
            for k in range(-WEEK_DAYS - temporal.LEEWAY_DAYS, WEEK_DAYS + 1)
        }
        days = near if days is None else days & near
    if url is not None:
        days = (days or set()) & set(_url_days(url))
    return sorted(days or ())


def _pin_dates(pin: Timex, attested: set[int]) -> list[dt.date]:
    """The dates a pin can stand for: its own, or its month (every month, for "Thursday
    the 4th") and day in each attested year, on its weekday."""
    if not pin.relative:
        return [pin.value.start]
    spec = pin.spec
    day = spec.args[1] if spec.op == "monthday" else spec.args[0]
    months = [spec.args[0]] if spec.op == "monthday" else range(1, 13)
    dates = (temporal._safe_date(y, m, day) for y in attested for m in months)
    return [d for d in dates if d is not None and d.weekday() == spec.weekday]


def _url_days(url: UrlDate) -> list[dt.date]:
    if url.day is not None:
        return [url.day]
    if url.month is not None:
        last = temporal._last_day(url.year, url.month)
        return [dt.date(url.year, url.month, d) for d in range(1, last + 1)]
    return list(_days((url.year, url.year)))


def _pin_fits(pin: Timex, P: dt.date, attested: set[int]) -> bool:
    value = _timex_value(pin, P)
    if value is None or value.precision != DAY:
        return False
    if pin.relative and not (temporal.weekday_agrees(pin, value) and value.start.year in attested):
        return False
    gap = (value.start - P).days if pin.spec.future else (P - value.start).days
    if not pin.relative:
        gap = abs(gap)
    return -temporal.LEEWAY_DAYS <= gap <= WEEK_DAYS


# --- the date in the article's address ------------------------------------------------

# Trusted like a line that is only a date: below a "Published:" line or a dated dateline,
# above an "Updated:" line and a dateline without a year.
URL_TRUST = 2


@dataclass(frozen=True)
class UrlDate:
    """The date a news site wrote into an article's address: a day, or a month or a year."""

    year: int
    month: int | None
    day: dt.date | None
    shown: str  # the part of the address it was read from


_URL_YEAR = r"(?P<y>(?:19|20)\d\d)"
_URL_DAYS = [
    # /2024/1/28/, /2003-11-29-, /2024_01_28
    re.compile(
        rf"(?<!\d){_URL_YEAR}(?P<s>[/_.-])(?P<m>1[0-2]|0?[1-9])(?P=s)(?P<d>3[01]|[12]\d|0?[1-9])(?!\d)"
    ),
    # /20240128/, /202401/28/, -20211119031404 (a day and a clock time)
    re.compile(
        rf"(?<!\d){_URL_YEAR}(?P<m>1[0-2]|0[1-9])/?(?P<d>3[01]|[12]\d|0[1-9])(?:\d{{6}})?(?!\d)"
    ),
    # /10/31/2023/: month first, as American sites write it
    re.compile(rf"(?<!\d)(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/{_URL_YEAR}(?!\d)"),
]
# /2002/Jul/, /2016/12/: a month without its day
_URL_MONTH = re.compile(rf"(?<!\d){_URL_YEAR}[/_-](?P<m>1[0-2]|0[1-9]|[A-Za-z]{{3,9}})(?=[/_-]|$)")
_URL_YEAR_ONLY = re.compile(rf"/{_URL_YEAR}(?=/)")


def url_date(url: str) -> UrlDate | None:
    """The date in an article's address, read from its path (never its query string:
    a site's calendar widget writes ``?yr=2024`` on any page)."""
    try:
        path = urlsplit(url.strip()).path
    except ValueError:  # "http://[::1": not an address at all
        return None
    for pattern in _URL_DAYS:
        for match in pattern.finditer(path):
            day = temporal._safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
            if day:
                return UrlDate(day.year, day.month, day, match.group().strip("/_.-"))
    for match in _URL_MONTH.finditer(path):
        month = _url_month(match["m"])
        if month:
            return UrlDate(int(match["y"]), month, None, match.group().strip("/_-"))
    match = _URL_YEAR_ONLY.search(path)
    return UrlDate(int(match["y"]), None, None, match["y"]) if match else None


def _url_month(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return temporal.MONTH_LOOKUP.get(word.lower())


def _header_date(header: Header) -> PublicationDate | None:
    for key in ("published", "date"):
        raw = header.fields.get(key, "").strip()
        day = _day_from(raw, max_start=len(raw)) if raw else None
        if day:
            return PublicationDate(day[0], PUB_HEADER, f"header field {key}: {raw}")
    return None


# A trust and a date, or a function giving the date when only the winner is worth
# computing (a year-less dateline reads every temporal expression of the article).
_Candidate = tuple[int, PublicationDate | Callable[[], PublicationDate]]


def _line_dates(
    line: str,
    text: str,
    header: Header,
    sentences: list[Sentence],
    url: UrlDate | None,
    lead: bool = True,
) -> list[_Candidate]:
    """The publication dates one of the first lines states, each with its trust."""
    labelled = _labelled_dates(line)
    if labelled:
        return labelled
    dateline = _DATELINE.match(line) or _glued_dateline(line)
    if not dateline:
        titled = _TITLE_DATELINE.match(line)
        if titled and not _NOT_A_PLACE.match(titled["place"]):
            dateline = titled
    dateline = dateline or _PLACELESS_DATELINE.match(line)
    if dateline:
        return _dateline_dates(dateline, text, header, sentences, url)
    # "MOSCOW (UrduPoint News / Sputnik - 28th November, 2019) Chinese ..."
    agency = _AGENCY_DATELINE.match(line)
    day = _day_from(agency["inside"], max_start=len(agency["inside"])) if agency else None
    if day:
        shown = agency.group().strip()
        return [(1, PublicationDate(day[0], PUB_DATELINE, f"dateline '{shown}'"))]
    leading = _leading_date(line) if lead else None
    if leading:
        return [leading]
    alone = _date_alone(line)
    return [alone] if alone else []


# A date opening one of the first lines may also be a feature's first words ("December 7,
# 1941 - a date which will live in infamy"): trusted below the address, only there.
LEADING_DATE_TRUST = 3
LEAD_LINES = 3
# What follows a full date that opens the lead: "March 3, 2024 — ...", "3 March 2024 | ...",
# "(March 3, 2024) ...".
_OPENS_WITH_DATE = re.compile(rf"\s*\(?\s*(?:\d|{_MON})")
_AFTER_LEADING_DATE = re.compile(r"\s*(?:\)|(?:--|—|–|-|\|)(?=\s))")


def _leading_date(line: str) -> _Candidate | None:
    """A full date that opens the first line and is set off from the lead by a dash, a
    bar or brackets: the dateline of outlets that print no place."""
    if not _OPENS_WITH_DATE.match(line):
        return None
    day = _day_from(line, max_start=2)
    if not day:
        return None
    end = line.index(day[1]) + len(day[1])
    if not _AFTER_LEADING_DATE.match(line, end):
        return None
    shown = line[: _AFTER_LEADING_DATE.match(line, end).end()].strip()
    return (LEADING_DATE_TRUST, PublicationDate(day[0], PUB_DATELINE, f"dateline '{shown}'"))


# Where a dateline in capitals may start inside a line: glued to a photo credit
# ("... Reuters picPARIS, May 4 —The ministers ...") or after a caption's full stop.
_GLUE = re.compile(r"(?:(?<=[a-z])|(?<=[.!?”\"]\s)|(?<=[—–]\s))(?=[A-Z]{2})")
GLUE_CHARS = 400


def _glued_dateline(line: str) -> re.Match | None:
    for glue in _GLUE.finditer(line, 0, GLUE_CHARS):
        dateline = _DATELINE.match(line[glue.start() :])
        if dateline:
            return dateline
    return None


def _labelled_dates(line: str) -> list[_Candidate]:
    """ "Published: 3 May 2021", "Updated on ...": trusted by their label."""
    found = []
    for label in [m for m in (_LABEL.match(line),) if m] + list(_LABEL_INLINE.finditer(line)):
        day = _day_from(label["rest"])
        if day:
            trust = _LABEL_TRUST.get(_label_key(label["label"]), 2)
            shown = line[label.start("label") :].strip()[:80]
            found.append((trust, PublicationDate(day[0], PUB_DATELINE, f"line '{shown}'")))
    return found


def _dateline_dates(
    dateline: re.Match, text: str, header: Header, sentences: list[Sentence], url: UrlDate | None
) -> list[_Candidate]:
    got = temporal.parse_absolute(dateline["date"])
    shown = dateline.group().strip()
    if got and got[0].precision == DAY and (dateline["y1"] or dateline["y2"]):
        return [(1, PublicationDate(got[0].start, PUB_DATELINE, f"dateline '{shown}'"))]
    month_day = _month_day_of(dateline["date"])
    if month_day:
        return [(4, lambda: _yearless_dateline(text, sentences, month_day, shown, url))]
    return []


def _date_alone(line: str) -> _Candidate | None:
    """A line that is nothing but a date (and perhaps a time or a weekday), or a byline
    with a date and a clock time ("Sumaira FH 3 minutes ago Thu 28th November 2019 |
    03:18 PM")."""
    day = _day_from(line, max_start=len(line)) if len(line) <= 90 else None
    if not day:
        return None
    rest = _AGO.sub(" ", line.replace(day[1], " "))
    clock = re.search(r"\b\d{1,2}:\d{2}\b", rest)
    words = re.findall(r"[A-Za-z]{2,}", _TIME_WORDS.sub(" ", rest))
    alone = not words and len(line) <= 60
    byline = clock is not None and len(words) <= 3
    if alone or byline:
        return (2, PublicationDate(day[0], PUB_DATELINE, f"line '{line[:80]}'"))
    return None


# "RIYADH: Iran reopened ...", "WASHINGTON (AP) — ...": a place in capitals, no date.
_BARE_DATELINE = re.compile(r"^\s*[A-Z][A-Z.'’\- ]{2,40}(?:\s*\([^)]{1,60}\))?\s*(?::|--|—|–|-)\s+")


# "DUBAI, United Arab Emirates --", "TAIPEI, Taiwan (AP) —": a place in capitals and the
# country it is in, named to place the filing, not as a party to what is reported.
_DATELINE_COUNTRY = re.compile(
    r"^\s*[A-Z][A-Z.'’\- ]{2,40},\s*[A-Z][\w.'’-]*(?:\s+(?:(?:and|of|the)\s+)*[A-Z][\w.'’-]*){0,4}"
    r"(?=\s*(?:\(|--|—|–|-\s|:))"
)


def dateline_place_end(sentence_text: str) -> int:
    """Where the place of a dateline that opens the sentence ends, its country included
    (0 if none): "DUBAI, United Arab Emirates"."""
    match = _DATELINE_COUNTRY.match(sentence_text)
    return match.end() if match else 0


def dateline_end(sentence_text: str) -> int:
    """Where a dateline that opens the sentence ends (0 if none): its place and date
    say where and when the report was filed, not where or when the happening was."""
    for pattern in (_DATELINE, _TITLE_DATELINE, _BARE_DATELINE):
        match = pattern.match(sentence_text)
        if match and not (pattern is _TITLE_DATELINE and _NOT_A_PLACE.match(match["place"])):
            return match.end()
    agency = _AGENCY_DATELINE.match(sentence_text)
    if agency:
        rest = re.match(r"\s*(?:--|—|–|-|:)\s*", sentence_text[agency.end() :])
        return agency.end() + (rest.end() if rest else 0)
    return 0


def _month_day_of(text: str) -> tuple[int, int] | None:
    match = re.search(rf"(?P<m>{_MON})\s*(?P<d>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MON})", text)
    if not match:
        return None
    month = temporal.MONTH_LOOKUP[(match["m"] or match["m2"]).lower().rstrip(".")]
    day = int(match["d"] or match["d2"])
    if not temporal._safe_date(2024, month, day):
        return None
    return month, day


_YEARLESS = "dateline without a year"


_WEEKDAY_NAME = re.compile(r"(?i)\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# A weekday and day of the month recur within 11 years.
_WEEKDAY_YEARS = 11


def _year_of_weekday(year: int, month: int, day: int, weekday: str) -> dt.date | None:
    """The first day ``month``/``day`` falling on ``weekday`` from ``year`` on."""
    for y in range(year, year + _WEEKDAY_YEARS + 1):
        value = temporal._safe_date(y, month, day)
        if value and value.weekday() == _WEEKDAYS.index(weekday):
            return value
    return None


def _yearless_dateline(
    text: str,
    sentences: list[Sentence],
    month_day: tuple[int, int],
    shown: str,
    url: UrlDate | None,
) -> PublicationDate:
    """A dateline such as "SEOUL, Feb. 14 (Yonhap) --": the day is stated, the year is not.

    The year of the article's address settles it; else the latest year the text
    mentions is a guess, which the other articles may correct."""
    month, day = month_day
    evidence = f"{_YEARLESS} '{shown}' ({temporal.MONTH_NAMES[month]} {day})"
    if url is not None and url.month in (None, month):
        value = temporal._safe_date(url.year, month, day)
        if value:
            where = f"the year from the article's address ({url.shown})"
            return PublicationDate(value, PUB_DATELINE, f"{evidence}; {where}")
    timexes = temporal.find_timexes(text, sentences, None)
    # A this-day-in-history list ("Jan. 3 (UPI) -- ... In 1961, ...") names its years only
    # as entries: the latest entry is the earliest the list can be from.
    years = mentioned_years(timexes) or _history_years(timexes)
    if years:
        year = max(years)
        value = temporal._safe_date(year, month, day)
        weekday = _WEEKDAY_NAME.search(shown)
        fits = weekday and _year_of_weekday(year, month, day, weekday.group().lower())
        if fits:
            # "Saturday, Feb. 23" in a text that tells of 1972: the first such year from it.
            return PublicationDate(
                fits,
                PUB_DATELINE,
                f"{evidence}; {fits.year} is the first year from {year}, the latest the text "
                f"mentions, in which it is a {weekday.group()}, a guess",
                certain=False,
            )
        if value:
            return PublicationDate(
                value,
                PUB_DATELINE,
                f"{evidence}; year {year} is the latest year the text mentions, a guess",
                certain=False,
            )
        # "Feb. 29" with 2023 the latest year: no guess, and say why (not "no year").
        why = f"the latest year the text mentions, {year}, has no such day"
    else:
        why = "the text mentions no year"
    return PublicationDate(None, PUB_DATELINE, f"{evidence}; {why}", certain=False)


def dateline_month_day(pub: PublicationDate) -> tuple[int, int] | None:
    """Month and day of a year-less dateline, else None."""
    if pub.source != PUB_DATELINE or pub.certain or not pub.evidence.startswith(_YEARLESS):
        return None
    # The "(February 14)" written after the quoted dateline, not an agency's "(News 1)"
    # inside it: the last month-name pair that ends the dateline part of the evidence.
    pairs = _MONTH_DAY_NOTE.findall(pub.evidence)
    if not pairs:
        return None
    month, day = pairs[-1]
    return temporal.MONTH_NAMES.index(month), int(day)


_MONTH_DAY_NOTE = re.compile(
    r"' \((" + "|".join(temporal.MONTH_NAMES[1:]) + r") (\d{1,2})\)(?=;|$)"
)


# --- helpers the pipeline can use to fill DatingInput ---------------------------------


def mentioned_years(timexes: Sequence[Timex]) -> tuple[int, ...]:
    """Years of the absolute dates the text mentions (sorted, distinct)."""
    years: set[int] = set()
    for timex in timexes:
        if timex.kind == "date" and not timex.relative and timex.value is not None:
            years.add(
                timex.value.end.year
                if timex.value.precision not in ("decade", "century")
                else timex.value.start.year
            )
    return tuple(sorted(y for y in years if 1000 <= y <= 2199))


def _history_years(timexes: Sequence[Timex]) -> tuple[int, ...]:
    """Years of the entries of a this-day-in-history list ("In 1961, ...")."""
    return tuple(sorted({t.spec.args[0] for t in timexes if t.spec and t.spec.op == "thisday"}))


def publication_year_hints(text: str, timexes: Sequence[Timex]) -> tuple[int, ...]:
    """Years the publication must fall in, implied by the text itself.

    "in 22 years since 2003" -> 2025 (a duration counted from a stated year).
    """
    return _year_hints(timexes, text)


def _year_hints(timexes: Sequence[Timex], text: str | None = None) -> tuple[int, ...]:
    hints: set[int] = set()
    by_sentence: dict[int, list[Timex]] = defaultdict(list)
    for timex in timexes:
        by_sentence[timex.sentence].append(timex)
    for items in by_sentence.values():
        for first, second in pairwise(items):
            if (
                first.kind != "duration"
                or second.role != "since"
                or second.relative
                or second.value is None
            ):
                continue
            if text is not None:
                close = re.fullmatch(
                    r"\s*(?:,\s*)?", text[first.end : second.start].replace("since", "", 1)
                )
            else:
                close = second.start - first.end <= len(" since ")
            match = re.fullmatch(r"P(\d+)Y", first.spec.args[0]) if first.spec else None
            # "22 years since 2003": exact; "more than 13 years since 2011" is only a bound
            exact = re.fullmatch(r"(?i)[\w-]+\s+years?", first.text)
            if match and close and exact:
                year = second.value.start.year + int(match.group(1))
                hints.update((year, year + 1))  # the anniversary may have passed or not
    return tuple(sorted(hints))


# --- inference across articles -------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    """A relative or absolute expression that dates one happening in one article."""

    happening: str  # opaque id: the same real-world happening across articles
    timex: Timex
    status: str = "done"  # "done" | "planned" (not yet happened on the publication date)


@dataclass(frozen=True)
class DatingInput:
    key: str
    stated: PublicationDate
    anchors: tuple[Anchor, ...]
    # Years of absolute dates the text mentions (bound the search window).
    years: tuple[int, ...] = ()
    # Years the publication must fall in ("22 years since 2003" -> 2025).
    year_hints: tuple[int, ...] = ()
    # Happenings the article mentions as planned without any date ("plans to establish").
    planned: tuple[str, ...] = ()
    # Happenings the article reports as done without any date.
    done: tuple[str, ...] = ()
    # Happenings it reports as just done, without a date ("Peru has expelled Chile's
    # envoy"): in a dated article, on its date or in the ``RECENT_DAYS`` before it.
    recent: tuple[str, ...] = ()
    # Every expression of the article, if at hand: fills ``years`` and ``year_hints``
    # when they are empty, and rules out days on which a written weekday
    # ("Tuesday, March 11") disagrees with its date.
    timexes: tuple[Timex, ...] = ()


def _completed(item: DatingInput) -> DatingInput:
    if not item.timexes:
        return item
    return replace(
        item,
        years=item.years or mentioned_years(item.timexes),
        year_hints=item.year_hints or _year_hints(item.timexes),
    )


MAX_ALTERNATIVES = 60
# "has expelled" in an article of 10 March: done on 10 March or in the week before it.
RECENT_DAYS = 7
MAX_WINDOW_YEARS = 6
MAX_REASONS = 4


@dataclass
class _Obs:
    """What one article says about one happening."""

    key: str
    text: str
    status: str
    value: DateValue | None
    published: dt.date | None  # the article's date when it is fixed


@dataclass
class _Undated:
    item: DatingInput
    candidates: list[dt.date] = field(default_factory=list)
    month_day: tuple[int, int] | None = None
    window: tuple[int, int] = (0, 0)
    version: int = 0  # bumped whenever ``candidates`` shrinks (keys the memos)
    weekday_checks: tuple[Timex, ...] = ()  # "Tuesday, March 11": the two must agree
    # The only days possible, when the article's address gives a month or a year.
    allowed: frozenset[dt.date] = frozenset()
    # Dated by its own text alone: no day of it fits what the other articles say.
    text_only: bool = False


def _is_fixed(pub: PublicationDate) -> bool:
    """A date to infer the others from: a stated one, or one the article's own text
    implies (it is not inferred again: only undated articles are)."""
    return (
        pub.value is not None
        and (pub.certain or pub.source == PUB_INFERRED)
        and pub.source != PUB_UNKNOWN
    )


def _value_at(anchor: Anchor, P: dt.date) -> DateValue | None:
    """The anchor's value if its article was published on ``P`` (memoised)."""
    return _timex_value(anchor.timex, P)


def _timex_value(timex: Timex, P: dt.date) -> DateValue | None:
    spec = timex.spec
    if not isinstance(spec, temporal.Spec) or not timex.relative:
        return timex.value
    key = (id(timex), P)
    hit = _VALUES.get(key)
    if hit is None or hit[0] is not timex:
        if len(_VALUES) >= _VALUES_LIMIT:
            _VALUES.clear()
        hit = _VALUES[key] = (timex, temporal._resolve(spec, P)[0])
    return hit[1]


# (timex, value) by (id of the timex, day). Kept across calls: the pipeline dates a
# group twice and every ingest rebuilds from the same cached reads. Holding the timex
# keeps its id from being reused by another object while the entry lives.
_VALUES: dict = {}
_VALUES_LIMIT = 200_000


def _check(anchor: Anchor, value: DateValue | None, P: dt.date, obs: _Obs) -> str | None:
    """None when ``anchor`` (``value`` if published on ``P``) agrees with ``obs``; else why not."""
    if anchor.status == "done":
        if value is not None and obs.value is not None and not value.overlaps(obs.value):
            return "dates differ"  # a planned date counts too: the happening was set for then
        if (
            value is not None
            and obs.status == "planned"
            and obs.published is not None
            and value.end <= obs.published
        ):
            return "still planned then"
        if (
            value is None
            and obs.status == "planned"
            and obs.published is not None
            and obs.published >= P
        ):
            return "still planned then"
    else:  # planned at P
        if obs.status == "done" and obs.value is not None and obs.value.end <= P:
            return "already done by then"
        if (
            obs.status == "done"
            and obs.value is None
            and obs.published is not None
            and obs.published <= P
        ):
            return "already done by then"
    return None


def _own_ok(anchor: Anchor, value: DateValue | None, P: dt.date) -> bool:
    if value is None:
        return True
    if anchor.status == "done":
        return value.start <= P
    return value.end >= P


def infer_publication_dates(items: Sequence[DatingInput]) -> dict[str, PublicationDate]:
    """A publication date for every item: stated ones unchanged, the others inferred or unknown.

    For an undated article the candidate days P are searched in a window of
    years around the dated articles and the latest year it mentions (at most
    ``MAX_WINDOW_YEARS``; ``year_hints`` narrow it). A day is kept when, with
    P as publication date, every anchor resolves to a value that overlaps what
    the dated articles say about the same happening, a "done" anchor is not
    after P, a "planned" one not before it, and a happening a dated article
    still called planned falls after that article's date. Undated articles
    about the same happenings are then filtered against each other (arc
    consistency) and assigned one by one, most constrained first, each chosen
    date counting as fixed for the rest.

    The day chosen among those that fit is the first on or after the
    article's latest day-precision relative date (news reports what just
    happened: "on the 11th" was published on the 11th), the earliest on ties;
    with no such date, simply the earliest. ``certain`` is False when several
    days fit; they are kept in ``alternatives`` and the evidence says why.
    An article nothing ties down stays ``PUB_UNKNOWN``.
    """
    return _infer(items)


def _infer(items: Sequence[DatingInput]) -> dict[str, PublicationDate]:
    result: dict[str, PublicationDate] = {}
    observations: dict[str, list[_Obs]] = defaultdict(list)
    fixed_years: set[int] = set()
    undated: list[_Undated] = []

    # By key, not input order: ties between undated articles (which is dated first and
    # then binds the others) must not depend on the order the corpus was read in.
    for item in map(_completed, sorted(items, key=lambda item: item.key)):
        if _is_fixed(item.stated):
            result[item.key] = item.stated
            fixed_years.add(item.stated.value.year)
            _observe(item, observations)
        else:
            undated.append(_undated(item))

    observations = _self_consistent(observations)
    # Candidate days for each undated article, from the fixed articles alone.
    for entry in undated:
        entry.window = (
            (min(entry.allowed).year, max(entry.allowed).year)
            if entry.allowed
            else _window(entry.item, fixed_years)
        )
        entry.candidates = _first_candidates(entry, observations)
        if not entry.candidates and _tied_by_text(entry):
            # Its address or dateline outranks the other articles: they tell of the
            # same happening at another time, or of another happening of that name.
            entry.candidates = _first_candidates(entry, {})
            entry.text_only = True
    links = _links(undated)
    _narrow(undated, links)
    chosen = _assign(undated, observations, links)
    for index, entry in enumerate(undated):
        if index in chosen:
            P = chosen[index]
            others = [d for d in entry.candidates if d != P]
            result[entry.item.key] = PublicationDate(
                P,
                PUB_INFERRED,
                _explain(entry, P, others, observations, undated, chosen),
                certain=not others,
                alternatives=tuple(others[:MAX_ALTERNATIVES]),
            )
        else:
            contradicted = entry.candidates == [] and _constrained(
                entry, observations, undated, links, index
            )
            result[entry.item.key] = _not_inferred(entry, contradicted)
    return result


def _observe(item: DatingInput, observations: dict[str, list[_Obs]]) -> None:
    """What a dated article says of each happening, at its publication date."""
    P = item.stated.value
    for anchor in item.anchors:
        observations[anchor.happening].append(
            _Obs(item.key, anchor.timex.text, anchor.status, _value_at(anchor, P), P)
        )
    for happening in item.planned:
        observations[happening].append(_Obs(item.key, "", "planned", None, P))
    for happening in item.done:
        observations[happening].append(_Obs(item.key, "", "done", None, P))
    for happening in item.recent:
        observations[happening].append(
            _Obs(item.key, "reported as just done", "done", _recent_value(P), P)
        )


def _self_consistent(observations: dict[str, list[_Obs]]) -> dict[str, list[_Obs]]:
    """Each article's observations of a happening, unless they contradict each other.

    An article that dates one happening both "last month" and "on March 10" of the
    month after speaks of two happenings the clustering took for one: it says nothing
    reliable about either, and must not rule out the days another article fits."""
    kept: dict[str, list[_Obs]] = defaultdict(list)
    for happening, found in observations.items():
        by_article: dict[str, list[_Obs]] = defaultdict(list)
        for obs in found:
            by_article[obs.key].append(obs)
        for said in by_article.values():
            values = [o.value for o in said if o.value is not None]
            if all(a.overlaps(b) for a, b in pairwise(sorted(values, key=lambda v: v.start))):
                kept[happening] += said
    return kept


def _undated(item: DatingInput) -> _Undated:
    checks = tuple(
        {
            id(t): t
            for t in (*item.timexes, *(a.timex for a in item.anchors))
            if t.relative and getattr(t.spec, "weekday", None) is not None
        }.values()
    )
    allowed = frozenset(item.stated.alternatives) if item.stated.value is None else frozenset()
    return _Undated(
        item, month_day=dateline_month_day(item.stated), weekday_checks=checks, allowed=allowed
    )


def _narrow(undated: list[_Undated], links) -> None:
    """Undated articles about the same happenings constrain each other: keep only the
    days that some day of the other article agrees with (arc consistency)."""
    memo: dict = {}
    for _ in range(4):
        changed = False
        for a, b, shared in links:
            kept = _filter_against(undated[a], undated[b], shared, memo)
            if len(kept) != len(undated[a].candidates):
                undated[a].candidates, changed = kept, True
                undated[a].version += 1
        if not changed:
            break


def _assign(
    undated: list[_Undated], observations: dict[str, list[_Obs]], links
) -> dict[int, dt.date]:
    """The most constrained article first, each the earliest consistent day; once
    chosen, its statements count as fixed for the others."""
    chosen: dict[int, dt.date] = {}
    for index in sorted(range(len(undated)), key=lambda i: (len(undated[i].candidates), i)):
        entry = undated[index]
        extra = _observations_of(undated, chosen)
        days = (
            [P for P in entry.candidates if _unary_ok(entry, P, extra)]
            if extra
            else entry.candidates
        )
        if not days:
            days = entry.candidates
        if not days or not _constrained(entry, observations, undated, links, index):
            continue
        near = _dated_neighbours(entry.item, observations)
        chosen[index] = min(days, key=lambda P: (_gap(entry.item, P), _distance(P, near), P))
        entry.candidates = days
    return chosen


def _dated_neighbours(item: DatingInput, observations: dict[str, list[_Obs]]) -> list[dt.date]:
    """The dates of the dated articles reporting the same happenings, and the days the
    article itself states: copies of one news come out within days of each other, and
    a report is written near the days it names, so among days that fit equally well
    the one nearest them wins."""
    happenings = {a.happening for a in item.anchors} | set(item.planned) | set(item.done)
    stated = {
        a.timex.value.start
        for a in item.anchors
        if not a.timex.relative and a.timex.value is not None and a.timex.value.precision == DAY
    }
    return sorted(
        stated
        | {
            obs.published
            for h in happenings
            for obs in observations.get(h, ())
            if obs.published is not None and obs.key != item.key
        }
    )


def _distance(P: dt.date, near: list[dt.date]) -> int:
    return min((abs((P - d).days) for d in near), default=0)


def _not_inferred(entry: _Undated, contradicted: bool) -> PublicationDate:
    item = entry.item
    if contradicted:
        why = "its dates contradict the other articles on every day considered"
        return PublicationDate(
            None, PUB_UNKNOWN, f"not inferred: {why} ({entry.window[0]}–{entry.window[1]})"
        )
    if item.stated.value is not None or item.stated.source != PUB_UNKNOWN:
        return item.stated
    return PublicationDate(
        None,
        PUB_UNKNOWN,
        (item.stated.evidence + "; " if item.stated.evidence else "")
        + "no relative date ties it to a dated article",
    )


def _recent_value(P: dt.date) -> DateValue:
    """When a happening reported as just done in an article of ``P`` took place."""
    return temporal.range_value(P - dt.timedelta(days=RECENT_DAYS), P, approximate=True)


def _gap(item: DatingInput, P: dt.date) -> int:
    """Days from the article's latest day-precision relative date to ``P``.

    News reports what just happened: among consistent days, the one that puts
    the latest relatively dated happening closest before publication wins
    (then the earliest). With no such anchor every day scores 0.
    """
    latest = None
    for anchor in item.anchors:
        if anchor.status != "done" or not anchor.timex.relative:
            continue
        value = _value_at(anchor, P)
        if value is not None and value.precision == DAY and value.start <= P:
            latest = value.start if latest is None else max(latest, value.start)
    return (P - latest).days if latest else 0


def _window(item: DatingInput, fixed_years: set[int]) -> tuple[int, int]:
    """Years to search: around the dated articles and the latest year the text mentions."""
    if item.year_hints:
        return (min(item.year_hints), max(item.year_hints))
    pivots = set(fixed_years)
    years = item.years or tuple(
        a.timex.value.end.year for a in item.anchors if not a.timex.relative and a.timex.value
    )
    if years:
        pivots.add(max(years))
    if not pivots:
        return (0, -1)
    hi = max(pivots) + 1
    return (max(min(pivots), hi - MAX_WINDOW_YEARS + 1), hi)


def _days(window: tuple[int, int]):
    # An editor's date in 9999 or "9000 years since 1975" puts the window past the
    # calendar: search only the part of it that exists.
    lo, hi = max(window[0], dt.MINYEAR), min(window[1], dt.MAXYEAR)
    if hi < lo:
        return
    first, last = dt.date(lo, 1, 1).toordinal(), dt.date(hi, 12, 31).toordinal()
    for ordinal in range(first, last + 1):  # no step past 9999-12-31
        yield dt.date.fromordinal(ordinal)


def _first_candidates(entry: _Undated, observations: dict[str, list[_Obs]]) -> list[dt.date]:
    """The days of the window ``_unary_ok`` accepts, remembered by everything it reads:
    the pipeline dates a group twice, and every ingest rebuilds the corpus, mostly from
    the same articles, so the same article is checked day by day against the same facts."""
    item = entry.item
    happenings = dict.fromkeys([*(a.happening for a in item.anchors), *item.planned, *item.done])
    facts = tuple(
        (h, tuple((o.key, o.status, o.value, o.published) for o in observations.get(h, ())))
        for h in happenings
    )
    key: tuple | None = (
        item.key,
        item.anchors,
        item.planned,
        item.done,
        item.year_hints,
        entry.month_day,
        entry.weekday_checks,
        entry.allowed,
        entry.window,
        facts,
    )
    try:
        hit = _CANDIDATES.get(key)
    except TypeError:  # an unhashable spec: check day by day
        hit, key = None, None
    if hit is not None:
        return [dt.date.fromordinal(ordinal) for ordinal in hit]
    days = [P for P in _days(entry.window) if _unary_ok(entry, P, observations)]
    if key is not None:
        if len(_CANDIDATES) >= _CANDIDATES_LIMIT:
            _CANDIDATES.clear()
        _CANDIDATES[key] = array("i", (P.toordinal() for P in days))
    return days


# Candidate days (as ordinals, compact) by everything _unary_ok reads; bounded.
_CANDIDATES: dict = {}
_CANDIDATES_LIMIT = 2048


def _tied_by_text(entry: _Undated) -> bool:
    """True when the article's own text bounds its day, year included: its address, or
    a dateline's month and day in a year the text implies. (A dateline alone takes its
    year from the other articles: when they disagree, nothing is left to go by.)"""
    return bool(entry.allowed or (entry.month_day and entry.item.year_hints))


def _text_allows(entry: _Undated, P: dt.date) -> bool:
    """What the article itself says of its day: its address, its dateline, the year its
    durations imply, the weekdays written with its dates."""
    if entry.allowed and P not in entry.allowed:
        return False
    if entry.month_day and (P.month, P.day) != entry.month_day:
        return False
    if entry.item.year_hints and P.year not in entry.item.year_hints:
        return False
    return all(
        temporal.weekday_agrees(timex, _timex_value(timex, P)) for timex in entry.weekday_checks
    )


def _unary_ok(entry: _Undated, P: dt.date, observations: dict[str, list[_Obs]]) -> bool:
    item = entry.item
    if not _text_allows(entry, P):
        return False
    for anchor in item.anchors:
        value = _value_at(anchor, P)
        if not _own_ok(anchor, value, P):
            return False
        for obs in observations.get(anchor.happening, ()):
            if obs.key != item.key and _check(anchor, value, P, obs):
                return False
    for happening in item.planned:
        for obs in observations.get(happening, ()):
            if obs.key != item.key and _check(
                Anchor(happening, _NO_TIMEX, "planned"), None, P, obs
            ):
                return False
    for happening in item.done:
        for obs in observations.get(happening, ()):
            if obs.key != item.key and _check(Anchor(happening, _NO_TIMEX, "done"), None, P, obs):
                return False
    return True


_NO_TIMEX = Timex(0, 0, "", 0, "date", None, False, "")


def _links(undated: list[_Undated]) -> list[tuple[int, int, tuple[str, ...]]]:
    links = []
    happenings = [
        {a.happening for a in e.item.anchors} | set(e.item.planned) | set(e.item.done)
        for e in undated
    ]
    for a in range(len(undated)):
        for b in range(len(undated)):
            if a != b:
                shared = tuple(sorted(happenings[a] & happenings[b]))
                if shared:
                    links.append((a, b, shared))
    return links


def _statements(entry: _Undated, P: dt.date, shared: tuple[str, ...]) -> tuple:
    """What ``entry`` says about ``shared`` happenings if published on ``P``."""
    out = []
    for anchor in entry.item.anchors:
        if anchor.happening in shared:
            out.append((anchor.happening, anchor.status, _value_at(anchor, P)))
    for happening in entry.item.planned:
        if happening in shared:
            out.append((happening, "planned", None))
    for happening in entry.item.done:
        if happening in shared:
            out.append((happening, "done", None))
    return tuple(out)


@dataclass
class _Summary:
    """What one undated article can say about one happening, over all its candidate days."""

    starts: list[dt.date] = field(default_factory=list)  # merged value intervals, sorted
    ends: list[dt.date] = field(default_factory=list)
    first_day: dt.date | None = None  # its earliest candidate publication day
    latest_done_end: dt.date | None = None  # the latest end of a value it reports as done
    planned: bool = False  # it says the happening had not happened yet

    def overlaps(self, value: DateValue) -> bool:
        if not self.starts:
            return True  # no value to compare with
        i = bisect_right(self.starts, value.end) - 1
        return i >= 0 and self.ends[i] >= value.start


def _summarise(b: _Undated, shared: tuple[str, ...]) -> dict[str, _Summary]:
    spans: dict[str, set[tuple[dt.date, dt.date]]] = defaultdict(set)
    out = {h: _Summary(first_day=b.candidates[0] if b.candidates else None) for h in shared}
    planned = set(b.item.planned) & set(shared)
    for h in planned:
        out[h].planned = True
    anchors = [a for a in b.item.anchors if a.happening in out]
    for anchor in anchors:
        if anchor.status == "planned":
            out[anchor.happening].planned = True
    for P in b.candidates:
        for anchor in anchors:
            value = _value_at(anchor, P)
            if value is None:
                continue
            spans[anchor.happening].add((value.start, value.end))
            summary = out[anchor.happening]
            if anchor.status == "done" and (
                summary.latest_done_end is None or value.end > summary.latest_done_end
            ):
                summary.latest_done_end = value.end
    for h, intervals in spans.items():
        summary = out[h]
        for start, end in sorted(intervals):
            if summary.ends and start <= summary.ends[-1] + dt.timedelta(days=1):
                summary.ends[-1] = max(summary.ends[-1], end)
            else:
                summary.starts.append(start)
                summary.ends.append(end)
    return out


def _filter_against(
    a: _Undated, b: _Undated, shared: tuple[str, ...], memo: dict | None = None
) -> list[dt.date]:
    """Days of ``a`` on which what ``a`` says could agree with what ``b`` says on some day.

    Checked happening by happening against a summary of ``b`` (its possible
    values merged into intervals), and for ``a`` once per distinct statement, so
    the cost stays near linear in the number of candidate days.
    """
    if not b.candidates:
        return a.candidates
    memo = {} if memo is None else memo
    key = ("summary", id(b), b.version, shared)
    summary = memo.get(key)
    if summary is None:
        summary = memo[key] = _summarise(b, shared)
    key = ("groups", id(a), a.version, shared)
    groups = memo.get(key)
    if groups is None:
        groups = memo[key] = defaultdict(list)
        for P in a.candidates:
            groups[_statements(a, P, shared)].append(P)
    kept: set[dt.date] = set()
    for said, days in groups.items():
        if not _agrees(said, summary):
            continue
        # planned here on P, done there: the other article's date for it must end after P
        limits = [
            summary[h].latest_done_end
            for h, status, _v in said
            if status == "planned" and summary[h].latest_done_end is not None
        ]
        limit = min(limits) if limits else None
        kept.update(P for P in days if limit is None or limit > P)
    return [P for P in a.candidates if P in kept]


def _agrees(said: tuple, summary: dict[str, _Summary]) -> bool:
    for h, status, value in said:
        other = summary[h]
        if value is not None and not other.overlaps(value):
            return False
        # done here, still planned there: the other article must predate the happening
        if (
            status == "done"
            and other.planned
            and value is not None
            and other.first_day is not None
            and not other.first_day < value.end
        ):
            return False
    return True


def _observations_of(undated: list[_Undated], chosen: dict[int, dt.date]) -> dict[str, list[_Obs]]:
    extra: dict[str, list[_Obs]] = defaultdict(list)
    for index, P in chosen.items():
        item = undated[index].item
        for anchor in item.anchors:
            extra[anchor.happening].append(
                _Obs(item.key, anchor.timex.text, anchor.status, _value_at(anchor, P), P)
            )
        for happening in item.planned:
            extra[happening].append(_Obs(item.key, "", "planned", None, P))
    return extra


def _constrained(entry: _Undated, observations, undated, links, index) -> bool:
    """True when something ties this article's date down (else it stays unknown)."""
    if entry.month_day or entry.item.year_hints or entry.allowed:
        return True
    relative = [a for a in entry.item.anchors if a.timex.relative]
    if any(observations.get(a.happening) for a in entry.item.anchors):
        return True
    return bool(relative) and any(a == index for a, _b, _s in links)


def _explain(
    entry: _Undated, P: dt.date, others: list[dt.date], observations, undated, chosen
) -> str:
    item = entry.item
    by_happening = _others_observations(item, observations, undated, chosen)
    ranked = []
    for anchor in item.anchors:
        if anchor.timex.relative:
            reason = _anchor_reason(anchor, P, by_happening.get(anchor.happening, ()))
            if reason:
                ranked.append(reason)
    ranked.sort(key=lambda pair: pair[0])
    parts = [text for _rank, text in ranked[:MAX_REASONS]]
    if len(ranked) > MAX_REASONS:
        parts.append(f"{len(ranked) - MAX_REASONS} more date(s) agree")
    parts += _text_reasons(entry)
    reasoning = "; ".join(parts) if parts else "its relative dates fit the other articles"
    return f"Inferred: {reasoning}. {_choice_of_day(entry, P, others)}."


def _text_reasons(entry: _Undated) -> list[str]:
    """What the article's own text and address said of its day, in words."""
    parts = []
    if entry.month_day:
        month, day = entry.month_day
        parts.append(f"the dateline gives {temporal.MONTH_NAMES[month]} {day}")
    if entry.item.year_hints:
        parts.append("the text implies the year " + " or ".join(map(str, entry.item.year_hints)))
    if entry.allowed:
        first, last = min(entry.allowed), max(entry.allowed)
        parts.append(f"its address allows {first.isoformat()} to {last.isoformat()}")
    if entry.text_only:
        parts.append(
            "the other articles' dates for the same happenings do not fit its address or "
            "dateline, so they were set aside"
        )
    return parts


def _others_observations(item, observations, undated, chosen) -> dict[str, list[_Obs]]:
    """What the other articles say of each happening: the dated ones, and the undated
    ones at the day chosen for them."""
    by_happening: dict[str, list[_Obs]] = defaultdict(list)
    for happening, obs_list in observations.items():
        by_happening[happening] += [o for o in obs_list if o.key != item.key]
    for index, Q in chosen.items():
        other = undated[index].item
        if other.key == item.key:
            continue
        for anchor in other.anchors:
            by_happening[anchor.happening].append(
                _Obs(other.key, anchor.timex.text, anchor.status, _value_at(anchor, Q), None)
            )
    return by_happening


def _anchor_reason(anchor, P: dt.date, observed) -> tuple[tuple[int, bool], str] | None:
    """Why the day P fits one of the article's relative dates, ranked: a dated
    article's agreement first, a precise date before a coarse one."""
    value = _value_at(anchor, P)
    shown = value.display if value else "?"
    coarse = value is None or value.precision in ("year", "decade", "century")
    ties: list[tuple[int, str]] = []
    for obs in observed:
        dated = obs.published is not None
        if obs.status == "planned" and dated and obs.value is None:
            ties.append(
                (
                    0,
                    f"falls after {obs.published.isoformat()}, the date of article {obs.key},"
                    " which still reported it as planned",
                )
            )
        elif (
            obs.text
            and obs.value is not None
            and (dated or not coarse)
            and (value is None or value.overlaps(obs.value))
        ):
            where = f"dated {obs.published.isoformat()}" if dated else "dated jointly"
            ties.append(
                (
                    0 if dated else 1,
                    f"matches '{obs.text}' ({obs.value.display}) in article {obs.key} ({where})",
                )
            )
    if not ties:
        return None
    ties.sort()
    words = " and ".join(dict.fromkeys(text for _rank, text in ties))
    rank = (min(r for r, _t in ties), coarse)
    return rank, f"'{anchor.timex.text}' ({anchor.happening}) = {shown}, which {words}"


def _choice_of_day(entry: _Undated, P: dt.date, others: list[dt.date]) -> str:
    lo, hi = entry.window
    if not others:
        return f"{P.isoformat()} is the only day in {lo}–{hi} that fits"
    shown = ", ".join(d.isoformat() for d in others[:5]) + (", ..." if len(others) > 5 else "")
    gap = _gap(entry.item, P)
    fits = f"{len(others) + 1} days in {lo}–{hi} fit"
    if min(entry.candidates) == P:
        return f"{fits}; {P.isoformat()} is the earliest (others: {shown})"
    after = f", {gap} day(s) after it" if gap else ""
    return (
        f"{fits}; {P.isoformat()} is the first on or after the article's latest dated"
        f" happening{after} (others: {shown})"
    )
