"""Demo logins: each role can be tried after ``modus demo``, but never in production."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from modus.demo import selection_data, upcoming_edition
from modus.demo.loader import load_demo
from modus.demo.logins import DEMO_LOGINS, DEMO_PASSWORD

pytestmark = pytest.mark.django_db

KATOWICE = "clusters-meet-regions-katowice-2022"


def test_each_demo_login_opens_its_own_pages(client):
    lines = []
    load_demo(organisations=10, log=lines.append)
    assert any(DEMO_PASSWORD in line for line in lines)
    pages = {
        "programme-office": reverse(
            "selection:call-applications", kwargs={"slug": selection_data.HOST_CALL_SLUG}
        ),
        "polish-cluster-association": reverse("events:manage", kwargs={"slug": KATOWICE}),
        "reviewer-1": reverse("selection:my-reviews"),
        "jury-1": reverse("selection:jury", kwargs={"slug": selection_data.PITCH_CALL_SLUG}),
        "participant-001": reverse("events:my-registration", kwargs={"slug": KATOWICE}),
    }
    for email, _role in DEMO_LOGINS:
        client.logout()
        login = client.post(
            reverse("accounts:login"), {"username": email, "password": DEMO_PASSWORD}
        )
        assert login.status_code == 302, email
        response = client.get(pages[email.split("@")[0]])
        assert response.status_code == 200, email
    # the upcoming edition: the juror's sheets and participant-001's requests to answer
    client.logout()
    client.post(
        reverse("accounts:login"),
        {"username": "jury-1@demo.modus.invalid", "password": DEMO_PASSWORD},
    )
    jury = client.get(reverse("selection:jury", kwargs={"slug": upcoming_edition.PITCH_CALL_SLUG}))
    assert jury.status_code == 200


def test_loading_again_keeps_the_passwords(client):
    load_demo(organisations=10, log=lambda line: None)
    User = get_user_model()
    before = dict(User.objects.values_list("email", "password"))
    load_demo(organisations=10, log=lambda line: None)
    assert dict(User.objects.values_list("email", "password")) == before


def test_production_demo_has_no_usable_password(settings):
    settings.PRODUCTION = True
    load_demo(organisations=10, log=lambda line: None)
    User = get_user_model()
    emails = [email for email, _role in DEMO_LOGINS]
    assert not any(user.has_usable_password() for user in User.objects.filter(email__in=emails))
