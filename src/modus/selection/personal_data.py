"""What selection holds about a person: applications they wrote, documents they uploaded,
decisions they took, reviews and jury sheets, panels they sit on, audience votes, reminders.

Declared in ``apps.SelectionConfig.ready`` (see ``accounts.personal_data``). Applications belong
to their organisation and stay; the names of their author, uploader and decider go with the
account (SET_NULL). A submitted review or an audience vote stays for the ranking and the pitch
results, anonymous; a review not yet submitted goes.
"""

from django.utils.translation import gettext_lazy as _

from modus.accounts import personal_data

from .models import Application, ApplicationDocument, AudienceVote, Call, Reminder, Review, Score


def export_applications(user) -> list[dict]:
    written = Application.objects.filter(created_by=user).select_related("call", "organisation")
    decided = Application.objects.filter(decided_by=user).select_related("call")
    documents = ApplicationDocument.objects.filter(uploaded_by=user).select_related(
        "application__call"
    )
    return (
        [
            {
                "call": application.call.slug,
                "organisation": application.organisation.slug,
                "title": application.title,
                "summary": application.summary,
                "answers": application.answers,
                "status": application.status,
                "submitted": application.submitted_at,
                "created": application.created_at,
            }
            for application in written.order_by("created_at", "pk")
        ]
        + [
            {"call": a.call.slug, "decided": a.decided_at, "status": a.status}
            for a in decided.order_by("decided_at", "pk")
        ]
        + [
            {
                "call": d.application.call.slug,
                "document": d.original_name,
                "uploaded": d.uploaded_at,
            }
            for d in documents.order_by("uploaded_at", "pk")
        ]
    )


def export_reviews(user) -> list[dict]:
    reviews = (
        Review.objects.filter(reviewer=user)
        .select_related("application__call")
        .prefetch_related("scores__criterion")
        .order_by("assigned_at", "pk")
    )
    return [
        {
            "call": review.application.call.slug,
            "application": review.application.title,
            "stage": review.stage,
            "jury_sheet": review.stage == Review.Stage.LIVE,
            "comment": review.comment,
            "scores": [
                {"criterion": s.criterion.title, "score": s.value, "comment": s.comment}
                for s in review.scores.all()
            ],
            "assigned": review.assigned_at,
            "submitted": review.submitted_at,
        }
        for review in reviews
    ]


def erase_reviews(erasure) -> None:
    reviews = Review.objects.filter(reviewer=erasure.user)
    reviews.filter(submitted_at__isnull=True).delete()
    Score.objects.filter(review__in=reviews).update(comment="")
    reviews.update(reviewer=erasure.former(), comment="")


def export_panels(user) -> list[dict]:
    return [{"call": call.slug, "title": call.title} for call in Call.objects.filter(panel=user)]


def export_votes(user) -> list[dict]:
    votes = AudienceVote.objects.filter(user=user).select_related("call", "application")
    return [
        {"call": v.call.slug, "pitch": v.application.title, "voted": v.created_at}
        for v in votes.order_by("created_at", "pk")
    ]


def erase_votes(erasure) -> None:
    AudienceVote.objects.filter(user=erasure.user).update(user=erasure.former())


def export_reminders(user) -> list[dict]:
    return [
        {"reminder": r.key, "sent": r.sent_at}
        for r in Reminder.objects.filter(user=user).order_by("sent_at", "pk")
    ]


def declare() -> None:
    personal_data.declare(
        "applications",
        label=_("Applications you wrote, documents you uploaded, decisions you took"),
        export=export_applications,
        covers=[
            "selection.Application.created_by",
            "selection.Application.decided_by",
            "selection.ApplicationDocument.uploaded_by",
        ],
    )
    personal_data.declare(
        "reviews",
        label=_("Your reviews and jury sheets"),
        export=export_reviews,
        erase=erase_reviews,
        covers=["selection.Review.reviewer", "selection.Review.assigned_by"],
    )
    personal_data.declare(
        "panels",
        label=_("Calls whose panel you sit on"),
        export=export_panels,
        covers=["selection.Call.panel"],
    )
    personal_data.declare(
        "audience_votes",
        label=_("Your audience votes"),
        export=export_votes,
        erase=erase_votes,
        covers=["selection.AudienceVote.user"],
    )
    personal_data.declare(
        "reminders",
        label=_("Reminders we sent you"),
        export=export_reminders,
        covers=["selection.Reminder.user"],
    )
