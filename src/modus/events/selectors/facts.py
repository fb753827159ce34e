"""Plain facts about an event for the figures of other apps (results)."""

from django.db.models import Count, Q

from ..models import Event, Registration, Session, SessionRole


def registration_facts(event: Event) -> list[dict]:
    """One row per confirmed registration: checked in or not, and its organisation (id, kind,
    country, region code). One query."""
    rows = Registration.objects.filter(
        event=event, status=Registration.Status.CONFIRMED
    ).values_list(
        "user_id",
        "checked_in_at",
        "organisation_id",
        "organisation__kind",
        "organisation__country_code",
        "organisation__region_id",
    )
    return [
        {
            "user": user_id,
            "checked_in": checked_in is not None,
            "organisation": organisation_id,
            "kind": kind or "",
            "country": country or "",
            "region": region or "",
        }
        for user_id, checked_in, organisation_id, kind, country, region in rows
    ]


def agenda_counts(event: Event) -> dict[str, int]:
    """Sessions (breaks left out) and distinct speakers of the event. Two queries."""
    sessions = Session.objects.filter(event=event).aggregate(
        n=Count("id", filter=~Q(kind=Session.Kind.BREAK))
    )["n"]
    speakers = (
        SessionRole.objects.filter(session__event=event).values("person_id").distinct().count()
    )
    return {"sessions": sessions, "speakers": speakers}


def editions_of(programme) -> list[Event]:
    """A programme's editions that took place or are published (not drafts), oldest first,
    with host region and ecosystems."""
    return list(
        Event.objects.filter(programme=programme)
        .exclude(status=Event.Status.DRAFT)
        .select_related("region")
        .prefetch_related("ecosystems")
        .order_by("starts_on", "pk")
    )


def organisations_by_edition(programme) -> dict[int, set[int]]:
    """Per edition of the programme: the organisations with a confirmed registration. One query."""
    result: dict[int, set[int]] = {}
    rows = (
        Registration.objects.filter(
            event__programme=programme,
            status=Registration.Status.CONFIRMED,
            organisation__isnull=False,
        )
        .order_by()
        .values_list("event_id", "organisation_id")
        .distinct()
    )
    for event_id, organisation_id in rows:
        result.setdefault(event_id, set()).add(organisation_id)
    return result


def programme_id_of(event_id: int) -> int | None:
    return Event.objects.filter(pk=event_id).values_list("programme_id", flat=True).first()
