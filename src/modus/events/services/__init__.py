"""Every change to events goes through these modules.

``core``: events themselves; ``agenda``: rooms, sessions, people, materials (co-hosts);
``registrations``: registration, waiting list, cancellation, check-in. Import from here.
"""

from .core import EventError, bump_agenda_version, save_event

__all__ = ["EventError", "bump_agenda_version", "save_event"]
