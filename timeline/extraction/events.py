"""Event candidates: one per statement of an action, typed and titled.

A sentence is cut into clauses ("X was overthrown in December | following an
attack by Y"); each clause with a trigger word becomes a candidate of one type
from the controlled vocabulary, dated by the date expression of its own clause
(never by a duration, never by the date of the report that carries it), with
the countries and actors it names. Clauses that only report ("the Ministry
announced on Friday that ...") lend their date as a fallback, nothing more.
Undated candidates are kept: clustering attaches them to the happening they
report, or drops them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import dataclass, field, replace

from . import offtopic
from .countries import country_name, how_matched
from .pubdate import dateline_end
from .types import COUNTRY, PERSON, ActorInfo, DateValue, EventCandidate, Mention, Sentence, Timex
from .vocabulary import EVENT_TYPES

__all__ = ["EVENT_TYPES", "CandidateDetail", "compatible", "extract_candidates", "make_title"]

# --- triggers -----------------------------------------------------------------

_W = r"(?:\W+\w+)"  # one more word, punctuation allowed in between
_REL = r"(?:diplomatic\s+|bilateral\s+|official\s+|formal\s+|full\s+|new\s+)*(?:relations|ties)\b"

# An embassy closed, suspended or shut: "closed its embassy", "the closure of the U.S. Embassy",
# "the embassy had been closed", "suspend its embassy operations", "shut down the embassy".
# A consulate too: "ordered Fiji to close its consulate general in Lima" lowers relations
# the same way (CAMEO 161), one post instead of the whole mission.
_MISSION = r"(?:embass(?:y|ies)|consulates?(?:[\s-]+general)?)\b"
_EMBASSY_CLOSED = (
    r"\b(?:clos(?:e|ed|es|ing)|shut(?:s|ting)?|shutter\w*|suspend\w*)(?:\s+down)?\s+"
    rf"(?:its|the|their|his|her)\s+(?:[\w.-]+\s+){{0,2}}?{_MISSION}"
    r"|\b(?:clos(?:ure|ing)|shut(?:ting|down)|suspension)\s+of\s+(?:the\s+|its\s+|their\s+)?"
    rf"(?:[\w.-]+\s+){{0,2}}{_MISSION}"
    rf"|\b{_MISSION}(?:\W+\w+){{0,4}}?\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+"
    r"(?:\w+ly\s+)?(?:closed|shut(?:\s+down)?|suspended)\b"
)

# The closing side only orders it: "told Fiji to close", "is requiring Chile to shut".
_ORDERED_TO = re.compile(
    r"\b(?:order\w*|told|tells?|telling|requir\w+|forc\w+|demand\w*|instruct\w*)\b"
    r"[^.;]{0,80}?\bto\s+$",
    re.I,
)

# (type, pattern), highest priority first: a clause gets the first type that matches.
_TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    (
        "criticise",
        re.compile(
            # A reaction to another side's step is the happening of the clause: "Fiji said it
            # regretted Peru's decision to expel its envoy" is Fiji's protest, not an expulsion.
            rf"\b(?:regrett?\w*|condemn\w*|denounc\w*|deplor\w*|criticis\w*|criticiz\w*|"
            rf"protest(?:ed|s|ing)?)\b{_W}{{0,8}}?\W+(?:decision|move|step|expulsion|closure|"
            rf"announcement)\b",
            re.I,
        ),
    ),
    (
        "intent",
        re.compile(
            # A decision to establish or restore relations; "decided to sever" is a break.
            rf"\b(?:(?:tentatively\s+|formally\s+|officially\s+)?(?:decided|decides|agreed|agrees|"
            rf"agree|approved|approves)(?:\s+on\s+\w+day)?\s+(?:to|on|in\s+principle\s+to)"
            rf"|(?:agreement|deal|accord)\s+to)"
            rf"\s+(?:\w+ly\s+)?(?:(?:establish|re-?establish|restor|resum|normali[sz]|re-?open|restart|"
            rf"forg|formali[sz]|upgrad)\w*\b{_W}{{0,6}}?\W+(?:{_REL}|embass\w+)|{_REL})"
            rf"|\breached\s+an?\s+(?:tentative\s+)?agreement\b{_W}{{0,8}}?\W+(?:{_REL}|establish\w*)",
            re.I,
        ),
    ),
    (
        "reduce_relations",
        re.compile(
            rf"\b(?:sever\w*|break|breaks|breaking|broke|broken|cut|cuts|cutting|suspend\w*|"
            rf"downgrad\w*|froze|freez\w+|end(?:ed|s|ing)?)\b{_W}{{0,4}}?\W+(?:{_REL}|relationship)"
            # Passive: "relations were severed in 2017", "ties had been cut off".
            rf"|\b(?:relations|ties)\b{_W}{{0,6}}?\W+(?:were|was|have\s+been|had\s+been|been)\s+"
            rf"(?:\w+ly\s+)?(?:severed|broken(?:\s+off)?|cut(?:\s+off)?|suspended|frozen)\b"
            # Intransitive: "diplomatic relations broke off in mid-May".
            rf"|\b(?:relations|ties)\b{_W}{{0,6}}?\W+(?:broke\s+(?:off|down)|collapsed|ruptured)\b"
            rf"|\b(?:boycott|blockade)s?\b[^.;,]{{0,80}}?\s(?:that|which)\s+(?:had\s+been|has\s+been|"
            rf"were|was)\s+(?:launched|imposed|started|begun|declared)\b"
            # Closing, suspending or shutting a whole embassy lowers relations (CAMEO 161);
            # sending individual diplomats home is expel_withdraw (166).
            rf"|{_EMBASSY_CLOSED}",
            re.I,
        ),
    ),
    (
        "establish_relations",
        re.compile(
            rf"\b(?:establish\w*|re-?establish\w*|formali[sz]\w*|normali[sz]\w*|restor\w*|resum\w*|"
            rf"forg(?:e|ed|es|ing)|form(?:ed|s|ing)?|set\s+up|open(?:ed|s|ing)?)\b"
            # "opens a new chapter in relations" is a figure of speech, not a founding.
            rf"(?!{_W}{{0,3}}?\W+(?:chapter|page|era|phase|door|way)\b){_W}{{0,5}}?\W+{_REL}"
            rf"|\b(?:relations|ties)\b{_W}{{0,6}}?\W+(?:were|was|have\s+been|had\s+been|been)\s+"
            rf"(?:officially\s+|formally\s+|fully\s+)?(?:established|re-?established|restored|"
            rf"resumed|formali[sz]ed|normali[sz]ed)\b"
            rf"|\bestablished\s+(?:relations|ties)"
            # Raising a mission to an embassy or a chargé to an ambassador (the mirror of a
            # downgrade): "is upgrading its diplomatic representation in Fiji to ambassador".
            rf"|\b(?:upgrad|elevat)(?:e|ed|es|ing)\b{_W}{{0,4}}?\W+(?:diplomatic\s+)?"
            rf"(?:representation|missions?|relations|ties|legations?)\b"
            rf"(?=[^.;]{{0,100}}?\b(?:ambassador\w*|embass(?:y|ies))\b)"
            rf"|\b(?:relations|ties|representation|missions?|legations?)\b{_W}{{0,6}}?\s+(?:was|were|has\s+been|"
            rf"have\s+been|had\s+been)\s+(?:upgraded|elevated|raised)\s+to\s+(?:the\s+)?"
            rf"(?:level\s+of\s+(?:an\s+)?)?(?:ambassador\w*|embass(?:y|ies))"
            rf"|\b(?:re-?open\w*|restart\w*)\b{_W}{{0,3}}?\W+embass(?:y|ies)"
            # "opened its embassy (in X)": a first mission, not a building's opening hours.
            rf"|\bopen(?:ed|s|ing)?\s+(?:an|its|their|his|her)\s+(?:first\s+|new\s+)?embass(?:y|ies)\b"
            # The embassy as the subject: "the British embassy in Iran re-opened in Tehran".
            rf"|\bembass(?:y|ies)\b{_W}{{0,4}}?\W+(?:(?:was|were|has\s+been|have\s+been)\s+)?"
            rf"(?:\w+ly\s+)?(?:also\s+)?re-?opened\b"
            # An envoy sent back to the post (the mirror of a recall): "ordered that its
            # ambassador return to Fiji", "would be returning to her post in Suva", "sent
            # its envoy back to Lima"; going home "for consultations" is a recall.
            rf"|\b(?:ambassador|envoy)s?\b[^.;]{{0,60}}?\b(?:return(?:s|ed|ing)?|go(?:es|ing)?\s+back|"
            rf"went\s+back)\s+to\s+(?:(?:her|his|their|its)\s+(?:post|posts|duties)\b|(?-i:[A-Z]))"
            rf"(?![^.;]{{0,60}}\bfor\s+consultations?\b)"
            rf"|\b(?:sen[dt]s?|sending|order\w*)\s+(?:its|their|his|her|the)\s+(?:[\w-]+\s+){{0,2}}?"
            rf"(?:ambassador|envoy)s?\s+back\s+to\s+(?:(?-i:[A-Z])|(?:her|his|their|its)\s+post)",
            re.I,
        ),
    ),
    # The bare infinitive only after a ranking that reports a fact ("the first country to
    # recognise Fiji"); see _RANKED_TO.
    ("recognise", re.compile(r"\brecogni[sz](?:ed|es|ing|e)\b", re.I)),
    (
        "sign_agreement",
        re.compile(
            rf"\b(?:sign(?:ed|s|ing)?|ink(?:ed|s)?)\b{_W}{{0,5}}?\W+(?:agreement|accord|treaty|deal|"
            rf"memorandum|MoU|pact|declaration|statement|protocol|contract|communiqu\w+)"
            rf"|\b(?:agreements?|accords?|treat(?:y|ies)|communiqu\w+|declarations?|memorand\w+)\s+"
            rf"(?:was|were|has\s+been|have\s+been)\s+signed"
            # An earlier agreement told by a pronoun: "the new accords, together with the one
            # signed in May on visas, ..." is a signing of its own.
            rf"|\b(?:agreements?|accords?|deals?|treat(?:y|ies)|memorand\w+|MoUs?)\b[^.;]{{0,60}}?"
            rf"\bthe\s+(?:one|ones|earlier\s+one|previous\s+one)\s+(?:that\s+was\s+|which\s+was\s+)?"
            rf"signed\b"
            rf"|\b(?:released|issued|published)\s+a\s+(?:joint|trilateral|three-party)\s+"
            rf"(?:communiqu\w+|statement|declaration)"
            # "the deal that Iran struck with ...", "the recently-reached nuclear deal".
            rf"|\b(?:struck|reached|clinched|sealed)\b{_W}{{0,3}}?\W+(?:deal|accord|treaty|pact)\b"
            rf"|\b(?:deal|accord|treaty|pact|agreement)\s+(?:that|which)\b{_W}{{0,5}}?\W+"
            rf"(?:struck|reached|clinched|sealed)\b",
            re.I,
        ),
    ),
    (
        "join_organisation",
        re.compile(
            r"\b(?:join(?:ed|s|ing)?|admitted\s+(?:to|into)|accession\s+to|accepted\s+(?:in)?to"
            # "was accepted as the 11th member", "became its newest member state".
            r"|(?:admitted|accepted)\s+as\s+(?:a|an|the|its)\s+(?:[\w-]+\s+){0,2}?member"
            r"|became\s+(?:a|an|the|its)\s+(?:[\w-]+\s+){0,2}?member)\b",
            re.I,
        ),
    ),
    (
        "regime_change",
        re.compile(
            r"\b(?:overthr(?:ew|own|ow|ows|owing)|overthrow\w*|oust\w*|toppl\w+|depos(?:ed|es|ing)|"
            r"seiz\w+\s+power|took\s+power|assumed\s+power|came\s+to\s+power|coup|fall\s+of|"
            r"(?:regime|government|dictatorship|capital)\s+(?:fell|collapsed)|collapse\s+of|"
            r"(?:regime|government)['’]s\s+(?:fall|ousting|collapse)|['’]s\s+fall)\b",
            re.I,
        ),
    ),
    (
        "armed_conflict",
        re.compile(
            r"\b(?:civil\s+war|war|wars|offensive|attack\w*|invasion|invad\w+|air\s*strikes?|bombing|"
            r"clashes|hostilities|uprising|insurgency)\b",
            re.I,
        ),
    ),
    (
        "provide_aid",
        re.compile(
            rf"\b(?:provid\w+|send|sent|sends|deliver\w*|donat\w+|pledg\w+|offer\w*|grant\w*)\b{_W}{{0,6}}?"
            rf"\W+(?:aid|assistance|humanitarian|goods|supplies|relief|funds|funding|loans?|grants?)\b",
            re.I,
        ),
    ),
    (
        "ease_sanctions",
        re.compile(
            rf"\b(?:eas\w+|lift\w*|remov\w+|suspend\w*|waiv\w+|alleviat\w+|relax\w*|end(?:ed|s|ing)?)\b"
            rf"{_W}{{0,4}}?\W+(?:sanctions|restrictions|embargo|bounty|boycotts?|blockade)\b",
            re.I,
        ),
    ),
    (
        "impose_sanctions",
        re.compile(
            rf"\b(?:impos\w+|slap\w*|tighten\w*|extend\w*)\b{_W}{{0,4}}?\W+(?:sanctions|restrictions|"
            rf"embargo)\b",
            re.I,
        ),
    ),
    (
        "expel_withdraw",
        re.compile(
            # Diplomats leaving: "withdrawing from the Middle East" is not one.
            rf"\b(?:expel\w*|expuls\w+|evacuat\w+|withdr[ae]w\w*|recall\w*|order\w*\s+out){_W}{{0,4}}?\W+"
            rf"(?:diplomats?|ambassadors?|envoys?|embassy|staff|personnel|charg[eé])\b"
            rf"|\b(?:diplomats?|ambassadors?|envoys?|embassy\s+staff)\b{_W}{{0,6}}?\W+"
            rf"(?:fled|left|evacuated|withdr[ae]w\w*|(?:(?:was|were|has|have|had)\s+been|was|were)\s+"
            rf"(?:expelled|recalled|withdrawn))\b"
            # "ordered the ambassador of X to leave", "gave Ambassador Y 48 hours to leave".
            rf"|\b(?:order\w*|told|ask\w*|call\w*\s+on|gave|give[sn]?)\b[^.;]{{0,80}}?"
            rf"\b(?:ambassador|envoy|diplomats?|charg[eé])\b[^.;]{{0,80}}?\bto\s+leave\b"
            rf"|\bexpel\w*\s+(?:him|her|them)\b"
            # The order told again by its name: "the letter stated that the expulsion
            # decision is final".
            rf"|\bthe\s+expulsion\s+(?:decision|order)\b"
            # A cap on another side's mission sends its diplomats home: "ordered Fiji to cut its
            # diplomatic staff in Peru to 40", "reduce the number of diplomats".
            rf"|\b(?:cut|cuts|cutting|reduc\w+|slash\w*|downsiz\w+|shrink\w*|scal\w+\s+back)\b"
            rf"{_W}{{0,4}}?\W+(?:(?:the\s+)?number\s+of\s+)?(?:diplomatic\b[^.;]{{0,30}}?\b"
            rf"(?:staff|personnel|mission)|diplomats|embassy\s+staff)\b"
            # "declared the ambassador persona non grata": told to leave (Vienna Convention art. 9).
            rf"|\bpersona\s+non\s+grata\b"
            # A recall told as bringing one's own envoy home: "ordered its ambassador home".
            rf"|\b(?:order\w*|call\w*|summon\w*|br(?:ing|ings|inging|ought))\s+(?:its|their|his|her|"
            rf"the|our)\s+(?:[\w-]+\s+){{0,2}}?(?:ambassadors?|envoys?|diplomats?)\s+(?:back\s+)?home\b",
            re.I,
        ),
    ),
    (
        "visit",
        re.compile(
            r"\b(?:visit(?:ed|s|ing)?|paid\s+a\s+visit|trav[e]?ll?ed\s+to|arriv\w+\s+in|trip\s+to|"
            r"flew\s+to|went\s+to|sent\s+a\s+(?:\w+\s+){0,2}delegation)\b",
            re.I,
        ),
    ),
    (
        "meet",
        re.compile(
            r"\b(?:met|meets|meeting|meet|talks|summit|held\s+(?:a\s+)?(?:bilateral\s+)?(?:meeting|talks)"
            r"|present(?:ed|s|ing)?\s+(?:his|her|their)\s+credentials"
            r"|joint\s+(?:press|news)\s+conference|their\s+talk"
            # A call between leaders is talks held at a distance (CAMEO 041).
            r"|(?:tele)?phone\s+(?:call|conversation|talks)"
            r"|sp(?:oke|eaks?|eaking)\s+(?:by\s+(?:tele)?phone\s+)?(?:to|with)\s+(?:[\w'’.-]+\s+){0,3}?"
            r"(?:counterpart|president|king|queen|emir|sultan|prime\s+minister|premier|chancellor|"
            r"crown\s+prince|foreign\s+minister|leader))\b",
            re.I,
        ),
    ),
    ("negotiate", re.compile(r"\bnegotiat\w+\b", re.I)),
    ("announce", re.compile(r"\b(?:announc\w+|declar(?:ed|es)|unveil\w*)\b", re.I)),
]
TRIGGER_PRIORITY = {t: i for i, (t, _) in enumerate(_TRIGGERS)}
# "Peru became the first country to recognise Fiji", "the fourth nation this year to
# recognise it": a ranking tells the recognition as done. Elsewhere a bare "recognise" is
# a wish, a plan or a call ("urged Chile to recognise", "plans to recognise").
_RANKED_TO = re.compile(
    r"\b(?:became|becomes|becoming|was|were|is|are|being|has\s+been|had\s+been|remains|remained)"
    r"\s+(?:the|one\s+of\s+the)\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|"
    r"\w+teenth|\w+tieth|last|latest|only|earliest)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:(?:this|that|last)\s+(?:year|month|week)\s+)?to\s+$",
    re.I,
)
_TRIGGER_PRIORITY = TRIGGER_PRIORITY

# Types that tell the same kind of happening: merged when facts agree.
_GROUPS = [
    # An agreement to establish relations signed and announced on one day is one happening.
    {"establish_relations", "recognise", "sign_agreement", "intent", "announce"},
    {"visit", "meet", "negotiate"},
    {"regime_change", "armed_conflict"},
    # Ending a boycott and resuming relations, told of one day: one reconciliation.
    {"ease_sanctions", "establish_relations", "intent"},
]
# Types a sentence inherits a date for from the visit it belongs to.
_INHERITS_DATE = {"visit", "meet", "negotiate"}
# A happening of these types between the same countries happens once: sources
# disagreeing on its year are a conflict, not two events.
# Relations between two countries: the pair names the happening.
PAIR_TYPES = {"establish_relations", "recognise", "reduce_relations"}
_ONCE_PER_PAIR = {
    "establish_relations",
    "recognise",
    "reduce_relations",
    "join_organisation",
    "regime_change",
}


def compatible(a: str, b: str) -> bool:
    return a == b or any(a in g and b in g for g in _GROUPS)


def once_per_pair(type_code: str) -> bool:
    return type_code in _ONCE_PER_PAIR


_ANNOUNCED_THAT = re.compile(
    r"\b(?:announced|declared|agreed|decided|confirmed)\b[^.;\"“]{0,120}\bthat\s+"
    r"(?:[\w-]+\s+){0,4}?would\s+(?:\w+ly\s+)?$",
    re.I,
)

# --- clauses --------------------------------------------------------------------

_CLAUSE_BREAK = re.compile(
    r";\s+|\s+[—–]\s+|,\s+(?=(?:following|when|while|thus|but|whereas|although|though|with|"
    r"however|where|after|before|as\s+well\s+as|and\s+then)\b)"
    r"|\s+(?=(?:after|following|before)\s+(?!which\b|whom\b)\w)"
    # "X recognised Y in 1973 and then opened its embassy a year later": two actions.
    r"|\s+(?=and\s+then\s+[a-z]+ed\b)"
)
# Non-restrictive relative clauses: ", who has had close ties with X for years,".
# ", which was held in early 2021" tells the date of the noun before it: not a hole.
_RELATIVE = re.compile(
    r",\s+(?:who|which|whose)\b(?!\s+(?:was|were)\s+(?:held|signed|launched|reached|adopted|"
    r"concluded|opened)\b|\s+took\s+place\b)[^,;]*(?:,|$)"
)
_RELATIONS_RELATIVE = re.compile(
    r"\b(?:relations|ties)\b(?P<rel>,?\s+(?:that|which)\s+(?:had\s+been|have\s+been|has\s+been|"
    r"were|was)\s+(?:\w+ly\s+)?(?:severed|broken|cut|suspended|frozen|downgraded|established|"
    r"restored|resumed|normali[sz]ed)\b[^,;]*)",
    re.I,
)
# "ended a boycott of X which was launched in June 2017": the boycott began then.
_BOYCOTT_RELATIVE = re.compile(
    r"\b(?:boycott|blockade)s?\b[^.;,]{0,80}?(?P<rel>,?\s+(?:that|which)\s+(?:had\s+been|"
    r"has\s+been|were|was)\s+(?:launched|imposed|started|begun|declared)\b[^,;]*)",
    re.I,
)
_LEADING_SUBORDINATE = re.compile(
    # "Hours after Peru expelled Chile's envoy, Chile ...": the time before "after" too.
    r"^(?:(?:Hours|Minutes|Days|Weeks|Moments|Shortly|Soon|Just|Only)\s+(?:after|before)|"
    r"When|After|Following|Since|Although|Though|Despite|Before|While|As|Once|With|Including)"
    r"\b[^,]{3,160},\s+"
)
# A leading "After Peru expelled Chile's envoy, ..." tells an earlier happening than the
# main clause: the report's date is not its date.
_EARLIER_LEAD = re.compile(r"^(?:\w+\s+)?(?:after|following|since)\b", re.I)
_REPORT_FRAME = re.compile(
    r"\b(?:announced|said|says|confirmed|stated|reported|told|noted|revealed|disclosed|added)\b"
    r"(?P<tail>[^\"“]{0,40}?)\bthat\b",
    re.I,
)
_ACCORDING = re.compile(r"^(?:According\s+to\s+[^,]{2,120}),\s+", re.I)
_SAID_TAIL = re.compile(
    r",?\s+(?:[^,]{0,80}?\s)?(?:said|says|announced|confirmed|told\s+\w+|reported)\b[^,.]{0,40}[.\s]*$",
    re.I,
)
_IRREALIS = re.compile(
    r"\b(?:attempt\w*|tried|try|trying|desir\w+|wish\w*|refus\w+|declin\w+\s+to|fail\w*\s+to|seek\w*|sought|hop(?:e|es|ed|ing)|interest\s+in|willing\w*|"
    r"ready\s+to|aim\w*\s+to|opportunit\w+|efforts?|would|could|might|(?-i:may)|if|whether|consider(?:s|ing)?\s+(?:to|whether|\w+ing)|"
    r"discuss\w*|explore|pursu\w+|procedures?|policy\s+of|conditions\s+were\s+set|prospects?|"
    r"possib\w+|potential|not|never|no\s+longer|without|yet\s+to|began\s+to|begin\s+to)\b",
    re.I,
)
_PLANNED = re.compile(
    r"\b(?:will|shall|plans?\s+to|planning\s+to|planned|is\s+expected|are\s+expected|is\s+set\s+to|"
    r"is\s+to|are\s+to|intends?\s+to|scheduled|upcoming|soon|next\s+(?:week|month|year)|"
    r"to\s+be\s+(?:held|signed|opened|launched))\b",
    re.I,
)
_BOILERPLATE = re.compile(
    r"\b(?:Visited\s+\d+\s+times|visit\(s\)|Close\s+Search|Read\s+more|More\s+posts|Share\s+this|"
    r"Subscribe|Copyright|All\s+rights\s+reserved|Click\s+here|Sign\s+up|Related\s+articles?)\b",
    re.I,
)
# "Peru, a long-time ally of Venezuela", "Venezuela's brother nation Bolivia":
# a country named only to describe another one.
_EPITHET_BEFORE = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}(?:of|to|with)\s+$")
# Only a noun for a state or a partner ends an epithet: in "Chile's president visited
# Fiji" Chile is the visitor's country, a party.
_EPITHET_AFTER = re.compile(
    r"^['’]s\s+(?:[\w-]+\s+){0,3}(?:nation|country|state|republic|kingdom|island|ally|allies|"
    r"partner|friend|neighbou?r|rival|enemy|foe|backer|patron|client|satellite|protector)"
    r"[”\"’']?\s+$",
    re.I,
)
_COUNT = re.compile(
    r"\b(\d{2,3})(?:st|nd|rd|th)?\s+(?:(?:UN|U\.N\.|United\s+Nations)\s+)?(?:member\s+)?"
    r"(?:countries|country|states|nations|member\s+states|diplomatic\s+partner|partner|"
    r"country\s+with\s+which)\b",
    re.I,
)


@dataclass
class CandidateDetail:
    """A candidate with what clustering and dating need beyond the contract."""

    candidate: EventCandidate
    timex: Timex | None  # the expression that dates it
    report_timex: Timex | None = None  # the date of the report carrying it
    clause: tuple[int, int] = (0, 0)
    countries_in_order: list[str] = field(default_factory=list)
    place: str = ""  # a capital named as the place ("visits Hanoi")
    object_text: str = ""  # "joint statement", "humanitarian aid", "Middle East war", ...
    agent: str = ""  # actor key of who acted, when told ("JAN overthrows ...")
    target: str = ""  # actor key, or a phrase ("the Hakim regime"), of whom it was done to
    joint: bool = False  # "X and Y agreed": both countries are the subject
    subject_missing: bool = False  # "The kingdom broke off ties with Iran": no country as subject
    occasion: str = ""  # a named meeting the sentence ties it to ("the Lima summit"), lowercased


def _clauses(sentence: Sentence) -> list[tuple[int, int]]:
    text = sentence.text
    cuts = [0]
    lead = _LEADING_SUBORDINATE.match(text)
    if lead:
        cuts.append(lead.end())
    for match in _CLAUSE_BREAK.finditer(text):
        cuts.append(match.end())
    cuts = [*sorted(set(cuts)), len(text)]
    out = []
    for a, b in itertools.pairwise(cuts):
        if text[a:b].strip():
            out.append((sentence.start + a, sentence.start + b))
    return out


def _irrealis_scope(before_trigger: str, a: int, clause_mentions: list[Mention]) -> str:
    """The words that can make a trigger unreal. A ranked recognition ("the economic
    opportunity grew since Peru became the first country to recognise Fiji") is only
    hedged from its subject on: "Fiji hoped to be the first ..." never ranks."""
    ranked = _RANKED_TO.search(before_trigger)
    if not ranked or not before_trigger.endswith(ranked.group()):
        return before_trigger
    subjects = [m for m in clause_mentions if m.kind == COUNTRY and m.end - a <= ranked.start()]
    return before_trigger[subjects[-1].start - a :] if subjects else before_trigger


# "Peru was expelling Chile's Ana Torres", "expelled Chile's top intelligence official Ana
# Torres": an expulsion told by the person expelled ...
_EXPEL_NAMED = re.compile(
    r"\bexpel(?:s|led|ling)?\s+(?:the\s+)?(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*['’]s\s+)?"
    r"(?:[\w-]+\s+){0,4}?$"
)
# ... whom the sentence calls a diplomat or an official of a state.
_ENVOY_ROLE = re.compile(
    r"\b(?:diplomat\w*|ambassador|envoy|consul\w*|attach[eé]|charg[eé]|official|officer|agent|"
    r"intelligence|embassy|mission|station\s+chief)\b",
    re.I,
)


def _expelled_person(clause: str, a: int, mentions: list[Mention], sentence: str):
    """The expulsion of a named envoy, as a match over the clause from "expel" to the name."""
    if not _ENVOY_ROLE.search(sentence):
        return None
    for m in mentions:
        if m.kind != PERSON or not a <= m.start:
            continue
        lead = _EXPEL_NAMED.search(clause[: m.start - a])
        if lead and not re.search(r"[,;:]", lead.group()):
            return re.compile(re.escape(clause[lead.start() : m.end - a])).search(
                clause, lead.start()
            )
    return None


def _within(items, a: int, b: int):
    return [x for x in items if x.start >= a and x.end <= b]


# "had been closed since 2011": the state began with the closing, in 2011.
_CHANGED_SINCE = re.compile(
    r"\b(?:closed|shut|severed|broken(?:\s+off)?|cut(?:\s+off)?|suspended|frozen)\s+since\b", re.I
)


def _event_date_timexes(timexes: list[Timex], text: str) -> list[Timex]:
    usable = []
    for t in timexes:
        if t.kind != "date":
            continue
        lead = text[max(0, t.start - 8) : t.start].lower()
        if re.search(
            r"[A-Z][\w-]+(?:\s+of|,)\s+$", text[max(0, t.start - 40) : t.start]
        ) and re.fullmatch(r"\d{4}", t.text):
            continue  # "the Vienna Convention on Diplomatic Relations of 1961": part of a name
        if (
            t.role in ("since", "until")
            or t.text.lower().startswith(("since", "until"))
            or re.search(r"\b(?:since|until)\s*$", lead)
        ) and not _CHANGED_SINCE.search(text[max(0, t.start - 40) : t.start + 6]):
            continue
        usable.append(t)
    return usable


def extract_candidates(
    text: str,
    sentences: list[Sentence],
    timexes: list[Timex],
    mentions: list[Mention],
    actors: list[ActorInfo],
    published: dt.date | None = None,
) -> list[CandidateDetail]:
    """Every candidate of the article, in text order."""
    actor_by_key = {a.key: a for a in actors}
    article_pair = _article_pair(mentions)
    out: list[CandidateDetail] = []
    timexes_between, mentions_between = _starting_between(timexes), _starting_between(mentions)
    # Candidates by sentence, filled as ``out`` grows (it only grows here): scanning all
    # of ``out`` for every sentence is quadratic in a long article.
    told: dict[int, list[CandidateDetail]] = {}
    counted = 0

    def told_in(index: int) -> list[CandidateDetail]:
        nonlocal counted
        for detail in out[counted:]:
            told.setdefault(detail.candidate.sentence, []).append(detail)
        counted = len(out)
        return told.get(index, [])

    for sentence in sentences:
        # A dateline opening the sentence is where and when the report was filed.
        lead = sentence.start + (dateline_end(sentence.text) if sentence.index < 3 else 0)
        sent_timexes = timexes_between(lead, sentence.end)
        sent_mentions = mentions_between(lead, sentence.end)
        frame_end, report_timex = _report_frame(text, sentence, sent_timexes)
        frame_countries = [m.key for m in sent_mentions if m.kind == COUNTRY and m.end <= frame_end]
        holes = [
            (sentence.start + m.start(), sentence.start + m.end())
            for m in _RELATIVE.finditer(sentence.text)
        ]
        # "restore ties that were cut in 2016": the relative clause tells another happening.
        noun_at: dict[int, int] = {}
        relatives = [
            *_RELATIONS_RELATIVE.finditer(sentence.text),
            *_BOYCOTT_RELATIVE.finditer(sentence.text),
        ]
        for m in relatives:
            start = sentence.start + m.start("rel")
            end = sentence.start + m.end("rel")
            inside = [h for h in holes if h[0] <= start < h[1] or start <= h[0] < end]
            if not inside:
                holes.append((start, end))
            noun_at[inside[0][0] if inside else start] = sentence.start + m.start()
        host_text = text
        if holes:
            chars = list(text[sentence.start : sentence.end])
            for ha, hb in holes:
                chars[ha - sentence.start : hb - sentence.start] = " " * (hb - ha)
            host_text = text[: sentence.start] + "".join(chars) + text[sentence.end :]

        def outside(items, holes=holes):
            return [x for x in items if not any(ha <= x.start < hb for ha, hb in holes)]

        occasion = _at_occasion(
            text,
            sentence,
            [t for t in outside(sent_timexes) if not _in_frame(t, report_timex)],
            told_in(sentence.index - 1),  # all it reads of the candidates so far
        )
        if occasion is not None:
            out.append(occasion)
            continue
        previous: CandidateDetail | None = None
        prev_span = (sentence.start, sentence.start)
        lead_match = _LEADING_SUBORDINATE.match(sentence.text)
        earlier_end = (
            sentence.start + lead_match.end()
            if lead_match and _EARLIER_LEAD.match(sentence.text)
            else None
        )
        for a, b in _clauses(sentence):
            a = max(a, frame_end) if frame_end < b else a
            detail = _clause_candidate(
                host_text,
                sentence,
                a,
                b,
                outside(sent_timexes),
                outside(sent_mentions),
                actor_by_key,
                report_timex,
                previous,
                published,
                frame_countries=frame_countries if a == frame_end else [],
                prev_span=prev_span,
                article_pair=article_pair,
            )
            prev_span = (a, b)
            if b == earlier_end:
                detail = [replace(d, report_timex=None) for d in detail]
            if detail:
                out.extend(detail)
                previous = detail[-1]
        for ha, hb in holes:
            if ha in noun_at:
                # The relations named just before the pronoun, between the host's countries.
                host = _ordered_unique(
                    m.key
                    for m in sent_mentions
                    if m.kind == COUNTRY and not any(x <= m.start < y for x, y in holes)
                )
                out.extend(
                    _clause_candidate(
                        text,
                        sentence,
                        noun_at[ha],
                        hb,
                        [t for t in sent_timexes if ha <= t.start < hb],
                        [x for x in sent_mentions if ha <= x.start < hb],
                        actor_by_key,
                        None,
                        None,
                        published,
                        frame_countries=host[:2],
                    )
                )
                continue
            inner = [x for x in sent_mentions if ha <= x.start < hb]
            # "Lee In Ho, who arrived ...": the person before the comma is the subject; so is
            # a country named as such ("Syria, which fought against Israel in 1967").
            antecedent = [
                x
                for x in sent_mentions
                if 0 <= ha - x.end <= 2 and (x.kind != COUNTRY or how_matched(x.text) == "name")
            ]
            inner = antecedent + inner
            out.extend(
                _clause_candidate(
                    text,
                    sentence,
                    antecedent[0].start if antecedent else ha,
                    hb,
                    [t for t in sent_timexes if ha <= t.start < hb],
                    inner,
                    actor_by_key,
                    None,
                    None,
                    published,
                )
            )
        if not told_in(sentence.index):
            consequence = _consequence(sentence, sent_mentions, out)
            if consequence is not None:
                out.append(consequence)
    out.sort(key=lambda d: (d.candidate.sentence, d.clause))
    out = _on_topic(out, text, sentences)
    _the_embassy_told_before(out, mentions, actor_by_key)
    _the_order_told_before(out, actor_by_key)
    return _name_announcements(out, sentences, actor_by_key)


_NAMED_AGAIN = re.compile(r"(?i)the\s+expulsion\s+(?:decision|order)")


def _the_order_told_before(
    details: list[CandidateDetail], actor_by_key: dict[str, ActorInfo]
) -> None:
    """ "The letter stated that the expulsion decision is final": the order is the one
    told before, between its countries ("Peru ordered police to expel Fiji's envoy")."""
    for i, detail in enumerate(details):
        cand = detail.candidate
        if not _NAMED_AGAIN.fullmatch(cand.trigger) or len(cand.countries) >= 2:
            continue
        earlier = [
            d
            for d in details[:i]
            if d.candidate.type == cand.type
            and len(d.candidate.countries) >= 2
            and set(cand.countries) <= set(d.candidate.countries[:2])
        ]
        if earlier:
            pair = earlier[-1].candidate.countries[:2]
            cand.countries = _ordered_unique([*pair, *cand.countries])
            detail.countries_in_order[:] = _ordered_unique([*pair, *detail.countries_in_order])
            cand.title = title_for(detail, actor_by_key)


def _on_topic(
    details: list[CandidateDetail], text: str, sentences: list[Sentence]
) -> list[CandidateDetail]:
    """Drop statements using diplomatic verbs for sport, business, science or tourism."""
    sport = offtopic.sport_article(sentences)
    by_index = {s.index: s for s in sentences}
    kept = []
    for d in details:
        sentence = by_index.get(d.candidate.sentence)
        a, b = d.clause
        if (
            sentence is not None
            and b > a
            and offtopic.off_topic(
                d.candidate.type, text[a:b], d.candidate.trigger, sentence.text, sport
            )
        ):
            continue
        kept.append(d)
    return kept


def _the_embassy_told_before(
    details: list[CandidateDetail], mentions: list[Mention], actor_by_key: dict[str, ActorInfo]
) -> None:
    """An embassy closed or reopened with no country in its clause ("The embassy had been
    closed since 2011"): the embassy last told of is whose it is, and where."""
    country_starts = sorted(m.start for m in mentions if m.kind == COUNTRY)
    last: CandidateDetail | None = None
    for detail in details:
        if detail.place not in ("embassy", "new embassy"):
            continue
        a, b = detail.clause
        unnamed = bisect.bisect_left(country_starts, a) == bisect.bisect_left(country_starts, b)
        cand = detail.candidate
        if (
            unnamed
            and last is not None
            and set(last.candidate.countries[:2]) == set(cand.countries[:2])
            and last.candidate.countries[:2] != cand.countries[:2]
        ):
            pair = last.candidate.countries[:2]
            cand.countries = [*pair, *(c for c in cand.countries if c not in pair)]
            detail.countries_in_order = list(cand.countries)
            cand.title = title_for(detail, actor_by_key)
        if not unnamed:
            last = detail


_RELATIVE_BEFORE = re.compile(r"\b(?:who|which|that)\s+(?:\w+ly\s+)?$")


def _relative_before(clause: str, end: int) -> bool:
    """``_RELATIVE_BEFORE.search(clause[:end])`` without re-reading the whole clause for
    every trigger of a long run-on sentence: a match is at most two words and their spaces,
    so it starts in the last 200 characters unless those hold fewer than three words."""
    start = max(0, end - 200)
    if start and len(clause[start:end].split()) < 3:
        start = 0
    return _RELATIVE_BEFORE.search(clause, start, end) is not None


# A noun told as the circumstance or cause of the clause's action, not as the action.
_CIRCUMSTANCE_BEFORE = re.compile(
    r"\b(?:amid(?:st)?|in\s+the\s+wake\s+of|caused\s+by|because\s+of|due\s+to|"
    r"in\s+(?:response|reaction|retaliation)\s+to|in\s+protest\s+(?:at|against|over)|"
    r"in\s+view\s+of|over)\s+(?:[\w’'-]+\s+){0,4}$",
    re.I,
)


def _circumstance_before(clause: str, start: int) -> bool:
    return _CIRCUMSTANCE_BEFORE.search(clause, max(0, start - 80), start) is not None


def _starting_between(items: list):
    """``lambda lo, hi: [x for x in items if lo <= x.start < hi]`` by bisection, in list order."""
    order = sorted(range(len(items)), key=lambda i: items[i].start)
    starts = [items[i].start for i in order]

    def between(lo: int, hi: int) -> list:
        found = order[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
        return [items[i] for i in sorted(found)]

    return between


# "The announcement was made on Friday": what was announced is told just before.
_ANAPHORIC_ANNOUNCEMENT = re.compile(
    r"\b(?:the|this|that|its|their)\s+(?:[\w-]+\s+){0,2}announcement\b", re.I
)
_ANNOUNCED = {
    "establish_relations": "the establishment of diplomatic relations",
    "intent": "an agreement to {verb} diplomatic relations",
    "reduce_relations": "the end of diplomatic relations",
    "sign_agreement": "the signing of {object}",
    "recognise": "the recognition",
}
_ANNOUNCED_WITHIN = 3  # sentences back


def _name_announcements(
    details: list[CandidateDetail], sentences: list[Sentence], actor_by_key: dict[str, ActorInfo]
) -> list[CandidateDetail]:
    """An announcement titled by what it announced, when an earlier sentence tells it."""
    text_of = {s.index: s.text for s in sentences}
    out = list(details)
    for position, detail in enumerate(out):
        cand = detail.candidate
        if cand.type != "announce" or detail.object_text:
            continue
        if not _ANAPHORIC_ANNOUNCEMENT.search(text_of.get(cand.sentence, "")):
            continue
        earlier = [
            d
            for d in details
            if cand.sentence - _ANNOUNCED_WITHIN <= d.candidate.sentence < cand.sentence
            and d.candidate.type in _ANNOUNCED
            and d.candidate.status == "done"
            and len(d.candidate.countries) >= 2
        ]
        announcer = cand.countries[:2] if detail.joint else cand.countries[:1]
        # The announcer's own relations first, then the nearest, then the main kind of action.
        mine = [d for d in earlier if set(announcer) & set(d.candidate.countries[:2])]
        earlier = mine or earlier
        if not earlier:
            continue
        nearest = max(d.candidate.sentence for d in earlier)
        antecedent = min(
            (d for d in earlier if d.candidate.sentence == nearest),
            # An establishment told as an agreement ranks as the agreement it is worded as.
            key=lambda d: TRIGGER_PRIORITY.get(
                "intent" if d.object_text.startswith(AGREEMENT_TO) else d.candidate.type, 99
            ),
        )
        kind, verb = antecedent.candidate.type, antecedent.object_text
        if verb.startswith(AGREEMENT_TO):  # an establishment told as an agreement
            kind, verb = "intent", verb[len(AGREEMENT_TO) :]
        phrase = _ANNOUNCED[kind].format(
            verb=verb or "establish",
            object=f"a {antecedent.object_text}" if antecedent.object_text else "an agreement",
        )
        pair = antecedent.candidate.countries[:2]
        if antecedent.candidate.type == "reduce_relations" and antecedent.place == "embassy":
            closing = "suspension" if antecedent.object_text == "suspend" else "closure"
            owner, host = _country_names(pair) if len(pair) == 2 else ("the", "")
            if host:
                owner = "its" if announcer[:1] == pair[:1] else f"{owner}'s"
            phrase = f"the {closing} of {owner} embassy" + (f" in {host}" if host else "")
        elif set(announcer) == set(pair):
            # "the two countries made the announcement": named as the happening names them
            cand.countries = [*pair, *(c for c in cand.countries if c not in pair)]
        elif announcer and announcer[0] in pair:
            other = next(c for c in pair if c != announcer[0])
            phrase += f" with {country_name(other)}"
        else:
            phrase += f" between {_join(_country_names(pair))}"
        named = replace(detail, object_text=phrase)
        named.candidate.title = title_for(named, actor_by_key)
        out[position] = named
    return out


# "This came at the conclusion of the meeting on Wednesday": the meeting is where the
# happening of the sentence before took place, and its date is that happening's date.
_AT_OCCASION = re.compile(
    r"^(?:This|That|It|The\s+(?:decision|move|announcement|agreement|step|deal))\s+"
    r"(?:came|was\s+(?:taken|made|reached|announced|agreed(?:\s+on)?))\s+"
    r"(?:at|during|on\s+the\s+sidelines\s+of|(?:at\s+)?the\s+(?:conclusion|end|close)\s+of)\s+"
    r"(?:[\w’'-]+\s+){0,6}?(?:meeting|summit|talks|session|conference)\b",
    re.I,
)
# A named meeting ("the “Lima” summit", "the Lima Summit"): sentences naming the same
# one tell one occasion.
_NAMED_MEETING = re.compile(
    r"(?<![\w’'-])[“\"‘']?(?P<name>[A-Z][\w’'-]*(?:[ -][A-Z][\w’'-]*){0,3})[”\"’']?\s+"
    r"(?:Summit|summit|Conference|conference)\b"
)
_NOT_A_NAME = {"the", "a", "an", "this", "that", "last", "next", "first", "second", "their", "its"}


def _occasion(sentence: Sentence) -> str:
    for m in _NAMED_MEETING.finditer(sentence.text):
        words = [w for w in re.split(r"[\s-]+", m["name"]) if w.lower() not in _NOT_A_NAME]
        if words:
            return " ".join(w.lower() for w in words) + " summit"
    return ""


# "It said the decision was announced ... on Friday": the date of the decision just told.
_DECISION_TOLD = re.compile(
    r"^(?:(?:It|He|She|They)\s+(?:said|added|reported)\s+(?:that\s+)?)?"
    r"(?:the|this|that)\s+(?:decision|move|agreement|deal|step)\s+(?:was|had\s+been)\s+"
    r"(?:announced|made|taken|reached|agreed|signed|unveiled)\b",
    re.I,
)


def _at_occasion(
    text: str, sentence: Sentence, timexes: list[Timex], earlier: list[CandidateDetail]
) -> CandidateDetail | None:
    """The happening of the sentence before, dated by the meeting it "came at"."""
    match = _AT_OCCASION.match(sentence.text) or _DECISION_TOLD.match(sentence.text)
    if not match:
        return None
    before = [d for d in earlier if d.candidate.sentence == sentence.index - 1]
    if not before:
        return None
    antecedent = min(before, key=lambda d: TRIGGER_PRIORITY.get(d.candidate.type, 99))
    dates = _event_date_timexes(timexes, text)
    if antecedent.candidate.date is not None or not dates or dates[0].value is None:
        return None
    timex = dates[0]
    if (
        antecedent.candidate.type == "intent"
        and antecedent.candidate.status == "done"
        and _SIGNED_JOINTLY.search(sentence.text)
    ):
        # "The decision was announced ... in a joint statement signed by the two ambassadors":
        # relations are established by the joint statement both sides sign (CAMEO 05), so
        # the decision so signed is the establishment, not an intent.
        antecedent.candidate.type = "establish_relations"
        antecedent.object_text = AGREEMENT_TO + (antecedent.object_text or "establish")
        antecedent.candidate.title = title_for(antecedent, {})
    cand = replace(
        antecedent.candidate,
        sentence=sentence.index,
        date=timex.value,
        date_text=timex.text,
        date_rule=timex.rule,
        trigger=match.group(),
        claims=dict(antecedent.candidate.claims),
    )
    return replace(antecedent, candidate=cand, timex=timex, clause=(sentence.start, sentence.end))


_SIGNED_JOINTLY = re.compile(
    r"\bjoint\s+(?:statement|communiqu\w+|declaration)\s+(?:was\s+)?signed\b"
    r"|\bsign(?:ed|ing)\s+(?:a|the)\s+joint\s+(?:statement|communiqu\w+|declaration)\b",
    re.I,
)


# A country told by description as the subject: "the Central American nation", "the kingdom".
_DESCRIBED_SUBJECT = re.compile(
    r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,3}(?:nation|country|kingdom|republic|state|"
    r"island|emirate|government)\s+(?:had\s+|has\s+|have\s+)?$",
    re.I,
)
_BECOMES = re.compile(r"\bbecomes\s+(?:the\s+)?$")
_WITH_THIS = re.compile(r"^(?:With|After|Following)\s+(?:this|that)\b", re.I)


def _consequence(
    sentence: Sentence, mentions: list[Mention], earlier: list[CandidateDetail]
) -> CandidateDetail | None:
    """A count told as the outcome of a happening: "Fiji becomes Chile's 150th
    diplomatic partner", "With this move, Chile now has relations with 150 ..."."""
    count = _COUNT.search(sentence.text)
    if not count:
        return None
    nations = [m for m in mentions if m.kind == COUNTRY]
    countries: list[str] = []
    type_code = "establish_relations"
    for first, second in itertools.pairwise(nations):
        gap = sentence.text[first.end - sentence.start : second.start - sentence.start]
        if _BECOMES.search(gap):
            countries = [second.key, first.key]
    if not countries and _WITH_THIS.match(sentence.text) and nations:
        subject = nations[0].key
        for detail in reversed(earlier):
            cand = detail.candidate
            if cand.type in ("establish_relations", "intent") and subject in cand.countries[:2]:
                type_code, countries = cand.type, list(cand.countries[:2])
                break
    if len(countries) < 2:
        return None
    cand = EventCandidate(
        sentence=sentence.index,
        type=type_code,
        title="",
        date=None,
        date_text="",
        date_rule="",
        countries=countries,
        actors=[],
        trigger=count.group(),
        status="done",
        claims={"count": count.group(1)},
    )
    detail = CandidateDetail(cand, None, None, (sentence.start, sentence.end), list(countries))
    cand.title = title_for(detail, {})
    return detail


def _report_frame(text: str, sentence: Sentence, timexes: list[Timex]) -> tuple[int, Timex | None]:
    """Where the reporting frame ends, and the date it gives the report."""
    s = sentence.text
    frame_end = sentence.start
    frame_spans: list[tuple[int, int]] = []
    according = _ACCORDING.match(s)
    if according:
        frame_spans.append((sentence.start, sentence.start + according.end()))
        frame_end = sentence.start + according.end()
    said = _SAID_TAIL.search(s)
    if said and said.start() > len(s) // 3:
        frame_spans.append((sentence.start + said.start(), sentence.end))
    frame = _REPORT_FRAME.search(s)
    if frame and frame.start() < len(s) // 2:
        frame_spans.append((sentence.start, sentence.start + frame.end()))
        frame_end = max(frame_end, sentence.start + frame.end())
    report = None
    for t in timexes:
        if t.kind == "date" and any(fa <= t.start and t.end <= fb for fa, fb in frame_spans):
            report = t
    return frame_end, report


def _in_frame(t: Timex, report: Timex | None) -> bool:
    return report is not None and t.start == report.start


def _clause_candidate(
    text: str,
    sentence: Sentence,
    a: int,
    b: int,
    timexes: list[Timex],
    mentions: list[Mention],
    actor_by_key: dict[str, ActorInfo],
    report_timex: Timex | None,
    previous: CandidateDetail | None,
    published: dt.date | None,
    frame_countries: list[str] | None = None,
    prev_span: tuple[int, int] | None = None,
    article_pair: list[str] | None = None,
) -> list[CandidateDetail]:
    clause = text[a:b]
    if _BOILERPLATE.search(sentence.text) or len(sentence.text.split()) < 4:
        return []
    matches = []
    for type_code, pattern in _TRIGGERS:
        for m in pattern.finditer(clause):
            if type_code == "armed_conflict" and re.search(
                r"Cold\s+War", clause[max(0, m.start() - 5) : m.end()]
            ):
                continue
            if m.group().lower() in ("recognise", "recognize") and not _RANKED_TO.search(
                clause[max(0, m.start() - 80) : m.start()]
            ):
                continue
            matches.append((type_code, m))
    clause_timexes = [
        t
        for t in _event_date_timexes(_within(timexes, a, b), text)
        if not _in_frame(t, report_timex)
    ]
    if not clause_timexes and prev_span and re.match(r"\s*when\b", clause, re.I):
        # "... in 2019, when Lima established relations with Fiji": the date before "when".
        clause_timexes = [
            t
            for t in _event_date_timexes(_within(timexes, *prev_span), text)
            if not _in_frame(t, report_timex)
        ][-1:]
    clause_mentions = _within(mentions, a, b)
    if not any(t == "expel_withdraw" for t, _ in matches):
        named = _expelled_person(clause, a, clause_mentions, sentence.text)
        if named is not None:
            matches.append(("expel_withdraw", named))
    leading = a <= sentence.start + 1 and bool(_LEADING_SUBORDINATE.match(sentence.text))
    countries = _ordered_unique(
        [
            *(frame_countries or []),
            *_clause_countries(text, clause_mentions, mentions, borrow=leading),
        ]
    )
    if not matches:
        return _elliptic(
            text, sentence, a, b, clause_timexes, clause_mentions, countries, previous, published
        )
    # "The generals who ousted the president gave X 48 hours": the relative clause is
    # background to the main action.
    main = [tm for tm in matches if not _relative_before(clause, tm[1].start())]
    # "recalled its ambassador amid Israel's attacks": the attacks are the circumstance.
    main = [tm for tm in main if not _circumstance_before(clause, tm[1].start())] or main
    type_code, trigger = min(main or matches, key=_trigger_rank)
    demoted = [
        tm[1].start() for tm in matches if tm not in main and tm[1].start() < trigger.start()
    ]
    if main and demoted:
        # Its date belongs to the relative clause too ("who ousted X a month ago gave ...").
        lo, hi = a + min(demoted), a + trigger.start()
        clause_timexes = [t for t in clause_timexes if not lo <= t.start < hi]
    if re.search(r"\b(?:not|never|no\s+longer)\b", trigger.group(), re.I):
        return []  # "relations have not been severed": nothing happened
    if type_code == "join_organisation" and not any(
        m.kind != COUNTRY and m.kind != PERSON for m in clause_mentions
    ):
        others = [tm for tm in matches if tm[0] != "join_organisation"]
        if not others:
            return []
        type_code, trigger = min(others, key=_trigger_rank)
    before_trigger = clause[: trigger.start()]
    status = "done"
    # "plans to sign", "is to visit", "decided to provide": not done yet. A bare
    # "to" is not enough ("travelled to Lima to sign", "led the rebels to overthrow").
    infinitive = not _NOUN_TRIGGER.match(trigger.group()) and re.search(
        r"\b(?:plans?|planning|intends?|intending|aims?|expected|set|scheduled|ready|willing|"
        r"hopes?|hoping|wants?|seeks?|seeking|pledged|vowed|promised|decided|decides|agreed|"
        r"agrees|is|are|was|were|going)\s+to\s+(?:\w+ly\s+)?$",
        before_trigger,
        re.I,
    )
    invited = re.search(
        r"\b(?:invit\w+|ask(?:s|ed)?|urg\w+|call(?:s|ed)?\s+on)\b[^.;]{0,60}\bto\s+$",
        before_trigger,
        re.I,
    )
    planned_after = re.search(
        r"^\W*(?:\w+\W+){0,12}?(?:to\s+be\s+held|scheduled\s+(?:for|to)|will\s+be\s+held)\b",
        clause[trigger.end() :],
    )
    if (
        _PLANNED.search(before_trigger)
        or invited
        or planned_after
        or (infinitive and type_code != "intent")
    ):
        status = "planned"
    if re.search(r"\b(?:refus\w+|declin\w+\s+to|fail\w*\s+to)\b", clause, re.I):
        return []  # "only Bahrain refused to rebuild ties": nothing happened
    announced_would = type_code in _ANNOUNCED and _ANNOUNCED_THAT.search(
        text[sentence.start : a] + before_trigger
    )
    if announced_would:
        # "announced ... that they would resume relations": the announcement is the
        # happening, dated by the frame's own date.
        if type_code in ("establish_relations", "intent"):
            type_code = "intent"
        else:
            status = "planned"
        if not clause_timexes and report_timex is not None:
            clause_timexes = [report_timex]
    elif _IRREALIS.search(
        _irrealis_scope(before_trigger, a, clause_mentions)
    ) and type_code not in ("intent",):
        return []
    effective = None
    if status == "planned" and not announced_would and type_code in _MEASURES:
        # "Peru will close its embassy in Suva from 1 May, the ministry said on Friday":
        # what is reported is the decision, dated by the statement; 1 May is when the
        # measure takes effect, kept in how the date was obtained.
        effective = _taking_effect(text, a, clause_timexes, report_timex)
        if effective is not None:
            clause_timexes = [report_timex]
    announced_object = ""
    if (
        type_code == "intent"
        and re.search(r"\bhad\s+(?:\w+ly\s+)?$", before_trigger)
        and re.search(r"\b(?:announced|declared)\b[^.;]{0,80}\bthat\s*$", text[sentence.start : a])
    ):
        # "On July 1, the president announced that X and Y had agreed to restore relations":
        # the agreement, told in the past perfect, is only known by the announcement that
        # dates it, so the dated happening is the announcement.
        verb = _object_text("intent", clause, trigger)
        announced_object = f"an agreement to {verb} diplomatic relations"
        type_code = "announce"
        if not clause_timexes and report_timex is not None:
            clause_timexes = [report_timex]
    agreed = (
        type_code == "intent"
        and status == "done"
        and not announced_would
        and not infinitive
        and _agreement_between(trigger.group(), before_trigger)
    )
    if agreed:
        type_code = "establish_relations"
    if type_code == "visit" and re.match(
        r"\s*(?:to|with)\s+(?:the\s+)?(?:interim\s+|new\s+)?[A-Z]", clause[trigger.end() :]
    ):
        # "paid a visit to President X": a meeting with a person.
        after = clause[trigger.end() :]
        person_after = [
            m
            for m in clause_mentions
            if m.kind == PERSON
            and m.start >= a + trigger.end()
            and m.start - (a + trigger.end()) < len(after)
        ]
        if person_after and not any(
            m.kind == COUNTRY
            and m.start < person_after[0].start
            and m.start >= a + trigger.end()
            and how_matched(m.text) == "capital"
            for m in clause_mentions
        ):
            type_code = "meet"
    hosts = _hosts(clause, a, clause_mentions) if type_code in ("meet", "negotiate") else set()
    named_here = {m.key for m in clause_mentions if m.kind == COUNTRY}
    if named_here and named_here <= hosts:
        # A meeting told only by where it was held or who mediated: its sides are the
        # relationship named just before it ("new inter-Korean ties, following the summit
        # held in Pyongyang"), else the parties of the clause before ("X and Y agreed ...
        # after talks in Beijing").
        earlier = [m for m in mentions if m.kind == COUNTRY and m.end <= a]
        related = _named_relationships(earlier, text, 0)
        sides: list[str] = []
        if related:
            sides = [related[-1][0].key, related[-1][1].key]
        elif previous is not None and previous.candidate.sentence == sentence.index:
            sides = [c for c in previous.candidate.countries[:2] if c not in hosts]
        countries = _ordered_unique([*sides, *countries])
    outsiders = _not_parties(type_code, clause, a, trigger, clause_mentions)
    not_parties: set[str] = set()
    if outsiders:
        kept_keys = {m.key for m in clause_mentions if m.kind == COUNTRY and m not in outsiders}
        not_parties = {m.key for m in outsiders} - kept_keys
        clause_mentions = [m for m in clause_mentions if m not in outsiders]
        countries = [c for c in countries if c not in not_parties]
    actors = _ordered_unique(m.key for m in clause_mentions if m.kind != COUNTRY)
    explicit = [m for m in clause_mentions if m.kind == COUNTRY]
    told_before = []
    explicit_after = [m for m in explicit if m.start >= a + trigger.end()]
    if (
        explicit_after
        and len(explicit_after) == len(explicit)
        and type_code in (*PAIR_TYPES, "intent")
        and _DESCRIBED_SUBJECT.search(before_trigger)
    ):
        # "Honduras opened an embassy ... after the Central American nation broke off
        # relations with Taiwan": the described subject is the country named before.
        other = explicit_after[0].key
        # The nearest one named as a country: "in Beijing" is a place, "Chinese state
        # media" a source.
        told_before = [
            m.key
            for m in mentions
            if m.kind == COUNTRY and m.end <= a and m.key != other and how_matched(m.text) == "name"
        ]
    if told_before:
        countries = _ordered_unique([told_before[-1], explicit_after[0].key, *countries])
    elif (
        article_pair
        and len(explicit) < 2
        and (
            type_code in (*PAIR_TYPES, "intent")
            # "The embassy had been closed", "an Argentine dictator closed the embassy":
            # the embassy the article is about, between the pair.
            or (
                (not explicit or explicit[0].key in article_pair)
                and re.search(r"\bembass", trigger.group(), re.I)
            )
        )
    ):
        # "the resumption of relations", "their ties": relations of the pair the
        # article is about. With one side named, the other is the pair's country
        # the sentence names ("... with Cuba, the South Korean government ...").
        in_sentence = [m.key for m in mentions if m.kind == COUNTRY and m.key in article_pair]
        if not explicit:
            countries = list(article_pair)
        elif explicit[0].key in article_pair:
            countries = _ordered_unique([explicit[0].key, *article_pair])
        else:
            partner = next((c for c in in_sentence if c != explicit[0].key), article_pair[0])
            # "The kingdom broke off ties with Iran": the named side is the object.
            named_after = explicit[0].start >= a + trigger.end()
            countries = _ordered_unique(
                [partner, explicit[0].key] if named_after else [explicit[0].key, partner]
            )
    if article_pair and len(countries) < 2 and _BOTH.search(sentence.text):
        # "the two countries" / "both sides": the pair the article is about, first
        # when they are the subject.
        as_subject = _BOTH.search(clause[: trigger.start()])
        countries = _ordered_unique(
            [*article_pair, *countries] if as_subject else [*countries, *article_pair]
        )
    if not countries and not actors:
        return []
    for key in actors:
        info = actor_by_key.get(key)
        # "at the appeal of Senegal's president": his country stays out with its mention.
        if info and info.country and info.country not in (*countries, *not_parties):
            countries.append(info.country)
    subject_missing = False
    if type_code in PAIR_TYPES or type_code == "intent":
        countries = _subject_object(
            countries, clause_mentions, a + trigger.start(), a + trigger.end(), text
        )
        named = [m for m in clause_mentions if m.kind == COUNTRY]
        subject_missing = (
            bool(named) and all(m.start >= a + trigger.end() for m in named) and len(countries) < 2
        )
        if re.match(r"(?i)(?:relations|ties)\b", trigger.group()) and len(countries) < 2:
            subject_missing = bool(named)  # "ties with X were cut": X is not who cut them
    dated = _pick_dates(clause_timexes, a + trigger.start(), text, a + trigger.end())
    if type_code == "meet" and re.search(r"(?i)\btalks\b", trigger.group()):
        span = dated[0].value if dated and dated[0].value else None
        if _DAYS_OF_TALKS.search(clause) or (span and span.precision == "range"):
            # Talks told as lasting days ("four days of talks", "held talks on 6-10 March")
            # are a round of negotiations (CAMEO 046), not one meeting (040).
            type_code = "negotiate"
    if dated and published and dated[0].value and dated[0].value.start > published:
        status = "planned"
    place = ""
    for m in clause_mentions:
        if m.kind == COUNTRY and how_matched(m.text) == "capital":
            place = m.text
            break
    if type_code in ("regime_change", "armed_conflict"):
        # Who fought or fell is told by the clause alone; a borrowed subject misleads.
        countries = _ordered_unique(m.key for m in clause_mentions if m.kind == COUNTRY)
    agent, target = _agent_target(
        type_code, trigger, text, a, clause, clause_mentions, actor_by_key
    )
    ousted = actor_by_key.get(target)
    if type_code == "regime_change" and ousted is not None and ousted.country:
        # "Bashar al-Assad was overthrown": the ruler removed tells whose government fell.
        countries = _ordered_unique([*countries, ousted.country])
    if type_code == "reduce_relations" and re.search(r"consul", trigger.group(), re.I):
        place = "consulate"  # "Peru closed its consulate in Fiji"
        if _ORDERED_TO.search(clause[: trigger.start()]):
            place = "ordered consulate"  # "Peru told Fiji to close its consulate in Lima"
    elif type_code == "reduce_relations" and re.search(r"embass", trigger.group(), re.I):
        place = "embassy"  # "Argentina closed its embassy in Bangladesh"
    elif (
        type_code == "establish_relations"
        and not agreed
        and re.search(r"embass", trigger.group(), re.I)
    ):
        place = "embassy"  # "Iran reopened its embassy in Saudi Arabia"
        if re.match(r"(?i)open", trigger.group()):
            place = "new embassy"  # "Peru opened its embassy in Fiji": its first one
    elif type_code == "establish_relations" and re.search(
        r"(?i)\b(?:upgrad|elevat|raised)", trigger.group()
    ):
        place = "upgrade"  # "Peru is upgrading its representation in Fiji to ambassador"
    elif type_code == "visit" and not place:
        # "visited Viet Nam": the first country named after the verb is the place.
        after = [m for m in clause_mentions if m.kind == COUNTRY and m.start >= a + trigger.end()]
        if after:
            place = country_name(after[0].key)
    before_countries = [
        m for m in clause_mentions if m.kind == COUNTRY and m.end <= a + trigger.start()
    ]
    joint = (
        len(before_countries) >= 2
        and bool(
            re.fullmatch(
                r"\s+and\s+|\s*[-–/]\s*", text[before_countries[0].end : before_countries[1].start]
            )
        )
    ) or bool(_BOTH.search(before_trigger))
    if place == "upgrade" and not joint:
        # One side raises its own mission: it comes first ("Peru upgrades ... in Fiji"), also
        # when told by a frame before the clause ("Peru announced that it is upgrading ...").
        frame = [
            m
            for m in mentions
            if m.kind == COUNTRY and sentence.start <= m.start and m.end <= a and m.key in countries
        ]
        side = before_countries[:1] if len(before_countries) == 1 else frame[-1:]
        if side:
            countries = _ordered_unique([side[0].key, *countries])
    if place == "ordered consulate" and len(countries) >= 2:
        # "we are requiring Fiji to close its consulate": the side told comes second.
        order = _ORDERED_TO.search(clause[: trigger.start()])
        told = [
            m.key
            for m in clause_mentions
            if m.kind == COUNTRY and a + order.start() <= m.start < a + trigger.start()
        ]
        countries = _ordered_unique([*(c for c in countries if c not in told), *told])
    if re.match(r"(?i)(?:relations|ties)\b", trigger.group()) and len(countries) >= 2:
        joint = True  # "relations between X and Y were severed": neither side is the agent
    if (
        not before_countries
        and len(countries) >= 2
        and re.search(r"\bbetween\s+(?:the\s+)?[A-Z]", clause[trigger.end() :])
    ):
        joint = True  # "the committee decided to restore relations between X and Y"
    if hosts and any(c not in hosts for c in countries):
        # "talks in Beijing mediated by China": the host takes part, after the sides.
        countries = [
            *(c for c in countries if c not in hosts),
            *(c for c in countries if c in hosts),
        ]
    claims = {}
    count = _COUNT.search(sentence.text)
    if count:
        claims["count"] = count.group(1)
    results = []
    for timex in dated or [None]:
        cand = EventCandidate(
            sentence=sentence.index,
            type=type_code,
            title="",
            date=timex.value if timex else None,
            date_text=timex.text if timex else "",
            date_rule=(timex.rule if timex else "")
            + (
                f"; the decision then, taking effect {effective.value.display} ('{effective.text}')"
                if effective is not None and effective.value is not None
                else ""
            ),
            countries=list(countries),
            actors=list(actors),
            trigger=trigger.group(),
            status=status,
            claims=dict(claims),
        )
        detail = CandidateDetail(
            cand,
            timex,
            report_timex,
            (a, b),
            list(countries),
            place,
            announced_object or _object_text(type_code, clause, trigger),
            agent,
            target,
            joint,
            subject_missing,
            _occasion(sentence),
        )
        cand.title = title_for(detail, actor_by_key)
        results.append(detail)
    return results


# Measures a government decides now to take from a later day.
_MEASURES = {
    "reduce_relations",
    "expel_withdraw",
    "establish_relations",
    "impose_sanctions",
    "ease_sanctions",
    "recognise",
}
_EFFECT_FROM = re.compile(
    r"\b(?:from|as\s+of|starting(?:\s+(?:on|from))?|effective(?:\s+(?:on|from))?|"
    r"beginning(?:\s+on)?)\s+(?:the\s+)?$",
    re.I,
)


def _taking_effect(
    text: str, a: int, clause_timexes: list[Timex], report_timex: Timex | None
) -> Timex | None:
    """The day a planned measure takes effect ("from 1 May"), later than the dated
    statement that announces it ("the ministry said on Friday"); else None."""
    said = report_timex.value if report_timex is not None else None
    if said is None or said.start != said.end:  # a statement of one day
        return None
    for t in clause_timexes:
        if (
            t.value is not None
            and t.value.start > said.end
            and _EFFECT_FROM.search(text[max(a, t.start - 25) : t.start])
        ):
            return t
    return None


# An agreement reached between the parties to establish or restore relations is the
# establishment decision itself (CAMEO 05): "X and Y agreed to restore ties", "X has agreed to
# restore relations with Y", "signed an agreement to restore relations". One side's decision
# ("decided to establish"), a tentative or in-principle acceptance, a bare "agreement to"
# and anything planned, hoped for or only announced as to come stay intent (CAMEO 030).
_AGREED = re.compile(
    r"(?:formally\s+|officially\s+)?(?:agreed|agrees|agree)\s+(?:on\s+\w+day\s+)?to\b", re.I
)
_AGREEMENT_MADE = re.compile(
    r"\b(?:signed|signs|signing|reached|reaches|struck|concluded|inked|sealed|clinched)\s+"
    r"(?:an?|the)\s+(?:[\w-]+\s+)?$",
    re.I,
)
_AGREED_OR_DEAL = re.compile(
    r"(?i)(?:formally\s+|officially\s+)?(?:agree|reached\b|agreement|deal|accord)"
)
AGREEMENT_TO = "agreement to "  # object_text of an establishment told as an agreement
_HEDGED = re.compile(r"\b(?:tentative\w*|in\s+principle|provisional\w*|preliminary)\b", re.I)


def _agreement_between(trigger: str, before_trigger: str) -> bool:
    if _HEDGED.search(trigger) or _HEDGED.search(before_trigger[-40:]):
        return False
    if _IRREALIS.search(before_trigger):
        return False
    if _AGREED.match(trigger):
        return True
    if re.match(r"(?i)reached\s+an?\s+agreement\b", trigger):
        return True
    return bool(
        re.match(r"(?i)(?:agreement|deal|accord)\s+to\b", trigger)
        and _AGREEMENT_MADE.search(before_trigger)
    )


_DAYS_OF_TALKS = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+days\s+of\s+"
    r"(?:[\w-]+\s+){0,3}?(?:talks|negotiations)\b",
    re.I,
)


_NOUN_TRIGGER = re.compile(
    r"^(?:meeting|talks|visit|trip|war|wars|civil\s+war|offensive|invasion|coup|"
    r"fall\s+of|collapse\s+of|establishment|\w+ing)\b",
    re.I,
)


def _trigger_rank(type_match):
    """Highest-priority type first; within a type, a verb before a noun ("met" over "meeting")."""
    type_code, match = type_match
    return (_TRIGGER_PRIORITY[type_code], bool(_NOUN_TRIGGER.match(match.group())), match.start())


_BOTH = re.compile(
    r"\b(?:the\s+two|both)\s+(?:[A-Z]\w+\s+|foreign\s+)?(?:countries|nations|states|sides|governments|"
    r"capitals|neighbou?rs|rivals|ministers|leaders|presidents|delegations)\b",
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
_BUILT_TIES = re.compile(
    r"\b(?:establish|forg|build|built|develop|restor|resum|seek|want)\w*\s+(?:\w+\s+){0,2}?"
    r"(?:close|closer|long-standing|strong|friendly|warm)\s",
    re.I,
)


def _article_pair(mentions: list[Mention]) -> list[str]:
    """The two countries an article names most (first named first on a tie)."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for m in mentions:
        if m.kind == COUNTRY:
            counts[m.key] = counts.get(m.key, 0) + 1
            first.setdefault(m.key, m.start)
    ranked = sorted(counts, key=lambda c: (-counts[c], first[c]))
    return ranked[:2] if len(ranked) >= 2 else []


_CREDENTIALS = re.compile(r"\bcredentials\b|\bletters?\s+of\s+credence\b", re.I)
_OTHER_ENVOYS = re.compile(
    r"\b(?:along|together)\s+with\s+(?:the\s+)?(?:other\s+)?(?:envoys?|ambassadors?|diplomats?)"
    r"\s+(?:of|from)\s+(?:the\s+)?(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?(?:,\s+|,?\s+and\s+))*$"
)


def _credentials_to(text: str, posted: Mention, country_mentions: list[Mention]) -> bool:
    """The state an envoy is posted to ("Peru's ambassador to Fiji") receives the credentials
    it presents, unless another state is named after them
    ("... presented his credentials as non-resident ambassador in Suva")."""
    found = _CREDENTIALS.search(text, posted.end, posted.end + 160)
    return bool(found) and not any(
        m.start > found.start() and m.key != posted.key for m in country_mentions
    )


def _clause_countries(
    text: str, clause_mentions: list[Mention], sentence_mentions: list[Mention], borrow: bool = True
) -> list[str]:
    """Countries the clause is about, subject first; epithets left out."""
    country_mentions = [m for m in clause_mentions if m.kind == COUNTRY]
    kept = []
    for i, m in enumerate(country_mentions):
        before = text[max(0, m.start - 60) : m.start]
        if re.search(
            r"\b(?:[Aa]mbassador|[Ee]nvoy|[Cc]onsul)\s+(?:to|in)\s+$", before
        ) and not _credentials_to(text, m, country_mentions):
            continue  # "Ambassador to Thailand": where the envoy serves, not a party
        if _OTHER_ENVOYS.search(before):
            continue  # "Fiji's envoy, along with envoys of Peru and Chile, ...": others' envoys
        if _EPITHET_BEFORE.search(before):
            continue
        if (
            _BACKGROUND_TIES.search(before)
            and not _BUILT_TIES.search(before)
            and not _ATTACHED_RELATIONS_EVENT.match(text[m.end : m.end + 120])
        ):
            continue  # "hindered by X's close relations with Y": Y is background
        if kept and re.search(r",\s*$", before) and _POSSESSIVE_EPITHET.match(text[m.end :]):
            continue  # "with Syria, North Korea's former ally": describes Syria
        following = country_mentions[i + 1] if i + 1 < len(country_mentions) else None
        gap = text[m.end : following.start] if following is not None else ""
        if _EPITHET_AFTER.match(gap) and not re.search(
            r"\b(?:relations|ties|ambassadors?|envoys?|embass(?:y|ies)|diplomats?)\b", gap
        ):
            continue  # "Chile's relations with Fiji", "Chile's ambassador to Fiji" name a party
        kept.append(m.key)
    countries = _ordered_unique(kept)
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
    r"|\bin\s+(?:an?\s+(?:\w+\s+)?(?:show|sign|gesture|act)\s+of\s+)?solidarity\s+with\b",
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


def _named_relationships(
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


def _hosts(clause: str, a: int, clause_mentions: list[Mention]) -> set[str]:
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


def _not_parties(
    type_code: str, clause: str, a: int, trigger, clause_mentions: list[Mention]
) -> list[Mention]:
    """Country mentions of the clause that name no party to its happening: a mediator or
    host of a deal between others, a capital named as the venue when two other parties
    are named, a country in commentary on the happening, the new partner of a switch."""
    named = [m for m in clause_mentions if m.kind == COUNTRY]
    t_end = a + trigger.end()
    out = []
    if type_code not in ("meet", "negotiate", "visit"):
        out += [
            m for m in named if _MEDIATOR.search(clause[max(0, m.start - a - 60) : m.start - a])
        ]
    if type_code == "join_organisation":
        # "At the summit held in the Peruvian capital Lima, Fiji was admitted ...": the venue
        # of the admission is no party to it when the joining country is named too.
        venues = [
            m for m in named if _VENUE_BEFORE.search(clause[max(0, m.start - a - 60) : m.start - a])
        ]
        joiners = {m.key for m in named if m not in venues}
        if joiners:
            out += [m for m in venues if m.key not in joiners]
    # "Chile's claim of sovereignty over Easter Island": the land in dispute, not a party.
    out += [
        m
        for m in named
        if m not in out and _DISPUTED_LAND.search(clause[max(0, m.start - a - 40) : m.start - a])
    ]
    if type_code in (*PAIR_TYPES, "intent", "sign_agreement") and not re.search(
        r"embass", trigger.group(), re.I
    ):
        # "Iran and Saudi Arabia agreed in Beijing to restore ties": a place, not a party,
        # when two others are named; "reopened its embassy in Riyadh" names the host.
        venues = [
            m
            for m in named
            if how_matched(m.text) == "capital"
            and re.search(r"\bin\s+$", clause[max(0, m.start - a - 4) : m.start - a])
        ]
        others = {m.key for m in named if m not in venues and m not in out}
        if len(others) >= 2:
            out += [m for m in venues if m.key not in others]
    if type_code in (*PAIR_TYPES, "intent"):
        # "normalized relations are expected to contribute to new inter-Korean ties":
        # a relationship of its own, named as a noun after the happening's trigger.
        out += [
            m
            for pair in _named_relationships(named, clause, a, between=False)
            if pair[0].start >= t_end
            for m in pair
        ]
    if type_code in (*PAIR_TYPES, "intent"):
        # "restored relations between Chad and Sudan, at the appeal of Senegal, a statement
        # from Dakar said": the relationship the trigger names is the happening's pair.
        t_start = a + trigger.start()
        for pair in _named_relationships(named, clause, a):
            lead = clause[max(0, trigger.end()) : max(0, pair[0].start - a)]
            if pair[0].start >= t_start and (
                pair[1].end <= t_end or (len(lead) <= 45 and not re.search(r"[,;:()]", lead))
            ):
                out += [m for m in named if m.key not in {pair[0].key, pair[1].key}]
                break
    if type_code in (*PAIR_TYPES, "intent", "sign_agreement"):
        # "..., Fiji said", "according to Senegal", "a statement from the Senegalese
        # presidency said": who reports a deal between two others is not a party to it.
        said = _SAID_TAIL.search(clause, trigger.end())  # ", Fiji said." ends the clause
        sources = [
            m
            for m in named
            if m not in out
            and (
                (said is not None and m.start >= a + said.start())
                or _SOURCE_BEFORE.search(clause[max(0, m.start - a - 40) : m.start - a])
            )
        ]
        others = {m.key for m in named if m not in out and m not in sources}
        if len(others) >= 2:
            out += [m for m in sources if m.key not in others]
    commentary = _COMMENTARY.search(clause, trigger.end())
    if commentary:
        out += [m for m in named if m.start >= a + commentary.start()]
    if type_code == "reduce_relations":
        switch = _SWITCH.search(clause, trigger.end())
        if switch:
            out += [m for m in named if m.start >= a + switch.start() and m.start >= t_end]
    return list(dict.fromkeys(out))


def _subject_object(
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
            return _ordered_unique([first.key, second.key, *countries])
    after = [m.key for m in after_mentions]
    subjects = [m for m in named if m.end <= trigger_start]
    if (
        text
        and len(subjects) >= 2
        and subjects[0].key != subjects[1].key
        and re.fullmatch(r"\s+and\s+", text[subjects[0].end : subjects[1].start])
    ):
        # "Saudi Arabia and Iran agreed ... in a deal mediated by China": both are the subject.
        return _ordered_unique([subjects[0].key, subjects[1].key, *countries])
    if before and after and after[0] != before[0]:
        return _ordered_unique([before[0], after[0], *countries])
    return countries


def _pick_dates(
    timexes: list[Timex], trigger_at: int, text: str = "", trigger_end: int | None = None
) -> list[Timex]:
    if not timexes:
        return []
    # "in 1967 and 1973": several dates of one kind coordinated -> one candidate each.
    years = [t for t in timexes if t.value and t.value.precision == "year"]
    if len(timexes) >= 2 and len(years) == len(timexes):
        return sorted(timexes, key=lambda t: t.start)

    def set_off(t: Timex) -> bool:
        # "Moved by the team that won the World Cup 2022, Peru reopened its embassy
        # yesterday": a date behind a comma belongs to another phrase than one beside the verb.
        if not text or trigger_end is None:
            return False
        between = text[t.end : trigger_at] if t.end <= trigger_at else text[trigger_end : t.start]
        return "," in between

    return [min(timexes, key=lambda t: (set_off(t), abs(t.start - trigger_at), t.start))]


def _elliptic(
    text, sentence, a, b, timexes, mentions, countries, previous, published
) -> list[CandidateDetail]:
    """ "..., following Tonga last year": the previous clause's action, another country."""
    clause = text[a:b]
    if previous is None or not timexes or not countries:
        return []
    if not re.match(r"\s*(?:following|like|as\s+with|as\s+did|after|just\s+as)\b", clause, re.I):
        return []
    # Only a bare "following Tonga last year": anything longer tells its own story.
    rest = clause
    for item in [*timexes, *[m for m in mentions if m.kind == COUNTRY and a <= m.start < b]]:
        rest = rest.replace(text[item.start : item.end], " ")
    if len(re.findall(r"[A-Za-z]+", rest)) > 3:
        return []
    prev = previous.candidate
    subject = previous.countries_in_order[:1]
    new_countries = _ordered_unique([*subject, *countries])
    timex = timexes[0]
    cand = EventCandidate(
        sentence=sentence.index,
        type=prev.type,
        title="",
        date=timex.value,
        date_text=timex.text,
        date_rule=timex.rule,
        countries=new_countries,
        actors=[],
        trigger=prev.trigger,
        status="done",
    )
    detail = CandidateDetail(
        cand, timex, None, (a, b), new_countries, object_text=previous.object_text
    )
    cand.title = title_for(detail, {})
    return [detail]


def _ordered_unique(items) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


_PASSIVE_FORMS = re.compile(r"^(?:overthrown|ousted|toppled|deposed|removed)$", re.I)
_REGIME_PHRASE = re.compile(
    r"\b(?:the\s+)?((?:[A-Z][\w'’-]+\s+){1,3})(?:regime|government|dictatorship|rule)\b"
)


def _agent_target(
    type_code, trigger, text, a, clause, clause_mentions, actor_by_key
) -> tuple[str, str]:
    """Who acted and on whom, for titles of one-sided actions (overthrow, attack)."""
    t_start, t_end = a + trigger.start(), a + trigger.end()
    if type_code in ("meet", "visit", "negotiate"):
        people = [m for m in clause_mentions if m.kind == PERSON and m.key in actor_by_key]
        before = [m for m in people if m.end <= t_start]
        after = [m for m in people if m.start >= t_end]
        nations_before = [
            m
            for m in clause_mentions
            if m.kind == COUNTRY and m.end <= t_start and how_matched(m.text) != "capital"
        ]
        agent = (
            before[-1].key
            if before
            else (f"country:{nations_before[0].key}" if nations_before else "")
        )
        target = next((m.key for m in after if m.key != agent), "")
        return agent, target
    if type_code == "expel_withdraw":
        # "Peru expelled Chile's envoy", "Peru asked Chile's envoy to leave": the country
        # named before an active verb sent the envoy away.
        if not re.match(
            r"(?i)(?:expel(?:s|led|ling)?|order\w*|ask\w*|told|gave)\b", trigger.group()
        ):
            return "", ""
        subjects = [
            m
            for m in clause_mentions
            if m.kind == COUNTRY and m.end <= t_start and how_matched(m.text) != "capital"
        ]
        return (f"country:{subjects[0].key}" if subjects else ""), ""
    if type_code not in ("regime_change", "armed_conflict"):
        return "", ""
    actors = [m for m in clause_mentions if m.kind != COUNTRY and m.key in actor_by_key]
    people_before = [m for m in actors if m.end <= t_start and actor_by_key[m.key].kind == PERSON]
    people_after = [m for m in actors if m.start >= t_end and actor_by_key[m.key].kind == PERSON]
    groups_before = [m for m in actors if m.end <= t_start and actor_by_key[m.key].kind != PERSON]
    groups_after = [m for m in actors if m.start >= t_end and actor_by_key[m.key].kind != PERSON]
    word = trigger.group().split()[-1]
    before_text = clause[: trigger.start()]
    passive = bool(_PASSIVE_FORMS.match(word)) or bool(
        re.search(r"\b(?:was|were|been|being)\s+(?:\w+\s+)?$", before_text)
    )
    if (
        passive
        and word.lower() != "overthrown"
        and not re.search(r"\b(?:was|were|been|being)\s+(?:\w+\s+)?$", before_text)
        and re.match(
            r"\s+(?!by\b|in\b|on\b|at\b|during\b|after\b|from\b)\w", clause[trigger.end() :]
        )
    ):
        passive = False  # "the army ousted his regime": with an object, active
    of_form = bool(re.search(r"\b(?:fall|collapse)\s+of\b|['’]s\s+fall$", trigger.group(), re.I))
    if passive:
        target = people_before[-1].key if people_before else ""
        agent = groups_after[0].key if groups_after else ""
    else:
        target = people_after[0].key if people_after else ""
        agent = (
            groups_before[-1].key
            if groups_before
            else people_before[-1].key
            if people_before
            else ""
        )
        if of_form:
            agent = ""
    if not target:
        phrase = _REGIME_PHRASE.search(clause[trigger.end() :] if not passive else before_text)
        if phrase is None:
            phrase = _REGIME_PHRASE.search(clause)
        if phrase:
            bare = phrase.group(0).replace("the ", "").strip()
            # "Hakim's dictatorship" takes no article; "the Hakim regime" does.
            target = bare if re.search(r"['’]s\b", bare) else "the " + bare
    if agent == target:
        agent = ""
    return agent, target


def _object_text(type_code: str, clause: str, trigger) -> str:
    after = clause[trigger.end() :]
    if type_code == "intent" or (
        type_code == "establish_relations" and _AGREED_OR_DEAL.match(trigger.group())
    ):
        restore = re.search(r"restor|resum|re-?establish|restart|normali", trigger.group(), re.I)
        verb = "restore" if restore else "establish"
        # An agreement typed as the establishment keeps its wording in the title.
        return verb if type_code == "intent" else f"{AGREEMENT_TO}{verb}"
    if type_code == "recognise" and re.match(
        r"\W+(?:[\w'’-]+\W+){0,3}?(?:sovereignty|claims?|annexation|rule)\b", after, re.I
    ):
        # "recognised Peru's sovereignty over the islands": a claim, not a state.
        return "sovereignty"
    if type_code == "reduce_relations" and re.search(r"embass|consul", trigger.group(), re.I):
        return "suspend" if re.search(r"suspen", trigger.group(), re.I) else "close"
    if type_code == "announce" and re.search(r"\b(?:relations|ties)\b", clause, re.I):
        return "diplomatic relations"
    if type_code == "armed_conflict":
        named = re.search(r"((?:[A-Z][\w'’-]*\s+){1,3})wars?\b", clause)
        if named and not re.search(r"Cold", named.group(1)):
            return named.group(1).strip() + " war"
        if re.search(r"civil\s+war", clause, re.I):
            return "civil war"
        return ""
    if type_code == "sign_agreement":
        m = re.search(
            r"\b((?:joint\s+|free\s+trade\s+|peace\s+|formal\s+)?(?:agreement|accord|treaty|deal|"
            r"memorandum|MoU|pact|declaration|statement|protocol|contract))\b",
            after,
            re.I,
        )
        return m.group(1).lower() if m else "agreement"
    if type_code == "provide_aid":
        m = re.search(
            r"\b(humanitarian\s+(?:aid|assistance|goods)|aid|assistance|relief)\b", after, re.I
        )
        return m.group(1).lower() if m else "aid"
    if type_code == "expel_withdraw" and re.search(
        r"expel|expuls|to\s+leave|persona\s+non\s+grata", trigger.group(), re.I
    ):
        return "expel"
    if type_code == "expel_withdraw" and re.match(
        r"(?i)(?:cut|reduc|slash|downsiz|shrink|scal)", trigger.group()
    ):
        # "ordered Fiji to cut its diplomatic staff" against "Peru cut its embassy staff".
        return "order cut" if _ORDERED_TO.search(clause[: trigger.start()]) else "cut"
    if type_code in ("ease_sanctions", "impose_sanctions"):
        m = re.search(
            r"\b(sanctions|restrictions|embargo|bounty|boycotts?|blockade)\b", after, re.I
        )
        return m.group(1).lower() if m else "sanctions"
    return ""


# --- titles ----------------------------------------------------------------------


def _country_names(codes: list[str]) -> list[str]:
    return [country_name(c) for c in codes]


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _display(ref: str, actor_by_key: dict[str, ActorInfo]) -> str:
    if ref.startswith("country:"):
        return f"{country_name(ref[8:])} officials"
    if ref in actor_by_key:
        return actor_by_key[ref].name
    return ref


def title_for(
    detail: CandidateDetail, actor_by_key: dict[str, ActorInfo], status: str | None = None
) -> str:
    cand = detail.candidate
    return make_title(
        cand.type,
        cand.countries,
        [actor_by_key[k] for k in cand.actors if k in actor_by_key],
        detail.place,
        detail.object_text,
        status or cand.status,
        agent=_display(detail.agent, actor_by_key)
        if detail.agent in actor_by_key or detail.agent.startswith("country:")
        else "",
        target=_display(detail.target, actor_by_key),
        joint=detail.joint,
        subject_missing=detail.subject_missing,
    )


def make_title(
    type_code: str,
    countries: list[str],
    actors: list[ActorInfo],
    place: str = "",
    object_text: str = "",
    status: str = "done",
    agent: str = "",
    target: str = "",
    joint: bool = False,
    subject_missing: bool = False,
) -> str:
    """A short readable title: "Oman and Brazil establish diplomatic relations"."""
    people = [a.name for a in actors if a.kind == PERSON]
    groups = [a.name for a in actors if a.kind != PERSON]
    names = _country_names(countries)
    first = people[0] if people else (names[0] if names else (groups[0] if groups else ""))
    plural_subject = len(names) >= 2
    pair = _join(names[:2]) if plural_subject else (names[0] if names else "")
    verb_s = "" if plural_subject else "s"
    planned = (
        "plan to "
        if status == "planned" and plural_subject
        else ("plans to " if status == "planned" else "")
    )
    if planned:
        verb_s = ""
    subject = names[0] if names else first
    with_other = f" with {names[1]}" if len(names) > 1 else ""
    if type_code == "reduce_relations" and place == "embassy" and names:
        verb = object_text or "close"
        if subject_missing or len(names) < 2:
            return f"Embassy in {names[0]} {verb}{'ed' if verb.endswith('d') else 'd'}"
        return (
            f"{names[0]} {'plans to ' + verb if planned else verb + 's'} its embassy in {names[1]}"
        )
    if type_code == "reduce_relations" and place == "ordered consulate" and len(names) >= 2:
        return f"{names[0]} orders {names[1]} to {object_text or 'close'} a consulate"
    if type_code == "reduce_relations" and place.endswith("consulate") and names:
        verb = object_text or "close"
        if subject_missing or len(names) < 2:
            return f"Consulate in {names[0]} {verb}{'ed' if verb.endswith('d') else 'd'}"
        return (
            f"{names[0]} {'plans to ' + verb if planned else verb + 's'} its consulate in "
            f"{names[1]}"
        )
    if type_code == "establish_relations" and object_text.startswith(AGREEMENT_TO):
        type_code, object_text = "intent", object_text[len(AGREEMENT_TO) :]  # same wording
    if (
        subject_missing
        and names
        and type_code in ("establish_relations", "reduce_relations", "intent")
    ):
        # Only the other side is named: say what happened to relations with it.
        return {
            "establish_relations": f"Diplomatic relations established with {names[0]}",
            "reduce_relations": f"Diplomatic relations with {names[0]} broken off",
            "intent": f"Agreement to {object_text or 'establish'} relations with {names[0]}",
        }[type_code]
    titles = {
        "establish_relations": f"{names[0]} {'opens' if place == 'new embassy' else 'reopens'} "
        f"its embassy in {names[1]}"
        if place in ("embassy", "new embassy") and len(names) >= 2
        else f"{names[0]} {'plans to upgrade' if planned else 'upgrades'} its diplomatic "
        f"representation in {names[1]}"
        if place == "upgrade" and len(names) >= 2 and not joint
        else f"{pair} {planned}upgrade{verb_s} diplomatic relations"
        if place == "upgrade" and plural_subject
        else f"{pair} {planned}establish{verb_s} diplomatic relations"
        if plural_subject
        else f"{pair} {planned}establish{'es' if not planned else ''} diplomatic relations",
        "recognise": f"{pair} recognition",
        "reduce_relations": f"{pair} {planned}break relations"
        if plural_subject and joint
        else f"{subject} {planned}break{'' if planned else 's'} relations" + with_other,
        "intent": (
            f"{pair} agree to {object_text or 'establish'} diplomatic relations"
            if plural_subject and joint
            else f"{names[0] if names else first} agrees to {object_text or 'establish'} "
            "diplomatic relations" + (f" with {names[1]}" if len(names) > 1 else "")
        ),
        "sign_agreement": f"{pair} sign {object_text or 'agreement'}"
        if plural_subject
        else f"{first} signs {object_text or 'agreement'}",
        "join_organisation": f"{subject} joins {groups[0] if groups else 'an organisation'}",
        "regime_change": _regime_title(agent, target, names),
        "armed_conflict": _war_title(object_text, agent, target, names),
        "provide_aid": f"{names[0] if names else first} provides {object_text or 'aid'}"
        + (f" to {names[1]}" if len(names) > 1 else ""),
        "ease_sanctions": f"{names[0] if names else first} eases {object_text or 'sanctions'}"
        + (f" on {names[1]}" if len(names) > 1 else ""),
        "impose_sanctions": f"{names[0] if names else first} imposes {object_text or 'sanctions'}"
        + (f" on {names[1]}" if len(names) > 1 else ""),
        "expel_withdraw": (
            f"{names[0]} orders {names[1]} to cut its diplomatic staff"
            if object_text == "order cut" and len(names) > 1
            else f"{names[0] if names else first} cuts its diplomatic staff"
            + (f" in {names[1]}" if len(names) > 1 else "")
            if object_text in ("cut", "order cut")
            else f"{names[0] if names else first} expels diplomats"
            + (f" of {names[1]}" if len(names) > 1 else "")
            if object_text == "expel"
            else f"{names[0] if names else first} withdraws diplomats"
            + (f" from {names[1]}" if len(names) > 1 else "")
        ),
        "visit": f"{agent or first} {planned}visit{'s' if not planned else ''} "
        f"{place or target or (names[-1] if names and names[-1] != first else '')}".strip(),
        "meet": (
            f"{agent} {'meet' if agent.endswith('officials') else 'meets'} {target}"
            if agent and target
            else f"{people[0]} meets {people[1]}"
            if len(people) >= 2
            else f"{pair} hold talks"
            if plural_subject and not people
            else f"{first} holds talks"
            + (f" in {place}" if place and place not in ("embassy", "new embassy") else "")
        ),
        "negotiate": f"{pair} hold talks" if plural_subject else f"{first} holds talks",
        "criticise": f"{names[0] if names else first} criticises "
        + (f"{names[1]}" if len(names) > 1 else "a decision"),
        "announce": f"{pair} announce {object_text}"
        if object_text and plural_subject and joint
        else f"{first} announces {object_text}"
        if object_text
        else f"{first} makes an announcement",
    }
    title = titles.get(type_code, f"{EVENT_TYPES.get(type_code, (type_code, ''))[0]}: {first}")
    return re.sub(r"\s+", " ", title).strip()


def _regime_title(agent: str, target: str, names: list[str]) -> str:
    if agent and target:
        return f"{agent} overthrows {target}"
    if target:
        return f"{target[0].upper()}{target[1:]} overthrown"
    if names:
        return f"Change of government in {names[0]}"
    return "Change of government"


def _war_title(object_text: str, agent: str, target: str, names: list[str]) -> str:
    if object_text == "civil war":
        return f"Civil war in {names[0]}" if names else "Civil war"
    if object_text:
        return object_text
    if agent and target:
        return f"{agent} attacks {target}"
    return f"Armed conflict in {names[0]}" if names else "Armed conflict"


def date_label(value: DateValue | None) -> str:
    return value.display if value else "undated"
