"""Helpers of the tests of registration: an open event and a quick sign-up."""

from modus.events import services
from modus.events.models import Registration
from tests.factories import EventFactory, OrganisationFactory, UserFactory

CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED
CANCELLED = Registration.Status.CANCELLED


def open_event(**fields):
    return EventFactory(registration_open=True, **fields)


def sign_up(event, user=None, **fields):
    values = {
        "event": event,
        "user": user or UserFactory(),
        "organisation": fields.pop("organisation", None) or OrganisationFactory(),
        "participant_role": Registration.ParticipantRole.CLUSTER_MANAGER,
        "consent_attendee_list": True,
        "consent_media": False,
    }
    values.update(fields)
    return services.register(**values)
