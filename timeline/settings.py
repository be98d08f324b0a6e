"""Settings, read from the environment (see README: DATABASE_URL, DJANGO_DEBUG,
DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, and the production section). Safe
defaults for local use; with DJANGO_DEBUG=0 every HTTPS protection is on."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}")


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name) or str(default)
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off")
    SECRET_KEY = "dev-only-insecure-key-set-DJANGO_SECRET_KEY-in-production"
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "csp",
    "django_htmx",
    "template_partials",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "timeline",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "timeline.security.StatementTimeoutMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "timeline.urls"
WSGI_APPLICATION = "timeline.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Each server thread keeps its connection for DJANGO_CONN_MAX_AGE seconds (one
# connection per gunicorn thread: gunicorn.conf.py), checked before reuse so a
# connection PostgreSQL closed (restart, failover, idle timeout) is replaced, not
# turned into an error.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several processes write (the server, task workers, `ingest`): every
    # transaction takes SQLite's write lock when it begins (IMMEDIATE), so two
    # writers queue instead of failing with "database is locked" half-way;
    # a writer waits up to DJANGO_SQLITE_TIMEOUT seconds for its turn. WAL lets
    # pages read while a writer works. Each connection keeps up to
    # DJANGO_SQLITE_CACHE_MB of pages (SQLite's default, 2 MB, is less than the indexes
    # one count of the timeline walks at 20,000 events: the counts after a write read
    # their pages again and again, a third slower depending on the file's layout).
    cache_kib = env_int("DJANGO_SQLITE_CACHE_MB", 64) * 1024
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": env_int("DJANGO_SQLITE_TIMEOUT", 120),
            "init_command": f"PRAGMA journal_mode=WAL; PRAGMA cache_size=-{cache_kib};",
        }
    )
# Seconds any one SQL statement of a web request may run on PostgreSQL (0: no limit).
STATEMENT_TIMEOUT = env_int("DJANGO_STATEMENT_TIMEOUT", 10)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The timeline page's counts, kept per filter until the data changes (timeline/versioning.py):
# each process's own memory. Freshness never depends on the cache (its keys hold the data
# version that database triggers change), so a shared cache (Redis, memcached) would only
# share the work between processes.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "timeline",
        "OPTIONS": {"MAX_ENTRIES": env_int("DJANGO_CACHE_ENTRIES", 1000)},
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# ISO dates in forms and words on pages, not the locale's 10/04/2025 (timeline/formats/).
FORMAT_MODULE_PATH = ["timeline.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# A CDN in front (README: "How it scales"): DJANGO_STATIC_URL=https://cdn.example.org/static/
# makes pages load the hashed files from there; the CDN fetches them from any app server.
STATIC_URL = os.environ.get("DJANGO_STATIC_URL") or "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

LOGIN_URL = "admin:login"

# --- HTTPS (README: "Production") ------------------------------------------
# On by default when debug is off; each can be turned off for a deployment
# that needs it (e.g. HSTS while trying out a new domain).
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("DJANGO_CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", not DEBUG)
# Behind a proxy that ends TLS, Django sees plain HTTP: trust the proxy's
# X-Forwarded-Proto (only when the proxy always sets it, overwriting the client's).
BEHIND_HTTPS_PROXY = env_bool("DJANGO_BEHIND_HTTPS_PROXY", False)
if BEHIND_HTTPS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")
X_FRAME_OPTIONS = "DENY"

# --- Content-Security-Policy (django-csp; README: "Security") --------------


def csp_hash(source: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()}'"


# Scripts, styles, fonts and data come from this site only: no inline script,
# no eval, no inline style. Plotly's own stylesheet is served as a file too
# (scripts/plotly_styles.py), so Plotly finds it and injects none. Inline style
# attributes are allowed by their hash only, each a fixed declaration that
# carries no data: those Plotly writes for the markup of chart text (<b>, <i>,
# <sup>...) and django-simple-history's on its history pages. Images may be
# data: URIs (Plotly's "download as PNG", icons in the bundled map stylesheet).
INLINE_STYLE_ATTRIBUTES = [
    "font-weight:bold",
    "font-style:italic",
    "font-style:italic;font-weight:bold",
    "font-size:70%",
    "text-decoration:underline",
    "text-decoration:line-through",
    "cursor:pointer",
    "border-top: 0",
]
# Static files served from another origin (a CDN) are allowed from that origin only.
_static = urlsplit(STATIC_URL)
STATIC_SOURCES = [SELF, f"{_static.scheme}://{_static.netloc}"] if _static.netloc else [SELF]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": STATIC_SOURCES,
        "style-src": STATIC_SOURCES,
        "style-src-attr": ["'unsafe-hashes'", *map(csp_hash, INLINE_STYLE_ATTRIBUTES)],
        "img-src": [*STATIC_SOURCES, "data:"],
        "font-src": STATIC_SOURCES,
        # The map's shapes are fetched from the static files.
        "connect-src": STATIC_SOURCES,
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# --- Background jobs (django-tasks; README: "Background jobs") --------------
# Bulk uploads, re-extraction and timeline updates after admin edits run as
# tasks, never in the web request. DJANGO_TASKS_BACKEND chooses where:
#   database  (default) stored in this database, run by `manage.py db_worker`
#             (`make run` starts one beside the server);
#   rq        Redis through RQ, for workers on several machines (REDIS_URL;
#             needs requirements-rq.txt; run `manage.py rqworker --job-class
#             django_tasks_rq.Job default`);
#   immediate run at once in the process that asks (tests, scripts; a web
#             request would then run the whole job itself).
TASKS_BACKEND = os.environ.get("DJANGO_TASKS_BACKEND") or "database"
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"DJANGO_TASKS_BACKEND must be one of {', '.join(_TASK_BACKENDS)}, not {TASKS_BACKEND!r}"
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND], "QUEUES": ["default"]}}
# A running job whose worker gave no sign of life (it beats at its start and at each
# article) for this long was interrupted: the admin shows it failed, to be run again.
JOB_STALE_MINUTES = env_int("DJANGO_JOB_STALE_MINUTES", 30)
if TASKS_BACKEND == "rq":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {
        "default": {
            "URL": os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0",
            "DEFAULT_TIMEOUT": env_int("DJANGO_JOB_TIMEOUT", 6 * 3600),
        }
    }

# --- Login lock-out (django-axes; README: "Security") ----------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("DJANGO_LOGIN_FAILURE_LIMIT", 5)
# Per account *and* address: a guesser is stopped, and cannot lock an editor
# out from everywhere by failing on purpose.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("DJANGO_LOGIN_LOCKOUT_MINUTES", 60))
AXES_RESET_ON_SUCCESS = True
if BEHIND_HTTPS_PROXY:
    AXES_CLIENT_IP_CALLABLE = "timeline.security.forwarded_client_ip"

# --- Logging: everything to stderr, where a process manager collects it ----
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},  # stderr by default
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        # Server errors (with their traceback), refused requests, security events;
        # Django's own default sends them nowhere when debug is off.
        "django": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        "timeline": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}
