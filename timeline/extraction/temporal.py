"""Temporal expressions in English news: find them, normalise them, resolve them.

A grammar of regular expressions covers the patterns news actually uses
("Feb. 5 to 7", "December 8th last year", "on the 10th", "Thursday",
"late 2024", "since 1975", "13 years"); dateparser is only a fallback for odd
absolute formats such as "11/03/2025" (always ``languages=["en"]`` and a
``RELATIVE_BASE``, never the machine clock). See DATES.md for why.

Every expression becomes a :class:`~.types.Timex`. Its ``spec`` records what
the text said ("the latest Thursday", "December of the year before"), so
:func:`resolve` can re-resolve it against another publication date; its
``rule`` says in words how the value was obtained.

Values keep the precision of the text and follow the EDTF conventions of the
``edtf`` package: ``1975`` (1975-01-01..1975-12-31, never 1 January),
``2024-12``, ``2025-02-05/2025-02-07``, ``2024-12-08``. Parts of a year use the
EDTF level-2 sub-year codes: early/mid/late = four-month thirds ``-37``/``-38``/
``-39``, halves ``-40``/``-41``, quarters ``-33``..``-36``, seasons
``-21``..``-24``. The ``edtf`` package does not accept ``~`` on those codes, so
"late 2024" is ``2024-39`` with ``DateValue.approximate=True`` (the documented
equivalent of ``2024-39~``).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from . import literals
from .types import (
    CENTURY,
    DAY,
    DECADE,
    MONTH,
    RANGE,
    SEASON,
    YEAR,
    DateValue,
    Sentence,
    Timex,
)

__all__ = [
    "Spec",
    "day_value",
    "describe",
    "display",
    "find_timexes",
    "month_value",
    "resolve",
    "year_value",
]

MONTH_NAMES = list(calendar.month_name)  # ["", "January", ...]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# --- building DateValues ---------------------------------------------------------


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


# Sub-year parts: EDTF level-2 code, first month, last month, words.
PARTS = {
    "early": (37, 1, 4, "early {y}"),
    "mid": (38, 5, 8, "mid-{y}"),
    "late": (39, 9, 12, "late {y}"),
    "h1": (40, 1, 6, "the first half of {y}"),
    "h2": (41, 7, 12, "the second half of {y}"),
    "q1": (33, 1, 3, "the first quarter of {y}"),
    "q2": (34, 4, 6, "the second quarter of {y}"),
    "q3": (35, 7, 9, "the third quarter of {y}"),
    "q4": (36, 10, 12, "the fourth quarter of {y}"),
    "spring": (21, 3, 5, "spring {y}"),
    "summer": (22, 6, 8, "summer {y}"),
    "autumn": (23, 9, 11, "autumn {y}"),
}
_PART_BY_CODE = {code: (name, m1, m2, words) for name, (code, m1, m2, words) in PARTS.items()}


def day_value(d: dt.date) -> DateValue:
    return _make(d, d, DAY, d.isoformat())


def month_value(year: int, month: int) -> DateValue:
    return _make(
        dt.date(year, month, 1),
        dt.date(year, month, _last_day(year, month)),
        MONTH,
        f"{year:04d}-{month:02d}",
    )


def year_value(year: int) -> DateValue:
    return _make(dt.date(year, 1, 1), dt.date(year, 12, 31), YEAR, f"{year:04d}")


def range_value(start: dt.date, end: dt.date, approximate: bool = False) -> DateValue:
    if start == end and not approximate:
        return day_value(start)
    q = "~" if approximate else ""
    return _make(start, end, RANGE, f"{start.isoformat()}{q}/{end.isoformat()}{q}", approximate)


def month_range_value(y1: int, m1: int, y2: int, m2: int) -> DateValue:
    if (y1, m1) == (y2, m2):
        return month_value(y1, m1)
    start, end = dt.date(y1, m1, 1), dt.date(y2, m2, _last_day(y2, m2))
    return _make(start, end, RANGE, f"{y1:04d}-{m1:02d}/{y2:04d}-{m2:02d}")


def year_range_value(y1: int, y2: int) -> DateValue:
    if y1 == y2:
        return year_value(y1)
    return _make(dt.date(y1, 1, 1), dt.date(y2, 12, 31), RANGE, f"{y1:04d}/{y2:04d}")


def part_value(year: int, part: str) -> DateValue:
    if part == "winter":  # December to February: no single EDTF code in the edtf package
        start, end = dt.date(year, 12, 1), dt.date(year + 1, 2, _last_day(year + 1, 2))
        return _make(start, end, SEASON, f"{year:04d}-12/{year + 1:04d}-02", True)
    code, m1, m2, _ = PARTS[part]
    return _make(
        dt.date(year, m1, 1),
        dt.date(year, m2, _last_day(year, m2)),
        SEASON,
        f"{year:04d}-{code}",
        True,
    )


def month_part_value(year: int, month: int, part: str) -> DateValue:
    last = _last_day(year, month)
    a, b = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}[part]
    return range_value(dt.date(year, month, a), dt.date(year, month, b), approximate=True)


def decade_value(decade: int, part: str | None = None) -> DateValue:
    if part:
        a, b = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}[part]
        return _make(
            dt.date(decade + a, 1, 1),
            dt.date(decade + b, 12, 31),
            RANGE,
            f"{decade + a}~/{decade + b}~",
            True,
        )
    return _make(dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31), DECADE, f"{decade // 10:03d}X")


def century_value(number: int) -> DateValue:
    first = (number - 1) * 100
    return _make(
        dt.date(max(first, 1), 1, 1), dt.date(first + 99, 12, 31), CENTURY, f"{number - 1:02d}XX"
    )


def _make(
    start: dt.date, end: dt.date, precision: str, edtf: str, approximate: bool = False
) -> DateValue:
    return DateValue(
        start, end, precision, edtf, _format(start, end, precision, edtf, approximate), approximate
    )


def _day_text(d: dt.date, year: bool = True, month: bool = True) -> str:
    parts = [str(d.day)]
    if month:
        parts.append(MONTH_NAMES[d.month])
    if year:
        parts.append(str(d.year))
    return " ".join(parts)


def _format(start: dt.date, end: dt.date, precision: str, edtf: str, approximate: bool) -> str:
    if precision == DAY:
        return _day_text(start)
    if precision == MONTH:
        return f"{MONTH_NAMES[start.month]} {start.year}"
    if precision == YEAR:
        return str(start.year)
    if precision == DECADE:
        return f"the {start.year}s"
    if precision == CENTURY:
        return f"the {_ordinal(start.year // 100 + 1)} century"
    if precision == SEASON:
        return _season_text(start, end, edtf)
    return _range_text(start, end, edtf, approximate)


def _season_text(start: dt.date, end: dt.date, edtf: str) -> str:
    match = re.fullmatch(r"(\d{4})-(\d\d)", edtf)
    if match and int(match.group(2)) in _PART_BY_CODE:
        return _PART_BY_CODE[int(match.group(2))][3].format(y=match.group(1))
    if start.month == 12:
        return f"winter {start.year}–{end.year % 100:02d}"
    return f"{MONTH_NAMES[start.month]}–{MONTH_NAMES[end.month]} {end.year}"


def _range_text(start: dt.date, end: dt.date, edtf: str, approximate: bool) -> str:
    whole_months = start.day == 1 and end.day == _last_day(end.year, end.month)
    same_month = (start.year, start.month) == (end.year, end.month)
    if approximate and same_month and not whole_months:
        word = {1: "early", 11: "mid-", 21: "late"}.get(start.day)
        if word:
            sep = "" if word.endswith("-") else " "
            return f"{word}{sep}{MONTH_NAMES[start.month]} {start.year}"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    months_written = "-" in edtf.split("/")[0] and edtf.count("-") == 2
    if whole_months and not same_month and months_written:
        if start.year == end.year:
            return f"{MONTH_NAMES[start.month]}–{MONTH_NAMES[end.month]} {end.year}"
        return f"{MONTH_NAMES[start.month]} {start.year} – {MONTH_NAMES[end.month]} {end.year}"
    if same_month:
        return f"{start.day}–{_day_text(end)}"
    if start.year == end.year:
        return f"{_day_text(start, year=False)} – {_day_text(end)}"
    return f"{_day_text(start)} – {_day_text(end)}"


def display(value: DateValue) -> str:
    """The value in words: "1975", "February 2025", "5–7 February 2025", "late 2024"."""
    return _format(value.start, value.end, value.precision, value.edtf, value.approximate)


# --- what the text said: a resolvable specification ---------------------------------


@dataclass(frozen=True)
class Spec:
    """What an expression says, independent of the publication date.

    ``op`` names the rule; ``args`` its parameters; ``future`` is set when the
    sentence looks ahead ("will meet on Friday"); ``base`` is the expression
    an anaphor ("the previous day") counts from; ``weekday`` (0 = Monday) is
    the weekday written next to a date without a year ("Tuesday, March 11"):
    it does not move the value, but a publication date on which the two
    disagree is ruled out (see :func:`weekday_agrees`).
    """

    op: str
    args: tuple = ()
    future: bool = False
    base: Spec | None = None
    weekday: int | None = None


def weekday_agrees(timex: Timex, value: DateValue | None) -> bool:
    """False when ``timex`` names a weekday that ``value`` (a day) is not."""
    spec = timex.spec
    if not isinstance(spec, Spec) or spec.weekday is None or value is None:
        return True
    return value.precision != DAY or value.start.weekday() == spec.weekday


ABSOLUTE_OPS = {"abs"}
NO_VALUE_OPS = {"duration", "set", "vague"}


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


# A dateline or a report may be written a day ahead of its publication date (time zones,
# overnight editions): "November 19" in an article of 18 November is that day, not a
# date a year back.
LEEWAY_DAYS = 1


def _latest_month_day(m: int, d: int, P: dt.date, future: bool) -> dt.date | None:
    years = range(P.year, P.year + 5) if future else range(P.year + 1, P.year - 5, -1)
    limit = P + dt.timedelta(days=LEEWAY_DAYS)
    for y in years:
        day = _safe_date(y, m, d)
        if day and ((day >= P) if future else (day <= limit)):
            return day
    return None


def _apply_part(value: DateValue, part: str | None, P: dt.date, unit: str) -> DateValue:
    """Narrow a week, month or year to the part the text names."""
    if not part:
        return value
    if part == "earlier":
        return range_value(value.start, min(P, value.end))
    if part == "later":
        return range_value(max(P, value.start), value.end)
    if unit == "year":
        return part_value(value.start.year, part)
    if unit == "month" and part in ("early", "mid", "late"):
        return month_part_value(value.start.year, value.start.month, part)
    return value


def _resolve(spec: Spec, P: dt.date | None) -> tuple[DateValue | None, str]:
    """Value and rule for ``spec`` against the publication date ``P``."""
    op, a = spec.op, spec.args
    if op == "abs":
        return a[0], a[1] if len(a) > 1 else "stated"
    if op == "duration":
        return None, f"duration ({a[0]}): a length of time, not a date"
    if op == "set":
        return None, "recurring time: not a single date"
    if op == "vague":
        return None, "vague reference to time: no calendar value"
    what = describe(spec)
    if P is None and op == "thisday" and len(a) == 3:
        return _rel_thisday(spec, P), f"stated by the piece's heading: {what}"
    if P is None and op == "thisday":
        return year_value(a[0]), f"the year as stated; the day needs the publication date: {what}"
    if P is None and op == "samemonth" and not _is_relative(spec):
        # "On Sept. 14" after "on Sept. 11, 1973": counted from a stated date, not from P
        value = _rel_samemonth(spec, P)
        return value, f"counted from a stated date: {what}"
    if P is None:
        return None, f"needs the publication date: {what}"
    try:
        value = _relative_value(spec, P)
    except (ValueError, OverflowError):
        # "3000 years ago", "tomorrow" on 9999-12-31: outside the calendar datetime knows
        return None, f"outside the calendar from the publication date {P.isoformat()}: {what}"
    if value is None:
        return None, f"could not be resolved against the publication date {P.isoformat()}: {what}"
    rule = f"resolved against the publication date {P.isoformat()}: {what}"
    if (
        spec.weekday is not None
        and value.precision == DAY
        and value.start.weekday() != spec.weekday
    ):
        actual, written = WEEKDAYS[value.start.weekday()], WEEKDAYS[spec.weekday]
        rule += (
            f" (but that day is a {actual}, not the {written} the text gives:"
            " the publication date is probably wrong)"
        )
    return value, rule


# --- relative expressions: one resolver and one description per kind of spec ----------
# Each resolver takes the spec and the publication date P; each description says the
# rule in words. ``_relative_value`` and ``describe`` pick them by ``spec.op``.


def _rel_year(spec: Spec, P: dt.date) -> DateValue | None:  # (offset, part)
    return _apply_part(year_value(P.year + spec.args[0]), spec.args[1], P, "year")


def _rel_month(spec: Spec, P: dt.date) -> DateValue | None:  # (offset, part)
    y, m = _shift_month(P.year, P.month, spec.args[0])
    return _apply_part(month_value(y, m), spec.args[1], P, "month")


def _rel_week(spec: Spec, P: dt.date) -> DateValue | None:  # (offset, part)
    monday = _monday(P) + dt.timedelta(weeks=spec.args[0])
    week = range_value(monday, monday + dt.timedelta(days=6))
    return _apply_part(week, spec.args[1], P, "week")


def _rel_weekend(spec: Spec, P: dt.date) -> DateValue | None:  # (offset,)
    offset = spec.args[0]
    saturday = _monday(P) + dt.timedelta(days=5, weeks=offset)
    if offset == 0 and not spec.future and saturday > P:  # "the weekend": the latest one
        saturday -= dt.timedelta(weeks=1)
    return range_value(saturday, saturday + dt.timedelta(days=1))


def _rel_day(spec: Spec, P: dt.date) -> DateValue | None:  # (offset,)
    return day_value(P + dt.timedelta(days=spec.args[0]))


def _anniversary(n: int, unit: str, scope: str, P: dt.date) -> DateValue:
    """ "Forty years ago today": the same day (week, month) that many years back."""
    y, m = _shift_month(P.year, P.month, -n * {"year": 12, "decade": 120, "month": 1}[unit])
    if scope == "month":
        return month_value(y, m)
    day = dt.date(y, m, min(P.day, _last_day(y, m)))
    if scope == "day":
        return day_value(day)
    monday = _monday(day)
    return range_value(monday, monday + dt.timedelta(days=6))


def _rel_ago(spec: Spec, P: dt.date) -> DateValue | None:  # (n, unit[, scope])
    if len(spec.args) == 3:
        return _anniversary(*spec.args, P)
    n, unit = spec.args
    if unit == "year":
        return year_value(P.year - n)
    if unit == "month":
        return month_value(*_shift_month(P.year, P.month, -n))
    if unit == "decade":
        return year_value(P.year - 10 * n)
    days = {"week": 7, "day": 1}[unit] * n
    return day_value(P - dt.timedelta(days=days))


def _rel_weekday(spec: Spec, P: dt.date) -> DateValue | None:  # (weekday, mode)
    wd, mode = spec.args
    if mode == "this":
        return day_value(_monday(P) + dt.timedelta(days=wd))
    if mode == "last":
        back = (P.weekday() - wd) % 7 or 7
        return day_value(P - dt.timedelta(days=back))
    if mode == "next" or spec.future:
        ahead = (wd - P.weekday()) % 7
        if mode == "next" and ahead == 0:
            ahead = 7
        return day_value(P + dt.timedelta(days=ahead))
    return day_value(P - dt.timedelta(days=(P.weekday() - wd) % 7))


def _rel_dom(spec: Spec, P: dt.date) -> DateValue | None:  # (day1, day2, month offset or None)
    d1, d2, offset = spec.args
    if offset is None and spec.future:
        offset = 0 if d1 >= P.day else 1
    elif offset is None:
        offset = 0 if d1 <= P.day else -1
    y, m = _shift_month(P.year, P.month, offset)
    # "the 31st" in a 30-day month: step back to the latest month that has it
    for _ in range(12):
        start = _safe_date(y, m, d1)
        if start:
            break
        y, m = _shift_month(y, m, 1 if spec.future else -1)
    else:
        return None
    if d2 is None:
        return day_value(start)
    end = _safe_date(y, m, d2) if d2 >= d1 else _safe_date(*_shift_month(y, m, 1), d2)
    return range_value(start, end) if end else day_value(start)


def _rel_monthname(spec: Spec, P: dt.date) -> DateValue | None:  # (month, mode, part)
    m, mode, part = spec.args
    if mode == "latest":
        if spec.future:
            y = P.year if m >= P.month else P.year + 1
        else:
            y = P.year if m <= P.month else P.year - 1
    elif mode == "before":  # "last December": strictly before P's month
        y = P.year if m < P.month else P.year - 1
    elif mode == "after":  # "next December"
        y = P.year if m > P.month else P.year + 1
    else:  # a year offset: "December last year"
        y = P.year + mode
    if part in ("early", "mid", "late"):
        return month_part_value(y, m, part)
    return month_value(y, m)


def _rel_monthday(spec: Spec, P: dt.date) -> DateValue | None:
    m1, d1, m2, d2, offset = spec.args  # (m1, d1, m2, d2, year offset or None)
    if offset is None:
        start = _latest_month_day(m1, d1, P, spec.future)
    else:
        start = _safe_date(P.year + offset, m1, d1)
    if start is None:
        return None
    if d2 is None:
        return day_value(start)
    m2 = m2 or m1
    end = _safe_date(start.year + (1 if m2 < m1 else 0), m2, d2)
    return range_value(start, end) if end and end >= start else day_value(start)


def _rel_anaphor(spec: Spec, P: dt.date) -> DateValue | None:
    """(n, unit, mode): counted from the base expression, else from P."""
    n, unit = spec.args[0], spec.args[1]
    base = P
    if spec.base is not None:
        value, _ = _resolve(spec.base, P)
        if value is None:
            return None
        base = value.start
        if value.precision != DAY and unit in ("day", "week"):
            return None
        if value.precision == YEAR and unit == "year":
            return year_value(base.year + n)
        if value.precision in (YEAR, DECADE, CENTURY) and unit == "month":
            return None
    if unit == "day":
        return day_value(base + dt.timedelta(days=n))
    if unit == "week":
        monday = _monday(base) + dt.timedelta(weeks=n)
        return range_value(monday, monday + dt.timedelta(days=6))
    if unit == "month":
        return month_value(*_shift_month(base.year, base.month, n))
    return year_value(base.year + n)


def _rel_monthafter(spec: Spec, P: dt.date) -> DateValue | None:
    """(month, direction): "the following July" is the first July after the date
    mentioned before it (after P when nothing was); "the previous March" the last before."""
    month, direction = spec.args
    if spec.base is None:
        ref_year, ref_month = P.year, P.month
    else:
        value = _resolve(spec.base, P)[0]
        if value is None:
            return None
        ref = value.end if direction > 0 else value.start
        ref_year, ref_month = ref.year, ref.month
    if direction > 0:
        year = ref_year if month > ref_month else ref_year + 1
    else:
        year = ref_year if month < ref_month else ref_year - 1
    return month_value(year, month)


def _rel_thisday(spec: Spec, P: dt.date | None) -> DateValue | None:
    """(year,) or (year, month, day): "In 1946, ..." in a this-day-in-history piece is the
    piece's day of 1946: the day of its heading line, else of its publication date."""
    if len(spec.args) == 3:
        day = _safe_date(*spec.args)
        return day_value(day) if day else None
    if P is None:
        return None
    day = _safe_date(spec.args[0], P.month, P.day)
    return day_value(day) if day else None


