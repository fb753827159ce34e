"""Every change to events goes through these modules.

``core``: events themselves; ``agenda``: rooms, sessions, people, materials (co-hosts);
``registrations``: registration, waiting list, cancellation, check-in. Import from here.
"""

from ..permissions import NotCohost
from .agenda import (
    AgendaError,
    AgendaWarning,
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
from .personal_agenda import toggle_agenda_mark
from .registrations import (
    RegistrationError,
    RegistrationPermissionError,
    cancel_registration,
    cancellation_token,
    check_in,
    check_in_code,
    promote_from_waiting_list,
    register,
    registration_for_cancellation_token,
    registration_for_check_in_code,
    registration_is_open,
    waiting_list_position,
)

__all__ = [
    "AgendaError",
    "AgendaWarning",
    "NotCohost",
    "add_material",
    "agenda_warnings",
    "check_material_upload",
    "create_session",
    "delete_material",
    "delete_room",
    "delete_session",
    "event_datetime",
    "link_report",
    "save_room",
    "set_recording_url",
    "update_event",
    "update_session",
    "RegistrationError",
    "RegistrationPermissionError",
    "cancel_registration",
    "cancellation_token",
    "check_in",
    "check_in_code",
    "promote_from_waiting_list",
    "register",
    "registration_for_cancellation_token",
    "registration_for_check_in_code",
    "registration_is_open",
    "waiting_list_position",
    "EventError",
    "bump_agenda_version",
    "save_event",
    "toggle_agenda_mark",
]
