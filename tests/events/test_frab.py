import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.urls import reverse

from modus.demo.loader import load_demo
from modus.events import frab
from modus.events.models import Event
from modus.events.services import bump_agenda_version
from tests.events.exports_support import agenda_event, assert_valid_json, assert_valid_xml
from tests.factories import EventFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def xml_url(event):
    return reverse("events:schedule-xml", kwargs={"slug": event.slug})


def json_url(event):
    return reverse("events:schedule-json", kwargs={"slug": event.slug})


def test_schedule_xml_validates_and_carries_the_agenda(client):
    event = agenda_event(sessions=5)
    response = client.get(xml_url(event))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert_valid_xml(response.content)

    root = ET.fromstring(response.content)
    assert root.findtext("conference/title") == event.name
    assert root.findtext("conference/time_zone_name") == "Europe/Warsaw"
    days = root.findall("day")
    assert [(d.get("index"), d.get("date")) for d in days] == [
        ("1", "2022-11-07"),
        ("2", "2022-11-08"),
    ]
    first = next(e for e in root.iter("event") if e.findtext("slug").endswith("-talk-0"))
    # 08:00 UTC is 09:00 in Warsaw in November; the date carries the offset.
    assert first.findtext("start") == "09:00"
    assert first.findtext("date") == "2022-11-07T09:00:00+01:00"
    assert first.findtext("duration") == "00:45"
    assert first.findtext("url").startswith("http://testserver/events/")
    assert first.find("links/link").get("href") == "https://media.example.org/talk.mp4"
    assert first.find("attachments/attachment").get("type") == "slides"
    assert [p.text for p in first.findall("persons/person")] == ["Speaker 0", "Chair 0"]
    assert len(root.findall("day/room/event")) == 5
    # Sessions without a room are listed under the venue.
    assert {room.get("name") for room in root.iter("room")} >= {"Main hall", "Congress Centre"}


def test_schedule_json_validates_and_matches_the_xml(client):
    event = agenda_event(sessions=5)
    data = assert_valid_json(client.get(json_url(event)).content)
    conference = data["schedule"]["conference"]
    assert conference["daysCount"] == 2
    assert {room["name"] for room in conference["rooms"]} == {
        "Main hall",
        "Room B",
        "Congress Centre",
    }
    talks = [
        talk for day in conference["days"] for talks in day["rooms"].values() for talk in talks
    ]
    assert len(talks) == 5
    first = conference["days"][0]["rooms"]["Congress Centre"][0]
    session = event.sessions.get(slug="talk-0")
    assert first["guid"] == frab.guid("session", session.pk)
    assert first["id"] == session.pk
    assert first["track"] == "Opening"
    assert first["language"] == "en"
    assert first["persons"][0]["public_name"] == "Speaker 0"
    assert "times and rooms" in first["description"]


def test_guids_are_stable_and_differ_by_kind():
    assert frab.guid("session", 7) == frab.guid("session", 7)
    assert frab.guid("session", 7) != frab.guid("room", 7)
    assert frab.guid("session", 7) != frab.guid("session", 8)


def test_awkward_names_still_validate(client):
    """Short slugs, a time zone outside the JSON pattern, a session past midnight, no rooms."""
    event = EventFactory(
        slug="ab", time_zone="Etc/GMT-1", starts_on=dt.date(2023, 1, 1), ends_on=dt.date(2023, 1, 1)
    )
    SessionFactory(
        event=event,
        slug="x-",
        starts_at=dt.datetime(2023, 1, 1, 22, 7, tzinfo=dt.UTC),
        ends_at=dt.datetime(2023, 1, 2, 1, 0, tzinfo=dt.UTC),
    )
    assert_valid_xml(client.get(xml_url(event)).content)
    data = assert_valid_json(client.get(json_url(event)).content)
    assert "time_zone_name" not in data["schedule"]["conference"]
    assert data["schedule"]["conference"]["timeslot_duration"] == "00:01"


def test_an_event_without_sessions_still_validates(client):
    event = EventFactory()
    assert_valid_xml(client.get(xml_url(event)).content)
    assert_valid_json(client.get(json_url(event)).content)


@pytest.mark.parametrize("name", ["events:schedule-xml", "events:schedule-json"])
def test_drafts_have_no_schedule(client, name):
    event = EventFactory(status=Event.Status.DRAFT)
    assert client.get(reverse(name, kwargs={"slug": event.slug})).status_code == 404


def test_schedule_is_cached_until_the_agenda_changes(client, django_assert_num_queries):
    event = agenda_event(sessions=2)
    client.get(xml_url(event))
    with django_assert_num_queries(1):  # the event itself; the schedule comes from the cache
        cached = client.get(xml_url(event))
    assert b"Talk 1" in cached.content

    event.sessions.filter(slug="talk-1").update(title="Renamed talk")
    bump_agenda_version(event)
    assert b"Renamed talk" in client.get(xml_url(event)).content


def test_unchanged_schedule_answers_not_modified(client):
    event = agenda_event(sessions=1)
    etag = client.get(json_url(event))["ETag"]
    assert client.get(json_url(event), HTTP_IF_NONE_MATCH=etag).status_code == 304


@pytest.mark.parametrize("name", ["events:schedule-xml", "events:schedule-json"])
@pytest.mark.parametrize("sessions", [3, 30])
def test_schedule_query_count(client, django_assert_num_queries, name, sessions):
    event = agenda_event(sessions=sessions)
    cache.clear()
    # event, sessions with rooms, their people, their materials, the event's rooms
    with django_assert_num_queries(5):
        response = client.get(reverse(name, kwargs={"slug": event.slug}))
    assert response.status_code == 200


def test_every_demo_event_has_a_valid_schedule(client):
    load_demo(organisations=0, log=lambda line: None)
    events = list(Event.objects.exclude(status=Event.Status.DRAFT))
    assert len(events) >= 17
    assert any(event.sessions.count() >= 10 for event in events)
    for event in events:
        assert_valid_xml(client.get(xml_url(event)).content)
        assert_valid_json(client.get(json_url(event)).content)
