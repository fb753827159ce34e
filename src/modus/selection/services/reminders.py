"""Reminders: drafts before each cut-off, and reviewers who are late. Each is sent once."""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from ..models import Application, Call, CutOff, Reminder, Review
from .notifications import absolute, applicant_users, send


def _once(key: str, user) -> bool:
    """True the first time (key, user) is seen; the reminder is then recorded as sent."""
    try:
        with transaction.atomic():
            Reminder.objects.create(key=key, user=user)
    except IntegrityError:
        return False
    return True


def send_reminders(now=None) -> dict:
    """Mail the members of organisations with a draft when a cut-off is within
    ``MODUS_CUT_OFF_REMINDER_DAYS`` (default 3), and reviewers whose review is not submitted
    ``review_days`` after the cut-off. Safe to run as often as you like: each reminder goes once."""
    now = now or timezone.now()
    days = getattr(settings, "MODUS_CUT_OFF_REMINDER_DAYS", 3)
    sent = {"drafts": 0, "reviewers": 0}
    soon = CutOff.objects.filter(
        call__status=Call.Status.OPEN,
        deadline__gt=now,
        deadline__lte=now + datetime.timedelta(days=days),
    ).select_related("call")
    for cut_off in soon:
        drafts = cut_off.call.applications.filter(status=Application.Status.DRAFT)
        for application in drafts.select_related("organisation"):
            for user in applicant_users(application):
                if _once(f"cut-off:{cut_off.pk}:application:{application.pk}", user):
                    send(
                        user,
                        "reminder_cut_off",
                        {
                            "application": application,
                            "call": cut_off.call,
                            "cut_off": cut_off,
                            "application_url": absolute(application.get_absolute_url()),
                        },
                    )
                    sent["drafts"] += 1
    late = Review.objects.filter(
        stage=Review.Stage.SELECTION,
        submitted_at__isnull=True,
        application__status=Application.Status.SUBMITTED,
        application__cut_off__isnull=False,
    ).select_related("application__cut_off", "application__call", "reviewer")
    for review in late:
        due = review.application.cut_off.deadline + datetime.timedelta(
            days=review.application.call.review_days
        )
        if due <= now and _once(f"review:{review.pk}", review.reviewer):
            send(
                review.reviewer,
                "reminder_review",
                {
                    "review": review,
                    "application": review.application,
                    "call": review.application.call,
                    "due": due,
                    "review_url": absolute(reverse("selection:review", kwargs={"pk": review.pk})),
                },
            )
            sent["reviewers"] += 1
    return sent