def _rel_samemonth(spec: Spec, P: dt.date) -> DateValue | None:
    """(d1, d2): days of the month of the base expression."""
    value = _resolve(spec.base, P)[0]
    if value is None:
        return None
    start = _safe_date(value.start.year, value.start.month, spec.args[0])
    end = _safe_date(value.start.year, value.start.month, spec.args[1]) if spec.args[1] else start
    return range_value(start, end) if start and end and end >= start else None


def _rel_season(spec: Spec, P: dt.date) -> DateValue | None:  # (season, year offset or None)
    season, offset = spec.args
    if offset is None:  # the latest such season that has begun by P
        y = P.year
        if part_value(y, season).start > P:
            y -= 1
        return part_value(y, season)
    return part_value(P.year + offset, season)


_RELATIVE = {
    "year": _rel_year,
    "month": _rel_month,
    "week": _rel_week,
    "weekend": _rel_weekend,
    "day": _rel_day,
    "ago": _rel_ago,
    "weekday": _rel_weekday,
    "dom": _rel_dom,
    "monthname": _rel_monthname,
    "monthday": _rel_monthday,
    "anaphor": _rel_anaphor,
    "samemonth": _rel_samemonth,
    "season": _rel_season,
    "monthafter": _rel_monthafter,
    "thisday": _rel_thisday,
}


def _relative_value(spec: Spec, P: dt.date) -> DateValue | None:
    resolver = _RELATIVE.get(spec.op)
    if resolver is None:
        raise ValueError(f"unknown temporal spec {spec!r}")
    return resolver(spec, P)


_YEARS_AWAY = {-1: "the year before it", 0: "its year", 1: "the year after it"}


def _years_away(offset: int) -> str:
    return _YEARS_AWAY.get(offset, f"{offset:+d} years")


def _with_part(text: str, part: str | None) -> str:
    return text + (f", {part} part" if part else "")


def _looking(text: str, ahead: bool) -> str:
    """ "first X on or after it" when the sentence looks ahead, else "latest X on or before it"."""
    if ahead:
        return f"first {text} on or after it (the sentence looks ahead)"
    return f"latest {text} on or before it"


def _say_year(spec: Spec) -> str:
    offset, part = spec.args
    return _with_part(_YEARS_AWAY.get(offset, f"{offset:+d} years from it"), part)


def _say_month(spec: Spec) -> str:
    offset, part = spec.args
    names = {-1: "the month before it", 0: "its month", 1: "the month after it"}
    return _with_part(names.get(offset, f"{offset:+d} months"), part)


def _say_week(spec: Spec) -> str:
    offset, part = spec.args
    names = {
        -1: "the week (Monday to Sunday) before its week",
        0: "its week (Monday to Sunday)",
        1: "the week after its week",
    }
    return _with_part(names.get(offset, f"{offset:+d} weeks"), part)


def _say_weekend(spec: Spec) -> str:
    names = {-1: "the weekend before its week", 0: "the latest weekend", 1: "the next weekend"}
    return names.get(spec.args[0], "a weekend")


def _say_day(spec: Spec) -> str:
    offset = spec.args[0]
    names = {-1: "the day before it", 0: "the day itself", 1: "the day after it"}
    return names.get(offset, f"{abs(offset)} days {'before' if offset < 0 else 'after'} it")


