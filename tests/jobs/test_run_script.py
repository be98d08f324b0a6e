"""`make run` is one command: scripts/run.py starts the server and a job
worker together, and Ctrl-C stops both (with their autoreloaders' children)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .conftest import ROOT, manage, run_env, signature


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(n) for n in (task / "children").read_text().split()]
    return found


def alive_group(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_for(check, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if result := check():
            return result
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def test_run_serves_pages_runs_queued_jobs_and_stops_both_on_ctrl_c(databases, corpus):
    url, port = databases.fresh(), free_port()
    runner = subprocess.Popen(
        [sys.executable, "scripts/run.py", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=run_env(url),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:

        def home() -> bool:
            try:
                return urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).status == 200
            except OSError:
                return False

        wait_for(home, 180, "the server")
        groups = children(runner.pid)
        assert len(groups) == 2  # the worker and the server, each in its own group
        one = sorted(corpus.glob("*.txt"))[0]
        queue = (
            "from pathlib import Path; from timeline import jobs; "
            f"p = Path({str(one)!r}); jobs.ingest_job(texts=[(p.name, p.read_text())])"
        )
        assert manage(url, "shell", "-c", queue).returncode == 0

        jobs = wait_for(
            lambda: [j for j in signature(url)["jobs"] if j["state"] == "done"], 300, "the job"
        )
        assert jobs[0]["done"] == jobs[0]["total"] == 1

        runner.send_signal(signal.SIGINT)
        assert runner.wait(timeout=60) == 0
        assert not any(alive_group(pgid) for pgid in groups)
    finally:
        if runner.poll() is None:
            runner.kill()
