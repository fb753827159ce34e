"""Changes to a schedule after the scheduler ran: moves by hand, rescheduling, imports.

- ``move_meeting``: an organiser pins or moves one meeting of a draft, with clash checks.
- ``reschedule_after_changes``: after cancellations, late requests or new unavailability, a new
  draft that keeps every published meeting that is still possible in its slot and at its table.
- ``publish_changes``: publishes such a draft and e-mails only the people whose meetings changed.
- ``validate_schedule`` / ``import_schedule``: a schedule made by an outside solver, checked
  against the instance by every rule of the exchange format, stored as a draft.
"""

from collections import defaultdict

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from modus.events.models import Event
from modus.scheduling.rules import SCHEDULE_FORMAT, check_schedule

from .models import MarketplaceProfile, Meeting, ScheduleVersion
from .services import (
    MatchmakingError,
    _require_cohost,
    build_instance,
    meeting_id,
    settings_for,
    slots,
    store_version,
)


def _latest_published(event: Event) -> ScheduleVersion | None:
    return (
        ScheduleVersion.objects.filter(event=event, status=ScheduleVersion.Status.PUBLISHED)
        .order_by("-published_at", "-pk")
        .first()
    )


def _pair_of(meeting: Meeting) -> tuple[int, ...]:
    return tuple(sorted(p.pk for p in meeting.participants.all()))


# Moving a meeting by hand ------------------------------------------------------------------------


def move_meeting(
    meeting: Meeting, *, actor, slot_id: str, table: int | None = None, pinned: bool = True
) -> Meeting:
    """Put a meeting of a draft in another slot (and table) by hand; ``pinned`` keeps it there
    in the next run. Clashes are refused with a code and the field at fault."""
    version = meeting.version
    event = version.event
    _require_cohost(actor, event)
    if version.status != ScheduleVersion.Status.DRAFT:
        raise MatchmakingError(
            _("Only meetings of a draft schedule can be moved."), code="not_draft"
        )
    mm_settings = settings_for(event)
    slot = next((s for s in slots(mm_settings) if s.id == slot_id), None)
    if slot is None:
        raise MatchmakingError(_("Unknown meeting slot."), field="slot", code="unknown_slot")
    people = list(meeting.participants.select_related("user", "availability"))
    unavailable = {
        p["id"]: set(p.get("unavailable", [])) for p in version.instance.get("participants", [])
    }
    for person in people:
        own = set(getattr(getattr(person, "availability", None), "unavailable", []) or [])
        if slot_id in own | unavailable.get(person.participant_id, set()):
            raise MatchmakingError(
                _("%(name)s cannot meet in this slot.") % {"name": person.display_name},
                field="slot",
                code="participant_unavailable",
            )
    others = version.meetings.filter(slot_id=slot_id).exclude(pk=meeting.pk)
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
    tables = None if mm_settings.virtual else mm_settings.tables
    if tables:
        if others.count() >= tables:
            raise MatchmakingError(
                _("Every table is taken in this slot."), field="slot", code="slot_full"
            )
        taken = set(others.exclude(table=None).values_list("table", flat=True))
        if table is None:
            table = next(n for n in range(1, tables + 1) if n not in taken)
        elif not 1 <= table <= tables:
            raise MatchmakingError(
                _("Tables are numbered 1 to %(tables)d.") % {"tables": tables},
                field="table",
                code="bad_table",
            )
        elif table in taken:
            raise MatchmakingError(
                _("Table %(table)d is taken in this slot.") % {"table": table},
                field="table",
                code="table_taken",
            )
    else:
        table = None
    with transaction.atomic():
        meeting.slot_id = slot.id
        meeting.starts_at = slot.start
        meeting.ends_at = slot.end
        meeting.table = table
        meeting.pinned = pinned
        meeting.save(update_fields=["slot_id", "starts_at", "ends_at", "table", "pinned"])
        mid = meeting_id(_pair_of(meeting))
        schedule = dict(version.schedule or {})
        assignments = [a for a in schedule.get("assignments", []) if a.get("meeting") != mid]
        assignments.append({"meeting": mid, "slot": slot.id, "table": table})
        schedule["assignments"] = assignments
        version.schedule = schedule
        version.save(update_fields=["schedule"])
    return meeting


