import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser

from modus.events.models import AgendaMark, Event
from modus.events.services import EventError, toggle_agenda_mark
from tests.factories import EventFactory, SessionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def session():
    return SessionFactory(
        event=EventFactory(starts_on=dt.date(2030, 1, 14), ends_on=dt.date(2030, 1, 15))
    )


def test_marking_twice_takes_the_session_off_again(session):
    user = UserFactory()
    assert toggle_agenda_mark(user=user, session=session) is True
    assert AgendaMark.objects.filter(user=user, session=session).exists()
    assert toggle_agenda_mark(user=user, session=session) is False
    assert not AgendaMark.objects.exists()


def test_anonymous_visitors_cannot_mark(session):
    with pytest.raises(EventError) as error:
        toggle_agenda_mark(user=AnonymousUser(), session=session)
    assert error.value.code == "not_logged_in"


def test_sessions_of_cancelled_events_cannot_be_marked(session):
    Event.objects.filter(pk=session.event.pk).update(status=Event.Status.CANCELLED)
    session.event.refresh_from_db()
    with pytest.raises(EventError) as error:
        toggle_agenda_mark(user=UserFactory(), session=session)
    assert error.value.code == "not_markable"
