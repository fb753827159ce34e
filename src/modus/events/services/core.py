from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils.translation import gettext as _

from ..models import Event


class EventError(ValidationError):
    """A rule about events was broken; ``code`` says which."""


def save_event(*, slug: str, **fields) -> Event:
    """Create the event with this slug, or update it to these fields (idempotent).

    An event that already has these values is not written again. Many-to-many fields
    (``ecosystems``, ``priorities``) may be given as lists.
    """
    starts_on, ends_on = fields.get("starts_on"), fields.get("ends_on")
    if starts_on and ends_on and ends_on < starts_on:
        raise EventError(_("An event cannot end before it starts."), code="ends_before_start")
    many = {name: fields.pop(name) for name in ("ecosystems", "priorities") if name in fields}
    event = Event.objects.filter(slug=slug).first()
    if event is None:
        event = Event(slug=slug, **fields)
        event.full_clean()
        event.save()
    elif any(getattr(event, name) != value for name, value in fields.items()):
        for name, value in fields.items():
            setattr(event, name, value)
        event.full_clean()
        event.save()
    for name, values in many.items():
        current = set(getattr(event, name).values_list("pk", flat=True))
        if current != {value.pk for value in values}:
            getattr(event, name).set(values)
    return event


def bump_agenda_version(event: Event) -> None:
    """Invalidate the cached agenda pages and exports of this event."""
    Event.objects.filter(pk=event.pk).update(agenda_version=F("agenda_version") + 1)
    event.refresh_from_db(fields=["agenda_version"])
