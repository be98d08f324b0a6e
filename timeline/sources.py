"""Where articles come from: text files, saved web pages and links.

Every source becomes the same thing, the plain text the pipeline reads, with
its optional ``key: value`` header block. A web page's main text and metadata
come from trafilatura (htmldate digs for the date when trafilatura finds none),
so navigation, cookie banners, bylines, "most read" boxes and footers never
become sentences, and the page's title, publication date, canonical URL and
outlet fill the header. Nothing here touches the database.
"""

from __future__ import annotations

import re
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .extraction.weburl import web_url

# News articles are tens of kilobytes; past this, a file is most likely not one.
MAX_ARTICLE_BYTES = 1_000_000
# A web page carries scripts and markup around its text: allow more.
MAX_PAGE_BYTES = 5_000_000
FETCH_TIMEOUT = 20.0  # seconds for the whole download, not per read
USER_AGENT = "diplomatic-timeline/1.0 (news article ingest; +https://github.com/)"

HTML_SUFFIXES = {".html", ".htm"}
TEXT_SUFFIXES = {".txt"}
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_URL = re.compile(r"(?i)^https?://")


class ArticleError(ValueError):
    """An article that cannot be ingested; the message names the problem."""


@dataclass(frozen=True)
class SourceText:
    """One article as the pipeline reads it, and where it came from."""

    name: str  # what the user gave: a path or a URL
    text: str  # an optional header block, then the body
    fetched_from: str = ""  # the URL it was downloaded from, if any


# --- Which sources ----------------------------------------------------------


def is_url(spec: str | Path) -> bool:
    return isinstance(spec, str) and bool(_URL.match(spec))


def expand(specs: Iterable[str | Path]) -> list[str | Path]:
    """Folders become their articles (.txt, .html, .htm, any case, sorted); URLs
    and files stay as given, so a missing file is reported, not skipped."""
    out: list[str | Path] = []
    wanted = TEXT_SUFFIXES | HTML_SUFFIXES
    for spec in specs:
        if is_url(spec):
            out.append(str(spec))
            continue
        path = Path(spec)
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.suffix.lower() in wanted and p.is_file())
            out.extend(sorted(found))
        else:
            out.append(path)
    return out


def read(spec: str | Path) -> SourceText:
    """Read one source (a URL, an .html/.htm page or a plain-text file)."""
    if is_url(spec):
        data, final_url, content_type = fetch(str(spec))
        if content_type == "text/plain":
            return SourceText(str(spec), decode_text(data), fetched_from=final_url)
        return SourceText(str(spec), html_to_article(data, url=final_url), fetched_from=final_url)
    path = Path(spec)
    return SourceText(str(path), from_bytes(_read_bytes(path, MAX_PAGE_BYTES), path.name))


def from_bytes(data: bytes, name: str) -> str:
    """A saved or uploaded file's article text: a web page's story, or plain text."""
    if Path(name).suffix.lower() in HTML_SUFFIXES:
        _check_size(len(data), MAX_PAGE_BYTES)
        return html_to_article(data)
    return decode_text(data)


def _check_size(size: int, limit: int) -> None:
    if size > limit:
        raise ArticleError(f"too large ({size:,} bytes; the limit is {limit:,})")


# --- Plain-text files -----------------------------------------------------


def _read_bytes(path: Path, limit: int) -> bytes:
    if not path.exists():
        raise ArticleError("no such file")
    if not path.is_file():
        raise ArticleError("not a regular file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"cannot read it: {exc.strerror or exc}") from exc
    _check_size(len(data), limit)
    return data


def decode_text(data: bytes) -> str:
    _check_size(len(data), MAX_ARTICLE_BYTES)
    if b"\x00" in data:
        raise ArticleError("binary data (NUL bytes), not a plain-text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"not UTF-8 text (byte {exc.start}: {exc.reason})") from exc


def read_article_file(path: Path) -> str:
    return decode_text(_read_bytes(path, MAX_ARTICLE_BYTES))


# --- Web pages --------------------------------------------------------------


def _one_line(value: str | None) -> str:
    return " ".join((value or "").split())


def html_to_article(html: bytes | str, *, url: str = "") -> str:
    """A web page's main text, headed by the metadata the page declares."""
    # Imported here: they cost a third of a second at every start, and most ingests are
    # plain text (the ingest command, the web server and every test start this module).
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
    )
    body = (doc.text or "").strip() if doc else ""
    if not body:
        raise ArticleError("no article text found in the page")
    title = _one_line(doc.title)
    lines = body.splitlines()
    if title and lines and _one_line(lines[0]) == title:
        body = "\n".join(lines[1:]).strip()  # the headline is the title, not a sentence
        if not body:
            raise ArticleError("the page has a headline but no article text")
    header = {
        # A page's metadata is its author's to write: a javascript: "canonical URL" is dropped.
        "url": web_url(doc.url or "") or web_url(url) or "",
        "title": title,
        "outlet": _one_line(doc.sitename),
        "published": doc.date or _dig_for_date(html),
    }
    block = "".join(f"{key}: {value}\n" for key, value in header.items() if value)
    return f"{block}\n{body}\n" if block else f"{body}\n"


def _dig_for_date(html: bytes | str) -> str:
    """The original publication date where trafilatura's quick look found none."""
    import htmldate  # imported when needed, as trafilatura above

    try:
        found = htmldate.find_date(html, original_date=True, extensive_search=True)
    except (ValueError, TypeError):  # htmldate gives up on unreadable markup
        return ""
    return found or ""


# --- Fetching links ---------------------------------------------------------


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only (urllib would also follow ftp:)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not web_url(newurl):
            raise ArticleError(f"redirected to a non-web address ({newurl[:80]})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_opener = urllib.request.build_opener(_WebOnlyRedirects)


def fetch(url: str):
    """Download a page once: (body, final URL, content type). Each failure is an
    ``ArticleError`` that says what went wrong."""
    timeout, limit = FETCH_TIMEOUT, MAX_PAGE_BYTES
    if not web_url(url):
        raise ArticleError("not a web address (only http:// and https:// links are fetched)")
    request = urllib.request.Request(
        url,
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain"},
    )
    try:
        with _opener.open(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            if content_type not in _HTML_TYPES | {"text/plain"}:
                raise ArticleError(f"not HTML: the server sent {content_type}")
            declared = response.headers.get("Content-Length", "")
            _check_size(int(declared) if declared.isdigit() else 0, limit)
            body = _read_within(response, timeout=timeout, limit=limit)
            return body, response.geturl(), content_type
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            raise ArticleError("not found (HTTP 404)") from exc
        raise ArticleError(f"the server answered HTTP {exc.code} {exc.reason}") from exc
    except TimeoutError as exc:
        raise ArticleError(f"timed out after {timeout:g} s") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError | socket.timeout):
            raise ArticleError(f"timed out after {timeout:g} s") from exc
        raise ArticleError(f"cannot reach {urlsplit(url).netloc}: {exc.reason}") from exc


def _read_within(response, *, timeout: float, limit: int) -> bytes:
    """Read at most ``limit`` bytes, and give up once ``timeout`` has passed in all:
    a server that trickles bytes must not hold the ingest forever."""
    deadline = time.monotonic() + timeout
    chunks, size = [], 0
    while chunk := response.read(64 * 1024):
        size += len(chunk)
        if size > limit:
            raise ArticleError(f"too large (over {limit:,} bytes)")
        if time.monotonic() > deadline:
            raise TimeoutError
        chunks.append(chunk)
    return b"".join(chunks)
