import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from modus.news.models import Article
from tests.factories import ArticleFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_atom_feed_parses_and_lists_published_articles(client):
    article = ArticleFactory(title="In the feed", author_organisation=OrganisationFactory())
    ArticleFactory(title="Draft stays out", status=Article.Status.DRAFT, published_at=None)
    response = client.get(reverse("news:atom"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["In the feed"]
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link == f"http://testserver{article.get_absolute_url()}"
    assert entries[0].findtext(f"{ATOM}author/{ATOM}name") == article.author_organisation.name


def test_rss_feed_parses_and_lists_published_articles(client):
    article = ArticleFactory(title="In the RSS feed", lead="Short summary.")
    ArticleFactory(title="Draft stays out", status=Article.Status.DRAFT, published_at=None)
    response = client.get(reverse("news:rss"))
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    items = root.findall("channel/item")
    assert [item.findtext("title") for item in items] == ["In the RSS feed"]
    assert items[0].findtext("link") == f"http://testserver{article.get_absolute_url()}"
    assert items[0].findtext("description") == "Short summary."


def test_feed_newest_first(client):
    now = timezone.now()
    ArticleFactory(title="Old", published_at=now - dt.timedelta(days=5))
    ArticleFactory(title="New", published_at=now - dt.timedelta(hours=1))
    root = ET.fromstring(client.get(reverse("news:rss")).content)
    assert [item.findtext("title") for item in root.findall("channel/item")] == ["New", "Old"]


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize("feed", ["news:atom", "news:rss"])
def test_feed_query_count(client, django_assert_num_queries, feed, count):
    organisation = OrganisationFactory()
    for _ in range(count):
        ArticleFactory(author_organisation=organisation)
    with django_assert_num_queries(1):
        response = client.get(reverse(feed))
    assert response.status_code == 200
