"""Candidates across the sentences of one article: the mapper per clause, then what a
sentence tells by pointing back at another one.

"This came at the conclusion of the meeting on Wednesday" dates the happening of the
sentence before; "Fiji becomes Chile's 150th diplomatic partner" is the outcome of one;
"The announcement was made on Friday" is titled by what was announced; "the embassy" or
"the expulsion decision" with no country is the one told before.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import replace

from . import offtopic
from .anaphors import named_again
from .clauses.model import ClauseAnalyser
from .countries import country_name
from .frames import frame, frames, priority, words
from .mapper import COUNT, Article, claims_of, dating_timexes, map_clause
from .parties import ordered_unique
from .titles import title
from .types import COUNTRY, Candidate, EventCandidate, Mention, Sentence, Timex

_BOILERPLATE = re.compile(
    r"\b(?:Visited\s+\d+\s+times|visit\(s\)|Close\s+Search|Read\s+more|More\s+posts|Share\s+this|"
    r"Subscribe|Copyright|All\s+rights\s+reserved|Click\s+here|Sign\s+up|Related\s+articles?)\b",
    re.I,
)


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# A caption ends on the picture's place and day, set off by a comma and no preposition:
# "... in Brussels, Belgium, July 13, 2022." / "..., Wednesday, 13 July 2022."
_PICTURE_DAY = re.compile(
    rf",\s+(?:[A-Z][a-z]+day,\s+)?(?:{_MONTH}\s+\d{{1,2}},\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})"
    r"\.?\s*(?:\([^()]*\))?\s*$"
)
_CAPTION_MOMENTS = frozenset({"meet"})
_CREDIT = re.compile(
    r"(?i)^\(?\s*(?:photo|picture|image)s?\s*(?:credit|by|:)|\b(?:AP|AFP)\s+Photo\b"
)


def _caption(sentence: Sentence, article) -> bool:
    """A photo caption: what its people do, in the present, ending on the picture's place
    and day ("X speaks during a news conference with Y in Oslo, Norway, May 2, 2019."),
    or any sentence so ended that a photo credit follows."""
    if not _PICTURE_DAY.search(sentence.text):
        return False
    if re.search(rf"(?i)\b{words()['CAPTION_VERB']}\b", sentence.text):
        return True
    after = article.sentences[sentence.index + 1 : sentence.index + 2]
    return bool(after) and bool(_CREDIT.search(after[0].text))


def _page_furniture(sentence: Sentence) -> bool:
    return bool(_BOILERPLATE.search(sentence.text)) or len(sentence.text.split()) < 4


def extract_candidates(article: Article, analyser: ClauseAnalyser) -> list[Candidate]:
    """Every candidate of the article, in text order."""
    out: list[Candidate] = []
    by_sentence: dict[int, list[Candidate]] = {}
    first_told: dict[str, int] = {}
    for sentence in article.sentences:
        first = first_told.setdefault(" ".join(sentence.text.split()), sentence.index)
        if first != sentence.index:
            # A sentence told again word for word (a headline repeated, a wire story
            # pasted twice) is one source, not two: it counts once as evidence, and an
            # article of one sentence repeated a thousand times costs one reading.
            by_sentence[sentence.index] = by_sentence[first]
            continue
        found = _sentence_candidates(article, analyser, sentence, by_sentence, out)
        by_sentence[sentence.index] = found
        out.extend(found)
    out.sort(key=lambda d: (d.event.sentence, d.clause))
    out = _on_topic(out, article)
    _the_embassy_told_before(out, article.mentions, article)
    _the_order_told_before(out, article)
    return _name_announcements(out, article)


def _sentence_candidates(article, analyser, sentence, by_sentence, earlier) -> list[Candidate]:
    clauses = analyser.clauses(sentence)
    main = clauses[0] if clauses else None
    if main is not None:
        own = [
            t
            for t in main.timexes
            if main.report_timex is None or t.start != main.report_timex.start
        ]
        occasion = _at_occasion(sentence, own, by_sentence.get(sentence.index - 1, []), main.text)
        if occasion is not None:
            return [occasion]
    found: list[Candidate] = []
    if not _page_furniture(sentence):
        previous: Candidate | None = None
        before = by_sentence.get(sentence.index - 1, [])
        for clause in clauses:
            told = map_clause(
                article,
                analyser,
                clause,
                previous if clause.kind != "relative" else None,
                before[-1] if before else None,
            )
            found.extend(told)
            if told and clause.kind in ("main", "leading"):
                previous = told[-1]
    if found and _caption(sentence, article):
        # The picture's moment is no meeting of its own; a caption may still tell what
        # was done ("shake hands after signing a communiqué establishing relations").
        found = [c for c in found if c.event.type not in _CAPTION_MOMENTS]
    if not found:
        consequence = _consequence(sentence, article, earlier)
        if consequence is not None:
            found.append(consequence)
    if not found and not _dates_of_its_own(clauses):
        again = named_again(sentence, article.mentions, earlier)
        if again is not None:
            found.append(again)
    return found


# --- a happening pointed back at --------------------------------------------------------

# "This came at the conclusion of the meeting on Wednesday": the meeting is where the
# happening of the sentence before took place, and its date is that happening's date.
_AT_OCCASION = re.compile(
    r"^(?:This|That|It|The\s+(?:decision|move|announcement|agreement|step|deal))\s+"
    r"(?:came|was\s+(?:taken|made|reached|announced|agreed(?:\s+on)?))\s+"
    r"(?:at|during|on\s+the\s+sidelines\s+of|(?:at\s+)?the\s+(?:conclusion|end|close)\s+of)\s+"
    r"(?:[\w’'-]+\s+){0,6}?(?:meeting|summit|talks|session|conference)\b",
    re.I,
)
# "It said the decision was announced ... on Friday": the date of the decision just told.
_DECISION_TOLD = re.compile(
    r"^(?:(?:It|He|She|They)\s+(?:said|added|reported)\s+(?:that\s+)?)?"
    r"(?:the|this|that)\s+(?:decision|move|agreement|deal|step)\s+(?:was|had\s+been)\s+"
    r"(?:announced|made|taken|reached|agreed|signed|unveiled)\b",
    re.I,
)
_SIGNED_JOINTLY = re.compile(
    r"\bjoint\s+(?:statement|communiqu\w+|declaration)\s+(?:was\s+)?signed\b"
    r"|\bsign(?:ed|ing)\s+(?:a|the)\s+joint\s+(?:statement|communiqu\w+|declaration)\b",
    re.I,
)


def _dates_of_its_own(clauses) -> bool:
    """A date in the sentence beside the one its report was made on: "began the
    readmission process in February" tells a step of its own, not the happening again."""
    return any(
        t.kind == "date" and (c.report_timex is None or t.start != c.report_timex.start)
        for c in clauses
        for t in c.timexes
    )


