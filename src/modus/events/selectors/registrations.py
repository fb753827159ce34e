"""Reads of registration: the participant's own, the organisers' lists and counts, the
waiting list, and the registration a signed code names."""

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from ..errors import RegistrationError
from ..models import Event, Registration
from ..tokens import cancellation_pk, check_in_signature_matches, parse_check_in_code


def registration_of(event: Event, user) -> Registration | None:
    """The user's registration for this event (in any status), with its organisation."""
    return (
        Registration.objects.select_related("organisation").filter(event=event, user=user).first()
    )


def _waiting_ahead():
    """How many waitlisted registrations of the same event came before this one."""
    Status = Registration.Status
    return Coalesce(
        Subquery(
            Registration.objects.filter(event_id=OuterRef("event_id"), status=Status.WAITLISTED)
            .filter(
                Q(created_at__lt=OuterRef("created_at"))
                | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk"))
            )
            .order_by()
            .values("event_id")
            .annotate(ahead=Count("pk"))
            .values("ahead"),
            output_field=IntegerField(),
        ),
        Value(0),
    )


def registrations_of_user(user, *, today=None):
    """The user's confirmed and waitlisted registrations for public events that have not ended,
    soonest first, each with ``waiting_position`` (1 = next in line; 0 when confirmed). One
    query."""
    today = today or timezone.localdate()
    return (
        Registration.objects.filter(
            user=user,
            status__in=(Registration.Status.CONFIRMED, Registration.Status.WAITLISTED),
            event__status__in=(Event.Status.PUBLISHED, Event.Status.POSTPONED),
            event__ends_on__gte=today,
        )
        .select_related("event")
        .annotate(waiting_ahead=_waiting_ahead())
        .order_by("event__starts_on", "event__pk")
    )


def participants(event, *, status=None):
    """The event's registrations with person and organisation, in registration order."""
    registrations = Registration.objects.filter(event=event).select_related("user", "organisation")
    if status:
        registrations = registrations.filter(status=status)
    return registrations.order_by("created_at", "pk")


def participant_counts(event) -> dict:
    """How many are confirmed, waitlisted, cancelled and checked in (one query)."""
    Status = Registration.Status
    return Registration.objects.filter(event=event).aggregate(
        confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=Status.WAITLISTED)),
        cancelled=Count("pk", filter=Q(status=Status.CANCELLED)),
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
    )


def search_confirmed(event, query: str, *, limit=20):
    """Confirmed participants whose name or e-mail contains ``query`` (check-in by name)."""
    return participants(event, status=Registration.Status.CONFIRMED).filter(
        Q(user__full_name__icontains=query) | Q(user__email__icontains=query)
    )[:limit]


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


def registration_for_cancellation_token(token: str) -> Registration:
    """The registration a cancellation token names; ``bad_token`` or ``expired_token`` else."""
    pk = cancellation_pk(token)
    registration = (
        Registration.objects.select_related("event", "user").filter(pk=pk).first()
        if isinstance(pk, int)
        else None
    )
    if registration is None:
        raise RegistrationError(_("This registration no longer exists."), code="bad_token")
    return registration


def registration_for_check_in_code(code: str, *, event: Event | None = None) -> Registration:
    """The registration a check-in code names (of ``event``, when given); ``bad_code`` else."""
    pk, signature = parse_check_in_code(code)
    registration = (
        Registration.objects.select_related("event", "user", "organisation").filter(pk=pk).first()
    )
    if registration is None or not check_in_signature_matches(registration, signature):
        raise RegistrationError(_("This check-in code is not valid."), code="bad_code")
    if event is not None and registration.event_id != event.pk:
        raise RegistrationError(
            _("This check-in code belongs to another event."), code="other_event"
        )
    return registration
