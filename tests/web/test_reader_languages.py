"""The reader's content language: ?lang=, the language cookie, Accept-Language, else the
interface's; a language the interface does not speak (German) still names the content asked for."""

import pytest
from django.conf import settings
from django.test import RequestFactory

from modus.web.reader_languages import (
    content_language,
    current_content_language,
    from_accept_language,
    reader_language,
    reader_languages,
)
from tests.factories import ArticleFactory

CZECH = {"title": "Čtení regionů", "lead": "Úvod.", "body": "<p>Text.</p>"}


def _request(path="/", cookie=None, accept=""):
    request = RequestFactory().get(path, HTTP_ACCEPT_LANGUAGE=accept)
    if cookie:
        request.COOKIES[settings.LANGUAGE_COOKIE_NAME] = cookie
    return request


def test_reader_languages_are_the_interfaces_then_the_eus():
    codes = reader_languages()
    assert codes[:3] == ["en", "cs", "pl"]
    assert {"de", "fr", "es"} <= set(codes)
    assert "xx" not in codes and len(codes) == len(set(codes))


@pytest.mark.parametrize(
    ("path", "cookie", "accept", "expected"),
    [
        ("/?lang=de", "cs", "pl", "de"),  # the address wins
        ("/?lang=zz", "cs", "pl", "cs"),  # an unknown code is ignored
        ("/", "pl", "de", "pl"),  # then the cookie
        ("/", "xx", "de-AT,de;q=0.9,en;q=0.5", "de"),  # then the header, regional code's base
        ("/", None, "ja, fr;q=0.4, en;q=0.3", "fr"),  # its first known language by weight
        ("/", None, "en;q=0.2, sk", "sk"),
        ("/", None, "", "en"),  # else the interface's
    ],
)
def test_the_reader_language_comes_from_address_cookie_then_header(path, cookie, accept, expected):
    assert reader_language(_request(path, cookie, accept)) == expected


def test_a_malformed_header_chooses_nothing():
    assert from_accept_language("*;q=x,,;;") is None


def test_the_content_language_is_current_inside_its_block_only():
    with content_language("de"):
        assert current_content_language() == "de"
    assert current_content_language() == "en"


@pytest.mark.django_db
def test_a_german_visitor_reads_the_english_original_with_a_note(client):
    article = ArticleFactory(title="Reading the regions", language="en", translations={"cs": CZECH})
    response = client.get(article.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
    html = response.content.decode()
    assert '<html lang="en"' in html  # the interface stays English
    assert "Reading the regions" in html
    assert "Not available in German; available in English, shown here." in html
    assert "Accept-Language" in response["Vary"]


@pytest.mark.django_db
def test_lang_de_asks_for_german_content_and_leaves_the_interface_alone(client):
    article = ArticleFactory(title="Reading the regions", language="en")
    html = client.get(f"{article.get_absolute_url()}?lang=de", HTTP_ACCEPT_LANGUAGE="cs")
    html = html.content.decode()
    assert '<html lang="cs"' in html
    assert "Není k dispozici v jazyce" in html


@pytest.mark.django_db
def test_the_cookie_chooses_the_content_language_too(client):
    article = ArticleFactory(title="Reading the regions", language="en", translations={"cs": CZECH})
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cs"
    html = client.get(article.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Čtení regionů" in html and "translation-note" not in html
