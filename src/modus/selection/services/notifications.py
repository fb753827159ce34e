"""The e-mails of a call: to the applicant's members at each step, to reviewers when assigned.

Written in each recipient's language, with absolute links, sent as background jobs."""

import contextlib
import contextvars

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from modus.accounts.models import Membership
from modus.web.links import absolute_url as absolute
from modus.web.tasks import send_email

_muted = contextvars.ContextVar("selection_mail_muted", default=False)


@contextlib.contextmanager
def muted():
    """Send nothing inside this block (the demo writes through the services for invented people
    whose addresses do not exist)."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def send(user, template: str, context: dict) -> None:
    if _muted.get():
        return
    language = getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {"user": user, **context}
        subject = render_to_string(f"selection/email/{template}_subject.txt", context)
        body = render_to_string(f"selection/email/{template}.txt", context)
    send_email.delay(to=[user.email], subject=" ".join(subject.split()), body=body)


def applicant_users(application):
    memberships = Membership.objects.filter(
        organisation_id=application.organisation_id, user__is_active=True
    ).select_related("user")
    return [m.user for m in memberships]


def application_changed(application, step: str) -> None:
    """submitted, withdrawn, reopened, accepted or rejected: tell every member of the applicant."""
    context = {
        "application": application,
        "call": application.call,
        "step": step,
        "application_url": absolute(
            reverse("selection:application", kwargs={"pk": application.pk})
        ),
    }
    if application.created_event_id:
        context["event_url"] = absolute(
            reverse("events:manage", kwargs={"slug": application.created_event.slug})
        )
    for user in applicant_users(application):
        send(user, f"application_{step}", context)


def review_assigned(review) -> None:
    send(
        review.reviewer,
        "review_assigned",
        {
            "review": review,
            "application": review.application,
            "call": review.application.call,
            "review_url": absolute(reverse("selection:review", kwargs={"pk": review.pk})),
        },
    )
