import pytest
from django.contrib.sitemaps.views import sitemap
from django.test import RequestFactory

from modus.news.models import Article
from modus.news.sitemaps_section import sitemap_sections
from modus.portal.sitemaps import collect_sitemaps
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_sitemap_lists_published_articles_only():
    article = ArticleFactory(slug="listed-article")
    ArticleFactory(slug="hidden-draft", status=Article.Status.DRAFT, published_at=None)
    response = sitemap(RequestFactory().get("/sitemap.xml"), sitemaps=sitemap_sections())
    response.render()
    content = response.content.decode()
    assert f"http://testserver{article.get_absolute_url()}" in content
    assert "hidden-draft" not in content
    assert "<lastmod>" in content


def test_the_site_sitemap_reads_the_news_section():
    assert collect_sitemaps()["news"] is sitemap_sections()["news"]