def _say_ago(spec: Spec) -> str:
    if len(spec.args) == 3:
        n, unit, scope = spec.args
        return f"the same {scope} as it, {n} {unit}(s) before"
    return f"{spec.args[0]} {spec.args[1]}(s) before it"


def _say_weekday(spec: Spec) -> str:
    name, mode = WEEKDAYS[spec.args[0]], spec.args[1]
    if mode == "this":
        return f"the {name} of its week (Monday to Sunday)"
    if mode == "last":
        return f"latest {name} before it"
    if mode == "next":
        return f"first {name} after it"
    return _looking(name, spec.future)


def _say_dom(spec: Spec) -> str:
    d1, d2, offset = spec.args
    days = _ordinal(d1) + (f" to {_ordinal(d2)}" if d2 else "")
    if offset is not None:
        months = {-1: "the month before its month", 0: "its month", 1: "the month after"}
        return f"the {days} of " + months.get(offset, "a nearby month")
    if spec.future:
        return (
            f"the {days} of its month if not yet past, else of the next month"
            " (the sentence looks ahead)"
        )
    return f"the {days} of its month if that day is not after it, else of the month before"


def _say_monthname(spec: Spec) -> str:
    m, mode, part = spec.args
    name = (f"{part} " if part else "") + MONTH_NAMES[m]
    if mode == "latest":
        return _looking(name, spec.future)
    if mode == "before":
        return f"latest {name} before its month"
    if mode == "after":
        return f"first {name} after its month"
    return f"{name} of " + _years_away(mode)


def _say_monthday(spec: Spec) -> str:
    m1, d1, m2, d2, offset = spec.args
    text = f"{MONTH_NAMES[m1]} {d1}"
    if d2:
        text += f" to {MONTH_NAMES[m2 or m1] + ' ' if m2 else ''}{d2}"
    if offset is None and not spec.future:
        return f"latest {text} on or before the day after it (a dateline may run a day ahead)"
    if offset is None:
        return _looking(text, spec.future)
    return f"{text} of " + _years_away(offset)


def _say_anaphor(spec: Spec) -> str:
    n, unit = spec.args[0], spec.args[1]
    where = "the date mentioned just before" if spec.base is not None else "it"
    if n == 0:
        return f"the same {unit} as {where}"
    return f"{abs(n)} {unit}(s) {'after' if n > 0 else 'before'} {where}"


def _say_samemonth(spec: Spec) -> str:
    d1, d2 = spec.args[0], spec.args[1]
    days = f"the {_ordinal(d1)}" + (f" to {_ordinal(d2)}" if d2 else "")
    return f"{days} of the month named just before ({describe(spec.base)})"


def _say_monthafter(spec: Spec) -> str:
    month, direction = spec.args
    where = "the date mentioned just before" if spec.base is not None else "its month"
    return f"the {'first' if direction > 0 else 'last'} {MONTH_NAMES[month]} " + (
        f"after {where}" if direction > 0 else f"before {where}"
    )


def _say_thisday(spec: Spec) -> str:
    return f"its month and day in {spec.args[0]} (an item of a this-day-in-history piece)"


def _say_season(spec: Spec) -> str:
    season, offset = spec.args
    if offset is None:
        return f"the latest {season} begun by it"
    return f"{season} of " + _years_away(offset)


_DESCRIPTIONS = {
    "year": _say_year,
    "month": _say_month,
    "week": _say_week,
    "weekend": _say_weekend,
    "day": _say_day,
    "ago": _say_ago,
    "weekday": _say_weekday,
    "dom": _say_dom,
    "monthname": _say_monthname,
    "monthday": _say_monthday,
    "anaphor": _say_anaphor,
    "samemonth": _say_samemonth,
    "season": _say_season,
    "monthafter": _say_monthafter,
    "thisday": _say_thisday,
}


def describe(spec: Spec) -> str:
    """The resolution rule of ``spec`` in words."""
    say = _DESCRIPTIONS.get(spec.op)
    return say(spec) if say else spec.op


def resolve(timex: Timex, published: dt.date) -> DateValue | None:
    """Re-resolve ``timex`` against another publication date."""
    spec = timex.spec
    if not isinstance(spec, Spec):
        return timex.value
    return _resolve(spec, published)[0]


# --- the grammar ------------------------------------------------------------------

_MONTH_FORMS: list[tuple[str, int]] = []
for _i in range(1, 13):
    _MONTH_FORMS.append((MONTH_NAMES[_i], _i))
for _abbr, _i in [
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sept", 9),
    ("Sep", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
]:
    _MONTH_FORMS.append((_abbr + ".", _i))
    _MONTH_FORMS.append((_abbr, _i))
MONTH_LOOKUP = {}
for _form, _i in _MONTH_FORMS:
    MONTH_LOOKUP[_form.lower().rstrip(".")] = _i


def _alt(forms: list[str]) -> str:
    both = []
    for form in forms:
        both += [form, form.upper()]
    both.sort(key=len, reverse=True)
    return "|".join(re.escape(f) for f in both)


_MON = _alt([f for f, _ in _MONTH_FORMS])  # any form, abbreviations included
_MONF = _alt(MONTH_NAMES[1:])  # full names only
_WD = _alt(WEEKDAYS)


def _rx_mon(name: str) -> str:
    return rf"(?P<{name}>{_MON})(?![A-Za-z])"


def _rx_monf(name: str) -> str:
    return rf"(?P<{name}>{_MONF})(?![A-Za-z])"


# A year that may follow a month's abbreviation with no space ("Apr.1983"): _rx_year's, but
# a period before it only after a digit ("3.1994" is a number).
_GLUED_YEAR = r"(?<![\d$€£#,:/])(?<!\d\.)(?P<y>1\d{3}|20\d{2})(?![\d]|[.,:]\d)"


def _rx_day(name: str) -> str:
    return rf"(?<!\d)(?P<{name}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:,.]\d|\d|%)"


def _rx_year(name: str) -> str:
    return rf"(?<![\d$€£#.,:/])(?P<{name}>1\d{{3}}|20\d{{2}})(?![\d]|[.,:]\d)"


_REL = r"(?i:last|this|next|past|previous|coming)"
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}
_NUM = (
    r"(?:\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|a\s+hundred|hundreds\s+of|a\s+few|few|several|many|dozens\s+of|a\s+dozen|half\s+a|a\s+half|an?)"
)
_UNIT = r"(?:years?|months?|weeks?|days?|decades?|centur(?:y|ies)|hours?|minutes?)"
_DUR_MOD = (
    r"(?:(?:just\s+)?(?:over|more\s+than|nearly|almost|about|around|some|at\s+least|less\s+than|under|roughly"
    r"|approximately|close\s+to|up\s+to|fewer\s+than)\s+)?"
)


_ORDINAL_WORDS = {}
_UNITS_ORDINAL = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
]
_TEENS_ORDINAL = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]
for _n, _w in enumerate(_UNITS_ORDINAL + _TEENS_ORDINAL, start=1):
    _ORDINAL_WORDS[_w] = _n
for _n, _w in enumerate(_UNITS_ORDINAL, start=1):
    _ORDINAL_WORDS[f"twenty {_w}"] = 20 + _n
_ORDINAL_WORDS["thirtieth"] = 30
_ORDINAL_WORDS["thirty first"] = 31
_ORDINAL_WORDS_RE = "|".join(
    sorted((w.replace(" ", "[\\s-]") for w in _ORDINAL_WORDS), key=len, reverse=True)
)


def _number(text: str) -> int | None:
    text = text.lower().replace("-", " ").strip()
    if re.fullmatch(r"\d+", text):
        return int(text)
    total = 0
    for word in text.split():
        if word not in _NUMBER_WORDS:
            return None
        total += _NUMBER_WORDS[word]
    return total or None


def _unit(word: str) -> str:
    word = word.lower()
    if word.startswith("centur"):
        return "century"
    return word.rstrip("s")


@dataclass
class _Cand:
    start: int
    end: int
    kind: str
    spec: Spec
    priority: int = 0


_REPORTED = re.compile(
    r"(?i)\b(?:said|says|told|announced|reported|added|stated|confirmed|noted|tweeted|wrote|declared"
    r"|disclosed|revealed)\s+(?:\w+\s+)?"
    # "said in a statement on Friday", "told reporters at a news conference on Monday".
    r"(?:(?:in|at|during)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,3}?)?"
    r"(?:on\s+|late\s+|early\s+)?$"
)
_FUTURE = re.compile(
    r"(?i)\b(?:will|shall|(?:is|are|was|were)\s+(?:scheduled|expected|set|due|slated|planned|likely)\s+to|(?:is|are)\s+to"
    r"|plans?\s+(?:to|for)|planned\s+to|planning\s+to|a\s+plan\s+for|hopes?\s+to|intends?\s+to|aims?\s+to|may(?!\s+have)|might(?!\s+have)"
    r"|upcoming|to\s+be\s+held|going\s+to)\b"
)
_PART_WORDS = {
    "early": "early",
    "mid": "mid",
    "mid-": "mid",
    "late": "late",
    "the end of": "late",
    "end of": "late",
    "the beginning of": "early",
    "beginning of": "early",
    "the start of": "early",
    "start of": "early",
    "the middle of": "mid",
    "middle of": "mid",
}
_PART_RE = (
    r"(?P<part>(?i:early|mid-|mid|late|(?:the\s+)?end\s+of|(?:the\s+)?beginning\s+of|(?:the\s+)?start\s+of"
    r"|(?:the\s+)?middle\s+of))"
)


def _part(text: str | None) -> str | None:
    if not text:
        return None
    return _PART_WORDS[re.sub(r"\s+", " ", text.lower()).strip()]


# Words that may follow "the 11th" when it is a date (else "the 194th partner" is no date).
_DATE_CUE = re.compile(
    r"(?i)\b(?:in|since|until|till|by|from|to|during|of|through|before|after|early|late|and|or"
    r"|between|last|this|next)\s+$"
)
_AFTER_ORDINAL_OK = {
    "that",
    "when",
    "and",
    "or",
    "to",
    "in",
    "at",
    "on",
    "with",
    "after",
    "before",
    "as",
    "but",
    "while",
    "for",
    "from",
    "by",
    "local",
    "said",
    "of",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "the",
    "a",
    "an",
    "this",
    "which",
    "where",
    "through",
    "until",
    "according",
    "amid",
    "during",
    "under",
    "says",
    "told",
    "announced",
    "there",
    "last",
    "next",
    "morning",
    "afternoon",
    "evening",
    "night",
    "is",
    "was",
    "will",
    "has",
    "had",
}
_BAD_BEFORE_YEAR = re.compile(
    r"(?i)(?:\b(?:no\.?|number|resolution|page|pp?\.|flight|route|article|art\.|chapter|section|vol\.?|code|room|tel\.?|ext\.?|model|"
    r"us\$|usd|krw|eur)\s*|[$€£₩¥#]\s*|\d\s*[-–]\s*)$"
)
_BAD_AFTER_YEAR = re.compile(
    r"(?i)^\s*(?:%|percent|per\s+cent|people|persons|troops|soldiers|fighters|refugees|deaths|dead|casualties|members"
    r"|km|kilometers|kilometres|miles|tons|tonnes|dollars|won|euros|yuan|yen|units|cases|votes|seats|meters|metres"
    r"|feet|rounds|missiles|times|men|women|children|civilians|workers|employees|companies|families|households|homes"
    r"|houses|students|square|hectares|acres|sq\b|[a-z]+s\s+(?:were|have|had)\b)"
)


