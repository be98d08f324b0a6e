"""One article read once, into a document that each stage enriches in order.

The header and sentences are read first; then the publication date (header, dateline),
the temporal expressions resolved against it, the countries and actors named; then the
clauses, and the frames filled from them. No stage reads the text again for what an
earlier stage found, and none calls back into an earlier one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import OrderedDict
from dataclasses import dataclass

from . import pubdate, temporal
from .actors import find_actors
from .clauses.rules import RuleClauseAnalyser
from .countries import find_countries
from .discourse import extract_candidates
from .frames import relative_lemmas
from .header import parse_header
from .mapper import Article
from .metonyms import find_governments
from .sentences import split_sentences
from .types import (
    PUB_UNKNOWN,
    ArticleExtraction,
    Candidate,
    Header,
    PublicationDate,
    Sentence,
)

CACHE_SIZE = 512


@dataclass
class Document:
    """An article as the extraction reads it: the public extraction, and the typed
    candidates clustering and dating need beyond it."""

    extraction: ArticleExtraction
    candidates: list[Candidate]


_cache: OrderedDict[tuple[str, dt.date | None, str, str], Document] = OrderedDict()


# --- the article's title when the header gives none ------------------------------------

TITLE_LINES = 6  # a headline sits among the first few lines, if anywhere
TITLE_WORDS = 25
TITLE_CHARS = 150
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE_WORDS = re.compile(
    rf"(?i)\b(?:{_MONTHS}|(?:mon|tues|wednes|thurs|fri|satur|sun)day|am|pm|gmt|utc|kst|ist|est"
    r"|published|posted|updated|date|on|at)\b\.?|\d+(?:st|nd|rd|th)?"
)
_LEADING_DATE = re.compile(
    r"(?i)^(?:(?:date|published|posted|updated)\s*:?\s*)?"
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}\S*)?\s+"
)
_LEADING_LABEL = re.compile(
    r"(?i)^(?:published|posted|updated|first\s+published)\s*(?:on|at)?\s*:\s*"
)
_TAG = re.compile(r"^\[[A-Za-z][A-Za-z ]{1,24}\]\s*(?=\S)")
_BYLINE = re.compile(r"(?i)^(?:written\s+by|posted\s+by|by\s+[A-Z]|reporter\b|staff\s+writer\b)")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_MEDIA = re.compile(r"(?i)^(?:image|photo|picture|video|file\s+photo|graphic|audio)s?\b")
# Credits that end a photo caption.
_CREDIT = re.compile(
    r"(?i)(?:/\s*courtesy\s+of\b.*|\bcourtesy\s+of\s+[^.]*$|\[(?:photo|[A-Z][A-Z .,'&/-]{3,})\]\s*$"
    r"|\([^()]*\bphotos?\b[^()]*\)\s*$|\(?\b(?:yonhap|xinhua|kyodo|reuters|afp|ap|epa|anadolu|getty\s+images)\)?\s*$|\bphoto\s*(?:by|:|credit)\b)"
)
# Where and when a story was filed, before its first words: "SANTIAGO, May 2 (AP) -- ",
# "(AP) — ", "MANILA, Philippines (Examiner / 29 Jul) - ", "RIYADH: ".
_DATELINE = re.compile(
    rf"^(?:[A-Z][A-Za-z .'-]+,\s+(?:(?i:{_MONTHS})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?)\s*"
    r"(?:\([^)]{1,30}\))?\s*(?:--|—|–|-)\s*"
    r"|\([A-Z][\w .]{1,20}\)\s*(?:--|—|–|-)\s*"
    r"|[A-Z][A-Z .'-]{2,30}(?:,\s*[A-Z][\w .'-]{1,30})?\s*\([^)]{1,60}\)\s*(?:--|—|–|-)\s*"
    r"|[A-Z][A-Z.'-]{2,}(?:\s[A-Z][A-Z.'-]{2,}){0,2}:\s+(?=[A-Z]))"
)
# A dateline alone on its line: "MANILA, July 12 Kyodo".
_DATELINE_ONLY = re.compile(
    rf"^[A-Z][A-Z .'-]{{2,30}},\s+(?i:{_MONTHS})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?"
    r"(?:\s*\(?[A-Z][\w .]{1,20}\)?)?\s*(?:--|—|–|-)?$"
)
# "Doha: The Gulf countries ...": a place before a colon, in a lead sentence.
_PLACE_COLON = re.compile(r"^[A-Z][a-z]+(?:\s[A-Z][a-z]+)?:\s+(?=[A-Z])")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]”\"'][.!?])\s+(?=[A-Z“\"])")


def _clean_line(line: str) -> str:
    """The line without markup and the labels that often precede a headline."""
    line = " ".join(line.replace("**", "").replace("__", "").split()).strip("#> ")
    line = _LEADING_DATE.sub("", line)
    line = _TAG.sub("", line)
    line = _DATELINE.sub("", line)
    place = _PLACE_COLON.match(line)
    if place and len(line[place.end() :].split()) >= 6:  # "Iran: the deal explained" stays
        line = line[place.end() :]
    return line.strip()


def _date_only(line: str) -> bool:
    rest = re.sub(r"[\W_]+", " ", _DATE_WORDS.sub(" ", line)).split()
    return len(rest) <= 1


def _not_a_title(line: str) -> bool:
    """Bylines, times, media placeholders, captions and bare dates."""
    words = line.split()
    return (
        not words
        or bool(_BYLINE.match(line))
        or bool(_LEADING_LABEL.match(line))
        or (len(words) <= 8 and bool(_CLOCK.search(line)))
        or (len(words) <= 4 and bool(_MEDIA.match(line)))
        or bool(_CREDIT.search(line))
        or _date_only(line)
        or bool(_DATELINE_ONLY.match(line))
    )


def _headline_like(line: str) -> bool:
    words = len(line.split())
    if line.endswith((".", "!")) and not line.endswith("..."):
        # A short single sentence with its full stop can still be the headline.
        return words <= TITLE_WORDS - 5 and not _SENTENCE_END.search(line)
    return 2 <= words <= TITLE_WORDS


def _first_sentence(line: str) -> str:
    first = _SENTENCE_END.split(line, maxsplit=1)[0]
    if len(first) <= TITLE_CHARS:
        return first
    return first[: TITLE_CHARS - 1].rsplit(" ", 1)[0].rstrip(" ,;:-–—") + "…"


def _title(text: str, header, sentences) -> str:
    """The header's title, else the first headline-like line among the first few,
    else the first sentence of the body."""
    if header.title:
        return header.title.strip()
    lines = [_clean_line(line) for line in text[header.body_start :].splitlines()]
    kept = [line for line in lines if line and not _not_a_title(line)][:TITLE_LINES]
    for line in kept:
        if _headline_like(line):
            return line[:300]
    return _first_sentence(kept[0]) if kept else ""


def _publication(text: str, header: Header, sentences: list[Sentence], given: PublicationDate):
    if given.value is not None or given.source != PUB_UNKNOWN:
        return given
    found = pubdate.find_publication_date(text, header, sentences)
    # A yearless dateline's month and day, an address's month, help the inference.
    if pubdate.informative(found):
        return found
    return given


def _build(text: str, published: PublicationDate) -> Document:
    header = parse_header(text)
    sentences = split_sentences(text, header.body_start)
    published = _publication(text, header, sentences, published)
    timexes = temporal.find_timexes(text, sentences, published.value)
    countries = find_countries(text, sentences, header.body_start)
    actors, actor_mentions = find_actors(text, sentences, countries, header.body_start)
    countries += find_governments(text, sentences, actors, header.body_start)
    mentions = sorted([*countries, *actor_mentions], key=lambda m: (m.start, m.end, m.kind))
    article = Article.of(text, sentences, mentions, actors, published.value)
    analyser = RuleClauseAnalyser(text, timexes, mentions, relative_lemmas())
    candidates = extract_candidates(article, analyser)
    extraction = ArticleExtraction(
        header=header,
        title=_title(text, header, sentences),
        published=published,
        sentences=sentences,
        timexes=timexes,
        mentions=mentions,
        actors=actors,
        events=[c.event for c in candidates],
    )
    return Document(extraction, candidates)


def read_document(text: str, published: PublicationDate) -> Document:
    """The article read under the given publication date; cached by (text, date), so
    rebuilding a corpus re-reads only what changed."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
    key = (digest, published.value, published.source, published.evidence)
    hit = _cache.get(key)
    if hit is not None:
        _cache.move_to_end(key)
        return hit
    document = _build(text, published)
    _cache[key] = document
    if len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)
    return document
