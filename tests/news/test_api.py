"""The news API: published articles only."""

import pytest

from modus.news.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_news_lists_published_articles_only(api_client):
    ArticleFactory(slug="out", title="Out now", language="en")
    ArticleFactory(slug="draft", status=Article.Status.DRAFT)
    response = api_client.get("/api/v1/news/")
    data = response.json()
    assert [item["slug"] for item in data["results"]] == ["out"]
    item = data["results"][0]
    assert set(item) == {
        "slug",
        "title",
        "lead",
        "created",
        "published",
        "language",
        "url",
        "original_language",
        "shown_language",
        "translations",
    }
    assert item["url"] == "http://testserver/news/out/"
    assert api_client.get("/api/v1/news/draft/").status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_list_query_count(api_client, django_assert_num_queries, count):
    ArticleFactory.create_batch(count)
    with django_assert_num_queries(2):  # count and page
        response = api_client.get("/api/v1/news/")
    assert response.json()["count"] == count