def _at_occasion(
    sentence: Sentence, timexes: list[Timex], before: list[Candidate], text: str
) -> Candidate | None:
    """The happening of the sentence before, dated by the meeting it "came at"."""
    match = _AT_OCCASION.match(sentence.text) or _DECISION_TOLD.match(sentence.text)
    if not match or not before:
        return None
    antecedent = min(before, key=lambda d: priority(d.event.type))
    dates = dating_timexes(timexes, text)
    if antecedent.event.date is not None or not dates or dates[0].value is None:
        return None
    timex = dates[0]
    if antecedent.event.status == "done" and _SIGNED_JOINTLY.search(sentence.text):
        _signed_jointly(antecedent)
    event = replace(
        antecedent.event,
        sentence=sentence.index,
        date=timex.value,
        date_text=timex.text,
        date_rule=timex.rule,
        trigger=match.group(),
        claims=dict(antecedent.event.claims),
    )
    return replace(antecedent, event=event, timex=timex, clause=(sentence.start, sentence.end))


def _signed_jointly(antecedent: Candidate) -> None:
    """ "The decision was announced ... in a joint statement signed by the two
    ambassadors": a decision both sides sign is the agreement between the parties the
    frame becomes (relations established by the joint statement, CAMEO 05)."""
    rule = next(
        (b for b in frame(antecedent.event.type).becomes if b.when == "agreed_between_parties"),
        None,
    )
    if rule is None:
        return
    antecedent.event.type = rule.type
    antecedent.variant = "agreement"
    antecedent.object_text = antecedent.object_text or "establish"
    antecedent.event.title = title(antecedent, {})


