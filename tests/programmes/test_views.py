import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from modus.events.models import Event
from tests.factories import EventFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def test_programme_page_shows_past_and_upcoming_editions(client):
    programme = ProgrammeFactory(name="Clusters meet Regions 2022–2025")
    today = timezone.localdate()
    EventFactory(
        programme=programme,
        name="Past edition",
        starts_on=today - dt.timedelta(days=40),
        ends_on=today - dt.timedelta(days=39),
        country_code="PL",
    )
    EventFactory(programme=programme, name="Next edition", country_code="FI")
    EventFactory(programme=programme, name="Hidden draft", status=Event.Status.DRAFT)

    response = client.get(programme.get_absolute_url())

    content = response.content.decode()
    assert response.status_code == 200
    assert "Past edition" in content
    assert "Next edition" in content
    assert "Hidden draft" not in content
    assert response.context["past_events"][0].name == "Past edition"
    assert response.context["upcoming_events"][0].name == "Next edition"
    assert [country for country, _ in response.context["events_by_country"]] == [
        "Finland",
        "Poland",
    ]


def test_unknown_programme_is_a_404(client):
    response = client.get(reverse("programmes:detail", kwargs={"slug": "nope"}))
    assert response.status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_programme_list_query_count(client, django_assert_num_queries, count):
    for _ in range(count):
        EventFactory.create_batch(2, programme=ProgrammeFactory())
    with django_assert_num_queries(2):
        response = client.get(reverse("programmes:index"))
    assert response.status_code == 200
    assert len(response.context["programmes"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_programme_detail_query_count(client, django_assert_num_queries, count):
    programme = ProgrammeFactory()
    EventFactory.create_batch(count, programme=programme)
    with django_assert_num_queries(3):  # programme with events, and its calls
        response = client.get(programme.get_absolute_url())
    assert response.status_code == 200


def test_the_timeline_numbers_editions_in_order_without_a_published_status(client):
    programme = ProgrammeFactory()
    today = timezone.localdate()
    for number, days in [(2, -300), (1, -400), (3, 30)]:
        EventFactory(
            programme=programme,
            name=f"Edition in {number}",
            edition_number=number,
            starts_on=today + dt.timedelta(days=days),
            ends_on=today + dt.timedelta(days=days + 1),
        )
    EventFactory(
        programme=programme,
        name="Called off",
        edition_number=4,
        status=Event.Status.CANCELLED,
        status_notice="The venue burnt down.",
        starts_on=today + dt.timedelta(days=90),
        ends_on=today + dt.timedelta(days=91),
    )

    html = client.get(programme.get_absolute_url()).content.decode()

    timeline = html[html.index('<ol class="timeline"') : html.index("</ol>")]
    positions = [timeline.index(f"No. {n}</span>") for n in (1, 2, 3, 4)]
    assert positions == sorted(positions)
    assert timeline.index("Edition in 1") < timeline.index("Edition in 2")
    assert "Published" not in html
    assert "Cancelled</span> The venue burnt down." in timeline
    assert timeline.count("timeline-upcoming") == 2


def test_countries_are_sorted_by_their_name_in_the_page_language(client):
    programme = ProgrammeFactory()
    for code in ["AT", "CZ", "DE"]:
        EventFactory(programme=programme, country_code=code)
    response = client.get(programme.get_absolute_url(), headers={"accept-language": "cs"})
    countries = [country for country, _ in response.context["events_by_country"]]
    # by code: Rakousko, Česko, Německo; by code point: Česko last
    assert countries == ["Česko", "Německo", "Rakousko"]
