"""Opportunities in several languages: posting with tabs, pages, list, search and the notes."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from modus.partners import services
from modus.partners.errors import PartnersError
from modus.partners.models import Opportunity

from .conftest import make_opportunity

pytestmark = pytest.mark.django_db

LIST = reverse("partners:list")
POLISH = {"title": "Badania zbiorników wodoru", "description": "Certyfikowane testy zbiorników."}


@pytest.fixture
def opportunity(member, offer_kind):
    return make_opportunity(member.organisation, offer_kind, translations={"pl": POLISH})


def test_the_opportunity_reads_in_polish(client, opportunity):
    html = client.get(opportunity.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert '<h1 lang="pl">Badania zbiorników wodoru</h1>' in html
    assert "Certyfikowane testy zbiorników." in html and "translation-note" not in html
    assert 'hreflang="pl"' in html and 'hreflang="en"' in html


def test_a_german_reader_gets_the_original_with_a_note(client, opportunity):
    html = client.get(opportunity.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert '<h1 lang="en">Hydrogen storage testing</h1>' in html
    assert "Not available in German; available in English, shown here." in html
    assert "Also in:" in html and 'hreflang="pl" lang="pl">polski</a>' in html


@pytest.mark.parametrize("count", [1, 3])
def test_the_list_costs_no_extra_query_per_language(
    client, member, offer_kind, count, django_assert_max_num_queries
):
    for number in range(count):
        make_opportunity(
            member.organisation,
            offer_kind,
            title=f"Offer {number}",
            translations={"pl": {"title": f"Oferta {number}"}},
        )
    with django_assert_max_num_queries(8):
        html = client.get(LIST, {"lang": "pl"}).content.decode()
    assert html.count('<h2 lang="pl">') == count
    assert "Oferta 0" in html and "Offer 0" not in html


def test_search_finds_an_opportunity_in_any_of_its_languages(
    client, opportunity, member, offer_kind
):
    make_opportunity(member.organisation, offer_kind, title="Drone pilots", description="Flying.")
    for query in ("zbiorników", "Hydrogen"):
        html = client.get(LIST, {"q": query}).content.decode()
        assert "Hydrogen storage testing" in html and "Drone pilots" not in html


def test_the_form_has_a_tab_per_language_and_posts_translations(client, member, offer_kind):
    client.force_login(member.user)
    page = client.get(reverse("partners:create")).content.decode()
    assert 'id="translation-cs"' in page and 'id="translation-pl"' in page
    assert 'name="title__pl"' in page and 'name="original_language"' in page
    response = client.post(
        reverse("partners:create"),
        {
            "organisation": member.organisation.pk,
            "kind": offer_kind.pk,
            "original_language": "en",
            "title": "Test beds",
            "description": "Ours.",
            "title__pl": "Stanowiska testowe",
            "description__pl": "Nasze.",
            "title__en": "ignored: the original's own language",
            "expires_on": (timezone.localdate() + dt.timedelta(days=2)).isoformat(),
        },
    )
    assert response.status_code == 302
    saved = Opportunity.objects.get()
    assert saved.title == "Test beds"
    assert saved.translations == {"pl": {"title": "Stanowiska testowe", "description": "Nasze."}}


def test_a_too_long_translated_title_shows_next_to_its_field(client, member, offer_kind):
    client.force_login(member.user)
    response = client.post(
        reverse("partners:create"),
        {
            "organisation": member.organisation.pk,
            "kind": offer_kind.pk,
            "title": "Test beds",
            "description": "Ours.",
            "title__cs": "x" * 201,
            "expires_on": (timezone.localdate() + dt.timedelta(days=2)).isoformat(),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["title__cs"]
    assert 'class="translation-panel has-errors"' in response.content.decode()


def test_the_service_refuses_a_too_long_translated_title(member, offer_kind):
    with pytest.raises(PartnersError):
        services.post_opportunity(
            actor=member.user,
            organisation=member.organisation,
            kind=offer_kind,
            title="Short",
            description="Fine.",
            expires_on=timezone.localdate() + dt.timedelta(days=3),
            translations={"cs": {"title": "x" * 201}},
        )
