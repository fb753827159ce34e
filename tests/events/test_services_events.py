import datetime as dt

import pytest

from modus.activity.selectors import actions_on
from modus.events import actions, services
from modus.events.models import Event, Registration
from tests.events.registration_support import CONFIRMED, WAITLISTED, open_event, sign_up
from tests.factories import (
    ArticleFactory,
    EcosystemFactory,
    EventOrganiserFactory,
    MembershipFactory,
    PriorityFactory,
    RegionFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


# Events created and updated by the programme office ----------------------------------------------


def test_event_cannot_end_before_it_starts():
    with pytest.raises(services.EventError) as error:
        services.save_event(
            slug="bad", name="Bad", starts_on=dt.date(2022, 11, 8), ends_on=dt.date(2022, 11, 7)
        )
    assert error.value.code == "ends_before_start"


def test_save_event_updates_the_same_slug():
    services.save_event(
        slug="e", name="One", starts_on=dt.date(2022, 1, 1), ends_on=dt.date(2022, 1, 2)
    )
    event = services.save_event(
        slug="e", name="Two", starts_on=dt.date(2022, 1, 1), ends_on=dt.date(2022, 1, 2)
    )
    assert event.name == "Two"


# Details changed by co-hosts --------------------------------------------------------------------


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
    services.update_event(event, actor=cohost, report=article)
    assert list(article.reported_events.all()) == [event]
    event.refresh_from_db()
    assert event.report == article


def test_only_cohosts_change_the_details(event):
    with pytest.raises(services.NotCohost):
        services.update_event(event, actor=UserFactory(), description="Taken over")
    event.refresh_from_db()
    assert event.description != "Taken over"
    assert not actions_on(event).exists()


# The history of the details ----------------------------------------------------------------------


def test_changed_details_are_logged_old_and_new(event, cohost):
    ecosystem = EcosystemFactory()
    article = ArticleFactory()
    event.description = "Two days."
    event.languages = ["en"]
    event.save()
    services.update_event(
        event,
        actor=cohost,
        description="Two days in Katowice.",
        starts_on=event.starts_on,  # unchanged: not logged
        ends_on=dt.date(2022, 11, 9),
        ecosystems=[ecosystem],
        report=article,
        languages=["pl", "en"],
    )
    (entry,) = actions_on(event)
    assert (entry.action, entry.actor) == (actions.EVENT_CHANGED, cohost)
    assert entry.data == {
        "description": ["Two days.", "Two days in Katowice."],
        "ends_on": ["2022-11-08", "2022-11-09"],
        "ecosystems": [[], [ecosystem.pk]],
        "report": [None, article.pk],
        "languages": [["en"], ["pl", "en"]],
    }
    assert entry.note == "description, ends_on, report, languages, ecosystems"


def test_saving_unchanged_details_logs_nothing(event, cohost):
    services.update_event(event, actor=cohost, description=event.description)
    assert not actions_on(event).exists()


def test_a_capacity_change_has_an_entry_of_its_own(event, cohost):
    event.capacity = 80
    event.save()
    services.update_event(event, actor=cohost, capacity=120, status_notice="Bigger hall.")
    services.update_event(event, actor=cohost, capacity=None)
    entries = [(e.action, e.note, e.data) for e in actions_on(event).order_by("pk")]
    assert entries == [
        (actions.EVENT_CHANGED, "status_notice", {"status_notice": ["", "Bigger hall."]}),
        (actions.CAPACITY_CHANGED, "80 → 120", {"capacity": [80, 120]}),
        (actions.CAPACITY_CHANGED, "120 → –", {"capacity": [120, None]}),
    ]


# Capacity and the waiting list -------------------------------------------------------------------


def cohost_of(event):
    organiser = EventOrganiserFactory(event=event)
    return MembershipFactory(organisation=organiser.organisation).user


def test_a_raised_capacity_promotes_the_first_people_on_the_waiting_list(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = open_event(capacity=1)
    sign_up(event)
    waiting = [sign_up(event) for _ in range(3)]
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.update_event(event, actor=cohost_of(event), capacity=3)
    statuses = [Registration.objects.get(pk=r.pk).status for r in waiting]
    assert statuses == [CONFIRMED, CONFIRMED, WAITLISTED]
    assert [m.to for m in mailoutbox] == [[waiting[0].user.email], [waiting[1].user.email]]
    promoted = actions_on(event).filter(action=actions.PROMOTED).order_by("pk")
    assert [e.data["registration"] for e in promoted] == [waiting[0].pk, waiting[1].pk]
    assert {e.actor for e in promoted} == {None}


def test_no_limit_promotes_everybody_and_a_lower_capacity_nobody():
    event = open_event(capacity=2)
    cohost = cohost_of(event)
    sign_up(event)
    sign_up(event)
    waiting = [sign_up(event) for _ in range(2)]
    services.update_event(event, actor=cohost, capacity=1)
    assert {Registration.objects.get(pk=r.pk).status for r in waiting} == {WAITLISTED}
    services.update_event(event, actor=cohost, capacity=None)
    assert {Registration.objects.get(pk=r.pk).status for r in waiting} == {CONFIRMED}


def test_moving_the_dates_can_move_the_sessions_by_as_many_days(event, cohost):
    """Katowice 2022 moved to 2027: its agenda moves along (same local time, across summer
    time), or, when not asked to, stays where it was."""
    zone = event.zone
    nine = dt.datetime(2022, 11, 7, 9, 0, tzinfo=zone)
    session = SessionFactory(event=event, starts_at=nine, ends_at=nine + dt.timedelta(hours=1))
    services.update_event(
        event, actor=cohost, starts_on=dt.date(2022, 11, 14), ends_on=dt.date(2022, 11, 15)
    )
    session.refresh_from_db()
    assert session.starts_at == nine  # not asked: the session stays
    services.update_event(
        event,
        actor=cohost,
        move_sessions=True,
        starts_on=dt.date(2027, 5, 10),
        ends_on=dt.date(2027, 5, 11),
    )
    session.refresh_from_db()
    local = session.starts_at.astimezone(zone)
    assert (local.date(), local.time()) == (dt.date(2027, 5, 3), dt.time(9, 0))  # summer time
    assert session.ends_at - session.starts_at == dt.timedelta(hours=1)
