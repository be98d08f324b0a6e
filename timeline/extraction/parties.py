"""Which countries a clause names as parties to its happening, and in which order.

A clause names more countries than take part: a country described by another ("Cuba, a
long-time ally of Venezuela"), the place an envoy serves ("Ambassador to Thailand"), the
mediator or venue of a deal between two others, a source reporting it, commentary ("in
a move that will anger Washington"), a relationship named only as background. These
rules label such mentions; the frames say which labels keep a country out of a role.
"""

from __future__ import annotations

import functools
import itertools
import re

from .clauses.rules import SAID_TAIL, names_an_outlet
from .countries import how_matched, lookup
from .frames import Frame, words
from .types import COUNTRY, Mention

_EPITHET_BEFORE = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}(?:of|to|with)\s+$")
# An epithet by a demonym: "Honduras, a former Spanish colony, ...".
_ADJECTIVE_EPITHET_BEFORE = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}$", re.I)
_ADJECTIVE_EPITHET = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:colony|ally|protectorate|territory|dependency|possession|"
    r"client\s+state|satellite|mandate|province)\b[^,;.]{0,40},",
    re.I,
)
# A comma after a time closes a fronted adjunct, not a noun an epithet describes: in "On 3
# May 1994, the president of Estonia visited Malawi" Estonia is the visitor's country.
_TIME_BEFORE_COMMA = re.compile(
    r"(?i)\b(?:\d{1,4}|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|year|month|"
    r"week|weekend|today|yesterday|morning|afternoon|evening|night|later|earlier)\s*$"
)
# Only a noun for a state or a partner ends an epithet: in "Chile's president visited
# Fiji" Chile is the visitor's country, a party.
_EPITHET_AFTER = re.compile(
    r"^['’]s\s+(?:[\w-]+\s+){0,3}(?:nation|country|state|republic|kingdom|island|ally|allies|"
    r"partner|friend|neighbou?r|rival|enemy|foe|backer|patron|client|satellite|protector)"
    r"[”\"’']?\s+$",
    re.I,
)
DESCRIBED_SUBJECT = re.compile(
    r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,3}(?:nation|country|kingdom|republic|state|"
    r"island|emirate|government)\s+(?:had\s+|has\s+|have\s+)?"
    # "the Sahel state announced its decision to sever ties", "the country decided to cut"
    r"(?:(?:announced|declared|confirmed|decided|agreed|voted)\s+(?:its\s+decision\s+)?to\s+)?$",
    re.I,
)


def ordered_unique(items) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


BOTH = re.compile(
    r"\b(?:the\s+two|both)\s+(?:[A-Z]\w+\s+|foreign\s+)?(?:countries|nations|states|sides|governments|"
    r"capitals|neighbou?rs|rivals|ministers|leaders|presidents|delegations|ambassadors|envoys)\b"
    # "The two also declared ...": the pair as a bare subject.
    r"|\bthe\s+two\s+(?=(?:also|then|later|jointly|further|have|had|will|would|declared|stated|"
    r"agreed|decided|signed|reaffirmed|announced)\b)",
    re.I,
)


# A relationship that already exists, named to explain: its countries are not parties.
_BACKGROUND_TIES = re.compile(
    r"\b(?:close|closer|long-standing|longstanding|traditional|historic|strong|friendly|warm)\s+"
    r"(?:diplomatic\s+|bilateral\s+)?(?:relations|ties|relationship)\s+(?:with|between)\s+"
    r"(?:(?:the\s+)?[\w’'-]+\s+(?:and\s+)?){0,3}$",
    re.I,
)
# ... unless the relations event is told in a clause attached to that relationship: "close
# ties with Y since establishing relations in <year>", "..., with which it established ties".
_ATTACHED_RELATIONS_EVENT = re.compile(
    r"\s*,?\s*(?:(?:ever\s+)?since|after|when|upon|following|"
    r"with\s+which\s+(?:it|they|(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+)?)\s+(?:had\s+|has\s+)?)\s*"
    r"(?:(?:it|they)\s+(?:had\s+|have\s+|has\s+)?)?(?:first\s+|formally\s+|officially\s+)?"
    r"(?:establish|forg|restor|resum|normali[sz])\w*\s+(?:\w+\s+){0,2}?(?:relations|ties)\b",
    re.I,
)
_POSSESSIVE_EPITHET = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:ally|allies|partner|friend|neighbou?r|rival|enemy|foe|"
    r"backer|patron|client|satellite)\b",
    re.I,
)
# ... nor when the relationship is what the clause builds or ends: "forged close ties with
# Y", "cut its long-standing ties with Y" (Y is the partner of the break).
_BUILT_TIES = re.compile(
    r"\b(?:establish|forg|build|built|develop|restor|resum|seek|want"
    r"|cut|sever|break|broke|end|terminat|ruptur|suspend|freez|froze|downgrad)\w*\s+"
    r"(?:\w+\s+){0,2}?(?:close|closer|long-standing|longstanding|traditional|historic|strong|"
    r"friendly|warm)\s",
    re.I,
)


