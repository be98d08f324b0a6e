"""The words of diplomacy used about something else: sport, business, science, tourism.

Users drop in whatever news they have, and much of it borrows the verbs the triggers
look for. National teams "meet" and "visit" ("the last time the two sides met at Euro
2012", "the visit of Ruritania next month"), firms "sign deals", probes "arrive in"
orbit, tourists make a country "the most visited". A candidate told of such actors is
no diplomatic happening; one with an official or a government taking part stays.

Vocabulary and patterns only: nothing here knows an article, a team or a company.
"""

from __future__ import annotations

import functools
import re

from .types import Sentence

# --- sport ------------------------------------------------------------------------

_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"  # "talks on 6-10 March"
_SPORT = re.compile(
    r"\bfriendlies\b"
    # "a friendly" as a match, never "friendly relations", "a friendly visit".
    r"|\b(?:a|the|an|international|this|that|their|another)\s+friendly\b"
    r"(?!\s+(?!(?:match|game|fixture|international|on|in|at|against|with|between|versus|"
    r"was|is|ended|finished|will|were|played)\b)[a-z])"
    r"|\bqualifiers?\b|\bqualifying\s+(?:match|game|campaign|group|round|cycle|stage|spot)"
    r"|\bWorld\s+Cup\b|\bEuro\s+(?:19|20)\d\d\b|\bCopa\s+Am[eé]rica\b|\bOlympic\s+Games\b"
    r"|\bOlympics\b|\bConfederations\s+Cup\b|\b(?:Nations|Champions|Premier|Europa)\s+League\b"
    r"|\b(?:Asian|Gold|Africa|African|Davis|Ryder|FA)\s+Cup\b|\bSix\s+Nations\b|\bGrand\s+Prix\b"
    r"|\b(?-i:FIFA|UEFA|CONMEBOL|CONCACAF)\b"
    r"|\b(?:the|a|this|that|their|its|home|away|next|last|first|opening|group|final)\s+"
    r"(?:match|matches|game|games)\b|\bmatchday\b"
    r"|\bfixtures?\b|\bkick-?off\b|\bstadium\b|\bsquads?\b|\bcoach(?:es|ed)?\b|\bhead-to-heads?\b"
    r"|\b(?:striker|midfielder|goalkeeper|centre-back|full-back|winger|playmaker)s?\b"
    r"|\bscor(?:ed|es|ing)\s+(?:a|the|his|her|their|two|three|twice|an?\s+\w+)\b|\bscoreline\b"
    r"|\b(?:own|opening|winning|late)\s+goal\b|\bgoalless\b|\bhat-?trick\b|\bclean\s+sheet\b"
    r"|\bpenalt(?:y|ies)\s+(?:kick|shoot|spot)|\bshoot-?out\b|\bhalf-?time\b|\bstoppage\s+time\b"
    r"|\b(?:semi|quarter)-?finals?\b|\bplay-?offs?\b|\breverse\s+fixture\b|\bgroup\s+[A-H]\b"
    r"|\btop\s+of\s+the\s+(?:group|table)\b|\bunbeaten\s+run\b|\bnational\s+(?:team|side|squad)\b"
    r"|\b(?:football|soccer|rugby|cricket|basketball|hockey|volleyball|handball|tennis)\b"
    r"|\b(?:gold|silver|bronze)\s+medal|\bmedal\s+table\b|\btournament\b|\bchampionships?\b"
    # A scoreline: "a 2-1 win", "beat X 3-0", never a span of days ("6-10 March").
    rf"|\b\d{{1,2}}-\d{{1,2}}\s+(?:win|victory|defeat|loss|draw|home|away|thrashing|drubbing|rout)\b"
    r"|\b(?:beat|beats|beating|won|win|wins|lost|lose|loses|drew|hammer\w*|thrash\w*|rout\w*|"
    r"defeat\w*|edged?|stun\w*)\b[^.;]{0,40}?\b\d{1,2}-\d{1,2}\b"
    rf"(?!\s*{_MONTHS}\b)",
    re.I,
)
# Sport borrows these types: teams meet, visit, play "talks"-free fixtures, attack, sign.
_SPORT_TYPES = {"meet", "visit", "negotiate", "sign_agreement"}
_SPORT_ATTACK = re.compile(r"\b(?:attack\w*|offensive|clashes|invasion|invad\w+)\b", re.I)


@functools.lru_cache(maxsize=4096)
def sport_sentence(text: str) -> bool:
    """The sentence speaks of a sports match, team or competition (cached: the article
    test and each candidate ask of the same sentence, and the pattern is slow to fail)."""
    return bool(_SPORT.search(text))


def sport_article(sentences: list[Sentence]) -> bool:
    """A sports report: at least two sentences, and a quarter of them, speak of sport."""
    hits = sum(1 for s in sentences if sport_sentence(s.text))
    return hits >= 2 and hits * 4 >= len(sentences)


# --- who takes part -------------------------------------------------------------------

