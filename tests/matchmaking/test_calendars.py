"""A personal agenda as iCalendar."""

import icalendar
import pytest
from django.urls import reverse

from modus.events.models import AgendaMark
from tests.factories import SessionFactory

from .support import at_a_venue, make_version

pytestmark = pytest.mark.django_db


def _url(name, event):
    return reverse(f"matchmaking:{name}", kwargs={"slug": event.slug})


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


def test_the_meetings_location_gives_table_hall_and_venue(client, event, alice, bob):
    at_a_venue(event, make_version(event, [(alice, bob)]).meetings.get())
    client.force_login(alice.user)
    [vevent] = icalendar.Calendar.from_ical(client.get(_url("agenda-ics", event)).content).walk(
        "VEVENT"
    )
    assert str(vevent["LOCATION"]) == (
        "Table 1, Hall: Hall B, Congress Centre, Plac Sławika 1, Katowice"
    )
