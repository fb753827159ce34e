"""The events API: public events with their agendas, and co-hosts' session writes."""

import datetime as dt

import pytest
from rest_framework.authtoken.models import Token

from modus.accounts.models import Membership
from modus.events.models import Event, Session
from tests.factories import (
    EventFactory,
    EventOrganiserFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    ProgrammeFactory,
    RegionFactory,
    RoomFactory,
    SessionFactory,
    SessionRoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"


@pytest.fixture
def event():
    return EventFactory(
        slug="katowice-2022",
        name="Clusters meet Regions: Katowice",
        starts_on=dt.date(2022, 11, 7),
        ends_on=dt.date(2022, 11, 8),
        time_zone="Europe/Warsaw",
    )


def member_of_cohost(event):
    organiser = EventOrganiserFactory(event=event)
    return MembershipFactory(organisation=organiser.organisation, role=Membership.Role.MEMBER).user


def authorise(api_client, user):
    token = Token.objects.create(user=user)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")


def sessions_url(event):
    return f"/api/v1/events/{event.slug}/sessions/"


def session_url(session):
    return f"/api/v1/events/{session.event.slug}/sessions/{session.slug}/"


# Reading --------------------------------------------------------------------------------------


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


@pytest.mark.parametrize("count", [1, 3])
def test_event_list_query_count(api_client, django_assert_num_queries, count):
    for _ in range(count):
        EventFactory(region=RegionFactory())
    with django_assert_num_queries(2):  # count and page
        response = api_client.get("/api/v1/events/")
    assert response.json()["count"] == count


def test_event_detail_lists_its_sessions(api_client, event):
    organisation = OrganisationFactory(slug="aviation", name="Moravian-Silesian Aviation Cluster")
    start = dt.datetime(2022, 11, 8, 13, 0, tzinfo=dt.UTC)
    session = SessionFactory(
        event=event,
        slug="pitching",
        title="Pitching session",
        kind=Session.Kind.PITCHING,
        starts_at=start,
        ends_at=start + dt.timedelta(minutes=90),
        room=RoomFactory(event=event, name="Hall A"),
        recording_url="https://www.youtube.com/watch?v=abc",
    )
    SessionRoleFactory(
        session=session,
        role="moderator",
        person=PersonFactory(name="Jan Novák", slug="jan-novak", organisation=organisation),
    )
    response = api_client.get(f"/api/v1/events/{event.slug}/")
    assert response.status_code == 200
    data = response.json()
    assert data["time_zone"] == "Europe/Warsaw"
    [item] = data["sessions"]
    assert item["title"] == "Pitching session"
    assert item["slug"] == "pitching"
    assert item["kind"] == "pitching"
    assert item["start"] == "2022-11-08T14:00:00+01:00"
    assert item["end"] == "2022-11-08T15:30:00+01:00"
    assert item["room"] == "Hall A"
    assert item["recording_url"] == "https://www.youtube.com/watch?v=abc"
    assert item["url"].endswith("/events/katowice-2022/sessions/pitching/")
    assert item["people"] == [
        {
            "name": "Jan Novák",
            "slug": "jan-novak",
            "role": "moderator",
            "organisation": {"slug": "aviation", "name": "Moravian-Silesian Aviation Cluster"},
        }
    ]


def test_session_without_room_or_organisation(api_client, event):
    SessionRoleFactory(session=SessionFactory(event=event))
    item = api_client.get(f"/api/v1/events/{event.slug}/").json()["sessions"][0]
    assert item["room"] is None
    assert item["people"][0]["organisation"] is None


@pytest.mark.parametrize("count", [3, 30])
def test_event_detail_query_count(api_client, event, django_assert_num_queries, count):
    rooms = [RoomFactory(event=event), RoomFactory(event=event)]
    for index in range(count):
        session = SessionFactory(event=event, room=rooms[index % 2])
        SessionRoleFactory(session=session, person__organisation=OrganisationFactory())
        SessionRoleFactory(session=session)
    with django_assert_num_queries(3):
        response = api_client.get(f"/api/v1/events/{event.slug}/")
    assert len(response.json()["sessions"]) == count


def test_draft_event_is_not_in_the_api(api_client):
    draft = EventFactory(status=Event.Status.DRAFT)
    assert api_client.get(f"/api/v1/events/{draft.slug}/").status_code == 404


# Writing --------------------------------------------------------------------------------------


def test_cohost_creates_a_session_by_token(api_client, event):
    authorise(api_client, member_of_cohost(event))
    RoomFactory(event=event, name="Hall A")
    speaker = PersonFactory(slug="anna-kowalska", name="Anna Kowalska")
    organisation = OrganisationFactory(slug="aviation")
    response = api_client.post(
        sessions_url(event),
        {
            "title": "Panel on aviation",
            "kind": "panel",
            "start": "2022-11-07T10:00:00",  # no offset: the event's local time
            "end": "2022-11-07T11:00:00+01:00",
            "room": "hall a",
            "topics": ["aviation"],
            "people": [
                {"person": "anna-kowalska", "role": "panellist"},
                {"name": "Piotr Nowak", "organisation": "aviation", "role": "moderator"},
            ],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["slug"] == "panel-on-aviation"
    assert data["start"] == "2022-11-07T10:00:00+01:00"
    assert data["room"] == "Hall A"
    assert [p["name"] for p in data["people"]] == ["Anna Kowalska", "Piotr Nowak"]
    session = Session.objects.get(event=event)
    assert session.starts_at == dt.datetime(2022, 11, 7, 9, 0, tzinfo=dt.UTC)
    assert session.roles.get(role="moderator").person.organisation == organisation
    assert speaker.session_roles.get().role == "panellist"


def test_cohost_changes_and_deletes_a_session(api_client, event):
    authorise(api_client, member_of_cohost(event))
    session = SessionFactory(event=event, title="Old title")
    before = Event.objects.get(pk=event.pk).agenda_version
    response = api_client.patch(session_url(session), {"title": "New title"}, format="json")
    assert response.status_code == 200
    assert response.json()["title"] == "New title"
    session.refresh_from_db()
    assert session.title == "New title"
    assert Event.objects.get(pk=event.pk).agenda_version > before
    assert api_client.delete(session_url(session)).status_code == 204
    assert not Session.objects.filter(pk=session.pk).exists()


def test_invalid_session_gives_field_errors(api_client, event):
    authorise(api_client, member_of_cohost(event))
    response = api_client.post(
        sessions_url(event),
        {
            "title": "",
            "kind": "lecture",
            "start": "2022-11-07T11:00:00+01:00",
            "end": "2022-11-07T10:00:00+01:00",
            "room": "Nowhere",
            "people": [{"role": "speaker"}],
        },
        format="json",
    )
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    errors = response.json()["errors"]
    assert {"title", "kind", "room", "people"} <= set(errors)
    assert response.json()["error_codes"]["room"] == ["unknown_room"]
    response = api_client.patch(
        session_url(SessionFactory(event=event)),
        {"end": "2000-01-01T00:00:00Z"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["error_codes"]["end"] == ["ends_before_start"]
    assert not Session.objects.filter(title="").exists()


def test_cohost_of_another_event_gets_403_and_nothing_changes(api_client, event):
    session = SessionFactory(event=event, title="Untouched")
    authorise(api_client, member_of_cohost(EventFactory()))
    payload = {
        "title": "Taken over",
        "kind": "panel",
        "start": "2022-11-07T10:00:00+01:00",
        "end": "2022-11-07T11:00:00+01:00",
    }
    responses = [
        api_client.post(sessions_url(event), payload, format="json"),
        api_client.patch(session_url(session), {"title": "Taken over"}, format="json"),
        api_client.delete(session_url(session)),
    ]
    for response in responses:
        assert response.status_code == 403
        assert response["Content-Type"] == PROBLEM
        assert response.json()["code"] == "not_cohost"
    session.refresh_from_db()
    assert session.title == "Untouched"
    assert Session.objects.filter(event=event).count() == 1


def test_plain_user_gets_403_and_anonymous_401(api_client, event):
    session = SessionFactory(event=event)
    assert api_client.delete(session_url(session)).status_code == 401
    authorise(api_client, UserFactory())
    assert api_client.delete(session_url(session)).status_code == 403
    assert Session.objects.filter(pk=session.pk).exists()


def test_writes_to_a_missing_session_are_404(api_client, event):
    authorise(api_client, member_of_cohost(event))
    response = api_client.patch(f"{sessions_url(event)}nothing/", {"title": "x"}, format="json")
    assert response.status_code == 404


def test_schema_documents_the_session_writes(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    assert "post" in schema["paths"]["/api/v1/events/{event_slug}/sessions/"]
    detail = schema["paths"]["/api/v1/events/{event_slug}/sessions/{session_slug}/"]
    assert {"patch", "delete"} <= set(detail)


def test_a_session_outside_the_event_days_gives_a_field_error_unless_allowed(api_client, event):
    authorise(api_client, member_of_cohost(event))
    far = {
        "title": "Far",
        "kind": "keynote",
        "start": "9999-01-01T09:00:00Z",
        "end": "9999-01-01T10:00:00Z",
    }
    response = api_client.post(sessions_url(event), far, format="json")
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert response.json()["error_codes"]["start"] == ["outside_event_days"]
    response = api_client.patch(
        session_url(SessionFactory(event=event)),
        {"end": "2022-11-10T10:00:00+01:00"},
        format="json",
    )
    assert response.json()["error_codes"]["end"] == ["outside_event_days"]
    eve = {
        "title": "Eve",
        "kind": "networking",
        "start": "2022-11-06T18:00:00",
        "end": "2022-11-06T20:00:00",
        "outside_event_days": True,
    }
    response = api_client.post(sessions_url(event), eve, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["outside_event_days"] is True
    assert not Session.objects.filter(title="Far").exists()


def test_events_can_be_searched(api_client):
    EventFactory(name="Clusters meet Regions: Katowice", city="Katowice")
    EventFactory(name="Aviation Days", city="Brno", description="Drones and aircraft.")
    names = lambda query: [  # noqa: E731
        event["name"]
        for event in api_client.get("/api/v1/events/", {"search": query}).json()["results"]
    ]
    assert names("katowice") == ["Clusters meet Regions: Katowice"]
    assert names("drones") == ["Aviation Days"]
    assert names("brno") == ["Aviation Days"]
    assert len(names("")) == 2


def test_an_unknown_query_parameter_is_a_400_problem(api_client):
    EventFactory()
    response = api_client.get("/api/v1/events/", {"serach": "katowice"})
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert response.json()["error_codes"] == {"serach": ["unknown_parameter"]}
    for url in ("/api/v1/organisations/", "/api/v1/regions/", "/api/v1/opportunities/"):
        response = api_client.get(url, {"contry": "PL"})
        assert response.status_code == 400, url
    assert api_client.get("/api/v1/events/", {"page": 1, "lang": "cs"}).status_code == 200


def test_a_programme_less_event_and_blank_addresses_are_null(api_client, event):
    event.programme = None
    event.save()
    SessionFactory(event=event, recording_url="")
    data = api_client.get(f"/api/v1/events/{event.slug}/").json()
    assert data["programme"] is None
    assert data["sessions"][0]["recording_url"] is None


def test_a_clashing_session_written_by_the_api_is_held_back_from_the_public(api_client, event):
    Event.objects.filter(pk=event.pk).update(status="published")
    authorise(api_client, member_of_cohost(event))
    PersonFactory(slug="anna-kowalska", name="Anna Kowalska")
    for title in ("Keynote", "Panel"):
        response = api_client.post(
            sessions_url(event),
            {
                "title": title,
                "kind": "panel",
                "start": "2022-11-07T10:00:00",
                "end": "2022-11-07T11:00:00",
                "people": [{"person": "anna-kowalska", "role": "speaker"}],
            },
            format="json",
        )
        assert response.status_code == 201, response.json()
    assert Session.objects.get(title="Panel").held_back
    api_client.credentials()
    listed = api_client.get(f"/api/v1/events/{event.slug}/").json()["sessions"]
    assert [item["title"] for item in listed] == ["Keynote"]
