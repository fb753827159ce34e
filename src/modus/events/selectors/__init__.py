"""Reads of events that views, the API and other apps use, by subject; import from here.

``events``: the public lists, the event page, an organisation's history; ``agenda``: the
public agenda, sessions, speakers, personal agendas, the co-hosts' editor and its warnings;
``registrations``: participants, counts, the waiting list, registrations by signed code.
"""

from .agenda import (
    Agenda,
    AgendaDay,
    AgendaOfEvent,
    AgendaWarning,
    EventSessions,
    agenda_warnings,
    editor_sessions,
    event_agenda,
    group_by_day,
    is_marked,
    localise,
    people_in_sessions,
    personal_agenda,
    public_people,
    public_session,
    speaker_sessions,
)
from .events import (
    PUBLIC_STATUSES,
    ProgrammeHistory,
    event_for_page,
    organisation_history,
    past_events,
    prefetch_event_page,
    programme_events,
    public_event_stamp,
    public_events,
    upcoming_events,
)
from .registrations import (
    confirmed_count,
    participant_counts,
    participants,
    registration_for_cancellation_token,
    registration_for_check_in_code,
    registration_of,
    search_confirmed,
    waiting_list_position,
)

__all__ = [
    "PUBLIC_STATUSES",
    "Agenda",
    "AgendaDay",
    "AgendaOfEvent",
    "AgendaWarning",
    "EventSessions",
    "ProgrammeHistory",
    "agenda_warnings",
    "confirmed_count",
    "editor_sessions",
    "event_agenda",
    "event_for_page",
    "group_by_day",
    "is_marked",
    "localise",
    "organisation_history",
    "participant_counts",
    "participants",
    "past_events",
    "people_in_sessions",
    "personal_agenda",
    "prefetch_event_page",
    "programme_events",
    "public_event_stamp",
    "public_events",
    "public_people",
    "public_session",
    "registration_for_cancellation_token",
    "registration_for_check_in_code",
    "registration_of",
    "search_confirmed",
    "speaker_sessions",
    "upcoming_events",
    "waiting_list_position",
]
