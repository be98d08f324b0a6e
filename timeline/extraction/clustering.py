"""One event per real-world happening, across sentences and articles.

Dated candidates merge when their types are compatible, their countries (or
people) overlap and their dates overlap at their own precision; a happening
that occurs once per pair of countries (relations established, a regime
overthrown) also merges when sources disagree on the year, and the
disagreement is kept as a conflict. Undated candidates then join the
happening they report (same kind, same countries or people, preferring their
own article); what joins nothing is dropped, so background never becomes an
event.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .actors import name_tokens, tokens_match
from .countries import lookup
from .frames import attachable, compatible, frames, has, in_family, priority
from .temporal import year_value
from .titles import title
from .types import (
    PERSON,
    ActorInfo,
    Candidate,
    Conflict,
    DateValue,
    EvidenceRef,
    Sentence,
    TimelineEvent,
)

_ONCE_TOLERANCE = dt.timedelta(days=400)


@dataclass
class Item:
    """One candidate of one article, with the article's order for stable sorting."""

    article: str
    order: int  # position of the article in the input
    detail: Candidate
    date: DateValue | None = None
    date_rule: str = ""
    inherited: bool = False
    date_text: str = ""  # the expression the date came from, when not the candidate's own
    date_source: int | None = None  # sentence of the visit an inherited date comes from
    news: bool = False  # dated only as news of the day: any stated date outranks it
    dated_article: bool = True  # its article has a publication date (stated or inferred)

    @property
    def cand(self):
        return self.detail.candidate

    def persons(self, actors: dict[str, ActorInfo]) -> set[str]:
        return {k for k in self.cand.actors if k in actors and actors[k].kind == PERSON}

    def participants(self, actors: dict[str, ActorInfo]) -> set[str]:
        """Who met whom, when the sentence says so; else every person named."""
        roles = [self.detail.agent, self.detail.target]
        pair = {f.key for f in roles if f is not None}
        if len(pair) == 2 and all(k in actors and actors[k].kind == PERSON for k in pair):
            return pair
        return self.persons(actors)


@dataclass
class Cluster:
    items: list[Item] = field(default_factory=list)
    # What its items name, kept until an item is added: a cluster is tested against many
    # items between two additions, and items are only ever appended (never removed, nor
    # redated once in a cluster). Read-only for callers.
    _kept: dict = field(default_factory=dict, repr=False, compare=False)

    def _summary(self, name: object, make):
        size = len(self.items)
        kept = self._kept.get(name)
        if kept is None or kept[0] != size:
            kept = self._kept[name] = (size, make(self.items))
        return kept[1]

    @property
    def type(self) -> str:
        return self.items[0].cand.type

    def countries(self) -> set[str]:
        return self._summary("countries", _countries_of)

    def actors(self) -> set[str]:
        return self._summary("actors", _actors_of)

    def dated(self) -> list[Item]:
        return self._summary("dated", _dated_of)

    def kinds(self) -> set[str]:
        return self._summary("kinds", _kinds_of)

    def persons(self, actors: dict[str, ActorInfo]) -> set[str]:
        return self._summary(
            ("persons", id(actors)), lambda items: {p for i in items for p in i.persons(actors)}
        )


def _countries_of(items: list[Item]) -> set[str]:
    return {c for i in items for c in i.detail.event.countries}


def _actors_of(items: list[Item]) -> set[str]:
    return {a for i in items for a in i.detail.event.actors}


def _dated_of(items: list[Item]) -> list[Item]:
    return [i for i in items if i.date]


def _kinds_of(items: list[Item]) -> set[str]:
    return {i.detail.event.type for i in items}


def _dates_compatible(a: DateValue, b: DateValue) -> bool:
    return a.overlaps(b)


def _near(a: DateValue, b: DateValue) -> bool:
    gap = max(a.start, b.start) - min(a.end, b.end)
    return gap <= _ONCE_TOLERANCE


def _fits(item: Item, cluster: Cluster, actors: dict[str, ActorInfo]) -> bool:
    cand = item.cand
    if "announce" in (cand.type, cluster.type) and _same_day_report(item, cluster):
        return True
    if not _may_share(item, cluster, actors) or _two_happenings(item, cluster, actors):
        return False
    return _dates_agree(item, cluster)


def _may_share(item: Item, cluster: Cluster, actors: dict[str, ActorInfo]) -> bool:
    """Same kind, same status, and a country (or else a person or actor) in common."""
    cand = item.cand
    if not compatible(cand.type, cluster.type):
        return False
    # A happening told as done by one source may hold the decision another told first.
    statuses = {i.cand.status for i in cluster.items}
    if cand.status not in statuses and not _on_the_day_foretold(item, cluster):
        return False
    countries, cluster_countries = set(cand.countries), cluster.countries()
    if countries and cluster_countries:
        return bool(countries & cluster_countries)
    persons = cluster.persons(actors)
    return bool(item.persons(actors) & persons or set(cand.actors) & cluster.actors())


def _two_happenings(item: Item, cluster: Cluster, actors: dict[str, ActorInfo]) -> bool:
    cand = item.cand
    if in_family(cand.type, "encounter"):
        # Two meetings of one minister on one day are two happenings.
        mine = item.participants(actors)
        theirs = set().union(*(i.participants(actors) for i in cluster.items))
        if mine and theirs and not (mine <= theirs or theirs <= mine):
            return True
        if any(_other_visitor(item, other) for other in cluster.items):
            return True
        if any(_other_place_visited(item, other) for other in cluster.items):
            return True
    if cand.type == "expel_withdraw" and _tit_for_tat(item, cluster):
        return True
    if cand.type == "recognise" and any(
        i.cand.type == "recognise" and i.detail.object_text != item.detail.object_text
        for i in cluster.items
    ):
        return True  # recognising a state and recognising a claim are two happenings
    if has(cand.type, "pair") and len(_pair(item)) == 2:
        # Relations between one pair of countries: another pair is another happening.
        pairs = [_pair(i) for i in (cluster.dated() or cluster.items) if len(_pair(i)) == 2]
        if not pairs or _pair(item) in pairs:
            return False
        return not _same_date_naming_their_pair(item, cluster, pairs)
    return False