# Storing a schedule ------------------------------------------------------------------------------


def _placements(version: ScheduleVersion) -> dict[tuple, tuple[str, int | None]]:
    """pair of profile ids -> (slot, table) of every meeting of a version."""
    return {
        _pair_of(meeting): (meeting.slot_id, meeting.table)
        for meeting in version.meetings.prefetch_related("participants")
    }


# Rescheduling after changes ----------------------------------------------------------------------


def reschedule_after_changes(
    event: Event, *, actor, time_limit: float = 5.0, seed: int = 0
) -> ScheduleVersion:
    """A new draft after cancellations, opt-outs, late requests or new unavailability that keeps
    every published meeting still possible in its slot and at its table, and fills freed slots."""
    from modus.scheduling import InstanceError, reschedule

    _require_cohost(actor, event)
    published = _latest_published(event)
    if published is None:
        raise MatchmakingError(
            _("There is no published schedule to change yet."), code="nothing_published"
        )
    instance = build_instance(event)
    before = _placements(published)
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
        result = reschedule(instance, current, time_limit=time_limit, seed=seed)
    except InstanceError as error:
        raise MatchmakingError(
            _("The scheduler refused the input: %(error)s") % {"error": error},
            code="instance_invalid",
        ) from error
    pairs = {
        m["id"]: tuple(sorted(int(pid[1:]) for pid in m["with"])) for m in instance["meetings"]
    }
    after = {pairs[a["meeting"]]: (a["slot"], a.get("table")) for a in result["assignments"]}
    weights = {m["id"]: m["weight"] for m in instance["meetings"]}
    stats = {
        "engine": dict(result.get("stats") or {}),
        "requested": len(instance["meetings"]),
        "placed": len(result["assignments"]),
        "weight": sum(weights[a["meeting"]] for a in result["assignments"]),
        "max_weight": sum(weights.values()),
        "bound": (result.get("stats") or {}).get("upper_bound"),
        "unplaced": [
            {"meeting": mid, "with": [], "reason": (result.get("reasons") or {}).get(mid, "")}
            for mid in result.get("unscheduled", [])
        ],
        "changes_from": published.pk,
        "changes": {
            "kept": sum(1 for pair, place in after.items() if before.get(pair) == place),
            "moved": sum(
                1 for pair, place in after.items() if pair in before and before[pair] != place
            ),
            "added": sum(1 for pair in after if pair not in before),
            "dropped": sum(1 for pair in before if pair not in after),
        },
    }
    return store_version(event, actor=actor, instance=instance, schedule=result, stats=stats)


def affected_profile_ids(old: ScheduleVersion, new: ScheduleVersion) -> set[int]:
    """Participants of ``new`` whose meetings moved, appeared or were dropped since ``old``."""
    before, after = _placements(old), _placements(new)
    present = {int(p["id"][1:]) for p in new.instance.get("participants", [])}
    affected = set()
    for pair in set(before) | set(after):
        if before.get(pair) != after.get(pair):
            affected.update(pk for pk in pair if pk in present)
    return affected


