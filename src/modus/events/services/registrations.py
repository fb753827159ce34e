"""Registration for events: capacity, waiting list, cancellation, check-in.

Capacity holds under concurrency: ``register``, ``cancel_registration`` and a capacity change
lock the event's row (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite's IMMEDIATE transactions
serialise writers), so counting the confirmed places and writing happen as one step.

E-mails go out when the transaction commits, so nobody is told about a place that a rollback
took away again. Every change is written to the event's history, naming the registration by
its id only.
"""

from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from modus.activity.services import log_action
from modus.directory.services import create_organisation

from .. import actions, emails
from ..errors import RegistrationError, RegistrationPermissionError
from ..models import Event, Registration
from ..permissions import is_cohost
from ..selectors.registrations import confirmed_count

# A new organisation created while registering gets the kind that fits the participant's role.
ORGANISATION_KIND_FOR_ROLE = {
    Registration.ParticipantRole.CLUSTER_MANAGER: "cluster",
    Registration.ParticipantRole.COMPANY: "company",
    Registration.ParticipantRole.RESEARCHER: "research",
    Registration.ParticipantRole.POLICYMAKER: "authority",
    Registration.ParticipantRole.OTHER: "other",
}


def registration_is_open(event: Event) -> bool:
    """Whether people may register now: published, registration opened, not yet over."""
    return (
        event.status == Event.Status.PUBLISHED
        and event.registration_open
        and event.ends_on >= timezone.localdate()
    )


def _has_room(event: Event) -> bool:
    return event.capacity is None or confirmed_count(event) < event.capacity


def lock_event(event: Event) -> Event:
    """The event's row, locked until the surrounding transaction ends."""
    return Event.objects.select_for_update().get(pk=event.pk)


def _mail_on_commit(send, registration: Registration) -> None:
    transaction.on_commit(partial(send, registration))


def _log(registration: Registration, action: str, *, actor=None, **data) -> None:
    log_action(
        registration.event,
        action,
        actor=actor,
        data={"registration": registration.pk, **data},
    )


def register(
    *,
    event: Event,
    user,
    organisation=None,
    new_organisation_name: str | None = None,
    participant_role: str,
    consent_attendee_list: bool,
    consent_media: bool,
) -> Registration:
    """Register ``user`` for ``event``: confirmed while places are left, else waitlisted.

    The organisation is one from the directory, or a new one named ``new_organisation_name``
    that is created for the user (who becomes its admin). Someone who cancelled earlier
    registers again on the same row, at the end of the queue.
    """
    if not (user and user.is_authenticated and user.is_active):
        raise RegistrationPermissionError(_("Log in to register."), code="not_signed_in")
    if event.status == Event.Status.DRAFT:
        raise RegistrationError(_("This event is not public."), code="event_not_public")
    if participant_role not in Registration.ParticipantRole.values:
        raise RegistrationError(_("Choose your role."), code="invalid_role")
    with transaction.atomic():
        event = lock_event(event)
        if not registration_is_open(event):
            raise RegistrationError(
                _("Registration for this event is closed."), code="registration_closed"
            )
        registration = Registration.objects.filter(event=event, user=user).first()
        if registration and registration.status != Registration.Status.CANCELLED:
            raise RegistrationError(
                _("You are already registered for this event."), code="already_registered"
            )
        if organisation is None and new_organisation_name:
            organisation = create_organisation(
                name=new_organisation_name.strip(),
                kind=ORGANISATION_KIND_FOR_ROLE[participant_role],
                actor=user,
            )
        confirmed = _has_room(event)
        if registration is None:
            registration = Registration(event=event, user=user)
        else:
            registration.created_at = timezone.now()  # back of the queue
            registration.checked_in_at = None
        registration.organisation = organisation
        registration.participant_role = participant_role
        registration.consent_attendee_list = bool(consent_attendee_list)
        registration.consent_media = bool(consent_media)
        registration.status = (
            Registration.Status.CONFIRMED if confirmed else Registration.Status.WAITLISTED
        )
        registration.save()
        _log(registration, actions.REGISTERED if confirmed else actions.WAITLISTED, actor=user)
        _mail_on_commit(
            emails.send_confirmation if confirmed else emails.send_waitlisted, registration
        )
    return registration


def cancel_registration(registration: Registration, *, actor=None) -> Registration:
    """Cancel a registration; a freed place goes to the first person on the waiting list.

    ``actor=None`` is whoever holds the signed cancellation link (the view checked it), which
    was sent to the participant only; an actor must be the registered person or an organiser
    of the event.
    """
    if (
        actor is not None
        and actor != registration.user
        and not is_cohost(actor, registration.event)
    ):
        raise RegistrationPermissionError(
            _("Only the participant or the event's organisers may cancel this registration."),
            code="not_allowed",
        )
    with transaction.atomic():
        event = lock_event(registration.event)
        registration = Registration.objects.select_related("event", "user").get(pk=registration.pk)
        if registration.status == Registration.Status.CANCELLED:
            raise RegistrationError(
                _("This registration is already cancelled."), code="already_cancelled"
            )
        was_confirmed = registration.status == Registration.Status.CONFIRMED
        registration.status = Registration.Status.CANCELLED
        registration.save(update_fields=["status", "status_changed_at"])
        if actor is None:
            _log(registration, actions.CANCELLED, actor=registration.user, by_link=True)
        else:
            _log(registration, actions.CANCELLED, actor=actor)
        if was_confirmed:
            _promote(event)
    return registration


def promote_from_waiting_list(event: Event) -> list[Registration]:
    """Confirm people from the waiting list, first come first served, while places are free.

    Called when co-hosts change the capacity, inside their transaction: it locks the event's
    row, so nobody registering at the same moment gets ahead of the queue. Each promoted
    person is mailed when the transaction commits.
    """
    with transaction.atomic():
        return _promote(lock_event(event))


def _promote(event: Event) -> list[Registration]:
    """Inside a transaction that holds the event's lock."""
    promoted = []
    waiting = Registration.objects.filter(
        event=event, status=Registration.Status.WAITLISTED
    ).order_by("created_at", "pk")
    if event.capacity is not None:
        free = event.capacity - confirmed_count(event)
        if free <= 0:
            return []
        waiting = waiting[:free]
    for registration in waiting.select_related("event", "user"):
        registration.status = Registration.Status.CONFIRMED
        registration.save(update_fields=["status", "status_changed_at"])
        _log(registration, actions.PROMOTED)
        _mail_on_commit(emails.send_promoted, registration)
        promoted.append(registration)
    return promoted


def check_in(registration: Registration, *, actor) -> Registration:
    """Mark a confirmed participant as arrived. Only the event's organisers (and staff) may."""
    if not is_cohost(actor, registration.event):
        raise RegistrationPermissionError(
            _("Only the organisers of this event may check people in."),
            code="not_staff_of_event",
        )
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update(of=("self",))
            .select_related("event", "user", "organisation")
            .get(pk=registration.pk)
        )
        if registration.status != Registration.Status.CONFIRMED:
            raise RegistrationError(_("This registration is not confirmed."), code="not_confirmed")
        if registration.checked_in_at is not None:
            raise RegistrationError(
                _("Already checked in at %(time)s.")
                % {"time": timezone.localtime(registration.checked_in_at).strftime("%H:%M")},
                code="already_checked_in",
            )
        registration.checked_in_at = timezone.now()
        registration.save(update_fields=["checked_in_at"])
        _log(registration, actions.CHECKED_IN, actor=actor)
    return registration
