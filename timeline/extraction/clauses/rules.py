"""Clause analysis by rules over the text: the ``ClauseAnalyser`` in use.

A sentence is cut into clauses at semicolons, dashes and the conjunctions that open a
new clause ("X was overthrown in December | following an attack by Y"); relative
clauses that tell another happening ("restore ties | that were cut in 2016") become
clauses of their own, blanked out of their host. The reporting frame ("..., the
ministry said on Friday", "According to X, ...") is set apart: its date is the
report's, never the happening's. For a predicate found in a clause, the rules read its
voice, negation, modality (done, planned, hypothetical), the request or order that
embeds it ("urged X to", "ordered X to") and the mentions it takes as arguments.

Nothing here knows an event type: the verbs that make a relative clause a clause of
its own are handed in by whoever builds the analyser.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import replace

from ..countries import how_matched
from ..pubdate import dateline_end, dateline_place_end
from ..types import COUNTRY, Mention, Modality, Sentence, Timex, Voice
from .lemmas import inflections
from .model import Argument, Clause, ClauseKind, Predicate

_CLAUSE_BREAK = re.compile(
    r";\s+|\s+[—–]\s+|,\s+(?=(?:following|when|while|thus|but|whereas|although|though|with|"
    r"however|where|after|before|as\s+well\s+as|and\s+then)\b)"
    # "the following July" is a date, not a clause "following X".
    r"|(?<!\bthe)\s+(?=(?:after|following|before)\s+(?!which\b|whom\b)\w)"
    # "X recognised Y in 1973 and then opened its embassy a year later", "X left the bloc
    # in 1999 but later rejoined it": two actions.
    r"|\s+(?=(?:and|but)\s+(?:then|later)\s+[a-z]+ed\b)"
)
# Non-restrictive relative clauses: ", who has had close ties with X for years,".
# ", which was held in early 2021" tells the date of the noun before it: not a clause.
_RELATIVE = re.compile(
    r",\s+(?:who|which|whose)\b(?!\s+(?:was|were)\s+(?:held|signed|launched|reached|adopted|"
    r"concluded|opened)\b|\s+took\s+place\b)(?:[^,;]|,(?=\s*\d{4}\b))*(?:,|$)"
)
# One telling what the clause before it led to.
_CONSEQUENCE = re.compile(
    r",\s+which\s+(?:\w+ly\s+)?(?:led\s+to|resulted\s+in|prompted|triggered|caused)\s+"
    r"(?:the|a|an)\s+"
)
# A restrictive one on a person, without commas: "contacts with a Russian national who had
# once worked for the consulate and was arrested this year" (its date is the person's).
_WHO_RELATIVE = re.compile(
    r"(?<=[a-z])\s+who\s+(?!(?:is|are)\b)(?:(?:had|has|have|was|were)\s+(?:been\s+)?)?"
    r"(?:\w+ly\s+)?(?P<verb>[a-z]+)\b[^,;]*"
)
# A reduced one, a participle set off by commas: "Relations, broken off by the war, were
# restored in 1929". One that dates the noun ("the letter, dated Tuesday,") is no clause.
_REDUCED_RELATIVE = re.compile(
    r",\s+(?:\w+ly\s+)?(?!(?:held|signed|launched|reached|adopted|concluded|opened|issued|"
    r"published|released|dated|quoted|cited|written)\b)(?P<verb>[a-z]+(?:ed|en)|cut|shut|torn)\s+(?:off\s+)?"
    r"(?:by|in|during|after|since|over|amid|from)\b[^,;]*,"
)
# A noun and a passive relative clause telling what was done to it: "ties that were cut
# in 2016", "a boycott which was launched in June 2017".
_NOUN_RELATIVE = re.compile(
    r"\b(?P<noun>[a-z]+)\b(?P<rel>,?\s+(?:that|which)\s+(?:had\s+been|have\s+been|has\s+been|"
    r"were|was)\s+(?:\w+ly\s+)?(?P<verb>[a-z]+)\b[^,;]*)",
    re.I,
)
# An object relative on relations, with its own subject: "restoring ties that Belgrade
# severed in March 1999", "relations which it had broken off in 1973": the breaking is a
# happening of its own, and its date not the restoring's.
_OBJECT_RELATIVE = re.compile(
    r"\b(?P<noun>relations|ties|links|relationship)\b(?P<rel>\s+(?:that|which)\s+"
    r"(?:it|they|he|she|(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+"
    r"(?:had\s+|has\s+|have\s+)?(?:\w+ly\s+)?(?P<verb>[a-z]+)\b[^,;]*)"
)
# A participle after restored relations, without "that were": "restoring relations severed in
# June 1990", "have restored ties, cut exactly 14 years ago when ...": the cutting is a
# happening of its own, and its date not the restoring's. <<RESTORE>> is filled from the
# frames' shared words (restore, resume, re-establish, ...).
_RESTORED_PARTICIPLE = (
    r"<<RESTORE>>\W+(?:[\w'’-]+\W+){0,4}?(?P<noun>relations|ties|links|relationship)\b"
    r"(?:\s+(?:with|between)(?:\s+[\w'’.-]+){1,6}?)?"
    r"(?P<rel>,?\s+(?:\w+ly\s+)?(?P<verb>[a-z]+(?:ed|en)|cut|shut|torn)\s+(?:off\s+)?(?:\w+ly\s+)?"
    r"(?:(?:by|in|on|during|after|since|over|amid|under|following|at)\b|"
    r"(?:exactly|nearly|almost|some|about|just|only|more\s+than|a|an|\d+)\s)[^,;]*)"
)


@functools.cache
def _restored_participle() -> tuple[re.Pattern[str], frozenset[str]]:
    """The pattern, and the participles of breaking verbs it may hold."""
    from ..frames import breaking_lemmas, words  # the frames read this package: import late

    pattern = _RESTORED_PARTICIPLE.replace("<<RESTORE>>", words()["RESTORE"])
    return re.compile(pattern, re.I), frozenset(_forms(breaking_lemmas()))


# Relations dated before their relative clause: "established relations on April 13, 1950,
# which were suspended on October 30, 1967": the suspension is a happening of its own.
_DATED_NOUN_RELATIVE = re.compile(
    r"\b(?P<noun>relations|ties|links|relationship)\b\s+(?:on|in)\s+"
    r"[^,;]{0,20}?(?:,\s*)?"
    r"\d{4}(?P<rel>,\s+(?:that|which)\s+(?:had\s+been|have\s+been|has\s+been|were|was)\s+"
    r"(?:\w+ly\s+)?(?P<verb>[a-z]+)\b(?:[^,;]|,(?=\s*\d{4}\b))*)"
)
# The noun phrase a relative clause hangs on runs back over its complements: "a boycott
# of Fiji by its neighbours and Peru which was launched in June 2017" is the boycott's.
_COMPLEMENTS = re.compile(
    r"(?:\b[\w'’-]+\s+(?:of|by|and|for|with|against|from|on|between)\s+"
    r"(?:(?:the|its|their|his|her|a|an)\s+)?(?:[\w'’-]+\s+){0,2}?)+$",
    re.I,
)
_LEADING_SUBORDINATE = re.compile(
    # "Hours after Peru expelled Chile's envoy, Chile ...": the time before "after" too.
    r"^(?:(?:Hours|Minutes|Days|Weeks|Moments|Shortly|Soon|Just|Only)\s+(?:after|before)|"
    r"When|After|Following|Since|Although|Though|Despite|Before|While|As|Once|With|Including|"
    # "In ending three decades of hostility between X and Y, Z will ...": a gerund adjunct.
    r"In\s+[a-z]+ing|"
    # A perfect participle: "Having broken off relations in 1964, Chile restored them".
    r"Having\s+(?:been\s+)?[a-z]+)"
    r"\b[^,]{3,160},\s+"
)
# A time adjunct fronted before a subordinate clause: "On 7 January 1965, after Malaysia took
# the seat, Indonesia withdrew", "In March 1980, as protests grew, Peru broke off ...". The
# adjunct modifies the main clause after the subordinate one, as any fronted adjunct does.
_FRONTED_TIME = re.compile(
    r"^(?:On|In|By|At|During|Early|Late|Later|Earlier|Last|This|That)\b[^,]{2,40},\s+"
    r"(?=(?:after|before|following|when|while|as|once|since|despite|amid)\b)"
)
_SUBORDINATE = re.compile(
    r"(?:after|before|following|when|while|as|once|since|despite|amid)\b[^,;]{3,160},\s+"
)


def _fronted(text: str) -> tuple[int, int] | None:
    """Where a fronted time adjunct ends and the main clause after its subordinate begins."""
    time = _FRONTED_TIME.match(text)
    sub = _SUBORDINATE.match(text, time.end()) if time else None
    return (time.end(), sub.end()) if time and sub else None


# A leading "After Peru expelled Chile's envoy, ..." tells an earlier happening than the
# main clause: the report's date is not its date.
_EARLIER_LEAD = re.compile(r"^(?:\w+\s+)?(?:after|following|since|having)\b", re.I)
_REPORT_FRAME = re.compile(
    r"\b(?:announced|said|says|confirmed|stated|reported|told|noted|revealed|disclosed|added)\b"
    r"(?P<tail>[^\"“]{0,40}?)\bthat\b",
    re.I,
)
# A long subject closed by its apposition: "The Chair of the Forum and Premier of Tonga,
# Ana Folau, has announced that ...": the frame may reach further into the sentence.
_AFTER_APPOSITION = re.compile(
    r",\s+(?:[A-Z][\w.'’-]*\s+){1,3}?[A-Z][\w.'’-]*,\s+(?:has\s+|have\s+)?$"
)
# A report without "that" before a clause of its own: "Canada said on Tuesday Honduras had
# been suspended", "X announced the Fijian regime has been suspended" (a capitalised
# subject, then an auxiliary).
_REPORT_BARE = re.compile(
    r"\b(?:announced|said|says|confirmed|stated|reported|revealed|disclosed)"
    r"(?:\s+(?:on\s+)?\w+day)?\s+"
    r"(?=(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,4}(?:has|have|had|was|were|is|are|will|would)\b)"
)


def _bare_report(s: str, offset: int, mentions: Iterable[Mention]) -> re.Match[str] | None:
    """A report without "that" whose clause opens with a country's name or demonym."""
    bare = _REPORT_BARE.search(s)
    if bare is None:
        return None
    opens = re.match(r"(?:the\s+)?", s[bare.end() :]).end() + bare.end() + offset
    # A capital ("said Riyadh is severing") stands for its government: left as it was.
    named = [m for m in mentions if m.kind == COUNTRY and m.start == opens]
    return bare if any(how_matched(m.text) != "capital" for m in named) else None


