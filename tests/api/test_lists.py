"""The simple public lists: ecosystems, news, programmes, events."""

import datetime as dt

import pytest

from modus.events.models import Event
from modus.news.models import Article
from tests.factories import (
    ArticleFactory,
    EcosystemFactory,
    EventFactory,
    ProgrammeFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db


def test_ecosystems(api_client):
    EcosystemFactory(key="digital", label="Digital", position=2)
    EcosystemFactory(key="aerospace", label="Aerospace and defence", position=1)
    response = api_client.get("/api/v1/ecosystems/")
    assert [item["key"] for item in response.json()["results"]] == ["aerospace", "digital"]


def test_news_lists_published_articles_only(api_client):
    ArticleFactory(slug="out", title="Out now", language="en")
    ArticleFactory(slug="draft", status=Article.Status.DRAFT)
    response = api_client.get("/api/v1/news/")
    data = response.json()
    assert [item["slug"] for item in data["results"]] == ["out"]
    item = data["results"][0]
    assert set(item) == {"slug", "title", "lead", "created", "published", "language", "url"}
    assert item["url"] == "http://testserver/news/out/"
    assert api_client.get("/api/v1/news/draft/").status_code == 404


def test_programmes(api_client):
    ProgrammeFactory(slug="cmr", name="Clusters meet Regions", owner__slug="eccp")
    data = api_client.get("/api/v1/programmes/").json()
    assert data["results"][0]["slug"] == "cmr"
    assert data["results"][0]["owner"] == "eccp"


def test_events_are_public_and_filtered(api_client):
    programme = ProgrammeFactory(slug="cmr")
    silesia = RegionFactory(code="PL22")
    EventFactory(
        slug="katowice",
        programme=programme,
        region=silesia,
        country_code="PL",
        starts_on=dt.date(2024, 5, 14),
        ends_on=dt.date(2024, 5, 15),
    )
    EventFactory(slug="oulu", country_code="FI", starts_on=dt.date(2024, 9, 1))
    EventFactory(slug="draft", status=Event.Status.DRAFT, country_code="PL")

    def slugs(**params):
        return [e["slug"] for e in api_client.get("/api/v1/events/", params).json()["results"]]

    assert slugs() == ["katowice", "oulu"]
    assert slugs(programme="cmr") == ["katowice"]
    assert slugs(region="PL") == ["katowice"]
    assert slugs(country="fi") == ["oulu"]
    assert slugs(date="2024-05-15") == ["katowice"]
    assert slugs(date="2024-05-16") == []
    item = api_client.get("/api/v1/events/katowice/").json()
    assert item["start"] == "2024-05-14"
    assert item["end"] == "2024-05-15"
    assert item["region"] == "PL22"
    assert item["url"] == "http://testserver/events/katowice/"


def make_articles(count):
    ArticleFactory.create_batch(count)


def make_events(count):
    for _ in range(count):
        EventFactory(region=RegionFactory())


def make_programmes(count):
    ProgrammeFactory.create_batch(count)


def make_ecosystems(count):
    EcosystemFactory.create_batch(count)


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize(
    ("url", "make", "queries"),
    [
        ("/api/v1/news/", make_articles, 2),
        ("/api/v1/events/", make_events, 2),
        ("/api/v1/programmes/", make_programmes, 2),
        ("/api/v1/ecosystems/", make_ecosystems, 2),
    ],
)
def test_list_query_count(api_client, django_assert_num_queries, url, make, queries, count):
    make(count)
    with django_assert_num_queries(queries):  # count and page
        response = api_client.get(url)
    assert response.json()["count"] == count


def test_anonymous_clients_are_throttled(api_client, settings):
    from django.core.cache import cache

    settings.MODUS_API_ANON_RATE = "2/minute"
    cache.clear()
    try:
        assert api_client.get("/api/v1/ecosystems/").status_code == 200
        assert api_client.get("/api/v1/ecosystems/").status_code == 200
        response = api_client.get("/api/v1/ecosystems/")
        assert response.status_code == 429
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["code"] == "throttled"
    finally:
        cache.clear()
