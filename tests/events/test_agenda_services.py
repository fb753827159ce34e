import datetime as dt
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from modus.accounts.models import Membership
from modus.events import services
from modus.events.models import Event, Material, Session, SessionRole
from modus.events.services.agenda import event_datetime
from tests.factories import (
    ArticleFactory,
    EcosystemFactory,
    EventFactory,
    EventOrganiserFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    PriorityFactory,
    RegionFactory,
    RoomFactory,
    SessionFactory,
    SessionRoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

KATOWICE = {
    "starts_on": dt.date(2022, 11, 7),
    "ends_on": dt.date(2022, 11, 8),
    "time_zone": "Europe/Warsaw",
}


@pytest.fixture
def event():
    return EventFactory(name="Clusters meet Regions: Katowice", **KATOWICE)


@pytest.fixture
def cohost(event):
    organiser = EventOrganiserFactory(event=event)
    membership = MembershipFactory(organisation=organiser.organisation, role=Membership.Role.MEMBER)
    return membership.user


def at(event, day, hour, minute=0):
    return event_datetime(event, day, dt.time(hour, minute))


def new_session(event, cohost, title="Opening", start=(0, 9), hours=1, **fields):
    day, hour = event.days[start[0]], start[1]
    starts = at(event, day, hour)
    return services.create_session(
        event,
        actor=cohost,
        title=title,
        kind=fields.pop("kind", Session.Kind.KEYNOTE),
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=hours),
        **fields,
    )


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
    services.set_recording_url(session, "https://www.youtube.com/watch?v=abc", actor=cohost)
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
        services.set_recording_url(session, "javascript:alert(1)", actor=cohost)
    assert refused.value.code == "invalid_url"


# Event details --------------------------------------------------------------------------------


def test_update_event_details(event, cohost):
    region = RegionFactory(code="PL22")
    event.region = region
    event.save()
    priority = PriorityFactory(region=region)
    ecosystem = EcosystemFactory()
    services.update_event(
        event,
        actor=cohost,
        description="Two days in Katowice.",
        capacity=200,
        languages=["en", "pl"],
        ecosystems=[ecosystem],
        priorities=[priority],
        status=Event.Status.POSTPONED,
        status_notice="Moved by a week.",
    )
    event.refresh_from_db()
    assert event.capacity == 200 and event.languages == ["en", "pl"]
    assert list(event.priorities.all()) == [priority]
    with pytest.raises(services.AgendaError) as refused:
        services.update_event(event, actor=cohost, priorities=[PriorityFactory()])
    assert refused.value.error_dict["priorities"][0].code == "priority_elsewhere"
    with pytest.raises(services.AgendaError) as refused:
        services.update_event(event, actor=cohost, ends_on=dt.date(2022, 11, 1))
    assert refused.value.error_dict["ends_on"][0].code == "ends_before_start"


def test_report_is_linked_both_ways(event, cohost):
    article = ArticleFactory(title="How Katowice went")
    services.link_report(event, article, actor=cohost)
    assert list(article.reported_events.all()) == [event]
    event.refresh_from_db()
    assert event.report == article


# Warnings -------------------------------------------------------------------------------------


def test_no_warnings_for_a_clean_agenda(event, cohost):
    hall = RoomFactory(event=event)
    person = PersonFactory()
    new_session(event, cohost, title="One", start=(0, 9), room=hall, people=[(person, "speaker")])
    new_session(event, cohost, title="Two", start=(0, 10), room=hall, people=[(person, "speaker")])
    assert services.agenda_warnings(event) == []


def test_warning_for_a_person_in_two_sessions_at_once(event, cohost):
    person = PersonFactory(name="Anna Kowalska")
    first = new_session(event, cohost, title="Keynote", people=[(person, "speaker")])
    second = new_session(
        event, cohost, title="Panel", kind="panel", hours=2, people=[(person, "panellist")]
    )
    warnings = services.agenda_warnings(event)
    assert [w.code for w in warnings] == ["person_clash"]
    assert "Anna Kowalska" in warnings[0].message
    assert {s.pk for s in warnings[0].sessions} == {first.pk, second.pk}


def test_warning_for_a_room_used_twice(event, cohost):
    hall = RoomFactory(event=event, name="Hall A")
    new_session(event, cohost, title="One", room=hall)
    new_session(event, cohost, title="Two", room=hall, start=(0, 9))
    other_room = RoomFactory(event=event)
    new_session(event, cohost, title="Three", room=other_room)
    warnings = services.agenda_warnings(event)
    assert [w.code for w in warnings] == ["room_clash"]
    assert "Hall A" in warnings[0].message


