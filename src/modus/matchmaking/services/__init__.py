"""Every write and rule of matchmaking. Import from here.

``setup``: an event's matchmaking settings; ``participants``: profiles, meeting requests,
availability; ``instance``: the engine's input built from the event, and a schedule stored as a
draft; ``runs``: scheduling runs in the background and their progress; ``publishing``: the one
publish path (it keeps every published meeting and outcome); ``changes``: drafts made after the
scheduler ran (moves, rescheduling, imports); ``outcomes``: what came of a meeting. Co-host
checks are ``events.permissions.require_cohost`` (``NotCohost``).
"""

from .changes import (
    compare_placements,
    import_schedule,
    move_meeting,
    reschedule_after_changes,
    validate_schedule,
)
from .errors import MatchmakingError, MatchmakingPermissionError
from .instance import build_instance, meeting_id, schedule_stats, store_version
from .outcomes import record_outcome
from .participants import answer_request, opt_in, request_meeting, set_availability
from .publishing import changes_between, publish
from .runs import (
    MAX_TIME_LIMIT,
    RUN_PROGRESS,
    RUN_STALE_AFTER,
    RunProgress,
    execute_run,
    execute_run_with_clock,
    fail_run,
    run_schedule,
    set_run_progress,
    start_run,
)
from .setup import configure_matchmaking

__all__ = [
    "MAX_TIME_LIMIT",
    "RUN_PROGRESS",
    "RUN_STALE_AFTER",
    "MatchmakingError",
    "MatchmakingPermissionError",
    "RunProgress",
    "answer_request",
    "build_instance",
    "changes_between",
    "compare_placements",
    "configure_matchmaking",
    "execute_run",
    "execute_run_with_clock",
    "fail_run",
    "import_schedule",
    "meeting_id",
    "move_meeting",
    "opt_in",
    "publish",
    "record_outcome",
    "request_meeting",
    "reschedule_after_changes",
    "run_schedule",
    "schedule_stats",
    "set_availability",
    "set_run_progress",
    "start_run",
    "store_version",
    "validate_schedule",
]
