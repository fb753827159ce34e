"""Every change to events goes through these modules.

``core``: events themselves; ``agenda``: rooms, sessions, people, materials (co-hosts);
``registrations``: registration, waiting list, cancellation, check-in. Import from here.
"""

from .agenda import (
    AgendaError,
    AgendaWarning,
    NotCohost,
    add_material,
    agenda_warnings,
    check_material_upload,
    create_session,
    delete_material,
    delete_room,
    delete_session,
    event_datetime,
    link_report,
    save_room,
    set_recording_url,
    update_event,
    update_session,
)
from .core import EventError, bump_agenda_version, save_event

__all__ = [
    "AgendaError",
    "AgendaWarning",
    "EventError",
    "NotCohost",
    "add_material",
    "agenda_warnings",
    "bump_agenda_version",
    "check_material_upload",
    "create_session",
    "delete_material",
    "delete_room",
    "delete_session",
    "event_datetime",
    "link_report",
    "save_event",
    "save_room",
    "set_recording_url",
    "update_event",
    "update_session",
]