# What two governments talk about or where, not who they are: "the question of the X
# Islands", "sovereignty over A, B and C", "at a meeting in Lisbon".
_TOPIC_BEFORE = re.compile(r"\bquestion\s+of\s+(?:the\s+)?$", re.I)
_PLACE_BEFORE = re.compile(r"\b(?:in|at)\s+$")


def _sides_named(mentions: list[Mention], text: str) -> tuple[list[Mention], list[Mention]]:
    """The country mentions that may name a side, and the capitals named as a place."""
    kept: list[Mention] = []
    places: list[Mention] = []
    land: Mention | None = None
    for m in (m for m in mentions if m.kind == COUNTRY):
        before = text[max(0, m.start - 40) : m.start]
        if (
            _DISPUTED_LAND.search(before)
            or _TOPIC_BEFORE.search(before)
            or (land is not None and _NEXT_LAND.match(text[land.end : m.start]))
        ):
            land = m
        elif how_matched(m.text) == "capital" and _PLACE_BEFORE.search(before):
            places.append(m)
        else:
            kept.append(m)
    return kept, places


def _ranked(mentions: list[Mention]) -> list[str]:
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for m in mentions:
        counts[m.key] = counts.get(m.key, 0) + 1
        first.setdefault(m.key, m.start)
    return sorted(counts, key=lambda c: (-counts[c], first[c]))


def article_pair(mentions: list[Mention], text: str = "") -> list[str]:
    """The two countries an article names most (first named first on a tie); a capital
    named as a place ("the summit in London") counts only when two sides are not named."""
    sides, places = _sides_named(mentions, text)
    ranked = ordered_unique([*_ranked(sides), *_ranked(places)])
    return ranked[:2] if len(ranked) >= 2 else []


_CREDENTIALS = re.compile(r"\bcredentials\b|\bletters?\s+of\s+credence\b", re.I)
_OTHER_ENVOYS = re.compile(
    r"\b(?:along|together)\s+with\s+(?:the\s+)?(?:other\s+)?(?:envoys?|ambassadors?|diplomats?)"
    r"\s+(?:of|from)\s+(?:the\s+)?(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?(?:,\s+|,?\s+and\s+))*$"
)


# "recalled its ambassador to Peru": the post the envoy leaves is the other party.
_ENVOY_CALLED_HOME = re.compile(
    r"\b(?:recall\w*|withdr[ae]w\w*|withdrawing|summon\w*)\s+(?:its|their|his|her|the)\s+"
    r"(?:[\w-]+\s+)?(?:ambassador|envoy)\s+(?:to|in)\s+$",
    re.I,
)
# "named its first ambassador to Iraq", "appointed Ali as its envoy to Peru": the post of an
# envoy named or sent is the other party of the appointment, as of a recall.
_ENVOY_POSTED = re.compile(
    r"\b(?:nam|appoint|nominat|accredit|sen[dt]|dispatch)\w*\s+(?:[A-Z][\w.'’-]*\s+){0,4}"
    r"(?:as\s+)?(?:its|their|his|her|the|a)\s+(?:[\w-]+\s+){0,2}?(?:ambassador|envoy)\s+(?:to|in)\s+$",
    re.I,
)


def _credentials_to(text: str, posted: Mention, country_mentions: list[Mention]) -> bool:
    """The state an envoy is posted to ("Peru's ambassador to Fiji") receives the credentials
    it presents, unless another state is named after them
    ("... presented his credentials as non-resident ambassador in Suva")."""
    found = _CREDENTIALS.search(text, posted.end, posted.end + 160)
    return bool(found) and not any(
        m.start > found.start() and m.key != posted.key for m in country_mentions
    )


# "X's ambassador to Y was recalled": the envoy called home, told in the passive; or sent
# away by the state he serves in: "X's ambassador in Y was expelled".
_ENVOY_RECALLED_AFTER = re.compile(
    r"\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?"
    r"(?:recalled|withdrawn|summoned\s+home|called\s+(?:back\s+)?home|expelled|"
    r"declared\s+persona\s+non\s+grata|ordered\s+(?:out|to\s+leave))\b",
    re.I,
)


