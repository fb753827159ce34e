"""The programmes API."""

import pytest

from tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


def test_programmes(api_client):
    ProgrammeFactory(slug="cmr", name="Clusters meet Regions", owner__slug="eccp")
    data = api_client.get("/api/v1/programmes/").json()
    assert data["results"][0]["slug"] == "cmr"
    assert data["results"][0]["owner"] == "eccp"


@pytest.mark.parametrize("count", [1, 3])
def test_list_query_count(api_client, django_assert_num_queries, count):
    ProgrammeFactory.create_batch(count)
    with django_assert_num_queries(2):  # count and page
        response = api_client.get("/api/v1/programmes/")
    assert response.json()["count"] == count
