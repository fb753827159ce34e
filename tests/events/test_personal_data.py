"""What the events app exports and erases of a person."""

import datetime as dt

import pytest
from django.utils import timezone

from modus.accounts.personal_data import Erasure
from modus.events import personal_data
from modus.events.models import Event, Registration
from tests.factories import SessionRoleFactory, UserFactory

from .registration_support import CONFIRMED, WAITLISTED, open_event, sign_up

pytestmark = pytest.mark.django_db


def test_registrations_are_exported():
    user = UserFactory()
    event = open_event()
    sign_up(event, user)
    (row,) = personal_data.export_registrations(user)
    assert row["event"] == event.slug and row["status"] == CONFIRMED
    assert row["consent_attendee_list"] is True


def test_a_place_ahead_goes_to_the_waiting_list():
    event = open_event(capacity=1)
    user, waiting = UserFactory(), UserFactory()
    sign_up(event, user)
    assert sign_up(event, waiting).status == WAITLISTED
    personal_data.erase_registrations(Erasure(user))
    assert list(Registration.objects.filter(event=event).values_list("user", "status")) == [
        (waiting.pk, CONFIRMED)
    ]


def test_a_registration_for_an_edition_that_has_begun_stays_anonymous_and_unlisted():
    event = open_event(
        starts_on=timezone.localdate() - dt.timedelta(days=3),
        ends_on=timezone.localdate() - dt.timedelta(days=2),
    )
    user = UserFactory()
    registration = Registration.objects.create(
        event=event,
        user=user,
        status=CONFIRMED,
        participant_role=Registration.ParticipantRole.CLUSTER_MANAGER,
        consent_attendee_list=True,
        consent_media=True,
    )
    erasure = Erasure(user)
    personal_data.erase_registrations(erasure)
    registration.refresh_from_db()
    assert registration.user == erasure.former()
    assert registration.status == CONFIRMED  # still counted
    assert not registration.consent_attendee_list and not registration.consent_media


def test_the_cached_agendas_that_name_a_speaker_are_renewed():
    user = UserFactory(full_name="Zofia Mówczyni")
    role = SessionRoleFactory(person__user=user, person__name=user.full_name)
    event = role.session.event
    before = Event.objects.get(pk=event.pk).agenda_version
    assert personal_data.export_session_roles(user)[0]["session"] == role.session.slug
    personal_data.refresh_agendas(Erasure(user))
    assert Event.objects.get(pk=event.pk).agenda_version == before + 1