def _posted_to(text: str, m: Mention, before: str, country_mentions: list[Mention]) -> bool:
    """ "Ambassador to Thailand" names where the envoy serves, no party: unless he is
    called home from there or presents his credentials there."""
    return (
        bool(re.search(r"\b(?:[Aa]mbassador|[Ee]nvoy|[Cc]onsul)\s+(?:to|in)\s+$", before))
        and not _credentials_to(text, m, country_mentions)
        and not _ENVOY_CALLED_HOME.search(before)
        and not _ENVOY_POSTED.search(before)
        and not _ENVOY_RECALLED_AFTER.match(text, m.end)
    )


def clause_countries(
    text: str, clause_mentions: list[Mention], sentence_mentions: list[Mention], borrow: bool = True
) -> list[str]:
    """Countries the clause is about, subject first; epithets left out."""
    country_mentions = [m for m in clause_mentions if m.kind == COUNTRY]
    kept = []
    for i, m in enumerate(country_mentions):
        before = text[max(0, m.start - 60) : m.start]
        if _posted_to(text, m, before, country_mentions):
            continue  # "Ambassador to Thailand": where the envoy serves, not a party
        if _OTHER_ENVOYS.search(before):
            continue  # "Fiji's envoy, along with envoys of Peru and Chile, ...": others' envoys
        epithet = _EPITHET_BEFORE.search(before)
        if epithet and not _TIME_BEFORE_COMMA.search(before[: epithet.start()]):
            continue
        if (
            _BACKGROUND_TIES.search(before)
            and not _BUILT_TIES.search(before)
            and not _ATTACHED_RELATIONS_EVENT.match(text[m.end : m.end + 120])
        ):
            continue  # "hindered by X's close relations with Y": Y is background
        if kept and re.search(r",\s*$", before) and _POSSESSIVE_EPITHET.match(text[m.end :]):
            continue  # "with Syria, North Korea's former ally": describes Syria
        if (
            kept
            and _ADJECTIVE_EPITHET_BEFORE.search(before)
            and _ADJECTIVE_EPITHET.match(text, m.end)
        ):
            continue  # "Honduras, a former Spanish colony,": describes Honduras
        following = country_mentions[i + 1] if i + 1 < len(country_mentions) else None
        gap = text[m.end : following.start] if following is not None else ""
        if _EPITHET_AFTER.match(gap) and not re.search(
            r"\b(?:relations|ties|ambassadors?|envoys?|embass(?:y|ies)|diplomats?)\b", gap
        ):
            continue  # "Chile's relations with Fiji", "Chile's ambassador to Fiji" name a party
        kept.append(m.key)
    countries = ordered_unique(kept)
    if not countries and borrow:
        # "Since joining the UN in 1999, Tonga has ...": the sentence's subject.
        outside = [m for m in sentence_mentions if m.kind == COUNTRY and m not in clause_mentions]
        if outside:
            countries = [outside[0].key]
    return countries


