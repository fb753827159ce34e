"""The e-mails of registration: confirmation, waiting list, promotion from the waiting list.

Each is written in the participant's language, with absolute links from ``settings.SITE_URL``,
and sent as a background job (inline without a broker). The registration services call these
when their transaction commits.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from modus.web.links import absolute_url as absolute
from modus.web.tasks import send_email

from .models import Registration
from .tokens import cancellation_token, check_in_code


def registration_links(registration: Registration) -> dict:
    """The links a participant needs: their registration, cancellation and QR code."""
    event = registration.event
    code = check_in_code(registration)
    return {
        "event_url": absolute(event.get_absolute_url()),
        "registration_url": absolute(
            reverse("events:my-registration", kwargs={"slug": event.slug})
        ),
        "cancel_url": absolute(
            reverse(
                "events:cancel-registration",
                kwargs={"token": cancellation_token(registration)},
            )
        ),
        "qr_url": absolute(reverse("events:registration-qr", kwargs={"token": code})),
        "check_in_code": code,
    }


def _send(registration: Registration, template: str) -> None:
    user = registration.user
    language = getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "registration": registration,
            "event": registration.event,
            "user": user,
            **registration_links(registration),
        }
        subject = render_to_string(f"events/email/{template}_subject.txt", context)
        body = render_to_string(f"events/email/{template}.txt", context)
    send_email.delay(to=[user.email], subject=" ".join(subject.split()), body=body)


def send_confirmation(registration: Registration) -> None:
    """Your place is confirmed: the check-in code, QR code and cancellation link."""
    _send(registration, "confirmation")


def send_waitlisted(registration: Registration) -> None:
    """The event is full: you are on the waiting list (and how to leave it)."""
    _send(registration, "waitlisted")


def send_promoted(registration: Registration) -> None:
    """A place became free and is now yours: as the confirmation, with the news first."""
    _send(registration, "promoted")
