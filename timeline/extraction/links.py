"""What one article can share with others in the cross-article stage.

``build_timeline`` lets articles act on each other only through:

* clustering, whose candidates meet only when they share a country or an actor key
  (``clustering._index_keys``), which also bounds the preliminary clustering that dates
  undated articles and the groups they are dated in;
* actor merging, whose records meet only when they share a merge key
  (``actors._merge_keys``), a similar long family name (``FUZZY``), or the key and the
  canonical name that make merged keys unique;
* near-copies, which share sentences: only articles sharing at least ``NEAR_COPY`` of
  their sentences (``near_duplicates``) act on each other, so a sentence key is followed
  only to such articles (``sentence_keys``, ``near_copies``), not to every article that
  quotes one sentence;
* labels, made unique among articles with the same title.

Two articles with no key in common (directly or through others) cannot change each
other's result, so the timeline of a part of the corpus closed under shared keys is
the full rebuild's timeline restricted to that part. The keys are kept per article
(``timeline.models.LinkKey``) so an update finds that part with indexed look-ups.
"""

from __future__ import annotations

import hashlib

from .actors import _family_romanised, _merge_keys, _record_from_info, _record_key
from .clustering import NEAR_COPY, _normalise_sentence
from .document import Document
from .types import PERSON

# Long family names (6+ letters) of people: merged when similar, not only when equal,
# so they are matched by similarity at look-up time, not by equality.
FUZZY = "f:"
FUZZY_LENGTH = 6
FUZZY_SIMILARITY = 0.86  # actors._near_tokens
# Sentences, by their normalised text (near_duplicates' shingles).
SENTENCE = "s:"


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:24]


def _actor_keys(read: Document) -> set[str]:
    keys: set[str] = set()
    for info in read.extraction.actors:
        rec = _record_from_info(info)
        keys |= {f"m:{kind}:{value}" for kind, value in _merge_keys(rec)}
        keys.add(f"r:{_record_key(rec)}")
        keys.add(f"k:{info.key}")
        if rec.canonical:
            keys.add(f"o:{rec.canonical}")
        if rec.kind == PERSON:
            keys |= {f"{FUZZY}{t}" for t in _family_romanised(rec) if len(t) >= FUZZY_LENGTH}
    return keys


def link_keys(read: Document, label: str) -> set[str]:
    """Every key this reading of the article shares with any other article it can affect."""
    keys = {f"l:{_digest(label)}"}
    for detail in read.candidates:
        cand = detail.event
        keys |= {f"c:{c}" for c in [*cand.countries, *detail.countries_in_order]}
        keys |= {f"k:{a}" for a in cand.actors}
    keys |= _actor_keys(read)
    for sentence in read.extraction.sentences:
        if len(sentence.text) > 20:  # clustering.near_duplicates
            keys.add(f"{SENTENCE}{_digest(_normalise_sentence(sentence.text))}")
    return {k[:200] for k in keys}


def sentence_keys(keys: set[str]) -> frozenset[str]:
    return frozenset(k for k in keys if k.startswith(SENTENCE))


def near_copies(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether two articles with these sentence keys are near-copies of each other as
    ``near_duplicates`` judges them (the same Jaccard, computed the same way)."""
    if not mine or not theirs:
        return False
    return len(mine & theirs) / len(mine | theirs) >= NEAR_COPY
