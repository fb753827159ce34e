import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, EventFactory

pytestmark = pytest.mark.django_db


def test_home_shows_latest_news_and_upcoming_events(client):
    ArticleFactory(title="We went to Katowice")
    EventFactory(name="Clusters meet Regions: Vaasa")
    EventFactory(
        name="Clusters meet Regions: Katowice",
        starts_on=dt.date(2022, 11, 7),
        ends_on=dt.date(2022, 11, 8),
    )
    response = client.get(reverse("web:home"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Clusters meet Regions: Katowice" in content
    assert "We went to Katowice" in content
    assert "Clusters meet Regions: Vaasa" in content


def test_home_never_says_no_events_while_it_lists_some(client):
    EventFactory(
        name="Clusters meet Regions: Katowice",
        starts_on=dt.date(2022, 11, 7),
        ends_on=dt.date(2022, 11, 8),
    )
    content = client.get(reverse("web:home")).content.decode()
    assert "Clusters meet Regions: Katowice" in content
    assert "No events are announced yet." not in content
    assert "No upcoming event is announced yet; the latest are below." in content


def test_home_with_no_event_at_all_says_so(client):
    assert "No events are announced yet." in client.get(reverse("web:home")).content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_home_query_count(client, django_assert_num_queries, count):
    ArticleFactory.create_batch(count)
    EventFactory.create_batch(count)
    with django_assert_num_queries(3):
        response = client.get(reverse("web:home"))
    assert response.status_code == 200


def test_health_and_robots(client):
    assert client.get(reverse("web:health")).json() == {"status": "ok"}
    robots = client.get(reverse("web:robots")).content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "15 December 2022"), ("cs", "15. prosince 2022"), ("pl", "15 grudnia 2022")],
)
def test_dates_read_naturally_in_each_language(client, language, expected):
    created = dt.datetime(2022, 12, 15, 20, 48, tzinfo=dt.UTC)
    ArticleFactory(created_at=created, published_at=created)
    response = client.get(reverse("web:home"), HTTP_ACCEPT_LANGUAGE=language)
    assert expected in response.content.decode()
