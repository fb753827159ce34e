"""Request bodies are judged before anything parses them: too deep or too large JSON is a
problem document, a too large upload is refused from its announced length alone."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from modus.api.middleware import json_depth_exceeds
from modus.api.problems import PROBLEM_CONTENT_TYPE
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client():
    organisation = OrganisationFactory()
    user = UserFactory()
    MembershipFactory(user=user, organisation=organisation, role="admin")
    client = Client()
    client.force_login(user)
    return client, reverse("api-v1:organisation-detail", args=[organisation.slug])


def test_deeply_nested_json_is_a_400_problem_not_a_server_error(admin_client):
    client, url = admin_client
    response = client.patch(url, "[" * 100_000, content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM_CONTENT_TYPE
    assert response.json()["code"] == "json_too_deep"


def test_nesting_inside_strings_does_not_count(admin_client):
    client, url = admin_client
    body = json.dumps({"description": "[" * 5000 + "{" * 5000})
    response = client.patch(url, body, content_type="application/json")
    assert response.status_code == 200, response.content[:300]


def test_a_json_body_over_the_limit_is_a_413_problem(admin_client, settings):
    client, url = admin_client
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    body = json.dumps({"description": "x" * (2 * 1024 * 1024)})
    response = client.patch(url, body, content_type="application/json")
    assert response.status_code == 413
    assert response["Content-Type"] == PROBLEM_CONTENT_TYPE
    assert response.json()["code"] == "body_too_large"


class NeverRead:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def test_an_upload_over_the_limit_is_refused_before_its_body_is_read(settings):
    settings.MODUS_MAX_REQUEST_BYTES = 12 * 1024 * 1024
    client = Client()
    response = client.generic(
        "POST",
        "/calls/",
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(60 * 1024 * 1024),
        **{"wsgi.input": NeverRead()},
    )
    assert response.status_code == 413


def test_an_api_upload_over_the_limit_is_a_413_problem(settings):
    settings.MODUS_MAX_REQUEST_BYTES = 12 * 1024 * 1024
    response = Client().generic(
        "POST",
        "/api/v1/organisations/",
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(60 * 1024 * 1024),
        **{"wsgi.input": NeverRead()},
    )
    assert response.status_code == 413
    assert response["Content-Type"] == PROBLEM_CONTENT_TYPE


@pytest.mark.parametrize(
    ("body", "deeper"),
    [
        (b"[[[]]]", False),
        (b"[[[[]]]]", True),
        (b'{"a": {"b": {"c": 1}}}', False),
        (b'{"a": {"b": {"c": {"d": 1}}}}', True),
        (b'["[[[[[[", "\\"[[[[[["]', False),
        (b"[]" * 1000, False),
        (b"[" * 100_000, True),
    ],
)
def test_depth_counts_brackets_outside_strings(body, deeper):
    assert json_depth_exceeds(body, 3) is deeper
