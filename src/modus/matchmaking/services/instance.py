"""The event's matchmaking as the engine's input, and a schedule stored as a draft version.

``build_instance`` writes a ``modus-b2b-instance/1`` (shared/formats/b2b.md) from the platform's
data; the engine never sees the database. ``store_version`` keeps a schedule (the engine's, a
reschedule's or an imported one, already checked) as a draft ``ScheduleVersion`` with its
meetings, and ``schedule_stats`` sums it up for the schedule page, the same way for all three.
"""

import datetime as dt
from collections import defaultdict

from django.db import transaction
from django.utils.translation import gettext as _

from modus.accounts.personal_data import FORMER_DOMAIN
from modus.events.models import Event
from modus.scheduling.rules import INSTANCE_FORMAT

from .. import selectors
from ..models import Availability, MarketplaceProfile, Meeting, MeetingRequest, ScheduleVersion
from .errors import MatchmakingError

MUTUAL_WEIGHT = 3
ONE_SIDED_WEIGHT = 1


def meeting_id(pair: tuple[int, int]) -> str:
    return f"m{pair[0]}-{pair[1]}"


def meeting_pairs(instance: dict) -> dict[str, tuple[int, ...]]:
    """meeting id -> the profile ids of its two sides, in order."""
    return {m["id"]: tuple(sorted(int(pid[1:]) for pid in m["with"])) for m in instance["meetings"]}


def _wanted_meetings(event: Event, profile_ids: set[int]) -> dict[tuple, dict]:
    """Pairs who should meet: an accepted request, or both asked each other (weight 3)."""
    by_pair = defaultdict(list)
    requests = MeetingRequest.objects.filter(
        event=event, from_profile_id__in=profile_ids, to_profile_id__in=profile_ids
    ).order_by("pk")
    for meeting_request in requests:
        pair = tuple(sorted((meeting_request.from_profile_id, meeting_request.to_profile_id)))
        by_pair[pair].append(meeting_request)
    wanted = {}
    for pair, pair_requests in sorted(by_pair.items()):
        live = [r for r in pair_requests if r.status != MeetingRequest.Status.DECLINED]
        mutual = len({r.from_profile_id for r in live}) == 2
        accepted = any(r.status == MeetingRequest.Status.ACCEPTED for r in pair_requests)
        if mutual or accepted:
            wanted[pair] = {
                "requests": pair_requests,
                "weight": MUTUAL_WEIGHT if mutual else ONE_SIDED_WEIGHT,
            }
    return wanted


def _pinned_slots(event: Event) -> dict[tuple, str]:
    """The slots of the latest version's meetings that an organiser pinned, by pair."""
    latest = selectors.latest_version(event)
    if latest is None:
        return {}
    pinned = {}
    for meeting in latest.meetings.scheduled().filter(pinned=True).prefetch_related("participants"):
        pair = selectors.pair_of(meeting)
        if len(pair) == 2:
            pinned[pair] = meeting.slot_id
    return pinned


def build_instance(event: Event) -> dict:
    """The event's matchmaking as a ``modus-b2b-instance/1`` dict (see shared/formats/b2b.md)."""
    mm_settings = selectors.settings_for(event)
    if mm_settings is None:
        raise MatchmakingError(_("Matchmaking is not set up for this event."), code="not_set_up")
    slot_list = selectors.slots(mm_settings)
    slot_ids = [slot.id for slot in slot_list]
    profiles = list(
        selectors.eligible_profiles(event, mm_settings)
        .select_related("availability")
        .order_by("pk")
        .distinct()
    )
    profile_ids = {profile.pk for profile in profiles}
    blocked = selectors.blocked_slot_ids(event, {p.user_id for p in profiles}, slot_list)
    participants = []
    for profile in profiles:
        try:
            chosen = set(profile.availability.unavailable)
        except Availability.DoesNotExist:
            chosen = set()
        chosen |= blocked.get(profile.user_id, set())
        entry = {
            "id": profile.participant_id,
            "unavailable": [slot_id for slot_id in slot_ids if slot_id in chosen],
        }
        if mm_settings.max_meetings:
            entry["max_meetings"] = mm_settings.max_meetings
        participants.append(entry)
    pinned = _pinned_slots(event)
    meetings = []
    for pair, wanted in _wanted_meetings(event, profile_ids).items():
        meeting = {
            "id": meeting_id(pair),
            "with": [f"p{pair[0]}", f"p{pair[1]}"],
            "weight": wanted["weight"],
            "forbidden_slots": [],
        }
        if pinned.get(pair) in slot_ids:
            meeting["fixed_slot"] = pinned[pair]
        meetings.append(meeting)
    instance = {
        "format": INSTANCE_FORMAT,
        "name": f"{event.slug}-matchmaking",
        "slots": [
            {
                "id": slot.id,
                "start": slot.start.isoformat(),
                "end": slot.end.isoformat(),
                "session": slot.session,
            }
            for slot in slot_list
        ],
        "participants": participants,
        "meetings": meetings,
    }
    if not mm_settings.virtual and mm_settings.tables:
        instance["tables"] = mm_settings.tables
    return instance


