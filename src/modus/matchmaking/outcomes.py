"""After the event: each side of a meeting records what came of it; organisers see the totals.

Only the two sides of a meeting of the published schedule may record, once the meeting has begun.
A meeting's outcome in the totals is the furthest either side recorded (a joint project counts
over a follow-up), so every meeting is counted once.
"""

from collections import Counter

from django.utils import timezone
from django.utils.translation import gettext as _

from modus.events.models import Event

from . import selectors
from .models import MarketplaceProfile, Meeting, MeetingOutcome, ScheduleVersion
from .services import MatchmakingError, MatchmakingPermissionError, _require_cohost

ORDER = [choice.value for choice in MeetingOutcome.Outcome]
NOT_RECORDED = "not_recorded"


def record_outcome(meeting: Meeting, *, actor, outcome: str) -> MeetingOutcome:
    """One side of a published meeting records its outcome (again, to change it)."""
    profile = None
    if actor and actor.is_authenticated:
        profile = meeting.participants.filter(user=actor).first()
    if profile is None:
        raise MatchmakingPermissionError(
            _("Only the two sides of a meeting can record its outcome."), code="not_yours"
        )
    if meeting.version.status != ScheduleVersion.Status.PUBLISHED:
        raise MatchmakingPermissionError(
            _("This meeting is not in the published schedule."), code="not_published"
        )
    if outcome not in ORDER:
        raise MatchmakingError(_("Unknown outcome."), field="outcome", code="unknown_outcome")
    if meeting.starts_at > timezone.now():
        raise MatchmakingError(
            _("An outcome can be recorded once the meeting has taken place."),
            field="outcome",
            code="too_early",
        )
    record, _created = MeetingOutcome.objects.update_or_create(
        meeting=meeting, profile=profile, defaults={"outcome": outcome}
    )
    return record


def outcomes_by_meeting(profile: MarketplaceProfile, meeting_ids) -> dict[int, str]:
    """The outcomes this participant recorded, by meeting id."""
    records = MeetingOutcome.objects.filter(profile=profile, meeting_id__in=list(meeting_ids))
    return dict(records.values_list("meeting_id", "outcome"))


def totals(event: Event, *, actor) -> list[dict]:
    """Organisers: per outcome, how many meetings of the published schedule reached it."""
    _require_cohost(actor, event)
    version = selectors.published_version(event)
    if version is None:
        return []
    furthest = {}
    for meeting_id, outcome in MeetingOutcome.objects.filter(meeting__version=version).values_list(
        "meeting_id", "outcome"
    ):
        if ORDER.index(outcome) >= ORDER.index(furthest.get(meeting_id, ORDER[0])):
            furthest[meeting_id] = outcome
    counts = Counter(furthest.values())
    meeting_count = version.meetings.count()
    rows = [
        {"outcome": value, "label": label, "count": counts.get(value, 0)}
        for value, label in MeetingOutcome.Outcome.choices
    ]
    rows.append(
        {
            "outcome": NOT_RECORDED,
            "label": _("Not recorded yet"),
            "count": meeting_count - len(furthest),
        }
    )
    return rows
