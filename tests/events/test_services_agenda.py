import datetime as dt

import pytest

from modus.events import services
from modus.events.models import Event, Session, SessionRole
from tests.events.agenda_support import at, new_session
from tests.factories import (
    EventFactory,
    EventOrganiserFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    RoomFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


# Permissions and versions ---------------------------------------------------------------------


def test_only_cohosts_write(event, cohost):
    stranger = UserFactory()
    other = EventOrganiserFactory()  # a co-host of another event
    other_member = MembershipFactory(organisation=other.organisation).user
    for actor in (stranger, other_member):
        with pytest.raises(services.NotCohost) as refused:
            new_session(event, actor)
        assert refused.value.code == "not_cohost"
        with pytest.raises(services.NotCohost):
            services.update_event(event, actor=actor, description="Taken over")
        with pytest.raises(services.NotCohost):
            services.save_room(event, actor=actor, name="Hall A")
    assert not event.sessions.exists()
    assert not event.rooms.exists()


def test_a_partner_organisation_may_not_write(event):
    partner = EventOrganiserFactory(event=event, role="partner")
    member = MembershipFactory(organisation=partner.organisation).user
    with pytest.raises(services.NotCohost):
        new_session(event, member)


def test_every_write_bumps_the_agenda_version(event, cohost):
    versions = [event.agenda_version]
    room = services.save_room(event, actor=cohost, name="Hall A")
    versions.append(event.agenda_version)
    session = new_session(event, cohost, room=room)
    versions.append(event.agenda_version)
    services.update_session(session, actor=cohost, title="Welcome")
    versions.append(Event.objects.get(pk=event.pk).agenda_version)
    services.update_session(
        session, actor=cohost, recording_url="https://www.youtube.com/watch?v=abc"
    )
    versions.append(Event.objects.get(pk=event.pk).agenda_version)
    services.delete_session(session, actor=cohost)
    versions.append(Event.objects.get(pk=event.pk).agenda_version)
    services.delete_room(room, actor=cohost)
    versions.append(Event.objects.get(pk=event.pk).agenda_version)
    assert versions == sorted(set(versions)) and len(versions) == 7


# Sessions ---------------------------------------------------------------------------------------


def test_local_times_are_stored_in_utc(event, cohost):
    # 9:00 in Warsaw in November (CET, UTC+1) is 8:00 UTC.
    session = new_session(event, cohost, start=(0, 9))
    session.refresh_from_db()
    assert session.starts_at == dt.datetime(2022, 11, 7, 8, 0, tzinfo=dt.UTC)
    summer = EventFactory(
        starts_on=dt.date(2023, 6, 1), ends_on=dt.date(2023, 6, 1), time_zone="Europe/Warsaw"
    )
    assert at(summer, summer.starts_on, 9) == dt.datetime(2023, 6, 1, 7, 0, tzinfo=dt.UTC)


def test_session_slugs_are_unique_per_event(event, cohost):
    first = new_session(event, cohost, title="Pitching session")
    second = new_session(event, cohost, title="Pitching session", start=(1, 10))
    elsewhere = SessionFactory(slug="pitching-session")
    assert (first.slug, second.slug) == ("pitching-session", "pitching-session-2")
    assert elsewhere.event != event
    services.update_session(first, actor=cohost, title="Pitching: finals")
    first.refresh_from_db()
    assert first.slug == "pitching-session"  # links keep working


def test_people_in_roles_known_and_new(event, cohost):
    known = PersonFactory(name="Jana Nováková")
    organisation = OrganisationFactory(name="Moravian-Silesian Aviation Cluster")
    session = new_session(
        event,
        cohost,
        title="Panel: aviation",
        kind=Session.Kind.PANEL,
        people=[
            ({"name": "Piotr Nowak", "organisation": organisation}, SessionRole.Role.MODERATOR),
            (known, SessionRole.Role.PANELLIST),
        ],
    )
    roles = list(session.roles.select_related("person__organisation").order_by("position"))
    assert [(r.person.name, r.role) for r in roles] == [
        ("Piotr Nowak", "moderator"),
        ("Jana Nováková", "panellist"),
    ]
    assert roles[0].person.organisation == organisation
    services.update_session(session, actor=cohost, people=[(known, SessionRole.Role.CHAIR)])
    assert [(r.person, r.role) for r in session.roles.all()] == [(known, "chair")]


def test_a_person_listed_twice_is_refused(event, cohost):
    person = PersonFactory()
    with pytest.raises(services.AgendaError) as refused:
        new_session(event, cohost, people=[(person, "speaker"), (person, "chair")])
    assert refused.value.error_dict["people"][0].code == "person_twice"
    assert not Session.objects.filter(event=event).exists()


def test_session_must_end_after_it_starts(event, cohost):
    starts = at(event, event.starts_on, 10)
    with pytest.raises(services.AgendaError) as refused:
        services.create_session(
            event, actor=cohost, title="Backwards", kind="keynote", starts_at=starts, ends_at=starts
        )
    assert refused.value.error_dict["ends_at"][0].code == "ends_before_start"


def test_room_of_another_event_is_refused(event, cohost):
    with pytest.raises(services.AgendaError) as refused:
        new_session(event, cohost, room=RoomFactory())
    assert refused.value.error_dict["room"][0].code == "room_elsewhere"


def test_room_names_are_unique_per_event(event, cohost):
    services.save_room(event, actor=cohost, name="Hall A")
    with pytest.raises(services.AgendaError) as refused:
        services.save_room(event, actor=cohost, name="hall a")
    assert refused.value.error_dict["name"][0].code == "room_taken"


def test_bad_recording_address_is_refused(event, cohost):
    session = new_session(event, cohost)
    with pytest.raises(services.AgendaError) as refused:
        services.update_session(session, actor=cohost, recording_url="javascript:alert(1)")
    assert refused.value.error_dict["recording_url"][0].code == "invalid_url"
    session.refresh_from_db()
    assert session.recording_url == ""


# Sessions within the event's days -------------------------------------------------------------


def test_a_session_outside_the_event_days_is_refused_unless_allowed(event, cohost):
    far = dt.datetime(9999, 1, 1, 9, tzinfo=dt.UTC)
    with pytest.raises(services.AgendaError) as refused:
        services.create_session(
            event,
            actor=cohost,
            title="Far",
            kind="keynote",
            starts_at=far,
            ends_at=far + dt.timedelta(hours=1),
        )
    assert refused.value.error_dict["starts_at"][0].code == "outside_event_days"
    before = at(event, event.starts_on - dt.timedelta(days=1), 18)
    with pytest.raises(services.AgendaError) as refused:
        services.create_session(
            event,
            actor=cohost,
            title="Eve",
            kind="networking",
            starts_at=before,
            ends_at=before + dt.timedelta(hours=1),
        )
    assert "starts_at" in refused.value.error_dict
    late = at(event, event.ends_on, 23)
    with pytest.raises(services.AgendaError) as refused:
        services.create_session(
            event,
            actor=cohost,
            title="Late",
            kind="networking",
            starts_at=late,
            ends_at=late + dt.timedelta(hours=2),
        )
    assert refused.value.error_dict["ends_at"][0].code == "outside_event_days"
    eve = services.create_session(
        event,
        actor=cohost,
        title="Eve",
        kind="networking",
        starts_at=before,
        ends_at=before + dt.timedelta(hours=1),
        outside_event_days=True,
    )
    assert eve.outside_event_days
    until_midnight = services.create_session(
        event,
        actor=cohost,
        title="Party",
        kind="networking",
        starts_at=late,
        ends_at=at(event, event.ends_on + dt.timedelta(days=1), 0),
    )
    assert not until_midnight.outside_event_days
    session = new_session(event, cohost, title="Keynote")
    with pytest.raises(services.AgendaError):
        services.update_session(
            session, actor=cohost, starts_at=far, ends_at=far + dt.timedelta(hours=1)
        )