# Who helped two states to a deal is not a party to it: "in a deal mediated by China",
# "brokered by", "under the auspices of". (A mediator or host does take part in the
# talks themselves: meetings and negotiations keep it.)
_MEDIATOR = re.compile(
    r"\b(?:(?:mediated|brokered|facilitated|hosted|sponsored|arranged|guaranteed)\s+by|"
    # "a deal brokered with Fiji's help": the helper is no party.
    r"(?:mediated|brokered|facilitated|arranged)\s+with|"
    # "under a deal negotiated by Fiji": who negotiated the deal for two others.
    r"(?:deal|agreement|accord|pact)\s+negotiated\s+by|"
    r"(?:with|through|thanks\s+to)\s+(?:the\s+)?(?:mediation|good\s+offices|help)\s+of|"
    r"under\s+the\s+(?:auspices|aegis)\s+of|\bmediator|\bbroker)\s+(?:the\s+)?$",
    re.I,
)
_DISPUTED_LAND = re.compile(
    r"\b(?:sovereignty|claims?|control|suzerainty)\s+(?:over|of|to)\s+(?:the\s+)?"
    r"(?:(?:entire|whole|disputed|occupied)\s+)?$",
    re.I,
)
# Commentary after the happening: "..., in a move that will anger Washington", or a
# circumstance or motive of it: "recalled its ambassador amid Israel's attacks in Gaza".
_COMMENTARY = re.compile(
    r"\b(?:in\s+)?a\s+move\s+(?:that|which|seen|likely|expected|widely)\b|\bamid(?:st)?\b"
    # A motive: "broke off relations with Chile in solidarity with Fiji".
    r"|\bin\s+(?:an?\s+(?:\w+\s+)?(?:show|sign|gesture|act)\s+of\s+)?solidarity\s+with\b"
    # A cause or a reason told after it: "for Egypt's having made peace with Israel",
    # "accusing it of ...", "as it intensifies its offensive in Gaza", "while calling for
    # an end to ...", "in repudiation of ...".
    r"|\bfor\s+(?:[\w’'-]+\s+)?having\b|\baccusing\b|\bas\s+(?:it|they|he|she)\s+\w+"
    r"|\bwhile\s+\w+ing\b|\bin\s+(?:repudiation|condemnation|protest|retaliation)\b"
    # "broke off relations in the wake of Peru's recognition of Fiji": what led to it.
    r"|\bin\s+the\s+(?:wake|aftermath)\s+of\b"
    # A cause told with "over": "severed ties with Israel over fighting involving Gaza",
    # "expelled Peru's envoy over his remarks on Fiji".
    r"|\bover\s+(?:(?:the|its|their|his|her|a|an)\s+)?(?:[\w-]+\s+){0,3}?(?:fighting|war|conflict|"
    r"attacks?|offensive|killings?|murder|assassination|bombing|invasion|treatment|crisis|row|"
    r"dispute|spat|remarks|comments|execution|arrest|support|recognition|alleged)\b"
    # A state's past told as a circumstance: "became a member on its independence from
    # Britain", "after its secession from Sudan".
    r"|\b(?:independence|secession|separation)\s+from\b"
    # The other choice: "established relations with China instead of Taiwan".
    r"|\binstead\s+of\b|\brather\s+than\b|\bin\s+place\s+of\b"
    # A comparison: "in a dispute similar to that between Paris and Tehran".
    r"|\b(?:similar|comparable|akin|identical)\s+to\b|\blike\s+(?:that|those|the\s+ones?)\b"
    r"|\bunlike\b|\bcompared\s+(?:to|with)\b"
    # Who the happening is measured against or modelled on: "recognised Angola ahead of
    # Portugal", "following Peru's lead", "citing Lithuania's example".
    r"|\bahead\s+of\b|\b(?:following|citing|emulating|after)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:lead|example)\b"
    # Who reacts to it: "India's recognition of Bangladesh angered Pakistan", "...,
    # infuriating Beijing".
    r"|\b(?:anger|infuriat|irritat|upset|alarm|dismay|provok|antagonis|antagoniz|annoy)"
    r"(?:e|es|ed|ing|s|ting|ted)?\b",
    re.I,
)
# A break with one state told with the switch to another: "broke off relations with
# Taiwan to form ties with China", "... and switched recognition to Beijing". The new
# partner is the counterpart of the switch, another happening, not a party to the break.
_SWITCH = re.compile(
    r"\b(?:to|and|then)\s+(?:\w+ly\s+)?(?:form|forge|establish|open|build|seek)\w*\s+"
    r"(?:\w+\s+){0,2}?(?:relations|ties)\b|"
    r"\b(?:switch|shift|transferr?)\w*\s+(?:its\s+|their\s+)?(?:diplomatic\s+)?"
    r"(?:recognition|allegiance)\b|\bin\s+favou?r\s+of\b",
    re.I,
)


# Two countries named together as one relationship: "inter-Korean ties", "US-China
# relations", "relations between Manila and Pyongyang".
_RELATIONSHIP_NOUN = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:ties|relations|relationship|rapprochement|reconciliation|dialogue)\b",
    re.I,
)


def named_relationships(
    named: list[Mention], text: str, offset: int, between: bool = True
) -> list[tuple[Mention, Mention]]:
    """Pairs of country mentions naming one relationship, in ``text`` starting at ``offset``;
    ``between``: "relations between X and Y" counts too, not only "X-Y relations"."""
    pairs = []
    for first, second in itertools.pairwise(named):
        if first.key == second.key:
            continue
        gap = text[first.end - offset : second.start - offset]
        adjective = first.start == second.start or re.fullmatch(r"[-–/]", gap)
        as_adjective = adjective and _RELATIONSHIP_NOUN.match(text, second.end - offset)
        as_between = (
            between
            and re.fullmatch(r"\s+and\s+", gap)
            and re.search(
                r"\b(?:ties|relations|relationship)\s+between\s+(?:the\s+)?$",
                text[max(0, first.start - offset - 40) : first.start - offset],
                re.I,
            )
        )
        if as_adjective or as_between:
            pairs.append((first, second))
    return pairs


def hosts(clause: str, a: int, clause_mentions: list[Mention]) -> set[str]:
    """Countries the clause names only as the venue ("in Beijing") or the mediator."""
    named = [m for m in clause_mentions if m.kind == COUNTRY]
    hosting = [
        m
        for m in named
        if _MEDIATOR.search(clause[max(0, m.start - a - 60) : m.start - a])
        or (
            how_matched(m.text) == "capital"
            and re.search(r"\bin\s+$", clause[max(0, m.start - a - 4) : m.start - a])
        )
    ]
    return {m.key for m in hosting} - {m.key for m in named if m not in hosting}


