"""The errors of results. Each carries a ``code``; pages word them, the API answers them."""

from django.core.exceptions import ValidationError


class LinkError(ValidationError):
    """A feedback or follow-up link cannot be used: ``bad_link`` (tampered or unknown),
    ``expired_link``, ``used_link`` (answered with it already) or ``closed`` (the follow-up
    is over)."""


class FeedbackError(ValidationError):
    """A rule of feedback was broken (``not_your_meeting``, ``nothing_to_remind``...)."""
