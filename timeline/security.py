"""What protects the site per request: a cost limit on the database, the client's address."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import OperationalError, connection
from django.http import HttpRequest, HttpResponse

log = logging.getLogger(__name__)

# PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout.
QUERY_CANCELED = "57014"


class StatementTimeoutMiddleware:
    """On PostgreSQL, no statement of a web request runs longer than
    ``settings.STATEMENT_TIMEOUT`` seconds: one slow question cannot hold the
    database after its client has gone. Commands (ingest, synthesize) are not
    requests and keep no such limit. A cancelled request answers 503, logged."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if connection.vendor == "postgresql" and settings.STATEMENT_TIMEOUT:
            with connection.cursor() as cursor:
                # The session keeps it, connection re-use included; a command never runs this.
                cursor.execute(
                    "SELECT set_config('statement_timeout', %s, false)",
                    [f"{int(settings.STATEMENT_TIMEOUT * 1000)}ms"],
                )
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        cause = exception.__cause__
        if isinstance(exception, OperationalError) and getattr(cause, "sqlstate", "") == (
            QUERY_CANCELED
        ):
            log.error("Statement timeout on %s", request.get_full_path(), exc_info=exception)
            return HttpResponse(
                "This request took the database too long and was stopped. "
                "Narrow the filters and try again.",
                status=503,
                content_type="text/plain; charset=utf-8",
            )
        return None


def forwarded_client_ip(request: HttpRequest) -> str | None:
    """Behind a proxy every request comes from the proxy's address: the client's
    is the last one the proxy appended to X-Forwarded-For (earlier entries are
    whatever the client sent, so never trusted). Used by the login lock-out."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    return hops[-1] if hops else request.META.get("REMOTE_ADDR")
