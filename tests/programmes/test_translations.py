"""Programmes in several languages: pages, list, API, sitemap, the admin's form and services."""

import pytest
from django.urls import reverse

from modus.programmes.forms import ProgrammeAdminForm
from modus.programmes.services import save_programme
from tests.factories import EventFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

POLISH = {"name": "Klastry i regiony", "description": "Program spotkań klastrów."}


@pytest.fixture
def programme():
    return ProgrammeFactory(
        slug="cmr",
        name="Clusters meet Regions",
        description="A programme of cluster meetings.",
        translations={"pl": POLISH},
    )


def test_the_programme_page_reads_in_polish(client, programme):
    html = client.get(programme.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert '<h1 lang="pl">Klastry i regiony</h1>' in html
    assert "Program spotkań klastrów." in html and "translation-note" not in html
    assert 'hreflang="en"' in html and 'hreflang="pl"' in html


def test_a_czech_reader_gets_the_original_with_a_note(client, programme):
    html = client.get(programme.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="cs").content.decode()
    assert '<h1 lang="en">Clusters meet Regions</h1>' in html
    assert 'class="translation-note"' in html
    assert 'hreflang="pl" lang="pl">polski</a>' in html  # "Also in:"


def test_a_german_reader_is_told_it_is_not_in_german(client, programme):
    html = client.get(programme.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Not available in German; available in English, shown here." in html


@pytest.mark.parametrize("translated", [1, 3])
def test_the_list_costs_no_extra_query_per_language(client, django_assert_num_queries, translated):
    for number in range(translated):
        EventFactory(
            programme=ProgrammeFactory(
                name=f"P{number}", translations={"pl": {"name": f"PL{number}"}}
            )
        )
    with django_assert_num_queries(2):
        html = client.get(reverse("programmes:index"), {"lang": "pl"}).content.decode()
    assert html.count('<h2 lang="pl">') == translated
    assert all(f"PL{number}" in html for number in range(translated))


def test_an_events_programme_name_follows_the_reader(client, programme):
    event = EventFactory(programme=programme)
    html = client.get(event.get_absolute_url(), {"lang": "pl"}).content.decode()
    assert "Klastry i regiony" in html


def test_the_api_returns_every_language_and_one_chosen(client, programme):
    url = reverse("api:programme-detail", kwargs={"slug": "cmr"})
    data = client.get(url).json()
    assert data["name"] == "Clusters meet Regions" and data["original_language"] == "en"
    assert data["translations"]["pl"] == POLISH
    chosen = client.get(url, HTTP_ACCEPT_LANGUAGE="pl").json()
    assert chosen["name"] == "Klastry i regiony" and chosen["shown_language"] == "pl"
    fallback = client.get(url, {"lang": "cs"}).json()
    assert fallback["name"] == "Clusters meet Regions" and fallback["shown_language"] == "en"


def test_the_sitemap_lists_each_language(client, programme):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/programmes/cmr/?lang=pl</loc>" in xml and "/programmes/cmr/?lang=en</loc>" in xml


def test_the_service_keeps_known_languages_and_drops_the_originals(programme):
    saved = save_programme(
        slug="cmr",
        original_language="en",
        translations={"pl": POLISH, "en": {"name": "X"}, "xx": {"name": "Y"}, "cs": {"name": " "}},
    )
    assert saved.translations == {"pl": POLISH}


def test_the_admin_form_has_a_field_per_language_and_reads_them_in(programme):
    data = {
        "slug": "cmr",
        "name": "Clusters meet Regions",
        "owner": programme.owner.pk,
        "description": "",
        "starts_on": "2022-01-01",
        "original_language": "en",
        "name__cs": "Klastry a regiony",
        "name__pl": "Klastry i regiony",
    }
    form = ProgrammeAdminForm(data, instance=programme)
    assert "description__pl" in form.fields
    assert form.is_valid(), form.errors
    assert form.save().translations == {
        "cs": {"name": "Klastry a regiony"},
        "pl": {"name": "Klastry i regiony"},
    }


def test_a_localised_programme_saves_its_original(programme):
    shown = ProgrammeFactory._meta.model.objects.in_language("pl").get(pk=programme.pk)
    shown.website = "https://example.org"
    shown.save()
    programme.refresh_from_db()
    assert programme.name == "Clusters meet Regions"


def test_the_admin_shows_a_fieldset_per_other_language(admin_client, programme):
    url = reverse("admin:programmes_programme_change", args=[programme.pk])
    html = admin_client.get(url).content.decode()
    assert 'name="name__pl"' in html and 'name="description__cs"' in html
