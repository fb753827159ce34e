"""The directory's API: organisations, regions and ecosystems."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from modus.accounts.models import Membership
from modus.directory.models import Organisation
from modus.directory.services import refresh_search_text
from tests.factories import (
    EcosystemFactory,
    MembershipFactory,
    OrganisationFactory,
    PriorityFactory,
    RegionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/organisations/"
PROBLEM = "application/problem+json"


def detail_url(slug):
    return f"/api/v1/organisations/{slug}/"


def searchable(**fields):
    organisation = OrganisationFactory(**fields)
    refresh_search_text(organisation)
    return organisation


@pytest.fixture
def own_admin():
    membership = MembershipFactory(
        organisation=OrganisationFactory(slug="silesia-auto", name="Silesia Automotive"),
        role=Membership.Role.ADMIN,
    )
    return membership.user, membership.organisation


def authorise(api_client, user):
    token = Token.objects.create(user=user)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")


# Reading --------------------------------------------------------------------------------------


def test_search_returns_json(api_client):
    region = RegionFactory(code="PL22", name="Śląskie", country_code="PL")
    ecosystem = EcosystemFactory(key="mobility", label="Mobility – Transport – Automotive")
    match = searchable(
        name="Silesian Automotive Cluster",
        slug="silesian-automotive",
        acronym="SAC",
        country_code="PL",
        region=region,
        city="Katowice",
        website="https://sac.example.org",
        label=Organisation.Label.GOLD,
    )
    match.ecosystems.add(ecosystem)
    searchable(name="Finnish Food Network", slug="finnish-food", country_code="FI")

    response = api_client.get(LIST_URL, {"search": "automotive"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["count"] == 1
    item = data["results"][0]
    assert item == {
        "slug": "silesian-automotive",
        "name": "Silesian Automotive Cluster",
        "acronym": "SAC",
        "kind": "cluster",
        "country_code": "PL",
        "region": "PL22",
        "city": "Katowice",
        "website": "https://sac.example.org",
        "ecosystems": ["mobility"],
        "label": "gold",
        "url": "http://testserver/directory/organisations/silesian-automotive/",
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "fi"}, ["finnish-food"]),
        ({"region": "PL22"}, ["silesian-automotive"]),
        ({"ecosystem": "mobility"}, ["silesian-automotive"]),
        ({"label": "gold"}, ["silesian-automotive"]),
        ({"kind": "company"}, ["finnish-food"]),
    ],
)
def test_filters(api_client, params, expected):
    region = RegionFactory(code="PL22", country_code="PL")
    cluster = searchable(
        name="Silesian Automotive Cluster",
        slug="silesian-automotive",
        country_code="PL",
        region=region,
        label="gold",
    )
    cluster.ecosystems.add(EcosystemFactory(key="mobility"))
    searchable(name="Finnish Food Network", slug="finnish-food", country_code="FI", kind="company")
    response = api_client.get(LIST_URL, params)
    assert [item["slug"] for item in response.json()["results"]] == expected


def test_detail(api_client):
    searchable(slug="acme", name="Acme", description="Makes everything.")
    response = api_client.get(detail_url("acme"))
    assert response.status_code == 200
    assert response.json()["description"] == "Makes everything."


def test_unknown_slug_is_a_404_problem(api_client):
    response = api_client.get(detail_url("nope"))
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    problem = response.json()
    assert problem["status"] == 404
    assert problem["code"] == "not_found"
    assert problem["title"] == "Not Found"


@pytest.mark.parametrize("count", [1, 3])
def test_list_query_count(api_client, django_assert_num_queries, count):
    for _ in range(count):
        organisation = OrganisationFactory(region=RegionFactory())
        organisation.ecosystems.add(EcosystemFactory(), EcosystemFactory())
    # count, page, ecosystems
    with django_assert_num_queries(3):
        response = api_client.get(LIST_URL)
    assert response.json()["count"] == count


# Writing ---------------------------------------------------------------------------------------


def test_patch_by_own_admin_with_token(api_client, own_admin):
    user, organisation = own_admin
    authorise(api_client, user)
    RegionFactory(code="PL22", country_code="PL")
    EcosystemFactory(key="mobility")
    response = api_client.patch(
        detail_url(organisation.slug),
        {
            "city": "Katowice",
            "region": "PL22",
            "ecosystems": ["mobility"],
            "website": "https://silesia.example.org",
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["city"] == "Katowice"
    assert data["region"] == "PL22"
    assert data["ecosystems"] == ["mobility"]
    organisation.refresh_from_db()
    assert organisation.city == "Katowice"
    assert organisation.website == "https://silesia.example.org"
    assert "katowice" in organisation.search_text.lower()


def test_patch_by_own_admin_with_session(own_admin):

    user, organisation = own_admin
    client = APIClient(enforce_csrf_checks=False)
    client.force_login(user)
    response = client.patch(detail_url(organisation.slug), {"city": "Gliwice"}, format="json")
    assert response.status_code == 200
    organisation.refresh_from_db()
    assert organisation.city == "Gliwice"


def test_patch_by_admin_of_another_organisation_is_forbidden(api_client, own_admin):
    _user, organisation = own_admin
    stranger = MembershipFactory(role=Membership.Role.ADMIN).user
    authorise(api_client, stranger)
    response = api_client.patch(detail_url(organisation.slug), {"city": "Elsewhere"}, format="json")
    assert response.status_code == 403
    assert response["Content-Type"] == PROBLEM
    assert response.json()["code"] == "not_admin"
    organisation.refresh_from_db()
    assert organisation.city == ""


def test_anonymous_patch_is_401(api_client, own_admin):
    _user, organisation = own_admin
    response = api_client.patch(detail_url(organisation.slug), {"city": "X"}, format="json")
    assert response.status_code == 401
    assert response["Content-Type"] == PROBLEM
    assert response.json()["code"] == "not_authenticated"
    assert "WWW-Authenticate" in response
    organisation.refresh_from_db()
    assert organisation.city == ""


def test_invalid_patch_is_400_with_field_errors(api_client, own_admin):
    user, organisation = own_admin
    authorise(api_client, user)
    response = api_client.patch(
        detail_url(organisation.slug),
        {"website": "not a url", "region": "ZZ99", "name": "Kept?"},
        format="json",
    )
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    problem = response.json()
    assert problem["status"] == 400
    assert set(problem["errors"]) == {"website", "region"}
    assert problem["errors"]["website"] == ["Enter a valid URL."]
    assert problem["error_codes"]["region"] == ["does_not_exist"]
    organisation.refresh_from_db()
    assert organisation.name == "Silesia Automotive"


def test_service_rule_comes_back_as_a_coded_problem(api_client, own_admin):
    user, organisation = own_admin
    authorise(api_client, user)
    response = api_client.patch(detail_url(organisation.slug), {"label": "gold"}, format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "not_staff"
    organisation.refresh_from_db()
    assert organisation.label == ""


def test_model_validation_errors_keep_their_field(api_client, own_admin):
    user, organisation = own_admin
    authorise(api_client, user)
    response = api_client.patch(
        detail_url(organisation.slug), {"founded_year": 1200}, format="json"
    )
    assert response.status_code == 400
    assert "founded_year" in response.json()["errors"]


def test_staff_may_patch_any_organisation(api_client):
    organisation = OrganisationFactory()
    authorise(api_client, UserFactory(is_staff=True))
    response = api_client.patch(detail_url(organisation.slug), {"label": "silver"}, format="json")
    assert response.status_code == 200
    organisation.refresh_from_db()
    assert organisation.label == "silver"


def test_put_and_delete_are_not_offered(api_client, own_admin):
    user, organisation = own_admin
    authorise(api_client, user)
    assert api_client.delete(detail_url(organisation.slug)).status_code == 405
    assert api_client.put(detail_url(organisation.slug), {}, format="json").status_code == 405
    assert Organisation.objects.filter(pk=organisation.pk).exists()


# Regions and ecosystems -----------------------------------------------------------------------


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


def test_ecosystems(api_client):
    EcosystemFactory(key="digital", label="Digital", position=2)
    EcosystemFactory(key="aerospace", label="Aerospace and defence", position=1)
    response = api_client.get("/api/v1/ecosystems/")
    assert [item["key"] for item in response.json()["results"]] == ["aerospace", "digital"]


@pytest.mark.parametrize("count", [1, 3])
def test_ecosystem_list_query_count(api_client, django_assert_num_queries, count):
    EcosystemFactory.create_batch(count)
    with django_assert_num_queries(2):  # count and page
        response = api_client.get("/api/v1/ecosystems/")
    assert response.json()["count"] == count


def test_a_blank_address_reads_and_writes_as_null(api_client, own_admin):
    user, organisation = own_admin
    organisation.website = "https://silesia.example.org"
    organisation.save()
    authorise(api_client, user)
    response = api_client.patch(
        detail_url(organisation.slug), {"website": None, "email": ""}, format="json"
    )
    assert response.status_code == 200, response.content
    assert (response.json()["website"], response.json()["email"]) == (None, None)
    organisation.refresh_from_db()
    assert (organisation.website, organisation.email) == ("", "")
    listed = api_client.get("/api/v1/organisations/").json()["results"]
    assert [item["website"] for item in listed] == [None]
