"""Reads about the schedule: the slots, versions and their meetings, runs, and outcomes."""

import dataclasses
import datetime as dt
from collections import Counter, defaultdict

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from modus.events.models import Event, SessionRole

from .. import dates
from ..models import (
    MarketplaceProfile,
    MatchmakingSettings,
    Meeting,
    MeetingOutcome,
    ScheduleVersion,
    SchedulingRun,
)

NOT_RECORDED = "not_recorded"


@dataclasses.dataclass(frozen=True)
class Slot:
    id: str
    start: dt.datetime  # aware, in the event's zone
    end: dt.datetime
    session: str

    @property
    def label(self) -> str:
        """Its day and times in the active language: "Tue 8 Nov, 09:00–09:20"."""
        return dates.moment(self.start, self.end)

    @property
    def day(self) -> dt.date:
        return self.start.date()


def slots(mm_settings: MatchmakingSettings) -> list[Slot]:
    """The meeting slots, in order: each window cut into slots of ``slot_minutes``.

    A window is one session of the instance, so the pause after it is a break, not idle time.
    """
    zone = mm_settings.event.zone
    length = dt.timedelta(minutes=mm_settings.slot_minutes)
    result = []
    for window in sorted(mm_settings.windows, key=lambda w: (w["day"], w["start"])):
        day = dt.date.fromisoformat(window["day"])
        start = dt.datetime.combine(day, dt.time.fromisoformat(window["start"]), tzinfo=zone)
        end = dt.datetime.combine(day, dt.time.fromisoformat(window["end"]), tzinfo=zone)
        session = f"{window['day']}-{window['start'].replace(':', '')}"
        while start + length <= end:
            result.append(Slot(f"{window['day']}-{start:%H%M}", start, start + length, session))
            start += length
    return result


def slot_grid(slot_list: list[Slot]) -> tuple[list[dt.date], list[tuple[str, list]]]:
    """The slots as a grid: the days (columns) and, per start time, the slot of each day or
    None (rows), for the availability form."""
    days = sorted({slot.day for slot in slot_list})
    at = {(slot.day, slot.start.time()): slot for slot in slot_list}
    times = sorted({slot.start.time() for slot in slot_list})
    rows = [(start, [at.get((day, start)) for day in days]) for start in times]
    return days, rows


def blocked_slot_ids(event: Event, user_ids, slot_list: list[Slot]) -> dict[int, set[str]]:
    """Per user: the slots that overlap an agenda session they speak in."""
    blocked = defaultdict(set)
    roles = SessionRole.objects.filter(
        session__event=event, person__user_id__in=list(user_ids)
    ).values_list("person__user_id", "session__starts_at", "session__ends_at")
    for user_id, starts_at, ends_at in roles:
        for slot in slot_list:
            if slot.start < ends_at and starts_at < slot.end:
                blocked[user_id].add(slot.id)
    return blocked


# Versions and their meetings ---------------------------------------------------------------------


def latest_version(event: Event) -> ScheduleVersion | None:
    return ScheduleVersion.objects.filter(event=event).order_by("-created_at", "-pk").first()


def published_version(event: Event) -> ScheduleVersion | None:
    return (
        ScheduleVersion.objects.filter(event=event, status=ScheduleVersion.Status.PUBLISHED)
        .order_by("-published_at", "-pk")
        .first()
    )


def shown_profiles():
    return MarketplaceProfile.objects.select_related("user", "organisation")


def meetings_of(profile: MarketplaceProfile, version: ScheduleVersion) -> list[Meeting]:
    """One participant's meetings in a version, each with ``others``: the other side."""
    meetings = list(
        version.meetings.scheduled()
        .filter(participants=profile)
        .prefetch_related(Prefetch("participants", queryset=shown_profiles()))
        .order_by("starts_at", "table")
    )
    for meeting in meetings:
        meeting.others = [p for p in meeting.participants.all() if p.pk != profile.pk]
    return meetings