def schedule_stats(instance: dict, schedule: dict) -> dict:
    """A schedule summed up: meetings and weight placed of those wanted, the engine's figures
    and upper bound (if it ran), and each meeting left out with its people and the reason."""
    weights = {m["id"]: m["weight"] for m in instance["meetings"]}
    pairs = meeting_pairs(instance)
    engine = dict(schedule.get("stats") or {})
    reasons = schedule.get("reasons") or {}
    unscheduled = list(schedule.get("unscheduled", []))
    left_out = {pk for mid in unscheduled for pk in pairs.get(mid, ())}
    names = {
        profile.pk: profile.display_name
        for profile in MarketplaceProfile.objects.filter(pk__in=left_out).select_related("user")
    }
    assignments = schedule.get("assignments", [])
    return {
        "engine": engine,
        "requested": len(instance["meetings"]),
        "placed": len(assignments),
        "weight": sum(weights.get(a["meeting"], 0) for a in assignments),
        "max_weight": sum(weights.values()),
        "bound": engine.get("upper_bound"),
        "unplaced": [
            {
                "meeting": mid,
                "with": [names.get(pk, "") for pk in pairs.get(mid, ())],
                "reason": str(reasons.get(mid, "")),
            }
            for mid in unscheduled
        ],
    }


def _without_the_departed(schedule: dict, pairs: dict) -> dict:
    """A schedule made while a participant's account was erased (a run started before) leaves
    their meetings out: they become unscheduled, so no draft brings them back."""
    profile_ids = {pk for pair in pairs.values() for pk in pair}
    departed = set(
        MarketplaceProfile.objects.filter(
            pk__in=profile_ids, user__email__endswith=f"@{FORMER_DOMAIN}"
        ).values_list("pk", flat=True)
    )
    if not departed:
        return schedule
    assignments = schedule.get("assignments", [])
    gone = [a for a in assignments if departed & set(pairs.get(a["meeting"], ()))]
    if not gone:
        return schedule
    return {
        **schedule,
        "assignments": [a for a in assignments if a not in gone],
        "unscheduled": [*schedule.get("unscheduled", []), *(a["meeting"] for a in gone)],
    }


def store_version(
    event: Event, *, actor, instance: dict, schedule: dict, stats: dict | None = None
) -> ScheduleVersion:
    """A draft version holding the assignments of ``schedule`` (already checked) as meetings.

    Its stats are ``schedule_stats`` with ``stats`` added over them."""
    slot_by_id = {slot["id"]: slot for slot in instance["slots"]}
    pairs = meeting_pairs(instance)
    fixed = {m["id"] for m in instance["meetings"] if "fixed_slot" in m}
    wanted = _wanted_meetings(event, {pk for pair in pairs.values() for pk in pair})
    schedule = _without_the_departed(schedule, pairs)
    assignments = schedule.get("assignments", [])
    with transaction.atomic():
        version = ScheduleVersion.objects.create(
            event=event,
            created_by=actor,
            stats={**schedule_stats(instance, schedule), **(stats or {})},
            instance=instance,
            schedule=schedule,
        )
        used = defaultdict(set)
        for a in assignments:
            if a.get("table"):
                used[a["slot"]].add(a["table"])
        for a in sorted(assignments, key=lambda a: (a["slot"], a["meeting"])):
            slot = slot_by_id[a["slot"]]
            table = a.get("table")
            if not table and "tables" in instance:
                table = next(n for n in range(1, 100_000) if n not in used[slot["id"]])
                used[slot["id"]].add(table)
            pair = pairs[a["meeting"]]
            meeting = Meeting.objects.create(
                version=version,
                slot_id=slot["id"],
                starts_at=dt.datetime.fromisoformat(slot["start"]),
                ends_at=dt.datetime.fromisoformat(slot["end"]),
                table=table or None,
                pinned=a["meeting"] in fixed,
            )
            meeting.participants.set(pair)
            meeting.requests.set(wanted.get(pair, {}).get("requests", []))
    return version
