"""Titles from the roles a candidate fills, by the templates of data/frames.toml.

A template names only filled roles: one with a placeholder nothing fills is skipped, so
a title never names a party the happening does not have.
"""

from __future__ import annotations

import functools
import re
import string

from lemminflect import getInflection

from .countries import country_name, lookup
from .frames import Frame, TitleTemplate, frame
from .types import COUNTRY, PERSON, ActorInfo, Candidate, Filler, Role

_FIELDS = string.Formatter()


def display(filler: Filler | None, actors: dict[str, ActorInfo]) -> str:
    """A role filler as a title names it: a country acting through its officials."""
    if filler is None:
        return ""
    if filler.kind == COUNTRY:
        return f"{country_name(filler.key)} officials"
    if filler.key in actors:
        return actors[filler.key].name
    return filler.key if filler.kind == "phrase" else ""


@functools.lru_cache(maxsize=256)
def _verb_forms(verb: str) -> dict[str, str]:
    if not verb or " " in verb:
        return {"verb": "", "verbs": "", "verbed": ""}
    return {
        "verb": verb,
        "verbs": (getInflection(verb, "VBZ") or (verb + "s",))[0],
        "verbed": (getInflection(verb, "VBN") or (verb + "ed",))[0],
    }


def _slots(cand: Candidate, actors: dict[str, ActorInfo]) -> dict[str, str]:
    names = [country_name(c) for c in cand.event.countries]
    known = [actors[k] for k in cand.event.actors if k in actors]
    people = [a.name for a in known if a.kind == PERSON]
    groups = [a.name for a in known if a.kind != PERSON]
    first = next(iter([*people, *names, *groups]), "")
    actor = display(cand.agent, actors)
    target = display(cand.target, actors)
    visitor = actor or first
    last = names[-1] if names and names[-1] != first else ""
    visited = cand.place or target or last
    if visited and _home(cand, actors, visitor) == _country_of(visited, cand, actors):
        # "Senegal visits Dakar", "Ahmed (Bangladesh) visits Bangladesh": a visitor never
        # visits his own country; the one unknown is left out of the title.
        visitor, visited = ("", visited) if visitor in names else (visitor, "")
    organisation = display(cand.organisation, actors) or (groups[0] if groups else "")
    host = cand.roles.get(Role.HOST)
    subject = names[0] if names else first
    if subject == organisation:
        subject = ""  # "United Nations joins United Nations": who joined is not known
    group = [country_name(c) for c in cand.group]
    counterpart = next((country_name(c) for c in cand.event.countries if c not in cand.group), "")
    return {
        "group": _join(group) if len(group) > 1 else "",
        "counterpart": counterpart if len(group) > 1 else "",
        "side": names[0] if names else "",
        "partner": names[1] if len(names) > 1 else "",
        "host": country_name(host.key) if host is not None else "",
        "subject": subject,
        "first": first,
        "actor": actor,
        "meets": "meet" if actor.endswith("officials") else "meets",
        "visits": "visit" if visitor.endswith("officials") else "visits",
        "target": target,
        "Target": target[:1].upper() + target[1:],
        "place": cand.place,
        "visitor": visitor,
        "visited": visited,
        "object": cand.object_text,
        "Object": cand.object_text[:1].upper() + cand.object_text[1:],
        "organisation": organisation,
        "person1": people[0] if len(people) > 1 else "",
        "person2": people[1] if len(people) > 1 else "",
        **_verb_forms(cand.object_text),  # a fresh dict: the cached one is never changed
    }


def _home(cand: Candidate, actors: dict[str, ActorInfo], visitor: str) -> str:
    """The country of whoever the title names as the visitor ("" if unknown)."""
    if cand.agent is not None and cand.agent.kind == COUNTRY:
        return cand.agent.key
    known = [actors[k] for k in cand.event.actors if k in actors]
    person = next((a for a in known if a.name == visitor), None)
    if person is not None:
        return person.country
    return next((c for c in cand.event.countries if country_name(c) == visitor), "")


def _country_of(place: str, cand: Candidate, actors: dict[str, ActorInfo]) -> str:
    """The country a visited place is in or is ("Dakar" -> SEN), "" if none is known."""
    found = lookup(place) or next((c for c in cand.event.countries if country_name(c) == place), "")
    return found or "?"  # never equal to an unknown home


def _join(names: list[str]) -> str:
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def _holds(condition: str, cand: Candidate, status: str, people: int) -> bool:
    name, _, value = condition.partition(":")
    tests = {
        "planned": lambda: status == "planned",
        "done": lambda: status != "planned",
        "joint": lambda: cand.joint,
        "solo": lambda: not cand.joint,
        "missing": lambda: cand.subject_missing,
        "one": lambda: len(cand.event.countries) == 1,
        "variant": lambda: cand.variant == value,
        "object": lambda: cand.object_text == value,
        "people": lambda: people >= 2,
        "no_people": lambda: people == 0,
    }
    return tests[name]()


def _fill(template: TitleTemplate, slots: dict[str, str]) -> str | None:
    wanted = [f for _, f, _, _ in _FIELDS.parse(template.text) if f]
    if any(not slots.get(f) for f in wanted):
        return None
    return template.text.format(**slots)


def title(cand: Candidate, actors: dict[str, ActorInfo], status: str | None = None) -> str:
    """The candidate's title: "Oman and Brazil establish diplomatic relations"."""
    found: Frame | None = frame(cand.event.type)
    status = status or cand.event.status
    slots = _slots(cand, actors)
    people = sum(1 for k in cand.event.actors if k in actors and actors[k].kind == PERSON)
    for template in found.titles if found else ():
        if all(_holds(c, cand, status, people) for c in template.when):
            text = _fill(template, slots)
            if text is not None:
                return re.sub(r"\s+", " ", text).strip()
    label = found.label if found else cand.event.type
    return f"{label}: {slots['first']}".rstrip(": ")
