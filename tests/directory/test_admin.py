import pytest
from django.core.management import call_command
from django.urls import reverse

from modus.directory.models import Ecosystem, Organisation
from tests.factories import OrganisationFactory, PriorityFactory, RegionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize(
    "model", ["ecosystem", "region", "smartspecialisationpriority", "organisation"]
)
def test_admin_lists_and_searches(admin_client, model):
    OrganisationFactory(region=RegionFactory(code="PL22"))
    PriorityFactory()
    url = reverse(f"admin:directory_{model}_changelist")
    assert admin_client.get(url).status_code == 200
    assert admin_client.get(url, {"q": "PL22"}).status_code == 200


def test_admin_action_exports_csv(admin_client):
    chosen = OrganisationFactory(slug="chosen")
    OrganisationFactory(slug="left-out")
    response = admin_client.post(
        reverse("admin:directory_organisation_changelist"),
        {"action": "export_csv", "_selected_action": [chosen.pk]},
    )
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode()
    assert "\nchosen," in body and "left-out" not in body


def test_admin_edit_refreshes_search_text(admin_client):
    organisation = OrganisationFactory(name="Old Name")
    url = reverse("admin:directory_organisation_change", args=[organisation.pk])
    response = admin_client.post(
        url,
        {
            "slug": organisation.slug,
            "name": "Brand New Name",
            "kind": "company",
            "validation_status": "unvalidated",
            "technology_fields": "[]",
            "original_language": "en",
            "description__pl": "Opis po polsku",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = Organisation.objects.get(pk=organisation.pk)
    assert "Brand New Name" in saved.search_text and "Opis po polsku" in saved.search_text
    assert saved.translations == {"pl": {"description": "Opis po polsku"}}


def test_load_regions_command(capsys):
    call_command("load_regions")
    assert Ecosystem.objects.count() == 14
    call_command("load_regions")
    assert "0 new" in capsys.readouterr().out
