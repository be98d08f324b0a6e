"""The relations fold: what each kind of event does to a pair's relations, day by day."""

from __future__ import annotations

import datetime as dt
import itertools

from timeline.relations import Effect, Standing, Step, effect, relations_on, turning_days

_keys = itertools.count(1)
D = dt.date


def step(type_, start, end=None, partners=("BBB",), wording="", planned=False) -> Step:
    return Step(
        key=next(_keys),
        title=f"{type_} {start}",
        url="/events/1/",
        type=type_,
        start=start,
        end=end or start,
        when=str(start),
        partners=partners,
        wording=wording,
        planned=planned,
    )


def standing(steps, day, partner="BBB"):
    state = relations_on(steps, day).get(partner)
    return state.standing if state else None


def test_establishing_relations_makes_them_stand_from_that_day_on():
    steps = [step("establish_relations", D(2025, 4, 10))]
    assert standing(steps, D(2025, 4, 9)) is None
    assert standing(steps, D(2025, 4, 10)) is Standing.RELATIONS
    assert standing(steps, D(2030, 1, 1)) is Standing.RELATIONS


def test_a_break_ends_relations_and_a_later_establishment_restores_them():
    steps = [
        step("establish_relations", D(1990, 5, 1)),
        step("reduce_relations", D(2000, 1, 1), wording="A severed diplomatic relations with B."),
        step("establish_relations", D(2010, 1, 1), wording="A and B restored ties."),
    ]
    assert standing(steps, D(1995, 1, 1)) is Standing.RELATIONS
    assert standing(steps, D(2005, 1, 1)) is Standing.BROKEN
    state = relations_on(steps, D(2011, 1, 1))["BBB"]
    assert state.standing is Standing.RELATIONS
    assert state.restored
    assert state.since is steps[2]
    assert state.steps == steps


def test_steps_are_folded_in_date_order_whatever_order_they_come_in():
    steps = [
        step("reduce_relations", D(2000, 1, 1), wording="ties were cut"),
        step("establish_relations", D(1990, 5, 1)),
    ]
    assert standing(steps, D(2001, 1, 1)) is Standing.BROKEN


def test_the_wording_tells_a_break_from_a_downgrade():
    broke = step("reduce_relations", D(2000, 1, 1), wording="A broke off relations with B")
    assert effect(broke) is Effect.CLOSE
    assert (
        effect(step("reduce_relations", D(2000, 1, 1), wording="Relations were suspended."))
        is Effect.CLOSE
    )
    downgrade = step(
        "reduce_relations", D(2000, 1, 1), wording="A downgraded ties to chargé d'affaires level."
    )
    closure = step("reduce_relations", D(2000, 1, 1), wording="A closed its embassy in B.")
    assert effect(downgrade) is Effect.STRAIN
    assert effect(closure) is Effect.STRAIN
    both = step(
        "reduce_relations", D(2000, 1, 1), wording="A severed relations and closed its embassy."
    )
    assert effect(both) is Effect.CLOSE
    assert effect(step("reduce_relations", D(2000, 1, 1))) is Effect.CLOSE  # the type's meaning


def test_downgrades_recalls_and_expulsions_keep_relations():
    steps = [
        step("establish_relations", D(1990, 1, 1)),
        step("reduce_relations", D(2000, 1, 1), wording="A downgraded its embassy in B."),
        step("expel_withdraw", D(2001, 1, 1), wording="A expelled two B diplomats."),
    ]
    state = relations_on(steps, D(2002, 1, 1))["BBB"]
    assert state.standing is Standing.RELATIONS
    assert state.since is steps[0]
    assert len(state.steps) == 3


def test_expelling_diplomats_shows_relations_stood():
    steps = [step("expel_withdraw", D(2001, 3, 1), wording="A expelled B's ambassador.")]
    assert standing(steps, D(2001, 3, 1)) is Standing.RELATIONS


def test_talks_visits_recognition_and_planned_steps_change_nothing():
    steps = [
        step("meet", D(2020, 1, 1)),
        step("visit", D(2020, 2, 1)),
        step("recognise", D(2020, 3, 1)),
        step("establish_relations", D(2020, 4, 1), planned=True),
    ]
    assert relations_on(steps, D(2021, 1, 1)) == {}
    assert turning_days(steps) == []


def test_a_vague_date_leaves_the_days_it_covers_unsettled():
    steps = [step("establish_relations", D(2024, 1, 1), D(2024, 12, 31))]
    assert standing(steps, D(2023, 12, 31)) is None
    assert standing(steps, D(2024, 6, 1)) is Standing.UNSETTLED
    assert standing(steps, D(2024, 12, 31)) is Standing.RELATIONS


def test_a_vague_step_that_changes_nothing_leaves_the_standing_settled():
    steps = [
        step("establish_relations", D(1990, 1, 1)),
        step("establish_relations", D(2024, 1, 1), D(2024, 12, 31)),
    ]
    assert standing(steps, D(2024, 6, 1)) is Standing.RELATIONS


def test_each_partner_of_a_step_is_folded_apart():
    steps = [
        step("establish_relations", D(2000, 1, 1), partners=("BBB", "CCC")),
        step("reduce_relations", D(2005, 1, 1), partners=("CCC",), wording="cut ties"),
    ]
    states = relations_on(steps, D(2006, 1, 1))
    assert states["BBB"].standing is Standing.RELATIONS
    assert states["CCC"].standing is Standing.BROKEN


def test_turning_days_are_the_first_and_last_days_of_each_step_that_matters():
    steps = [
        step("establish_relations", D(2024, 1, 1), D(2024, 12, 31)),
        step("establish_relations", D(2025, 4, 10)),
        step("meet", D(2025, 5, 1)),
    ]
    assert turning_days(steps) == [D(2024, 1, 1), D(2024, 12, 31), D(2025, 4, 10)]
