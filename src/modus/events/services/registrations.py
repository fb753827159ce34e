"""Registration for events: capacity, waiting list, cancellation, check-in and their tokens.

Capacity holds under concurrency: ``register`` and ``cancel_registration`` lock the event's row
(``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite's IMMEDIATE transactions serialise writers), so
counting the confirmed places and writing the new registration happen as one step.

E-mails go out after the transaction has finished, so nobody is told about a place that a
rollback took away again.
"""

from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from ..models import Event, Registration
from ..permissions import is_cohost

CANCEL_SALT = "modus.events.registration.cancel"
CHECK_IN_SALT = "modus.events.registration.check-in"
# A cancellation link keeps working for a year; the event is long over by then.
CANCEL_TOKEN_MAX_AGE = 366 * 24 * 3600
CHECK_IN_SIGNATURE_LENGTH = 12

# A new organisation created while registering gets the kind that fits the participant's role.
ORGANISATION_KIND_FOR_ROLE = {
    Registration.ParticipantRole.CLUSTER_MANAGER: "cluster",
    Registration.ParticipantRole.COMPANY: "company",
    Registration.ParticipantRole.RESEARCHER: "research",
    Registration.ParticipantRole.POLICYMAKER: "authority",
    Registration.ParticipantRole.OTHER: "other",
}


class RegistrationError(ValidationError):
    """A registration rule was broken; ``code`` says which."""


class RegistrationPermissionError(RegistrationError, PermissionDenied):
    """The acting user may not do this (``not_staff_of_event``, ``not_signed_in``, ...)."""


# Reads the rules need ----------------------------------------------------------------------


def registration_is_open(event: Event) -> bool:
    """Whether people may register now: published, registration opened, not yet over."""
    return (
        event.status == Event.Status.PUBLISHED
        and event.registration_open
        and event.ends_on >= timezone.localdate()
    )


def confirmed_count(event: Event) -> int:
    return Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED).count()


