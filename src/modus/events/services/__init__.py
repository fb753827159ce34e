"""Every change to events goes through these modules; import from here.

``events``: events themselves and their details; ``agenda``: rooms, sessions, people (co-hosts);
``materials``: files of a session; ``registrations``: registration, waiting list, cancellation,
check-in; ``personal_agenda``: the sessions a user marks. The errors are in ``events.errors``,
the participant's signed codes in ``events.tokens`` (both re-exported here).
"""

from ..errors import AgendaError, EventError, RegistrationError, RegistrationPermissionError
from ..permissions import NotCohost
from ..tokens import cancellation_token, check_in_code
from .agenda import (
    create_session,
    delete_room,
    delete_session,
    event_datetime,
    publish_agenda,
    save_room,
    update_session,
)
from .events import bump_agenda_version, save_event, update_event
from .materials import add_material, check_material_upload, delete_material
from .personal_agenda import toggle_agenda_mark
from .registrations import (
    cancel_registration,
    check_in,
    promote_from_waiting_list,
    register,
    registration_is_open,
)

__all__ = [
    "AgendaError",
    "EventError",
    "NotCohost",
    "RegistrationError",
    "RegistrationPermissionError",
    "add_material",
    "bump_agenda_version",
    "cancel_registration",
    "cancellation_token",
    "check_in",
    "check_in_code",
    "check_material_upload",
    "create_session",
    "delete_material",
    "delete_room",
    "delete_session",
    "event_datetime",
    "promote_from_waiting_list",
    "publish_agenda",
    "register",
    "registration_is_open",
    "save_event",
    "save_room",
    "toggle_agenda_mark",
    "update_event",
    "update_session",
]
