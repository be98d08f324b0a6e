"""Every inflection of a word from its lemma, and the lemmas of a word, by lemminflect.

Vocabulary is written once, as lemmas ("sever", "embassy"); the regular expressions
that find it in text are built from all of its forms ("severs", "severed", "severing",
"embassies"). British and American spellings (-ise / -ize, -isation / -ization) are two
spellings of one lemma.
"""

from __future__ import annotations

import functools
import re

from lemminflect import getAllInflections, getAllLemmas

# "re-open" and "reopen", "re-established" and "reestablished": one word.
_HYPHEN_RE = re.compile(r"^re-?(?=[aeiou])")
_ISE = re.compile(r"is(e|es|ed|ing|ation|ations)$")


def _spellings(word: str) -> set[str]:
    """ "normalise" and "normalize": one word in two spellings."""
    found = {word}
    if _ISE.search(word):
        found.add(_ISE.sub(r"iz\1", word))
    if re.search(r"iz(e|es|ed|ing|ation|ations)$", word):
        found.add(re.sub(r"iz(e|es|ed|ing|ation|ations)$", r"is\1", word))
    return found


# Which Penn tags each part of speech keeps; PAST: the past tense and participle only
# ("left", "fled": "to leave" tells no departure).
_TAGS = {
    None: lambda tag: True,
    "VERB": lambda tag: tag.startswith("VB"),
    "NOUN": lambda tag: tag.startswith("NN"),
    "PAST": lambda tag: tag in ("VBD", "VBN"),
}


@functools.cache
def inflections(lemma: str, pos: str | None = None) -> tuple[str, ...]:
    """All forms of ``lemma`` (its first word for a phrase: "break off" -> "broke off"),
    longest first so an alternation prefers "severed" over "sever"; ``pos`` is "VERB" or
    "NOUN" to keep one part of speech, "PAST" for the past tense and participle."""
    head, _, rest = lemma.partition(" ")
    forms = set() if pos == "PAST" else _spellings(head)
    upos = "VERB" if pos == "PAST" else pos
    for spelling in _spellings(head):
        for tag, words in getAllInflections(spelling, upos=upos).items():
            if _TAGS[pos](tag):
                forms.update(words)
    forms = forms or {head}
    forms = {f for w in forms for f in _spellings(w)}
    tail = f" {rest}" if rest else ""
    return tuple(sorted((f + tail for f in forms), key=lambda f: (-len(f), f)))


def _token(char: str) -> str:
    if char == " ":
        return r"\s+"
    if char == "-":
        return "-?"
    return re.escape(char)


def _trie_regex(trie: dict) -> str:
    """A regular expression for the words of a character trie: the engine follows one
    branch per character instead of trying every word at every place of the text."""
    branches = [_token(c) + _trie_regex(rest) for c, rest in sorted(trie.items()) if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Longer words first: an optional rest is tried before stopping here.
    return f"(?:{body})?" if "" in trie else body


def alternation(lemmas: list[str] | tuple[str, ...], pos: str | None = None) -> str:
    """A regular expression matching any form of any of ``lemmas``, as whole words;
    spaces inside a phrase match any run of white space, "re-open" matches "reopen"."""
    trie: dict = {}
    for lemma in lemmas:
        for form in inflections(lemma, pos):
            node = trie
            if _HYPHEN_RE.match(form):
                form = "re-" + form[2:].lstrip("-")
            for char in form.lower():
                node = node.setdefault(char, {})
            node[""] = {}
    return r"\b" + _trie_regex(trie) + r"\b"


@functools.cache
def lemmas_of(word: str) -> frozenset[str]:
    """Every lemma ``word`` can be a form of, lowercased ("broke" -> break, broke)."""
    found = {lemma.lower() for lemmas in getAllLemmas(word.lower()).values() for lemma in lemmas}
    return frozenset(found or {word.lower()})
