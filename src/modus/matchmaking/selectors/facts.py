"""Plain facts about an event's B2B for the figures of other apps (results): one row per thing.

Cancelled meetings are included and marked, so a reader decides what counts; outcomes come
with their meeting.
"""

from collections import defaultdict

from django.db.models import Count

from modus.events.models import Event

from ..models import Meeting, MeetingOutcome, MeetingRequest, ScheduleVersion


def meeting_facts(event: Event) -> list[dict]:
    """Every meeting of the published schedule: id, cancelled or not, its sides' organisations
    (id and country) and profiles, and the outcomes each side recorded. Three queries."""
    meetings = {}
    rows = Meeting.objects.filter(
        version__event=event, version__status=ScheduleVersion.Status.PUBLISHED
    ).values_list(
        "id",
        "status",
        "participants__id",
        "participants__user_id",
        "participants__organisation_id",
        "participants__organisation__country_code",
    )
    for pk, status, profile_id, user_id, organisation_id, country in rows:
        fact = meetings.setdefault(
            pk,
            {
                "id": pk,
                "cancelled": status == Meeting.Status.CANCELLED,
                "sides": [],
                "outcomes": {},
            },
        )
        if profile_id is not None:
            fact["sides"].append(
                {
                    "profile": profile_id,
                    "user": user_id,
                    "organisation": organisation_id,
                    "country": country or "",
                }
            )
    outcomes = MeetingOutcome.objects.filter(meeting_id__in=list(meetings)).values_list(
        "meeting_id", "profile_id", "outcome"
    )
    for meeting_id, profile_id, outcome in outcomes:
        meetings[meeting_id]["outcomes"][profile_id] = outcome
    return list(meetings.values())


def request_counts(event: Event) -> dict[str, int]:
    """Meeting requests of the event by status (pending, accepted, declined...)."""
    counts = defaultdict(int)
    rows = MeetingRequest.objects.filter(event=event).order_by().values("status")
    for row in rows.annotate(n=Count("id")):
        counts[row["status"]] = row["n"]
    return dict(counts)
