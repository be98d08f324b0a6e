"""Merge, split and reject: nothing is lost, and the marks extraction reads are set."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline import curation
from timeline.models import ActorAlias, Event, Evidence, Mention


@pytest.fixture
def sentences(make_article):
    article = make_article(
        "Syria and Saudi Arabia agreed to reopen embassies on 9 May 2023.",
        "The embassies reopened after a decade, officials said.",
        "Riyadh sent 191 diplomats.",
        "Riyadh sent 200 diplomats.",
        slug="reopen",
    )
    return list(article.sentences.all())


def test_merge_moves_every_sentence_with_its_claims_and_marks_them_editor(make_event, sentences):
    a, b, c, _ = sentences
    target = make_event("Embassies reopen", countries=("SYR",), sentences=(a,))
    other = make_event("Reopening", countries=("SAU",), sentences=(b, c))
    Evidence.objects.filter(sentence=c).update(claims={"count": "191"})

    curation.merge_events(target, [other])

    other.refresh_from_db()
    assert other.merged_into == target
    assert set(target.evidence.values_list("sentence", flat=True)) == {a.pk, b.pk, c.pk}
    assert target.evidence.get(sentence=c).claims == {"count": "191"}
    assert set(target.evidence.values_list("origin", flat=True)) == {Evidence.Origin.EDITOR}
    assert set(target.countries.values_list("iso3", flat=True)) == {"SYR", "SAU"}
    assert not other.evidence.exists()


def test_merge_protects_the_survivors_fields_from_extraction(make_event, sentences):
    a, b, *_ = sentences
    target = make_event("Embassies reopen", sentences=(a,))
    curation.merge_events(target, [make_event("Other", sentences=(b,))])

    target.refresh_from_db()
    assert {"title", "start", "countries", "actors", "conflicts"} <= set(target.edited_fields)


def test_merging_a_sentence_both_events_hold_keeps_one_link_and_both_claims(make_event, sentences):
    a, *_ = sentences
    target = make_event("One", sentences=(a,))
    other = make_event("Two", sentences=(a,))
    Evidence.objects.filter(event=other).update(claims={"count": "191"})

    curation.merge_events(target, [other])

    assert target.evidence.count() == 1
    assert target.evidence.get().claims == {"count": "191"}


def test_merge_concatenates_conflicts_and_records_differing_dates(make_event, sentences):
    a, b, c, d = sentences
    conflict = {
        "field": "count",
        "claims": [
            {"value": "191", "article": "reopen", "sentence": c.index, "text": c.text},
            {"value": "200", "article": "reopen", "sentence": d.index, "text": d.text},
        ],
    }
    target = make_event("One", sentences=(a, c, d), conflicts=[conflict])
    other = make_event("Two", sentences=(b,), start=dt.date(2023, 5, 10))

    curation.merge_events(target, [other])

    target.refresh_from_db()
    fields = {c["field"]: c for c in target.conflicts}
    assert {v["value"] for v in fields["count"]["claims"]} == {"191", "200"}
    assert {v["value"] for v in fields["date"]["claims"]} == {"10 April 2025", "10 May 2023"}


def test_merging_into_a_merged_event_lands_on_its_survivor(make_event, sentences):
    a, b, c, _ = sentences
    first, second, third = (
        make_event(t, sentences=(s,)) for t, s in zip("XYZ", (a, b, c), strict=True)
    )
    curation.merge_events(first, [second])

    curation.merge_events(second, [third])

    third.refresh_from_db()
    assert third.merged_into == first
    assert first.evidence.count() == 3


def test_merge_needs_another_event(make_event):
    event = make_event("Alone")
    with pytest.raises(curation.CurationError):
        curation.merge_events(event, [event])


def test_split_moves_the_chosen_evidence_and_pins_both_halves(make_event, sentences):
    a, b, c, d = sentences
    event = make_event("Reopening and diplomats", countries=("SYR", "SAU"), sentences=(a, b, c, d))
    moving = list(event.evidence.filter(sentence__in=[c, d]).values_list("pk", flat=True))

    new = curation.split_event(event, moving, title="Diplomats sent")

    assert new.title == "Diplomats sent"
    kept = event.evidence.filter(rejected=False)
    assert set(new.evidence.filter(rejected=False).values_list("sentence", flat=True)) == {
        c.pk,
        d.pk,
    }
    assert set(kept.values_list("sentence", flat=True)) == {a.pk, b.pk}
    # Each half says no to the other's sentences, so extraction cannot pull
    # them together again; and every link is the editor's, so none is dropped.
    assert set(event.evidence.filter(rejected=True).values_list("sentence", flat=True)) == {
        c.pk,
        d.pk,
    }
    assert set(new.evidence.filter(rejected=True).values_list("sentence", flat=True)) == {
        a.pk,
        b.pk,
    }
    assert set(Evidence.objects.values_list("origin", flat=True)) == {Evidence.Origin.EDITOR}
    assert set(new.countries.values_list("iso3", flat=True)) == {"SYR", "SAU"}
    assert "title" in new.edited_fields


def test_split_keeps_each_conflict_with_the_half_that_holds_its_sentences(make_event, sentences):
    a, _, c, d = sentences
    conflict = {
        "field": "count",
        "claims": [
            {"value": "191", "article": "reopen", "sentence": c.index, "text": c.text},
            {"value": "200", "article": "reopen", "sentence": d.index, "text": d.text},
        ],
    }
    event = make_event("All", sentences=(a, c, d), conflicts=[conflict])
    moving = event.evidence.filter(sentence__in=[c, d]).values_list("pk", flat=True)

    new = curation.split_event(event, list(moving))

    event.refresh_from_db()
    assert event.conflicts == []
    assert [x["field"] for x in new.conflicts] == ["count"]


def test_split_refuses_evidence_of_another_event(make_event, sentences):
    a, b, c, _ = sentences
    event = make_event("One", sentences=(a, b))
    stranger = make_event("Two", sentences=(c,)).evidence.get()

    with pytest.raises(curation.CurationError):
        curation.split_event(event, [stranger.pk])
    assert Event.objects.count() == 2


def test_reject_keeps_the_row_and_restore_brings_it_back(make_event, sentences):
    a, b, *_ = sentences
    event = make_event("One", sentences=(a, b))
    link = event.evidence.get(sentence=b)

    assert curation.reject_evidence([link]) == 1
    link.refresh_from_db()
    assert link.rejected and link.origin == Evidence.Origin.EDITOR
    assert curation.restore_evidence([link]) == 1
    link.refresh_from_db()
    assert not link.rejected


def test_merge_actors_moves_aliases_events_and_mentions(make_actor, make_event, sentences):
    a, *_ = sentences
    survivor = make_actor("Faisal bin Farhan", title="Foreign Minister")
    duplicate = make_actor("Prince Faisal", country=None)
    ActorAlias.objects.create(actor=duplicate, name="Saudi FM")
    ActorAlias.objects.create(actor=duplicate, name="Faisal bin Farhan")  # already the name
    event = make_event("Visit", actors=(duplicate,))
    Mention.objects.create(
        article=a.article, sentence=a, start=0, end=5, text="Faisal", kind="person", actor=duplicate
    )

    curation.merge_actors(survivor, [duplicate])

    duplicate.refresh_from_db()
    assert duplicate.merged_into == survivor
    assert set(survivor.aliases.values_list("name", flat=True)) == {"Saudi FM", "Prince Faisal"}
    assert list(event.actors.all()) == [survivor]
    assert Mention.objects.get().actor == survivor
    assert survivor.survivor() == survivor and duplicate.survivor() == survivor
