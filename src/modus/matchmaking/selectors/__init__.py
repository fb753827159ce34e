"""Every read of matchmaking that views, the API, services and other apps use.

``participants``: settings, who takes part, profiles, requests; ``schedule``: slots, versions
and meetings, runs, outcomes; ``agenda``: personal agendas and the organisers' printout.
Import from here.
"""

from .agenda import Agenda, AgendaItem, all_agendas, personal_agenda, table_plan
from .participants import (
    eligible_profiles,
    eligible_registrations,
    is_enabled,
    marketplace,
    marketplace_regions,
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
    slots,
    version_meetings,
)

__all__ = [
    "Agenda",
    "AgendaItem",
    "Slot",
    "active_run",
    "all_agendas",
    "blocked_slot_ids",
    "draft_meetings",
    "eligible_profiles",
    "eligible_registrations",
    "is_enabled",
    "latest_run",
    "latest_version",
    "marketplace",
    "marketplace_regions",
    "meetings_at",
    "meetings_of",
    "meetings_of_user",
    "outcome_totals",
    "outcomes_by_meeting",
    "pair_of",
    "personal_agenda",
    "placements",
    "profile_of",
    "published_version",
    "requests_at",
    "requests_involving",
    "requests_of",
    "run_of",
    "settings_for",
    "shown_profiles",
    "slots",
    "table_plan",
    "version_meetings",
]