_SOURCE_BEFORE = re.compile(
    r"\b(?:according\s+to|(?:statement|announcement|report)\s+(?:from|by|of))\s+(?:the\s+)?$",
    re.I,
)


# A place named as where something happened: "in Lima", "at the Chilean capital Santiago", and
# the demonym of "in the Chilean capital".
_VENUE_BEFORE = re.compile(
    r"\b(?:in|at)\s+(?:the\s+)?(?:(?:[\w'’-]+\s+){1,2}capital(?:\s+city)?,?\s+)?$", re.I
)


def not_parties(frame: Frame, clause: str, a: int, trigger, named: list[Mention]) -> list[Mention]:
    """Country mentions of the clause that name no party to its happening: a mediator or
    host of a deal between others, a capital named as the venue when two other parties
    are named, a country in commentary on the happening, the new partner of a switch."""
    out: list[Mention] = []
    for rule in _OUTSIDERS:
        out += [m for m in rule(frame, clause, a, trigger, named, out) if m not in out]
    return out


def _before(clause: str, a: int, m: Mention, width: int) -> str:
    return clause[max(0, m.start - a - width) : m.start - a]


def _mediators(frame, clause, a, trigger, named, out) -> list[Mention]:
    # A mediator or host takes part in talks, not in the deal it helped two others to.
    if frame.hosts_take_part:
        return []
    return [m for m in named if _MEDIATOR.search(_before(clause, a, m, 60))]


def _organisation_venues(frame, clause, a, trigger, named, out) -> list[Mention]:
    """ "At the summit held in the Peruvian capital Lima, Fiji was admitted ...": the venue
    of the admission is no party to it when the joining country is named too."""
    if not frame.needs_organisation:
        return []
    venues = [m for m in named if _VENUE_BEFORE.search(_before(clause, a, m, 60))]
    joiners = {m.key for m in named if m not in venues}
    return [m for m in venues if m.key not in joiners] if joiners else []


# The next item of a list of lands: "sovereignty over the X Islands (Y), Z and W".
_NEXT_LAND = re.compile(r"^\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?$")


def _disputed_land(frame, clause, a, trigger, named, out) -> list[Mention]:
    # "Chile's claim of sovereignty over Easter Island", "talks on the question of the X
    # Islands": the land in dispute, not a party; so is every land of the list it opens.
    disputed: list[Mention] = []
    for m in named:
        before = _before(clause, a, m, 40)
        if (
            _DISPUTED_LAND.search(before)
            or _TOPIC_BEFORE.search(before)
            or (disputed and _NEXT_LAND.match(clause[disputed[-1].end - a : m.start - a]))
        ):
            disputed.append(m)
    return disputed


# "signed Sunday in Hong Kong a joint communique", "agreed in Switzerland to": a place
# right after the verb is where the deal was made.
_VERB_IN = re.compile(
    r"\b[a-z]+ed\s+(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+)?"
    r"in\s+$"
)


# A capital named as the place: "in Beijing", or after the building of an address "at the
# Embassy of Peru, Addis Ababa".
_CAPITAL_VENUE = re.compile(r"(?:\b(?:in|at)|\bat\s+the\s+[^,;]{3,60},)\s+$")


def _address(clause: str, a: int, m: Mention, named: list[Mention]) -> bool:
    """ "held in Addis Ababa, Federal Republic of Ethiopia": the country of a capital named
    just before it, after a comma, completes the address of the venue."""
    return any(
        c.key == m.key
        and how_matched(c.text) == "capital"
        and 0 < m.start - c.end <= 40
        and re.fullmatch(
            r",\s+(?:the\s+)?(?:(?:[A-Z][\w'’-]*|of)\s+){0,5}", clause[c.end - a : m.start - a]
        )
        for c in named
    )


# "in New York, USA", "in Canberra, Australia": a city, then the country it lies in.
_CITY_COUNTRY_BEFORE = re.compile(
    r"\b(?:in|at)\s+(?P<city>(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w.'’-]*),\s+(?:the\s+)?$"
)


def _in_a_city_of(before: str, country: str) -> bool:
    """The country follows a city it lies in ("in New York, USA", "at Suva, Fiji"), not
    another country of a list ("in Burkina Faso, Mali and Niger")."""
    city = _CITY_COUNTRY_BEFORE.search(before)
    return bool(city) and lookup(city.group("city")) in ("", country)