def _same_dated(item: Item, cluster: Cluster) -> bool:
    """Every source dating the cluster gives exactly the item's date."""
    dated = cluster.dated()
    return item.date is not None and bool(dated) and all(i.date == item.date for i in dated)


def _on_the_day_foretold(item: Item, cluster: Cluster) -> bool:
    """ "will establish relations on Jan. 1" and "established relations yesterday", both
    dated that very day: the plan told before and the deed told after are one happening."""
    return _same_dated(item, cluster) and item.date.precision == "day"


def _same_date_naming_their_pair(item: Item, cluster: Cluster, pairs) -> bool:
    """A sentence of the same kind and the very same date that names both countries of the
    happening's pair ("China established relations with the United States yesterday and
    sought an end to its confrontation with Taiwan"): its own pair was read wrong."""
    if not _same_dated(item, cluster):
        return False
    named = set(item.cand.countries)
    return any(pair <= named for pair in pairs) or _pair(item) <= cluster.countries()


def _dates_agree(item: Item, cluster: Cluster) -> bool:
    cand, dated = item.cand, cluster.dated()
    if item.date is None or not dated:
        return True
    if item.news and not any(_within_the_news(item, other.date) for other in dated):
        return False
    if all(_dates_compatible(item.date, other.date) for other in dated):
        return True
    shared = set(cand.countries) & cluster.countries()
    if (
        has(cand.type, "once_per_pair")
        and cand.type == cluster.type
        and len(shared) >= min(2, len(cand.countries))
        # The agreement to establish relations and the embassies opened months later are
        # two steps, not one happening told with two dates (see _STEPS).
        and all(_step(item) == _step(other) for other in dated)
    ):
        return any(_near(item.date, other.date) for other in dated)
    return _copy_days_apart(item, dated)


# Copies of one report dated a few days apart: a weekday resolved against another week, a
# dateline's day. One happening whose sources disagree, not two.
COPY_DAYS = 7
_COPY_TOLERANCE = dt.timedelta(days=COPY_DAYS)


def _copy_days_apart(item: Item, dated: list[Item]) -> bool:
    """The same side doing the same to the same pair, told by another article a few days
    off ("Thailand recalled its envoy on Thursday" / "... yesterday"): one article telling
    two days tells two happenings, so every dated source must be another article."""
    if item.date.precision != "day" or len(_pair(item)) != 2:
        return False
    return all(
        other.article != item.article
        and other.date.precision == "day"
        and other.cand.type == item.cand.type
        and _pair(other) == _pair(item)
        and other.detail.countries_in_order[:1] == item.detail.countries_in_order[:1]
        and other.detail.object_text == item.detail.object_text
        and abs(other.date.start - item.date.start) <= _COPY_TOLERANCE
        for other in dated
    )


def _other_place_visited(item: Item, other: Item) -> bool:
    """One visitor's visits to two countries ("visited Ghana", "visited Dakar") are two."""
    if not (item.cand.type == other.cand.type == "visit"):
        return False
    mine, theirs = lookup(item.detail.place), lookup(other.detail.place)
    return bool(mine and theirs and mine != theirs)


def _other_visitor(item: Item, other: Item) -> bool:
    """Two sides each calling on a third (two envoys presenting credentials, two
    ministers visiting one capital): neither acting side takes part in the other's."""
    mine, theirs = item.detail.agent, other.detail.agent
    return (
        mine is not None
        and theirs is not None
        and mine.is_country
        and theirs.is_country
        and mine.key != theirs.key
        and mine.key not in other.cand.countries
        and theirs.key not in item.cand.countries
    )


def _tit_for_tat(item: Item, cluster: Cluster) -> bool:
    """One side expelling the other's envoy and that side recalling its own (or expelling
    in return) are two happenings, even on one day: "Peru expelled Chile's ambassador;
    Chile then called its envoy home" is not one event told twice."""
    mine = item.detail.countries_in_order[:1]
    if not mine:
        return False
    for other in cluster.items:
        if other.cand.type != "expel_withdraw" or not other.detail.countries_in_order:
            continue
        if (
            other.detail.countries_in_order[0] != mine[0]
            and mine[0] in other.cand.countries
            and (
                other.detail.object_text != item.detail.object_text
                # Each side expelling the other's envoy: "Peru expelled Chile's envoy;
                # Chile expelled Peru's in return".
                or _mutual_expulsion(item, other)
            )
        ):
            return True
    return False


def _mutual_expulsion(item: Item, other: Item) -> bool:
    """Each side told as expelling the other's envoy, as the subject of its verb."""
    mine, theirs = item.detail.agent, other.detail.agent
    return (
        item.detail.object_text == other.detail.object_text == "expel"
        and mine is not None
        and theirs is not None
        and mine.is_country
        and theirs.is_country
        and mine != theirs
        and mine.key in other.cand.countries
        and theirs.key in item.cand.countries
    )


# Trigger variants that tell a step of their own beside the frame's main act: an agreement
# to establish relations before they are established, cooperation suspended a year
# before relations are cut, a country leaving or put out of an organisation the year
# after another broke relations with it, a first embassy opened or ambassadors exchanged
# weeks after relations were established.
_STEPS = ("agreement", "cooperation", "suspension", "organisation", "new embassy", "ambassadors")
# Steps that an undated sentence of the main act never tells (an undated "the
# establishment" may tell the agreement that established relations).
_NEVER_THE_ACT = ("cooperation",)


def _step(item: Item) -> str:
    return item.detail.variant if item.detail.variant in _STEPS else ""


def _same_day_report(item: Item, cluster: Cluster) -> bool:
    """An announcement on the day of the happening it announces, about the same countries."""
    if item.date is None or item.date.precision != "day":
        return False
    return any(
        other.date == item.date and set(other.cand.countries) & set(item.cand.countries)
        for other in cluster.dated()
    )


def _pair(item: Item) -> frozenset[str]:
    return frozenset(item.detail.countries_in_order[:2] or item.cand.countries[:2])


def _other_date_same_article(item: Item, cluster: Cluster) -> bool:
    """Two date expressions of one article for one happening are two happenings."""
    own = item.detail.timex
    if own is None:
        return False
    return any(
        i.article == item.article and i.detail.timex is not None and i.detail.timex.text != own.text
        for i in cluster.items
    )


