import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from modus.events.models import Event
from tests.factories import EventFactory, EventOrganiserFactory

pytestmark = pytest.mark.django_db


def test_event_page_shows_organisers_and_status_notice(client):
    event = EventFactory(
        name="Clusters meet Regions: Katowice",
        status=Event.Status.POSTPONED,
        status_notice="Moved to spring.",
    )
    EventOrganiserFactory(event=event, organisation__name="Polish Cluster Association")
    response = client.get(event.get_absolute_url())
    content = response.content.decode()
    assert response.status_code == 200
    assert "Polish Cluster Association" in content
    assert "Moved to spring." in content


def test_draft_event_is_not_public(client):
    event = EventFactory(status=Event.Status.DRAFT)
    assert client.get(event.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_event_list_query_count(client, django_assert_num_queries, count):
    today = timezone.localdate()
    EventFactory.create_batch(count)
    EventFactory.create_batch(
        count, starts_on=today - dt.timedelta(days=9), ends_on=today - dt.timedelta(days=8)
    )
    with django_assert_num_queries(3):
        response = client.get(reverse("events:index"))
    assert response.status_code == 200