def meetings_of_user(version: ScheduleVersion, user):
    """The user's meetings in a version, with every participant (for the API)."""
    return (
        version.meetings.scheduled()
        .filter(participants__user=user)
        .prefetch_related(Prefetch("participants", queryset=shown_profiles()))
        .order_by("starts_at", "table", "pk")
    )


def version_meetings(version: ScheduleVersion):
    """Every meeting of a version with its people and their organisations, in time and table
    order (the organisers)."""
    return (
        version.meetings.scheduled()
        .prefetch_related(Prefetch("participants", queryset=shown_profiles()))
        .order_by("starts_at", "table", "pk")
    )


def cancelled_meetings(version: ScheduleVersion):
    """The meetings later publications cancelled, kept with the published version as history."""
    return (
        version.meetings.cancelled()
        .prefetch_related(Prefetch("participants", queryset=shown_profiles()), "outcomes")
        .order_by("-cancelled_at", "starts_at", "pk")
    )


def meetings_at(event: Event):
    """The meetings of every version of the event (a view picks one by id)."""
    return Meeting.objects.filter(version__event=event).select_related("version")


def draft_meetings(event: Event):
    """The meetings of the event's drafts, with their people (the move page)."""
    return (
        meetings_at(event)
        .filter(version__status=ScheduleVersion.Status.DRAFT)
        .prefetch_related("participants__user")
    )


def pair_of(meeting: Meeting) -> tuple[int, ...]:
    """The meeting's profile ids in order (its participants prefetched or not)."""
    return tuple(sorted(p.pk for p in meeting.participants.all()))


def placements(version: ScheduleVersion) -> dict[tuple, tuple[str, int | None]]:
    """pair of profile ids -> (slot, table) of every scheduled meeting of a version."""
    return {
        pair_of(meeting): (meeting.slot_id, meeting.table)
        for meeting in version.meetings.scheduled().prefetch_related("participants")
    }


# Scheduling runs ---------------------------------------------------------------------------------


def active_run(event: Event) -> SchedulingRun | None:
    """The event's run that is queued or running, if any."""
    return (
        SchedulingRun.objects.filter(event=event, status__in=SchedulingRun.ACTIVE)
        .order_by("-created_at", "-pk")
        .first()
    )


def latest_run(event: Event) -> SchedulingRun | None:
    return SchedulingRun.objects.filter(event=event).order_by("-created_at", "-pk").first()


def run_of(event: Event, pk) -> SchedulingRun | None:
    return SchedulingRun.objects.filter(event=event, pk=pk).first()


# Outcomes ----------------------------------------------------------------------------------------


def outcomes_by_meeting(profile: MarketplaceProfile, meeting_ids) -> dict[int, str]:
    """The outcomes this participant recorded, by meeting id."""
    records = MeetingOutcome.objects.filter(profile=profile, meeting_id__in=list(meeting_ids))
    return dict(records.values_list("meeting_id", "outcome"))


def outcome_totals(version: ScheduleVersion) -> list[dict]:
    """Per outcome, how many meetings of a (published) version reached it.

    A meeting counts once, with the furthest outcome either side recorded (a joint project
    counts over a follow-up). A meeting cancelled after it took place still counts with its
    outcome; "not recorded yet" counts the scheduled meetings without one."""
    order = MeetingOutcome.Outcome.values
    furthest = {}
    scheduled_with_outcome = set()
    records = MeetingOutcome.objects.filter(meeting__version=version).values_list(
        "meeting_id", "outcome", "meeting__status"
    )
    for meeting_id, outcome, status in records:
        if order.index(outcome) >= order.index(furthest.get(meeting_id, order[0])):
            furthest[meeting_id] = outcome
        if status == Meeting.Status.SCHEDULED:
            scheduled_with_outcome.add(meeting_id)
    counts = Counter(furthest.values())
    rows = [
        {"outcome": value, "label": label, "count": counts.get(value, 0)}
        for value, label in MeetingOutcome.Outcome.choices
    ]
    rows.append(
        {
            "outcome": NOT_RECORDED,
            "label": _("Not recorded yet"),
            "count": version.meetings.scheduled().count() - len(scheduled_with_outcome),
        }
    )
    return rows
