import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_schema_is_openapi_3(client):
    response = client.get(reverse("api-schema"), {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/organisations/{slug}/" in schema["paths"]
    assert "patch" in schema["paths"]["/api/v1/organisations/{slug}/"]
    assert "/api/v1/regions/{code}/" in schema["paths"]


def test_docs_page_loads_nothing_from_elsewhere(client):
    response = client.get(reverse("api-docs"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources
    assert all(not re.match(r"(https?:)?//", source) for source in sources), sources
    assert "cdn" not in html.lower()


def test_api_root_lists_the_endpoints(client):
    response = client.get("/api/v1/", HTTP_ACCEPT="application/json")
    assert set(response.json()) >= {"organisations", "regions", "news", "events", "programmes"}
