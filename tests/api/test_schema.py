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


def schema_of(client):
    return client.get(reverse("api-schema"), {"format": "json"}).json()


def test_fields_that_may_be_empty_are_nullable(client):
    components = schema_of(client)["components"]["schemas"]
    nullable = {
        ("Event", "programme"),
        ("Call", "programme"),
        ("Application", "created_event"),
        ("Application", "region"),
        ("Organisation", "website"),
        ("OrganisationDetail", "email"),
        ("Session", "recording_url"),
        ("Programme", "website"),
    }
    for component, field in nullable:
        assert components[component]["properties"][field].get("nullable"), (component, field)


def test_errors_are_documented_as_problem_documents(client):
    paths = schema_of(client)["paths"]
    organisation = paths["/api/v1/organisations/{slug}/"]
    assert {"400", "401", "403", "404", "429"} <= set(organisation["patch"]["responses"])
    assert {"401", "404", "429"} <= set(organisation["get"]["responses"])
    assert {"400", "401", "429"} <= set(paths["/api/v1/events/"]["get"]["responses"])
    for path, operations in paths.items():
        for method, operation in operations.items():
            for code, response in operation["responses"].items():
                if code.startswith("4"):
                    assert list(response["content"]) == ["application/problem+json"], (
                        method,
                        path,
                        code,
                    )


def test_a_missing_api_address_is_a_problem_document(client):
    response = client.get("/api/v1/no-such-collection/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "not_found"
    assert client.get("/no-such-page/")["Content-Type"].startswith("text/html")
