import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


def test_anonymous_clients_are_throttled(api_client, settings):
    settings.MODUS_API_ANON_RATE = "2/minute"
    cache.clear()
    try:
        assert api_client.get("/api/v1/ecosystems/").status_code == 200
        assert api_client.get("/api/v1/ecosystems/").status_code == 200
        response = api_client.get("/api/v1/ecosystems/")
        assert response.status_code == 429
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["code"] == "throttled"
    finally:
        cache.clear()
