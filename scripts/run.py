"""`make run`: the development server and a background-job worker, started and
stopped together (Ctrl-C, or either one ending, stops both).

The worker follows DJANGO_TASKS_BACKEND (see settings): `database` (default)
runs `manage.py db_worker`; `rq` runs RQ's worker on REDIS_URL; `immediate`
needs none (jobs run in the process that asks for them).

    python scripts/run.py [ADDRESS:PORT]
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKERS = {
    "database": ["db_worker", "--interval", "1"],
    "rq": ["rqworker", "--job-class", "django_tasks_rq.Job", "default"],
    "immediate": None,
}


def commands(address: str) -> list[list[str]]:
    backend = os.environ.get("DJANGO_TASKS_BACKEND") or "database"
    if backend not in WORKERS:
        sys.exit(f"DJANGO_TASKS_BACKEND must be one of {', '.join(WORKERS)}, not {backend!r}")
    manage = [sys.executable, str(ROOT / "manage.py")]
    # --nostatic: WhiteNoise serves the static files, gzipped, as in production.
    found = [[*manage, "runserver", "--nostatic", address]]
    if worker := WORKERS[backend]:
        found.insert(0, [*manage, *worker])
    return found


def stop(processes: list[subprocess.Popen]) -> None:
    # Each runs in its own process group: the autoreloaders' children go too.
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + 10
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def main(argv: list[str]) -> int:
    address = argv[0] if argv else "127.0.0.1:8000"
    processes = [
        subprocess.Popen(cmd, cwd=ROOT, start_new_session=True) for cmd in commands(address)
    ]
    stopping = []

    def on_signal(signum, _frame):
        stopping.append(signum)

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    try:
        while not stopping and all(p.poll() is None for p in processes):
            time.sleep(0.2)
    finally:
        stop(processes)
    failed = [p.returncode for p in processes if p.returncode not in (0, -signal.SIGTERM)]
    return 0 if stopping or not failed else failed[0]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
