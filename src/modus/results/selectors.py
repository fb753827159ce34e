"""Reads of results: the stored figures a page shows (computed the first time if missing), the
invitation a link opens, the meetings its form asks about, and the response rates."""

from django.db.models import Count, Max, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from modus.events import selectors as events
from modus.matchmaking import selectors as matchmaking
from modus.programmes.models import Programme

from . import services
from .cooperation import outcome_stage, promising_meetings
from .errors import LinkError
from .models import EventAnswer, FollowUpAnswer, Invitation, MeetingRating, ResultSnapshot
from .tokens import read_token


def public_edition_or_404(slug: str):
    return get_object_or_404(
        events.public_events().select_related("programme", "region"), slug=slug
    )


def programme_or_404(slug: str) -> Programme:
    return get_object_or_404(Programme, slug=slug)


def _snapshots(lazy: bool):
    """``lazy``: the figures are read only when used (a page whose body is cached needs only
    when they were computed)."""
    return ResultSnapshot.objects.defer("figures") if lazy else ResultSnapshot.objects.all()


def edition_snapshot(event, *, lazy=False) -> ResultSnapshot:
    return _snapshots(lazy).filter(event=event).first() or services.recompute_edition(event)


def programme_snapshot(programme, *, lazy=False) -> ResultSnapshot:
    return _snapshots(lazy).filter(programme=programme).first() or services.recompute_programme(
        programme
    )


def invitation_for_link(kind: str, token: str, *, now=None) -> Invitation:
    """The invitation a link opens, if it may still answer: ``bad_link`` (tampered, unknown),
    ``expired_link``, ``used_link`` (the error carries ``invitation``: a fresh link may be sent
    to its owner) or ``closed``."""
    pk, version = read_token(kind, token)
    invitation = Invitation.objects.filter(pk=pk, kind=kind).select_related("event", "user").first()
    if invitation is None:
        raise LinkError(_("This link is not valid."), code="bad_link")
    if invitation.version != version:
        error = LinkError(_("This link has been used already."), code="used_link")
        error.invitation = invitation
        raise error
    if invitation.closes_at <= (now or timezone.now()):
        raise LinkError(_("The follow-up is closed: answers can no longer change."), code="closed")
    invitation.link_version = version
    return invitation


def feedback_meetings(invitation) -> list:
    """The person's meetings at the edition, each with ``others`` and ``rating`` (theirs)."""
    meetings = matchmaking.meetings_at_event(invitation.user, invitation.event)
    ratings = dict(
        MeetingRating.objects.filter(
            user=invitation.user, meeting_id__in=[m.pk for m in meetings]
        ).values_list("meeting_id", "rating")
    )
    for meeting in meetings:
        meeting.rating = ratings.get(meeting.pk, "")
    return meetings


def event_answer(invitation) -> EventAnswer | None:
    return EventAnswer.objects.filter(event=invitation.event, user=invitation.user).first()


def follow_up_meetings(invitation) -> list:
    """The person's promising meetings, each with ``others``, ``stage`` and ``note``: their
    answer, or the stage their recorded outcome stands for."""
    user = invitation.user
    facts = {
        fact["id"]: fact
        for fact in promising_meetings(invitation.event)
        if any(side["user"] == user.pk for side in fact["sides"])
    }
    meetings = matchmaking.meetings_at_event(user, invitation.event, ids=list(facts))
    answers = {
        answer.meeting_id: answer
        for answer in FollowUpAnswer.objects.filter(user=user, meeting_id__in=list(facts))
    }
    for meeting in meetings:
        answer = answers.get(meeting.pk)
        meeting.stage = answer.stage if answer else outcome_stage(facts[meeting.pk], user.pk) or ""
        meeting.note = answer.note if answer else ""
    return meetings


def response_rates(event) -> list[dict]:
    """Per kind of invitation: asked, answered, reminded, reminded again, open until. 1 query."""
    rows = (
        Invitation.objects.filter(event=event)
        .values("kind")
        .annotate(
            invited=Count("pk"),
            answered=Count("pk", filter=Q(answered_at__isnull=False)),
            reminded=Count("pk", filter=Q(reminded_at__isnull=False)),
            extra=Count("pk", filter=Q(extra_reminded_at__isnull=False)),
            waiting=Count("pk", filter=Q(answered_at__isnull=True, extra_reminded_at__isnull=True)),
            closes_at=Max("closes_at"),
        )
        .order_by("kind")
    )
    by_kind = {row["kind"]: row for row in rows}
    result = []
    for kind, label in Invitation.Kind.choices:
        row = by_kind.get(kind, {"invited": 0, "answered": 0, "reminded": 0, "extra": 0})
        row = {"waiting": 0, "closes_at": None, **row, "kind": kind, "label": label}
        row["rate"] = round(100 * row["answered"] / row["invited"]) if row["invited"] else None
        result.append(row)
    return result