_ACCORDING = re.compile(r"^(?:According\s+to\s+[^,]{2,120}),\s+", re.I)
# A country naming the outlet that reports, not a side of what it reports: "the Japanese
# publication reported", "Chinese state media said", "Japan's Kyodo news agency".
_OUTLET_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:state|official|state-run|government|local|[A-Z][\w-]+)\s+){0,2}"
    r"(?i:publication|newspaper|daily|media|press|news\s+agency|news\s+outlet|outlet|"
    r"broadcaster|television|tabloid|paper)s?\b"
)


def names_an_outlet(text: str, end: int) -> bool:
    """The country mention ending at ``end`` names a news outlet ("Chinese state media")."""
    return bool(_OUTLET_AFTER.match(text, end))


SAID_TAIL = re.compile(
    r",?\s+(?:[^,]{0,80}?\s)?(?:said|says|announced|confirmed|told\s+\w+|reported)\b[^,.]{0,40}[.\s]*$",
    re.I,
)

# --- modality -------------------------------------------------------------------------

# The courtesy of a formal notice: "wishes to inform the general public that it has
# signed", "would like to announce that": what follows is told as done, not wished.
_NOTICE = r"(?!\s+(?:like\s+)?to\s+(?:inform|announce|notify|advise|state|confirm|report)\b)"
_HYPOTHETICAL = re.compile(
    r"\b(?:attempt\w*|tried|try|trying|plot(?:s|ted|ting)?|conspir\w+|desir\w+|"
    rf"wish\w*{_NOTICE}|refus\w+|declin\w+\s+to|fail\w*\s+to|"
    r"seek\w*|sought|hop(?:e|es|ed|ing)|interest\s+in|willing\w*|ready\s+to|aim\w*\s+to|"
    rf"opportunit\w+|efforts?|would{_NOTICE}|could|might|(?-i:may)|if|whether|"
    r"consider(?:s|ing)?\s+(?:to|whether|\w+ing)|discuss\w*|explore|(?<!\bin\s)pursu\w+|procedures?|"
    r"policy\s+of|conditions\s+were\s+set|prospects?|possib\w+|potential|not|never|"
    r"no\s+longer|without|yet\s+to|began\s+to|begin\s+to|"
    # A threat or a denial tells no act: "threatened to close", "denied it had cut",
    # "rejected reports that it had expelled".
    r"threaten\w*|den(?:y|ies|ied|ying)|(?:reject|dismiss)\w*\s+(?:[\w,]+\s+){0,6}?(?:the\s+)?"
    r"(?:reports?|claims?|allegations?|rumou?rs?|suggestions?|accusations?)|"
    # Hearsay named as such, an act ruled out or stopped short of (not one set off before
    # the finite verb: "X, stopping short of a break, froze ties"), and a demand or
    # proposal that another side act ("demanded that Chile expel"): no act told as done.
    r"(?:rumou?rs?|speculation|allegations?)\s+that|"
    r"(?:rul(?:e|es|ed|ing)\s+out|stop(?:s|ped|ping)?\s+short\s+of)(?=[^,;]{0,40}$)|"
    r"(?:demand|propos|recommend|request)(?:s|ed|ing)?\s+(?:[\w,]+\s+){0,5}?that|"
    # A gerund weighed, not done: "is considering severing ties".
    r"(?:consider(?:s|ing)?|contemplat(?:es?|ing)|mull(?:s|ing)?|weigh(?:s|ing)?)(?=\s+$))\b",
    re.I,
)
_PLANNED = re.compile(
    r"\b(?:will|shall|plans?\s+to|planning\s+to|planned|is\s+expected|are\s+expected|is\s+set\s+to|"
    r"is\s+to|are\s+to|intends?\s+to|scheduled|upcoming|soon|next\s+(?:week|month|year)|"
    r"to\s+be\s+(?:held|signed|opened|launched))\b",
    re.I,
)
_INFINITIVE = re.compile(
    r"\b(?:plans?|planning|intends?|intending|aims?|expected|set|scheduled|ready|willing|"
    r"hopes?|hoping|wants?|seeks?|seeking|pledged|vowed|promised|decided|decides|agreed|"
    r"agrees|is|are|was|were|going)\s+to\s+(?:\w+ly\s+)?$",
    re.I,
)
_INVITED = re.compile(
    r"\b(?:invit\w+|ask(?:s|ed)?|urg\w+|encourag\w+|call(?:s|ed)?\s+(?:on|upon|for))\b[^.;]{0,60}"
    r"\bto\s+$",
    re.I,
)
_PLANNED_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,12}?(?:to\s+be\s+held|scheduled\s+(?:for|to)|will\s+be\s+held)\b"
)
_REFUSED = re.compile(r"\b(?:refus\w+|declin\w+\s+to|fail\w*\s+to)\b", re.I)
_NEGATION = re.compile(r"\b(?:not|never|no\s+longer)\b", re.I)
# After the act, only a refusal by verb negates it, and not one told as its reason:
# "only Bahrain refused to rebuild ties" does; "protesting Tehran's refusal to negotiate"
# and "expelled him for failing to apologise" do not.
_REFUSED_AFTER = re.compile(r"\b(?:refused|refuses|declin(?:ed|es)\s+to|fail(?:ed|s)\s+to)\b", re.I)
_REASON_BEFORE = re.compile(r"\b(?:for|after|over|by)\s+$", re.I)
# ... or in a clause of reason or time after it: "suspended Fiji because it failed to meet
# the deadline", "cut ties when Peru refused to apologise".
_REASON_CLAUSE = re.compile(r"\b(?:because|since|after|when|as)\s+[^.;]*$", re.I)