def _reported_before(item: Item, cluster: Cluster) -> bool:
    """A happening reported on a day cannot be one that took place after it: "Peru said
    last month that it was expelling two diplomats" is no part of this week's expulsion."""
    report = item.detail.report_timex
    if report is None or report.value is None:
        return False
    dated = cluster.dated()
    return bool(dated) and all(i.date.start > report.value.end for i in dated)


def _attach_score(item: Item, cluster: Cluster, actors: dict[str, ActorInfo]) -> tuple:
    cand = item.cand
    shared_countries = len(set(cand.countries) & cluster.countries())
    shared_people = len(item.persons(actors) & cluster.persons(actors))
    same_article = any(i.article == item.article for i in cluster.items)
    same_type = cand.type == cluster.type
    # Nearest preceding sentence of the same article: the happening being told.
    distance = min(
        (
            item.cand.sentence - i.cand.sentence if i.cand.sentence <= item.cand.sentence else 1000
            for i in cluster.items
            if i.article == item.article
        ),
        default=10_000,
    )
    return (
        same_article,
        # A happening the article told before the sentence, not one it tells only later:
        # "Peru and Fiji signed a visa deal on Monday. It was signed by their ministers. ...
        # with the one signed in May" - the second sentence is Monday's signing.
        distance < 1000,
        shared_people,
        same_type,
        shared_countries,
        -distance,
        -len(cluster.items[0].cand.countries),
    )


def _tells_decision(item: Item, cluster: Cluster) -> bool:
    """An undated "X and Y will restore relations" reports a dated decision to do so."""
    if item.cand.type != "establish_relations" or len(_pair(item)) != 2:
        return False
    return any(
        i.cand.type == "intent" and i.date is not None and _pair(i) == _pair(item)
        for i in cluster.items
    )


# "gave the ambassador 48 hours to leave": an ultimatum, a happening of its own.
_ULTIMATUM = re.compile(r"(?i)\b(?:hours?|days?)\s+to\s+leave\b")


def _ultimatum(item: Item) -> bool:
    return item.cand.type == "expel_withdraw" and bool(_ULTIMATUM.search(item.cand.trigger))


# A trigger telling relations taken up again ("re-established", "restored", "resumed"):
# never the first establishment ("had diplomatic relations from 1971").
_AGAIN = re.compile(r"(?i)\b(?:re-?establish|restor|resum|renew|reopen)")


def _undated_can_join(item: Item, cluster: Cluster, actors: dict[str, ActorInfo]) -> bool:
    # The kind of any of its sentences: a decision dated by the meeting it was taken at
    # is told as "restore" by one source and "decided to restore" by another.
    kinds = cluster.kinds()
    if not any(attachable(item.cand.type, k) for k in kinds) or not _fits(item, cluster, actors):
        return False
    dated = cluster.dated()
    if dated and all(_ultimatum(i) for i in dated) and not _ultimatum(item):
        # "ordered police to expel him" after "gave him 48 hours to leave last week": the
        # expulsion that follows an ultimatum is not the ultimatum.
        return False
    if (
        dated
        and any(_step(x) in _NEVER_THE_ACT for x in (item, *dated))
        and all(_step(i) != _step(item) for i in dated)
    ):
        return False  # cutting ties is not the cooperation suspended a year before
    if (
        dated
        and _AGAIN.search(item.cand.trigger or "")
        and all(i.detail.variant == "since" for i in dated)
    ):
        return False  # restoring relations is not their first establishment
    anchor_items = dated or cluster.items
    core_countries = {c for i in anchor_items for c in i.cand.countries}
    pair = set(item.detail.countries_in_order[:2]) or set(item.cand.countries[:2])
    people = item.persons(actors) & cluster.persons(actors)
    if has(item.cand.type, "pair") or has(cluster.type, "pair"):
        # Relations of one pair of countries: the pair must be the happening's pair.
        core_pairs = [
            set(i.detail.countries_in_order[:2] or i.cand.countries[:2]) for i in anchor_items
        ]
        if len(pair) >= 2:
            return any(pair == p for p in core_pairs)
        return bool(pair) and pair <= core_countries and bool(people or len(core_countries) <= 2)
    if people:
        return True
    if in_family(item.cand.type, "encounter"):
        # Meetings are many: without a shared person, only within one article, or
        # between the very same countries.
        same_article = any(i.article == item.article for i in cluster.items)
        pairs = [set(i.cand.countries[:2]) for i in anchor_items]
        if not same_article and not (len(pair) >= 2 and pair in pairs):
            return False
    if in_family(item.cand.type, "conflict"):
        # Wars and coups are many: an undated mention joins one only by who took part.
        return bool(set(item.cand.actors) & cluster.actors())
    shared = pair & core_countries
    # One shared country is too weak when the sentence names two.
    return bool(shared) and len(shared) >= min(2, len(pair))


def _join(item: Item, options: list[Cluster], actors, index: _ClusterIndex) -> None:
    best = max(options, key=lambda c: _attach_score(item, c, actors))
    best.items.append(item)
    index.add_item(best, item)


def cluster_items(
    items: Sequence[Item], actors: dict[str, ActorInfo], keep_unattached: bool = False
) -> list[Cluster]:
    """Group candidates into happenings. Deterministic for a given input order."""

    def order(i: Item):
        return (
            (i.date.start, i.date.end, i.order, i.cand.sentence)
            if i.date
            else (dt.date.max, dt.date.max, i.order, i.cand.sentence)
        )

    pointing = [i for i in items if i.detail.points_back is not None]
    items = [i for i in items if i.detail.points_back is None]
    dated = sorted((i for i in items if i.date), key=order)
    undated = sorted((i for i in items if not i.date), key=lambda i: (i.order, i.cand.sentence))
    clusters: list[Cluster] = []
    index = _ClusterIndex([])
    for item in dated:
        _add(item, clusters, actors, index)
    _merge_occasions(clusters)
    index = _ClusterIndex(clusters)  # clusters were merged: index them afresh
    by_article: dict[str, list[Item]] = {}
    for item in items:
        by_article.setdefault(item.article, []).append(item)
    leftovers = _attach_undated(undated, clusters, actors, index, keep_unattached)
    still = _dated_by_report(leftovers, clusters, actors, index)
    rest = _dated_by_visit(still, by_article, clusters, actors, index)
    # Second chance for undated ones now that more happenings exist.
    recent: list[Item] = []
    for item in rest:
        options = _dated_options(item, actors, index)
        if options:
            _join(item, options, actors, index)
        elif keep_unattached:
            _new_cluster(item, clusters, index)
        else:
            recent.append(item)
    undated_still = _dated_as_news(recent, clusters, actors, index)
    # Last chance: a headline with no date of its own joins the happening its article's
    # body made news of the day ("Malaysia expels envoy" / "Malaysia has expelled ...").
    unjoined = []
    for item in undated_still:
        options = _dated_options(item, actors, index)
        if options:
            _join(item, options, actors, index)
        else:
            unjoined.append(item)
    _dated_by_narrative(unjoined, by_article, clusters, actors, index)
    _join_what_they_point_at(pointing, clusters, index)
    return clusters


