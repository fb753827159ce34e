"""Personal agendas: marked and spoken sessions and published meetings."""

import datetime as dt

import icalendar
import pytest
from django.urls import reverse

from modus.events.models import AgendaMark
from modus.matchmaking import selectors
from modus.matchmaking.models import (
    ScheduleVersion,
)
from tests.factories import (
    PersonFactory,
    SessionFactory,
    SessionRoleFactory,
)

from .support import make_version

pytestmark = pytest.mark.django_db


def _url(name, event):
    return reverse(f"matchmaking:{name}", kwargs={"slug": event.slug})


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
    result = selectors.personal_agenda(event, alice.user)
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
    assert selectors.personal_agenda(event, alice.user).items == []
    client.force_login(alice.user)
    html = client.get(_url("agenda", event)).content.decode()
    assert "Bořivoj" not in html
    calendar = icalendar.Calendar.from_ical(client.get(_url("agenda-ics", event)).content)
    assert calendar.walk("VEVENT") == []
