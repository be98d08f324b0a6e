"""Production as the README documents it: settings, the deploy check, logging, and the
start itself (migrate, collectstatic, gunicorn) serving every page."""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
GUNICORN = Path(PYTHON).with_name("gunicorn")


def production_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    return env | {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
        "PYTHONPATH": str(ROOT),
        **extra,
    }


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def setting_values(env: dict[str, str], *names: str) -> dict:
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n, None) for n in {list(names)!r}}}))"
    )
    env = env | {"DJANGO_SETTINGS_MODULE": "timeline.settings"}
    result = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


HTTPS = {
    "SECURE_SSL_REDIRECT": ("DJANGO_SECURE_SSL_REDIRECT", "0", True, False),
    "SESSION_COOKIE_SECURE": ("DJANGO_SESSION_COOKIE_SECURE", "0", True, False),
    "CSRF_COOKIE_SECURE": ("DJANGO_CSRF_COOKIE_SECURE", "0", True, False),
    "SECURE_HSTS_SECONDS": ("DJANGO_SECURE_HSTS_SECONDS", "60", 31_536_000, 60),
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": ("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", "0", True, False),
    "SECURE_HSTS_PRELOAD": ("DJANGO_SECURE_HSTS_PRELOAD", "0", True, False),
    "SECURE_PROXY_SSL_HEADER": (
        "DJANGO_BEHIND_HTTPS_PROXY",
        "1",
        None,
        ["HTTP_X_FORWARDED_PROTO", "https"],
    ),
}


def test_the_deploy_check_passes_at_warning_level(tmp_path):
    result = manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_each_https_setting_is_on_in_production_and_can_be_overridden(tmp_path):
    env = production_env(tmp_path)
    defaults = setting_values(env, *HTTPS)
    overrides = {variable: value for variable, value, _, _ in HTTPS.values()}
    overridden = setting_values(env | overrides, *HTTPS)
    for name, (_, _, default, changed) in HTTPS.items():
        assert defaults[name] == default, name
        assert overridden[name] == changed, name


def test_development_keeps_plain_http(tmp_path):
    env = production_env(tmp_path, DJANGO_DEBUG="1")
    values = setting_values(env, "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS")
    assert values == {"SECURE_SSL_REDIRECT": False, "SECURE_HSTS_SECONDS": 0}


def test_static_files_from_a_cdn_are_allowed_from_its_origin_only(tmp_path):
    env = production_env(tmp_path, DJANGO_STATIC_URL="https://cdn.example.org/static/")
    values = setting_values(env, "STATIC_URL", "CONTENT_SECURITY_POLICY")
    assert values["STATIC_URL"] == "https://cdn.example.org/static/"
    directives = values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    for name in ("script-src", "style-src", "img-src", "font-src", "connect-src"):
        assert "https://cdn.example.org" in directives[name], name
    assert directives["default-src"] == ["'self'"]
    local = setting_values(production_env(tmp_path), "CONTENT_SECURITY_POLICY")
    assert local["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["script-src"] == ["'self'"]


def test_a_server_error_is_logged_to_stderr_with_its_traceback(tmp_path):
    code = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "from django.test.utils import override_settings\n"
        "with override_settings(ROOT_URLCONF='tests.security.urls', ALLOWED_HOSTS=['*']):\n"
        "    print(Client(raise_request_exception=False).get('/boom/', secure=True).status_code)\n"
    )
    env = production_env(tmp_path, DJANGO_SETTINGS_MODULE="timeline.settings")
    result = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.stdout.strip() == "500"
    assert "Internal Server Error: /boom/" in result.stderr
    assert "RuntimeError: boom" in result.stderr


# --- The documented start ------------------------------------------------------