_BECOMES = re.compile(r"\bbecomes\s+(?:the\s+)?$")
_WITH_THIS = re.compile(r"^(?:With|After|Following)\s+(?:this|that)\b", re.I)


def _consequence(
    sentence: Sentence, article: Article, earlier: list[Candidate]
) -> Candidate | None:
    """A count told as the outcome of a happening: "Fiji becomes Chile's 150th
    diplomatic partner", "With this move, Chile now has relations with 150 ..."."""
    count = COUNT.search(sentence.text)
    if not count:
        return None
    nations = [
        m
        for m in article.mentions
        if m.kind == COUNTRY and sentence.start <= m.start < sentence.end
    ]
    kinds = [code for code, fr in frames().items() if fr.counts_partners]
    # Relations established, unless the count follows an agreement to establish them.
    type_code = next(code for code in kinds if frame(code).pair)
    countries: list[str] = []
    for first, second in itertools.pairwise(nations):
        if _BECOMES.search(article.text[first.end : second.start]):
            countries = [second.key, first.key]
    if not countries and _WITH_THIS.match(sentence.text) and nations:
        for cand in reversed(earlier):
            if cand.event.type in kinds and nations[0].key in cand.event.countries[:2]:
                type_code, countries = cand.event.type, list(cand.event.countries[:2])
                break
    if len(countries) < 2:
        return None
    event = EventCandidate(
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
        claims=claims_of(sentence),
    )
    cand = Candidate(event, None, None, (sentence.start, sentence.end), list(countries))
    event.title = title(cand, {})
    return cand


def _on_topic(cands: list[Candidate], article: Article) -> list[Candidate]:
    """Drop statements using diplomatic verbs for sport, business, science or tourism."""
    sport = offtopic.sport_article(article.sentences)
    by_index = {s.index: s for s in article.sentences}
    kept = []
    for c in cands:
        sentence = by_index.get(c.event.sentence)
        a, b = c.clause
        if (
            sentence is not None
            and b > a
            and offtopic.off_topic(
                c.event.type, article.text[a:b], c.event.trigger, sentence.text, sport
            )
        ):
            continue
        kept.append(c)
    return kept


def _retitle(cand: Candidate, pair: list[str], article: Article) -> None:
    cand.event.countries = ordered_unique([*pair, *cand.event.countries])
    cand.parties = list(cand.event.countries)
    cand.event.title = title(cand, article.actors)


def _the_embassy_told_before(
    cands: list[Candidate], mentions: list[Mention], article: Article
) -> None:
    """An embassy closed or reopened with no country in its clause ("The embassy had been
    closed since 2011"): the embassy last told of is whose it is, and where."""
    country_starts = sorted(m.start for m in mentions if m.kind == COUNTRY)
    last: Candidate | None = None
    for cand in cands:
        if cand.variant not in ("embassy", "new embassy"):
            continue
        a, b = cand.clause
        unnamed = bisect.bisect_left(country_starts, a) == bisect.bisect_left(country_starts, b)
        mine, theirs = cand.event.countries[:2], last.event.countries[:2] if last else []
        if unnamed and last is not None and set(theirs) == set(mine) and theirs != mine:
            _retitle(cand, theirs, article)
        if not unnamed:
            last = cand


def _the_order_told_before(cands: list[Candidate], article: Article) -> None:
    """ "The letter stated that the expulsion decision is final": the order is the one
    told before, between its countries ("Peru ordered police to expel Fiji's envoy")."""
    for i, cand in enumerate(cands):
        if cand.variant != "named again" or len(cand.event.countries) >= 2:
            continue
        earlier = [
            d
            for d in cands[:i]
            if d.event.type == cand.event.type
            and len(d.event.countries) >= 2
            and set(cand.event.countries) <= set(d.event.countries[:2])
        ]
        if earlier:
            _retitle(cand, earlier[-1].event.countries[:2], article)


