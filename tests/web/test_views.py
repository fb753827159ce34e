import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_language_can_be_switched_to_czech(client):
    response = client.post(reverse("set_language"), {"language": "cs", "next": "/"}, follow=True)
    assert response.status_code == 200
    assert response.content.decode().startswith("<!DOCTYPE html>")
    assert 'lang="cs"' in response.content.decode()
