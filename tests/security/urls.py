"""Views that only the security tests route to: a slow statement, a server error."""

from django.db import connection
from django.http import HttpResponse
from django.urls import path


def sleep(request, seconds: int):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(%s)", [seconds])
    return HttpResponse("slept")


def show(request):
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        return HttpResponse(cursor.fetchone()[0])


def boom(request):
    raise RuntimeError("boom: a server error for the logging test")


urlpatterns = [path("sleep/<int:seconds>/", sleep), path("show/", show), path("boom/", boom)]
