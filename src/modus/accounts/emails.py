"""The e-mails of accounts: a welcome after signing up, and a word to the owner when someone
signs up with an address that already has an account (the page says the same in both cases, so
it reveals nothing about which addresses have accounts)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from modus.web.links import absolute_url
from modus.web.tasks import send_email


def _send(email: str, language: str, template: str, context: dict) -> None:
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {
            **context,
            "login_url": absolute_url(reverse("accounts:login")),
            "reset_url": absolute_url(reverse("accounts:password_reset")),
        }
        subject = render_to_string(f"accounts/email/{template}_subject.txt", context)
        body = render_to_string(f"accounts/email/{template}.txt", context)
    send_email.delay(to=[email], subject=" ".join(subject.split()), body=body)


def send_welcome(user) -> None:
    _send(user.email, user.preferred_language, "welcome", {"user": user})


def send_signup_attempt(user) -> None:
    _send(user.email, user.preferred_language, "signup_attempt", {"user": user})
