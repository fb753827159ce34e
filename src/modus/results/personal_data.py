"""What results holds about a person: feedback invitations, meeting ratings, follow-up answers
and answers on an event.

Declared in ``apps.ResultsConfig.ready`` (see ``accounts.personal_data``). An answer is counted
in the figures, so it stays, anonymous, with its free text emptied; the invitations go.
"""

from django.utils.translation import gettext_lazy as _

from modus.accounts import personal_data

from .models import EventAnswer, FollowUpAnswer, Invitation, MeetingRating


def export_invitations(user) -> list[dict]:
    rows = Invitation.objects.filter(user=user).select_related("event")
    return [
        {"event": i.event.slug, "kind": i.kind, "sent": i.sent_at, "answered": i.answered_at}
        for i in rows.order_by("sent_at", "pk")
    ]


def export_answers(user) -> list[dict]:
    ratings = MeetingRating.objects.filter(user=user).select_related("meeting__version__event")
    follow_ups = FollowUpAnswer.objects.filter(user=user).select_related("meeting__version__event")
    events = EventAnswer.objects.filter(user=user).select_related("event")
    return (
        [
            {
                "event": r.meeting.version.event.slug,
                "meeting_at": r.meeting.starts_at,
                "rating": r.rating,
            }
            for r in ratings.order_by("updated_at", "pk")
        ]
        + [
            {
                "event": f.meeting.version.event.slug,
                "meeting_at": f.meeting.starts_at,
                "follow_up": f.stage,
                "note": f.note,
            }
            for f in follow_ups.order_by("updated_at", "pk")
        ]
        + [
            {
                "event": e.event.slug,
                "usefulness": e.usefulness,
                "would_return": e.would_return,
                "comment": e.comment,
            }
            for e in events.order_by("updated_at", "pk")
        ]
    )


def erase_answers(erasure) -> None:
    user = erasure.user
    if not (
        MeetingRating.objects.filter(user=user).exists()
        or FollowUpAnswer.objects.filter(user=user).exists()
        or EventAnswer.objects.filter(user=user).exists()
    ):
        return
    former = erasure.former()
    MeetingRating.objects.filter(user=user).update(user=former)
    FollowUpAnswer.objects.filter(user=user).update(user=former, note="")
    EventAnswer.objects.filter(user=user).update(user=former, comment="")


def declare() -> None:
    personal_data.declare(
        "feedback_invitations",
        label=_("Invitations to give feedback"),
        export=export_invitations,
        covers=["results.Invitation.user"],
    )
    personal_data.declare(
        "feedback_answers",
        label=_("Your meeting ratings, follow-up answers and answers on events"),
        export=export_answers,
        erase=erase_answers,
        covers=[
            "results.MeetingRating.user",
            "results.FollowUpAnswer.user",
            "results.EventAnswer.user",
        ],
    )