def _refused(before: str, after: str) -> bool:
    """ "refused to expel" negates the act."""
    return bool(_REFUSED.search(before)) or any(
        not _REASON_BEFORE.search(after[max(0, m.start() - 8) : m.start()])
        and not _REASON_CLAUSE.search(after[: m.start()])
        for m in _REFUSED_AFTER.finditer(after)
    )


# A noun or a gerund names the action without conjugating it: "plans for talks" is no
# infinitive of "talks".
_NOMINAL = re.compile(
    r"^(?:meeting|talks|visit|trip|war|wars|civil\s+war|offensive|invasion|coup|"
    r"fall\s+of|collapse\s+of|establishment|\w+ing)\b",
    re.I,
)
# "Peru became the first country to recognise Fiji", "was among the first countries to
# recognise Fiji": a ranking tells the act as done.
RANKED_TO = re.compile(
    r"\b(?:became|becomes|becoming|was|were|is|are|being|has\s+been|had\s+been|remains|remained)"
    r"\s+(?:the|one\s+of\s+the|among\s+the)\s+"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|"
    r"\w+teenth|\w+tieth|last|latest|only|earliest)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:(?:this|that|last)\s+(?:year|month|week)\s+)?to\s+$",
    re.I,
)
ORDERED_TO = re.compile(
    r"\b(?:order\w*|told|tells?|telling|requir\w+|forc\w+|demand\w*|instruct\w*)\b"
    r"[^.;]{0,80}?\bto\s+$",
    re.I,
)
# "has cut", "have formally recognised", "has now been expelled".
_PERFECT_BEFORE = re.compile(
    r"\b(?:has|have)\s+(?:(?:also|now|just|already|reportedly|formally|officially|finally|"
    r"\w+ly)\s+)*(?:been\s+)?$",
    re.I,
)
# What may stand between the items of a list: "with China in 1975, with Japan in 1981 and
# with India in 1991", "China (1975), Japan (1981)".
# A state's formal title ("with the Republic of Nauru") and a short time clause after an
# item's date ("in June 2001 while Chen was visiting Latin America, and with ...") too.
# A time clause ends at a comma or "and" only: "in 1993 before switching recognition to
# Taiwan" names Taiwan in the time clause, as no item of the list.
_ITEM_GAP = re.compile(
    r"^\s*\)?\s*(?:(?:while|when|as|after|before)\s+[^,;()]{1,80}?"
    r"(?:\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+(?:and|as\s+well\s+as)\s+)"
    r"|(?:\(|,)?\s*(?:and\s+|as\s+well\s+as\s+)?)(?:with\s+|to\s+)?(?:the\s+)?"
    r"(?:(?:Republic|Kingdom|State|Federation|Principality|Sultanate|Commonwealth)\s+of\s+"
    r"(?:the\s+)?)?$",
    re.I,
)
_ITEM_DATE_GAP = re.compile(r"^\s*(?:\(|,)?\s*(?:in|on|since)?\s*$", re.I)
# "Rwanda and (the) Republic of Burundi": a state's formal title stands between too.
_SUBJECT_GAP = re.compile(
    r"^\s*(?:,|,?\s+and|,?\s+as\s+well\s+as)\s+(?:the\s+)?"
    r"(?:(?:Republic|Kingdom|State|Federation|Principality|Sultanate|Grand\s+Duchy)\s+of\s+"
    r"(?:the\s+)?)?$",
    re.I,
)
_BE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.I)
_PREPOSITIONS = r"(?:with|between|to|from|in|of|by|against|on|at|for)"
# The preposition nearest before a mention, at most two other words away: "with Fiji",
# "in the Chilean capital Santiago".
_PREPOSITION = re.compile(
    rf"\b(?P<prep>{_PREPOSITIONS})\s+(?:the\s+)?(?:(?!{_PREPOSITIONS}\b)[\w'’-]+\s+){{0,2}}$",
    re.I,
)


