"""What one article can share with others in the cross-article stage.

``build_timeline`` lets articles act on each other only through:

* clustering, whose candidates meet only when they share a country or an actor key
  (``clustering._index_keys``), which also bounds the preliminary clustering that dates
  undated articles and the groups they are dated in;
* actor merging, whose records meet only when they share a merge key
  (``actors._merge_keys``), a similar long family name (``FUZZY``), or the key and the
  canonical name that make merged keys unique;
* near-copies, which share sentences;
* labels, made unique among articles with the same title.

Two articles with no key in common (directly or through others) cannot change each
other's result, so the timeline of a part of the corpus closed under shared keys is
the full rebuild's timeline restricted to that part. The keys are kept per article
(``timeline.models.LinkKey``) so an update finds that part with indexed look-ups.
"""

from __future__ import annotations

import hashlib

from .actors import _family_romanised, _merge_keys, _record_from_info, _record_key
from .clustering import _normalise_sentence
from .document import Document
from .types import PERSON

# Long family names (6+ letters) of people: merged when similar, not only when equal,
# so they are matched by similarity at look-up time, not by equality.
FUZZY = "f:"
FUZZY_LENGTH = 6
FUZZY_SIMILARITY = 0.86  # actors._near_tokens


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
            keys.add(f"s:{_digest(_normalise_sentence(sentence.text))}")
    return {k[:200] for k in keys}
