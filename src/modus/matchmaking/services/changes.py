"""Changes to a schedule after the scheduler ran: by hand, by rescheduling, by importing.

- ``move_meeting``: an organiser pins or moves one meeting of a draft, with clash checks.
- ``reschedule_after_changes``: after cancellations, late requests or new unavailability, a new
  draft that keeps every published meeting that is still possible in its slot and at its table.
- ``validate_schedule`` / ``import_schedule``: a schedule made by an outside solver, checked
  against the instance by every rule of the exchange format, stored as a draft.

Each of these makes or changes a draft; only ``publishing.publish`` changes what is published.
Each is written to the event's action log.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from modus import scheduling
from modus.activity.services import log_action
from modus.events.models import Event
from modus.events.permissions import require_cohost
from modus.scheduling.rules import SCHEDULE_FORMAT, check_schedule

from .. import selectors
from ..models import MarketplaceProfile, Meeting, ScheduleVersion
from .errors import MatchmakingError
from .instance import build_instance, meeting_id, meeting_pairs, store_version
from .runs import engine_refused


def compare_placements(before: dict, after: dict) -> dict[str, int]:
    """Meetings (pair -> (slot, table)) kept in place, moved, added and dropped."""
    return {
        "kept": sum(1 for pair, place in after.items() if before.get(pair) == place),
        "moved": sum(
            1 for pair, place in after.items() if pair in before and before[pair] != place
        ),
        "added": sum(1 for pair in after if pair not in before),
        "dropped": sum(1 for pair in before if pair not in after),
    }


# Moving a meeting by hand ------------------------------------------------------------------------


def _check_people_free(meeting: Meeting, people, slot_id: str, others) -> None:
    unavailable = {
        p["id"]: set(p.get("unavailable", []))
        for p in meeting.version.instance.get("participants", [])
    }
    for person in people:
        own = set(getattr(getattr(person, "availability", None), "unavailable", []) or [])
        if slot_id in own | unavailable.get(person.participant_id, set()):
            raise MatchmakingError(
                _("%(name)s cannot meet in this slot.") % {"name": person.display_name},
                field="slot",
                code="participant_unavailable",
            )
    busy = (
        MarketplaceProfile.objects.filter(meetings__in=others, pk__in=[p.pk for p in people])
        .select_related("user")
        .first()
    )
    if busy is not None:
        raise MatchmakingError(
            _("%(name)s already meets someone in this slot.") % {"name": busy.display_name},
            field="slot",
            code="participant_busy",
        )


def _free_table(tables: int | None, others, table: int | None) -> int | None:
    if not tables:
        return None
    if others.count() >= tables:
        raise MatchmakingError(
            _("Every table is taken in this slot."), field="slot", code="slot_full"
        )
    taken = set(others.exclude(table=None).values_list("table", flat=True))
    if table is None:
        return next(n for n in range(1, tables + 1) if n not in taken)
    if not 1 <= table <= tables:
        raise MatchmakingError(
            _("Tables are numbered 1 to %(tables)d.") % {"tables": tables},
            field="table",
            code="bad_table",
        )
    if table in taken:
        raise MatchmakingError(
            _("Table %(table)d is taken in this slot.") % {"table": table},
            field="table",
            code="table_taken",
        )
    return table


def move_meeting(
    meeting: Meeting, *, actor, slot_id: str, table: int | None = None, pinned: bool = True
) -> Meeting:
    """Put a meeting of a draft in another slot (and table) by hand; ``pinned`` keeps it there
    in the next run. Clashes are refused with a code and the field at fault."""
    version = meeting.version
    event = version.event
    require_cohost(actor, event)
    if version.status != ScheduleVersion.Status.DRAFT:
        raise MatchmakingError(
            _("Only meetings of a draft schedule can be moved."), code="not_draft"
        )
    mm_settings = selectors.settings_for(event)
    slot = next((s for s in selectors.slots(mm_settings) if s.id == slot_id), None)
    if slot is None:
        raise MatchmakingError(_("Unknown meeting slot."), field="slot", code="unknown_slot")
    people = list(meeting.participants.select_related("user", "availability"))
    others = version.meetings.scheduled().filter(slot_id=slot_id).exclude(pk=meeting.pk)
    _check_people_free(meeting, people, slot_id, others)
    table = _free_table(None if mm_settings.virtual else mm_settings.tables, others, table)
    before = [meeting.slot_id, meeting.table]
    with transaction.atomic():
        meeting.slot_id = slot.id
        meeting.starts_at = slot.start
        meeting.ends_at = slot.end
        meeting.table = table
        meeting.pinned = pinned
        meeting.save(update_fields=["slot_id", "starts_at", "ends_at", "table", "pinned"])
        mid = meeting_id(selectors.pair_of(meeting))
        schedule = dict(version.schedule or {})
        assignments = [a for a in schedule.get("assignments", []) if a.get("meeting") != mid]
        assignments.append({"meeting": mid, "slot": slot.id, "table": table})
        schedule["assignments"] = assignments
        version.schedule = schedule
        version.save(update_fields=["schedule"])
        log_action(
            event,
            "matchmaking.meeting.moved",
            actor=actor,
            note=f"{' – '.join(p.display_name for p in people)}: {before[0]} → {slot.id}",
            data={"meeting": meeting.pk, "from": before, "to": [slot.id, table], "pinned": pinned},
        )
    return meeting


# Rescheduling after changes ----------------------------------------------------------------------


def reschedule_after_changes(
    event: Event, *, actor, time_limit: float = 5.0, seed: int = 0
) -> ScheduleVersion:
    """A new draft after cancellations, opt-outs, late requests or new unavailability that keeps
    every published meeting still possible in its slot and at its table, and fills freed slots."""
    require_cohost(actor, event)
    published = selectors.published_version(event)
    if published is None:
        raise MatchmakingError(
            _("There is no published schedule to change yet."), code="nothing_published"
        )
    instance = build_instance(event)
    before = selectors.placements(published)
    current = {
        "format": SCHEDULE_FORMAT,
        "assignments": [
            {"meeting": meeting_id(pair), "slot": slot_id, "table": table}
            for pair, (slot_id, table) in sorted(before.items())
            if len(pair) == 2
        ],
        "unscheduled": [],
    }
    try:
        result = scheduling.reschedule(instance, current, time_limit=time_limit, seed=seed)
    except scheduling.InstanceError as error:
        raise engine_refused(error) from error
    pairs = meeting_pairs(instance)
    after = {pairs[a["meeting"]]: (a["slot"], a.get("table")) for a in result["assignments"]}
    stats = {"changes_from": published.pk, "changes": compare_placements(before, after)}
    return store_version(event, actor=actor, instance=instance, schedule=result, stats=stats)


# Importing a schedule made elsewhere -------------------------------------------------------------


# Each rule of the format is checked by ``modus.scheduling.rules``; here it is only worded for
# the organiser, by the rule's code.
_FAULT_MESSAGES = {
    "bad_format": gettext_lazy("The format must be “%(format)s”."),
    "bad_lists": gettext_lazy("“assignments” and “unscheduled” must be lists."),
    "bad_assignment": gettext_lazy("Every assignment must be an object."),
    "unknown_meeting": gettext_lazy("Unknown meeting id %(id)s."),
    "duplicate_meeting": gettext_lazy("Meeting %(id)s appears twice."),
    "missing_meeting": gettext_lazy("Meeting %(id)s is neither assigned nor unscheduled."),
    "unknown_slot": gettext_lazy("Unknown slot %(id)s."),
    "forbidden_slot": gettext_lazy("Meeting %(id)s is placed in a forbidden slot."),
    "not_fixed_slot": gettext_lazy("Meeting %(id)s is pinned to another slot."),
    "participant_unavailable": gettext_lazy("Participant %(p)s is unavailable in slot %(s)s."),
    "double_booked": gettext_lazy("Participant %(p)s is double booked in slot %(s)s."),
    "over_max_meetings": gettext_lazy("Participant %(p)s has more than %(n)d meetings."),
    "slot_full": gettext_lazy("Slot %(s)s holds more meetings than there are tables."),
    "bad_table": gettext_lazy("A table is a number from 1."),
    "no_such_table": gettext_lazy("Table %(t)d does not exist."),
    "table_taken": gettext_lazy("Table %(t)d is given twice in slot %(s)s."),
}


def validate_schedule(instance: dict, schedule) -> None:
    """Check a ``modus-b2b-schedule/1`` against its instance by every rule of the format."""
    faults = check_schedule(instance, schedule)
    if not faults:
        return
    fault = faults[0]
    params = {
        key: repr(value) if key == "id" and fault.code == "unknown_meeting" else value
        for key, value in fault.params.items()
    }
    if fault.code == "unknown_slot":
        params["id"] = repr(fault.params["id"])
    code = {"bad_lists": "bad_format", "bad_assignment": "bad_format", "no_such_table": "bad_table"}
    raise MatchmakingError(
        str(_FAULT_MESSAGES[fault.code]) % params,
        field="schedule",
        code=code.get(fault.code, fault.code),
    )


def import_schedule(event: Event, *, actor, schedule) -> ScheduleVersion:
    """A schedule from an outside solver, checked against the event's instance, as a draft."""
    require_cohost(actor, event)
    instance = build_instance(event)
    validate_schedule(instance, schedule)
    clean = {
        "format": SCHEDULE_FORMAT,
        "assignments": [
            {k: a[k] for k in ("meeting", "slot", "table") if k in a}
            for a in schedule["assignments"]
        ],
        "unscheduled": list(schedule["unscheduled"]),
    }
    with transaction.atomic():
        version = store_version(
            event, actor=actor, instance=instance, schedule=clean, stats={"imported": True}
        )
        log_action(
            event,
            "matchmaking.schedule.imported",
            actor=actor,
            note=_("placed %(placed)d of %(requested)d") % version.stats,
            data={
                "version": version.pk,
                "placed": version.stats["placed"],
                "requested": version.stats["requested"],
            },
        )
    return version
