import datetime as dt

import pytest

from modus.events import selectors
from tests.events.agenda_support import new_session
from tests.factories import (
    PersonFactory,
    RoomFactory,
    SessionFactory,
    SessionRoleFactory,
)

pytestmark = pytest.mark.django_db


# Warnings -------------------------------------------------------------------------------------


def test_no_warnings_for_a_clean_agenda(event, cohost):
    hall = RoomFactory(event=event)
    person = PersonFactory()
    new_session(event, cohost, title="One", start=(0, 9), room=hall, people=[(person, "speaker")])
    new_session(event, cohost, title="Two", start=(0, 10), room=hall, people=[(person, "speaker")])
    assert selectors.agenda_warnings(event) == []


def test_warning_for_a_person_in_two_sessions_at_once(event, cohost):
    person = PersonFactory(name="Anna Kowalska")
    first = new_session(event, cohost, title="Keynote", people=[(person, "speaker")])
    second = new_session(
        event, cohost, title="Panel", kind="panel", hours=2, people=[(person, "panellist")]
    )
    warnings = selectors.agenda_warnings(event)
    assert [w.code for w in warnings] == ["person_clash"]
    assert "Anna Kowalska" in warnings[0].message
    assert {s.pk for s in warnings[0].sessions} == {first.pk, second.pk}


def test_warning_for_a_room_used_twice(event, cohost):
    hall = RoomFactory(event=event, name="Hall A")
    new_session(event, cohost, title="One", room=hall)
    new_session(event, cohost, title="Two", room=hall, start=(0, 9))
    other_room = RoomFactory(event=event)
    new_session(event, cohost, title="Three", room=other_room)
    warnings = selectors.agenda_warnings(event)
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
    warnings = selectors.agenda_warnings(event)
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
        selectors.agenda_warnings(event)
