"""The timeline page keeps its counts per filter until the data changes
(timeline.versioning): after any write, by any path, the page counts the new data."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, transaction

from timeline import curation, services
from timeline.models import DataVersion, Event, Evidence
from timeline.versioning import COUNTED_TABLES, data_version

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TRIGGER": "filters"}


def counts(client, query: str = "") -> dict:
    """What the page counted: the total, and the type and country options' counts."""
    context = client.get(f"/?{query}", **HTMX).context
    return {
        "total": context["total"],
        "types": {code: n for code, _label, n in context["type_options"] if n},
        "countries": {c.iso3: c.n for c in context["country_options"]},
    }


def test_a_second_request_reuses_the_counts_and_a_write_renews_them(client, world):
    first = counts(client)
    assert counts(client) == first
    Event.objects.filter(pk=world.meeting.pk).update(type="visit")  # a bulk update: no signal
    after = counts(client)
    assert after["total"] == first["total"]
    assert after["types"]["visit"] == first["types"].get("visit", 0) + 1
    assert after["types"].get("meet", 0) == first["types"]["meet"] - 1


def test_hiding_merging_and_deleting_events_show_at_once(client, world, admin_client):
    total = counts(client)["total"]
    Event.objects.filter(pk=world.old.pk).update(hidden=True)
    assert counts(client)["total"] == total - 1
    curation.merge_events(world.established, [world.meeting])
    assert counts(client)["total"] == total - 2
    world.criticism.delete()  # its links and evidence go with it
    after = counts(client)
    assert after["total"] == total - 3
    assert "CCC" not in after["countries"]  # only the criticism and the hidden ones had it


def test_an_admin_action_shows_at_once(client, world, admin_client):
    total = counts(client)["total"]
    changelist = "/admin/timeline/event/"
    response = admin_client.post(
        changelist, {"action": "hide", "_selected_action": [world.meeting.pk]}
    )
    assert response.status_code == 302
    assert counts(client)["total"] == total - 1


def test_a_new_country_link_counts_at_once(client, world):
    before = counts(client, "country=AAA")["countries"]
    world.meeting.countries.add("CCC")  # the link table alone changes
    assert counts(client, "country=AAA")["countries"]["CCC"] == before["CCC"] + 1


def test_rejected_evidence_leaves_the_text_search_at_once(client, world):
    assert counts(client, "q=capital")["total"] == 1  # the meeting's only sentence
    curation.reject_evidence(Evidence.objects.filter(event=world.meeting))
    assert counts(client, "q=capital")["total"] == 0


def test_the_text_search_finds_a_new_or_renamed_event_at_once(client, world, make_event):
    assert counts(client, "q=summit")["total"] == 0
    make_event("Avalon summit", countries=("AAA",))
    assert counts(client, "q=summit")["total"] == 1
    Event.objects.filter(pk=world.old.pk).update(title="Summit of Carpania")
    assert counts(client, "q=summit")["total"] == 2
    page = client.get("/?q=summit", **HTMX).content.decode()
    assert "Summit of Carpania" in page  # the list too, not only the counts


def test_an_ingested_article_counts_at_once(client):
    assert counts(client)["total"] == 0
    services.ingest_texts(
        [("talks.txt", "title: Talks\n\nPeru and Spain held talks on 4 May 2021.\n")]
    )
    after = counts(client)
    assert after["total"] >= 1
    assert {"PER", "ESP"} <= set(after["countries"])
    services.ingest_texts(
        [("more.txt", "title: More talks\n\nPeru and Chile held talks on 5 June 2022.\n")]
    )
    assert "CHL" in counts(client)["countries"]


def test_a_write_rolled_back_never_lends_its_counts_to_a_later_write(client, world):
    """The version is a random token: a rolled-back write takes its token back, and a
    counter would give the next write the same number for other data."""
    before = counts(client)
    with transaction.atomic():
        Event.objects.filter(pk=world.old.pk).update(hidden=True)
        assert counts(client)["total"] == before["total"] - 1  # counted inside, then undone
        transaction.set_rollback(True)
    assert counts(client) == before
    Event.objects.filter(pk=world.meeting.pk).update(type="visit")  # another single write
    after = counts(client)
    assert after["total"] == before["total"]
    assert after["types"]["visit"] == before["types"].get("visit", 0) + 1


@pytest.mark.parametrize("table", COUNTED_TABLES)
def test_every_write_to_a_counted_table_changes_the_version(world, table):
    with connection.cursor() as cursor, transaction.atomic():
        pk = connection.introspection.get_primary_key_column(cursor, table)
        pk, quoted = connection.ops.quote_name(pk), connection.ops.quote_name(table)
        for statement in (
            f"UPDATE {quoted} SET {pk} = {pk}",
            f"DELETE FROM {quoted} WHERE {pk} = (SELECT MAX({pk}) FROM {quoted})",
        ):
            before = data_version()
            cursor.execute(statement)
            assert cursor.rowcount >= 1, statement  # the world has rows in every table
            assert data_version() != before, statement
        transaction.set_rollback(True)  # the deleted row had rows pointing at it


def test_without_its_row_the_version_is_none_and_nothing_is_kept(client, world):
    DataVersion.objects.all().delete()  # what a flushed database holds
    assert data_version() is None
    assert counts(client)["total"] == 4
    Event.objects.filter(pk=world.old.pk).update(hidden=True)
    assert counts(client)["total"] == 3


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite has one writer at a time: no row locks"
)
@pytest.mark.django_db(transaction=True)
def test_two_writers_queue_on_the_version_instead_of_deadlocking(make_event):
    """On PostgreSQL the version row is locked before the rows a statement writes: a second
    writer waits for it without holding a row the first one goes on to write."""
    first, second = make_event("One"), make_event("Two")
    errors: list[Exception] = []

    def other_writer():
        try:
            with transaction.atomic():
                Event.objects.filter(pk=second.pk).update(title="Two, by the other")
        except Exception as error:  # reported in the main thread
            errors.append(error)
        finally:
            connection.close()

    with transaction.atomic():
        Event.objects.filter(pk=first.pk).update(title="One, edited")  # holds the version
        thread = threading.Thread(target=other_writer)
        thread.start()
        waiting_for_a_lock(thread)
        Event.objects.filter(pk=second.pk).update(title="Two, edited")
    thread.join()
    assert errors == []
    assert Event.objects.get(pk=second.pk).title == "Two, by the other"  # it went second


def waiting_for_a_lock(thread: threading.Thread) -> None:
    """Until another session of this database waits for a lock."""
    query = (
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'"
    )
    with connection.cursor() as cursor:
        while thread.is_alive():
            cursor.execute("SELECT pg_stat_clear_snapshot()")  # else read once a transaction
            cursor.execute(query)
            if cursor.fetchone()[0]:
                return
            time.sleep(0.02)


@pytest.mark.django_db(transaction=True)  # PostgreSQL refuses a TRUNCATE in a test's transaction
def test_flush_puts_the_version_back(make_event):
    from django.core.management import call_command

    make_event("An event")
    before = data_version()
    call_command("flush", interactive=False, verbosity=0)
    assert data_version() not in (None, before)