_UNIT_WORDS = r"(?i)\b(?:years?|months?|weeks?|days?|decades?|centur(?:y|ies)|hours?|minutes?)\b"
# A word each rule needs: a sentence without it is skipped for that rule.
_TRIGGERS = {
    "iso_day": r"\d{4}",
    "iso_month": r"\d{4}-",
    "numeric": r"\d[/.-]\d",
    "nine_eleven": r"9/11",
    "holiday": r"New\s+Year|Christmas\s+[DE]",
    "mdy": _MON,
    "mdy_words": _MON,
    "rel_mdy": _MON,
    "anaphor_month": r"(?i)\b(?:following|next|previous|preceding)\s",
    "dmy": _MON,
    "dmy2": _MON,
    "month_year": _MON,
    "rel_month": _MONF,
    "bare_month": _MONF,
    "year_range": r"\d{4}",
    "year_between": r"\d{4}",
    "year": r"\d{4}",
    "year_part": r"(?i)\d{4}|year",
    "unit_end": r"(?i)\b(?:year|month|week)\b",
    "rel_year_part": r"(?i)\b(?:year|month|week)\b",
    "decade": r"0[’']?s\b",
    "century": r"(?i)century",
    "day_word": (
        r"(?i)yesterday|today|tonight|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)"
        r"|under\s?way"
    ),
    "rel_unit": r"(?i)\b(?:week|weekend|month|year|decade)\b",
    "rel_unit_part": r"(?i)\b(?:week|month)\b",
    "between_mdy": r"(?i)between",
    "ago": r"(?i)\b(?:ago|earlier|later|before|after)\b",
    "anaphor_day": r"(?i)\bday\b",
    "part_of_day": r"(?i)\b(?:morning|afternoon|evening|night)\b",
    "ordinal_words": r"[Oo]n\s+the\s+[a-z]",
    "weekend": r"(?i)weekend",
    "weekday": _WD,
    "ordinal": r"(?i)\d(?:st|nd|rd|th)\b",
    "duration": _UNIT_WORDS,
    "duration_past": _UNIT_WORDS,
    "duration_hyphen": r"(?i)-(?:year|month|week|day|decade|century|hour|minute)",
    "duration_century": r"(?i)century",
    "set": r"(?i)\b(?:every|each|once|twice|times|annually)\b",
    "vague": r"(?i)recent|lately|soon|currently|nowadays|these\s+days|coming|near\s+future",
}


# "from the New Year": the holiday only after a preposition ("the New Year celebrations").
_AFTER_PREPOSITION = (
    "(?:"
    + "|".join(
        rf"(?<=\b{w}\s)" for w in ("from", "on", "by", "until", "after", "before", "since", "at")
    )
    + ")"
)
# Holidays on fixed days of the Western calendar, by their names in news English.
_HOLIDAYS = {
    "New Year's Day": (1, 1),
    "New Year": (1, 1),
    "New Year's Eve": (12, 31),
    "Christmas Day": (12, 25),
    "Christmas Eve": (12, 24),
}

# "the Sept. 11 attacks", "9/11": a name that carries its date.
_NINE_ELEVEN_AFTER = re.compile(r"(?i)\s*,?\s*(?:\d{4}\s*,?\s*)?(?:terror(?:ist)?\s+)?attacks?\b")
_NINE_ELEVEN_RULE = "stated: the name of the attacks of 11 September 2001"


# (name, pattern, handler): tried over each sentence; the longest match wins.
_RULES = [
    # ISO and other year-first numeric dates: 2025-03-11, 2025.03.11, 2025/3/11
    (
        "iso_day",
        r"(?<![\d-])(?P<y>\d{4})(?P<sep>[-./])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d]|[-./]\d)",
        "_iso_day",
    ),
    (
        "iso_month",
        r"(?<![\d-])(?P<y>1\d{3}|20\d{2})-(?P<m>0[1-9]|1[0-2])(?![\d]|[-./]\d)",
        "_iso_month",
    ),
    ("nine_eleven", r"(?<![\d/])9/11(?![\d/])", "_nine_eleven"),
    # dd/mm/yyyy and friends: ambiguous order, left to dateparser
    (
        "numeric",
        r"(?<![\d./:-])(?:\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})|\d{1,2}-\d{1,2}-\d{4})(?![\d]|[./-]\d)",
        "_numeric",
    ),
    # 2021 Mar 19: the year first, as wire stamps and East Asian outlets write it
    (
        "ymd_words",
        rf"{_rx_year('y')}\s+{_rx_mon('m1')}\.?\s+{_rx_day('d1')}",
        "_year_month_day",
    ),
    # March 11, 2025 / Feb. 5 to 7 / Feb. 28 to March 2, 2025 / December 8th last year
    (
        "mdy",
        rf"{_rx_mon('m1')}\s*{_rx_day('d1')}(?:\s*(?:-|–|—|to|through|until|till)\s*(?:{_rx_mon('m2')}\s*)?{_rx_day('d2')})?"
        rf"(?:(?:\s?,\s*|\s+)(?:{_rx_year('y')}|(?:of\s+)?(?P<rel>(?i:last|this|next))\s+(?i:year)))?",
        "_month_day",
    ),
    # last March 26 / next May 4: a month and day with a modifier, no year
    (
        "rel_mdy",
        rf"(?P<mod>(?i:last|this|next|coming|past))\s+{_rx_mon('m1')}\s*{_rx_day('d1')}",
        "_month_day_mod",
    ),
    # between March 3 and 5, 2024 / between Feb. 28 and March 2
    (
        "between_mdy",
        rf"(?i:between)\s+{_rx_mon('m1')}\s*{_rx_day('d1')}\s+(?i:and)\s+(?:{_rx_mon('m2')}\s*)?"
        rf"{_rx_day('d2')}(?:(?:,\s*|\s+)(?:{_rx_year('y')}|(?P<rel>(?i:last|this|next))\s+(?i:year)))?",
        "_month_day",
    ),
    (
        "mdy_words",
        rf"{_rx_mon('m1')}\s+(?P<w>(?i:{_ORDINAL_WORDS_RE}))\b(?:,?\s+{_rx_year('y')})?",
        "_month_day_words",
    ),
    # 11 March 2025 / 5-7 February 2025 / the 11th of March / 28 February to 2 March 2025
    (
        "dmy",
        rf"{_rx_day('d1')}(?:\s*(?:-|–|—|to|through|until)\s*{_rx_day('d2')})?\s+(?:of\s+)?{_rx_mon('m1')}"
        rf"(?:(?:\s?,\s*|\s+)(?:{_rx_year('y')}|(?:of\s+)?(?P<rel>(?i:last|this|next))\s+(?i:year)))?",
        "_month_day",
    ),
    (
        "dmy2",
        rf"{_rx_day('d1')}\s+{_rx_mon('m1')}\s*(?:-|–|—|to|through|until)\s*{_rx_day('d2')}\s+{_rx_mon('m2')}"
        rf"(?:(?:,\s*|\s+){_rx_year('y')})?",
        "_month_day",
    ),
    # December 2024 / early December 2024 / December last year / last December / mid-February
    # / Apr.1983 (an abbreviation's period glued to the year)
    (
        "month_year",
        rf"(?:{_PART_RE}\s*)?{_rx_mon('m1')}(?:\s*,?\s+(?:of\s+)?|(?<=[A-Za-z]\.)(?=\d))(?:{_GLUED_YEAR}|(?P<rel>(?i:last|this|next))\s+(?i:year))"
        rf"(?![\d])",
        "_month_name",
    ),
    (
        "rel_month",
        rf"(?:{_PART_RE}\s*)?(?P<mod>(?i:last|this|next|past|coming))\s+{_rx_monf('m1')}",
        "_month_name",
    ),
    ("bare_month", rf"(?:{_PART_RE}\s*)?{_rx_monf('m1')}(?!\s*\d)", "_month_name"),
    # the following July / the previous March: counted from the date mentioned before
    (
        "anaphor_month",
        rf"(?i:\bthe\s+(?P<dir>following|next|previous|preceding))\s+{_rx_monf('m1')}(?!\s*\d)",
        "_anaphor_month",
    ),
    # Years: 2011-2024, between 2011 and 2024, late 2024, late last year, 1990s,
    # the 20th century, 1975
    (
        "year_range",
        rf"{_rx_year('y1')}\s*(?:-|–|—|to|through|until)\s*(?:{_rx_year('y2')}|(?P<yy>\d\d)(?!\d))",
        "_year_range",
    ),
    (
        "year_between",
        rf"(?i:between)\s+{_rx_year('y1')}\s+(?i:and)\s+{_rx_year('y2')}",
        "_year_range",
    ),
    (
        "year_part",
        r"(?P<part>(?i:early|mid-|mid|late|end-|start-|(?:the\s+)?end\s+of|(?:the\s+)?beginning\s+of"
        r"|(?:the\s+)?start\s+of"
        r"|(?:the\s+)?middle\s+of|(?:the\s+)?(?:first|second)\s+half\s+of"
        r"|(?:the\s+)?(?:first|second|third|fourth)\s+quarter\s+of|spring|summer|autumn|fall|winter"
        r"|q[1-4]|h[12]))(?:\s+of)?\s*"
        rf"(?:{_rx_year('y')}|(?P<rel>(?i:last|this|next))\s+(?i:year))",
        "_year_part",
    ),
    (
        "unit_end",
        r"(?i:\b(?:at\s+)?(?:the\s+)?(?P<part>end|beginning|start|middle)\s+of\s+(?:the|this)\s+(?P<unit>month|year|week))\b",
        "_unit_part",
    ),
    (
        "rel_year_part",
        r"(?P<part>(?i:earlier|later))\s+(?P<rel>(?i:this))\s+(?P<unit>(?i:year|month|week))\b",
        "_rel_part",
    ),
    (
        "decade",
        r"(?:(?i:the)\s+)?(?:(?P<part>(?i:early|mid-|mid|late))\s*)?(?:(?P<dec>1\d{2}0|20\d0)|[’'](?P<dec2>\d0))[’']?s\b",
        "_decade",
    ),
    (
        "century",
        r"(?:(?i:the)\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-](?i:century)",
        "_century",
    ),
    ("year", _rx_year("y"), "_year"),
    # Fixed-date holidays: "on New Year's Day", "from the New Year", "Christmas Eve 1989"
    (
        "holiday",
        r"(?P<name>New\s+Year[’']?s\s+(?:Day|Eve)|"
        + _AFTER_PREPOSITION
        + r"the\s+New\s+Year(?![’']|\s+(?:holiday|celebration|message|address|speech|reception))"
        r"|Christmas\s+(?:Day|Eve))"
        rf"(?:(?:,\s*|\s+){_rx_year('y')})?",
        "_holiday",
    ),
    # Relative days, weeks, months, years
    (
        "day_word",
        r"(?i:\b(?:(?P<dby>the\s+day\s+before\s+yesterday)|(?P<w>yesterday|today|tonight|tomorrow)"
        r"|(?P<night>last\s+night)"
        r"|this\s+(?:morning|afternoon|evening)"
        r"|(?P<ongoing>(?:is|are)\s+(?:now\s+|currently\s+)?under\s?way))\b)",
        "_day_word",
    ),
    # late last month, early next week, at the end of this month
    (
        "rel_unit_part",
        rf"{_PART_RE}\s*(?P<mod>(?i:last|this|next))\s+(?P<unit>(?i:week|month))\b",
        "_rel_unit_part",
    ),
    (
        "rel_unit",
        r"(?i:\b(?P<mod>last|this|next|coming|the\s+coming|past|the\s+past|previous|the\s+previous|following|the\s+following)"
        r"\s+(?P<unit>week|weekend|month|year|decade)\b)",
        "_rel_unit",
    ),
    (
        "ago",
        rf"(?i:\b(?P<n>{_NUM})\s+(?P<unit>years?|months?|weeks?|fortnights?|days?|decades?)\s+(?P<dir>ago|earlier|later|(?:before|after)(?=\s*(?:[,.;:)]|$)))"
        # "Forty years ago today", "ten years ago this week": an anniversary
        r"(?:(?<=ago),?\s*(?P<same>today|this\s+week|this\s+month)\b)?)",
        "_ago",
    ),
    (
        "anaphor_day",
        r"(?i:\b(?:the\s+(?:(?P<prev>previous|next|following|same)\s+day"
        r"|day\s+(?P<dir>before|after)(?!\s+yesterday))|(?P<that>(?<=later\s)that\s+day)"
        # "Earlier in the day", "later that same day", "effective as of this day"
        r"|(?:earlier|later)\s+in\s+the\s+day|that\s+same\s+day|(?<=\bon\s)that\s+day"
        r"|(?:(?<=\bof\s)|(?<=\bon\s)|(?<=\bfrom\s))this\s+day(?!\s+in\b|\s*:)))\b",
        "_anaphor_day",
    ),
    # "In the evening, the two ministers met": the day the narrative is at.
    (
        "part_of_day",
        r"(?i:\b(?:(?:later\s+)?in\s+the|that|the\s+same)\s+(?:morning|afternoon|evening|night)\b)",
        "_part_of_day",
    ),
    ("weekend", r"(?i:\b(?:over|during|at|on)\s+the\s+weekend\b)", "_weekend"),
    # Weekdays: Thursday / this Friday / last Monday / Friday's
    (
        "weekday",
        rf"(?:(?P<mod>(?i:last|this|next|past|coming))\s+)?(?P<wd>{_WD})(?P<plural>s)?(?![A-Za-z])",
        "_weekday",
    ),
    # The 10th / on the 11th / the 5th to 7th / the 10th of this month
    (
        "ordinal",
        r"(?i:\bthe)\s+(?P<d1>3[01]|[12]\d|0?[1-9])(?i:st|nd|rd|th)\b"
        r"(?:\s*(?:-|–|to|and)\s*(?:(?i:the)\s+)?(?P<d2>3[01]|[12]\d|0?[1-9])(?i:st|nd|rd|th)\b)?"
        r"(?:\s+(?i:of)\s+(?P<rel>(?i:this|last|next|the\s+previous|the\s+same))\s+(?i:month))?",
        "_ordinal",
    ),
    # "on the nineteenth" (spelled out: only after "on", "the second" is rarely a day)
    (
        "ordinal_words",
        rf"(?<=\b[Oo]n\s)the\s+(?P<w>(?i:{_ORDINAL_WORDS_RE}))\b",
        "_ordinal_words",
    ),
    # Durations, sets and vague references
    (
        "duration",
        rf"(?i:\b{_DUR_MOD}(?P<n>{_NUM})\s+(?P<unit>{_UNIT})\b(?!\s+(?:ago|old)\b))",
        "_duration",
    ),
    (
        "duration_hyphen",
        rf"(?i:\b(?P<n>\d+|{_NUM})-(?P<unit>year|month|week|day|decade|century|hour|minute)\b(?!-old|\s+old))",
        "_duration",
    ),
    (
        "duration_century",
        r"(?i:\b(?:(?:just\s+)?(?:over|more\s+than|nearly|almost|about|around)\s+)?(?:half\s+a|a\s+quarter\s+of\s+a)\s+century\b)",
        "_duration_words",
    ),
    (
        "duration_past",
        r"(?i:\b(?:the\s+)?(?:past|last|previous)\s+(?P<n>\w+)\s+(?P<unit>years|months|weeks|days|decades)\b)",
        "_duration",
    ),
    (
        "set",
        r"(?i:\b(?:every|each)\s+(?:year|month|week|day|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
        r"|\b(?:once|twice|\w+\s+times)\s+a\s+(?:year|month|week|day)\b|\bannually\b)",
        "_set",
    ),
    (
        "vague",
        r"(?i:\b(?:recently|lately|soon|currently|nowadays|these\s+days|in\s+recent\s+(?:years|months|weeks|days)"
        r"|in\s+the\s+coming\s+(?:years|months|weeks|days)|in\s+the\s+near\s+future)\b)",
        "_vague",
    ),
]


