"""The public event list, and the event page: header, agenda by day in the event's zone,
filters, cache, queries."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from modus.events.models import Event, Registration, Session
from modus.events.services import bump_agenda_version
from tests.factories import (
    ArticleFactory,
    EcosystemFactory,
    EventFactory,
    EventOrganiserFactory,
    OrganisationFactory,
    PersonFactory,
    RegistrationFactory,
    RoomFactory,
    SessionFactory,
    SessionRoleFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def at(day, hour, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=dt.UTC)


@pytest.fixture
def winter_event():
    return EventFactory(
        slug="katowice",
        name="Clusters meet Regions: Katowice",
        starts_on=dt.date(2030, 11, 7),
        ends_on=dt.date(2030, 11, 8),
        time_zone="Europe/Warsaw",
    )


def test_session_times_are_shown_in_the_events_zone(client, winter_event):
    SessionFactory(
        event=winter_event,
        title="Opening",
        starts_at=at(winter_event.starts_on, 8),
        ends_at=at(winter_event.starts_on, 8, 30),
    )
    html = client.get(winter_event.get_absolute_url()).content.decode()
    assert ">09:00</time>–<time" in html
    assert ">09:30</time>" in html
    assert ">08:00</time>" not in html
    assert "Europe/Warsaw" in html


def test_agenda_is_grouped_by_local_day(client, winter_event):
    # 23:30 UTC on the first day is already 00:30 on the second day in Warsaw.
    SessionFactory(event=winter_event, title="Late", starts_at=at(winter_event.starts_on, 23, 30))
    SessionFactory(event=winter_event, title="Early", starts_at=at(winter_event.starts_on, 8))
    response = client.get(winter_event.get_absolute_url())
    html = response.content.decode()
    assert 'id="day-2030-11-07"' in html
    assert 'id="day-2030-11-08"' in html
    assert html.index("Early") < html.index('id="day-2030-11-08"') < html.index("Late")


def test_header_shows_venue_region_organisers_focus_and_links(client, winter_event):
    venue = VenueFactory(
        name="International Congress Centre",
        address="Plac Sławika i Antonińskiego 1",
        latitude="50.264900",
        longitude="19.025300",
    )
    other = EventFactory(name="8th Polish Cluster Congress")
    report = ArticleFactory(title="Katowice: what happened")
    ecosystem = EcosystemFactory(key="aerospace-defence", label="Aerospace & defence")
    Event.objects.filter(pk=winter_event.pk).update(
        venue=venue,
        co_located_with=other,
        report=report,
        languages=["en", "pl"],
        capacity=150,
        registration_open=True,
    )
    winter_event.ecosystems.add(ecosystem)
    EventOrganiserFactory(event=winter_event, organisation__name="Polish Cluster Association")
    html = client.get(winter_event.get_absolute_url()).content.decode()
    for expected in [
        "International Congress Centre",
        "Plac Sławika i Antonińskiego 1",
        "50.264900, 19.025300",
        "8th Polish Cluster Congress",
        other.get_absolute_url(),
        "Katowice: what happened",
        report.get_absolute_url(),
        "English, Polish",
        "150 places",
        "Aerospace &amp; defence",
        "Polish Cluster Association",
        "Co-host",
        reverse("events:register", kwargs={"slug": winter_event.slug}),
        reverse("events:event-ics", kwargs={"slug": winter_event.slug}),
        reverse("events:schedule-xml", kwargs={"slug": winter_event.slug}),
        reverse("events:schedule-json", kwargs={"slug": winter_event.slug}),
    ]:
        assert expected in html, expected
    assert "openstreetmap" not in html.lower()


def test_no_register_link_when_registration_is_closed(client, winter_event):
    html = client.get(winter_event.get_absolute_url()).content.decode()
    assert reverse("events:register", kwargs={"slug": winter_event.slug}) not in html


def test_unpublished_report_and_draft_co_located_event_are_not_shown(client, winter_event):
    report = ArticleFactory(title="Secret draft report", status="draft")
    draft = EventFactory(name="Draft congress", status=Event.Status.DRAFT)
    Event.objects.filter(pk=winter_event.pk).update(report=report, co_located_with=draft)
    html = client.get(winter_event.get_absolute_url()).content.decode()
    assert "Secret draft report" not in html
    assert "Draft congress" not in html


def test_postponed_event_shows_its_notice(client):
    event = EventFactory(status=Event.Status.POSTPONED, status_notice="Moved to spring.")
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Postponed" in html
    assert "Moved to spring." in html


def test_draft_event_is_a_404(client):
    event = EventFactory(status=Event.Status.DRAFT)
    assert client.get(event.get_absolute_url()).status_code == 404


def test_agenda_filters_by_room_and_kind_without_javascript(client, winter_event):
    hall, lab = (
        RoomFactory(event=winter_event, name="Hall A"),
        RoomFactory(event=winter_event, name="Lab B"),
    )
    SessionFactory(event=winter_event, title="Keynote in hall", room=hall)
    SessionFactory(event=winter_event, title="Panel in hall", room=hall, kind=Session.Kind.PANEL)
    SessionFactory(event=winter_event, title="Panel in lab", room=lab, kind=Session.Kind.PANEL)
    url = winter_event.get_absolute_url()

    html = client.get(url, {"room": hall.pk}).content.decode()
    assert "Keynote in hall" in html and "Panel in hall" in html
    assert "Panel in lab" not in html
    assert "2 of 3 sessions" in html

    html = client.get(url, {"kind": "panel"}).content.decode()
    assert "Panel in hall" in html and "Panel in lab" in html
    assert "Keynote in hall" not in html

    html = client.get(url, {"room": lab.pk, "kind": "panel"}).content.decode()
    assert "Panel in lab" in html and "Panel in hall" not in html
    assert f'<option value="{lab.pk}" selected>Lab B</option>' in html


def test_bad_filter_values_are_ignored_with_a_message(client, winter_event):
    SessionFactory(event=winter_event, title="Still shown")
    response = client.get(winter_event.get_absolute_url(), {"room": "x", "kind": "nonsense"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Still shown" in html
    assert "errorlist" in html


def test_another_events_room_shows_nothing(client, winter_event):
    other_room = RoomFactory(name="Elsewhere")
    SessionFactory(event=winter_event, title="Here")
    html = client.get(winter_event.get_absolute_url(), {"room": other_room.pk}).content.decode()
    assert "Here</a>" not in html
    assert "No session matches this filter." in html


def test_people_with_roles_and_organisations_link_to_speaker_pages(client, winter_event):
    organisation = OrganisationFactory(name="Moravian-Silesian Aviation Cluster")
    person = PersonFactory(name="Jana Nováková", organisation=organisation)
    SessionRoleFactory(session__event=winter_event, person=person, role="moderator")
    html = client.get(winter_event.get_absolute_url()).content.decode()
    assert "Jana Nováková" in html
    assert "Moderator, Moravian-Silesian Aviation Cluster" in html
    assert reverse("events:speaker", kwargs={"person_slug": person.slug}) in html


def test_agenda_is_cached_until_the_agenda_changes(client, winter_event, django_assert_num_queries):
    SessionFactory(event=winter_event, title="First version")
    url = winter_event.get_absolute_url()
    client.get(url)
    Session.objects.filter(event=winter_event).update(title="Changed quietly")
    # Cached: only the event itself is read; the old fragment is served.
    with django_assert_num_queries(1):
        html = client.get(url).content.decode()
    assert "First version" in html
    bump_agenda_version(winter_event)
    assert "Changed quietly" in client.get(url).content.decode()


def test_saving_the_event_refreshes_its_page(client, winter_event):
    url = winter_event.get_absolute_url()
    client.get(url)
    winter_event.status = Event.Status.POSTPONED
    winter_event.status_notice = "Moved to spring."
    winter_event.save()
    assert "Moved to spring." in client.get(url).content.decode()


def test_cache_is_per_language_and_filter(client, winter_event):
    SessionFactory(event=winter_event, title="Panel", kind=Session.Kind.PANEL)
    SessionFactory(event=winter_event, title="Talk")
    url = winter_event.get_absolute_url()
    assert "Talk</a>" in client.get(url).content.decode()
    assert "Talk</a>" not in client.get(url, {"kind": "panel"}).content.decode()
    client.cookies["django_language"] = "pl"
    html = client.get(url).content.decode()
    assert 'lang="pl"' in html
    assert "<dt>Termin</dt>" in html
    assert "<dt>Dates</dt>" not in html


def make_agenda(event, sessions, speakers):
    rooms = [RoomFactory(event=event, position=n) for n in range(2)]
    people = [
        PersonFactory(organisation=OrganisationFactory()) for _ in range(min(speakers, sessions))
    ]
    for n in range(sessions):
        day = event.starts_on + dt.timedelta(days=n % 2)
        session = SessionFactory(
            event=event,
            room=rooms[n % 2],
            starts_at=at(day, 7 + n % 10),
            ends_at=at(day, 8 + n % 10),
        )
        SessionRoleFactory(session=session, person=people[n % len(people)])
        if speakers > sessions or n % 3 == 0:
            SessionRoleFactory(
                session=session,
                person=PersonFactory(organisation=OrganisationFactory()),
                role="moderator",
            )


@pytest.mark.parametrize(("sessions", "speakers"), [(3, 3), (60, 40)])
def test_event_page_query_count_is_constant(
    client, winter_event, django_assert_num_queries, sessions, speakers
):
    make_agenda(winter_event, sessions, speakers)
    # the event (twice: its stamp, then with its venue, region...), organisers, ecosystems,
    # priorities; then sessions and their people.
    with django_assert_num_queries(7):
        response = client.get(winter_event.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count('class="card agenda-item') == sessions


# The event list and the event's header ----------------------------------------------------------


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


def test_a_registered_person_sees_you_are_registered_not_register(client):
    event = EventFactory(registration_open=True, capacity=1)
    register = reverse("events:register", kwargs={"slug": event.slug})
    mine = reverse("events:my-registration", kwargs={"slug": event.slug})
    html = client.get(event.get_absolute_url()).content.decode()
    assert register in html and "You are registered" not in html
    first = RegistrationFactory(event=event)
    client.force_login(first.user)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "You are registered" in html and mine in html and register not in html
    waiting = RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    client.force_login(waiting.user)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "You are number 1 on the waiting list." in html and register not in html
    Registration.objects.filter(pk=first.pk).update(status=Registration.Status.CANCELLED)
    client.force_login(first.user)  # a cancelled registration may register again
    html = client.get(event.get_absolute_url()).content.decode()
    assert register in html and "You are registered" not in html
