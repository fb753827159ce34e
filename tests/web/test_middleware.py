import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get(reverse("web:home"))
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_opening_an_action_address_directly_gives_a_page_with_a_way_back(client):
    """Logging out takes only POST: a GET gets a 405 page in the site's layout that says what
    happened and links back home (tests/selection shows the link to the action's page)."""
    user = UserFactory()
    client.force_login(user)
    response = client.get(reverse("accounts:logout"))
    assert response.status_code == 405
    assert "POST" in response["Allow"]
    page = response.content.decode()
    assert "<main" in page and "This address is for an action" in page
    assert f'href="{reverse("web:home")}"' in page
    assert "_auth_user_id" in client.session  # nothing was done


def test_a_405_of_the_api_is_a_problem_document(client):
    response = client.delete(reverse("api-v1:event-list"))
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "method_not_allowed"


def test_a_405_asked_for_as_json_is_a_problem_document(client):
    client.force_login(UserFactory())
    response = client.get(reverse("accounts:logout"), HTTP_ACCEPT="application/json")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert response.json() == {
        "type": "about:blank",
        "title": "Method Not Allowed",
        "status": 405,
        "code": "method_not_allowed",
        "detail": "This address does not take GET; it takes POST, OPTIONS.",
    }
