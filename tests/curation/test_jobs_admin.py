"""Long work leaves the request: the admin queues background jobs (run at once
here by the immediate task backend) and shows their state, progress and failures."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from timeline import services
from timeline.models import Article, Event, Evidence, Job, PendingUpdate

from .conftest import SEEDS

pytestmark = pytest.mark.django_db

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def upload(path) -> SimpleUploadedFile:
    return SimpleUploadedFile(path.name, path.read_bytes(), "text/plain")


def job_page(client, job: Job) -> str:
    response = client.get(reverse("admin:timeline_job_change", args=[job.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_several_uploaded_files_are_ingested_by_one_job_that_names_the_failing_one(
    editor_client,
):
    bad = SimpleUploadedFile("numbers.txt", b"12345 67890\n", "text/plain")

    response = editor_client.post(
        reverse("admin:timeline_article_add"),
        {"file": [upload(SEED_FILES[0]), bad, upload(SEED_FILES[1])]},
    )

    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:timeline_job_change", args=[job.pk])
    assert (job.kind, job.state, job.done, job.total) == ("ingest", "failed", 3, 3)
    assert job.failures == [
        {"article": "numbers.txt", "reason": "no words: the text after the header has no letters"}
    ]
    # The failing file stopped nothing: the other two are stored and on the timeline.
    assert sorted(Article.objects.values_list("source_name", flat=True)) == sorted(
        [SEED_FILES[0].name, SEED_FILES[1].name]
    )
    assert Event.objects.visible().exists()
    assert not PendingUpdate.objects.exists()
    html = job_page(editor_client, job)
    assert "failed" in html
    assert "3/3 articles" in html
    assert "numbers.txt" in html and "no words" in html
    assert "2 added, 0 unchanged, 1 failed" in html


def test_the_job_list_shows_state_and_progress(editor_client):
    editor_client.post(
        reverse("admin:timeline_article_add"), {"file": [upload(p) for p in SEED_FILES[:2]]}
    )

    html = editor_client.get(reverse("admin:timeline_job_changelist")).content.decode()

    assert str(Job.objects.get()) in html  # "ingest articles #N"
    assert "done" in html and "2/2 articles" in html


def test_with_the_database_backend_the_request_only_queues_the_job(editor_client, settings):
    """No worker here: the request stores the one article and queues the timeline
    update; nothing extracts the corpus inside the request."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS_BACKEND = "database"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    response = editor_client.post(
        reverse("admin:timeline_article_add"), {"text": SEED_FILES[0].read_text()}
    )

    job = Job.objects.get()
    assert response.status_code == 302
    assert (job.kind, job.state, job.done) == ("update", "queued", 0)
    assert DBTaskResult.objects.get().task_path == "timeline.jobs.run_job"
    assert job.task_id == str(DBTaskResult.objects.get().id)
    article = Article.objects.get()
    assert article.sentences.exists()  # its own extraction ran
    assert not Event.objects.exists()  # the timeline update did not
    assert PendingUpdate.objects.get().content_hash == article.content_hash
    assert "queued" in job_page(editor_client, job)


def test_the_reextract_action_runs_as_a_job_with_progress(editor_client):
    services.ingest_paths(SEED_FILES[:3])

    editor_client.post(
        reverse("admin:timeline_article_changelist"),
        {
            "action": "reextract",
            "_selected_action": list(Article.objects.values_list("pk", flat=True)),
        },
    )

    job = Job.objects.get()
    assert (job.kind, job.state, job.done, job.total, job.failures) == (
        "reextract",
        "done",
        3,
        3,
        [],
    )
    assert "events on the timeline" in job.summary


def test_a_reextract_job_that_fails_on_one_article_finishes_the_others(editor_client, monkeypatch):
    services.ingest_paths(SEED_FILES[:3])
    broken = Article.objects.order_by("pk")[1]
    real = services._refresh_sentences

    def fragile(article):
        if article.pk == broken.pk:
            raise ValueError("cannot split this one")
        return real(article)

    monkeypatch.setattr(services, "_refresh_sentences", fragile)
    editor_client.post(
        reverse("admin:timeline_article_changelist"),
        {
            "action": "reextract",
            "_selected_action": list(Article.objects.values_list("pk", flat=True)),
        },
    )

    job = Job.objects.get()
    assert (job.state, job.done, job.total) == ("failed", 3, 3)
    assert job.failures == [
        {"article": broken.source_name, "reason": "ValueError: cannot split this one"}
    ]
    assert "events on the timeline" in job.summary  # the timeline was still updated
    assert broken.source_name in job_page(editor_client, job)


def test_deleting_an_article_removes_its_evidence_through_a_job(editor_client):
    services.ingest_paths(SEED_FILES)
    article = Article.objects.filter(sentences__evidence__isnull=False).distinct().first()

    editor_client.post(reverse("admin:timeline_article_delete", args=[article.pk]), {"post": "yes"})

    job = Job.objects.get()
    assert (job.kind, job.state, job.payload["removed"]) == (
        "update",
        "done",
        [article.content_hash],
    )
    assert not Article.objects.filter(pk=article.pk).exists()
    assert not Evidence.objects.filter(sentence__article_id=article.pk).exists()
    assert not PendingUpdate.objects.exists()


def test_a_job_that_crashes_says_why_and_the_next_ingest_finishes_its_work(
    editor_client, monkeypatch
):
    def broken(changed, removed):
        raise RuntimeError("the timeline store is unreachable")

    monkeypatch.setattr(services, "_update_timeline", broken)
    editor_client.post(reverse("admin:timeline_article_add"), {"text": SEED_FILES[0].read_text()})

    job = Job.objects.get()
    assert job.state == "failed"
    assert job.error == "RuntimeError: the timeline store is unreachable"
    assert "the timeline store is unreachable" in job_page(editor_client, job)
    assert PendingUpdate.objects.count() == 1

    monkeypatch.undo()
    out = io.StringIO()
    call_command("ingest", str(SEED_FILES[0]), stdout=out)

    assert "Finished the timeline work an interrupted run left for 1 article(s)" in out.getvalue()
    assert "0 added, 1 unchanged" in out.getvalue()
    assert Event.objects.visible().exists()
    assert not PendingUpdate.objects.exists()