def _deal_venues(frame, clause, a, trigger, named, out) -> list[Mention]:
    """ "Iran and Saudi Arabia agreed in Beijing to restore ties", "signed a communique in
    New York, USA": a place, not a party, when two others are named; "reopened its embassy
    in Riyadh" names the host."""
    if not frame.bilateral or re.search(r"embass", trigger.group(), re.I):
        return []
    venues = [
        m
        for m in named
        if (how_matched(m.text) == "capital" and _CAPITAL_VENUE.search(_before(clause, a, m, 80)))
        or _VERB_IN.search(_before(clause, a, m, 40))
        or _in_a_city_of(_before(clause, a, m, 60), m.key)
    ]
    venues += [m for m in named if m not in venues and venues and _address(clause, a, m, venues)]
    others = {m.key for m in named if m not in venues and m not in out}
    # "the two ambassadors signed the communique in Paris": the sides are the pair.
    two_sides = BOTH.search(clause[: trigger.start()]) is not None
    return [m for m in venues if m.key not in others] if len(others) >= 2 or two_sides else []


# "as agreed upon on 19 October 1989 in Lisbon", "the accord signed in 1990 in Lima": the
# capital where a deal was made, in any frame; a place, not a side.
_DEAL_MADE_IN = re.compile(
    r"\b(?:agreed(?:\s+upon)?|signed|concluded|reached|adopted|initial(?:l)?ed)\s+"
    r"(?:(?:on|in)\s+(?:\w+day|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},\s+\d{4}|\d{4})\s+)?"
    r"in\s+$"
)


def _deal_places(frame, clause, a, trigger, named, out) -> list[Mention]:
    if not BOTH.search(clause):
        return []  # only when the clause tells its sides as "the two"
    return [
        m
        for m in named
        if how_matched(m.text) == "capital" and _DEAL_MADE_IN.search(_before(clause, a, m, 60))
    ]


def _relationship_after(frame, clause, a, trigger, named, out) -> list[Mention]:
    """ "normalized relations are expected to contribute to new inter-Korean ties": a
    relationship of its own, named as a noun after the happening's trigger."""
    if not frame.relational:
        return []
    t_end = a + trigger.end()
    return [
        m
        for pair in named_relationships(named, clause, a, between=False)
        if pair[0].start >= t_end
        for m in pair
    ]


def _beside_named_relationship(frame, clause, a, trigger, named, out) -> list[Mention]:
    """ "restored relations between Chad and Sudan, at the appeal of Senegal, a statement
    from Dakar said": the relationship the trigger names is the happening's pair."""
    if not frame.relational:
        return []
    t_start, t_end = a + trigger.start(), a + trigger.end()
    for pair in named_relationships(named, clause, a):
        lead = clause[max(0, trigger.end()) : max(0, pair[0].start - a)]
        if pair[0].start >= t_start and (
            pair[1].end <= t_end or (len(lead) <= 45 and not re.search(r"[,;:()]", lead))
        ):
            return [m for m in named if m.key not in {pair[0].key, pair[1].key}]
    return []


@functools.cache
def _sent_away() -> tuple[re.Pattern[str], re.Pattern[str]]:
    w = words()
    noun = f"(?:{w['ENVOYS']}|{w['MISSION']})"
    return (
        re.compile(rf"\b{noun}\s+(?:of|from)\s+(?:the\s+)?$", re.I),
        re.compile(rf"(?:['’]s?)?\s+{noun}\b", re.I),
    )


@functools.cache
def _own_envoys() -> re.Pattern[str]:
    w = words()
    return re.compile(
        rf"\b(?:its|their|our)\s+(?:[\w-]+\s+){{0,3}}?(?:{w['ENVOYS']}|{w['MISSION']})", re.I
    )


def names_the_tellers_envoys(text: str, lo: int, hi: int) -> bool:
    """ "Norway said that Russia had expelled three of its diplomats": the envoys are the
    teller's, so the teller is the side acted on."""
    return _own_envoys().search(text, lo, hi) is not None


def holds_envoys(text: str, start: int, end: int) -> bool:
    """ "Cuban diplomats", "the embassy of Peru", "Chile's ambassador": the country names
    envoys or a mission, what an expulsion acts on, never the clause's acting subject."""
    before, after = _sent_away()
    return bool(before.search(text, max(0, start - 60), start) or after.match(text, end))


def _sources(frame, clause, a, trigger, named, out) -> list[Mention]:
    """ "..., Fiji said", "according to Senegal", "a statement from the Senegalese
    presidency said": who reports a deal between two others is not a party to it, nor
    to an act whose subject it names ("Honduras has been suspended ..., Canada said")."""
    if not (frame.bilateral or frame.reported_subject_acts):
        return []
    said = SAID_TAIL.search(clause, trigger.end())  # ", Fiji said." ends the clause
    sources = [
        m
        for m in named
        if m not in out
        and (
            (said is not None and m.start >= a + said.start())
            or _SOURCE_BEFORE.search(_before(clause, a, m, 40))
        )
    ]
    others = {m.key for m in named if m not in out and m not in sources}
    before = [
        m for m in named if m not in out and m not in sources and m.start < a + trigger.start()
    ]
    subject = (
        frame.reported_subject_acts
        and bool(before)
        and not holds_envoys(clause, before[0].start - a, before[0].end - a)
    )
    enough = len(others) >= 2 if frame.bilateral else False
    return [m for m in sources if m.key not in others] if enough or (subject and others) else []