def waiting_list_position(registration: Registration) -> int | None:
    """1 for the first person on the waiting list; None when not waitlisted."""
    if registration.status != Registration.Status.WAITLISTED:
        return None
    ahead = Registration.objects.filter(
        event_id=registration.event_id, status=Registration.Status.WAITLISTED
    ).filter(
        Q(created_at__lt=registration.created_at)
        | Q(created_at=registration.created_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def _has_room(event: Event) -> bool:
    return event.capacity is None or confirmed_count(event) < event.capacity


def _lock(event: Event) -> Event:
    """The event's row, locked until the surrounding transaction ends."""
    return Event.objects.select_for_update().get(pk=event.pk)


# Writes ------------------------------------------------------------------------------------


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
    from modus.directory.services import create_organisation

    if not (user and user.is_authenticated and user.is_active):
        raise RegistrationPermissionError(_("Log in to register."), code="not_signed_in")
    if event.status == Event.Status.DRAFT:
        raise RegistrationError(_("This event is not public."), code="event_not_public")
    if participant_role not in Registration.ParticipantRole.values:
        raise RegistrationError(_("Choose your role."), code="invalid_role")
    with transaction.atomic():
        event = _lock(event)
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
        status = (
            Registration.Status.CONFIRMED if _has_room(event) else Registration.Status.WAITLISTED
        )
        if registration is None:
            registration = Registration(event=event, user=user)
        else:
            registration.created_at = timezone.now()  # back of the queue
            registration.checked_in_at = None
        registration.organisation = organisation
        registration.participant_role = participant_role
        registration.consent_attendee_list = bool(consent_attendee_list)
        registration.consent_media = bool(consent_media)
        registration.status = status
        registration.save()
    from .. import emails

    if status == Registration.Status.CONFIRMED:
        emails.send_confirmation(registration)
    else:
        emails.send_waitlisted(registration)
    return registration


def cancel_registration(registration: Registration, *, actor=None) -> Registration:
    """Cancel a registration; a freed place goes to the first person on the waiting list.

    ``actor=None`` is whoever holds the signed cancellation link (the view checked it); an
    actor must be the registered person or an organiser of the event.
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
        event = _lock(registration.event)
        registration = Registration.objects.select_related("event", "user").get(pk=registration.pk)
        if registration.status == Registration.Status.CANCELLED:
            raise RegistrationError(
                _("This registration is already cancelled."), code="already_cancelled"
            )
        was_confirmed = registration.status == Registration.Status.CONFIRMED
        registration.status = Registration.Status.CANCELLED
        registration.save(update_fields=["status", "status_changed_at"])
        promoted = _promote(event) if was_confirmed else []
    _send_promotions(promoted)
    return registration


def promote_from_waiting_list(event: Event) -> list[Registration]:
    """Confirm people from the waiting list, first come first served, while places are free.

    Called on every cancellation; also after an organiser raises the capacity.
    """
    with transaction.atomic():
        promoted = _promote(_lock(event))
    _send_promotions(promoted)
    return promoted


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
        promoted.append(registration)
    return promoted


def _send_promotions(promoted) -> None:
    from .. import emails

    for registration in promoted:
        emails.send_promoted(registration)


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
    return registration


# Tokens ------------------------------------------------------------------------------------


def cancellation_token(registration: Registration) -> str:
    """The signed, timestamped token of the self-service cancellation link."""
    return signing.dumps(registration.pk, salt=CANCEL_SALT)


def registration_for_cancellation_token(token: str) -> Registration:
    """The registration a cancellation token names; ``bad_token`` or ``expired_token`` else."""
    try:
        pk = signing.loads(token, salt=CANCEL_SALT, max_age=CANCEL_TOKEN_MAX_AGE)
    except signing.SignatureExpired as error:
        raise RegistrationError(
            _("This cancellation link has expired."), code="expired_token"
        ) from error
    except signing.BadSignature as error:
        raise RegistrationError(_("This link is not valid."), code="bad_token") from error
    registration = (
        Registration.objects.select_related("event", "user").filter(pk=pk).first()
        if isinstance(pk, int)
        else None
    )
    if registration is None:
        raise RegistrationError(_("This registration no longer exists."), code="bad_token")
    return registration


def _check_in_signature(event_id: int, pk: int) -> str:
    value = f"{event_id}:{pk}"
    return salted_hmac(CHECK_IN_SALT, value, algorithm="sha256").hexdigest()[
        :CHECK_IN_SIGNATURE_LENGTH
    ]


def check_in_code(registration: Registration) -> str:
    """The short code the QR code carries: ``<id>-<12 hex digits signed for this event>``.

    Short enough to type on a phone when a camera cannot read the QR code.
    """
    return f"{registration.pk}-{_check_in_signature(registration.event_id, registration.pk)}"


def parse_check_in_code(code: str) -> tuple[int, str]:
    """(registration id, signature) from a code as typed or scanned; ``bad_code`` if malformed."""
    pk_text, _dash, signature = (code or "").strip().lower().partition("-")
    if not pk_text.isdigit() or len(signature) != CHECK_IN_SIGNATURE_LENGTH:
        raise RegistrationError(_("This is not a check-in code."), code="bad_code")
    return int(pk_text), signature


def registration_for_check_in_code(code: str, *, event: Event | None = None) -> Registration:
    """The registration a check-in code names (of ``event``, when given); ``bad_code`` else."""
    pk, signature = parse_check_in_code(code)
    registration = (
        Registration.objects.select_related("event", "user", "organisation").filter(pk=pk).first()
    )
    if registration is None or not constant_time_compare(
        signature, _check_in_signature(registration.event_id, pk)
    ):
        raise RegistrationError(_("This check-in code is not valid."), code="bad_code")
    if event is not None and registration.event_id != event.pk:
        raise RegistrationError(
            _("This check-in code belongs to another event."), code="other_event"
        )
    return registration