_OFFICIAL = re.compile(
    r"\b(?:presidents?|president-elect|vice[-\s]presidents?|prime\s+minist(?:er|ers)|"
    r"prime\s+minster|premiers?|chancellors?|ministers?|ministr(?:y|ies)|secretar(?:y|ies)|"
    r"ambassadors?|envoys?|diplomats?|diplomatic|consuls?|kings?|queens?|emirs?|sultans?|"
    r"crown\s+prince|monarchs?|heads?\s+of\s+(?:state|government)|governments?|officials?|"
    r"delegations?|parliament\w*|lawmakers|senators?|foreign\s+office|state\s+department|"
    r"cabinet|authorities|administration|leaders?|summit|state\s+visit|embass(?:y|ies)|"
    r"(?-i:PM|FM))\b",
    re.I,
)
# Titles and nouns of a company's or a club's people, which are no state's officials.
_NOT_OFFICIAL = re.compile(
    r"\b(?:president|chairman|chairwoman|chief)\s+and\s+(?:CEO|chief\s+executive\w*)\b"
    r"|\b(?:CEO|chief\s+executive)\s+and\s+president\b"
    r"|\b(?:business|industry|corporate|company|club|team|league|tournament|airline|firm|"
    r"(?-i:FIFA|UEFA))\s+(?:leaders?|officials?|president|delegations?)\b",
    re.I,
)
_BUSINESS = re.compile(
    r"\b(?:CEOs?|chief\s+executives?|executives?|chairm[ae]n|chairwom[ae]n|bosses|boss|"
    r"founders?|co-founders?|business\s+(?:leaders?|people|executives)|businessm[ae]n|"
    r"businesswom[ae]n|businesspeople|entrepreneurs?|investors?|shareholders|customers|clients|"
    r"bankers|tycoons?|firms?|compan(?:y|ies)|carmakers?|automakers?|chipmakers?|drugmakers?|"
    r"(?:car|phone|chip|aircraft|plane)\s*makers?|manufacturers?|corporations?|conglomerates?|"
    r"airlines?|retailers?|insurers?|start-?ups?|subsidiar(?:y|ies)|(?-i:Inc|Corp|Ltd|LLC|PLC|"
    r"GmbH)|Motors?|Airways|Holdings)\b",
    re.I,
)
# Who or what travels without being a state: crowds, professions, craft, weather.
_NON_STATE = re.compile(
    r"\b(?:tourists?|visitors?|travell?ers?|holidaymakers|sightseers|fans|supporters|pilgrims|"
    r"students?|scientists?|researchers?|scholars|academics|astronauts?|cosmonauts?|athletes?|"
    r"artists?|musicians?|actress\w*|film-?makers?|singers?|climbers?|trekkers?|passengers?|"
    r"probes?|rovers?|satellites?|spacecraft|landers?|orbiters?|rockets?|capsules?|shipments?|"
    r"cargo|consignments?|hurricanes?|storms?|typhoons?|cyclones?|tornado\w*|floodwaters?|"
    r"virus\w*|outbreaks?)\b",
    re.I,
)
# "the most visited nations": tourism, not a visit.
_VISITED_ADJECTIVE = re.compile(r"\b(?:most|least|much|widely|frequently|heavily)[-\s]+$", re.I)


def _official(side: str) -> bool:
    return bool(_OFFICIAL.search(_NOT_OFFICIAL.sub(" ", side)))


def _business(side: str) -> bool:
    return bool(_BUSINESS.search(side)) and not _official(side)


def _subject(before: str) -> str:
    """The words just before the verb, back to the last comma: its subject, roughly."""
    part = re.split(r"[,;:]", before)[-1]
    return " ".join(part.split()[-10:])


_OBJECT_END = re.compile(
    r"\s(?:in|at|on|during|for|to|after|before|while|where|when|which|who|and\s+then)\s|[;.]"
)


def _counterpart(after: str) -> str:
    """Whom the verb names as the other side: "met (with) <them>", "signed a deal with <them>"."""
    rest = after.lstrip()
    if rest.lower().startswith("with "):
        rest = rest[5:]
    elif not rest[:1].isupper():
        return ""  # "met on the sidelines of ...": no one named as the other side
    end = _OBJECT_END.search(rest)
    return " ".join((rest[: end.start()] if end else rest).split()[:15])


def off_topic(
    type_code: str, clause: str, trigger: str, sentence_text: str, in_sport_article: bool
) -> bool:
    """True when the statement uses a diplomatic verb for a non-diplomatic happening."""
    at = clause.find(trigger) if trigger else -1
    if at < 0:
        at = clause.lower().find(trigger.lower()) if trigger else -1
    if at < 0:
        return False
    before, after = clause[:at], clause[at + len(trigger) :]
    # Sport: national teams named by their countries meet, visit, host and attack. A
    # minister at the match ("the president met the emir at the World Cup final") stays.
    sport_here = sport_sentence(sentence_text)
    if type_code in _SPORT_TYPES and (sport_here or in_sport_article) and not _official(clause):
        if type_code == "sign_agreement" and not sport_here:
            pass  # a signing in a sports article, told without sport, is left alone
        else:
            return True
    if type_code == "armed_conflict" and sport_here and _SPORT_ATTACK.search(trigger):
        return True  # "Brazil's attack", "an attacking midfielder"
    subject = _subject(before)
    if type_code in ("visit", "meet"):
        if type_code == "visit" and _VISITED_ADJECTIVE.search(before):
            return True
        if _NON_STATE.search(subject) and not _official(subject):
            return True  # "Indian scientists visited ...", "the probe arrived in ..."
    if type_code in ("visit", "meet", "negotiate", "sign_agreement"):
        # A company's people or a company on either side: business, not a state's act.
        if _business(subject):
            return True
        if type_code != "visit" and _business(_counterpart(after)):
            return True
    return False
