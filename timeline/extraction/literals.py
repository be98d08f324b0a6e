"""What every match of a regular expression must contain: a cheap test before running it.

A trigger pattern such as ``\\b(?:expel(?:s|led)?|recall(?:s|ed)?)\\s+...`` cannot match a
clause that holds neither "expel" nor "recall". ``required`` reads the pattern's parse tree
and returns such a set of lower-case strings (one of which is in every match), or None when
nothing can be told; ``held`` and ``rules_out`` then test a lower-cased text with plain
substring searches, far faster than the regular expression failing.

The test is exact, never a guess: it only rules out texts the pattern cannot match. Only
ASCII literals are used, and texts holding one of the few characters that ignore-case
matching equates with an ASCII letter without ``str.lower`` doing so ("ı", "ſ", "İ", the
Kelvin sign) are never ruled out.
"""

from __future__ import annotations

import re
import re._constants as sre  # the parser's opcodes (the parser is stable since 3.11)
import re._parser as sre_parse
from functools import lru_cache

Required = frozenset[str] | None

# Characters ignore-case matching takes for an ASCII letter that ``str.lower`` keeps apart.
_ODD_CASE = re.compile("[ıſİ\u212a]")
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_SHORTEST_USEFUL = 3  # a one- or two-letter requirement rules out nothing


def _strength(found: frozenset[str]) -> int:
    return min(len(s) for s in found)


def _of_item(op, av) -> Required:
    """The requirement of one element of a sequence (not a literal)."""
    if op is sre.SUBPATTERN:
        return _of_sequence(av[3])
    if op is sre.ATOMIC_GROUP:
        return _of_sequence(av)
    if op in _REPEATS:
        return _of_sequence(av[2]) if av[0] >= 1 else None
    if op is sre.BRANCH:
        alternatives = [_of_sequence(alt) for alt in av[1]]
        if any(a is None for a in alternatives):
            return None
        return frozenset().union(*alternatives)
    return None


def _of_sequence(seq) -> Required:
    """The strongest requirement among a sequence's elements and its runs of literals:
    every one of them is in any match of the whole sequence."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            candidates.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in seq:
        if op is sre.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if op is sre.AT:
            continue  # \b, ^, $: zero-width, the letters around it stay adjacent
        close_run()
        found = _of_item(op, av)
        if found:
            candidates.append(found)
    close_run()
    return max(candidates, key=_strength) if candidates else None


@lru_cache(maxsize=1024)
def required(pattern: re.Pattern) -> Required:
    """Lower-case strings one of which every match of ``pattern`` holds, or None."""
    try:
        found = _of_sequence(sre_parse.parse(pattern.pattern, pattern.flags))
    except (re.error, TypeError, ValueError):  # bytes patterns, odd flags: no prefilter
        return None
    if found is None or _strength(found) < _SHORTEST_USEFUL:
        return None
    return found


def folded(text: str) -> str | None:
    """``text`` lower-cased for the tests below, or None when it must not be prefiltered."""
    return None if _ODD_CASE.search(text) else text.lower()


def held(low: str | None, universe: frozenset[str]) -> frozenset[str] | None:
    """Which of ``universe`` (the required strings of a set of patterns) ``low`` holds;
    None when ``low`` must not be prefiltered. One pass per text, then a set test per
    pattern, is cheaper than testing each pattern's strings on its own."""
    if low is None:
        return None
    return frozenset(s for s in universe if s in low)


def rules_out(need: Required, found: frozenset[str] | None) -> bool:
    """True only when a pattern requiring ``need`` cannot match a text holding ``found``."""
    return need is not None and found is not None and need.isdisjoint(found)
