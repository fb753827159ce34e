"""Every change to events goes through here."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import Event


class EventError(ValidationError):
    """A rule about events was broken; ``code`` says which."""


def save_event(*, slug: str, **fields) -> Event:
    """Create the event with this slug, or update it to these fields (idempotent)."""
    starts_on, ends_on = fields.get("starts_on"), fields.get("ends_on")
    if starts_on and ends_on and ends_on < starts_on:
        raise EventError(_("An event cannot end before it starts."), code="ends_before_start")
    event, _created = Event.objects.update_or_create(slug=slug, defaults=fields)
    return event
