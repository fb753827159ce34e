"""Every read of matchmaking that views, the API, services and other apps use.

``participants``: settings, who takes part, profiles, requests, the marketplace; ``schedule``:
slots, versions and meetings, runs, outcomes; ``changes``: what publishing a draft would change;
``overview``: the organisers' grid, unplaced requests and figures; ``agenda``: personal agendas
and the organisers' printout. Import from here.
"""

from .agenda import Agenda, AgendaItem, all_agendas, personal_agenda, table_plan
from .changes import MeetingChange, ScheduleChanges, schedule_changes
from .facts import meeting_facts, request_counts
from .mine import agendas_of, meetings_to_record, published_meetings_of, upcoming_meetings
from .overview import GridDay, GridRow, figures, schedule_grid, unplaced_requests
from .participants import (
    deadline_passed,
    eligible_profiles,
    eligible_registrations,
    is_enabled,
    marketplace,
    marketplace_regions,
    marketplace_statuses,
    profile_of,
    requests_at,
    requests_involving,
    requests_of,
    settings_for,
)
from .schedule import (
    Slot,
    active_run,
    blocked_slot_ids,
    cancelled_meetings,
    draft_meetings,
    latest_run,
    latest_version,
    meetings_at,
    meetings_of,
    meetings_of_user,
    outcome_totals,
    outcomes_by_meeting,
    pair_of,
    placements,
    published_version,
    run_of,
    shown_profiles,
    slot_grid,
    slots,
    version_meetings,
)

__all__ = [
    "Agenda",
    "AgendaItem",
    "GridDay",
    "GridRow",
    "MeetingChange",
    "ScheduleChanges",
    "Slot",
    "active_run",
    "agendas_of",
    "all_agendas",
    "blocked_slot_ids",
    "cancelled_meetings",
    "deadline_passed",
    "draft_meetings",
    "eligible_profiles",
    "eligible_registrations",
    "figures",
    "is_enabled",
    "latest_run",
    "latest_version",
    "marketplace",
    "marketplace_regions",
    "marketplace_statuses",
    "meeting_facts",
    "meetings_at",
    "meetings_of",
    "meetings_of_user",
    "meetings_to_record",
    "outcome_totals",
    "outcomes_by_meeting",
    "pair_of",
    "personal_agenda",
    "placements",
    "profile_of",
    "published_meetings_of",
    "published_version",
    "request_counts",
    "requests_at",
    "requests_involving",
    "requests_of",
    "run_of",
    "schedule_changes",
    "schedule_grid",
    "settings_for",
    "shown_profiles",
    "slot_grid",
    "slots",
    "table_plan",
    "unplaced_requests",
    "upcoming_meetings",
    "version_meetings",
]
