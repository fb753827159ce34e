"""What publishing a draft would change in the published schedule, meeting by meeting.

A meeting is known by its people (the pair of profile ids): the same pair in the published
schedule and in the draft is one meeting that goes on, kept in place or moved; a pair only in
the draft is added; a pair only in the published schedule would be cancelled. The preview page,
``services.publish`` and its e-mails all read the same ``ScheduleChanges``.
"""

import dataclasses

from django.db.models import Prefetch

from ..models import Meeting, MeetingOutcome, ScheduleVersion
from .schedule import pair_of, shown_profiles


@dataclasses.dataclass
class MeetingChange:
    """One meeting in the comparison: ``before`` is the published meeting, ``after`` the draft's."""

    kind: str  # "kept", "moved", "added" or "cancelled"
    people: list
    before: Meeting | None = None
    after: Meeting | None = None
    outcomes: list = dataclasses.field(default_factory=list)  # recorded on ``before``

    def others(self, profile_id: int) -> list:
        return [p for p in self.people if p.pk != profile_id]


@dataclasses.dataclass
class ScheduleChanges:
    previous: ScheduleVersion | None
    draft: ScheduleVersion
    kept: list[MeetingChange]
    moved: list[MeetingChange]
    added: list[MeetingChange]
    cancelled: list[MeetingChange]
    people: set[int]  # profile ids to tell: the draft's participants whose meetings changed

    @property
    def counts(self) -> dict[str, int]:
        return {
            "kept": len(self.kept),
            "moved": len(self.moved),
            "added": len(self.added),
            "dropped": len(self.cancelled),
        }

    @property
    def detached(self) -> list[tuple[MeetingChange, MeetingOutcome]]:
        """Outcomes recorded on meetings that would be cancelled (they stay with the cancelled
        meeting, but no longer with a meeting of the schedule)."""
        return [(change, outcome) for change in self.cancelled for outcome in change.outcomes]

    @property
    def needs_confirmation(self) -> bool:
        """Publishing moves or cancels a published meeting: the organiser must confirm."""
        return self.previous is not None and bool(self.moved or self.cancelled)

    @property
    def changed(self) -> list[MeetingChange]:
        return self.moved + self.added + self.cancelled

    def of(self, profile_id: int) -> list[MeetingChange]:
        """The changes one participant is told about, in time order."""
        return sorted(
            (c for c in self.changed if any(p.pk == profile_id for p in c.people)),
            key=lambda c: ((c.after or c.before).starts_at, c.kind),
        )

    def affected_profiles(self) -> list:
        """The people to tell, once each, in name order."""
        found = {p.pk: p for c in self.changed for p in c.people if p.pk in self.people}
        return sorted(found.values(), key=lambda p: (p.display_name, p.pk))


def _meetings(version: ScheduleVersion, *, outcomes: bool):
    meetings = version.meetings.scheduled().prefetch_related(
        Prefetch("participants", queryset=shown_profiles())
    )
    if outcomes:
        meetings = meetings.prefetch_related(
            Prefetch("outcomes", queryset=MeetingOutcome.objects.select_related("profile__user"))
        )
    return {pair_of(m): m for m in meetings.order_by("starts_at", "table", "pk")}


def schedule_changes(previous: ScheduleVersion | None, draft: ScheduleVersion) -> ScheduleChanges:
    """What publishing ``draft`` over ``previous`` (the published version, or None) changes."""
    after = _meetings(draft, outcomes=False)
    before = _meetings(previous, outcomes=True) if previous is not None else {}
    present = {int(p["id"][1:]) for p in draft.instance.get("participants", [])}
    changes = ScheduleChanges(previous, draft, [], [], [], [], set())
    for pair, new in after.items():
        old = before.get(pair)
        people = list(new.participants.all())
        if old is None:
            changes.added.append(MeetingChange("added", people, after=new))
            continue
        outcomes = list(old.outcomes.all())
        same = (old.slot_id, old.table) == (new.slot_id, new.table)
        kind = "kept" if same else "moved"
        getattr(changes, kind).append(MeetingChange(kind, people, old, new, outcomes))
    for pair, old in before.items():
        if pair not in after:
            change = MeetingChange(
                "cancelled",
                list(old.participants.all()),
                before=old,
                outcomes=list(old.outcomes.all()),
            )
            changes.cancelled.append(change)
    if previous is None:
        changes.people = present
    else:
        changes.people = {p.pk for c in changes.changed for p in c.people if p.pk in present}
    return changes