def _join_what_they_point_at(pointing: list[Item], clusters: list[Cluster], index) -> None:
    """A sentence naming again a happening told before ("The move ...") joins the
    happening that sentence joined, whatever date it was given; else nothing."""
    where = {
        (i.article, i.cand.sentence, i.cand.type): cluster
        for cluster in clusters
        for i in cluster.items
    }
    for item in pointing:
        cluster = where.get((item.article, item.detail.points_back, item.cand.type))
        if cluster is not None:
            cluster.items.append(item)
            index.add_item(cluster, item)


def _dated_options(item: Item, actors, index: _ClusterIndex) -> list[Cluster]:
    """The dated happenings an undated item may still join, late in the clustering."""
    return [
        c
        for c in index.joinable(item)
        if c.dated()
        and _undated_can_join(item, c, actors)
        and not _reported_before(item, c)
        and not _apart_from_the_news(item, c)
    ]


def _attach_undated(undated, clusters, actors, index, keep_unattached) -> list[Item]:
    """Undated candidates join the happening they report; returns those joining none."""
    leftovers: list[Item] = []
    for item in undated:
        if item.cand.status != "done":
            if keep_unattached:
                _new_cluster(item, clusters, index)
                continue
            decisions = [c for c in index.deciding(item) if _tells_decision(item, c)]
            if len(decisions) == 1:
                decisions[0].items.append(item)
                index.add_item(decisions[0], item)
            continue
        options = [
            c
            for c in index.joinable(item)
            if (c.dated() or keep_unattached)
            and _undated_can_join(item, c, actors)
            and not _other_date_same_article(item, c)
            and not _reported_before(item, c)
            and not _apart_from_the_news(item, c)
        ]
        if options:
            _join(item, options, actors, index)
        elif keep_unattached:
            _new_cluster(item, clusters, index)
        else:
            leftovers.append(item)
    return leftovers


def _dated_by_report(leftovers, clusters, actors, index) -> list[Item]:
    """Undated but carried by a dated report ("announced on Tuesday that it has agreed")."""
    still: list[Item] = []
    for item in leftovers:
        report = item.detail.report_timex
        if (
            report is not None
            and report.value is not None
            and not has(item.cand.type, "inherits_date")
        ):
            item.date = report.value
            item.date_rule = "the date of the report"
            item.date_text = report.text
            _add(item, clusters, actors, index)
        else:
            still.append(item)
    return still


# News of the day reports what happened in the weeks before its article.
NEWS_DAYS = 31


def _apart_from_the_news(item: Item, cluster: Cluster) -> bool:
    """News of the day ("Peru and Chile have restored relations", "Nauru says it is
    switching recognition") is no happening its sources all date long before the article
    that tells it, nor well after it (a month's leeway: an article's day may be a guess
    within its month)."""
    recent = item.detail.recent_timex
    if recent is None or recent.value is None:
        return False
    dated = cluster.dated()
    leeway = dt.timedelta(days=NEWS_DAYS)
    start, end = recent.value.start - leeway, recent.value.end + leeway
    return bool(dated) and (
        all(i.date.end < start for i in dated) or all(i.date.start > end for i in dated)
    )


def _within_the_news(item: Item, date: DateValue) -> bool:
    """News of the day ("has informed the bloc that it is suspending its membership")
    tells what happened in the weeks around its article, not a happening of the same pair
    dated months away, however rarely such a pair's happening recurs."""
    leeway = dt.timedelta(days=NEWS_DAYS)
    return date.start <= item.date.end + leeway and date.end >= item.date.start - leeway


def _dated_as_news(items, clusters, actors, index) -> list[Item]:
    """Last, what is told as news of the day ("Peru has cut relations with Fiji") and
    joined no happening a source dates: a happening of its kind, with one of its
    countries, in the weeks before its article; else the day of its article. Returns
    the items told otherwise, still undated."""
    undated: list[Item] = []
    for item in items:
        recent = item.detail.recent_timex
        if recent is None or recent.value is None:
            undated.append(item)
            continue
        day = recent.value
        window = DateValue(
            day.start - dt.timedelta(days=NEWS_DAYS), day.end, "range", "", "", approximate=True
        )
        options = [
            c
            for c in index.candidates(item, compatible=True)
            if c.type == item.cand.type
            and set(item.cand.countries) & c.countries()
            and any(i.date.overlaps(window) for i in c.dated())
        ]
        item.date, item.date_rule, item.date_text = day, recent.rule, recent.text
        item.news = True
        if options:
            _join(item, options, actors, index)
        else:
            _add(item, clusters, actors, index)
    return undated


def _dated_by_visit(still, by_article, clusters, actors, index) -> list[Item]:
    """A meeting told without a date during a dated visit: the visit's day."""
    rest: list[Item] = []
    for item in still:
        source = _inherit_source(item, by_article.get(item.article, []), actors)
        if source is not None:
            item.date = source.date
            item.date_rule = "the date of the visit"
            item.date_source = source.cand.sentence
            item.inherited = True
            _add(item, clusters, actors, index)
        else:
            rest.append(item)
    return rest


# How many sentences back a dated one still sets the year of an undated act told after it.
NARRATIVE_SENTENCES = 1