def hedged(text: str) -> bool:
    """Words that make what follows a wish, an attempt or a possibility."""
    return bool(_HYPOTHETICAL.search(text))


def nominal(trigger: str) -> bool:
    return bool(_NOMINAL.match(trigger))


@functools.cache
def _forms(verbs: frozenset[str]) -> frozenset[str]:
    return frozenset(form for lemma in verbs for form in inflections(lemma, "VERB"))


def _starting_between(items: list):
    """``lambda lo, hi: [x for x in items if lo <= x.start < hi]`` by bisection, in list order."""
    order = sorted(range(len(items)), key=lambda i: items[i].start)
    starts = [items[i].start for i in order]

    def between(lo: int, hi: int) -> list:
        found = order[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
        return [items[i] for i in sorted(found)]

    return between


# An aside between two dashes inside one clause, the clause going on after it in lower
# case: "three rounds of talks – the first of which took place on 27 July 1990 – were held
# between X and Y" is one clause, not three.
_DASH_ASIDE = re.compile(
    r"\s+[—–]\s+[^—–;]{3,80}?\s+[—–]\s+(?=[a-z])"
    r"(?!(?:because|and|but|or|nor|while|as|which|who|that|when|where|so|since|although|"
    r"though|after|before|if|unless|until)\b)"
)


def _cuts(sentence: Sentence) -> list[tuple[int, int]]:
    text = sentence.text
    cuts = [0]
    lead = _LEADING_SUBORDINATE.match(text)
    if lead:
        cuts.append(lead.end())
    cuts.extend(_fronted(text) or ())
    asides = [(m.start(), m.end()) for m in _DASH_ASIDE.finditer(text)]
    cuts.extend(
        m.end()
        for m in _CLAUSE_BREAK.finditer(text)
        if not any(a <= m.start() < b for a, b in asides)
    )
    cuts = [*sorted(set(cuts)), len(text)]
    return [
        (sentence.start + a, sentence.start + b)
        for a, b in itertools.pairwise(cuts)
        if text[a:b].strip()
    ]


def report_frame(
    text: str, sentence: Sentence, timexes: list[Timex], mentions: Iterable[Mention] = ()
) -> tuple[int, Timex | None]:
    """Where the reporting frame before the clauses ends, and the date it gives the report."""
    s = sentence.text
    frame_end = sentence.start
    spans: list[tuple[int, int]] = []
    according = _ACCORDING.match(s)
    if according:
        spans.append((sentence.start, sentence.start + according.end()))
        frame_end = sentence.start + according.end()
    said = SAID_TAIL.search(s)
    if said and said.start() > len(s) // 3:
        spans.append((sentence.start + said.start(), sentence.end))
    frame = _REPORT_FRAME.search(s) or _bare_report(s, sentence.start, mentions)
    if frame and (
        frame.start() < len(s) // 2
        or (frame.start() < 2 * len(s) // 3 and _AFTER_APPOSITION.search(s, 0, frame.start()))
    ):
        spans.append((sentence.start, sentence.start + frame.end()))
        frame_end = max(frame_end, sentence.start + frame.end())
    report = None
    for t in timexes:
        if t.kind == "date" and any(fa <= t.start and t.end <= fb for fa, fb in spans):
            report = t
    return frame_end, report


# A link's label left in a scraped page, in square brackets: "The Commonwealth [official
# website] on Tuesday suspended [press release] Fiji", "[AP report]", "[BBC profile; JURIST
# news archive]". Read as blank; words a writer adds in brackets to a quotation stay.
_LINK_LABEL = re.compile(
    r"\[(?:[\w.'’ -]{0,40}?\b(?:website|report|release|profile|archive|text|backgrounder|"
    r"transcript|video|summary|PDF|materials|official\s+statement|press\s+statement)\s*[;,]?\s*)+\]"
)


class RuleClauseAnalyser:
    """``ClauseAnalyser`` by rules over one article's text, timexes and mentions."""

    def __init__(
        self,
        text: str,
        timexes: list[Timex],
        mentions: list[Mention],
        relative_verbs: Iterable[str] = (),
    ):
        self.text = text
        self._timexes = _starting_between(timexes)
        self._mentions = _starting_between(mentions)
        # Every form of the verbs whose relative clause tells a happening of its own.
        self._relative_forms = _forms(frozenset(relative_verbs))

    # --- clauses ------------------------------------------------------------------

    def clauses(self, sentence: Sentence) -> list[Clause]:
        """The sentence's main clauses in order, then its relative clauses."""
        lead = sentence.start + (dateline_end(sentence.text) if sentence.index < 3 else 0)
        timexes = self._timexes(lead, sentence.end)
        place = dateline_place_end(sentence.text) if sentence.index < 3 else 0
        mentions = self._mentions(max(lead, sentence.start + place), sentence.end)
        holes, nouns = self._holes(sentence)
        labels = [
            (sentence.start + m.start(), sentence.start + m.end())
            for m in _LINK_LABEL.finditer(sentence.text)
        ]
        host = self._blanked(sentence, holes + labels)

        def outside(items):
            return [x for x in items if not any(a <= x.start < b for a, b in holes + labels)]

        frame_end, report = report_frame(self.text, sentence, timexes, mentions)
        main = self._main_clauses(sentence, host, outside(timexes), outside(mentions), frame_end)
        for clause in main:
            if clause.start == frame_end:
                clause.frame_countries = [
                    m.key
                    for m in mentions
                    if m.kind == COUNTRY
                    and m.end <= frame_end
                    and not names_an_outlet(self.text, m.end)
                ]
            clause.report_timex = None if clause.earlier else report
        _participle_subject(main, sentence, outside(mentions))
        relatives = [
            self._relative(sentence, hole, nouns.get(hole[0]), timexes, mentions, holes)
            for hole in holes
        ]
        return main + relatives

    def _main_clauses(self, sentence, host, timexes, mentions, frame_end) -> list[Clause]:
        lead = _LEADING_SUBORDINATE.match(sentence.text)
        earlier_end = (
            sentence.start + lead.end() if lead and _EARLIER_LEAD.match(sentence.text) else None
        )
        fronted = _fronted(sentence.text)
        if fronted:
            earlier_end = sentence.start + fronted[1]
        out: list[Clause] = []
        previous = None
        # Cut where the sentence read without link labels breaks ("[profile; archive]").
        blanked = replace(sentence, text=host[sentence.start : sentence.end])
        for a, b in _cuts(blanked):
            a = max(a, frame_end) if frame_end < b else a
            kind = ClauseKind.LEADING if lead and a <= sentence.start + 1 else ClauseKind.MAIN
            out.append(
                Clause(
                    sentence,
                    a,
                    b,
                    host,
                    kind,
                    timexes,
                    mentions,
                    previous=previous,
                    earlier=b == earlier_end,
                    leading_sentence=bool(lead),
                    fronted=(sentence.start, sentence.start + fronted[0])
                    if fronted and a == sentence.start + fronted[1]
                    else None,
                )
            )
            previous = (a, b)
        return out

    def _holes(self, sentence: Sentence) -> tuple[list[tuple[int, int]], dict[int, int]]:
        """Spans of relative clauses, and for those telling what was done to the noun before
        them, where that noun starts."""
        base = sentence.start
        holes = [(base + m.start(), base + m.end()) for m in _RELATIVE.finditer(sentence.text)]
        holes += [
            (base + m.start(), base + m.end())
            for m in _WHO_RELATIVE.finditer(sentence.text)
            # "diplomats who were expelled in 1983" tells a happening of its own.
            if m["verb"].lower() not in self._relative_forms
            and not any(a <= base + m.start() < b for a, b in holes)
        ]
        holes += [
            (base + m.start(), base + m.end())
            for m in _REDUCED_RELATIVE.finditer(sentence.text)
            if m["verb"].lower() in self._relative_forms
        ]
        nouns: dict[int, int] = {}
        found = [
            *_NOUN_RELATIVE.finditer(sentence.text),
            *_OBJECT_RELATIVE.finditer(sentence.text),
            *_DATED_NOUN_RELATIVE.finditer(sentence.text),
        ]
        spans = [self._relative_span(m, base) for m in found]
        spans += [
            self._participle_span(m, base)
            for m in _restored_participle()[0].finditer(sentence.text)
        ]
        for start, end, noun in filter(None, spans):
            inside = [h for h in holes if h[0] <= start < h[1] or start <= h[0] < end]
            if not inside:
                holes.append((start, end))
            nouns[inside[0][0] if inside else start] = noun
        return holes, nouns

    def _relative_span(self, m: re.Match[str], base: int) -> tuple[int, int, int] | None:
        """A relative clause telling what was done to the noun before it: its span, and where
        the noun phrase it hangs on starts (back over its complements)."""
        if m["verb"].lower() not in self._relative_forms:
            return None
        head = _COMPLEMENTS.search(m.string, max(0, m.start() - 80), m.start())
        return base + m.start("rel"), base + m.end("rel"), base + (head or m).start()

    def _participle_span(self, m: re.Match[str], base: int) -> tuple[int, int, int] | None:
        """A participle after restored relations, up to its first date; none without a date
        ("restoring relations severed in June 1939 by ..."). The noun is the relations."""
        if m["verb"].lower() not in _restored_participle()[1]:
            return None
        start = base + m.start("rel")
        dates = [t for t in self._timexes(start, base + m.end("rel")) if t.kind == "date"]
        return (start, dates[0].end, base + m.start("noun")) if dates else None

    def _blanked(self, sentence: Sentence, holes: list[tuple[int, int]]) -> str:
        if not holes:
            return self.text
        chars = list(self.text[sentence.start : sentence.end])
        for a, b in holes:
            chars[a - sentence.start : b - sentence.start] = " " * (b - a)
        return self.text[: sentence.start] + "".join(chars) + self.text[sentence.end :]

    def _relative(self, sentence, hole, noun_start, timexes, mentions, holes) -> Clause:
        a, b = hole
        inside_t = [t for t in timexes if a <= t.start < b]
        inside_m = [m for m in mentions if a <= m.start < b]
        if noun_start is not None:
            host = [
                m.key
                for m in mentions
                if m.kind == COUNTRY and not any(x <= m.start < y for x, y in holes)
            ]
            clause = Clause(sentence, noun_start, b, self.text, ClauseKind.NOUN_RELATIVE)
            clause.timexes, clause.mentions = inside_t, inside_m
            clause.frame_countries = list(dict.fromkeys(host))[:2]
            return clause
        if _CONSEQUENCE.match(self.text, a):
            # "resumed ties with Taiwan in April 1990, which led to the severance of ...":
            # the consequence hangs on the whole clause and happens when it does.
            before = [t for t in timexes if sentence.start <= t.start < a][-1:]
            clause = Clause(sentence, a, b, self.text, ClauseKind.RELATIVE)
            clause.timexes, clause.mentions = inside_t + before, inside_m
            if before:
                clause.fronted = (before[0].start, before[0].end)
            return clause
        # "Lee In Ho, who arrived ...": the name before the comma is the subject.
        # So is a country named as such ("Syria, which fought against Israel in 1967").
        antecedent = [
            m
            for m in mentions
            if 0 <= a - m.end <= 2 and (m.kind != COUNTRY or how_matched(m.text) == "name")
        ]
        antecedent = _coordinated_antecedent(antecedent, mentions, self.text)
        start = antecedent[0].start if antecedent else a
        clause = Clause(sentence, start, b, self.text, ClauseKind.RELATIVE)
        clause.timexes, clause.mentions = inside_t, antecedent + inside_m
        return clause

    # --- predicates -----------------------------------------------------------------

    def predicate(self, clause: Clause, start: int, end: int) -> Predicate:
        body = clause.body
        trigger = self.text[start:end]
        before = body[: start - clause.start]
        after = body[end - clause.start :]
        infinitive = not nominal(trigger) and bool(_INFINITIVE.search(before))
        invited = bool(_INVITED.search(before))
        planned = bool(_PLANNED.search(before) or invited or _PLANNED_AFTER.search(after))
        modality = Modality.PLANNED if planned else Modality.DONE
        if _hedges(_hedge_scope(before, clause, start)):
            modality = Modality.HYPOTHETICAL
        elif clause.report_timex is not None and modality == Modality.DONE:
            modality = Modality.REPORTED
        return Predicate(
            start=start,
            end=end,
            text=trigger,
            voice=Voice.PASSIVE if _BE_BEFORE.search(before) else Voice.ACTIVE,
            negated=bool(_NEGATION.search(trigger) or _refused(before, after)),
            modality=modality,
            invited=invited,
            infinitive=infinitive,
            perfect=bool(_PERFECT_BEFORE.search(before))
            or bool(re.match(r"(?i)ha(?:s|ve)\b", trigger)),
            causer=self._causer(clause, before),
            arguments=self._arguments(clause, start, end),
            items=self._items(clause, end),
            subjects=self._subjects(clause, start),
        )

    def _causer(self, clause: Clause, before: str) -> list[Mention]:
        """ "Peru ordered Fiji to close its consulate": Fiji is told, Peru orders."""
        order = ORDERED_TO.search(before)
        if not order:
            return []
        lo = clause.start + order.start()
        return [m for m in clause.mentions if lo <= m.start < clause.start + len(before)]

    def _items(self, clause: Clause, end: int) -> list[tuple[Mention, Timex]]:
        """Countries after the predicate listed each with its own date, when there are
        two or more of them and nothing else stands between; the list may run on past the
        clause ("with China in 1975, with Japan in 1981": ", with" opened a new one)."""
        limit = clause.sentence.end
        countries = [m for m in clause.mentions if m.kind == COUNTRY and end <= m.start < limit]
        dates = [t for t in clause.timexes if end <= t.start < limit and t.kind == "date"]
        if re.search(r"\brespectively\b", clause.sentence.text, re.I):
            # The lists may stand before the predicate: "signed communiques with X and Y on
            # D1 and D2, respectively, to establish relations".
            lo = clause.sentence.start
            return _respectively(
                self.text,
                [m for m in clause.mentions if m.kind == COUNTRY and lo <= m.start < limit],
                [t for t in clause.timexes if lo <= t.start < limit and _a_date(t)],
            )
        items: list[tuple[Mention, Timex]] = []
        cursor = end
        for country in countries:
            if not _ITEM_GAP.match(self.text[cursor : country.start]):
                break
            date = next((t for t in dates if t.start >= country.end), None)
            if date is None or not _ITEM_DATE_GAP.match(self.text[country.end : date.start]):
                break
            items.append((country, date))
            cursor = date.end
        return items if len(items) >= 2 else []

    def _subjects(self, clause: Clause, start: int) -> list[Mention]:
        """Countries coordinated before the predicate ("Fiji and Tonga", "X, Y and Z")."""
        before = [
            m
            for m in clause.mentions
            if m.kind == COUNTRY and clause.start <= m.start and m.end <= start
        ]
        run: list[Mention] = []
        for m in before:
            if run and _SUBJECT_GAP.match(self.text[run[-1].end : m.start]):
                run.append(m)
            else:
                run = [m]
        return run if len({m.key for m in run}) >= 2 else []

    def _arguments(self, clause: Clause, start: int, end: int) -> list[Argument]:
        out = []
        for m in clause.mentions:
            if not clause.start <= m.start < clause.end:
                continue
            if m.end <= start:
                out.append(Argument("agent", m))
                continue
            if m.start < end:
                continue
            prep = _PREPOSITION.search(self.text, max(end, m.start - 40), m.start)
            out.append(Argument(prep["prep"].lower() if prep else "patient", m))
        return out


# A time word that dates no item of a list: "recently signed with X and Y on D1 and D2".
_VAGUE = re.compile(r"(?i)recently|lately|previously|earlier|formerly|now|currently")


def _a_date(t: Timex) -> bool:
    """A date that can be an item of a list: "recently" dates nothing of its own."""
    return (
        t.kind == "date" and getattr(t.spec, "op", "") != "vague" and not _VAGUE.fullmatch(t.text)
    )


def _respectively(
    text: str, countries: list[Mention], dates: list[Timex]
) -> list[tuple[Mention, Timex]]:
    """ "with Chile and Peru on 9 November and 24 November, respectively": the n-th
    country of a coordinated list with the n-th date."""
    runs: list[list[Mention]] = []
    for m in countries:
        if runs and _SUBJECT_GAP.match(text[runs[-1][-1].end : m.start]):
            runs[-1].append(m)
        else:
            runs.append([m])
    run = next((r for r in runs if len(r) >= 2 and len(r) == len(dates)), None)
    return list(zip(run, dates, strict=True)) if run else []


_PARTICIPLE_LEAD = re.compile(
    r"^(?:Having|(?:In|Since|After|Before|While|When|Upon|On|By|Despite)\s+[a-z]+ing)\b"
)
_SUBJECT_START = re.compile(r"^\W*(?:the\s+)?$", re.I)


def _participle_subject(out: list[Clause], sentence: Sentence, mentions: list[Mention]) -> None:
    """ "Having broken off relations with Cuba in 1964, Chile restored them": a leading
    participle has the main clause's subject, the country it opens with."""
    if len(out) < 2 or out[0].kind != ClauseKind.LEADING:
        return
    if not _PARTICIPLE_LEAD.match(sentence.text):
        return
    main = out[1]
    subject = next(
        (
            m
            for m in mentions
            if m.kind == COUNTRY
            and m.start >= main.start
            and _SUBJECT_START.match(main.text[main.start : m.start])
        ),
        None,
    )
    if subject is not None and not out[0].frame_countries:
        out[0].frame_countries = [subject.key]


_AND_BETWEEN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def _coordinated_antecedent(antecedent: list[Mention], mentions: list[Mention], text: str):
    """ "Egypt and Israel, which signed a treaty in 1979": the countries coordinated before
    the relative clause are its subject together."""
    if len(antecedent) != 1 or antecedent[0].kind != COUNTRY:
        return antecedent
    found = antecedent
    for m in sorted(mentions, key=lambda m: m.start, reverse=True):
        first = found[0]
        if (
            m.kind == COUNTRY
            and m.end <= first.start
            and how_matched(m.text) == "name"
            and _AND_BETWEEN.fullmatch(text[m.end : first.start])
        ):
            found = [m, *found]
    return found


# A hedge in a participle set off before a finite verb does not reach past it: "X, in
# pursuing its mandate, signed a communiqué with Y to establish relations".
_FINITE_AFTER = re.compile(r"^[^,;]*,\s+(?:\w+ly\s+)?[a-z]+ed\b")


def _hedges(scope: str) -> bool:
    found = list(_HYPOTHETICAL.finditer(scope))
    if not found:
        return False
    last = found[-1]
    return not (last.group().lower().endswith("ing") and _FINITE_AFTER.match(scope[last.end() :]))


def _hedge_scope(before: str, clause: Clause, start: int) -> str:
    """The words that can make a predicate unreal. A ranked act ("the economic opportunity
    grew since Peru became the first country to recognise Fiji") is only hedged from its
    subject on: "Fiji hoped to be the first ..." never ranks."""
    ranked = RANKED_TO.search(before)
    if not ranked or not before.endswith(ranked.group()):
        return before
    subjects = [
        m
        for m in clause.mentions
        if m.kind == COUNTRY and clause.start <= m.start and m.end - clause.start <= ranked.start()
    ]
    return before[subjects[-1].start - clause.start :] if subjects else before
