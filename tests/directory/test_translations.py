"""Organisation descriptions in several languages: profile page, editing with tabs, search,
sitemap and the API."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token

from modus.accounts.models import Membership
from modus.directory import selectors
from modus.directory.models import Organisation
from modus.directory.services import refresh_search_text, update_organisation
from tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

CZECH = {"description": "Klastr leteckého průmyslu v Moravskoslezském kraji."}


@pytest.fixture
def organisation():
    organisation = OrganisationFactory(
        slug="aero",
        name="Aero Cluster",
        description="An aviation cluster.",
        translations={"cs": CZECH},
    )
    refresh_search_text(organisation)
    return organisation


@pytest.fixture
def admin_user(organisation):
    return MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN).user


def test_the_profile_reads_in_czech(client, organisation):
    html = client.get(organisation.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="cs").content.decode()
    assert f'<div lang="cs"><p>{CZECH["description"]}</p></div>' in html
    assert "translation-note" not in html and 'hreflang="cs"' in html


def test_a_german_reader_gets_the_original_with_a_note(client, organisation):
    html = client.get(organisation.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert '<div lang="en"><p>An aviation cluster.</p></div>' in html
    assert "Not available in German; available in English, shown here." in html
    assert 'hreflang="cs" lang="cs">česky</a>' in html


def test_search_finds_an_organisation_by_its_translated_description(organisation):
    OrganisationFactory(name="Other", description="Nothing alike.")
    found = list(selectors.search_organisations("Moravskoslezském"))
    assert found == [organisation]


def test_the_edit_form_has_a_tab_per_language_and_saves_translations(
    client, organisation, admin_user
):
    client.force_login(admin_user)
    url = reverse("directory:organisation-edit", kwargs={"slug": "aero"})
    page = client.get(url).content.decode()
    assert 'id="translation-pl"' in page and 'name="description__cs"' in page
    assert CZECH["description"] in page
    data = {
        "name": "Aero Cluster",
        "kind": organisation.kind,
        "description": "An aviation cluster.",
        "original_language": "en",
        "description__cs": CZECH["description"],
        "description__pl": "Klaster lotniczy.",
        "country_code": "",
        "technology_fields": "",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    organisation.refresh_from_db()
    assert organisation.translations == {"cs": CZECH, "pl": {"description": "Klaster lotniczy."}}
    assert "Klaster lotniczy." in organisation.search_text


def test_the_service_drops_the_originals_language_and_unknown_ones(organisation, admin_user):
    update_organisation(
        organisation,
        actor=admin_user,
        translations={"en": {"description": "x"}, "xx": {"description": "y"}, "cs": CZECH},
    )
    organisation.refresh_from_db()
    assert organisation.translations == {"cs": CZECH}


def test_the_api_returns_every_language_and_takes_translations(
    api_client, organisation, admin_user
):
    url = f"/api/v1/organisations/{organisation.slug}/"
    data = api_client.get(url, HTTP_ACCEPT_LANGUAGE="cs").json()
    assert data["description"] == CZECH["description"] and data["shown_language"] == "cs"
    assert data["translations"] == {"en": {"description": "An aviation cluster."}, "cs": CZECH}
    assert api_client.get(url, {"lang": "pl"}).json()["shown_language"] == "en"
    token, _created = Token.objects.get_or_create(user=admin_user)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    polish = {"description": "Klaster lotniczy."}
    response = api_client.patch(url, {"translations": {"pl": polish}}, format="json")
    assert response.status_code == 200
    assert response.json()["translations"]["pl"] == polish
    bad = api_client.patch(url, {"translations": ["not", "a", "mapping"]}, format="json")
    assert bad.status_code == 400
    assert Organisation.objects.get(pk=organisation.pk).translations == {"pl": polish}


def test_the_sitemap_lists_each_language(client, organisation):
    xml = client.get("/sitemap.xml").content.decode()
    assert (
        "/organisations/aero/?lang=cs</loc>" in xml and "/organisations/aero/?lang=en</loc>" in xml
    )
