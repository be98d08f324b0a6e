"""What the timeline costs to open under `make run` (issue #12): at most 1.5 MB the first
time, under 100 KB the next. Runs `make run` itself, on an SQLite file of its own."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import chart_drawn

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
FIRST_VISIT = 1_500_000
REPEAT_VISIT = 100_000


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))  # the OS chooses
        return probe.getsockname()[1]


def wait_until_served(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"make run stopped: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"make run did not answer: {log.read_text()[-2000:]}")


@pytest.fixture(scope="module")
def make_run(tmp_path_factory):
    here = tmp_path_factory.mktemp("make-run")
    port = free_port()
    log = here / "make-run.log"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{here / 'db.sqlite3'}"}
    with log.open("w") as out:
        server = subprocess.Popen(
            ["make", "run", f"PORT={port}"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # so that the server under make stops with it
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_served(url, server, log)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def transferred(page, url: str) -> int:
    """Bytes on the wire (headers and bodies, compressed as sent) to open ``url``."""
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    sizes: dict[str, float] = {}
    session.on(
        "Network.loadingFinished", lambda e: sizes.update({e["requestId"]: e["encodedDataLength"]})
    )
    page.goto(url)
    chart_drawn(page)
    page.wait_for_load_state("networkidle")
    session.detach()
    return int(sum(sizes.values()))


def test_the_first_visit_costs_at_most_1_5_mb_and_a_repeat_under_100_kb(browser, make_run):
    context = browser.browser.new_context(viewport={"width": 1280, "height": 900})  # empty cache
    try:
        page = context.new_page()
        page.set_default_timeout(30_000)
        first = transferred(page, make_run)
        again = transferred(page, make_run)
    finally:
        context.close()
    print(f"first visit {first:,} B, repeat {again:,} B")
    assert first <= FIRST_VISIT, first
    assert again < REPEAT_VISIT, again
