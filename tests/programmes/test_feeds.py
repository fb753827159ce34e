"""The programme page by host region, and the Atom feed of a programme's events."""

import datetime as dt
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from modus.events.models import Event
from tests.factories import EventFactory, ProgrammeFactory, RegionFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def feed_url(programme):
    return reverse("programmes:events-feed", kwargs={"slug": programme.slug})


def test_programme_page_groups_editions_by_host_region_and_links_its_feed(client):
    programme = ProgrammeFactory()
    silesia = RegionFactory(code="PL22", name="Śląskie")
    EventFactory(programme=programme, name="Katowice", region=silesia)
    EventFactory(programme=programme, name="Katowice again", region=silesia)
    EventFactory(programme=programme, name="Somewhere", region=None)
    response = client.get(programme.get_absolute_url())
    html = response.content.decode()
    groups = [
        (region, [e.name for e in items]) for region, items in response.context["events_by_region"]
    ]
    assert groups == [(silesia, ["Katowice", "Katowice again"]), (None, ["Somewhere"])]
    assert silesia.get_absolute_url() in html
    assert (
        f'<link rel="alternate" type="application/atom+xml" title="Events of {programme.name} '
        f'(Atom)" href="{feed_url(programme)}">'
    ) in html


def test_feed_is_atom_with_the_public_editions(client):
    programme = ProgrammeFactory(name="Clusters meet Regions")
    EventFactory(
        programme=programme,
        name="Katowice",
        city="Katowice",
        starts_on=dt.date(2022, 11, 7),
        ends_on=dt.date(2022, 11, 8),
        country_code="PL",
    )
    EventFactory(
        programme=programme, name="Lyon", status=Event.Status.POSTPONED, status_notice="Later."
    )
    EventFactory(programme=programme, name="Hidden draft", status=Event.Status.DRAFT)
    EventFactory(name="Another programme's event")

    response = client.get(feed_url(programme))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}title") == "Events of Clusters meet Regions"
    assert root.findtext(f"{ATOM}id")
    assert root.findtext(f"{ATOM}updated")
    entries = root.findall(f"{ATOM}entry")
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert sorted(titles) == ["Katowice", "Lyon (Postponed)"]
    for entry in entries:
        assert entry.findtext(f"{ATOM}id")
        assert entry.findtext(f"{ATOM}updated")
        assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/events/")
    katowice = entries[titles.index("Katowice")]
    assert "2022-11-07 – 2022-11-08" in katowice.findtext(f"{ATOM}summary")


def test_feed_of_unknown_programme_is_a_404(client):
    assert client.get(reverse("programmes:events-feed", kwargs={"slug": "nope"})).status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_feed_query_count(client, django_assert_num_queries, count):
    programme = ProgrammeFactory()
    EventFactory.create_batch(count, programme=programme, region=RegionFactory())
    with django_assert_num_queries(2):
        response = client.get(feed_url(programme))
    assert response.status_code == 200
