import datetime as dt
import re

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from modus.events.models import AgendaMark
from modus.matchmaking import agenda
from modus.matchmaking.models import Meeting, ScheduleVersion
from tests.factories import (
    MarketplaceProfileFactory,
    PersonFactory,
    SessionFactory,
    SessionRoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _url(name, event):
    return reverse(f"matchmaking:{name}", kwargs={"slug": event.slug})


def make_version(event, pairs, *, status=ScheduleVersion.Status.PUBLISHED, start_hour=8):
    """A schedule version with one meeting per pair, half an hour apart (times in UTC)."""
    version = ScheduleVersion.objects.create(
        event=event,
        status=status,
        published_at=timezone.now() if status == ScheduleVersion.Status.PUBLISHED else None,
        instance={
            "participants": [
                {"id": f"p{pk}"} for pk in sorted({p.pk for pair in pairs for p in pair})
            ]
        },
    )
    day = dt.datetime.combine(event.starts_on, dt.time(start_hour), tzinfo=dt.UTC)
    for n, pair in enumerate(pairs):
        meeting = Meeting.objects.create(
            version=version,
            slot_id=f"s{n}",
            starts_at=day + dt.timedelta(minutes=30 * n),
            ends_at=day + dt.timedelta(minutes=30 * n + 30),
            table=n + 1,
        )
        meeting.participants.set(pair)
    return version


@pytest.fixture
def alice(event):
    return MarketplaceProfileFactory(
        event=event, user__full_name="Alicja Łukasiewicz", organisation__name="Śląski Klaster"
    )


@pytest.fixture
def bob(event):
    return MarketplaceProfileFactory(
        event=event, user__full_name="Bořivoj Dvořák", organisation__name="Moravský klastr"
    )


def test_agenda_merges_marked_sessions_spoken_sessions_and_published_meetings(event, alice, bob):
    marked = SessionFactory(event=event, title="Opening")
    AgendaMark.objects.create(user=alice.user, session=marked)
    spoken = SessionFactory(
        event=event,
        title="Hydrogen panel",
        starts_at=dt.datetime.combine(event.ends_on, dt.time(10), tzinfo=dt.UTC),
        ends_at=dt.datetime.combine(event.ends_on, dt.time(11), tzinfo=dt.UTC),
    )
    SessionRoleFactory(session=spoken, person=PersonFactory(user=alice.user))
    SessionFactory(event=event, title="Not chosen")
    make_version(event, [(alice, bob)])
    result = agenda.personal_agenda(event, alice.user)
    assert [item.title for item in result.items] == [
        "Meeting with Bořivoj Dvořák",
        "Opening",
        "Hydrogen panel",
    ]
    meeting = result.meetings[0]
    assert meeting.table == 1 and meeting.location == "Table 1"
    assert meeting.others == [bob]
    assert [day for day, _items in result.days] == [event.starts_on, event.ends_on]
    # Shown in the event's zone (Brussels: UTC+1 in winter, +2 in summer).
    local = meeting.starts_at
    assert local.utcoffset() == event.zone.utcoffset(local.replace(tzinfo=None))


def test_unpublished_and_superseded_meetings_never_appear(client, event, alice, bob):
    make_version(event, [(alice, bob)], status=ScheduleVersion.Status.DRAFT)
    make_version(event, [(alice, bob)], status=ScheduleVersion.Status.SUPERSEDED)
    assert agenda.personal_agenda(event, alice.user).items == []
    client.force_login(alice.user)
    html = client.get(_url("agenda", event)).content.decode()
    assert "Bořivoj" not in html
    calendar = icalendar.Calendar.from_ical(client.get(_url("agenda-ics", event)).content)
    assert calendar.walk("VEVENT") == []


def test_agenda_page_shows_table_other_side_and_organisation(client, event, alice, bob):
    make_version(event, [(alice, bob)])
    client.force_login(alice.user)
    response = client.get(_url("agenda", event))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Table 1" in html
    assert "Bořivoj Dvořák" in html
    assert bob.organisation.get_absolute_url() in html
    assert reverse("matchmaking:profile", kwargs={"slug": event.slug, "pk": bob.pk}) in html


def test_virtual_meetings_show_the_video_link(client, event, mm_settings, alice, bob):
    mm_settings.virtual = True
    mm_settings.tables = None
    mm_settings.video_link = "https://video.example.org/room"
    mm_settings.save()
    version = make_version(event, [(alice, bob)])
    version.meetings.update(table=None)
    client.force_login(bob.user)
    assert "https://video.example.org/room" in client.get(_url("agenda", event)).content.decode()


def test_nobody_sees_another_participants_agenda(client, event, alice, bob):
    carol = MarketplaceProfileFactory(event=event, user__full_name="Carol Outsider")
    make_version(event, [(alice, bob)])
    client.force_login(carol.user)
    for name in ("agenda", "agenda-ics", "agenda-pdf"):
        body = client.get(_url(name, event)).content
        assert b"Dvo" not in body and b"ukasiewicz" not in body, name
    client.force_login(UserFactory())
    for name in ("agenda", "agenda-ics", "agenda-pdf", "agendas-pdf", "outcomes"):
        assert client.get(_url(name, event)).status_code == 403, name
    client.logout()
    for name in ("agenda", "agenda-ics", "agenda-pdf", "agendas-pdf", "outcomes"):
        response = client.get(_url(name, event))
        assert response.status_code == 302 and "login" in response.url


def test_participants_do_not_get_the_organisers_printout(client, event, alice, bob):
    make_version(event, [(alice, bob)])
    client.force_login(alice.user)
    assert client.get(_url("agendas-pdf", event)).status_code == 403
    assert client.get(_url("outcomes", event)).status_code == 403


def test_ics_has_one_vevent_per_item_with_stable_uids(client, event, alice, bob):
    session = SessionFactory(event=event, title="Opening")
    AgendaMark.objects.create(user=alice.user, session=session)
    make_version(event, [(alice, bob)])
    client.force_login(alice.user)
    response = client.get(_url("agenda-ics", event))
    assert response["Content-Type"].startswith("text/calendar")
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert sorted(str(e["SUMMARY"]) for e in events) == ["Meeting with Bořivoj Dvořák", "Opening"]
    uids = {str(e["UID"]) for e in events}
    assert any(uid.startswith(f"session-{session.pk}@") for uid in uids)
    meeting = next(e for e in events if str(e["UID"]).startswith("meeting-"))
    assert str(meeting["LOCATION"]) == "Table 1"
    assert "Moravský klastr" in str(meeting["DESCRIPTION"])
    # A re-published schedule (new meeting rows) keeps the meeting's UID.
    make_version(event, [(alice, bob)], start_hour=9)
    again = icalendar.Calendar.from_ical(client.get(_url("agenda-ics", event)).content)
    assert {str(e["UID"]) for e in again.walk("VEVENT")} == uids


@pytest.mark.parametrize("count", [1, 3])
def test_agenda_page_query_count(client, event, alice, django_assert_num_queries, count):
    others = [MarketplaceProfileFactory(event=event) for _ in range(count)]
    make_version(event, [(alice, other) for other in others])
    for _n in range(count):
        AgendaMark.objects.create(user=alice.user, session=SessionFactory(event=event))
    client.force_login(alice.user)
    client.get(_url("agenda", event))
    with django_assert_num_queries(12):
        response = client.get(_url("agenda", event))
    html = response.content.decode()
    assert len(re.findall(r'class="card mm-agenda-item"', html)) == 2 * count


def test_event_page_links_participants_and_organisers_to_matchmaking(
    client, event, alice, cohost, mm_settings
):
    url = event.get_absolute_url()
    marketplace = _url("marketplace", event)
    assert marketplace not in client.get(url).content.decode()
    client.force_login(alice.user)
    assert marketplace in client.get(url).content.decode()
    client.force_login(cohost)
    assert _url("schedule", event) in client.get(url).content.decode()
    client.force_login(UserFactory())
    assert marketplace not in client.get(url).content.decode()
    mm_settings.enabled = False
    mm_settings.save()
    client.force_login(alice.user)
    assert marketplace not in client.get(url).content.decode()


def test_my_meetings_and_schedule_pages_link_the_agendas(client, event, alice, bob, cohost):
    make_version(event, [(alice, bob)])
    client.force_login(alice.user)
    html = client.get(_url("meetings", event)).content.decode()
    assert _url("agenda-ics", event) in html and _url("agenda-pdf", event) in html
    client.force_login(cohost)
    assert _url("agendas-pdf", event) in client.get(_url("schedule", event)).content.decode()
