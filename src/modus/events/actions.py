"""The codes events writes to the action log, and what they mean in words.

Every entry is logged on the event, so the event's history (on its manage page) is one list.
Entries about a registration name it by its id in ``data["registration"]``, never by copying a
person's name: erasing the person leaves nothing of them in the log.
"""

from django.utils.translation import gettext_lazy as _

EVENT_CHANGED = "events.event.changed"
CAPACITY_CHANGED = "events.capacity.changed"
REGISTERED = "events.registration.confirmed"
WAITLISTED = "events.registration.waitlisted"
CANCELLED = "events.registration.cancelled"
PROMOTED = "events.registration.promoted"
CHECKED_IN = "events.registration.checked_in"

LABELS = {
    EVENT_CHANGED: _("Event details changed"),
    CAPACITY_CHANGED: _("Capacity changed"),
    REGISTERED: _("Someone registered"),
    WAITLISTED: _("Someone registered on the waiting list"),
    CANCELLED: _("A registration was cancelled"),
    PROMOTED: _("Someone moved up from the waiting list"),
    CHECKED_IN: _("A participant was checked in"),
}
