"""Calls in several languages: the call's text, criteria, questions and documents; pages,
the list, the office's forms with one tab per language, the services and the API."""

import pytest
from django.urls import reverse

from modus.selection import services
from modus.selection.models import Call, Criterion
from modus.selection.services import SelectionError

from .conftest import make_applicant, manage_url

pytestmark = pytest.mark.django_db

CZECH = {"title": "Uspořádejte akci Clusters meet Regions", "description": "Regiony navrhují."}


@pytest.fixture
def translated(host_call):
    office, call = host_call.office, host_call.call
    services.update_call(call, actor=office, translations={"cs": CZECH})
    criterion = host_call.criteria[0]
    criterion.translations = {"cs": {"title": "Relevance pro program"}}
    criterion.save()
    host_call.question.translations = {"cs": {"text": "Proč váš region?"}}
    host_call.question.save()
    host_call.letter.translations = {"cs": {"title": "Dopis podpory kraje"}}
    host_call.letter.save()
    return host_call


def test_the_call_reads_in_czech_with_its_parts(client, translated):
    html = client.get(translated.call.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="cs")
    html = html.content.decode()
    assert f'<h1 lang="cs">{CZECH["title"]}</h1>' in html
    assert '<th scope="row" lang="cs">Relevance pro program' in html
    assert '<th scope="row" lang="en">Capacity to host' in html  # not translated: the original
    assert '<span lang="cs">Proč váš region?</span>' in html
    assert '<strong lang="cs">Dopis podpory kraje</strong>' in html
    assert "translation-note" not in html and 'hreflang="cs"' in html


def test_a_german_reader_gets_the_original_with_a_note(client, translated):
    html = client.get(translated.call.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="de-DE")
    html = html.content.decode()
    assert '<h1 lang="en">Host a Clusters meet Regions event</h1>' in html
    assert "Not available in German; available in English, shown here." in html
    assert "Also in:" in html and 'hreflang="cs"' in html


@pytest.mark.parametrize("language", ["en", "cs"])
def test_the_list_costs_the_same_queries_in_every_language(
    client, translated, django_assert_num_queries, language
):
    with django_assert_num_queries(2):
        html = client.get(reverse("selection:calls"), {"lang": language}).content.decode()
    title = CZECH["title"] if language == "cs" else "Host a Clusters meet Regions event"
    assert f'<h3 lang="{language}"><a href="{translated.call.get_absolute_url()}">{title}' in html


def test_the_programme_page_lists_its_calls_in_the_readers_language(client, translated):
    html = client.get(translated.programme.get_absolute_url(), {"lang": "cs"}).content.decode()
    assert f'lang="cs">{CZECH["title"]}</a>' in html


def test_the_office_edits_the_call_with_a_tab_per_language(client, host_call):
    client.force_login(host_call.office)
    page = client.get(manage_url(host_call.call)).content.decode()
    assert 'id="translation-call-pl"' in page and 'name="call-title__pl"' in page
    assert 'id="translation-criterion-cs"' in page and 'name="question-text__cs"' in page
    response = client.post(
        manage_url(host_call.call),
        {
            "action": "save",
            "call-title": "Host a Clusters meet Regions event",
            "call-original_language": "en",
            "call-title__pl": "Zorganizuj wydarzenie",
            "call-description__pl": "Regiony proponują.",
            "call-score_min": 0,
            "call-score_max": 5,
            "call-review_days": 14,
        },
    )
    assert response.status_code == 302
    call = Call.objects.get(pk=host_call.call.pk)
    assert call.translations == {
        "pl": {"title": "Zorganizuj wydarzenie", "description": "Regiony proponują."}
    }
    assert call.title == "Host a Clusters meet Regions event"
    response = client.post(
        manage_url(host_call.call),
        {
            "action": "add-criterion",
            "criterion-title": "Impact",
            "criterion-weight": 1,
            "criterion-title__pl": "Wpływ",
        },
    )
    assert response.status_code == 302
    assert Criterion.objects.get(title="Impact").translations == {"pl": {"title": "Wpływ"}}


def test_a_too_long_translation_shows_next_to_its_field(client, host_call):
    client.force_login(host_call.office)
    response = client.post(
        manage_url(host_call.call),
        {"action": "add-question", "question-text": "Why?", "question-text__cs": "x" * 301},
    )
    assert response.status_code == 200
    assert response.context["forms"]["question"].errors["text__cs"]


def test_the_services_check_and_clean_translations(host_call):
    office, call = host_call.office, host_call.call
    with pytest.raises(SelectionError) as error:
        services.add_question(
            call, actor=office, text="Why?", translations={"pl": {"text": "x" * 301}}
        )
    assert "text__pl" in error.value.error_dict
    question = services.add_question(
        call,
        actor=office,
        text="Why?",
        translations={"en": {"text": "no"}, "pl": {"text": "Czemu?"}},
    )
    assert question.translations == {"pl": {"text": "Czemu?"}}


def test_the_api_returns_every_language_of_the_call_and_its_parts(client, translated):
    url = f"/api/v1/calls/{translated.call.slug}/"
    data = client.get(url, {"lang": "cs"}).json()
    assert data["title"] == CZECH["title"] and data["shown_language"] == "cs"
    assert data["translations"]["en"]["title"] == "Host a Clusters meet Regions event"
    first = data["criteria"][0]
    assert first["title"] == "Relevance pro program" and first["original_language"] == "en"
    assert first["translations"]["cs"] == {"title": "Relevance pro program"}
    assert data["questions"][0]["text"] == "Proč váš region?"
    english = client.get(url).json()
    assert english["criteria"][0]["title"] == "Relevance"
    assert english["shown_language"] == "en"


def test_the_apply_form_asks_the_questions_in_the_applicants_language(client, translated):
    user, organisation = make_applicant()
    client.force_login(user)
    response = client.post(
        reverse("selection:apply", kwargs={"slug": translated.call.slug}),
        {"organisation": organisation.pk},
        HTTP_ACCEPT_LANGUAGE="cs",
    )
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="cs").content.decode()
    assert "Proč váš region?" in page


def test_the_sitemap_lists_each_language_of_a_call(client, translated):
    xml = client.get("/sitemap.xml").content.decode()
    url = translated.call.get_absolute_url()
    assert f"{url}?lang=cs</loc>" in xml and f"{url}?lang=en</loc>" in xml
    assert 'hreflang="cs"' in xml