def _dated_by_narrative(items, by_article, clusters, actors, index) -> None:
    """A done act told with no date of its own, in an article that is no news of the day,
    right after a sentence dated by its own words ("The general took power in March
    1979. Peru was the first country to recognise the new regime."): the year the narrative
    is at, the happening's date at the precision a reader can trust. Only an act between two
    countries, one of them in the dated sentence too (the narrative is about them)."""
    for item in items:
        if (
            not has(item.cand.type, "narrative_year")
            or item.dated_article
            or item.cand.status != "done"
            or item.detail.recent_timex is not None
            or len(set(item.cand.countries)) < 2
            or _same_kind_told(item, index)
        ):
            continue
        sentence = item.cand.sentence
        before = [
            other
            for other in by_article.get(item.article, [])
            if other.date
            and not other.inherited
            and not other.news
            and other.cand.date is not None
            and sentence - NARRATIVE_SENTENCES <= other.cand.sentence < sentence
            and other.date.start.year == other.date.end.year
            and set(other.cand.countries) & set(item.cand.countries)
        ]
        if not before:
            continue
        source = max(before, key=lambda o: o.cand.sentence)
        item.date = year_value(source.date.start.year)
        item.date_rule = "the year of the sentence before, where the narrative is"
        item.date_text = source.date_text or source.date.display
        item.date_source = source.cand.sentence
        item.inherited = True
        _add(item, clusters, actors, index)


def _same_kind_told(item: Item, index) -> bool:
    """A happening of the item's kind and a country of it, or of any kind with all its
    countries, is told elsewhere, whatever its date: the undated sentence may name that
    one again, and a guessed year would split it."""
    mine = set(item.cand.countries)
    return any(
        (c.type == item.cand.type and mine & c.countries()) or mine <= c.countries()
        for c in index.candidates(item, compatible=True)
    )


def _index_keys(item: Item) -> set[tuple[str, str]]:
    pair = item.detail.countries_in_order[:2] or item.cand.countries[:2]
    return {("country", c) for c in [*item.cand.countries, *pair]} | {
        ("actor", a) for a in item.cand.actors
    }


def _type_keys(code: str) -> set[tuple[str, str]]:
    """Two types are ``compatible`` exactly when they share one of these."""
    found = frames().get(code)
    return {("=", code)} | {("family", f) for f in (found.families if found else ())}


# An announcement on the day of a happening joins it whatever the happening's kind
# (``_fits``), so announcement clusters answer every dated item too.
_ANNOUNCE = ("announce", "*")
# Dates spanning more years than this ("since 1948") are filed apart, not under each year.
_WIDE_YEARS = 30


class _ClusterIndex:
    """Clusters by the countries and actors their items name. An item joins only a
    cluster that shares a country or an actor with it (_fits, _tells_decision), so only
    those are tested, instead of every cluster of the corpus. ``candidates`` keeps the
    clusters' list order, so ties are broken as a scan of the whole list breaks them.

    ``compatible=True`` narrows them, exactly, to clusters whose type is compatible with
    the item's (what ``_may_share`` requires of every join but a same-day announcement):
    each cluster is also kept under its type's keys (``_type_keys``)."""

    def __init__(self, clusters: list[Cluster]):
        self._order: dict[int, int] = {}
        self._by_key: dict[tuple[str, str], dict[int, Cluster]] = {}
        self._typed: dict[tuple, dict[int, Cluster]] = {}
        self._years: dict[int, set[int]] = {}  # year -> clusters with a date in it
        self._wide: set[int] = set()  # clusters with a date spanning many years
        self._dated: set[int] = set()  # clusters with any dated item
        self._pairs: dict[frozenset[str], set[int]] = {}  # an item's pair -> its clusters
        for cluster in clusters:
            self.add_cluster(cluster)

    def add_cluster(self, cluster: Cluster) -> None:
        self._order[id(cluster)] = len(self._order)  # clusters are only ever appended
        for item in cluster.items:
            self.add_item(cluster, item)

    def add_item(self, cluster: Cluster, item: Item) -> None:
        kinds = _type_keys(cluster.type)
        if cluster.type == "announce":
            kinds.add(_ANNOUNCE)
        for key in _index_keys(item):
            self._by_key.setdefault(key, {})[id(cluster)] = cluster
            for kind in kinds:
                self._typed.setdefault((kind, key), {})[id(cluster)] = cluster
        self._pairs.setdefault(_pair(item), set()).add(id(cluster))
        if item.date is not None:
            self._dated.add(id(cluster))
            first, last = item.date.start.year, item.date.end.year
            if last - first > _WIDE_YEARS:
                self._wide.add(id(cluster))
            else:
                for year in range(first, last + 1):
                    self._years.setdefault(year, set()).add(id(cluster))

    def candidates(
        self, item: Item, *, compatible: bool = False, announce: bool = False
    ) -> list[Cluster]:
        return self._ordered(self._found(item, compatible, announce))

    def _ordered(self, found: dict[int, Cluster]) -> list[Cluster]:
        return sorted(found.values(), key=lambda c: self._order[id(c)])

    def _found(self, item: Item, compatible: bool, announce: bool) -> dict[int, Cluster]:
        found: dict[int, Cluster] = {}
        if not compatible:
            for key in _index_keys(item):
                found.update(self._by_key.get(key, {}))
        else:
            kinds = _type_keys(item.cand.type) | ({_ANNOUNCE} if announce else set())
            for key in _index_keys(item):
                for kind in kinds:
                    found.update(self._typed.get((kind, key), {}))
        return found

    def joinable(self, item: Item) -> list[Cluster]:
        """The compatible clusters ``_undated_can_join`` may accept, in list order: it
        accepts only a cluster sharing a person with the item, or naming among its
        items every country of the item's pair (both of two, the one of one). So only
        the clusters indexed under an actor of the item, or under each of its pair's
        countries, are tested: far fewer than all the clusters of one country. An item
        of a pair's relations naming two countries joins only a happening one of whose
        items names that very pair."""
        pair = set(item.detail.countries_in_order[:2]) or set(item.cand.countries[:2])
        allowed: set[int] = set()
        if has(item.cand.type, "pair") and len(pair) >= 2:
            allowed = self._pairs.get(frozenset(pair), set())
        elif pair:
            allowed = set.intersection(*(set(self._by_key.get(("country", c), ())) for c in pair))
        if not has(item.cand.type, "pair") or len(pair) < 2:
            for actor in item.cand.actors:
                allowed.update(self._by_key.get(("actor", actor), ()))
        found = self._found(item, True, False)
        return self._ordered({k: found[k] for k in allowed if k in found})

    def deciding(self, item: Item) -> list[Cluster]:
        """The clusters ``_tells_decision`` may accept: only for restoring relations
        between two countries, and only a cluster with an item naming that pair."""
        if item.cand.type != "establish_relations" or len(_pair(item)) != 2:
            return []
        found, pair = self._found(item, False, False), self._pairs.get(_pair(item), set())
        return self._ordered({k: found[k] for k in pair if k in found})

    def near(self, item: Item, found: list[Cluster]) -> list[Cluster]:
        """Of ``found``, the clusters ``_fits`` may accept for this item by its date: a
        dated item joins only a cluster no source dates or one with a date at most
        ``_ONCE_TOLERANCE`` (400 days, ``_dates_agree``'s widest) from its own; a
        same-day report needs the very date. Filed by year, two years either side."""
        if item.date is None:
            return found
        first, last = item.date.start.year - 2, item.date.end.year + 2
        if last - first > _WIDE_YEARS + 4:
            return found
        close = set(self._wide)
        for year in range(first, last + 1):
            close |= self._years.get(year, set())
        return [c for c in found if id(c) in close or id(c) not in self._dated]


