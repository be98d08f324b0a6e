"""Background jobs: long work that leaves the web request.

The admin records a :class:`~timeline.models.Job` and enqueues ``run_job`` on
the django-tasks backend chosen in settings (``DJANGO_TASKS_BACKEND``). The
task only drives ``timeline.services`` (``ingest_texts``/``ingest_paths``,
``reextract``, ``update_timeline``), the one write path, and keeps the job's
state, progress and failures up to date for the admin as it goes.

A job that fails on one article finishes the others and names each failure;
its state is then "failed" with the list. Timeline work a killed job leaves
behind stays pending (``PendingUpdate``) and is finished by the next job or
``ingest``.

A worker killed in the middle of a job cannot say so: the job's ``heartbeat_at``
(its start, then each article done) stops moving. A running job silent for longer
than ``JOB_STALE_MINUTES`` is marked failed as interrupted, with its last sign of
life (``interrupt_stale``: whenever the admin shows jobs, and whenever a worker
starts one), and the admin's "Run again" queues the same work as a new job.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task

from .models import Article, Job

log = logging.getLogger(__name__)


# --- Asking for a job ------------------------------------------------------


def ingest_job(
    *, texts: Sequence[tuple[str, str]] = (), links: Sequence[str] = (), user: str = ""
) -> Job:
    """Ingest uploaded texts ((name, text) pairs) and links in the background."""
    payload = {"texts": [[n, t] for n, t in texts], "links": list(links)}
    return _start(Job.Kind.INGEST, payload, len(texts) + len(links), user)


def reextract_job(articles: Sequence[Article] | None = None, *, user: str = "") -> Job:
    """Re-extract these articles (all of them when None) in the background."""
    ids = None if articles is None else [a.pk for a in articles]
    total = Article.objects.count() if ids is None else len(ids)
    return _start(Job.Kind.REEXTRACT, {"articles": ids}, total, user)


def update_job(
    changed: Sequence[Article] = (), removed: Sequence[str] = (), *, user: str = ""
) -> Job:
    """Bring the timeline up to date after an admin edit, in the background."""
    payload = {"changed": [a.pk for a in changed], "removed": list(removed)}
    return _start(Job.Kind.UPDATE, payload, len(changed) + len(removed), user)


def _start(kind: str, payload: dict, total: int, user: str) -> Job:
    job = Job.objects.create(kind=kind, payload=payload, total=total, requested_by=user)
    if settings.TASKS_BACKEND == "rq":
        # Redis is outside the transaction: enqueue once the job row is
        # committed, or a fast worker would not find it.
        transaction.on_commit(partial(_enqueue, job.pk))
    else:
        # The database backend stores the task in this transaction, with the job.
        _enqueue(job.pk)
    return job


def _enqueue(job_id: int) -> None:
    try:
        result = run_job.enqueue(job_id)
    except Exception as exc:
        log.exception("could not enqueue job %s", job_id)
        _finish(job_id, error=f"could not be queued: {type(exc).__name__}: {exc}")
        return
    # An immediate backend has already run it; the id still says which task it was.
    Job.objects.filter(pk=job_id).update(task_id=str(result.id)[:64])


# --- Running a job ---------------------------------------------------------


@task()
def run_job(job_id: int) -> str:
    """The task every job runs as: dispatch on its kind, record the outcome."""
    job = Job.objects.get(pk=job_id)
    if job.state in (Job.State.DONE, Job.State.FAILED):
        return job.state  # already run (a retried or duplicated task)
    interrupt_stale()  # a worker starting a job also tidies up after a killed one
    now = timezone.now()
    Job.objects.filter(pk=job_id).update(
        state=Job.State.RUNNING, started_at=now, heartbeat_at=now, done=0, failures=[]
    )
    try:
        summary = RUNNERS[job.kind](job)
    except Exception as exc:
        log.exception("job %s failed", job_id)
        _finish(job_id, error=f"{type(exc).__name__}: {exc}")
        raise
    _finish(job_id, summary=summary)
    return Job.objects.get(pk=job_id).state


def _progress(job_id: int, outcome: str, line: str) -> None:
    """One article done: count it (a sign of life), and keep its name and reason if it
    failed."""
    Job.objects.filter(pk=job_id).update(done=F("done") + 1, heartbeat_at=timezone.now())
    if outcome == "failed":
        name, _, reason = line.removeprefix("FAILED").strip().partition(": ")
        job = Job.objects.get(pk=job_id)
        job.failures = [*job.failures, {"article": name, "reason": reason}]
        job.save(update_fields=["failures"])


def _finish(job_id: int, *, summary: str = "", error: str = "") -> None:
    job = Job.objects.get(pk=job_id)
    job.state = Job.State.FAILED if error or job.failures else Job.State.DONE
    job.summary, job.error = summary[:300], error
    job.finished_at = timezone.now()
    if job.kind == Job.Kind.INGEST and not error:
        job.payload = {**job.payload, "texts": [[n, ""] for n, _t in job.payload["texts"]]}
    job.save(update_fields=["state", "summary", "error", "finished_at", "payload"])


# --- Jobs whose worker died --------------------------------------------------


def stale_after() -> dt.timedelta:
    return dt.timedelta(minutes=settings.JOB_STALE_MINUTES)


def interrupt_stale(now: dt.datetime | None = None) -> list[Job]:
    """Mark as failed every running job whose worker gave no sign of life for longer than
    ``stale_after()``: its process was killed or its machine stopped, and nothing else
    would ever finish the job. Returns the jobs so marked."""
    limit = (now or timezone.now()) - stale_after()
    silent = Q(heartbeat_at__lt=limit) | Q(heartbeat_at__isnull=True, started_at__lt=limit)
    stale = list(Job.objects.filter(silent, state=Job.State.RUNNING))
    for job in stale:
        last = job.heartbeat_at or job.started_at
        _finish(
            job.pk,
            error=f"interrupted: its worker gave no sign of life after "
            f"{timezone.localtime(last):%Y-%m-%d %H:%M} (stopped or killed) with "
            f"{job.done} of {job.total} articles done; run it again to finish the work",
        )
    return stale


def can_run_again(job: Job) -> bool:
    """A job that failed as a whole (interrupted, or an error of its own) still holds its
    work: an ingest keeps its texts until it ends without error."""
    if job.state != Job.State.FAILED or not job.error:
        return False
    return all(text for _name, text in job.payload.get("texts", []))


def run_again(job: Job, *, user: str = "") -> Job:
    """The same work as a new job (the old one stays as it ended, for the record)."""
    return _start(job.kind, job.payload, job.total, user)


def _run_ingest(job: Job) -> str:
    from . import services

    on_item = partial(_progress, job.pk)
    texts = [(name, text) for name, text in job.payload.get("texts", [])]
    report = services.ingest_texts(texts, on_item=on_item)
    if links := job.payload.get("links"):
        more = services.ingest_paths(links, on_item=on_item)
        report.created += more.created
        report.unchanged += more.unchanged
        report.failed += more.failed
        report.events = more.events
    # The report is the whole truth: an article that only broke the timeline
    # update (after its line was counted) is named there too.
    failures = [{"article": name, "reason": reason} for name, reason in report.failed]
    Job.objects.filter(pk=job.pk).update(failures=failures)
    return (
        f"{len(report.created)} added, {len(report.unchanged)} unchanged, "
        f"{len(report.failed)} failed; {report.events} events on the timeline"
    )


def _run_reextract(job: Job) -> str:
    from . import services

    ids = job.payload.get("articles")
    articles = Article.objects.order_by("pk")
    if ids is not None:
        articles = articles.filter(pk__in=ids)
    count = services.reextract(list(articles), on_item=partial(_progress, job.pk))
    return f"re-extracted; {count} events on the timeline"


def _run_update(job: Job) -> str:
    from . import services

    changed = list(Article.objects.filter(pk__in=job.payload.get("changed", [])))
    count = services.update_timeline(changed=changed, removed=job.payload.get("removed", []))
    Job.objects.filter(pk=job.pk).update(done=job.total)
    return f"{count} events on the timeline"


RUNNERS = {
    Job.Kind.INGEST: _run_ingest,
    Job.Kind.REEXTRACT: _run_reextract,
    Job.Kind.UPDATE: _run_update,
}
