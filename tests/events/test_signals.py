"""The agenda tells the apps above events which sessions it is about to show."""

import datetime as dt

import pytest

from modus.events import selectors
from modus.events.models import Session
from modus.events.signals import agenda_sessions_loaded
from tests.factories import EventFactory, RoomFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def received():
    calls = []

    def receiver(sender, sessions, **kwargs):
        calls.append((sender, [session.pk for session in sessions]))
        for session in sessions:
            session.seen_by_receiver = True

    agenda_sessions_loaded.connect(receiver, dispatch_uid="tests.events.received")
    yield calls
    agenda_sessions_loaded.disconnect(dispatch_uid="tests.events.received")


def test_the_agenda_sends_the_sessions_it_shows(received):
    event = EventFactory(starts_on=dt.date(2030, 1, 14), ends_on=dt.date(2030, 1, 14))
    hall = RoomFactory(event=event)
    shown = SessionFactory(event=event, room=hall)
    SessionFactory(event=event)  # in no room: filtered out
    agenda = selectors.event_agenda(event, room=hall.pk)
    assert received == [(Session, [shown.pk])]
    assert agenda.days[0].sessions[0].seen_by_receiver


def test_a_session_page_sends_its_session(received):
    session = SessionFactory()
    shown = selectors.public_session(session.event.slug, session.slug)
    assert received == [(Session, [session.pk])]
    assert shown.seen_by_receiver
