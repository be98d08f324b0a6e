"""Who acts and on whom: the AGENT and TARGET roles, by the rule a frame names.

Frames (data/frames.toml) say which rule fills their roles (`roles`):
  encounter   a visit or a meeting: the person before the verb (else the country) meets
              the person after it
  expulsion   the country before an active "expelled", "ordered ... to leave"
  overthrow   a coup or an attack, active or passive: who overthrew (a group, else a
              person) and whom (a person, else "the X regime" as written)
"""

from __future__ import annotations

import re

from .countries import how_matched
from .types import COUNTRY, PERSON, ActorInfo, Filler, Mention, Role

_PASSIVE_FORMS = re.compile(r"^(?:overthrown|ousted|toppled|deposed|removed)$", re.I)
_BE_BEFORE = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+\s+)?$")
_REGIME_PHRASE = re.compile(
    r"\b(?:the\s+)?((?:[A-Z][\w'’-]+\s+){1,3})(?:regime|government|dictatorship|rule)\b"
)


def _actor(m: Mention, actors: dict[str, ActorInfo]) -> Filler:
    return Filler(actors[m.key].kind if m.key in actors else m.kind, m.key)


def _encounter(trigger, a, body, mentions, actors) -> dict[Role, Filler]:
    t_start, t_end = a + trigger.start(), a + trigger.end()
    people = [m for m in mentions if m.kind == PERSON and m.key in actors]
    before = [m for m in people if m.end <= t_start]
    after = [m for m in people if m.start >= t_end]
    nations = [
        m
        for m in mentions
        if m.kind == COUNTRY and m.end <= t_start and how_matched(m.text) != "capital"
    ]
    roles: dict[Role, Filler] = {}
    if before:
        roles[Role.AGENT] = _actor(before[-1], actors)
    elif nations:
        roles[Role.AGENT] = Filler(COUNTRY, nations[0].key)
    agent = roles.get(Role.AGENT)
    target = next((m for m in after if agent is None or m.key != agent.key), None)
    if target is not None:
        roles[Role.TARGET] = _actor(target, actors)
    return roles


def _expulsion(trigger, a, body, mentions, actors) -> dict[Role, Filler]:
    """ "Peru expelled Chile's envoy", "Peru asked Chile's envoy to leave": the country
    named before an active verb sent the envoy away."""
    if not re.match(r"(?i)(?:expel(?:s|led|ling)?|order\w*|ask\w*|told|gave)\b", trigger.group()):
        return {}
    t_start = a + trigger.start()
    subjects = [
        m
        for m in mentions
        if m.kind == COUNTRY and m.end <= t_start and how_matched(m.text) != "capital"
    ]
    return {Role.AGENT: Filler(COUNTRY, subjects[0].key)} if subjects else {}


def _passive(trigger, body: str) -> bool:
    word = trigger.group().split()[-1]
    before = body[: trigger.start()]
    passive = bool(_PASSIVE_FORMS.match(word)) or bool(_BE_BEFORE.search(before))
    if (
        passive
        and word.lower() != "overthrown"
        and not _BE_BEFORE.search(before)
        and re.match(r"\s+(?!by\b|in\b|on\b|at\b|during\b|after\b|from\b)\w", body[trigger.end() :])
    ):
        return False  # "the army ousted his regime": with an object, active
    return passive


def _regime_phrase(trigger, body: str, passive: bool) -> Filler | None:
    before = body[: trigger.start()]
    phrase = _REGIME_PHRASE.search(body[trigger.end() :] if not passive else before)
    phrase = phrase or _REGIME_PHRASE.search(body)
    if phrase is None:
        return None
    bare = phrase.group(0).replace("the ", "").strip()
    # "Hakim's dictatorship" takes no article; "the Hakim regime" does.
    return Filler("phrase", bare if re.search(r"['’]s\b", bare) else "the " + bare)


def _overthrow(trigger, a, body, mentions, actors) -> dict[Role, Filler]:
    t_start, t_end = a + trigger.start(), a + trigger.end()
    known = [m for m in mentions if m.kind != COUNTRY and m.key in actors]

    def side(before: bool, person: bool) -> list[Mention]:
        return [
            m
            for m in known
            if (m.end <= t_start if before else m.start >= t_end)
            and (actors[m.key].kind == PERSON) == person
        ]

    passive = _passive(trigger, body)
    if passive:
        target = side(True, True)[-1:]
        agent = side(False, False)[:1]
    else:
        target = side(False, True)[:1]
        agent = (side(True, False) or side(True, True))[-1:]
        if re.search(r"\b(?:fall|collapse)\s+of\b|['’]s\s+fall$", trigger.group(), re.I):
            agent = []
    roles: dict[Role, Filler] = {}
    if target:
        roles[Role.TARGET] = _actor(target[0], actors)
    elif (phrase := _regime_phrase(trigger, body, passive)) is not None:
        roles[Role.TARGET] = phrase
    if agent and (Role.TARGET not in roles or roles[Role.TARGET].key != agent[0].key):
        roles[Role.AGENT] = _actor(agent[0], actors)
    return roles


_RULES = {"encounter": _encounter, "expulsion": _expulsion, "overthrow": _overthrow}


def agent_target(
    rule: str, trigger, a: int, body: str, mentions: list[Mention], actors: dict[str, ActorInfo]
) -> dict[Role, Filler]:
    """The AGENT and TARGET of a clause's happening by the frame's rule; {} for none."""
    return _RULES[rule](trigger, a, body, mentions, actors) if rule in _RULES else {}
