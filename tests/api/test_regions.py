import pytest

from tests.factories import EcosystemFactory, PriorityFactory, RegionFactory

pytestmark = pytest.mark.django_db


def test_region_detail_with_priorities(api_client):
    poland = RegionFactory(code="PL", name="Polska", level=0)
    silesia = RegionFactory(code="PL22", name="Śląskie", parent=poland)
    RegionFactory(code="PL227", name="Rybnicki", level=3, parent=silesia)
    energy = EcosystemFactory(key="energy-renewables")
    mobility = EcosystemFactory(key="mobility")
    priority = PriorityFactory(
        region=silesia, title="Emission-free energy", description="Clean energy.", position=1
    )
    priority.ecosystems.add(energy, mobility)
    PriorityFactory(region=silesia, title="Medicine", position=2)

    response = api_client.get("/api/v1/regions/PL22/")

    assert response.status_code == 200
    data = response.json()
    assert data["code"] == "PL22"
    assert data["name"] == "Śląskie"
    assert data["level"] == 2
    assert data["country_code"] == "PL"
    assert data["parent"] == "PL"
    assert data["children"] == ["PL227"]
    assert data["url"] == "http://testserver/directory/regions/PL22/"
    assert data["priorities"][0] == {
        "title": "Emission-free energy",
        "description": "Clean energy.",
        "period": "",
        "ecosystems": ["energy-renewables", "mobility"],
    }
    assert [p["title"] for p in data["priorities"]] == ["Emission-free energy", "Medicine"]


def test_region_code_is_case_insensitive(api_client):
    RegionFactory(code="PL22")
    assert api_client.get("/api/v1/regions/pl22/").status_code == 200


def test_unknown_region_is_a_404_problem(api_client):
    response = api_client.get("/api/v1/regions/ZZ99/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_region_list_filters(api_client):
    RegionFactory(code="PL", level=0)
    RegionFactory(code="PL22", level=2)
    RegionFactory(code="CZ08", level=2)
    response = api_client.get("/api/v1/regions/", {"level": 2, "country": "pl"})
    assert [item["code"] for item in response.json()["results"]] == ["PL22"]


def test_invalid_filter_is_a_400_problem(api_client):
    response = api_client.get("/api/v1/regions/", {"level": "high"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "level" in response.json()["errors"]


@pytest.mark.parametrize("count", [1, 3])
def test_region_list_query_count(api_client, django_assert_num_queries, count):
    for _ in range(count):
        region = RegionFactory()
        RegionFactory(code=f"{region.code}1", parent=region, level=3)
        priority = PriorityFactory(region=region)
        priority.ecosystems.add(EcosystemFactory())
    # count, page, children, priorities, their ecosystems
    with django_assert_num_queries(5):
        response = api_client.get("/api/v1/regions/", {"level": 2})
    assert response.json()["count"] == count
