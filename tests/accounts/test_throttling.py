"""Failed logins, reset e-mails and wrong API tokens are limited (django-axes and the cache)."""

import pytest
from axes.models import AccessLog
from django.core.management import call_command
from django.urls import reverse

from modus.accounts.throttling import LOGIN_FAILED
from modus.activity.models import ActionLogEntry
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def log_in(client, email, password, ip="203.0.113.7"):
    return client.post(
        reverse("accounts:login"), {"username": email, "password": password}, REMOTE_ADDR=ip
    )


def test_an_account_is_locked_after_the_failure_limit_even_for_the_right_password(client, settings):
    UserFactory(email="jana@example.org")
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "jana@example.org", f"wrong-{attempt}").status_code == 200
    locked = log_in(client, "jana@example.org", "wrong-last")
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    # From another network too: the account itself is paused.
    right = log_in(client, "Jana@Example.org", PASSWORD, ip="198.51.100.1")
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session


def test_one_address_is_locked_after_failures_on_many_accounts(client, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        UserFactory(email=f"person-{number}@example.org")
    for number in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, f"person-{number}@example.org", "guess")
    UserFactory(email="other@example.org")
    assert log_in(client, "other@example.org", PASSWORD).status_code == 429
    assert log_in(client, "other@example.org", PASSWORD, ip="198.51.100.2").status_code == 302


def test_staff_unlock_an_account(client, settings):
    UserFactory(email="jana@example.org")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "jana@example.org", "wrong")
    assert log_in(client, "jana@example.org", PASSWORD).status_code == 429
    call_command("axes_reset_username", "jana@example.org", verbosity=0)
    assert log_in(client, "jana@example.org", PASSWORD).status_code == 302


def test_a_success_before_the_limit_starts_counting_again(client, settings):
    UserFactory(email="jana@example.org")
    for _round in range(2):
        for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
            log_in(client, "jana@example.org", "wrong")
        assert log_in(client, "jana@example.org", PASSWORD).status_code == 302
        client.post(reverse("accounts:logout"))


def test_failed_logins_go_to_the_account_s_action_log(client):
    user = UserFactory(email="jana@example.org")
    log_in(client, "jana@example.org", "wrong", ip="203.0.113.9")
    log_in(client, "nobody@example.org", "wrong")
    entries = ActionLogEntry.objects.filter(action=LOGIN_FAILED)
    assert [(entry.object_id, entry.data) for entry in entries] == [
        (user.pk, {"ip": "203.0.113.9"})
    ]
    assert str(entries[0].label) == "Failed login"


def test_reset_e_mails_are_limited_per_address(client, mailoutbox, settings):
    UserFactory(email="forgetful@example.org")
    for _attempt in range(settings.MODUS_RESET_MAILS_PER_ADDRESS + 5):
        response = client.post(
            reverse("accounts:password_reset"),
            {"email": "forgetful@example.org"},
            REMOTE_ADDR="203.0.113.1",
        )
        assert response.status_code == 302  # the page never tells
    assert len(mailoutbox) == settings.MODUS_RESET_MAILS_PER_ADDRESS


def test_reset_requests_are_limited_per_client(client, mailoutbox, settings):
    settings.MODUS_RESET_REQUESTS_PER_CLIENT = 3
    for number in range(3):
        UserFactory(email=f"person-{number}@example.org")
        response = client.post(
            reverse("accounts:password_reset"),
            {"email": f"person-{number}@example.org"},
            REMOTE_ADDR="203.0.113.1",
        )
        assert response.status_code == 302
    refused = client.post(
        reverse("accounts:password_reset"),
        {"email": "person-0@example.org"},
        REMOTE_ADDR="203.0.113.1",
    )
    assert refused.status_code == 429
    assert "Too many requests" in refused.content.decode()
    assert len(mailoutbox) == 3


def test_the_client_address_behind_trusted_proxies(client, settings):
    settings.MODUS_TRUSTED_PROXY_COUNT = 1
    UserFactory(email="jana@example.org")
    forwarded = {"HTTP_X_FORWARDED_FOR": "198.51.100.50, 203.0.113.77"}
    client.post(
        reverse("accounts:login"),
        {"username": "jana@example.org", "password": "wrong"},
        REMOTE_ADDR="10.0.0.1",
        **forwarded,
    )
    entry = ActionLogEntry.objects.get(action=LOGIN_FAILED)
    assert entry.data == {"ip": "203.0.113.77"}


def test_a_garbled_forwarded_address_falls_back_to_the_proxy_s_and_no_error(client, settings):
    settings.MODUS_TRUSTED_PROXY_COUNT = 1
    UserFactory(email="jana@example.org")
    response = client.post(
        reverse("accounts:login"),
        {"username": "jana@example.org", "password": "wrong"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="not-an-address'; DROP TABLE",
    )
    assert response.status_code == 200
    entry = ActionLogEntry.objects.get(action=LOGIN_FAILED)
    assert entry.data == {"ip": "10.0.0.1"}


def test_a_login_made_in_code_without_an_address_is_stored_without_one(client):
    """A login made in code has no REMOTE_ADDR; PostgreSQL refuses a made-up address."""
    user = UserFactory()
    client.force_login(user)
    entry = AccessLog.objects.get(username=user.get_username())
    assert entry.ip_address in (None, "")


def test_wrong_api_tokens_are_throttled(api_client, settings):
    settings.MODUS_BAD_TOKENS_PER_CLIENT = 3
    for attempt in range(3):
        api_client.credentials(HTTP_AUTHORIZATION=f"Token wrong-{attempt}")
        assert api_client.get("/api/v1/ecosystems/").status_code == 401
    response = api_client.get("/api/v1/ecosystems/")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "throttled"
    api_client.credentials()
    assert api_client.get("/api/v1/ecosystems/").status_code == 200
