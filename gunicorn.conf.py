"""gunicorn's settings for the timeline (README: "Production"), read by

    .venv/bin/gunicorn timeline.wsgi            # gunicorn finds ./gunicorn.conf.py itself

Each setting can be changed by its variable, e.g. GUNICORN_WORKERS=8. The pages are
rendered by Python (CPU) with short waits on the database in between: a few processes
per core, each with a few threads to fill those waits. Every thread keeps one database
connection open (CONN_MAX_AGE), so one app server holds up to workers x threads
connections: keep that, times the number of app servers, under PostgreSQL's
max_connections (100 by default).
"""

from __future__ import annotations

import gc
import multiprocessing
import os


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Rendering holds the GIL, so processes, not threads, use the cores.
workers = env_int("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1)
worker_class = "gthread"
threads = env_int("GUNICORN_THREADS", 4)
# A worker silent for this long is killed and replaced; no page takes near it
# (PostgreSQL stops any one statement of a request after DJANGO_STATEMENT_TIMEOUT).
timeout = env_int("GUNICORN_TIMEOUT", 30)
graceful_timeout = env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Idle keep-alive connections from a load balancer in front.
keepalive = env_int("GUNICORN_KEEPALIVE", 5)
# Replace each worker after about this many requests, at staggered moments, so
# a slow leak cannot grow without end and workers never restart all at once.
max_requests = env_int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = env_int("GUNICORN_MAX_REQUESTS_JITTER", 200)
# The heartbeat files in memory, not on a disk that may stall (gunicorn's advice
# for containers).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# No control socket: nothing here uses it, and its one default path per user would
# be shared by every gunicorn started by that user on the machine.
control_socket_disable = True

# Both logs to stderr, like the application's own (timeline/settings.py LOGGING),
# where systemd, Docker or a process manager collect them.
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
logconfig_dict = {
    "root": {"level": "INFO", "handlers": ["error_console"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["error_console"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["access_console"], "propagate": False},
    },
    "handlers": {
        "error_console": {
            "class": "logging.StreamHandler",
            "formatter": "generic",
            "stream": "ext://sys.stderr",
        },
        "access_console": {
            "class": "logging.StreamHandler",
            "formatter": "access",
            "stream": "ext://sys.stderr",
        },
    },
    "formatters": {
        "generic": {
            "format": "%(asctime)s [%(process)d] [%(levelname)s] %(message)s",
            "datefmt": "[%Y-%m-%d %H:%M:%S %z]",
        },
        "access": {"format": "%(asctime)s %(message)s", "datefmt": "[%Y-%m-%d %H:%M:%S %z]"},
    },
}


def post_worker_init(worker):
    """Once the worker has loaded Django and the app, its objects (modules, templates,
    URL patterns: over 100,000) leave the garbage collector's sight: the full collections
    that a page's counts set off then walk a small heap. Measured on the htmx swaps after
    a write at 20,000 events: 0.6 s of collection over 21 swaps, 0.2 s frozen."""
    gc.freeze()
