"""Sentence splitting with character offsets.

Rule-based on purpose: news text is mostly well punctuated, and a rule we can
read beats a model we cannot ship. Lines are split first (headlines, captions
and bylines carry no final full stop), then each line at sentence punctuation
that is not part of an abbreviation ("Feb. 5", "Mr. Cho", "U.S. officials").
"""

from __future__ import annotations

import re

from .types import Sentence

# Words after which a full stop does not end a sentence.
ABBREVIATIONS = {
    # titles
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "cmdr",
    "adm",
    "sgt",
    "gov",
    "sen",
    "rep",
    "pres",
    "amb",
    "st",
    "rev",
    "hon",
    "sr",
    "jr",
    "mt",
    # months and days as abbreviated in news style
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    # others
    "no",
    "nos",
    "vs",
    "etc",
    "approx",
    "est",
    "inc",
    "ltd",
    "co",
    "corp",
    "dept",
    "univ",
    "fig",
    "vol",
    "art",
    "para",
}

# A reference mark may follow the stop: "in November 1978.[1] Lee and Deng ...".
_END = re.compile(r"[.!?]+(?:\[\d{1,3}\])*[\"'”’)\]]*")
_NEXT_START = re.compile(r"\s+([\"'“‘(\[]*)(\S)")


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")


def is_abbreviation(line: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation or initial."""
    # The letters and dots just before the stop, read backwards: searching the line up
    # to every stop is quadratic on a long line. The stop is followed by a space, so
    # no two calls read the same characters.
    start = dot
    while start > 0 and line[start - 1] in _WORD_CHARS:
        start -= 1
    if start == dot:
        return False
    token = line[start:dot]
    if token.lower().rstrip(".") in ABBREVIATIONS:
        return True
    # Initials and dotted acronyms: "U.S", "J", "U.N"
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)*[A-Z]", token))


def _split_line(line: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(line):
        end = match.end()
        nxt = _NEXT_START.match(line, end)
        if not nxt:
            continue  # end of line, or no space after (e.g. "3.5", "al-Rami./Courtesy")
        first = nxt.group(2)
        if not (first.isupper() or first.isdigit() or nxt.group(1)):
            continue
        if (
            match.group().startswith(".")
            and len(match.group()) == 1
            and is_abbreviation(line, match.start())
        ):
            continue
        spans.append((start, end))
        start = nxt.start(1)
    spans.append((start, len(line)))
    return spans


# A page's metadata copied with its text: "date 2025-03-11", "Published: 11 Mar. 2025, 17:03",
# "Write : 2018-04-03 16:57:54 Update : 2018-04-03 18:24:09". The publication-date code reads
# these labels in the raw text; as sentences they would be cited as sources of events.
_DATE_PIECE = (
    r"(?:\d{1,4}(?:st|nd|rd|th)?|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?"
    r"|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|[ap]\.?m|gmt|utc|kst|jst"
    r"|ist|cet|est|edt|bst)\b\.?)"
)
_METADATA_LABEL = re.compile(
    r"(?i)\s*(?:date|published|posted|updated?|write|first\s+published|last\s+updated)"
    rf"(?:\s+(?:on|at))?\s*:?\s*(?=[^\n]*?\d)(?:{_DATE_PIECE}[\s,/:.|-]*)+"
)


def _metadata_end(line: str) -> int:
    """Where the line's leading date labels end (0 when it has none)."""
    end = 0
    while (match := _METADATA_LABEL.match(line, end)) and re.search(r"\d", match.group()):
        end = match.end()
    return end


# A line broken inside a sentence, as hard-wrapped copy is: no closing punctuation before
# the break, a lowercase word after it ("dropped its diplomatic ties with\nthe Kuomintang").
_WRAPPED = re.compile(r"(?<=[\w,;])[ \t]*\n[ \t]*(?=[a-z])")


# Any break inside a sentence of a text wrapped at a fixed width ("the 28\nNovember 1996"):
# a full line (a headline or a caption is shorter) that runs on into the next.
_BROKEN = re.compile(r"(?m)^(?P<line>[^\n]{38,}?[\w,;\"”)])(?P<gap>[ \t]*\n[ \t]*)(?=[\w\"“(])")
# A text is hard-wrapped when this many of its line breaks fall inside sentences.
_WRAPPED_SHARE = 0.5
_WRAPPED_LEAST = 4


def _unwrapped(body: str) -> str:
    breaks = body.count("\n") - 2 * body.count("\n\n")
    inside = [m.span("gap") for m in _BROKEN.finditer(body)]
    if len(inside) >= _WRAPPED_LEAST and len(inside) >= _WRAPPED_SHARE * breaks:
        chars = list(body)
        for a, b in inside:
            chars[a:b] = " " * (b - a)
        return "".join(chars)
    return _WRAPPED.sub(lambda m: " " * len(m.group()), body)


def _lines(text: str, start: int):
    """The text's lines from ``start``, a hard-wrapped sentence joined into one: (offset,
    line) pairs, the line with its breaks as spaces so that offsets stay true."""
    body = _unwrapped(text[start:]) if "\n" in text else ""
    for line_match in re.finditer(r"[^\n]+", body or text[start:]):
        yield line_match.start(), line_match.group()


def split_sentences(text: str, start: int = 0) -> list[Sentence]:
    """Split ``text[start:]`` into sentences with offsets into ``text``."""
    sentences: list[Sentence] = []
    for offset, raw in _lines(text, start):
        skip = _metadata_end(raw)
        line = raw[skip:]
        base = start + offset + skip
        for a, b in _split_line(line):
            chunk = line[a:b]
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk.rstrip())
            if trail <= lead:
                continue
            s, e = base + a + lead, base + a + trail
            sentences.append(Sentence(len(sentences), s, e, text[s:e]))
    return sentences
