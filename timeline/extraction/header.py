"""The optional ``key: value`` header block at the top of an article."""

from __future__ import annotations

import re

from .types import Header
from .weburl import web_url

KNOWN_KEYS = {"url", "title", "outlet", "published", "date", "author", "source", "language"}
_LINE = re.compile(r"^([A-Za-z][A-Za-z_-]{0,30}):[ \t]*(.*?)[ \t]*$")


def parse_header(text: str) -> Header:
    """Read the header block, if the text starts with one.

    A header is a run of ``key: value`` lines ended by a blank line (or the end
    of the text) in which at least one key is a known one; anything else is
    body, so a first sentence such as "Note: ..." is not mistaken for a header.
    """
    fields: dict[str, str] = {}
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if not stripped:
            if fields:
                pos += len(line)
            break
        match = _LINE.match(stripped)
        if not match:
            return Header({}, 0)
        fields[match.group(1).lower()] = match.group(2)
        pos += len(line)
    if not fields or not KNOWN_KEYS.intersection(fields):
        return Header({}, 0)
    return Header(fields, pos)


def header_problem(header: Header) -> str | None:
    """What makes a header unusable, named for the person who wrote it; None if nothing."""
    url = header.fields.get("url", "")
    if url and web_url(url) is None:
        return f"the header's url {url[:100]!r} is not an http:// or https:// address"
    return None
