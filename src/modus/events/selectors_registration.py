"""Reads of registration that the participant and organiser pages share."""

from django.db.models import Count, Q

from .models import Registration


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