# A circumstance set before the clause's subject: "Amid protests from China, Taiwan opened
# an office in Lithuania", "Despite sanctions imposed by China against Lithuania, ...".
# So is what it means for another state, told first: "In a diplomatic coup for Morocco,
# Senegal cut ties with Algeria" (Morocco gains; it is no side of the break).
_VERDICT = r"(?:blow|setback|snub|rebuff|victory|coup|win|boost|triumph)"
_LEAD_CIRCUMSTANCE = re.compile(
    r"^\W*(?:[A-Z][\w\[\] ]{0,40}?\s*:\s*)?(?:amid(?:st)?|despite|in\s+spite\s+of|notwithstanding|"
    r"in\s+the\s+(?:wake|face)\s+of"
    rf"|in\s+(?:an?|another)\s+(?:[\w-]+\s+){{0,2}}?{_VERDICT}\s+(?:to|for))\b[^,;]{{3,200}},",
    re.I,
)


def _lead_circumstance(frame, clause, a, trigger, named, out) -> list[Mention]:
    lead = _LEAD_CIRCUMSTANCE.match(clause)
    if lead is None or trigger.start() < lead.end():
        return []
    return [m for m in named if m.end - a <= lead.end()]


def _reporting_media(frame, clause, a, trigger, named, out) -> list[Mention]:
    return [m for m in named if names_an_outlet(clause, m.end - a)]


def _commentary(frame, clause, a, trigger, named, out) -> list[Mention]:
    commentary = _COMMENTARY.search(clause, trigger.end())
    return [m for m in named if m.start >= a + commentary.start()] if commentary else []


# An aside after the happening whose countries are no side of it: what it means for
# another state ("..., in a new blow to Taiwan", "dealing a setback to Japan") or how a
# third state sees a party (", considered a rebel province by China,"). It runs to the
# next comma or the end of the clause.
_ASIDE = re.compile(
    r"\b(?:in\s+(?:an?\s+|another\s+)(?:[\w-]+\s+){0,2}?|dealing\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?)"
    rf"{_VERDICT}\s+(?:to|for)\b[^,;]*"
    r"|,\s+(?:considered|regarded|seen|viewed|deemed|claimed)\s+(?:as\s+)?(?:an?\s+|the\s+|its\s+)?"
    r"[^,;]{0,60}?\bby\b[^,;]*",
    re.I,
)


def _asides(frame, clause, a, trigger, named, out) -> list[Mention]:
    spans = [m.span() for m in _ASIDE.finditer(clause, trigger.end())]
    return [m for m in named if any(a + s <= m.start < a + e for s, e in spans)]


def _switch(frame, clause, a, trigger, named, out) -> list[Mention]:
    """The new partner of a break told with a switch is no party to the break."""
    if not frame.breaks_relations:
        return []
    if re.match(r"(?i)(?:switch|shift|transfer|mov)\w*\b.*\bfrom\b", trigger.group()):
        # The trigger is the switch itself: "switching recognition from X | to Y".
        to = re.match(r"\s+to\b", clause[trigger.end() :])
        start = trigger.end() if to else None
    else:
        switch = _SWITCH.search(clause, trigger.end())
        start = switch.start() if switch else None
    if start is None:
        return []
    return [m for m in named if m.start >= a + start and m.start >= a + trigger.end()]


# "Taiwan's biggest remaining supporter, South Africa", "Peru, Chile's closest ally,": a
# possessive that describes another country named beside it.
_POSSESSIVE_NOUN = re.compile(r"^['’]s\s+(?:[\w-]+\s+){0,3}?[\w-]+,\s+$")
_APPOSED_BEFORE = re.compile(r",\s+$")


def _describing_possessive(frame, clause, a, trigger, named, out) -> list[Mention]:
    found = []
    for m, n in itertools.pairwise(named):
        if m.key == n.key:
            continue
        between = clause[m.end - a : n.start - a]
        if _POSSESSIVE_NOUN.match(between) and how_matched(n.text) != "demonym":
            # "X's supporter, Y": X describes Y ("X's membership, the Yan president
            # said": a demonym opens a phrase of its own, no apposition)
            found.append(m)
        elif _APPOSED_BEFORE.fullmatch(between) and re.match(
            r"['’]s\s+(?:[\w-]+\s+){0,3}?[\w-]+\s*(?:,|$)", clause[n.end - a :]
        ):
            found.append(n)  # "Y, X's ally,": X describes Y
    described = {m.key for m in named if m not in found}
    return [m for m in found if m.key not in described]


