"""Articles in several languages: pages, list, search, feeds, sitemap, API and the admin."""

import pytest
from django.urls import reverse
from django.utils import timezone

from modus.news.models import Article
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db

CZECH = {"title": "Čtení regionů", "lead": "Úvod článku.", "body": "<p>Text článku.</p>"}


@pytest.fixture
def article():
    return ArticleFactory(
        slug="reading-regions",
        title="Reading the regions",
        lead="The lead.",
        language="en",
        translations={"cs": CZECH},
    )


def test_the_article_reads_in_the_visitors_language(client, article):
    html = client.get(article.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="cs").content.decode()
    assert "Čtení regionů" in html and "Text článku." in html
    assert 'class="news-article" lang="cs"' in html
    assert "translation-note" not in html
    assert 'hreflang="en"' in html and 'hreflang="cs"' in html and 'hreflang="x-default"' in html
    assert '<meta property="og:title" content="Čtení regionů">' in html
    assert '<meta property="og:locale" content="cs">' in html
    assert '<meta property="og:locale:alternate" content="en">' in html


def test_lang_in_the_address_wins_over_the_browser(client, article):
    html = client.get(f"{article.get_absolute_url()}?lang=cs", HTTP_ACCEPT_LANGUAGE="en")
    assert "Čtení regionů" in html.content.decode()
    assert html["Content-Language"] == "cs"


def test_a_missing_language_falls_back_to_the_original_and_says_so(client, article):
    response = client.get(f"{article.get_absolute_url()}?lang=pl")
    html = response.content.decode()
    assert "Reading the regions" in html
    assert 'class="news-article" lang="en"' in html
    assert 'class="translation-note"' in html


def test_the_list_shows_each_article_in_the_readers_language(
    client, article, django_assert_max_num_queries
):
    ArticleFactory(title="Only English", language="en")
    with django_assert_max_num_queries(4):
        html = client.get(reverse("news:index"), HTTP_ACCEPT_LANGUAGE="cs").content.decode()
    assert "Čtení regionů" in html and "Only English" in html
    assert "Reading the regions" not in html


def test_the_language_filter_keeps_articles_available_in_it(client, article):
    ArticleFactory(title="Only English", language="en")
    html = client.get(reverse("news:index"), {"language": "cs"}).content.decode()
    assert "Reading the regions" in html and "Only English" not in html


@pytest.mark.parametrize("query", ["čtení", "Čtení", "regionů", "Reading", "článku"])
def test_search_finds_an_article_in_any_of_its_languages(client, article, query):
    ArticleFactory(title="Something else", language="en")
    html = client.get(reverse("news:index"), {"q": query}).content.decode()
    assert "1 article" in html and "Something else" not in html


def test_search_without_a_match_finds_nothing(client, article):
    html = client.get(reverse("news:index"), {"q": "zzzz"}).content.decode()
    assert "0 articles" in html


def test_the_feed_speaks_the_readers_language(client, article):
    xml = client.get(reverse("news:atom"), {"lang": "cs"}).content.decode()
    assert "Čtení regionů" in xml and 'xml:lang="cs"' in xml
    assert "/news/reading-regions/?lang=cs" in xml


def test_the_sitemap_lists_each_language_with_hreflang(client, article):
    xml = client.get(reverse("sitemap")).content.decode()
    assert "/news/reading-regions/?lang=cs</loc>" in xml
    assert "/news/reading-regions/?lang=en</loc>" in xml
    assert 'hreflang="cs"' in xml


def test_the_api_returns_every_language_and_one_chosen(client, article):
    url = reverse("api:article-detail", kwargs={"slug": article.slug})
    data = client.get(url, HTTP_ACCEPT_LANGUAGE="en").json()
    assert data["title"] == "Reading the regions" and data["original_language"] == "en"
    assert data["translations"]["cs"] == {"title": CZECH["title"], "lead": CZECH["lead"]}
    assert data["translations"]["en"]["title"] == "Reading the regions"
    assert client.get(url, {"lang": "cs"}).json()["title"] == "Čtení regionů"
    chosen = client.get(url, HTTP_ACCEPT_LANGUAGE="cs").json()
    assert chosen["title"] == "Čtení regionů" and chosen["shown_language"] == "cs"
    fallback = client.get(url, {"lang": "pl"}).json()
    assert fallback["title"] == "Reading the regions" and fallback["shown_language"] == "en"


def test_a_localised_article_saves_its_original(article):
    shown = Article.objects.in_language("cs").get(pk=article.pk)
    assert shown.title == "Čtení regionů"
    shown.image_alt = "A map"
    shown.save()
    article.refresh_from_db()
    assert article.title == "Reading the regions" and article.image_alt == "A map"
    assert shown.title == "Čtení regionů"


def test_staff_write_translations_in_the_admin(client, article):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = reverse("admin:news_article_change", args=[article.pk])
    page = client.get(url).content.decode()
    assert 'name="title__cs"' in page and 'name="title__pl"' in page
    assert 'name="title__en"' not in page
    response = client.post(
        url,
        {
            "title": "Reading the regions",
            "slug": article.slug,
            "lead": "The lead.",
            "body": "<p>Body</p>",
            "language": "en",
            "status": "published",
            "created_at_0": timezone.localtime(article.created_at).strftime("%Y-%m-%d"),
            "created_at_1": "10:00:00",
            "published_at_0": timezone.localtime(article.published_at).strftime("%Y-%m-%d"),
            "published_at_1": "10:00:00",
            "title__cs": "Čtení regionů",
            "body__cs": "<p>Text<script>alert(1)</script></p>",
            "title__pl": "Czytanie regionów",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    article.refresh_from_db()
    assert article.translations["pl"] == {"title": "Czytanie regionów"}
    assert article.translations["cs"]["body"] == "<p>Text</p>"
    assert "lead" not in article.translations["cs"]
