"""People, organisations and groups named in an article, variants merged.

Everything here is general: title words, capitalised-name patterns with
particles (al-, bin, von), appositions, organisation heads ("Ministry of ...",
"... Party", "Name (ACRONYM)") and a romanisation-aware comparison of names.
The same comparison merges one person's spellings within an article and across
articles ("Jung"/"Chung", "-yeon"/"-yun", "Rashidi"/"Rasheedy"), backed by the
title and country each mention carries.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from rapidfuzz.distance import Indel

from .countries import find_countries, lookup, opens_a_name
from .metonyms import ruler_country
from .names import (
    APPOSED_PERSON_WORDS,
    HONORIFICS,
    HYPHEN_PART,
    LOW_PART,
    NAME_APOSTROPHES,
    PARTICLES,
    PERSON_POSSESSIONS,
    TITLE_SURNAMES,
    TITLE_WORDS,
    ascii_lower,
    name_tokens,
    romanised,
    skeleton,
    slug,
    tokens_match,
)
from .types import COUNTRY, GROUP, ORGANISATION, PERSON, ActorInfo, Mention, Sentence

# --- vocabulary (general) ----------------------------------------------------

# Titles, longest first so "Foreign Minister" wins over "Minister".
TITLES = [
    "minister of foreign affairs",
    "national security adviser",
    "national security advisor",
    "deputy foreign minister",
    "deputy prime minister",
    "prime minister",
    "vice foreign minister",
    "foreign minister",
    "defense minister",
    "defence minister",
    "interior minister",
    "finance minister",
    "deputy minister",
    "vice minister",
    "minister",
    "secretary of state",
    "secretary-general",
    "secretary general",
    "director-general",
    "director general",
    "deputy director",
    "director",
    "vice president",
    "president",
    "supreme leader",
    "leader",
    "ruler",
    "chancellor",
    "ambassador",
    "chargé d'affaires",
    "charge d'affaires",
    "chargé d’affaires",
    "charge d’affaires",
    "special envoy",
    "envoy",
    "crown prince",
    "prince",
    "king",
    "queen",
    "emir",
    "sheikh",
    "sultan",
    "pope",
    "premier",
    "chairman",
    "chairwoman",
    "chair",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "commander",
    "general",
    "admiral",
    "secretary",
    "governor",
    "mayor",
    "senator",
    "chief",
    "head",
    "counterpart",
]
_TITLE_RE = "|".join(re.escape(t).replace(r"\-", "[- ]").replace(r"\ ", r"\s+") for t in TITLES)
_MODIFIERS = (
    r"(?:interim|acting|former|new|current|transitional|outgoing|incoming|then|de\s+facto|top)"
)
# "Minister of Foreign Affairs, Labour, and Trade Tala Moana": a title may run
# on with "of" and capitalised words before the name.
_CAP_WORD = r"[A-Z][\w'’-]*"
# "ambassador to the Indian Ocean region": a named region may end with its common noun.
_TITLE_OF = (
    rf"(?:\s+(?:of|to|for|in)\s+(?:the\s+)?{_CAP_WORD}"
    rf"(?:(?:,\s*|\s+)(?:and\s+)?{_CAP_WORD}){{0,6}}(?:\s+region)?){{0,2}}"
)
_TITLE_BEFORE = re.compile(
    # "then-ruler Robert Mugabe", "former President Ana Ruiz"
    rf"(?:\b(?:the|his|her|its|their)\s+)?(?:{_MODIFIERS}[\s-]+)*\b(?P<title>{_TITLE_RE})"
    # "Prime Minister-designate Ana Ruiz", "President-elect Ana Ruiz"
    # "the Kenyan Ambassador (Peter Otieno)": the name in brackets after its title
    rf"(?:-(?:elect|designate))?(?-i:{_TITLE_OF})\s*[,(]?\s*$",
    re.IGNORECASE,
)
# A byline: "By Liz Sly, Chicago Tribune", "|By Peter Annear", "Reporting by ...".
_BYLINE_BEFORE = re.compile(r"(?:^|\n|\|)[ \t]*(?:By|Reporting\s+by|Written\s+by)[ \t]+$")
# "The new ambassador is Miguel Palomino": a title told as being the name.
_TITLE_IS_BEFORE = re.compile(rf"\b(?:{_TITLE_RE})[ \t]+(?:is|was)[ \t]+$", re.I)

# "Our Chinese affairs analyst, James Miles, says": a name set off by commas after a word
# for a person, as the speaker of the verb that follows.
_APPOSED_BEFORE = re.compile(r"\b[a-z]{3,},[ \t]+$")
_SPEAKS_AFTER = re.compile(r",[ \t]+(?:said|says|told|tells|added|adds|wrote|writes)\b")


def _apposed_speaker(text: str, a: int, b: int) -> bool:
    return bool(_APPOSED_BEFORE.search(text, max(0, a - 20), a) and _SPEAKS_AFTER.match(text, b))


# Whose rule: "the previous government of Abdou Diouf", "under the leadership of Kim Jong
# Un": only a person heads a government that way.
# "the bilateral meeting between Ana Ruiz and ...": who meets, talks or calls is a person.
_MEETING_BETWEEN_BEFORE = re.compile(
    r"\b(?:meeting|meetings|talks|call|conversation|handshake|encounter)\s+between\s+$", re.I
)
_LED_BY_BEFORE = re.compile(
    r"\b(?:government|leadership|regime|administration|presidency|premiership|rule|reign)"
    r"\s+of\s+$",
    re.I,
)
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Amb|Hon|Rt)\.?\s+$")
# A signature: "(Signed) Ana Ruiz", "Signed: Ana Ruiz", "Sgd. Ana Ruiz"; and whom a
# government is led by: "the Conservative government led by Ana Ruiz".
_SIGNED_BEFORE = re.compile(
    r"(?:\(\s*[Ss]igned\s*\)|\b[Ss]igned\s*:|\bSgd\.)[ \t]*$"
    r"|\b(?:government|administration|cabinet|junta)\s+led\s+by\s+$"
)
# "when Ana Ruiz became Prime Minister": a title taken.
_BECAME_TITLE_AFTER = re.compile(
    rf"\s+(?:became|becomes|was\s+elected|is\s+elected)\s+(?:the\s+)?(?:new\s+)?(?:{_TITLE_RE})\b",
    re.I,
)
_APPOSITION = re.compile(
    r"\s*,\s*(?:(?:left|right|centre|center|pictured|above|below|second\s+\w+)\s*,\s*)?"
    r"(?P<body>[^,.;()]{2,120})"
)
# "undermined Ana Ruiz's standing": a full name owning what only a person has.
_PERSON_POSSESSION_AFTER = re.compile(
    rf"['’]s\s+(?:[a-z]+\s+)?(?:{'|'.join(PERSON_POSSESSIONS)})\b"
)
# "Ana Ruiz, a Socialist allied with ...", "Ana Ruiz, a former general, said".
_APPOSED_PERSON_AFTER = re.compile(
    rf"\s*,\s*an?\s+(?:[a-z-]+\s+){{0,2}}?(?:{'|'.join(APPOSED_PERSON_WORDS)})s?\b", re.I
)
_ALIAS_AFTER = re.compile(
    r"[\s,(-]*(?:who\s+is\s+)?(?:widely\s+|also\s+|better\s+|commonly\s+)?known\s+"
    r"(?:as|by\s+(?:his|her|the)\s+(?:[a-z]+\s+){0,2}name)\s+"
)
_REPORTING_AFTER = re.compile(
    r"\s+(?:said|says|told|stated|added|noted|met|meets|visited|visits|welcomed|announced|"
    r"expressed|urged|called|signed|congratulated|held|"
    # What only a person does: "Ana Ruiz stepped down", "... was sworn in as ambassador".
    r"stepped\s+down|resigned|was\s+sworn\s+in)\b"
)

# Capitalised words that never belong to a personal name.
_NOT_NAME_WORDS = set(
    """
    The A An In On At Of For With By From To After Before During According However Although
    Since Following Meanwhile This That These Those It He She They We His Her Its Their Our As
    And But Or If When While Despite Including Among Last Next Members Written Visited Close
    Search Window More Posts Image Photo Courtesy Exclusive Read Also Tags Share Related
    Yesterday Today Tomorrow Now Then Thus Further Additionally Moreover Furthermore Although
    Because Under Over Within Without January February March April May June July August
    September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday
    Tuesday Wednesday Thursday Friday Saturday Sunday Ministry Ministries Minister Ministers
    Foreign Affairs Bureau Office Government Council Party Army Forces Nations United Union
    Republic Kingdom State States Islamic Islamist Arab Middle East Eastern Western Northern
    Southern African Asian European Cold War Spring Cabinet World Assembly Parliament Congress
    Agency Committee Commission Organization Organisation Front Department Bank Court News Press
    Agency Embassy Consulate Security Defense Defence Interior Finance President Presidents Vice
    Deputy Prime Secretary General Director Leader Chief Head Envoy Ambassador King Queen Prince
    Emir Sheikh Pope Premier Chairman Spokesman Spokesperson Commander Governor Mayor Senator
    Interim Acting Former New Current Transitional Minister Mr Mrs Ms Dr Gen Process North South
    Hon Honourable Honorable Rt
    West Central Coast Gulf Sea Ocean River Sunni Shia Shiite Muslim Muslims Christian Christians
    Jihadist Jihadists Kurdish Kurds Alawite Druze International Democratic People Peoples
    Popular National Federal Supreme Joint Statement Declaration Agreement Treaty Summit
    Conference Talks Korean Koreas Breaking Update Updated Published Source Sources Reporter
    Correspondent Editor
    Labour Labor Trade Tourism Environment Commerce Industry Justice Health Education Culture
    Agriculture Energy Economy Planning Development Cooperation Relations Information Transport
    Welfare Unification Communications Fisheries Investment Acting Permanent Mission Admiral
    Presidium Politburo Secretariat Senate Legislature Directorate Chamber Presidency
    Administration Federation Emirate Sultanate Ambassador Ambassadors Consul
    """.split()  # noqa: SIM905
)
# Two-letter words that are prepositions in English but syllables in Korean names.
_SHORT_NAME_PARTS = {"In", "An", "On", "Un", "Il", "Ui", "Ok", "Oh", "Yu", "Ye"}
_GROUP_CUES = re.compile(
    r"\b(?:group|groups|rebels?|militants?|militias?|movement|faction|coalition|insurgents?|"
    r"fighters|jihadists?|organi[sz]ation|led\s+by|Islamist|militant)\s+(?:[a-z]+\s+){0,2}$"
)
_INTERNATIONAL_ORGS = {
    "United Nations": ("UN", "U.N."),
    "UN Security Council": ("UNSC",),
    "European Union": ("EU", "E.U."),
    "North Atlantic Treaty Organization": ("NATO",),
    "Arab League": (),
    "African Union": (),
    "Association of Southeast Asian Nations": ("ASEAN",),
    "International Atomic Energy Agency": ("IAEA",),
    "Organisation of Islamic Cooperation": ("OIC",),
    "Gulf Cooperation Council": ("GCC",),
    "International Monetary Fund": ("IMF",),
    "World Bank": (),
    "International Committee of the Red Cross": ("ICRC",),
    "World Health Organization": (),
    "Organization of the Petroleum Exporting Countries": ("OPEC",),
}
_ORG_HEADS = (
    r"Ministry|Department|Bureau|Office|Council|Agency|Party|Organi[sz]ation|Union|League|Front|"
    r"Army|Forces|Committee|Commission|Court|Assembly|Parliament|Congress|Bank|Fund|Movement|"
    r"Brigades?|Coalition|Alliance|Embassy|Authority|Institute"
)
_CAP = r"[A-Z][a-z]+(?:['’][a-z]+)?(?:-[A-Za-z][a-z]+)*"
_ORG_OF = re.compile(
    rf"\b(?:{_ORG_HEADS})[ \t]+of[ \t]+(?:the[ \t]+)?{_CAP}(?:[ \t]+(?:and[ \t]+)?{_CAP})*"
)
_ORG_HEAD_LAST = re.compile(
    rf"(?:{_CAP}(?:['’]s)?[ \t]+)(?:(?:and[ \t]+)?{_CAP}[ \t]+){{0,3}}(?:{_ORG_HEADS})\b"
)
# Words that open a phrase but are not part of an organisation's name.
_ORG_LEADING = {
    "The",
    "A",
    "An",
    "According",
    "In",
    "On",
    "At",
    "By",
    "From",
    "With",
    "For",
    "Of",
    "To",
    "After",
    "Before",
    "During",
    "Since",
    "This",
    "That",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "Both",
    "Former",
    "Interim",
    "Transitional",
    "New",
}

# Name words: capitalised, with inner apostrophes ("Hay'at") and hyphens
# ("Min-soo", "Al-Hadi"); particles "al-"/"el-" may be followed by a space
# in bad copy ("Al- Hakimi").
# Latin letters with diacritics count ("Şükrü Öztürk", "Doğan", "Nguyễn").
_LATIN = [chr(c) for c in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00))]
_UP = "A-Z" + "".join(c for c in _LATIN if c.isupper())
_LO = "a-z" + "".join(c for c in _LATIN if c.islower())
_APOSTROPHE = f"[{NAME_APOSTROPHES}]"
_WORD = rf"(?:Mc|Mac|O['’])?[{_UP}][{_LO}]+(?:{_APOSTROPHE}[{_LO}]+)?(?:-[{_UP}{_LO}][{_LO}]+)*"
_NAME_WORD = rf"(?:{HYPHEN_PART})?{_WORD}"
# A regnal number ends a monarch's or a pope's name ("Carlos IV", "Pius XII").
_REGNAL = r"(?:II|III|IV|V|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI)"
# Middle initials inside a name: "George W. Bush", "James C. O'Brien".
_INITIALS = r"(?:[A-Z]\.[ \t]*)+"
# "Palomino De la Gala", "de los Santos": an article after a particle joins the name too.
_ARTICLE_AFTER_PARTICLE = r"(?:(?<=[Dd]e )|(?<=[Dd]el ))(?:la|las|los)[ \t]+"
_RUN = re.compile(
    rf"(?<![\w'’-]){_NAME_WORD}"
    rf"(?:[ \t]+(?:{LOW_PART}[ \t]+(?:{_ARTICLE_AFTER_PARTICLE})?|{_ARTICLE_AFTER_PARTICLE}"
    rf"|{_INITIALS})?{_NAME_WORD})*"
    rf"(?:[ \t]+{_REGNAL}(?![\w'’-]))?"
)
_REGNAL_TOKEN = re.compile(rf"(?i){_REGNAL}")
_ACRONYM_AFTER = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z]{1,7})\)")


# --- titles -------------------------------------------------------------------


def canonical_title(title: str) -> str:
    title = re.sub(r"[\s-]+", " ", title.lower()).strip()
    return {
        "minister of foreign affairs": "foreign minister",
        "director general": "director-general",
        "secretary general": "secretary-general",
        "defence minister": "defense minister",
    }.get(title, title)


_GENERIC_TITLES = {
    "minister",
    "leader",
    "head",
    "chief",
    "counterpart",
    "director",
    "general",
    "official",
    "chair",
}


# --- per-article extraction ---------------------------------------------------


@dataclass
class _Record:
    """One named entity while an article (or a corpus) is being read."""

    kind: str
    names: Counter = field(default_factory=Counter)  # full-form surface -> count
    aliases: set[str] = field(default_factory=set)  # explicit aliases (acronyms, "known as")
    titles: set[str] = field(default_factory=set)
    countries: Counter = field(default_factory=Counter)
    mentions: list[tuple[int, int, str, int]] = field(default_factory=list)
    canonical: str = ""  # organisations: normalised name used to match

    def best_name(self) -> str:
        # The most frequent full form; ties go to the longer, then alphabetical.
        return sorted(self.names.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]

    def longest_name(self) -> str:
        return sorted(self.names, key=lambda n: (-len(name_tokens(n)), -len(n), n))[0]

    def country(self) -> str:
        if not self.countries:
            return ""
        return sorted(self.countries.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _sentence_of(sentences: list[Sentence], offset: int) -> int:
    for s in sentences:
        if s.start <= offset < s.end:
            return s.index
    return -1


def _sentence_finder(sentences: list[Sentence]):
    """``_sentence_of`` for one article by bisection: a long article has thousands of
    sentences and thousands of mentions. Sentences out of order fall back to the scan."""
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    if any(ends[i] > starts[i + 1] or starts[i] > starts[i + 1] for i in range(len(starts) - 1)):
        return lambda offset: _sentence_of(sentences, offset)

    def find(offset: int) -> int:
        i = bisect.bisect_right(starts, offset) - 1
        return sentences[i].index if i >= 0 and offset < ends[i] else -1

    return find


class _Spans:
    """Spans sorted by offset, so a lookup reads only the spans near an offset instead of
    every span of the article (a long article names countries thousands of times).
    Answers are those of a scan in list order: ties go to the earliest in the list."""

    def __init__(self, spans: Sequence[tuple[int, int]]):
        self.spans = list(spans)
        by_end = sorted(range(len(self.spans)), key=lambda i: (self.spans[i][1], i))
        by_start = sorted(range(len(self.spans)), key=lambda i: (self.spans[i][0], i))
        self._by_end, self._ends = by_end, [self.spans[i][1] for i in by_end]
        self._by_start, self._starts = by_start, [self.spans[i][0] for i in by_start]
        # Smallest start among the spans from here on in end order: an overlap test.
        self._min_start = [0] * len(by_end)
        low = None
        for j in range(len(by_end) - 1, -1, -1):
            start = self.spans[by_end[j]][0]
            low = start if low is None or start < low else low
            self._min_start[j] = low

    def overlaps(self, a: int, b: int) -> bool:
        """``any(sa < b and a < sb for sa, sb in spans)``."""
        j = bisect.bisect_right(self._ends, a)
        return j < len(self._ends) and self._min_start[j] < b

    def ending_within(self, lo: int, hi: int) -> list[int]:
        """List positions of the spans whose end is in ``[lo, hi]``, in list order."""
        i, j = bisect.bisect_left(self._ends, lo), bisect.bisect_right(self._ends, hi)
        return sorted(self._by_end[i:j])

    def starting_within(self, lo: int, hi: int) -> list[int]:
        i, j = bisect.bisect_left(self._starts, lo), bisect.bisect_right(self._starts, hi)
        return sorted(self._by_start[i:j])


class _Countries(_Spans):
    def __init__(self, mentions: Sequence[Mention]):
        self.mentions = list(mentions)
        super().__init__([(m.start, m.end) for m in self.mentions])


def _gap_floor(text: str, end: int) -> int:
    """Lowest offset from which ``text[offset:end]`` can read "'s the " (the gap
    _POSSESSIVE_GAP allows): only mentions ending there can stand right before ``end``."""
    i = end
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i >= 3 and text.startswith("the", i - 3):
        i -= 3
        while i > 0 and text[i - 1].isspace():
            i -= 1
    return max(0, i - 2)


def _of_gap_ceiling(text: str, start: int) -> int:
    """Highest offset to which ``text[start:offset]`` can read " of the " (_OF_GAP)."""
    i = start
    while i < len(text) and text[i].isspace():
        i += 1
    if text.startswith("of", i):
        i += 2
        while i < len(text) and text[i].isspace():
            i += 1
        if text.startswith("the", i):
            i += 3
            while i < len(text) and text[i].isspace():
                i += 1
    return i


# "the ambassador to Phnom Penh", "Ambassador to Cambodia": the country an envoy is sent to
# is where the person serves, not whose the person is.
_HOST_BEFORE = re.compile(r"\bto\s+(?:the\s+)?$")


def _country_near(countries: _Countries, a: int, b: int, text: str = "") -> str:
    for i in countries.starting_within(a, b):
        m = countries.mentions[i]
        if m.end <= b and not (text and _HOST_BEFORE.search(text, max(0, m.start - 8), m.start)):
            return m.key
    return ""


def _org_canonical(name: str) -> str:
    """Content words, sorted: "Foreign Ministry" ~ "Ministry of Foreign Affairs"."""
    text = re.sub(r"\b(?:al|el)-\s?", "", ascii_lower(name)).replace("-", " ")
    words = set(re.findall(r"[a-z0-9]+", text)) - {"the", "of", "and", "affairs", "for", "s"}
    return " ".join(sorted(words))


def _initials(name: str) -> str:
    return "".join(
        t[0]
        for t in re.findall(r"[A-Za-z][\w'’]*", re.sub(r"\b(?:al|el)-\s?", "", name))
        if t[0].isupper()
    )


def find_actors(
    text: str, sentences: list[Sentence], countries: list[Mention] | None = None, start: int = 0
) -> tuple[list[ActorInfo], list[Mention]]:
    """People, organisations and groups of one article, with their mentions.

    Returns merged actors (one per real entity, aliases gathered) and every
    mention keyed by its actor's key.
    """
    if countries is None:
        countries = find_countries(text, sentences, start)
    country_index = _Countries(countries)
    in_country = country_index.overlaps
    sentence_of = _sentence_finder(sentences)

    orgs = _find_organisations(text, sentence_of, country_index, start)
    in_org = _Spans([(a, b) for rec in orgs for a, b, *_ in rec.mentions]).overlaps
    org_canon = {rec.canonical for rec in orgs}

    people: list[_Record] = []
    singles: list[tuple[int, int, str, str, str]] = []  # a, b, surface, title, country
    for run in _RUN.finditer(text, start):
        for a, b in _name_segments(text, run.start(), run.end(), in_country):
            if in_org(a, b):
                continue
            surface = text[a:b]
            tokens = name_tokens(surface)
            if not tokens:
                continue
            if _org_canonical(surface) in org_canon:
                continue
            title, country = _title_before(text, a, country_index)
            title = title or _title_word_before(text, a)
            app_title, app_country = (
                ("", "") if _opening_phrase_object(text, a) else _apposition(text, b, country_index)
            )
            title = title or app_title
            possessive = _after_country_possessive(text, a, b, country_index)
            country = (
                country or app_country or _of_country_after(text, b, country_index) or possessive
            )
            if len(tokens) == 1:
                singles.append((a, b, surface, title, country))
                continue
            evidence = (
                title
                or _HONORIFIC_BEFORE.search(text[max(0, a - 6) : a])
                or _BYLINE_BEFORE.search(text[max(0, a - 12) : a])
                or _LED_BY_BEFORE.search(text[max(0, a - 30) : a])
                or _MEETING_BETWEEN_BEFORE.search(text[max(0, a - 30) : a])
                or _SIGNED_BEFORE.search(text[max(0, a - 30) : a])
                or _BECAME_TITLE_AFTER.match(text, b)
                or _apposed_speaker(text, a, b)
                or _TITLE_IS_BEFORE.search(text[max(0, a - 40) : a])
                or possessive
                or re.search(r"\b(?:al|el|bin|ibn|von|van|abu)\b|-", surface, re.IGNORECASE)
                or _REPORTING_AFTER.match(text, b)
                or _PERSON_POSSESSION_AFTER.match(text, b)
                or _APPOSED_PERSON_AFTER.match(text, b)
            )
            group_cue = _GROUP_CUES.search(text[max(0, a - 40) : a].replace("led by", ""))
            if not evidence or (group_cue and not title):
                continue
            signed_after = re.match(r"\s*\(\s*[Ss]igned\s*\)", text[b : b + 14])
            if _ACRONYM_AFTER.match(text, b) and not signed_after:
                continue  # "Jaysh al-Nasr (JAN)": handled as an organisation
            people.append(_person(text, a, b, title, country, sentence_of))

    people = merge_records(people)
    _attach_single_names(people, singles, sentence_of)
    _honorific_aliases(people, text)
    records = people + orgs
    return _to_actor_infos(records, sentences)


_HONORIFIC_RE = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in HONORIFICS)
_HONORIFIC_JUST_BEFORE = re.compile(rf"(?<![\w-])(?P<title>(?:{_HONORIFIC_RE})\.?)\s+$", re.I)
HONORIFIC_ALIAS = re.compile(rf"^(?:{_HONORIFIC_RE})\.?\s+", re.I)


def _honorific_aliases(people: list[_Record], text: str) -> None:
    """ "King Tupou IV", "Sheikh Hasina": a name written right after a title people are
    called by with it is known by that form too."""
    for rec in people:
        for a, _b, surface, _sentence in rec.mentions:
            found = _HONORIFIC_JUST_BEFORE.search(text, max(0, a - 20), a)
            if found:
                title = " ".join(w.capitalize() for w in found["title"].split())
                rec.aliases.add(f"{title} {surface}")


def _person(text: str, a: int, b: int, title: str, country: str, sentence_of) -> _Record:
    """The record of a person named in full at a..b, with an alias "known as" after."""
    rec = _Record(PERSON)
    rec.names[text[a:b]] += 1
    if title and title != "counterpart":
        rec.titles.add(title)
    if country:
        rec.countries[country] += 1
    rec.mentions.append((a, b, text[a:b], sentence_of(a)))
    alias = _ALIAS_AFTER.match(text, b)
    alias_run = _RUN.match(text, alias.end()) if alias else None
    if alias_run and len(name_tokens(alias_run.group())) >= 1:
        rec.aliases.add(alias_run.group())
        start = alias_run.start()
        rec.mentions.append((start, alias_run.end(), alias_run.group(), sentence_of(start)))
    return rec


_NAME_TOKEN = re.compile(rf"(?:{HYPHEN_PART})?{_WORD}|{LOW_PART}|\b{_REGNAL}\b")
_POSSESSIVE_END = re.compile(r"['’]s$")
_TITLE_WHOLE = re.compile(_TITLE_RE, re.IGNORECASE)


@lru_cache(maxsize=8192)
def _never_a_name_word(bare: str) -> bool:
    """A word that is no part of a name wherever it stands (cached: the same words come
    back in every run of capitals, and the titles' alternation is long)."""
    return (
        bare in _NOT_NAME_WORDS
        or _TITLE_WHOLE.fullmatch(bare) is not None
        or _hyphenated_title(bare)
    )


def _name_segments(text: str, a: int, b: int, in_country) -> list[tuple[int, int]]:
    """Split a capitalised run at words that cannot be part of a name."""
    segments: list[tuple[int, int]] = []
    seg_start = None
    seg_end = None
    tokens = list(_NAME_TOKEN.finditer(text[a:b]))

    def is_stop(word: str, ta: int, tb: int) -> bool:
        bare = _POSSESSIVE_END.sub("", word)
        return (
            _never_a_name_word(bare)
            or (bool(lookup(bare)) and not opens_a_name(text, ta, tb))
            or in_country(ta, tb)
        )

    for index, tok in enumerate(tokens):
        ta, tb = a + tok.start(), a + tok.end()
        word = tok.group()
        stop = is_stop(word, ta, tb)
        if stop and _title_surname(word, index, tokens, seg_start, a):
            stop = False
        if (
            stop
            and seg_start is not None
            and word in _SHORT_NAME_PARTS
            and index + 1 == len(tokens)
            and _REPORTING_AFTER.match(text, tb)
        ):
            stop = False  # "Sok An said": a short word ending a name the verb is told of
        if stop and seg_start is not None and word in _SHORT_NAME_PARTS and index + 1 < len(tokens):
            # "Lee In Ho": a short word between two name words is part of the name.
            nxt = tokens[index + 1]
            stop = is_stop(nxt.group(), a + nxt.start(), a + nxt.end())
        if stop:
            if seg_start is not None:
                segments.append((seg_start, seg_end))
            seg_start = None
            continue
        if seg_start is None:
            if word in PARTICLES:
                continue
            seg_start = ta
        seg_end = tb
        if word.endswith(("'s", "’s")):
            segments.append((seg_start, tb - 2))
            seg_start = None
    if seg_start is not None:
        segments.append((seg_start, seg_end))
    # A lowercase particle cannot end a name.
    cleaned = []
    for sa, sb in segments:
        surface = text[sa:sb]
        surface_trim = re.sub(rf"\s+{LOW_PART}$", "", surface)
        cleaned.append(
            (_after_title_word(text, sa, sa + len(surface_trim)), sa + len(surface_trim))
        )
    return cleaned


def _title_surname(word: str, index: int, tokens: list, seg_start: int | None, a: int) -> bool:
    """ "Inga Rhonda King": a title that is also a family name, ending a run after two
    name words, is the family name (a title comes before a name, never after it)."""
    if word not in TITLE_SURNAMES or seg_start is None or index != len(tokens) - 1:
        return False
    before = [t for t in tokens[:index] if a + t.start() >= seg_start]
    return len(before) >= 2


_FIRST_WORD = re.compile(r"([A-Z][a-z]+)\.?[ \t]+(?=\S+[ \t]+\S)")


# Words joining title words into one: "Commander-in-Chief", "Then-President", "Ex-King".
_TITLE_LINKS = {"in", "of", "then", "ex", "vice", "elect", "designate", "deputy", "acting"}


def _hyphenated_title(word: str) -> bool:
    """ "Governor-General", "Commander-in-Chief", "Then-ruler": a title, not a name."""
    parts = word.lower().split("-")
    if len(parts) > 1 and parts[0] in ("then", "ex") and word.split("-")[1][:1].islower():
        return True  # "Then-ruler", "Ex-premier"
    titles = [p for p in parts if p in TITLE_WORDS or re.fullmatch(_TITLE_RE, p, re.I)]
    return len(parts) > 1 and bool(titles) and all(p in _TITLE_LINKS or p in titles for p in parts)


def _after_title_word(text: str, a: int, b: int) -> int:
    """Where a name opened by a title word starts: "Cardinal Pietro Parolin", "Ayatollah
    Ali Khamenei" (nameparser's titles). Only before two more words: "Dean Acheson" and
    "Julie Bishop" keep theirs."""
    first = _FIRST_WORD.match(text, a, b)
    if first and _is_title_word(first.group(1)):
        return first.end()
    return a


def _is_title_word(word: str) -> bool:
    return word.lower() in TITLE_WORDS and word not in _NOT_NAME_WORDS and not lookup(word)


def _title_word_before(text: str, a: int) -> str:
    """The nameparser title right before a name ("Rabbi", "Col."), lower case."""
    before = re.search(r"([A-Z][a-z]+)\.?[ \t]+$", text[max(0, a - 20) : a])
    return before.group(1).lower() if before and _is_title_word(before.group(1)) else ""


def _title_before(text: str, a: int, countries: _Countries) -> tuple[str, str]:
    # Within the name's line: a headline or caption above ("... expels Malian envoy") is
    # no title of the name that opens the next line.
    window_start = max(0, a - 80, text.rfind("\n", 0, a) + 1)
    before = text[window_start:a]
    match = _TITLE_BEFORE.search(before)
    if not match:
        return "", ""
    title = canonical_title(match.group("title"))
    title_start = window_start + match.start()
    country = ""
    for i in countries.ending_within(_gap_floor(text, title_start), title_start):
        m = countries.mentions[i]
        if _POSSESSIVE_GAP.fullmatch(text, m.end, title_start):
            country = m.key
    if not country:
        # "Minister of Foreign Affairs of Viet Nam Le Van An"
        country = _country_near(countries, title_start, a, text)
    return title, country


# Heads of capitalised names of places and things: "Peru's Atacama Desert" is no person.
_PLACE_OR_THING = re.compile(
    r"\b(?:Desert|Islands?|Mountains?|Mount|Valley|Lake|Bay|Canal|Strait|Port|Airport|Airlines?|"
    r"Airways|University|College|Institute|Museum|Stadium|Square|Palace|Hospital|Company|"
    r"Corporation|Group|Initiative|Corridor|Road|Highway|Province|Region|Park|Hills?|Peninsula|"
    r"Basin|Plain|Delta|Cup|League|Games|Festival|Award|Prize|Act|Law|Plan|Project)\b"
)


# "Chile's Ana Torres", "Chile's top intelligence official Ana Torres".
_POSSESSIVE_ROLE = re.compile(
    r"['’]s\s+(?:(?:[a-z-]+\s+){0,3}(?:official|diplomat|agent|officer|spy|aide)\s+)?"
)
# "Indonesian woman Siti Aisyah", "British journalist Tom Reid", "a Kenyan man named Tom
# Otieno": a demonym and a word for a person right before a name, on one line (a
# headline's "Malian envoy" is no caption's).
_DEMONYM_ROLE = re.compile(
    r"[ \t]+(?:[a-z-]+[ \t]+){0,2}(?:woman|man|national|citizen|journalist|reporter|activist|"
    r"student|businessman|businesswoman|tourist|worker|lawyer|dissident|official|diplomat|"
    r"envoy|suspect|author|writer|scholar|academic|priest|cleric|criminal|convict|prisoner|"
    r"detainee|laureate|poet|artist)[ \t]+(?:(?:named|called)[ \t]+)?"
)


def _after_country_possessive(text: str, a: int, b: int, countries: _Countries) -> str:
    """ "expelling Chile's Ana Maria Torres": a full name right after a country's
    possessive (and a role) is a person of that country; names of places and things
    are not."""
    if _PLACE_OR_THING.search(text[a:b]):
        return ""
    for i in countries.ending_within(max(0, a - 60), a):
        m = countries.mentions[i]
        if _POSSESSIVE_ROLE.fullmatch(text, m.end, a) or _DEMONYM_ROLE.fullmatch(text, m.end, a):
            return m.key
    return ""


_OPENING_PHRASE = re.compile(
    r"\b(?:(?:Along|Together)\s+with|Alongside|Like|Unlike|Besides|Apart\s+from|As\s+with)\s+$"
)


def _opening_phrase_object(text: str, a: int) -> bool:
    """The name closes a phrase opening the sentence: "Along with Ruiz, the Chilean envoy
    also ...": what follows the comma is the sentence's subject, not an apposition."""
    match = _OPENING_PHRASE.search(text[max(0, a - 30) : a])
    if not match:
        return False
    start = max(0, a - 30) + match.start()
    before = text[max(0, start - 4) : start]
    return start == 0 or bool(re.search(r"(?:[.!?][\"'”’)]?\s+|\n\s*)$", before))


def _apposition(text: str, b: int, countries: _Countries) -> tuple[str, str]:
    match = _APPOSITION.match(text, b)
    if not match:
        return "", ""
    body = match.group("body")
    head = " ".join(body.split()[:7])
    title_match = re.search(rf"\b(?P<title>{_TITLE_RE})\b", head, re.IGNORECASE)
    if not title_match:
        return "", ""
    body_start = match.start("body")
    country = _country_near(countries, body_start, match.end("body"), text)
    return canonical_title(title_match.group("title")), country


def _of_country_after(text: str, b: int, countries: _Countries) -> str:
    match = re.match(r"\s+of\s+(?:the\s+)?", text[b : b + 12])
    if not match:
        return ""
    for i in countries.starting_within(b + match.end(), b + match.end()):
        return countries.mentions[i].key
    return ""


def _find_organisations(text: str, sentence_of, countries: _Countries, start: int) -> list[_Record]:
    found = [
        *_headed_organisations(text, countries, start),
        *_acronym_organisations(text, start),
        *_international_organisations(text, start),
    ]
    # Longest first; drop spans inside an already taken one.
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    taken = _Taken(len(text))
    by_canon: dict[str, _Record] = {}
    for a, b, surface, acronym, kind in found:
        if taken.covers(a, b):
            continue
        taken.add(a, b)
        canon = _org_canonical(surface)
        rec = by_canon.get(canon)
        if rec is None:
            rec = by_canon[canon] = _Record(kind, canonical=canon)
        if kind == GROUP:
            rec.kind = GROUP
        if surface in _INTERNATIONAL_ORGS or not acronym or surface != acronym:
            rec.names[surface] += 1
        if acronym:
            rec.aliases.add(acronym)
        country = _org_country(text, a, b, countries)
        if country:
            rec.countries[country] += 1
        rec.mentions.append((a, b, text[a:b], sentence_of(a)))
    _add_bare_acronyms(text, start, by_canon.values(), taken, sentence_of)
    return [by_canon[k] for k in sorted(by_canon)]


_Org = tuple[int, int, str, str, str]  # start, end, surface, acronym, kind


def _headed_organisations(text: str, countries: _Countries, start: int) -> list[_Org]:
    """ "Ministry of Foreign Affairs", "Foreign Ministry", without leading words that are
    no part of the name ("The", "Chilean")."""
    found: list[_Org] = []
    for pattern in (_ORG_OF, _ORG_HEAD_LAST):
        for match in pattern.finditer(text, start):
            a, b = match.span()
            words = list(re.finditer(r"\S+", match.group()))
            while words and (
                words[0].group() in _ORG_LEADING
                or countries.overlaps(a + words[0].start(), a + words[0].end())
            ):
                words.pop(0)
            if not words:
                continue
            a = a + words[0].start()
            surface = text[a:b]
            if len(surface.split()) < 2 and not re.search(_ORG_HEADS, surface):
                continue
            found.append((a, b, surface, "", ORGANISATION))
    return found


def _acronym_organisations(text: str, start: int) -> list[_Org]:
    """ "Jaysh al-Nasr (JAN)": a name with the acronym that fits it."""
    found: list[_Org] = []
    for match in _RUN.finditer(text, start):
        acr = _ACRONYM_AFTER.match(text, match.end())
        if not acr:
            continue
        words = match.group().split()
        while words and (words[0] in _ORG_LEADING or lookup(words[0])):
            words.pop(0)
        surface = " ".join(words)
        acronym = acr.group("acr")
        if not words or not _acronym_fits(acronym, surface):
            continue
        a = match.end() - len(surface)
        kind = GROUP if _GROUP_CUES.search(text[max(0, a - 40) : a]) else ORGANISATION
        found.append((a, match.end(), surface, acronym, kind))
    return found


@cache
def _international_patterns() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(name, acronym or "", pattern) for every international organisation, in table order."""
    out = []
    for name, acronyms in _INTERNATIONAL_ORGS.items():
        out.append((name, "", re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")))
        for acronym in acronyms:
            out.append((name, acronym, re.compile(rf"(?<![\w.]){re.escape(acronym)}(?![\w])")))
    return tuple(out)


def _international_organisations(text: str, start: int) -> list[_Org]:
    found: list[_Org] = []
    body = text[start:]
    for name, acronym, pattern in _international_patterns():
        # Every match holds the name or acronym as written: most are absent from an
        # article, and looking for a plain string costs far less than running the pattern.
        if (acronym or name) not in body:
            continue
        for match in pattern.finditer(body):
            found.append((start + match.start(), start + match.end(), name, acronym, ORGANISATION))
    return found


def _add_bare_acronyms(text: str, start: int, records, taken: _Taken, sentence_of) -> None:
    """Bare acronyms elsewhere ("JAN took over") refer to the organisation."""
    for rec in list(records):
        for acronym in sorted(rec.aliases):
            for match in re.finditer(rf"(?<![\w.]){re.escape(acronym)}(?!\w)", text[start:]):
                a, b = start + match.start(), start + match.end()
                if taken.covers(a, b):
                    continue
                taken.add(a, b)
                rec.mentions.append((a, b, acronym, sentence_of(a)))


class _Taken:
    """Spans taken so far. ``covers(a, b)`` is ``any(ta <= a and b <= tb for ta, tb in
    taken)`` in log time, not a scan of every organisation mention: a Fenwick tree of the
    furthest end among the spans starting at or before an offset."""

    def __init__(self, length: int) -> None:
        self._size = length + 2
        self._furthest: dict[int, int] = {}

    def add(self, a: int, b: int) -> None:
        i = a + 1
        while i <= self._size:
            if self._furthest.get(i, -1) < b:
                self._furthest[i] = b
            i += i & -i

    def covers(self, a: int, b: int) -> bool:
        i, furthest = min(a + 1, self._size), -1
        while i > 0:
            furthest = max(furthest, self._furthest.get(i, -1))
            i -= i & -i
        return furthest >= b


def _acronym_fits(acronym: str, name: str) -> bool:
    """ "JFN" fits "Jabhat Fath al-Nasr"; "JAN" fits "Jaysh al-Nasr" (particles optional)."""
    letters = [c for c in acronym.upper() if c.isalpha()]
    with_particles = "".join(
        t[0] for t in re.findall(r"[A-Za-z]+", name.replace("'", "")) if len(t) > 1
    )
    for initials in (_initials(name).upper(), with_particles.upper()):
        it = iter(initials)
        if initials and initials[0] == letters[0] and all(c in it for c in letters):
            return True
    return False


_POSSESSIVE_GAP = re.compile(r"(?:['’]s)?\s*(?:the\s+)?")  # "Chile's ", "Chile the "
_OF_GAP = re.compile(r"\s+of\s+(?:the\s+)?")  # " of the "


def _org_country(text: str, a: int, b: int, countries: _Countries) -> str:
    before = [
        i
        for i in countries.ending_within(_gap_floor(text, a), a)
        if _POSSESSIVE_GAP.fullmatch(text, countries.mentions[i].end, a)
    ]
    after = [
        i
        for i in countries.starting_within(b, _of_gap_ceiling(text, b))
        if _OF_GAP.fullmatch(text, b, countries.mentions[i].start)
    ]
    return countries.mentions[min(before + after)].key if before or after else ""


def _attach_single_names(
    people: list[_Record], singles: list[tuple[int, int, str, str, str]], sentence_of
) -> None:
    """A surname alone ("Park", "al-Hadi") is the full-named person of the article."""
    # Per token, the people it fits, and how many of ``people`` were tested: a long
    # article repeats a few surnames thousands of times; ``people`` only grows.
    fitting: dict[str, tuple[int, list[_Record]]] = {}
    for a, b, surface, title, country in singles:
        token = name_tokens(surface)[0]
        tested, found = fitting.get(token, (0, []))
        found = found + [
            rec
            for rec in people[tested:]
            if any(_lone_name_fits(token, name) for name in rec.names)
        ]
        fitting[token] = (len(people), found)
        candidates = list(found)
        if country:
            candidates = [
                rec for rec in candidates if not rec.countries or country in rec.countries
            ]
        if not candidates:
            if title and title != "counterpart":
                rec = _Record(PERSON)
                rec.names[surface] += 1
                rec.titles.add(title)
                if country:
                    rec.countries[country] += 1
                rec.mentions.append((a, b, surface, sentence_of(a)))
                people.append(rec)
            continue

        def last_before(rec: _Record, at: int = a) -> tuple[int, int]:
            # The person named most recently before; else the first named after.
            before = [m[0] for m in rec.mentions if m[0] < at]
            return (1, max(before)) if before else (0, -min(m[0] for m in rec.mentions))

        rec = max(candidates, key=last_before)
        rec.mentions.append((a, b, surface, sentence_of(a)))
        if title and title != "counterpart":
            rec.titles.add(title)


def _family_tokens(name: str) -> list[str]:
    """Tokens a person may be called by alone: the last name, or a short first
    family name written first ("Park Min-soo", "Lee Jae-hoon")."""
    tokens = name_tokens(name)
    if len(tokens) > 1 and _REGNAL_TOKEN.fullmatch(tokens[-1]):
        tokens = tokens[:-1]  # "Carlos IV" is called Carlos, never "IV"
    if not tokens:
        return []
    family = [tokens[-1]]
    # East Asian order, family name first and short: "Park Min-soo", "Lee In Ho".
    hyphenated = len(tokens) == 2 and len(tokens[0]) <= 4 and "-" in name.split()[-1]
    if hyphenated or (len(tokens) in (2, 3) and len(tokens[0]) <= 3):
        family.append(tokens[0])
    return family


def _lone_name_fits(token: str, full_name: str) -> bool:
    return any(
        romanised(token) == romanised(t) or (tokens_match(token, t) and len(token) >= 5)
        for t in _family_tokens(full_name)
    )


# --- merging ------------------------------------------------------------------


def _person_match(x: _Record, y: _Record) -> bool:
    if _same_long_name(x, y):
        return True
    cx, cy = set(x.countries), set(y.countries)
    if cx and cy and not cx & cy:
        return False
    for nx in x.names:
        tx = name_tokens(nx)
        for ny in y.names:
            ty = name_tokens(ny)
            if not tx or not ty:
                continue
            if _initials_differ(nx, ny):
                continue  # "George H. W. Bush" and "George W. Bush" are two presidents
            regnal = _regnal_numbers(nx, ny)
            if regnal and regnal[0] != regnal[1]:
                continue  # "Tupou V" and "Tupou VI" are two kings
            if regnal and _same_regnal_name(nx, ny):
                return True  # "Tupou IV" / "Taufa'ahau Tupou IV"
            first = tokens_match(tx[0], ty[0])
            last = tokens_match(tx[-1], ty[-1])
            if len(tx) >= 2 and len(ty) >= 2 and first and last:
                return True
            if (
                len(tx) >= 2
                and len(ty) >= 2
                and last
                and _short_form(tx[0], ty[0])
                and _facts_agree(x, y)
            ):
                return True  # "Alex Mendes" / "Alexander Mendes", told of one minister
            if len(tx) == 1 or len(ty) == 1:
                # A lone name merges only when the other facts agree.
                short, long_name = (tx, ny) if len(tx) == 1 else (ty, nx)
                if _lone_name_fits(short[0], long_name) and _facts_agree(x, y):
                    return True
            # Same family name, same specific title, same country: one person
            # whose given name a source got wrong or translated differently.
            if last and len(tx[-1]) >= 4 and _facts_agree(x, y, strict=True):
                return True
    return any(
        romanised("".join(name_tokens(a))) == romanised("".join(name_tokens(b)))
        for a in x.aliases | set(x.names)
        for b in y.aliases | set(y.names)
    )


# Names of this many words (particles aside) spelled alike name one person, whatever
# country a source ties them to: "Musaad bin Mohammed al-Aiban" listed beside Iran's
# envoy is still Saudi Arabia's adviser.
LONG_NAME_TOKENS = 3


def _same_long_name(x: _Record, y: _Record) -> bool:
    def long_names(rec: _Record) -> set[tuple[str, ...]]:
        found = {tuple(romanised(t) for t in name_tokens(n)) for n in rec.names}
        return {n for n in found if len(n) >= LONG_NAME_TOKENS}

    return bool(long_names(x) & long_names(y))


def _initials_differ(x: str, y: str) -> bool:
    ix, iy = re.findall(r"\b([A-Z])\.", x), re.findall(r"\b([A-Z])\.", y)
    return bool(ix) and bool(iy) and ix != iy


def _regnal_numbers(x: str, y: str) -> tuple[str, str] | None:
    """The regnal numbers two names end with, when both end with one."""
    wx, wy = ascii_lower(x).split(), ascii_lower(y).split()
    if min(len(wx), len(wy)) < 2:
        return None
    if _REGNAL_TOKEN.fullmatch(wx[-1]) and _REGNAL_TOKEN.fullmatch(wy[-1]):
        return wx[-1], wy[-1]
    return None


def _same_regnal_name(x: str, y: str) -> bool:
    """One monarch: the same regnal number after the same name ("Tupou IV"). Read from
    the words as written: name_tokens drops "IV" from a longer name as a suffix."""
    wx, wy = ascii_lower(x).split(), ascii_lower(y).split()
    return (
        min(len(wx), len(wy)) >= 2
        and wx[-1] == wy[-1]
        and _REGNAL_TOKEN.fullmatch(wx[-1]) is not None
        and tokens_match(wx[-2], wy[-2])
    )


def _short_form(a: str, b: str) -> bool:
    """One given name is the short form of the other: Alex/Alexander, Jeremy/Jeremiah,
    Gabi/Gabriel (a pet form ending in its own vowel)."""
    short, full = sorted((romanised(a), romanised(b)), key=len)
    if len(short) < 4 or short == full:
        return False
    common = next(
        (i for i, (p, q) in enumerate(zip(short, full, strict=False)) if p != q), len(short)
    )
    return common >= max(3, len(short) - 1)


def _facts_agree(x: _Record, y: _Record, strict: bool = False) -> bool:
    tx = {t for t in x.titles if t not in _GENERIC_TITLES}
    ty = {t for t in y.titles if t not in _GENERIC_TITLES}
    same_title = bool(tx & ty)
    same_country = bool(set(x.countries) & set(y.countries))
    if strict:
        return same_title and same_country
    return same_title or same_country


def _org_match(x: _Record, y: _Record) -> bool:
    cx, cy = x.country(), y.country()
    if cx and cy and cx != cy:
        return False
    if x.canonical and x.canonical == y.canonical:
        return True
    if x.aliases & y.aliases:
        return True
    names_x = {slug(n) for n in x.names} | {slug(n) for n in x.aliases}
    names_y = {slug(n) for n in y.names} | {slug(n) for n in y.aliases}
    return bool(names_x & names_y)


def merge_records(records: list[_Record]) -> list[_Record]:
    """Union records of one entity; order-independent and deterministic."""
    records = sorted(
        records,
        key=lambda r: (
            r.kind,
            r.longest_name() if r.names else "",
            min((m[0] for m in r.mentions), default=0),
        ),
    )
    return _merge_sorted(records, _combine)


def _merge_sorted(records: list[_Record], combine) -> list[_Record]:
    """Each record in turn absorbs the first merged one it matches, until none matches."""
    pool = _MergePool()
    for rec in records:
        current = rec
        while (other := pool.first_match(current)) is not None:
            pool.remove(other)
            current = combine(current, other)
        pool.add(current)
    return pool.records()


def _matches(x: _Record, y: _Record) -> bool:
    if (x.kind == PERSON) != (y.kind == PERSON):
        return False
    return _person_match(x, y) if x.kind == PERSON else _org_match(x, y)


def _vowelless(token: str) -> str:
    return re.sub(r"[aeiou]", "", token)


def _merge_keys(rec: _Record) -> set[tuple[str, str]]:
    """What two records must share to match: _org_match needs a canonical name, an
    alias or a slug in common; _person_match needs equal joined names, or family names
    that tokens_match (equal without vowels, or long and similar: see _near_tokens)."""
    if rec.kind != PERSON:
        keys = {("org-alias", a) for a in rec.aliases}
        keys |= {("org-slug", slug(n)) for n in [*rec.names, *rec.aliases]}
        return keys | ({("org-canonical", rec.canonical)} if rec.canonical else set())
    keys = {("joined", romanised("".join(name_tokens(n)))) for n in rec.aliases | set(rec.names)}
    return keys | {("family", _vowelless(romanised(t))) for t in _family_romanised(rec)}


def _family_romanised(rec: _Record) -> set[str]:
    return {romanised(t) for n in rec.names for t in _family_tokens(n)}


@lru_cache(maxsize=1024)
def _max_indel(length: int) -> int:
    """The most insertions and deletions between a token of ``length`` letters and one
    that tokens_match finds similar (min length 6, Indel similarity >= 0.86)."""
    most = 0
    for other in range(6, 3 * length):
        allowed = math.floor(0.14 * (length + other) + 1e-6)  # 1e-6: float rounding
        if abs(length - other) <= allowed:
            most = max(most, allowed)
    return most


class _MergePool:
    """Merged records indexed by _merge_keys, in the order they were merged: a record
    is tested only against those sharing a key, in that order, so the first match is the
    one a scan of every merged record finds."""

    def __init__(self) -> None:
        self._order: dict[int, int] = {}
        self._records: dict[int, _Record] = {}
        self._keys: dict[int, set[tuple[str, str]]] = {}
        self._by_key: dict[tuple[str, str], dict[int, _Record]] = {}
        self._grams: dict[str, set[str]] = {}  # 2- and 3-letter piece -> long family tokens
        self._next = 0

    def add(self, rec: _Record, order: int | None = None) -> None:
        keys = _merge_keys(rec)
        if rec.kind == PERSON:
            for token in _family_romanised(rec):
                if len(token) >= 6:
                    keys.add(("long", token))
                    for size in (2, 3):
                        for i in range(len(token) - size + 1):
                            self._grams.setdefault(token[i : i + size], set()).add(token)
        self._order[id(rec)] = self._next if order is None else order
        self._next += 1
        self._records[id(rec)] = rec
        self._keys[id(rec)] = keys
        for key in keys:
            self._by_key.setdefault(key, {})[id(rec)] = rec

    def remove(self, rec: _Record) -> int:
        for key in self._keys.pop(id(rec)):
            del self._by_key[key][id(rec)]
        del self._records[id(rec)]
        return self._order.pop(id(rec))

    def replace(self, old: _Record, new: _Record) -> None:
        self.add(new, order=self.remove(old))

    def records(self) -> list[_Record]:
        return sorted(self._records.values(), key=lambda r: self._order[id(r)])

    def candidates(self, rec: _Record) -> list[_Record]:
        keys = _merge_keys(rec)
        if rec.kind == PERSON:
            keys |= {
                ("long", near)
                for token in _family_romanised(rec)
                if len(token) >= 6
                for near in self._near_tokens(token)
            }
        found: dict[int, _Record] = {}
        for key in keys:
            found.update(self._by_key.get(key, {}))
        return sorted(found.values(), key=lambda r: self._order[id(r)])

    def _near_tokens(self, token: str) -> set[str]:
        """Long family tokens in the pool with Indel similarity >= 0.86 to ``token``.
        Pigeonhole: cut ``token`` into more pieces than the edits allowed; one piece
        is left whole, so the other token contains it."""
        edits = _max_indel(len(token))
        size = 3 if len(token) // 3 > edits else 2
        if len(token) // size <= edits:  # never for real lengths; stay exact anyway
            pool = set().union(*self._grams.values()) if self._grams else set()
        else:
            pieces = {token[i : i + size] for i in range(0, size * (edits + 1), size)}
            pool = set().union(*(self._grams.get(p, set()) for p in pieces))
        return {t for t in pool if Indel.normalized_similarity(token, t) >= 0.86}

    def first_match(self, rec: _Record) -> _Record | None:
        return next((other for other in self.candidates(rec) if _matches(rec, other)), None)


def _combine(x: _Record, y: _Record) -> _Record:
    kind = GROUP if GROUP in (x.kind, y.kind) else x.kind
    out = _Record(kind, canonical=x.canonical or y.canonical)
    out.names = x.names + y.names
    out.aliases = x.aliases | y.aliases
    out.titles = x.titles | y.titles
    out.countries = x.countries + y.countries
    out.mentions = x.mentions + y.mentions
    return out


def _record_key(rec: _Record) -> str:
    if rec.kind == PERSON:
        return slug(rec.longest_name())
    base = slug(rec.longest_name())
    return f"{base}-{rec.country().lower()}" if rec.country() else base


def _to_actor_infos(
    records: list[_Record], sentences: list[Sentence]
) -> tuple[list[ActorInfo], list[Mention]]:
    actors: list[ActorInfo] = []
    mentions: list[Mention] = []
    for rec in records:
        if not rec.names:
            continue
        key = _record_key(rec)
        name = rec.best_name()
        aliases = set(rec.names) | rec.aliases
        actors.append(
            ActorInfo(
                key=key,
                name=name,
                kind=rec.kind,
                aliases=aliases,
                titles={t.title() if t.islower() else t for t in rec.titles},
                country=rec.country() or (rec.kind == PERSON and ruler_country(rec.names)) or "",
            )
        )
        for a, b, surface, sent in rec.mentions:
            mentions.append(Mention(a, b, surface, sent, rec.kind, key))
    actors.sort(key=lambda x: x.key)
    mentions.sort(key=lambda m: (m.start, m.end))
    return actors, mentions


def _record_from_info(info: ActorInfo) -> _Record:
    rec = _Record(info.kind)
    # "King Tupou IV" is an alias, never a full name to compare: "King" is no given name.
    full = {
        a for a in info.aliases if len(name_tokens(a)) >= 2 and not HONORIFIC_ALIAS.match(a)
    } or {info.name}
    for alias in sorted(full):
        rec.names[alias] += 1
    rec.names[info.name] += 1
    rec.aliases = {a for a in info.aliases if a not in full}
    rec.titles = {canonical_title(t) for t in info.titles}
    if info.country:
        rec.countries[info.country] += 1
    if info.kind != PERSON:
        rec.canonical = _org_canonical(info.name)
    rec.mentions = [(0, 0, info.name, -1)]
    rec.source_keys = {info.key}  # type: ignore[attr-defined]
    return rec


def merge_actors(
    per_article: Sequence[Sequence[ActorInfo]],
) -> tuple[list[ActorInfo], list[dict[str, str]]]:
    """Merge actors across articles.

    Returns the merged actors and, for each article, a map from its own actor
    keys to the merged keys. A person whose only known form is one name joins a
    full-named person elsewhere only when the match is unique.
    """
    records: list[_Record] = []
    for i, infos in enumerate(per_article):
        for info in infos:
            rec = _record_from_info(info)
            rec.origin = {(i, info.key)}  # type: ignore[attr-defined]
            records.append(rec)
    merged = _merge_with_origin(records)
    keys = _unique_keys(merged)
    result: list[ActorInfo] = []
    maps: list[dict[str, str]] = [{} for _ in per_article]
    for rec, key in zip(merged, keys, strict=True):
        result.append(
            ActorInfo(
                key=key,
                name=rec.best_name(),
                kind=rec.kind,
                aliases=set(rec.names) | rec.aliases,
                titles={t.title() for t in rec.titles},
                country=rec.country(),
            )
        )
        for i, old in rec.origin:  # type: ignore[attr-defined]
            maps[i][old] = key
    result.sort(key=lambda a: a.key)
    return result, maps


def _unique_keys(records: list[_Record]) -> list[str]:
    """One key per merged actor: two people who share a name but stayed apart (one of
    Egypt, one of Sudan) get their country, then a number, added to the key."""
    keys = [_record_key(rec) for rec in records]
    groups: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        groups.setdefault(key, []).append(index)
    used = {key for key, indexes in groups.items() if len(indexes) == 1}
    for key, indexes in sorted(groups.items()):
        if len(indexes) < 2:
            continue
        # Ordered by what the actor is, not by input order: the same keys in any order.
        indexes.sort(
            key=lambda i: (
                records[i].country(),
                records[i].best_name(),
                sorted(set(records[i].names) | records[i].aliases),
            )
        )
        for index in indexes:
            country = records[index].country().lower()
            base = f"{key}-{country}" if country else key
            candidate, n = base, 2
            while candidate in used:
                candidate, n = f"{base}-{n}", n + 1
            used.add(candidate)
            keys[index] = candidate
    return keys


def _merge_with_origin(records: list[_Record]) -> list[_Record]:
    # Lists split by a test, not by `in` (equal records always fall on the same side).
    is_full = [r.kind != PERSON or max(len(name_tokens(n)) for n in r.names) >= 2 for r in records]
    full = [r for r, f in zip(records, is_full, strict=True) if f]
    lone = [r for r, f in zip(records, is_full, strict=True) if not f]
    pool = _MergePool()
    for rec in _merge_keep_origin(full):
        pool.add(rec)
    for rec in lone:
        token = name_tokens(rec.longest_name())
        matches = [
            m
            for m in (pool.candidates(rec) if token else [])
            if m.kind == PERSON and _person_match(rec, m)
        ]
        if len(matches) == 1:
            target = matches[0]
            pool.replace(target, _combine_origin(target, rec))
        else:
            pool.add(rec)
    merged = pool.records()
    # Country-less organisations join the only same-named one that has a country.
    is_homeless = [r.kind != PERSON and not r.country() for r in merged]
    homeless = [r for r, h in zip(merged, is_homeless, strict=True) if h]
    result = [r for r, h in zip(merged, is_homeless, strict=True) if not h]
    # Joining and appending keeps these the same: index them once.
    by_canonical: dict[str, list[int]] = {}
    for i, m in enumerate(result):
        if m.kind != PERSON and m.country():
            by_canonical.setdefault(m.canonical, []).append(i)
    for rec in homeless:
        same = by_canonical.get(rec.canonical, [])
        if len(same) == 1:
            result[same[0]] = _combine_origin(result[same[0]], rec)
        else:
            result.append(rec)
    return result


def _combine_origin(x: _Record, y: _Record) -> _Record:
    out = _combine(x, y)
    out.origin = x.origin | y.origin  # type: ignore[attr-defined]
    return out


def _merge_keep_origin(records: list[_Record]) -> list[_Record]:
    records = sorted(records, key=lambda r: (r.kind, r.longest_name(), sorted(r.origin)))  # type: ignore[attr-defined]
    return _merge_sorted(records, _combine_origin)


__all__ = [
    "COUNTRY",
    "find_actors",
    "merge_actors",
    "name_tokens",
    "romanised",
    "skeleton",
    "tokens_match",
]
