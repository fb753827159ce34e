"""Events themselves: created or updated by the programme office and the demo (``save_event``),
their details changed by co-hosts (``update_event``)."""

import datetime as dt

from django.db import transaction
from django.db.models import F, Model
from django.utils import timezone
from django.utils.translation import gettext as _

from modus.activity.services import log_action
from modus.web.translations import clean_translations

from .. import actions
from ..errors import AgendaError, EventError
from ..models import Event, Session
from ..permissions import require_cohost
from .registrations import lock_event, promote_from_waiting_list

# The details of an event its co-hosts may change (the rest belongs to the programme office).
EVENT_FIELDS = (
    "description",
    "venue",
    "starts_on",
    "ends_on",
    "time_zone",
    "status",
    "status_notice",
    "capacity",
    "registration_open",
    "languages",
    "ecosystems",
    "priorities",
    "co_located_with",
    "report",
    "original_language",
    "translations",
)
MANY_TO_MANY = ("ecosystems", "priorities")


def save_event(*, slug: str, **fields) -> Event:
    """Create the event with this slug, or update it to these fields (idempotent).

    An event that already has these values is not written again. Many-to-many fields
    (``ecosystems``, ``priorities``) may be given as lists.
    """
    starts_on, ends_on = fields.get("starts_on"), fields.get("ends_on")
    if starts_on and ends_on and ends_on < starts_on:
        raise EventError(_("An event cannot end before it starts."), code="ends_before_start")
    many = {name: fields.pop(name) for name in MANY_TO_MANY if name in fields}
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


def _check_details(event: Event, fields: dict, many: dict) -> None:
    unknown = set(fields) - set(EVENT_FIELDS)
    if unknown:
        raise AgendaError(
            _("These details cannot be changed here: %(fields)s."),
            code="unknown_field",
            params={"fields": ", ".join(sorted(unknown))},
        )
    starts_on = fields.get("starts_on", event.starts_on)
    ends_on = fields.get("ends_on", event.ends_on)
    if starts_on and ends_on and ends_on < starts_on:
        raise AgendaError(
            {
                "ends_on": [
                    AgendaError(
                        _("An event cannot end before it starts."), code="ends_before_start"
                    )
                ]
            }
        )
    other = fields.get("co_located_with")
    if other is not None and other.pk == event.pk:
        raise AgendaError(
            {
                "co_located_with": [
                    AgendaError(
                        _("An event cannot be held alongside itself."), code="self_colocated"
                    )
                ]
            }
        )
    foreign = [p for p in many.get("priorities", []) if p.region_id != event.region_id]
    if foreign:
        raise AgendaError(
            {
                "priorities": [
                    AgendaError(
                        _("Pick only priorities of the event's host region."),
                        code="priority_elsewhere",
                    )
                ]
            }
        )


def _logged(value):
    """A value as the action log keeps it (JSON): objects by id, dates as ISO text."""
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_logged(item) for item in value]
    return value


def _shift_sessions(event: Event, days: int) -> int:
    """Move every session of ``event`` by ``days`` calendar days at the same local time (a
    change of summer time in between keeps 09:00 at 09:00). Returns how many moved."""
    zone = event.zone
    sessions = list(Session.objects.filter(event=event))

    def shifted(moment):
        local = timezone.localtime(moment, zone).replace(tzinfo=None)
        return timezone.make_aware(local + dt.timedelta(days=days), zone)

    for session in sessions:
        session.starts_at, session.ends_at = shifted(session.starts_at), shifted(session.ends_at)
    Session.objects.bulk_update(sessions, ["starts_at", "ends_at"])
    return len(sessions)


def update_event(event: Event, *, actor, move_sessions: bool = False, **fields) -> Event:
    """Change the details of an event (``EVENT_FIELDS``); many-to-many fields as lists.

    The change goes to the event's history (old → new of every changed field); a capacity
    change has an entry of its own. Places it frees (a raised capacity, or none) go at once to
    the first people on the waiting list, in order, who are mailed. With ``move_sessions``, a
    new first day moves every session by the same number of days.
    """
    require_cohost(actor, event)
    many = {name: list(fields.pop(name)) for name in MANY_TO_MANY if name in fields}
    _check_details(event, fields, many)
    with transaction.atomic():
        # The stored event, locked: registrations wait for the new capacity. (A form may have
        # set the new values on ``event`` already, so the old ones are read from here.)
        stored = lock_event(event)
        changes = {}
        if "translations" in fields or "original_language" in fields:
            fields["translations"] = clean_translations(
                fields.get("translations", stored.translations),
                Event.translatable_fields,
                original=fields.get("original_language", stored.original_language),
            )
        for name, value in fields.items():
            old = _logged(getattr(stored, name))
            setattr(event, name, value)
            if old != _logged(value):
                changes[name] = [old, _logged(value)]
        event.full_clean()
        event.save()
        old_start, new_start = stored.starts_on, event.starts_on
        if move_sessions and old_start and new_start and old_start != new_start:
            moved = _shift_sessions(event, (new_start - old_start).days)
            if moved:
                changes["sessions_moved_by_days"] = [0, (new_start - old_start).days]
        for name, values in many.items():
            old = sorted(getattr(event, name).values_list("pk", flat=True))
            getattr(event, name).set(values)
            new = sorted(value.pk for value in values)
            if old != new:
                changes[name] = [old, new]
        bump_agenda_version(event)
        capacity = changes.pop("capacity", None)
        if changes:
            log_action(
                event, actions.EVENT_CHANGED, actor=actor, note=", ".join(changes), data=changes
            )
        if capacity is not None:
            old, new = capacity
            log_action(
                event,
                actions.CAPACITY_CHANGED,
                actor=actor,
                note=f"{'–' if old is None else old} → {'–' if new is None else new}",
                data={"capacity": capacity},
            )
            promote_from_waiting_list(event)  # a raised capacity (or none) frees places
    return event
