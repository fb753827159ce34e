"""Session, speaker and personal-agenda pages; marking sessions."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from modus.events.models import AgendaMark, Event, Material
from tests.factories import (
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    RoomFactory,
    SessionFactory,
    SessionRoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def at(day, hour, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=dt.UTC)


@pytest.fixture
def session():
    event = EventFactory(
        slug="katowice",
        starts_on=dt.date(2030, 1, 14),
        ends_on=dt.date(2030, 1, 15),
        time_zone="Europe/Warsaw",
    )
    return SessionFactory(
        event=event,
        slug="pitching",
        title="Pitching session",
        kind="pitching",
        abstract="Ten start-ups, three minutes each.",
        topics=["space", "drones"],
        room=RoomFactory(event=event, name="Hall A"),
        starts_at=at(event.starts_on, 8),
        ends_at=at(event.starts_on, 9, 30),
    )


def session_url(session):
    return reverse(
        "events:session", kwargs={"slug": session.event.slug, "session_slug": session.slug}
    )


def mark_url(session):
    return reverse(
        "events:session-mark", kwargs={"slug": session.event.slug, "session_slug": session.slug}
    )


# Session page ----------------------------------------------------------------------------------


def test_session_page_shows_time_in_zone_room_people_and_materials(client, session):
    person = PersonFactory(name="Jan Kowalski", organisation=OrganisationFactory(name="PCA"))
    SessionRoleFactory(session=session, person=person, role="chair")
    Material.objects.create(
        session=session, title="Slides of the pitches", file=ContentFile(b"%PDF-1.4", "p.pdf")
    )
    response = client.get(session_url(session))
    html = response.content.decode()
    assert response.status_code == 200
    for expected in [
        "Pitching session",
        "Pitching",
        ">Monday, 14 January 2030, 09:00</time>",
        ">10:30</time>",
        "Hall A",
        "Ten start-ups",
        "drones",
        "Jan Kowalski",
        "Chair",
        reverse("events:speaker", kwargs={"person_slug": person.slug}),
        "Slides of the pitches",
        "/media/materials/",
        reverse(
            "events:session-ics", kwargs={"slug": session.event.slug, "session_slug": session.slug}
        ),
    ]:
        assert expected in html, expected


def test_session_of_a_draft_event_is_a_404(client, session):
    Event.objects.filter(pk=session.event.pk).update(status=Event.Status.DRAFT)
    assert client.get(session_url(session)).status_code == 404


def test_unknown_session_is_a_404(client, session):
    url = reverse("events:session", kwargs={"slug": session.event.slug, "session_slug": "nope"})
    assert client.get(url).status_code == 404


def test_youtube_recording_is_not_embedded_before_a_click(client, session):
    session.recording_url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    session.save()
    html = client.get(session_url(session)).content.decode()
    assert "<iframe" not in html
    assert 'data-embed-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in html
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html
    assert "Load the video from YouTube" in html
    assert "<script>" not in html


def test_other_recordings_are_plain_links(client, session):
    session.recording_url = "https://media.example.org/pitching.mp4"
    session.save()
    html = client.get(session_url(session)).content.decode()
    assert 'href="https://media.example.org/pitching.mp4"' in html
    assert "data-embed-src" not in html


# Marking sessions ------------------------------------------------------------------------------


def test_anonymous_visitors_are_asked_to_log_in(client, session):
    html = client.get(session_url(session)).content.decode()
    assert "Log in to add this session to your agenda" in html
    response = client.post(mark_url(session))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
    assert not AgendaMark.objects.exists()


def test_marking_toggles_the_session_on_the_users_agenda(client, session):
    user = UserFactory()
    client.force_login(user)
    assert "Add to my agenda" in client.get(session_url(session)).content.decode()
    response = client.post(mark_url(session), follow=True)
    assert AgendaMark.objects.filter(user=user, session=session).exists()
    assert "Remove from my agenda" in response.content.decode()
    client.post(mark_url(session))
    assert not AgendaMark.objects.exists()


def test_mark_needs_post(client, session):
    client.force_login(UserFactory())
    assert client.get(mark_url(session)).status_code == 405


def test_mark_redirects_only_to_this_site(client, session):
    client.force_login(UserFactory())
    response = client.post(mark_url(session), {"next": "https://evil.example/"})
    assert response["Location"] == session_url(session)


def test_sessions_of_draft_events_cannot_be_marked_over_the_web(client, session):
    Event.objects.filter(pk=session.event.pk).update(status=Event.Status.DRAFT)
    client.force_login(UserFactory())
    assert client.post(mark_url(session)).status_code == 404
    assert not AgendaMark.objects.exists()


# Speaker page ----------------------------------------------------------------------------------


def speaker_url(person):
    return reverse("events:speaker", kwargs={"person_slug": person.slug})


def test_speaker_page_lists_sessions_across_events(client, session):
    person = PersonFactory(
        name="Jana Nováková", organisation=OrganisationFactory(name="Aviation Cluster")
    )
    SessionRoleFactory(session=session, person=person)
    later = SessionFactory(title="Panel in Lyon", event__name="Clusters meet Regions: Lyon")
    SessionRoleFactory(session=later, person=person, role="panellist")
    hidden = SessionFactory(title="Secret draft talk", event__status=Event.Status.DRAFT)
    SessionRoleFactory(session=hidden, person=person)
    html = client.get(speaker_url(person)).content.decode()
    for expected in [
        "Jana Nováková",
        "Aviation Cluster",
        "Pitching session",
        "Panel in Lyon",
        "Clusters meet Regions: Lyon",
        "Panellist",
        "09:00",
    ]:
        assert expected in html, expected
    assert "Secret draft talk" not in html


def test_private_person_without_public_sessions_is_a_404(client):
    person = PersonFactory(public=False)
    SessionRoleFactory(person=person, session__event__status=Event.Status.DRAFT)
    assert client.get(speaker_url(person)).status_code == 404


def test_private_person_speaking_in_a_public_event_is_shown_without_bio(client, session):
    person = PersonFactory(public=False, name="Quiet Speaker", bio="Private biography")
    SessionRoleFactory(session=session, person=person)
    html = client.get(speaker_url(person)).content.decode()
    assert "Quiet Speaker" in html
    assert "Private biography" not in html


@pytest.mark.parametrize("count", [1, 3])
def test_speaker_page_query_count(client, django_assert_num_queries, count):
    person = PersonFactory(organisation=OrganisationFactory())
    for _ in range(count):
        SessionRoleFactory(person=person, session__room=RoomFactory())
    with django_assert_num_queries(2):
        response = client.get(speaker_url(person))
    assert response.status_code == 200
    assert len(response.context["events"]) == count


# My agenda -------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 3])
def test_session_page_query_count(client, session, django_assert_num_queries, count):
    for n in range(count):
        SessionRoleFactory(
            session=session, person=PersonFactory(organisation=OrganisationFactory())
        )
        Material.objects.create(
            session=session, title=f"Slides {n}", file=ContentFile(b"x", "s.pdf")
        )
    # session with event and room, people, materials; this is a pitching session, so also the
    # pitches its call selected (the running order)
    with django_assert_num_queries(4):
        response = client.get(session_url(session))
    assert response.status_code == 200
