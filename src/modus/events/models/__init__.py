"""The events app's models, by subject; import them from here."""

from .agenda import AgendaMark, Material, Room, Session, SessionRole
from .events import Event, EventOrganiser, Venue, validate_time_zone
from .registrations import Registration

__all__ = [
    "AgendaMark",
    "Event",
    "EventOrganiser",
    "Material",
    "Registration",
    "Room",
    "Session",
    "SessionRole",
    "Venue",
    "validate_time_zone",
]
