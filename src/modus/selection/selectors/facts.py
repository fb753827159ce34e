"""Plain facts about calls for the figures of other apps (results)."""

from django.db.models import Count, Q

from ..models import Application, AudienceVote, Call

DECIDED = (Application.Status.ACCEPTED, Application.Status.REJECTED)
SENT = (Application.Status.SUBMITTED, *DECIDED)


def pitch_facts(event) -> dict[str, int]:
    """The event's calls for pitches: pitches submitted, selected, and audience votes cast."""
    counts = Application.objects.filter(call__session__event=event).aggregate(
        submitted=Count("id", filter=Q(status__in=SENT)),
        selected=Count("id", filter=Q(status=Application.Status.ACCEPTED)),
    )
    counts["votes"] = AudienceVote.objects.filter(call__session__event=event).count()
    return counts


def call_facts(programme) -> list[dict]:
    """The programme's host calls: per cut-off, applications sent, decided and accepted."""
    rows = (
        Application.objects.filter(call__programme=programme, call__purpose=Call.Purpose.HOST)
        .exclude(status__in=(Application.Status.DRAFT, Application.Status.WITHDRAWN))
        .order_by()
        .values("call__title", "cut_off__deadline", "cut_off__label")
        .annotate(
            sent=Count("id"),
            accepted=Count("id", filter=Q(status=Application.Status.ACCEPTED)),
            decided=Count("id", filter=Q(status__in=DECIDED)),
        )
        .order_by("call__title", "cut_off__deadline")
    )
    return [
        {
            "call": row["call__title"],
            "cut_off": row["cut_off__label"]
            or (row["cut_off__deadline"].date().isoformat() if row["cut_off__deadline"] else ""),
            "sent": row["sent"],
            "accepted": row["accepted"],
            "decided": row["decided"],
        }
        for row in rows
    ]
