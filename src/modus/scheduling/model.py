"""The instance, read and checked: participants, slots and meetings turned into small integers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from numbers import Real

from .rules import INSTANCE_FORMAT

UNAVAILABLE = -2
FREE = -1
MAX_WEIGHT = 1_000_000  # larger weights only overflow the exact solver's whole-number objective


class InstanceError(ValueError):
    """A malformed or inconsistent instance; ``field`` names the field at fault."""

    def __init__(self, message: str, field: str = ""):
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.message = message


@dataclass
class Problem:
    """An instance as arrays; slots, participants and meetings numbered in the instance order."""

    slot_ids: list[str]
    sessions: list[tuple[int, int]]  # [start, end) ranges of slot positions, one per session
    session_of: list[int]
    person_ids: list[str]
    available: list[list[bool]]  # participant -> slot -> free
    caps: list[int]  # participant -> most meetings (never more than the slots they are free in)
    meeting_ids: list[str]
    members: list[tuple[int, ...]]
    weights: list[float]
    allowed: list[list[int]]  # meeting -> slot positions it may take (everyone free, not forbidden)
    tables: int | None
    slot_index: dict[str, int] = field(default_factory=dict)
    meeting_index: dict[str, int] = field(default_factory=dict)

    @property
    def n_slots(self) -> int:
        return len(self.slot_ids)

    @property
    def capacity(self) -> int:
        """Meetings one slot may hold."""
        return len(self.meeting_ids) if self.tables is None else self.tables


def _id(value, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise InstanceError("must be a non-empty string", where)
    return value


def _list(value, where: str) -> list:
    if not isinstance(value, list):
        raise InstanceError("must be a list", where)
    return value


def parse(instance) -> Problem:
    """Check every field of an instance and index it; raise InstanceError naming the first fault."""
    if not isinstance(instance, dict):
        raise InstanceError("the instance must be a JSON object", "instance")
    if instance.get("format") != INSTANCE_FORMAT:
        raise InstanceError(
            f"is {instance.get('format')!r}, expected {INSTANCE_FORMAT!r}", "format"
        )
    tables = instance.get("tables")
    if tables is not None and (
        isinstance(tables, bool) or not isinstance(tables, int) or tables < 0
    ):
        raise InstanceError("must be a whole number of tables, 0 or more", "tables")

    slots = _list(instance.get("slots"), "slots")
    if not slots:
        raise InstanceError("at least one slot is needed", "slots")
    slot_ids: list[str] = []
    slot_index: dict[str, int] = {}
    session_names: list[str] = []
    for k, slot in enumerate(slots):
        if not isinstance(slot, dict):
            raise InstanceError("must be an object", f"slots[{k}]")
        sid = _id(slot.get("id"), f"slots[{k}].id")
        if sid in slot_index:
            raise InstanceError(f"duplicate slot id {sid!r}", f"slots[{k}].id")
        session = slot.get("session", "")
        if not isinstance(session, str):
            raise InstanceError("must be a string", f"slots[{k}].session")
        slot_index[sid] = k
        slot_ids.append(sid)
        session_names.append(session)
    _check_times(slots)
    sessions: list[tuple[int, int]] = []
    session_of: list[int] = []
    start = 0
    for k in range(1, len(slot_ids) + 1):
        if k == len(slot_ids) or session_names[k] != session_names[start]:
            sessions.append((start, k))
            session_of.extend([len(sessions) - 1] * (k - start))
            start = k
    n_slots = len(slot_ids)

    people = _list(instance.get("participants"), "participants")
    person_ids: list[str] = []
    person_index: dict[str, int] = {}
    available: list[list[bool]] = []
    caps: list[int] = []
    for i, person in enumerate(people):
        where = f"participants[{i}]"
        if not isinstance(person, dict):
            raise InstanceError("must be an object", where)
        pid = _id(person.get("id"), f"{where}.id")
        if pid in person_index:
            raise InstanceError(f"duplicate participant id {pid!r}", f"{where}.id")
        free = [True] * n_slots
        for sid in _list(person.get("unavailable", []), f"{where}.unavailable"):
            if not isinstance(sid, str) or sid not in slot_index:
                raise InstanceError(f"unknown slot {sid!r}", f"{where}.unavailable")
            free[slot_index[sid]] = False
        cap = person.get("max_meetings")
        if cap is not None and (isinstance(cap, bool) or not isinstance(cap, int) or cap < 0):
            raise InstanceError("must be a whole number, 0 or more", f"{where}.max_meetings")
        person_index[pid] = i
        person_ids.append(pid)
        available.append(free)
        caps.append(min(sum(free), n_slots if cap is None else cap))

    meetings = _list(instance.get("meetings"), "meetings")
    meeting_ids: list[str] = []
    meeting_index: dict[str, int] = {}
    members: list[tuple[int, ...]] = []
    weights: list[float] = []
    allowed: list[list[int]] = []
    for j, meeting in enumerate(meetings):
        where = f"meetings[{j}]"
        if not isinstance(meeting, dict):
            raise InstanceError("must be an object", where)
        mid = _id(meeting.get("id"), f"{where}.id")
        if mid in meeting_index:
            raise InstanceError(f"duplicate meeting id {mid!r}", f"{where}.id")
        who = _list(meeting.get("with"), f"{where}.with")
        if len(who) < 2:
            raise InstanceError("a meeting needs at least two participants", f"{where}.with")
        group = []
        for pid in who:
            if not isinstance(pid, str) or pid not in person_index:
                raise InstanceError(f"unknown participant {pid!r}", f"{where}.with")
            group.append(person_index[pid])
        if len(set(group)) != len(group):
            raise InstanceError("a participant is named twice", f"{where}.with")
        weight = meeting.get("weight", 1)
        if isinstance(weight, bool) or not isinstance(weight, Real) or not weight >= 0:
            raise InstanceError("must be a number, 0 or more", f"{where}.weight")
        if weight != weight or weight == float("inf"):
            raise InstanceError("must be a finite number", f"{where}.weight")
        if weight > MAX_WEIGHT:
            raise InstanceError(f"must be at most {MAX_WEIGHT:,}", f"{where}.weight")
        forbidden = set()
        for sid in _list(meeting.get("forbidden_slots", []), f"{where}.forbidden_slots"):
            if not isinstance(sid, str) or sid not in slot_index:
                raise InstanceError(f"unknown slot {sid!r}", f"{where}.forbidden_slots")
            forbidden.add(slot_index[sid])
        fixed = meeting.get("fixed_slot")
        if fixed is not None:
            if not isinstance(fixed, str) or fixed not in slot_index:
                raise InstanceError(f"unknown slot {fixed!r}", f"{where}.fixed_slot")
            candidates = [slot_index[fixed]]
        else:
            candidates = range(n_slots)
        ok = [s for s in candidates if s not in forbidden and all(available[p][s] for p in group)]
        if tables == 0:
            ok = []
        meeting_index[mid] = j
        meeting_ids.append(mid)
        members.append(tuple(group))
        weights.append(weight)
        allowed.append(ok)
    return Problem(
        slot_ids=slot_ids,
        sessions=sessions,
        session_of=session_of,
        person_ids=person_ids,
        available=available,
        caps=caps,
        meeting_ids=meeting_ids,
        members=members,
        weights=weights,
        allowed=allowed,
        tables=tables,
        slot_index=slot_index,
        meeting_index=meeting_index,
    )


def _time(value, where: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InstanceError("must be an ISO 8601 date and time", where)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise InstanceError(f"{value!r} is not an ISO 8601 date and time", where) from None
    if moment.tzinfo is None:
        raise InstanceError("must carry a time zone offset (e.g. +01:00)", where)
    return moment


def _check_times(slots: list[dict]) -> None:
    """Where slots give ``start`` and ``end``: each lasts a while, and they follow one another
    without overlapping (a participant cannot be in two meetings at once)."""
    previous = None
    for k, slot in enumerate(slots):
        start = _time(slot.get("start"), f"slots[{k}].start")
        end = _time(slot.get("end"), f"slots[{k}].end")
        if start is not None and end is not None and end <= start:
            raise InstanceError("ends before or when it starts (zero length)", f"slots[{k}].end")
        if start is not None and previous is not None and start < previous[1]:
            raise InstanceError(
                f"starts before slot {previous[0]!r} ends (slots overlap or are out of order)",
                f"slots[{k}].start",
            )
        if end is not None:
            previous = (slot.get("id"), end)
