"""Every response carries the Content-Security-Policy; the policy is strict."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

PATHS = [
    "/",
    "/api/events.json",
    "/export/events.csv",
    "/export/events.ics",
    "/admin/login/",
    "/no-such-page/",
    "/api/events.json?from=never",
]


def policy(response) -> dict[str, list[str]]:
    directives = [d.split() for d in response["Content-Security-Policy"].split(";")]
    return {d[0]: d[1:] for d in directives if d}


@pytest.mark.parametrize("path", PATHS)
def test_every_response_has_the_policy(client, path):
    directives = policy(client.get(path))
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    # Style attributes only by hash: never 'unsafe-inline', never for scripts.
    assert "'unsafe-inline'" not in directives["style-src-attr"]
    assert all(
        source == "'unsafe-hashes'" or source.startswith("'sha256-")
        for source in directives["style-src-attr"]
    )
    assert not [d for d in directives if d.startswith("script-src-")]


def test_pages_may_not_be_framed(client):
    assert client.get("/")["X-Frame-Options"] == "DENY"
