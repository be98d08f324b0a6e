"""Login lock-out (django-axes): a few failures per account and address, then refused."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, RequestFactory

from timeline.security import forwarded_client_ip

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"
PASSWORD = "a long admin password 42"


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    # Each attempt hashes a password: the production hasher is slow on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def boss(django_user_model):
    return django_user_model.objects.create_superuser("boss", "boss@example.org", PASSWORD)


def log_in(client: Client, password: str, username: str = "boss"):
    return client.post(LOGIN, {"username": username, "password": password})


def logged_in(client: Client) -> bool:
    return client.get("/admin/").status_code == 200


def test_the_right_password_right_after_20_wrong_ones_is_refused(client, boss):
    for _ in range(20):
        log_in(client, "wrong guess")
    response = log_in(client, PASSWORD)
    assert response.status_code == 429
    assert "too many login attempts" in response.content.decode()
    assert not logged_in(client)


def test_fewer_failures_than_the_limit_do_not_lock(client, boss):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "wrong guess").status_code == 200
    assert log_in(client, PASSWORD).status_code == 302
    assert logged_in(client)


def test_the_lock_holds_one_account_at_one_address(boss, django_user_model):
    django_user_model.objects.create_superuser("other", "o@example.org", PASSWORD)
    guesser = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(guesser, "wrong guess")
    assert log_in(guesser, PASSWORD).status_code == 429
    # The same account from elsewhere, and another account from there, still log in.
    assert log_in(Client(REMOTE_ADDR="198.51.100.7"), PASSWORD).status_code == 302
    assert log_in(Client(REMOTE_ADDR="203.0.113.9"), PASSWORD, "other").status_code == 302


def test_an_administrator_can_lift_a_lock(client, boss):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong guess")
    call_command("axes_reset_username", "boss")
    assert log_in(client, PASSWORD).status_code == 302


def test_behind_a_proxy_the_client_is_the_last_forwarded_address():
    request = RequestFactory().get(
        "/", HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.9", REMOTE_ADDR="127.0.0.1"
    )
    assert forwarded_client_ip(request) == "203.0.113.9"
    assert forwarded_client_ip(RequestFactory().get("/", REMOTE_ADDR="127.0.0.1")) == "127.0.0.1"
