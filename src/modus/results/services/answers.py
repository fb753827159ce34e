"""What people answer through their links: feedback right after the event, the follow-up later.

Each answer spends the link it came with (the invitation's ``version`` goes up under a row
lock), so a replayed or second submission of the same link changes nothing. Answers may be
changed, with the fresh link the answer page gives, until the follow-up closes.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from modus.matchmaking import selectors as matchmaking

from ..cooperation import promising_meetings
from ..errors import FeedbackError, LinkError
from ..models import EventAnswer, FollowUpAnswer, Invitation, MeetingRating, Rating, Stage


def _spend(invitation, version: int, now) -> Invitation:
    locked = Invitation.objects.select_for_update().select_related("event", "user")
    locked = locked.get(pk=invitation.pk)
    if locked.version != version:
        raise LinkError(_("This link has been used already."), code="used_link")
    if locked.closes_at <= now:
        raise LinkError(_("The follow-up is closed: answers can no longer change."), code="closed")
    locked.version += 1
    locked.answered_at = now
    locked.save(update_fields=["version", "answered_at"])
    return locked


def _check_meetings(given, allowed) -> None:
    if set(given) - set(allowed):
        raise FeedbackError(_("This is not one of your meetings."), code="not_your_meeting")


def save_feedback(
    invitation,
    *,
    version: int,
    ratings: dict[int, str],
    usefulness: int,
    would_return: bool,
    comment: str = "",
    now=None,
) -> Invitation:
    """A rating per meeting (blank: none) and the answers on the event. Returns the invitation
    with its new version (for the next link)."""
    now = now or timezone.now()
    if invitation.kind != Invitation.Kind.FEEDBACK:
        raise LinkError(_("This link is not valid."), code="bad_link")
    if any(r and r not in Rating.values for r in ratings.values()):
        raise FeedbackError(_("Choose one of the ratings."), code="bad_rating")
    with transaction.atomic():
        invitation = _spend(invitation, version, now)
        user, event = invitation.user, invitation.event
        mine = [m.pk for m in matchmaking.meetings_at_event(user, event)]
        _check_meetings(ratings, mine)
        for meeting_id, rating in ratings.items():
            if rating:
                MeetingRating.objects.update_or_create(
                    meeting_id=meeting_id, user=user, defaults={"rating": rating}
                )
            else:
                MeetingRating.objects.filter(meeting_id=meeting_id, user=user).delete()
        EventAnswer.objects.update_or_create(
            event=event,
            user=user,
            defaults={"usefulness": usefulness, "would_return": would_return, "comment": comment},
        )
    return invitation


def save_follow_up(
    invitation, *, version: int, answers: dict[int, tuple[str, str]], now=None
) -> Invitation:
    """A stage (blank: none) and an optional note per promising meeting of the person."""
    now = now or timezone.now()
    if invitation.kind != Invitation.Kind.FOLLOW_UP:
        raise LinkError(_("This link is not valid."), code="bad_link")
    if any(stage and stage not in Stage.values for stage, _note in answers.values()):
        raise FeedbackError(_("Choose one of the stages."), code="bad_stage")
    with transaction.atomic():
        invitation = _spend(invitation, version, now)
        user = invitation.user
        mine = [
            fact["id"]
            for fact in promising_meetings(invitation.event)
            if any(side["user"] == user.pk for side in fact["sides"])
        ]
        _check_meetings(answers, mine)
        for meeting_id, (stage, note) in answers.items():
            if stage:
                FollowUpAnswer.objects.update_or_create(
                    meeting_id=meeting_id, user=user, defaults={"stage": stage, "note": note}
                )
            else:
                FollowUpAnswer.objects.filter(meeting_id=meeting_id, user=user).delete()
    return invitation