def _new_cluster(item: Item, clusters: list[Cluster], index: _ClusterIndex) -> None:
    cluster = Cluster([item])
    clusters.append(cluster)
    index.add_cluster(cluster)


def _occasion_holders(clusters: list[Cluster]) -> dict[str, dict[int, Cluster]]:
    holders: dict[str, dict[int, Cluster]] = {}
    for cluster in clusters:
        for item in cluster.items:
            if item.detail.occasion:
                holders.setdefault(item.detail.occasion, {})[id(cluster)] = cluster
    return holders


def _merge_occasions(clusters: list[Cluster]) -> None:
    """A named meeting and what was done at it are one happening: "the Lima summit, held
    in early 2021" and "the Lima Summit ended the boycott on 5 January 2021"."""
    # Only a cluster naming one of the meeting's occasions can be what was done at it:
    # those are looked up, not every cluster scanned.
    holders = _occasion_holders(clusters)
    for meeting in list(clusters):
        if any(not in_family(i.cand.type, "encounter") for i in meeting.items):
            continue
        names = {i.detail.occasion for i in meeting.items if i.detail.occasion}
        if not names:
            continue
        named = {id(c): c for name in names for c in holders[name].values() if c is not meeting}
        targets = [
            other
            for other in named.values()
            if any(not in_family(i.cand.type, "encounter") for i in other.items)
            and any(i.detail.occasion in names for i in other.items)
            and meeting.countries() & other.countries()
            and all(a.date.overlaps(b.date) for a in meeting.dated() for b in other.dated())
        ]
        if len(targets) == 1:  # several outcomes: which one the meeting was is unclear
            targets[0].items.extend(meeting.items)
            clusters.remove(meeting)
            for name in names:
                holders[name].pop(id(meeting), None)
                holders[name][id(targets[0])] = targets[0]


def _add(
    item: Item, clusters: list[Cluster], actors: dict[str, ActorInfo], index: _ClusterIndex
) -> None:
    if item.cand.type == "announce":  # a same-day report joins any kind of happening
        found = index.candidates(item)
    else:
        found = index.candidates(item, compatible=True, announce=True)
    options = [c for c in index.near(item, found) if _fits(item, c, actors)]
    if options:
        best = max(options, key=lambda c: _attach_score(item, c, actors))
        best.items.append(item)
        index.add_item(best, item)
    else:
        _new_cluster(item, clusters, index)


def _inherit_source(item: Item, items: Sequence[Item], actors: dict[str, ActorInfo]) -> Item | None:
    if not has(item.cand.type, "inherits_date"):
        return None
    persons = item.persons(actors)
    if not persons:
        return None
    before = [
        other
        for other in items
        if other.article == item.article
        and other.date
        and not other.inherited
        and other.cand.sentence <= item.cand.sentence
        and other.cand.date is not None
        and other.persons(actors) & persons
        and other.date.precision == "day"
    ]
    if not before:
        return None
    return max(before, key=lambda o: o.cand.sentence)


# --- from clusters to events ------------------------------------------------------------


def _precision_width(value: DateValue) -> int:
    return (value.end - value.start).days


def choose_date(
    items: list[Item], pub_certain: dict[str, bool] | None = None
) -> tuple[Item | None, list[Item]]:
    """The date most sources support, as precise as they give it; and the dissenters.
    A date told only as news of the day counts when no source states one. Between dates
    as well supported, one worked out from a publication date that is not certain ("yesterday"
    in an undated report) yields to one written out or worked out from a sure one."""
    dated = [i for i in items if i.date and not i.news] or [i for i in items if i.date]
    if not dated:
        return None, []

    def support(candidate: Item) -> int:
        return len({o.article for o in dated if _speaks_for(o, candidate, dated)})

    def guessed(candidate: Item) -> bool:
        return pub_certain is not None and not _item_certain(candidate, pub_certain)

    # The date of the main action: a visit's span rather than one meeting in it.
    primary = min((i.cand.type for i in dated), key=priority)
    pool = [i for i in dated if i.cand.type == primary]
    best_support = max(support(i) for i in dated)
    if max(support(i) for i in pool) < best_support:
        pool = dated
    if has(primary, "durative"):
        # A span stated as such ("from Feb. 5 to 7") beats one day inside it.
        spans = [
            i
            for i in pool
            if i.date.precision == "range"
            and all(
                i.date.contains(o.date)
                for o in pool
                if o.date.precision == "day" and o.date.overlaps(i.date)
            )
        ]
        if spans:
            pool = spans
    else:
        # "in January 2021" and "on 5 January 2021" agree: the day inside says more.
        finer = [
            i
            for i in dated
            if support(i) == best_support
            and all(p.date.contains(i.date) for p in pool)
            and all(_precision_width(i.date) < _precision_width(p.date) for p in pool)
        ]
        if finer:
            pool = finer
    best = _most_supported(pool, support, guessed)
    if not has(primary, "durative"):
        # "in 1972" holds both "on December 8, 1972" and "on December 7, 1972": the days
        # say more than the year that agrees with each, and their disagreement is the
        # conflict to keep, not a reason to fall back on the year.
        inside = [i for i in pool if _strictly_inside(i.date, best.date)]
        while inside:
            best = _most_supported(inside, support, guessed)
            inside = [i for i in inside if _strictly_inside(i.date, best.date)]
    dissent = [i for i in dated if not i.date.overlaps(best.date)]
    return best, dissent