def get(url: str, **headers: str) -> tuple[int, dict, str]:
    request = urllib.request.Request(url, headers=headers)
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8", "replace")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    """The README's production start, on a fresh SQLite file with the seeds, behind
    an HTTPS proxy (the test sends what the proxy would: X-Forwarded-Proto)."""
    tmp_path = tmp_path_factory.mktemp("production")
    env = production_env(tmp_path, DJANGO_BEHIND_HTTPS_PROXY="1")
    for step in (["migrate", "--no-input"], ["collectstatic", "--no-input"], ["ingest", "seeds/"]):
        result = manage(env, *step)
        assert result.returncode == 0, (step, result.stderr)
    # The README's command, which reads ./gunicorn.conf.py; two workers of two
    # threads on any port are enough here.
    env |= {"GUNICORN_BIND": "127.0.0.1:0", "GUNICORN_WORKERS": "2", "GUNICORN_THREADS": "2"}
    out, err = (tmp_path / "gunicorn.out").open("w+"), (tmp_path / "gunicorn.log").open("w+")
    server = subprocess.Popen(
        [str(GUNICORN), "timeline.wsgi"], cwd=ROOT, env=env, stdout=out, stderr=err
    )
    try:
        yield f"http://127.0.0.1:{listening_port(tmp_path / 'gunicorn.log')}", tmp_path
    finally:
        server.terminate()
        server.wait(timeout=30)
        out.close()
        err.close()


@pytest.fixture(scope="module")
def production(production_server):
    return production_server[0]


def listening_port(log: Path) -> int:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if match := re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", log.read_text()):
            return int(match.group(1))
        time.sleep(0.2)
    raise AssertionError(f"gunicorn did not start:\n{log.read_text()}")


PROXIED = {"X-Forwarded-Proto": "https"}


def test_plain_http_is_sent_to_https(production):
    status, headers, _ = get(f"{production}/")
    assert status == 301
    assert headers["Location"].startswith("https://")


def test_the_production_start_serves_every_page_and_its_files(production):
    status, headers, _ = get(f"{production}/", **PROXIED)
    assert status == 200
    assert "max-age=31536000" in headers["Strict-Transport-Security"]
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    api = json.loads(get(f"{production}/api/events.json?page_size=200", **PROXIED)[2])
    event = next(e for e in api["events"] if e["actors"] and e["countries"] and e["sources"])
    pages = {
        "/",
        urlsplit(event["url"]).path,
        urlsplit(event["sources"][0]["url"]).path,
        f"/actors/{event['actors'][0]['slug']}/",
        f"/countries/{event['countries'][0]['iso3']}/",
        "/api/events.json",
        "/export/events.csv",
        "/export/events.ics",
        "/export/timelinejs.json",
        f"/map/?country={event['countries'][0]['iso3']}&date=2025-04-30",
        "/admin/login/",
    }
    files = set()
    for page in sorted(pages):
        status, _, body = get(f"{production}{page}", **PROXIED)
        assert status == 200, page
        files |= set(re.findall(r'(?:src|href)="(/static/[^"]+)"', body))
    assert any("plotly-basic.min." in f for f in files)
    for file in sorted(files):
        # Hashed names from collectstatic's manifest, served by WhiteNoise.
        assert re.search(r"\.[0-9a-f]{12}\.", file), file
        assert get(f"{production}{file}", **PROXIED)[0] == 200, file
    assert get(f"{production}/no-such-page/", **PROXIED)[0] == 404


def test_the_server_logs_each_request_and_its_own_messages_to_stderr(production_server):
    url, folder = production_server
    assert get(f"{url}/countries/ZZZ/", **PROXIED)[0] == 404
    request = '"GET /countries/ZZZ/ HTTP/1.1" 404'
    deadline = time.monotonic() + 10  # the worker logs just after it answers
    while request not in (log := (folder / "gunicorn.log").read_text()):
        assert time.monotonic() < deadline, log
        time.sleep(0.1)
    assert "Using worker: gthread" in log  # gunicorn.conf.py was read
    assert (folder / "gunicorn.out").read_text() == ""
