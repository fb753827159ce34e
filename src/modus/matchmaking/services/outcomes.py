"""After the event: each side of a meeting records what came of it.

Only the two sides of a scheduled meeting of the published schedule may record, once the meeting
has begun. An outcome stays with its meeting for good: publications move meetings, never
outcomes. The organisers' totals are a read (``selectors.outcome_totals``).
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Meeting, MeetingOutcome, ScheduleVersion
from .errors import MatchmakingError, MatchmakingPermissionError


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
    if meeting.status == Meeting.Status.CANCELLED:
        raise MatchmakingError(
            _("This meeting was cancelled."), field="outcome", code="meeting_cancelled"
        )
    if outcome not in MeetingOutcome.Outcome.values:
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