def _speaks_for(item: Item, candidate: Item, dated: list[Item]) -> bool:
    """The item's date agrees with the candidate's, and its own article does not narrow it
    to another day: "50 years ago" (1965) holds "on 14 May 1965", but not for an article
    that says "On May 12, 1965"."""
    if not item.date.overlaps(candidate.date):
        return False
    return not any(
        o.article == item.article
        and _strictly_inside(o.date, item.date)
        and not o.date.overlaps(candidate.date)
        for o in dated
    )


def _strictly_inside(inner: DateValue, outer: DateValue) -> bool:
    return outer.contains(inner) and _precision_width(inner) < _precision_width(outer)


def _most_supported(pool: list[Item], support, guessed) -> Item:
    return min(
        pool,
        key=lambda i: (
            -support(i),
            guessed(i),
            i.inherited,
            _precision_width(i.date),
            i.date.start,
            i.order,
            i.cand.sentence,
        ),
    )


def to_event(
    cluster: Cluster,
    actors: dict[str, ActorInfo],
    pub_certain: dict[str, bool],
    names: dict[tuple[str, int], list[tuple[str, str]]] | None = None,
    labels: dict[str, str] | None = None,
) -> TimelineEvent:
    """One TimelineEvent from a cluster. ``names`` maps (article, sentence) to the
    (actor key, name as written) of the people named there, for name conflicts;
    ``labels`` maps an article key to how people know the article (the rule names
    articles by it, never by key)."""
    items = sorted(cluster.items, key=lambda i: (i.order, i.cand.sentence))
    best, dissent = choose_date(items, pub_certain)
    refs: list[EvidenceRef] = []
    seen: set[tuple[str, int]] = set()
    for item in items:
        key = (item.article, item.cand.sentence)
        if key in seen:
            continue
        seen.add(key)
        refs.append(
            EvidenceRef(
                article=item.article,
                sentence=item.cand.sentence,
                date_text=item.cand.date_text,
                date=item.date,
                claims=dict(item.cand.claims),
            )
        )
    conflicts: list[Conflict] = []
    if dissent:
        claims = tuple(
            (item.date.display or item.date.edtf, ref)
            for item in items
            if item.date
            for ref in refs
            if ref.article == item.article and ref.sentence == item.cand.sentence
        )
        conflicts.append(Conflict("date", claims))
    conflicts.extend(_name_conflicts(refs, names or {}))
    counts = {r.claims["count"] for r in refs if "count" in r.claims}
    if len(counts) > 1:
        conflicts.append(
            Conflict("count", tuple((r.claims["count"], r) for r in refs if "count" in r.claims))
        )

    representative = _representative(items, best)
    countries = _party_countries(items, representative)
    actor_counts = Counter(a for i in items for a in i.cand.actors)
    actor_keys = sorted(actor_counts, key=lambda a: (-actor_counts[a], a))
    if representative.cand.type == "visit" and len(countries) == 1:
        countries = [*_visitors_countries(actor_keys, actors, countries), *countries]
    status = "planned" if all(i.cand.status == "planned" for i in items) else "done"
    titled = title(representative.detail, actors, status)
    # Certain when sources agree and one of those giving this very date is sure of it, or
    # when several articles agree on it ("agreed by N articles"): each worked its date out
    # on its own, and together they leave nothing open.
    agreeing = {i.article for i in items if best and i.date and i.date.overlaps(best.date)}
    certain = (
        best is not None
        and not dissent
        and (
            len(agreeing) > 1
            or any(i.date == best.date and _item_certain(i, pub_certain) for i in items)
        )
    )
    rule = _date_rule(best, items, pub_certain, labels or {})
    return TimelineEvent(
        type=representative.cand.type,
        title=titled,
        date=best.date if best else None,
        date_rule=rule,
        date_certain=certain,
        countries=countries,
        actors=actor_keys,
        evidence=refs,
        conflicts=conflicts,
        status=status,
    )


def _visitors_countries(
    actor_keys: list[str], actors: dict[str, ActorInfo], countries: list[str]
) -> list[str]:
    """ "Premier Li Peng visited Indonesia": the visitor's country, known from another
    source ("Chinese Premier Li Peng"), is the other party."""
    for key in actor_keys:
        info = actors.get(key)
        if info is not None and info.kind == PERSON and info.country not in ("", *countries):
            return [info.country]
    return []


def _party_countries(items: list[Item], representative: Item) -> list[str]:
    """The happening's parties, not every country its sources name nearby.

    The core sentences are those telling the happening itself (the representative's
    type); a related announcement, meeting or lifted boycott in the cluster is context.
    The representative's pair always counts; any other country must be named by at
    least half of the core sentences: one source's "in a move that will anger
    Washington" does not make a party, while a coalition most sources list does."""
    core = [i for i in items if i.cand.type == representative.cand.type] or items
    if not any(i.cand.countries for i in core):
        # "Mr Mehta and Agha Shahi met after the talks between Peru and Chile": when no
        # sentence of the happening itself names a country, the related ones tell its sides.
        core = items
    by_sentence: dict[tuple[str, int], set[str]] = {}
    for item in core:
        if item.cand.countries:  # a sentence naming no country says nothing of the parties
            by_sentence.setdefault((item.article, item.cand.sentence), set()).update(
                item.cand.countries
            )
    votes = Counter(c for named in by_sentence.values() for c in named)
    pair = representative.detail.countries_in_order[:2] or representative.cand.countries[:2]
    ranked = [
        *representative.cand.countries,
        *pair,
        *sorted(votes, key=lambda c: (-votes[c], c)),
    ]
    return [c for c in dict.fromkeys(ranked) if c in pair or 2 * votes[c] >= len(by_sentence)]