def publish_changes(version: ScheduleVersion, *, actor) -> ScheduleVersion:
    """Publish a rescheduled draft; e-mail only the participants whose meetings changed."""
    from modus.web.tasks import send_email

    event = version.event
    _require_cohost(actor, event)
    if version.status != ScheduleVersion.Status.DRAFT:
        raise MatchmakingError(_("Only a draft schedule can be published."), code="not_draft")
    old = _latest_published(event)
    with transaction.atomic():
        ScheduleVersion.objects.filter(event=event, status=ScheduleVersion.Status.PUBLISHED).update(
            status=ScheduleVersion.Status.SUPERSEDED
        )
        version.status = ScheduleVersion.Status.PUBLISHED
        version.published_at = timezone.now()
        version.save(update_fields=["status", "published_at"])
    affected = affected_profile_ids(old, version) if old else set()
    if not affected:
        return version
    meetings_of = defaultdict(list)
    for meeting in version.meetings.prefetch_related("participants__user"):
        for profile in meeting.participants.all():
            meetings_of[profile.pk].append(
                {
                    "starts_at": timezone.localtime(meeting.starts_at, event.zone),
                    "ends_at": timezone.localtime(meeting.ends_at, event.zone),
                    "table": meeting.table,
                    "others": [p for p in meeting.participants.all() if p.pk != profile.pk],
                }
            )
    mm_settings = settings_for(event)
    for profile in MarketplaceProfile.objects.filter(pk__in=affected).select_related("user"):
        context = {
            "event": event,
            "profile": profile,
            "meetings": sorted(meetings_of.get(profile.pk, []), key=lambda m: m["starts_at"]),
            "settings": mm_settings,
        }
        send_email.delay(
            to=[profile.user.email],
            subject=_("Your meetings at %(event)s have changed") % {"event": event.name},
            body=render_to_string("matchmaking/changes/email_changed.txt", context),
        )
    return version


# Importing a schedule made elsewhere -------------------------------------------------------------


# Each rule of the format is checked by ``modus.scheduling.rules``; here it is only worded for
# the organiser, by the rule's code.
_FAULT_MESSAGES = {
    "bad_format": _lazy("The format must be “%(format)s”."),
    "bad_lists": _lazy("“assignments” and “unscheduled” must be lists."),
    "bad_assignment": _lazy("Every assignment must be an object."),
    "unknown_meeting": _lazy("Unknown meeting id %(id)s."),
    "duplicate_meeting": _lazy("Meeting %(id)s appears twice."),
    "missing_meeting": _lazy("Meeting %(id)s is neither assigned nor unscheduled."),
    "unknown_slot": _lazy("Unknown slot %(id)s."),
    "forbidden_slot": _lazy("Meeting %(id)s is placed in a forbidden slot."),
    "not_fixed_slot": _lazy("Meeting %(id)s is pinned to another slot."),
    "participant_unavailable": _lazy("Participant %(p)s is unavailable in slot %(s)s."),
    "double_booked": _lazy("Participant %(p)s is double booked in slot %(s)s."),
    "over_max_meetings": _lazy("Participant %(p)s has more than %(n)d meetings."),
    "slot_full": _lazy("Slot %(s)s holds more meetings than there are tables."),
    "bad_table": _lazy("A table is a number from 1."),
    "no_such_table": _lazy("Table %(t)d does not exist."),
    "table_taken": _lazy("Table %(t)d is given twice in slot %(s)s."),
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
    _require_cohost(actor, event)
    instance = build_instance(event)
    validate_schedule(instance, schedule)
    weights = {m["id"]: m.get("weight", 1) for m in instance["meetings"]}
    stats = {
        "requested": len(instance["meetings"]),
        "placed": len(schedule["assignments"]),
        "weight": sum(weights[a["meeting"]] for a in schedule["assignments"]),
        "max_weight": sum(weights.values()),
        "bound": None,
        "unplaced": [{"meeting": mid, "with": [], "reason": ""} for mid in schedule["unscheduled"]],
        "imported": True,
    }
    clean = {
        "format": SCHEDULE_FORMAT,
        "assignments": [
            {k: a[k] for k in ("meeting", "slot", "table") if k in a}
            for a in schedule["assignments"]
        ],
        "unscheduled": list(schedule["unscheduled"]),
    }
    return store_version(event, actor=actor, instance=instance, schedule=clean, stats=stats)
