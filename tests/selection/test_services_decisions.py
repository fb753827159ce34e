"""Accepting and rejecting applications."""

import datetime as dt

import pytest
from django.core import mail

from modus.events.models import EventOrganiser
from modus.selection import services
from modus.selection.services.errors import NotAllowed
from modus.selection.services.history import Action
from tests.factories import EventFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_accepting_creates_the_draft_event_with_the_applicant_as_cohost(host_call, submitted):
    services.accept_application(submitted, actor=host_call.office, reasons="Strong proposal")
    submitted.refresh_from_db()
    event = submitted.created_event
    assert event.status == "draft"
    assert event.region_id == "PL22"
    # Named like the programme's other editions; the proposed days stay the application's
    # until the co-hosts set the event's dates.
    assert event.name == "Clusters meet Regions: Katowice"
    assert (event.starts_on, event.ends_on) == (None, None) and event.days == []
    assert submitted.proposed_starts_on == dt.date(2027, 11, 7)
    assert event.time_zone == "Europe/Warsaw"
    assert [e.key for e in event.ecosystems.all()] == ["energy"]
    assert event.organiser_roles.get(organisation=submitted.organisation).role == (
        EventOrganiser.Role.COHOST
    )
    entry = submitted.action_log.get(action=Action.ACCEPTED)
    assert (entry.actor, entry.note) == (host_call.office, "Strong proposal")


def test_rejecting_needs_reasons_and_sends_them(host_call, submitted, mailoutbox):
    with pytest.raises(services.SelectionError):
        services.reject_application(submitted, actor=host_call.office, reasons=" ")
    services.reject_application(submitted, actor=host_call.office, reasons="Dates clash")
    assert "Dates clash" in mail.outbox[-1].body


def test_only_the_office_decides(host_call, submitted):
    with pytest.raises(NotAllowed):
        services.accept_application(submitted, actor=UserFactory())


def test_the_draft_is_named_like_the_programmes_other_editions(host_call, submitted):
    EventFactory(
        programme=host_call.programme,
        name="CmR 2026 edition in Vaasa",
        city="Vaasa",
        starts_on=dt.date(2026, 9, 24),
        ends_on=dt.date(2026, 9, 25),
    )
    services.accept_application(submitted, actor=host_call.office)
    submitted.refresh_from_db()
    assert submitted.created_event.name == "CmR 2026 edition in Katowice"
