"""A job whose worker was killed does not stay "running" forever: past a threshold of
silence (its heartbeat: its start, then each article done), it shows as failed and
interrupted, with its last sign of life, and the admin can run the same work again."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from timeline import jobs
from timeline.models import Article, Job

from .conftest import SEEDS

pytestmark = pytest.mark.django_db


def running(minutes_silent: float, **fields) -> Job:
    """A job left running by a worker last heard of ``minutes_silent`` minutes ago."""
    beat = timezone.now() - dt.timedelta(minutes=minutes_silent)
    texts = [[path.name, path.read_text()] for path in sorted(SEEDS.glob("*.txt"))[:2]]
    defaults = {
        "kind": Job.Kind.INGEST,
        "payload": {"texts": texts, "links": []},
        "total": 2,
        "done": 1,
        "state": Job.State.RUNNING,
        "started_at": beat,
        "heartbeat_at": beat,
    }
    return Job.objects.create(**(defaults | fields))


def test_a_running_job_silent_past_the_threshold_is_marked_interrupted(settings):
    settings.JOB_STALE_MINUTES = 30
    killed = running(45)
    alive = running(5)
    never_beat = running(45, heartbeat_at=None)  # started before heartbeats existed
    queued = running(45, state=Job.State.QUEUED)

    assert {job.pk for job in jobs.interrupt_stale()} == {killed.pk, never_beat.pk}

    killed.refresh_from_db()
    assert killed.state == Job.State.FAILED and killed.finished_at
    assert killed.error.startswith("interrupted:") and "1 of 2 articles done" in killed.error
    assert killed.payload["texts"][0][1]  # its work is kept, to be run again
    for job, state in ((alive, "running"), (never_beat, "failed"), (queued, "queued")):
        job.refresh_from_db()
        assert job.state == state
    assert jobs.interrupt_stale() == []  # once


def test_each_article_done_is_a_sign_of_life(settings):
    settings.JOB_STALE_MINUTES = 30
    job = running(45)
    jobs._progress(job.pk, "added", "added a.txt")
    job.refresh_from_db()
    assert job.done == 2 and timezone.now() - job.heartbeat_at < dt.timedelta(minutes=1)
    assert jobs.interrupt_stale() == []


def test_the_admin_shows_it_interrupted_and_runs_it_again(editor_client, settings):
    settings.JOB_STALE_MINUTES = 30
    killed = running(45)

    html = editor_client.get(reverse("admin:timeline_job_changelist")).content.decode()
    assert "interrupted: its worker gave no sign of life" in html
    killed.refresh_from_db()
    assert killed.state == Job.State.FAILED

    response = editor_client.post(
        reverse("admin:timeline_job_changelist"),
        {"action": "run_again", "_selected_action": [killed.pk]},
        follow=True,
    )
    assert "Queued again as" in response.content.decode()
    again = Job.objects.exclude(pk=killed.pk).get()
    # Run at once here (the immediate backend): the new job does the whole work.
    assert (again.kind, again.state, again.done, again.total) == ("ingest", "done", 2, 2)
    assert Article.objects.count() == 2
    killed.refresh_from_db()
    assert killed.state == Job.State.FAILED  # the record of what happened stays


def test_a_job_that_ended_with_failed_articles_is_not_run_again(editor_client):
    ended = running(0, state=Job.State.FAILED, error="", failures=[{"article": "a", "reason": "b"}])
    response = editor_client.post(
        reverse("admin:timeline_job_changelist"),
        {"action": "run_again", "_selected_action": [ended.pk]},
        follow=True,
    )
    assert "left alone" in response.content.decode()
    assert Job.objects.count() == 1