class _Grammar:
    """The patterns, tried over each sentence; the longest match wins."""

    def __init__(self) -> None:
        self.rules: list[tuple[str, re.Pattern, object]] = []
        for name, pattern, handler in _RULES:
            self._add(name, pattern, getattr(self, handler))

    def _add(self, name: str, pattern: str, handler) -> None:
        trigger = _TRIGGERS.get(name)
        self.rules.append((name, re.compile(pattern), handler, trigger and re.compile(trigger)))

    # -- handlers: return a candidate, or None to reject the match ----------------

    @staticmethod
    def _abs(m: re.Match, value: DateValue, kind: str = "date", rule: str = "") -> _Cand:
        return _Cand(m.start(), m.end(), kind, Spec("abs", (value, rule) if rule else (value,)))

    def _nine_eleven(self, m, ctx):
        return self._abs(m, day_value(dt.date(2001, 9, 11)), rule=_NINE_ELEVEN_RULE)

    def _iso_day(self, m, ctx):
        day = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if not day or not 1000 <= day.year <= 2199:
            return None
        return self._abs(m, day_value(day))

    def _iso_month(self, m, ctx):
        return self._abs(m, month_value(int(m["y"]), int(m["m"])))

    def _numeric(self, m, ctx):
        # "10-06-2023", "10.06.2023": dashes and dots are written day first (Europe, Asia);
        # slashes are left to dateparser's English month-first order.
        dashed = re.fullmatch(r"(\d{1,2})([.-])(\d{1,2})\2(\d{4}|\d{2})", m.group())
        year = dashed and int(dashed[4])
        if dashed and len(dashed[4]) == 2:
            # "(11.09.25)": a two-digit year, read as POSIX does (69-99: 1900s, 00-68: 2000s).
            year += 1900 if year >= 69 else 2000
        value = dashed and _safe_date(year, int(dashed[3]), int(dashed[1]))
        if value:
            rule = "day first, as dates written with dashes or dots are"
        else:
            value = _dateparser_date(m.group(), ctx.published)
            rule = "read by dateparser (English month-first order when ambiguous)"
        if value is None:
            return None
        return _Cand(m.start(), m.end(), "date", Spec("abs", (day_value(value), rule)))

    def _month_day(self, m, ctx):
        m1 = MONTH_LOOKUP[m["m1"].lower().rstrip(".")]
        m2 = MONTH_LOOKUP[m["m2"].lower().rstrip(".")] if m.groupdict().get("m2") else None
        d1, d2 = int(m["d1"]), int(m["d2"]) if m["d2"] else None
        if not _safe_date(2024, m1, d1) or (d2 is not None and not _safe_date(2024, m2 or m1, d2)):
            return None
        if d2 is not None and m2 is None and d2 <= d1:
            return None
        if (m1, d1, d2, m["y"]) == (9, 11, None, None) and _NINE_ELEVEN_AFTER.match(
            ctx.after(m.end())
        ):
            return self._abs(m, day_value(dt.date(2001, 9, 11)), rule=_NINE_ELEVEN_RULE)
        if m["y"]:
            year = int(m["y"])
            if d2 is None:
                start = _safe_date(year, m1, d1)
                return self._abs(m, day_value(start)) if start else None
            # the year written at the end belongs to the end of the range
            start_year = year - 1 if m2 is not None and m2 < m1 else year
            start, end = _safe_date(start_year, m1, d1), _safe_date(year, m2 or m1, d2)
            if not start or not end or end < start:
                return None
            return self._abs(m, range_value(start, end))
        offset = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()] if m["rel"] else None
        # "the Aug. 13 agreement" names a past date even in a sentence that looks ahead
        attributive = re.search(r"(?i)\bthe\s+$", ctx.before(m.start()))
        future = offset is None and not attributive and ctx.looks_ahead(m.start(), m.end())
        return _Cand(m.start(), m.end(), "date", Spec("monthday", (m1, d1, m2, d2, offset), future))

    def _year_month_day(self, m, ctx):
        day = _safe_date(int(m["y"]), MONTH_LOOKUP[m["m1"].lower().rstrip(".")], int(m["d1"]))
        return self._abs(m, day_value(day)) if day else None

    def _holiday(self, m, ctx):
        name = re.sub(r"\s+", " ", m["name"]).replace("’", "'")
        month, day = _HOLIDAYS[name.removeprefix("the ")]
        if m["y"]:
            return self._abs(m, day_value(dt.date(int(m["y"]), month, day)))
        future = ctx.looks_ahead(m.start(), m.end())
        return _Cand(
            m.start(), m.end(), "date", Spec("monthday", (month, day, None, None, None), future)
        )

    def _month_day_mod(self, m, ctx):
        month, day = MONTH_LOOKUP[m["m1"].lower().rstrip(".")], int(m["d1"])
        if not _safe_date(2024, month, day):
            return None
        mod = m["mod"].lower()
        future = mod in ("next", "coming") or (mod == "this" and ctx.looks_ahead(m.start()))
        spec = Spec("monthday", (month, day, None, None, None), future)
        return _Cand(m.start(), m.end(), "date", spec)

    def _anaphor_month(self, m, ctx):
        month = MONTH_LOOKUP[m["m1"].lower()]
        direction = -1 if m["dir"].lower() in ("previous", "preceding") else 1
        return _Cand(m.start(), m.end(), "date", Spec("monthafter", (month, direction)))

    def _month_day_words(self, m, ctx):
        month = MONTH_LOOKUP[m["m1"].lower().rstrip(".")]
        day = _ORDINAL_WORDS[re.sub(r"[\s-]+", " ", m["w"].lower())]
        if m["y"]:
            start = _safe_date(int(m["y"]), month, day)
            return self._abs(m, day_value(start)) if start else None
        if not _safe_date(2024, month, day):
            return None
        return _Cand(
            m.start(),
            m.end(),
            "date",
            Spec("monthday", (month, day, None, None, None), ctx.looks_ahead(m.start())),
        )

    def _month_name(self, m, ctx):
        name = m["m1"]
        month = MONTH_LOOKUP[name.lower().rstrip(".")]
        part = _part(m.groupdict().get("part"))
        start = m.start()
        if m.groupdict().get("y"):
            year = int(m["y"])
            value = month_part_value(year, month, part) if part else month_value(year, month)
            return _Cand(start, m.end(), "date", Spec("abs", (value,)))
        rel = (m.groupdict().get("rel") or "").lower()
        mod = (m.groupdict().get("mod") or "").lower()
        if rel:
            mode = {"last": -1, "this": 0, "next": 1}[rel]
        elif mod in ("last", "past"):
            mode = "before"
        elif mod in ("next", "coming"):
            mode = "after"
        elif mod == "this":
            mode = 0
        else:
            mode = "latest"
            # Modal "may" and the verb "march": only after a word that introduces a date.
            if (
                name.rstrip(".").lower() in ("may", "march")
                and not part
                and not _DATE_CUE.search(ctx.before(start))
            ):
                return None
            if ctx.before(start).endswith(("the ", "The ")) and not part:
                return None  # "the March 1st Movement", "the August revolution"
        future = mode == "latest" and ctx.looks_ahead(start)
        return _Cand(start, m.end(), "date", Spec("monthname", (month, mode, part), future))

    def _year_range(self, m, ctx):
        y1 = int(m["y1"])
        y2 = y1 // 100 * 100 + int(m["yy"]) if m.groupdict().get("yy") else int(m["y2"])
        if not y1 < y2 <= y1 + 200:
            return None
        if _BAD_BEFORE_YEAR.search(ctx.before(m.start())) or _BAD_AFTER_YEAR.match(
            ctx.after(m.end())
        ):
            return None
        return self._abs(m, year_range_value(y1, y2))

    def _year_part(self, m, ctx):
        word = re.sub(r"\s+", " ", m["part"].lower())
        word = re.sub(r"^the ", "", word)
        part = {
            "early": "early",
            "mid-": "mid",
            "mid": "mid",
            "late": "late",
            "end-": "late",
            "start-": "early",
            "end of": "late",
            "beginning of": "early",
            "start of": "early",
            "middle of": "mid",
            "first half of": "h1",
            "second half of": "h2",
            "first quarter of": "q1",
            "second quarter of": "q2",
            "third quarter of": "q3",
            "fourth quarter of": "q4",
            "q1": "q1",
            "q2": "q2",
            "q3": "q3",
            "q4": "q4",
            "h1": "h1",
            "h2": "h2",
            "spring": "spring",
            "summer": "summer",
            "autumn": "autumn",
            "fall": "autumn",
            "winter": "winter",
        }[word]
        if m["y"]:
            if _BAD_AFTER_YEAR.match(ctx.after(m.end())):
                return None
            return self._abs(m, part_value(int(m["y"]), part))
        offset = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
        return _Cand(
            m.start(),
            m.end(),
            "date",
            Spec("year", (offset, part))
            if part in PARTS and part not in ("spring", "summer", "autumn")
            else Spec("season", (part, offset)),
        )

    def _unit_part(self, m, ctx):
        part = {"end": "late", "beginning": "early", "start": "early", "middle": "mid"}[
            m["part"].lower()
        ]
        unit = m["unit"].lower()
        start = m.start() + (3 if m.group().lower().startswith("at ") else 0)
        start += len(m.group()[start - m.start() :]) - len(m.group()[start - m.start() :].lstrip())
        if unit == "week":
            return _Cand(start, m.end(), "date", Spec("week", (0, None)))
        return _Cand(start, m.end(), "date", Spec(unit, (0, part)))

    def _rel_part(self, m, ctx):
        unit = m["unit"].lower()
        return _Cand(m.start(), m.end(), "date", Spec(unit, (0, m["part"].lower())))

    def _decade(self, m, ctx):
        if m["dec"]:
            decade = int(m["dec"])
        else:
            two = int(m["dec2"])
            decade = (1900 if two >= 30 else 2000) + two
        part = _part(m["part"]) if m["part"] else None
        if decade % 100 == 0 and m["dec"] and not part:
            return self._abs(m, century_value(decade // 100 + 1))  # "the 1800s": the whole century
        return self._abs(m, decade_value(decade, part))

    def _century(self, m, ctx):
        n = int(m["n"])
        if not 1 <= n <= 22:
            return None
        return self._abs(m, century_value(n))

    def _year(self, m, ctx):
        year = int(m["y"])
        before, after = ctx.before(m.start()), ctx.after(m.end())
        if _BAD_BEFORE_YEAR.search(before) or _BAD_AFTER_YEAR.match(after):
            return None
        if re.match(r"\s*[-–]\s*(?:year|month|day|strong|member|page)", after, re.I):
            return None
        cue = re.search(
            r"(?i)\b(?:in|since|until|till|by|from|to|of|during|before|after|early|late|mid|year|and|or|between|around|circa|c\.)\s*$",
            before,
        )
        if not cue and not 1800 <= year <= 2099:
            return None
        if ctx.history_piece and (
            (_HISTORY_ITEM.fullmatch(before) and after.startswith(","))
            or (not ctx.sentence[: m.start()].strip() and _HISTORY_ITEM_DASH.match(after))
        ):
            return _Cand(m.start(), m.end(), "date", Spec("thisday", (year, *ctx.history_day)))
        return self._abs(m, year_value(year))

    def _day_word(self, m, ctx):
        if m["ongoing"]:
            # "the state visit to Peru is underway": a visit or talks going on as the report
            # is written are dated by its day; "preparations are underway" date nothing.
            before = ctx.before(m.start(), 60)
            if not _ONGOING_HAPPENING.search(before) or _PREPARED.search(before):
                return None
            return _Cand(m.start(), m.end(), "date", Spec("day", (0,)))
        if m["dby"] or m["night"]:
            offset = -2 if m["dby"] else -1
            return _Cand(m.start(), m.end(), "date", Spec("day", (offset,)))
        word = (m["w"] or "today").lower()
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
        return _Cand(m.start(), m.end(), "date", Spec("day", (offset,)))

    def _rel_unit(self, m, ctx):
        mod = re.sub(r"^the\s+", "", m["mod"].lower())
        unit = m["unit"].lower()
        if mod == "past":
            return _Cand(
                m.start(), m.end(), "duration", Spec("duration", (f"P1{unit[0].upper()}",))
            )
        if mod in ("previous", "following"):
            n = -1 if mod == "previous" else 1
            if unit in ("weekend", "decade"):
                return None
            return _Cand(m.start(), m.end(), "date", Spec("anaphor", (n, unit, "loose")))
        offset = {"last": -1, "this": 0, "next": 1, "coming": 1}[mod]
        if unit == "decade":
            return None
        if unit == "weekend":
            return _Cand(
                m.start(), m.end(), "date", Spec("weekend", (offset,), ctx.looks_ahead(m.start()))
            )
        return _Cand(m.start(), m.end(), "date", Spec(unit, (offset, None)))

    def _rel_unit_part(self, m, ctx):
        offset = {"last": -1, "this": 0, "next": 1}[m["mod"].lower()]
        spec = Spec(m["unit"].lower(), (offset, _part(m["part"])))
        return _Cand(m.start(), m.end(), "date", spec)

    def _ago(self, m, ctx):
        n = _number(m["n"])
        if n is None:
            return None
        unit = _unit(m["unit"])
        if unit == "fortnight":
            n, unit = 2 * n, "week"
        direction = m["dir"].lower()
        if direction == "ago":
            scope = (
                m["same"]
                and {"t": "day", "w": "week", "m": "month"}[m["same"].lower().split()[-1][0]]
            )
            if (
                ctx.history_piece
                and not ctx.before(m.start()).strip()
                and ctx.after(m.end())[:1] == ":"
            ):
                scope = "day"  # "Ten years ago: ..." heads an item of a this-day piece
            args = (n, unit, scope) if scope and unit in ("year", "decade", "month") else (n, unit)
            return _Cand(m.start(), m.end(), "date", Spec("ago", args))
        sign = -1 if direction in ("earlier", "before") else 1
        if unit == "decade":
            return _Cand(m.start(), m.end(), "duration", Spec("duration", (f"P{n * 10}Y",)))
        # the base is filled in once the expressions before it are known (see _anchor)
        return _Cand(m.start(), m.end(), "date", Spec("anaphor", (sign * n, unit, "strict")))

    def _anaphor_day(self, m, ctx):
        word = (m["prev"] or m["dir"] or "same").lower()
        n = {"previous": -1, "before": -1, "same": 0}.get(word, 1)
        return _Cand(m.start(), m.end(), "date", Spec("anaphor", (n, "day", "loose")))

    def _part_of_day(self, m, ctx):
        if _DAY_NAMED.search(ctx.sentence):
            return None  # "on Monday in the evening": the day is written
        return _Cand(m.start(), m.end(), "date", Spec("anaphor", (0, "day", "loose")))

    def _weekend(self, m, ctx):
        start = m.start() + m.group().lower().index("the")
        return _Cand(start, m.end(), "date", Spec("weekend", (0,), ctx.looks_ahead(m.start())))

    def _weekday(self, m, ctx):
        wd = WEEKDAYS.index(m["wd"].capitalize())
        if m["plural"]:
            return _Cand(m.start(), m.end(), "set", Spec("set", ()))
        if not m["mod"] and re.search(r"(?i)\b(?:a|any|every|each|one)\s+$", ctx.before(m.start())):
            return None  # "was a Sunday", "any Friday"
        mod = (m["mod"] or "").lower()
        mode = {
            "last": "last",
            "past": "last",
            "this": "this",
            "next": "next",
            "coming": "next",
        }.get(mod, "bare")
        return _Cand(
            m.start(),
            m.end(),
            "date",
            Spec("weekday", (wd, mode), mode == "bare" and ctx.looks_ahead(m.start(), m.end())),
        )

    def _ordinal(self, m, ctx):
        after = ctx.after(m.end())
        if not m["rel"]:
            word = re.match(r"\s*([A-Za-z]+)", after)
            if word:
                token = word.group(1)
                if not (
                    (token.lower() in _AFTER_ORDINAL_OK and token[0].islower())
                    or (token.endswith("ed") and token[0].islower())
                ):
                    return None
                if token.lower() == "of" and re.match(r"\s*of\s+(?!this|last|next)", after):
                    # "the 11th of March" is the month-day rule's; "the 3rd of 5" is no date
                    return None
            elif after.strip() and after.lstrip()[0] not in ",.;:!?)(]\"'”’–—-":
                return None
        d1 = int(m["d1"])
        d2 = int(m["d2"]) if m["d2"] else None
        if d2 is not None and d2 <= d1:
            return None
        rel = (m["rel"] or "").lower()
        offset = (
            {"this": 0, "the same": 0, "last": -1, "the previous": -1, "next": 1}.get(
                re.sub(r"\s+", " ", rel)
            )
            if rel
            else None
        )
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        # leave "the" out of the span: "on the 10th" -> "10th"? keep "the 10th", as written
        return _Cand(
            start,
            m.end(),
            "date",
            Spec("dom", (d1, d2, offset), offset is None and ctx.looks_ahead(start)),
        )

    def _ordinal_words(self, m, ctx):
        after = ctx.after(m.end())
        if after.strip() and not re.match(
            r"\s*(?:[,.;:!?)(]|(?:and|or|when|at|in|after|before)\b)", after
        ):
            return None
        day = _ORDINAL_WORDS[re.sub(r"[\s-]+", " ", m["w"].lower())]
        return _Cand(
            m.start(), m.end(), "date", Spec("dom", (day, None, None), ctx.looks_ahead(m.start()))
        )

    def _duration(self, m, ctx):
        n = _number(m["n"]) if m["n"] else None
        unit = _unit(m["unit"])
        if n is None and re.sub(r"\s+", " ", m["n"].lower()) not in (
            "few",
            "a few",
            "several",
            "many",
            "hundreds of",
            "dozens of",
            "a dozen",
            "half a",
            "a half",
            "a hundred",
        ):
            return None
        if m["n"].lower() in ("a dozen",):
            n = 12
        if n is None and re.sub(r"\s+", " ", m["n"].lower()) in ("half a", "a half"):
            iso = {
                "year": "P6M",
                "month": "P15D",
                "week": "P3D",
                "day": "PT12H",
                "decade": "P5Y",
                "century": "P50Y",
                "hour": "PT30M",
                "minute": "PT30S",
            }[unit]
            return _Cand(m.start(), m.end(), "duration", Spec("duration", (iso,)))
        amount = str(n) if n is not None else "X"
        code = {
            "year": "Y",
            "month": "M",
            "week": "W",
            "day": "D",
            "decade": "0Y",
            "century": "00Y",
            "hour": "H",
            "minute": "M",
        }[unit]
        iso = f"PT{amount}{code}" if unit in ("hour", "minute") else f"P{amount}{code}"
        if unit == "decade" and n is not None:
            iso = f"P{n * 10}Y"
        if unit == "century" and n is not None:
            iso = f"P{n * 100}Y"
        return _Cand(m.start(), m.end(), "duration", Spec("duration", (iso,)))

    def _duration_words(self, m, ctx):
        iso = "P50Y" if "half" in m.group().lower() else "P25Y"
        return _Cand(m.start(), m.end(), "duration", Spec("duration", (iso,)))

    def _set(self, m, ctx):
        return _Cand(m.start(), m.end(), "set", Spec("set", ()))

    def _vague(self, m, ctx):
        return _Cand(m.start(), m.end(), "date", Spec("vague", (m.group().lower(),)))


# How far back from an expression its cues are read: a reporting verb or role word
# ends right before it; a clause longer than _CLAUSE_CHARS is read from its last part.
_TAIL = 120
_CLAUSE_CHARS = 400
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:but|and|while|after|when)\b")
_BY_END = re.compile(r"(?i)\bby\s+$")
_FUTURE_AFTER = re.compile(
    r"(?i)\s*,?\s*(?:will|shall|(?:is|are)\s+(?:set|due|expected|scheduled|to)\b)\b"
)
# The heading of a "this day in history" piece, and the opening of one of its items.
_HISTORY_PIECE = re.compile(
    r"(?i:\b(?:this|that)\s+(?:day|date)\s+in\s+history\b|\btoday\s+in\s+history\b)"
    r"|\b(?:Today|This\s+[Dd]ay)\s+in\s+[A-Z][\w'’-]+\s+[Hh]istory\b"
    r"|\bOn\s+This\s+Day\b|(?im:^\s*on\s+this\s+(?:day|date)\s*:)"
)
_HISTORY_ITEM = re.compile(r"(?i)\s*(?:in|on\s+this\s+(?:day|date)\s+in)\s+")
# An item opening on its year alone, set off by a dash or a colon: "1949 -- South Korea ...".
_HISTORY_ITEM_DASH = re.compile(r"\s*(?:--|[–—:])\s")


# A heading line of a this-day piece naming its month and day alone: "Oct. 15", "13 October".
_HISTORY_HEADING = re.compile(
    rf"(?m)^[ \t]*(?:(?P<m1>{_MON})\.?[ \t]+(?P<d1>\d{{1,2}})"
    rf"|(?P<d2>\d{{1,2}})[ \t]+(?P<m2>{_MON}))\.?[ \t]*$"
)


def _history_heading(text: str) -> tuple[int, int] | tuple[()]:
    """The (month, day) of the first heading line naming a month and a day alone."""
    m = _HISTORY_HEADING.search(text)
    if m is None:
        return ()
    month = MONTH_LOOKUP[(m["m1"] or m["m2"]).lower().rstrip(".")]
    day = int(m["d1"] or m["d2"])
    return (month, day) if 1 <= day <= 31 else ()


# A day written in the sentence itself: a part of the day then needs no anchor.
_DAY_NAMED = re.compile(
    rf"(?i:\b(?:yesterday|today|tonight|tomorrow|{'|'.join(WEEKDAYS)}|"
    rf"{'|'.join(m for m in MONTH_NAMES[1:])})\b)|\b\d{{1,2}}(?:st|nd|rd|th)\b|\b\d{{4}}\b"
)


def in_quotes(text: str, pos: int) -> bool:
    """True when ``pos`` lies inside quoted speech opened earlier in its paragraph."""
    start = text.rfind("\n", 0, pos) + 1
    before = text[start:pos]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


class _Context:
    """What a handler may look at around its match."""

    def __init__(
        self,
        sentence: str,
        published: dt.date | None,
        previous: list[Timex],
        quoted: set[int] | None = None,
        history_piece: bool = False,
        history_day: tuple[int, int] | tuple[()] = (),
    ) -> None:
        self.sentence = sentence
        self.published = published
        self.previous = previous
        # A "this day in history" piece: its "In 1946, ..." items are its day of 1946.
        self.history_piece = history_piece
        # The piece's month and day when a heading line states them ("Oct. 15"); else the
        # publication date's (a piece may be posted the evening before its day).
        self.history_day = history_day
        # ids of earlier expressions inside quoted speech: a speaker's "today" is the day
        # the words were said, not a date the narrative counts from.
        self.quoted = quoted if quoted is not None else set()

    def before(self, pos: int, width: int = 40) -> str:
        return self.sentence[max(0, pos - width) : pos]

    def after(self, pos: int, width: int = 40) -> str:
        return self.sentence[pos : pos + width]

    def looks_ahead(self, pos: int, end: int | None = None) -> bool:
        """True when the clause before ``pos`` speaks of the future ("will meet on Friday"),
        or the expression ending at ``end`` is the subject of a future verb ("Saturday,
        December 8, will mark ...").

        "..., officials said on Tuesday" is the report, in the past, whatever came before;
        "by Jan. 31" is a deadline, ahead, unless the clause is in the past perfect.
        """
        if end is not None and _FUTURE_AFTER.match(self.sentence, end):
            return True
        # Only the tail before ``pos`` is read: scanning (or copying) the whole prefix
        # for every expression made one long sentence quadratic. ``search(s, a, b)``
        # still sees the characters before ``a`` for ``\b``, and ``$`` matches at ``b``.
        text, tail = self.sentence, max(0, pos - _TAIL)
        if _REPORTED.search(text, tail, pos):
            return False
        clause = _CLAUSE_BREAK.split(text[max(0, pos - _CLAUSE_CHARS) : pos])[-1]
        if _BY_END.search(text, tail, pos) and not re.search(r"(?i)\bhad\b", clause):
            return True
        return bool(_FUTURE.search(clause))

    def last_date_spec(self) -> Spec | None:
        """The latest date before this point (any precision, stated or relative), for
        "two years later" or "the following July"."""
        for timex in reversed(self.previous):
            spec = timex.spec
            if id(timex) in self.quoted:
                continue
            if isinstance(spec, Spec) and timex.kind == "date" and spec.op not in NO_VALUE_OPS:
                return spec
        return None

    def last_day_spec(self) -> Spec | None:
        for timex in reversed(self.previous):
            spec = timex.spec
            if id(timex) in self.quoted:
                continue
            if isinstance(spec, Spec) and timex.kind == "date" and spec.op not in NO_VALUE_OPS:
                if spec.op == "abs" and spec.args[0].precision != DAY:
                    continue
                if spec.op in ("year", "month", "monthname", "week", "ago", "season"):
                    continue
                return spec
        return None


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    return _Grammar()


_ROLE = re.compile(
    r"(?i)\b(?P<w>since|until|till|through|up\s+to|before|prior\s+to|after|following|by|as\s+of)\s+(?:the\s+)?(?:(?:early|late|mid)\s+)?$"
)
_ROLES = {
    "since": "since",
    "until": "until",
    "till": "until",
    "through": "until",
    "up to": "until",
    "by": "until",
    "as of": "",
    "before": "before",
    "prior to": "before",
    "after": "after",
    "following": "after",
}


def _role(body: str, end: int) -> str:
    """The role word ("since", "until", ...) right before ``body[end:]``."""
    match = _ROLE.search(body, max(0, end - _TAIL), end)
    if not match:
        return ""
    return _ROLES[re.sub(r"\s+", " ", match["w"].lower())]


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Keep the longest non-overlapping candidates (ties: the rule listed first)."""
    # Chosen spans never overlap, so only the neighbours by start can clash: bisect
    # keeps a sentence with a thousand expressions from costing a million checks.
    starts: list[int] = []
    chosen: list[_Cand] = []
    for cand in sorted(cands, key=lambda c: (-(c.end - c.start), c.priority, c.start)):
        i = bisect.bisect_right(starts, cand.start)
        if i > 0 and chosen[i - 1].end > cand.start:
            continue
        if i < len(chosen) and chosen[i].start < cand.end:
            continue
        starts.insert(i, cand.start)
        chosen.insert(i, cand)
    return chosen


_WEEKDAY_GLUE = re.compile(r"\s*,?\s*\(?\s*$")


def _merge_weekdays(cands: list[_Cand], body: str) -> list[_Cand]:
    """ "Tuesday, March 11, 2025" and "Friday (Feb. 14)": one expression, dated by the date."""
    out: list[_Cand] = []
    for cand in cands:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.spec.op == "weekday"
            and cand.spec.op in ("abs", "monthday", "dom")
            and (cand.spec.op != "abs" or cand.spec.args[0].precision == DAY)
            and _WEEKDAY_GLUE.fullmatch(body[prev.end : cand.start] + "")
        ):
            # Keep the weekday: it can tell the year of a month and day, and says a full
            # date is near the report's own day.
            spec = replace(cand.spec, weekday=prev.spec.args[0])
            closing = (
                body[prev.end : cand.start].strip().endswith("(")
                and body[cand.end : cand.end + 1] == ")"
            )
            merged = _Cand(prev.start, cand.end + closing, cand.kind, spec, cand.priority)
            out[-1] = merged
            continue
        out.append(cand)
    return out


def _is_relative(spec: Spec) -> bool:
    """True when the value depends on the publication date."""
    if spec.op in ABSOLUTE_OPS or spec.op in NO_VALUE_OPS:
        return False
    if spec.op in ("anaphor", "samemonth", "monthafter") and spec.base is not None:
        return _is_relative(spec.base)
    return True


def _anchor(cand: _Cand, ctx: _Context) -> _Cand:
    """Give an anaphor ("the previous day", "two years later") the date it counts from.

    "Two years later" with nothing before it to count from is a length of time;
    "the previous day" with nothing before it counts from the publication date.
    """
    n, unit, mode = cand.spec.args
    base = ctx.last_day_spec() if unit in ("day", "week") else ctx.last_date_spec()
    if base is None and mode == "strict":
        code = {"year": "Y", "month": "M", "week": "W", "day": "D"}[unit]
        return _Cand(
            cand.start, cand.end, "duration", Spec("duration", (f"P{abs(n)}{code}",)), cand.priority
        )
    return _Cand(
        cand.start, cand.end, cand.kind, Spec("anaphor", (n, unit, mode), base=base), cand.priority
    )


_COORD = re.compile(r"\s*(?:,|,?\s*and|,?\s*or|&)\s*(?:on\s+)?")


def _month_shares_year(cand: _Cand, nxt: _Cand, body: str) -> bool:
    """A bare month name coordinated with a later month of a stated year: "April and
    August 1996", "in March or May 2010"."""
    if cand.spec.op != "monthname" or nxt.spec.op != "abs":
        return False
    month, mode, part = cand.spec.args
    value = nxt.spec.args[0]
    return (
        mode == "latest"
        and part is None
        and value.precision == MONTH
        and month < value.start.month
        and bool(_COORD.fullmatch(body[cand.end : nxt.start]))
    )


def _share_years(cands: list[_Cand], body: str) -> list[_Cand]:
    """ "on 9th November and 24th November 2021": the year written once covers both."""
    out = list(cands)
    for i in range(len(out) - 2, -1, -1):
        cand, nxt = out[i], out[i + 1]
        if _month_shares_year(cand, nxt, body):
            # "in April and August 1996": April of 1996
            year, month = nxt.spec.args[0].start.year, cand.spec.args[0]
            rule = f"stated (the year {year} written with '{body[nxt.start : nxt.end]}')"
            value = month_value(year, month)
            out[i] = _Cand(cand.start, cand.end, "date", Spec("abs", (value, rule)), cand.priority)
            continue
        if cand.spec.op != "monthday" or cand.spec.args[4] is not None or nxt.spec.op != "abs":
            continue
        value = nxt.spec.args[0]
        if value.precision not in (DAY, RANGE) or not _COORD.fullmatch(body[cand.end : nxt.start]):
            continue
        m1, d1, m2, d2, _ = cand.spec.args
        year = value.start.year
        start = _safe_date(year, m1, d1)
        end = _safe_date(year, m2 or m1, d2) if d2 else start
        if not start or not end or end < start or start > value.start:
            continue
        rule = f"stated (the year {year} written with '{body[nxt.start : nxt.end]}')"
        out[i] = _Cand(
            cand.start,
            cand.end,
            "date",
            Spec("abs", (range_value(start, end), rule)),
            cand.priority,
        )
    # "between April ninth and the 13th": the month written once covers both
    for i in range(1, len(out)):
        prev, cand = out[i - 1], out[i]
        if (
            cand.spec.op != "dom"
            or cand.spec.args[2] is not None
            or not _COORD_TO.fullmatch(body[prev.end : cand.start])
        ):
            continue
        d1, d2, _ = cand.spec.args
        if prev.spec.op == "monthday" and prev.spec.args[2] is None and prev.spec.args[3] is None:
            if d1 > prev.spec.args[1]:
                out[i] = _Cand(
                    cand.start,
                    cand.end,
                    "date",
                    Spec("samemonth", (d1, d2), base=prev.spec),
                    cand.priority,
                )
        elif prev.spec.op == "abs" and prev.spec.args[0].precision == DAY:
            day = prev.spec.args[0].start
            start = _safe_date(day.year, day.month, d1)
            end = _safe_date(day.year, day.month, d2) if d2 else start
            if start and end and start > day:
                rule = f"stated (the month and year written with '{body[prev.start : prev.end]}')"
                out[i] = _Cand(
                    cand.start,
                    cand.end,
                    "date",
                    Spec("abs", (range_value(start, end), rule)),
                    cand.priority,
                )
    return out


_COORD_TO = re.compile(r"\s*(?:,|,?\s*and|,?\s*or|to|through|until|-|–)\s*")


@lru_cache(maxsize=1)
def _rule_literals() -> tuple[tuple[tuple[literals.Required, ...], ...], frozenset[str]]:
    """For each rule, the strings its trigger and its pattern require (see literals.py),
    and all of them together."""
    needs = tuple(
        tuple(
            n
            for n in (literals.required(pattern), trigger and literals.required(trigger))
            if n is not None
        )
        for _name, pattern, _handler, trigger in _grammar().rules
    )
    return needs, frozenset().union(*(n for need in needs for n in need))


def _rule_candidates(grammar: _Grammar, body: str, ctx: _Context) -> list[_Cand]:
    """Every rule's matches in one sentence. Cheap tests first: most rules cannot match
    most sentences."""
    needs, universe = _rule_literals()
    held = literals.held(literals.folded(body), universe)
    cands: list[_Cand] = []
    scanned: dict[int, bool] = {}  # rules share triggers (month names, units); by id:
    # a pattern's hash is slow to compute, and the grammar keeps them alive
    for priority, (_name, pattern, handler, trigger) in enumerate(grammar.rules):
        if held is not None and any(need.isdisjoint(held) for need in needs[priority]):
            continue  # a string the rule requires is missing (see literals.rules_out)
        if trigger is not None:
            hit = scanned.get(id(trigger))
            if hit is None:
                hit = scanned[id(trigger)] = trigger.search(body) is not None
            if not hit:
                continue
        for match in pattern.finditer(body):
            cand = handler(match, ctx)
            if cand is not None and cand.end > cand.start:
                cand.priority = priority
                cands.append(cand)
    return cands


_NAMES_WEEKDAY = re.compile(r"(?i)\b(?:" + "|".join(WEEKDAYS) + r")\b")


def _in_the_told_month(spec: Spec, found: list[Timex], index: int) -> Spec:
    """A later day of the month a full date just told names ("seized power on Sept. 11,
    1973. On Sept. 14, ... broke relations"): that month's day, not the latest such day
    before the publication date. Only a full date in this sentence or the one before, and
    a day on or after it, anchor it."""
    month, day, month2, day2, offset = spec.args
    if month2 is not None or day2 is not None or offset is not None or spec.future:
        return spec
    for timex in reversed(found):
        if timex.kind != "date" or not isinstance(timex.spec, Spec):
            continue
        if timex.sentence < index - 1 or timex.spec.op != "abs":
            return spec
        value = timex.value
        if value is None or value.precision != DAY:
            return spec
        if value.start.month == month and value.start.day <= day:
            return Spec("samemonth", (day, None), base=timex.spec)
        return spec
    return spec


def find_timexes(text: str, sentences: list[Sentence], published: dt.date | None) -> list[Timex]:
    """Every temporal expression in ``sentences``, with offsets into ``text``.

    Values are resolved against ``published``; without it, expressions that
    depend on the publication date get ``value=None`` (absolute ones are
    still resolved).
    """
    grammar = _grammar()
    found: list[Timex] = []
    quoted: set[int] = set()
    has_quotes = '"' in text or "“" in text
    history_piece = _HISTORY_PIECE.search(text) is not None
    history_day = _history_heading(text) if history_piece else ()
    for sentence in sentences:
        body = text[sentence.start : sentence.end]
        ctx = _Context(body, published, found, quoted, history_piece, history_day)
        cands = _rule_candidates(grammar, body, ctx)
        for cand in _share_years(_merge_weekdays(_select(cands), body), body):
            if cand.spec.op == "anaphor":
                cand = _anchor(cand, ctx)
            elif cand.spec.op == "monthafter":
                cand.spec = replace(cand.spec, base=ctx.last_date_spec())
            elif cand.spec.op == "monthday" and not _NAMES_WEEKDAY.search(
                body, cand.start, cand.end
            ):
                # "Thursday (May 4)" is a constraint of its own on the year: left as it is.
                cand.spec = _in_the_told_month(cand.spec, found, sentence.index)
            value, rule = _resolve(cand.spec, published)
            if value is None and published is None:
                value, rule = _in_the_narrative_year(cand.spec, found, value, rule)
            timex = Timex(
                start=sentence.start + cand.start,
                end=sentence.start + cand.end,
                text=body[cand.start : cand.end],
                sentence=sentence.index,
                kind=cand.kind,
                value=value,
                relative=_is_relative(cand.spec),
                rule=rule,
                role=_role(body, cand.start) if cand.kind == "date" else "",
                spec=cand.spec,
            )
            if has_quotes and in_quotes(text, timex.start):
                quoted.add(id(timex))
            found.append(timex)
    if _SIGNING_REF.search(text):
        found = sorted(found + _signing_dates(text, sentences, found), key=lambda t: t.start)
    return found


def _in_the_narrative_year(
    spec: Spec, found: list[Timex], value: DateValue | None, rule: str
) -> tuple[DateValue | None, str]:
    """An undated text's day without a year ("On 8 August, ...") after a stated date
    ("on August 6, 1990"): that date's year, the year the narrative is at."""
    if spec.op != "monthday" or spec.args[2] is not None or spec.args[3] is not None:
        return value, rule
    if spec.args[4] is not None:  # "last March 26": counted from the publication date
        return value, rule
    before = next(
        (t for t in reversed(found) if t.value is not None and not t.relative and t.kind == "date"),
        None,
    )
    if before is None or before.value.start.year != before.value.end.year:
        return value, rule
    year = before.value.start.year
    day = _safe_date(year, spec.args[0], spec.args[1])
    if day is None:
        return value, rule
    return day_value(day), f"the year of '{before.text}' before it, where the narrative is"


# "as of the date of the signing of this Joint Communique", "on the date of its signature":
# the day the text itself was signed, which its closing formula states.
_SIGNING_REF = re.compile(
    r"(?i)\bthe\s+(?:date|day)\s+of\s+(?:(?:its|the)\s+)?(?:signing|signature)\b"
    r"(?:\s+of\s+(?:this|the\s+present)(?:\s+joint)?\s+[a-zé]+)?"
)
# The closing formula of a signed text: "Done in Washington, DC, on September 22nd, 2006".
_SIGNED_AT = re.compile(r"\s*(?:Done|Signed)\s+(?:at|in|on)\b")


def _signing_dates(text: str, sentences: list[Sentence], found: list[Timex]) -> list[Timex]:
    """A date for each reference to the day the text was signed, taken from the one closing
    formula ("Done in ..., on <day>") that states a day."""
    # The sentences given may be some of the article's only: look them up by index.
    text_of = {s.index: s.text for s in sentences}
    days = [
        t
        for t in found
        if t.kind == "date"
        and t.value is not None
        and t.value.precision == DAY
        and t.sentence in text_of
        and _SIGNED_AT.match(text_of[t.sentence])
    ]
    if len({t.value for t in days}) != 1:
        return []
    day = days[0]
    refs = []
    for match in _SIGNING_REF.finditer(text):
        index = next((s.index for s in sentences if s.start <= match.start() < s.end), None)
        if index is None or index == day.sentence:
            continue
        rule = f"the day of the signing, stated in its closing formula: ‘{day.text}’"
        refs.append(
            replace(
                day,
                start=match.start(),
                end=match.end(),
                text=match.group(),
                sentence=index,
                relative=False,
                rule=rule,
                role="",
            )
        )
    return refs


# --- dateparser, only for odd absolute formats --------------------------------------


# A visit or talks told as going on ("... state visit to Peru is underway"): the happening
# named just before "is underway", with no sentence break or other verb in between.
_ONGOING_HAPPENING = re.compile(
    r"\b(?:visit|trip|tour|talks|summit|negotiations)\b"
    r"(?:\s+(?:to|in|with|of|between)\b(?:\s+[\w.'’-]+){1,4})?\s*$",
    re.I,
)
# "Preparations for the visit are underway": the visit is still to come.
_PREPARED = re.compile(r"\b(?:preparations?|plans?|planning|arrangements?|work|bids?)\b", re.I)


def _dateparser_date(text: str, published: dt.date | None) -> dt.date | None:
    import dateparser  # imported lazily: it costs ~0.2 s and most articles never need it

    base = dt.datetime.combine(published or dt.date(2000, 1, 1), dt.time())
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PREFER_DATES_FROM": "past",
        },
    )
    return parsed.date() if parsed else None


def parse_absolute(text: str) -> tuple[DateValue, int, int] | None:
    """The first absolute date (day, month or year precision) in ``text``, with its span.

    Used for datelines and header fields: "11 Mar. 2025, 17:03", "2025-03-11".
    """
    sentence = Sentence(0, 0, len(text), text)
    for timex in find_timexes(text, [sentence], None):
        if timex.kind == "date" and not timex.relative and timex.value is not None:
            return timex.value, timex.start, timex.end
    return None