# Who urged or asked for it: "At U.S. urging, the OAS excluded Cuba", "at the request of
# Peru", "under Soviet pressure": an instigator, no party to the act.
_URGED_BEFORE = re.compile(
    r"\b(?:at\s+(?:the\s+)?(?:urging|request|behest|insistence|instigation)\s+of|"
    r"under\s+(?:heavy\s+|strong\s+)?pressure\s+from)\s+(?:the\s+)?$",
    re.I,
)
_URGED_AFTER = re.compile(
    r"(?:['’]s?)?\s+(?:urging|request|behest|insistence|instigation|pressure)\b", re.I
)


def _instigators(frame, clause, a, trigger, named, out) -> list[Mention]:
    found = [
        m
        for m in named
        if _URGED_BEFORE.search(_before(clause, a, m, 50))
        or (
            re.search(r"\b(?:at|under)\s+(?:the\s+)?$", _before(clause, a, m, 9), re.I)
            and _URGED_AFTER.match(clause, m.end - a)
        )
    ]
    others = {m.key for m in named if m not in found}
    return [m for m in found if m.key not in others]


# "to help negotiate the release of an American hiker": a private person's nationality,
# one person told by an indefinite article, names no party to the happening.
_PRIVATE_PERSON = re.compile(
    r"\s+(?:hiker|journalist|reporter|tourist|student|businessman|businesswoman|aid\s+worker|"
    r"worker|teacher|missionary|woman|man|national|citizen|academic|researcher|writer|activist|"
    r"blogger|climber|sailor|backpacker|scholar|priest|nun|engineer|doctor|nurse)\b"
)


def _private_persons(frame, clause, a, trigger, named, out) -> list[Mention]:
    return [
        m
        for m in named
        if how_matched(m.text) == "demonym"
        and re.search(r"\b(?:a|an)\s+$", _before(clause, a, m, 6))
        and _PRIVATE_PERSON.match(clause, m.end - a)
    ]


_OUTSIDERS = (
    _describing_possessive,
    _private_persons,
    _mediators,
    _instigators,
    _organisation_venues,
    _disputed_land,
    _deal_venues,
    _deal_places,
    _relationship_after,
    _beside_named_relationship,
    _sources,
    _lead_circumstance,
    _reporting_media,
    _commentary,
    _asides,
    _switch,
)


_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$")
_NOMINAL_TRIGGER = re.compile(r"(?i)[\w-]+(?:ion|ing|ance|ment|al)\b")


def subject_object(
    countries: list[str],
    mentions: list[Mention],
    trigger_start: int,
    trigger_end: int,
    text: str = "",
) -> list[str]:
    """Relations: the first country before the verb and the first after it make the pair
    ("Saudi Arabia, the UAE and Bahrain broke ties with Qatar" -> Saudi Arabia, Qatar)."""
    named = [m for m in mentions if m.kind == COUNTRY and m.key in countries]
    after_mentions = [m for m in named if m.start >= trigger_end]
    before = [m.key for m in named if m.end <= trigger_start]
    for first, second in itertools.pairwise(after_mentions):
        # "relations between Manila and Pyongyang": the pair is named after the verb;
        # "with Syria, North Korea's ally" is an apposition, and "Chile ... with Fiji,
        # Tonga and Samoa" a list of partners of the subject, not a pair.
        if (
            first.key != second.key
            and second.start - first.end <= 6
            and not re.match(r"['’]s\b", text[second.end : second.end + 3])
            and (
                not before
                or not text
                or re.search(
                    r"\bbetween\s+(?:the\s+)?$", text[max(0, first.start - 20) : first.start]
                )
            )
        ):
            return ordered_unique([first.key, second.key, *countries])
    after = [m.key for m in after_mentions]
    agents = [m for m in after_mentions if _BY_BEFORE.search(text[max(0, m.start - 9) : m.start])]
    if text and not before and agents and _NOMINAL_TRIGGER.match(text, trigger_start, trigger_end):
        # "the imposition of sanctions on Iran by the United States": who acts is after "by".
        return ordered_unique([agents[0].key, *countries])
    subjects = [m for m in named if m.end <= trigger_start]
    if (
        text
        and len(subjects) >= 2
        and subjects[0].key != subjects[1].key
        and re.fullmatch(r"\s+and\s+", text[subjects[0].end : subjects[1].start])
    ):
        # "Saudi Arabia and Iran agreed ... in a deal mediated by China": both are the subject.
        return ordered_unique([subjects[0].key, subjects[1].key, *countries])
    if before and after and after[0] != before[0]:
        return ordered_unique([before[0], after[0], *countries])
    return countries
