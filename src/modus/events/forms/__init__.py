"""Forms of the events app, by subject: ``event`` (details), ``agenda`` (rooms, sessions,
people, materials), ``public`` (the agenda filter), ``registration`` (sign-up, check-in)."""

from .agenda import (
    MaterialForm,
    RoomForm,
    SessionForm,
    SessionPeopleFormSet,
    SessionPersonForm,
    people_initial,
)
from .event import EventManageForm
from .public import AgendaFilterForm
from .registration import CheckInCodeForm, CheckInSearchForm, RegistrationForm

__all__ = [
    "AgendaFilterForm",
    "CheckInCodeForm",
    "CheckInSearchForm",
    "EventManageForm",
    "MaterialForm",
    "RegistrationForm",
    "RoomForm",
    "SessionForm",
    "SessionPeopleFormSet",
    "SessionPersonForm",
    "people_initial",
]
