"""Concurrent and interrupted ingests, and a real task worker, as separate
processes on one on-disk database (SQLite file or PostgreSQL, whichever the
suite runs on)."""

from __future__ import annotations

import os
import re
import signal
import time

from .conftest import manage, signature, start

COUNTS = re.compile(r"^(\d+) added, (\d+) unchanged, (\d+) failed;", re.M)


def counts(output: str) -> tuple[int, int, int]:
    found = COUNTS.search(output)
    assert found, output
    return tuple(int(n) for n in found.groups())


def test_two_ingests_of_one_folder_at_once_end_with_the_data_of_one_run(
    databases, corpus, reference
):
    url = databases.fresh()
    total = len(list(corpus.glob("*.txt")))

    runs = [start(url, "ingest", str(corpus)) for _ in range(2)]
    outputs = [run.communicate(timeout=900) for run in runs]

    for run, (out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, out + err
        assert "FAILED" not in out and "Traceback" not in err and "locked" not in err
    added = [counts(out) for out, _err in outputs]
    # Each article was added by exactly one process and found unchanged by the other.
    assert sum(a for a, _u, _f in added) == total
    assert all(a + u == total and f == 0 for a, u, f in added)
    assert signature(url) == reference


def test_a_run_killed_before_its_timeline_update_is_finished_by_the_next_run(
    databases, corpus, reference
):
    url = databases.fresh()
    run = start(url, "ingest", str(corpus), TIMELINE_TEST_PAUSE="UPDATE_BEFORE_WRITE:300")
    deadline = time.monotonic() + 600
    while "paused at UPDATE_BEFORE_WRITE" not in run.stderr.readline():
        assert run.poll() is None and time.monotonic() < deadline, "never reached the pause"
    os.kill(run.pid, signal.SIGKILL)
    run.wait(timeout=60)
    run.stdout.close()
    run.stderr.close()

    killed = signature(url)
    assert run.returncode == -signal.SIGKILL
    assert killed["articles"] == reference["articles"]  # stored, one transaction each
    assert killed["events"] == [] and killed["pending"] == len(reference["articles"])

    one = sorted(corpus.glob("*.txt"))[0]
    again = manage(url, "ingest", str(one))

    assert again.returncode == 0, again.stdout + again.stderr
    assert (
        f"Finished the timeline work an interrupted run left for {len(reference['articles'])} "
        "article(s)." in again.stdout
    )
    assert counts(again.stdout) == (0, 1, 0)
    assert signature(url) == reference


def test_a_database_worker_process_runs_a_queued_ingest_job(databases, corpus, reference):
    url = databases.fresh()
    queue = (
        "from pathlib import Path; from timeline import jobs; "
        f"files = sorted(Path({str(corpus)!r}).glob('*.txt')); "
        "print(jobs.ingest_job(texts=[(p.name, p.read_text()) for p in files]).pk)"
    )
    queued = manage(url, "shell", "-c", queue)
    assert queued.returncode == 0, queued.stderr
    before = signature(url)

    worker = manage(url, "db_worker", "--batch", "--no-startup-delay", "--no-reload")

    assert worker.returncode == 0, worker.stderr
    assert [j["state"] for j in before["jobs"]] == ["queued"] and before["articles"] == []
    after = signature(url)
    total = len(reference["articles"])
    assert after["jobs"] == [
        {"state": "done", "done": total, "total": total, "failures": [], "error": ""}
    ]
    assert {k: after[k] for k in reference if k != "jobs"} == {
        k: reference[k] for k in reference if k != "jobs"
    }