# --- announcements titled by what they announced ----------------------------------------

# "The announcement was made on Friday": what was announced is told just before.
_ANAPHORIC_ANNOUNCEMENT = re.compile(
    r"\b(?:the|this|that|its|their)\s+(?:[\w-]+\s+){0,2}announcement\b", re.I
)
_ANNOUNCED_WITHIN = 3  # sentences back


def _announced_before(cand: Candidate, cands: list[Candidate], joint: bool) -> Candidate | None:
    """The happening an anaphoric announcement announces: the announcer's own relations
    first, then the nearest sentence, then the main kind of action."""
    sentence = cand.event.sentence
    earlier = [
        d
        for d in cands
        if sentence - _ANNOUNCED_WITHIN <= d.event.sentence < sentence
        and frame(d.event.type).announced
        and d.event.status == "done"
        and len(d.event.countries) >= 2
    ]
    announcer = cand.event.countries[:2] if joint else cand.event.countries[:1]
    mine = [d for d in earlier if set(announcer) & set(d.event.countries[:2])]
    earlier = mine or earlier
    if not earlier:
        return None
    nearest = max(d.event.sentence for d in earlier)
    return min(
        (d for d in earlier if d.event.sentence == nearest),
        # An establishment told as an agreement ranks as the agreement it is worded as.
        key=lambda d: priority("intent" if d.variant == "agreement" else d.event.type),
    )


def _announced_phrase(antecedent: Candidate, announcer: list[str]) -> tuple[str, bool]:
    """How the announcement names what it announced, and whether it names the pair."""
    kind, verb = antecedent.event.type, antecedent.object_text
    if antecedent.variant == "agreement":
        kind = "intent"
    obj = antecedent.object_text
    phrase = frame(kind).announced.format(
        verb=verb or "establish", object=f"a {obj}" if obj else "an agreement"
    )
    pair = antecedent.event.countries[:2]
    if frame(kind).breaks_relations and antecedent.variant == "embassy":
        closing = "suspension" if obj == "suspend" else "closure"
        owner, host = [country_name(c) for c in pair] if len(pair) == 2 else ("the", "")
        if host:
            owner = "its" if announcer[:1] == pair[:1] else f"{owner}'s"
        return f"the {closing} of {owner} embassy" + (f" in {host}" if host else ""), True
    if set(announcer) == set(pair):
        return phrase, False
    if announcer and announcer[0] in pair:
        other = next(c for c in pair if c != announcer[0])
        return f"{phrase} with {country_name(other)}", True
    names = [country_name(c) for c in pair]
    return f"{phrase} between {' and '.join(names)}", True


def _name_announcements(cands: list[Candidate], article: Article) -> list[Candidate]:
    """An announcement titled by what it announced, when an earlier sentence tells it."""
    text_of = {s.index: s.text for s in article.sentences}
    out = list(cands)
    for position, cand in enumerate(out):
        if cand.event.type != "announce" or cand.object_text:
            continue
        if not _ANAPHORIC_ANNOUNCEMENT.search(text_of.get(cand.event.sentence, "")):
            continue
        antecedent = _announced_before(cand, cands, cand.joint)
        if antecedent is None:
            continue
        announcer = cand.event.countries[:2] if cand.joint else cand.event.countries[:1]
        phrase, named = _announced_phrase(antecedent, announcer)
        pair = antecedent.event.countries[:2]
        if not named:
            # "the two countries made the announcement": named as the happening names them
            cand.event.countries = [*pair, *(c for c in cand.event.countries if c not in pair)]
        else:
            # "... announces the establishment of relations with Syria": Syria is a party of
            # what is announced, so of its announcement (a title names parties only).
            cand.event.countries += [c for c in pair if c not in cand.event.countries]
        renamed = replace(cand, object_text=phrase)
        renamed.event.title = title(renamed, article.actors)
        out[position] = renamed
    return out
