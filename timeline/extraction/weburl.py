"""Web addresses that come from outside: an article's header, a page's metadata,
an editor's form. Only ``http`` and ``https`` are links a reader may follow;
``javascript:`` or ``data:`` in a link runs whatever the address carries."""

from __future__ import annotations

from urllib.parse import urlsplit

WEB_SCHEMES = frozenset({"http", "https"})


def web_url(text: str) -> str | None:
    """``text`` as an absolute http(s) address (surrounding spaces removed), or None.

    Browsers drop tabs and newlines inside an address and control characters
    around it, so that ``java<TAB>script:`` is ``javascript:``: any control
    character or space refuses the address instead of being read past.
    """
    url = text.strip()
    if not url or any(ord(char) <= 0x20 or ord(char) == 0x7F for char in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced "[" in the host
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
        return None
    return url