def test_warning_for_a_session_outside_the_dates_in_local_time(event, cohost):
    # 23:30 UTC on 8 November is already 9 November in Warsaw: outside the event.
    late = dt.datetime(2022, 11, 8, 23, 30, tzinfo=dt.UTC)
    SessionFactory(event=event, title="Late", starts_at=late, ends_at=late + dt.timedelta(hours=1))
    # 23:30 UTC on 6 November is 0:30 on 7 November in Warsaw: inside.
    early = dt.datetime(2022, 11, 6, 23, 30, tzinfo=dt.UTC)
    SessionFactory(
        event=event, title="Early", starts_at=early, ends_at=early + dt.timedelta(hours=1)
    )
    warnings = services.agenda_warnings(event)
    assert [(w.code, w.sessions[0].title) for w in warnings] == [("outside_dates", "Late")]


def test_warnings_do_not_block_saving(event, cohost):
    person = PersonFactory()
    new_session(event, cohost, title="A", people=[(person, "speaker")])
    new_session(event, cohost, title="B", people=[(person, "speaker")])
    assert event.sessions.count() == 2
    assert SessionRoleFactory._meta.model.objects.filter(person=person).count() == 2


@pytest.mark.parametrize("count", [1, 3])
def test_warnings_take_a_constant_number_of_queries(event, django_assert_num_queries, count):
    for _ in range(count):
        SessionRoleFactory(session=SessionFactory(event=event, room=RoomFactory(event=event)))
    with django_assert_num_queries(3):
        services.agenda_warnings(event)


# Materials ------------------------------------------------------------------------------------


def office_file(name="slides.pptx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", "<p/>")
    return SimpleUploadedFile(name, buffer.getvalue())


def open_document(name="slides.odp"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.presentation")
        archive.writestr("content.xml", "<office/>")
    return SimpleUploadedFile(name, buffer.getvalue())


def pdf_file(name="slides.pdf", size=None):
    content = b"%PDF-1.7\n" + b"0" * ((size or 100) - 9)
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.mark.parametrize("upload", [pdf_file, office_file, open_document])
def test_material_types_that_are_accepted(event, cohost, upload):
    session = new_session(event, cohost)
    material = services.add_material(session, actor=cohost, upload=upload(), title="Slides")
    assert material.file.read(2) in (b"%P", b"PK")
    assert session.materials.count() == 1


def test_renamed_program_is_refused(event, cohost):
    session = new_session(event, cohost)
    program = SimpleUploadedFile("slides.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200)
    with pytest.raises(services.AgendaError) as refused:
        services.add_material(session, actor=cohost, upload=program)
    assert refused.value.code == "file_type"
    assert "PDF" in refused.value.messages[0]
    assert not Material.objects.exists()


def test_content_and_name_must_agree(event, cohost):
    session = new_session(event, cohost)
    with pytest.raises(services.AgendaError) as refused:
        services.add_material(session, actor=cohost, upload=pdf_file("slides.docx"))
    assert refused.value.code == "file_type"
    plain_zip = io.BytesIO()
    with zipfile.ZipFile(plain_zip, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(services.AgendaError):
        services.add_material(
            session, actor=cohost, upload=SimpleUploadedFile("a.pptx", plain_zip.getvalue())
        )


def test_too_large_file_is_refused(event, cohost, settings):
    settings.MODUS_MAX_MATERIAL_BYTES = 1000
    session = new_session(event, cohost)
    with pytest.raises(services.AgendaError) as refused:
        services.add_material(session, actor=cohost, upload=pdf_file(size=1001))
    assert refused.value.code == "file_too_large"
    assert "1000" in refused.value.messages[0]


def test_empty_file_is_refused(event, cohost):
    session = new_session(event, cohost)
    with pytest.raises(services.AgendaError) as refused:
        services.add_material(session, actor=cohost, upload=SimpleUploadedFile("a.pdf", b""))
    assert refused.value.code == "file_empty"
    assert refused.value.messages == ["The file is empty."]


def test_stranger_may_not_add_material(event, cohost):
    session = new_session(event, cohost)
    with pytest.raises(services.NotCohost):
        services.add_material(session, actor=UserFactory(), upload=pdf_file())
