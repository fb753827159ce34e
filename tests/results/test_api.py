import pytest
from django.urls import reverse

from modus.results import services
from tests.factories import UserFactory

from .conftest import build_edition, cohost_of, record

PROBLEM = "application/problem+json"


@pytest.fixture
def edition(db):
    event, meetings = build_edition(pairs=7)
    record(meetings[0], "letter_of_intent")
    services.recompute_programme(event.programme)
    return event


def _event_url(event):
    return reverse("api-event-results", kwargs={"event_slug": event.slug})


def _programme_url(event):
    return reverse("api-programme-results", kwargs={"programme_slug": event.programme.slug})


def test_public_results_suppress_small_counts(client, edition, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = client.get(_event_url(edition))
    assert response.status_code == 200
    body = response.json()
    assert body["view"] == "public" and body["threshold"] == 5
    assert body["figures"]["b2b"]["scheduled"] == 7
    assert body["figures"]["b2b"]["funnel"]["agreement"] is None
    with django_assert_max_num_queries(3):
        programme = client.get(_programme_url(edition)).json()
    assert programme["figures"]["funnel"]["meetings"] == 7
    assert programme["figures"]["funnel"]["agreement"] is None


def test_full_results_for_cohosts_and_the_office_only(client, edition):
    url = _event_url(edition) + "?view=full"
    anonymous = client.get(url)
    assert anonymous.status_code == 401 and anonymous["Content-Type"] == PROBLEM
    client.force_login(UserFactory())
    stranger = client.get(url)
    assert stranger.status_code == 403 and stranger.json()["code"] == "not_organiser"
    assert client.get(_programme_url(edition) + "?view=full").status_code == 403
    client.force_login(cohost_of(edition))
    body = client.get(url).json()
    assert body["view"] == "full" and body["figures"]["b2b"]["funnel"]["agreement"] == 1
    office = UserFactory()
    edition.programme.team.add(office)
    client.force_login(office)
    programme = client.get(_programme_url(edition) + "?view=full").json()
    assert programme["figures"]["funnel"]["agreement"] == 1


def test_bad_requests_are_problems(client, edition):
    bad = client.get(_event_url(edition) + "?view=everything")
    assert bad.status_code == 400 and bad["Content-Type"] == PROBLEM
    assert bad.json()["code"] == "invalid_view"
    missing = client.get(reverse("api-event-results", kwargs={"event_slug": "nowhere"}))
    assert missing.status_code == 404 and missing["Content-Type"] == PROBLEM
    unknown = client.get(reverse("api-programme-results", kwargs={"programme_slug": "nowhere"}))
    assert unknown.status_code == 404 and unknown["Content-Type"] == PROBLEM
