"""On PostgreSQL a web request's statements are cut off after STATEMENT_TIMEOUT seconds."""

from __future__ import annotations

import logging

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.urls("tests.security.urls"),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="statement_timeout is PostgreSQL's"
    ),
]


def test_requests_run_under_the_configured_timeout(client, settings):
    settings.STATEMENT_TIMEOUT = 2.5
    assert client.get("/show/").content == b"2500ms"


def test_a_statement_past_the_timeout_is_stopped_with_a_503_and_logged(client, settings, caplog):
    settings.STATEMENT_TIMEOUT = 0.2
    with caplog.at_level(logging.ERROR, logger="timeline.security"):
        response = client.get("/sleep/30/")
    assert response.status_code == 503
    assert "took the database too long" in response.content.decode()
    assert "Statement timeout on /sleep/30/" in caplog.text