def describe(cluster: Cluster, actors: dict[str, ActorInfo]) -> str:
    """The happening in words, as its event will be titled."""
    items = sorted(cluster.items, key=lambda i: (i.order, i.cand.sentence))
    best, _dissent = choose_date(items)
    status = "planned" if all(i.cand.status == "planned" for i in items) else "done"
    return title(_representative(items, best).detail, actors, status)


def where(article: str, sentence: int, labels: dict[str, str]) -> str:
    """A sentence as people can find it: the article's label and the 1-based sentence number."""
    label = labels.get(article, "")
    shown = f"“{label}”" if label else "an untitled article"
    return f"{shown} (sentence {sentence + 1})"


def _date_rule(
    best: Item | None, items: list[Item], pub_certain: dict[str, bool], labels: dict[str, str]
) -> str:
    """How the date was obtained, in words people can check against the article."""
    if best is None:
        return ""
    text = best.date_text or best.cand.date_text
    rule = best.date_rule or best.cand.date_rule or "stated"
    if best.inherited and best.date_source is not None:
        rule = f"{rule} told in {where(best.article, best.date_source, labels)}"
    elif text and rule.startswith("stated"):
        rule = f"{rule}: ‘{text}’ in {where(best.article, best.cand.sentence, labels)}"
    elif text:
        rule = f"‘{text}’ in {where(best.article, best.cand.sentence, labels)}, {rule}"
    if _rests_on_publication(best) and not pub_certain.get(best.article, False):
        rule += "; that publication date is not certain"
    support = len({i.article for i in items if i.date and i.date.overlaps(best.date)})
    if support > 1:
        rule += f"; agreed by {support} articles"
    return rule


def _item_certain(item: Item, pub_certain: dict[str, bool]) -> bool:
    """A date written out is certain; one worked out from the publication date is as
    certain as that date; one borrowed from the visit a meeting was part of is a guess."""
    if item.inherited:
        return False
    if _rests_on_publication(item):
        return pub_certain.get(item.article, False)
    return True


def _rests_on_publication(item: Item) -> bool:
    """True when the date was worked out from the article's publication date."""
    if item.inherited:
        return False
    if item.date_text:  # the date of a report ("announced on Tuesday")
        report = item.detail.report_timex
        return report is None or report.relative
    timex = item.detail.timex
    return timex is not None and timex.relative


def _name_conflicts(
    refs: list[EvidenceRef], names: dict[tuple[str, int], list[tuple[str, str]]]
) -> list[Conflict]:
    """One person, given names that cannot be spellings of each other ("Omar" vs "Amir")."""
    by_actor: dict[str, list[tuple[str, EvidenceRef]]] = {}
    for ref in refs:
        for key, written in names.get((ref.article, ref.sentence), ()):
            if len(name_tokens(written)) >= 2:
                by_actor.setdefault(key, []).append((written, ref))
    conflicts = []
    for key in sorted(by_actor):
        claims = by_actor[key]
        # Given names per article: an alias told in one article ("known as ...") is not
        # a disagreement; two articles that share no spelling of the given name are.
        given: dict[str, set[str]] = {}
        for written, ref in claims:
            given.setdefault(ref.article, set()).add(name_tokens(written)[0])
        articles = sorted(given)
        clash = any(
            not any(tokens_match(x, y) for x in given[a] for y in given[b])
            for i, a in enumerate(articles)
            for b in articles[i + 1 :]
        )
        if clash:
            conflicts.append(Conflict("name", tuple(claims)))
    return conflicts


def _representative(items: list[Item], best: Item | None) -> Item:
    primary = min((i.cand.type for i in items), key=priority)

    def score(i: Item):
        return (
            i.cand.type == primary,
            i.date is not None,
            bool(best) and i.date is not None and i.date == best.date,
            bool(i.detail.agent is not None and i.detail.target is not None),
            min(len(i.cand.countries), 2),
            len(i.cand.actors),
            # Ties go to the article key, not the input order: same result in any order.
            _negated(i.article),
            -i.cand.sentence,
        )

    return max(items, key=score)


def _negated(text: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in text)


# --- near-duplicate articles --------------------------------------------------------


def _normalise_sentence(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


# Articles sharing at least this share of their sentences (Jaccard) are copies.
NEAR_COPY = 0.6


def near_duplicates(
    sentences: dict[str, list[Sentence]], order: list[str], threshold: float = NEAR_COPY
) -> dict[str, str]:
    """copy key -> original key, by Jaccard similarity of their sentence sets."""
    shingles = {
        key: {_normalise_sentence(s.text) for s in sentences[key] if len(s.text) > 20}
        for key in order
    }
    out: dict[str, str] = {}
    later = _similar_later(order, shingles, threshold)
    for i, a in enumerate(order):
        for j in later(i):
            b = order[j]
            if b in out or a in out:
                continue
            sa, sb = shingles[a], shingles[b]
            if not sa or not sb:
                continue
            jaccard = len(sa & sb) / len(sa | sb)
            if jaccard >= threshold:
                out[b] = a
    return out


def _similar_later(order: list[str], shingles: dict[str, set[str]], threshold: float):
    """Positions after ``i`` of the articles that can reach ``threshold`` with article ``i``,
    in order: not every pair of the corpus. Prefix filtering: with sentences ranked rarest
    first, two sets sharing at least ``need`` sentences share one among the first
    ``len - need + 1`` of each, and Jaccard >= t means sharing at least t * len."""
    if threshold <= 0:  # pairs sharing nothing qualify too
        return lambda i: range(i + 1, len(order))
    frequency = Counter(s for key in dict.fromkeys(order) for s in shingles[key])
    holders: dict[str, list[int]] = {}
    prefixes = []
    for position, key in enumerate(order):
        ranked = sorted(shingles[key], key=lambda s: (frequency[s], s))
        # 1e-6: the float Jaccard may round up to the threshold.
        need = max(1, math.ceil(threshold * len(ranked) - 1e-6))
        prefix = ranked[: len(ranked) - need + 1]
        prefixes.append(prefix)
        for shingle in prefix:
            holders.setdefault(shingle, []).append(position)

    def later(i: int) -> list[int]:
        return sorted({j for s in prefixes[i] for j in holders[s] if j > i})

    return later
