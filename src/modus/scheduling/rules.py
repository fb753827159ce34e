"""The rules of the B2B exchange format (shared/formats/b2b.md), checked in one place.

Everything that judges a schedule against its instance calls ``check_schedule``: the platform's
import of a schedule made elsewhere, the tests and the benchmarks. Each fault is a ``Violation``
with a stable ``code`` and the ids it concerns in ``params``, so that a caller can word it in the
reader's language; ``message`` is the plain English wording for logs and the command line.
"""

from collections import Counter
from dataclasses import dataclass, field

INSTANCE_FORMAT = "modus-b2b-instance/1"
SCHEDULE_FORMAT = "modus-b2b-schedule/1"


@dataclass(frozen=True)
class Violation:
    code: str
    message: str
    params: dict = field(default_factory=dict)

    def __str__(self) -> str:
        return self.message


def _shape(schedule) -> list[Violation]:
    if not isinstance(schedule, dict) or schedule.get("format") != SCHEDULE_FORMAT:
        return [
            Violation(
                "bad_format", f"the format must be {SCHEDULE_FORMAT!r}", {"format": SCHEDULE_FORMAT}
            )
        ]
    assignments, unscheduled = schedule.get("assignments"), schedule.get("unscheduled")
    if not isinstance(assignments, list) or not isinstance(unscheduled, list):
        return [Violation("bad_lists", "'assignments' and 'unscheduled' must be lists")]
    if not all(isinstance(item, dict) for item in assignments):
        return [Violation("bad_assignment", "every assignment must be an object")]
    return []


def _listed_once(instance: dict, schedule: dict) -> list[Violation]:
    """Every meeting of the instance appears exactly once: assigned or unscheduled."""
    meetings = {m["id"] for m in instance["meetings"]}
    listed = [a.get("meeting") for a in schedule["assignments"]] + list(schedule["unscheduled"])
    faults = []
    for mid in listed:
        if not isinstance(mid, str) or mid not in meetings:
            faults.append(Violation("unknown_meeting", f"unknown meeting id {mid!r}", {"id": mid}))
    for mid, times in Counter(m for m in listed if isinstance(m, str)).items():
        if times > 1 and mid in meetings:
            faults.append(
                Violation("duplicate_meeting", f"meeting {mid} appears twice", {"id": mid})
            )
    for mid in sorted(meetings - {m for m in listed if isinstance(m, str)}):
        faults.append(
            Violation(
                "missing_meeting", f"meeting {mid} is neither assigned nor unscheduled", {"id": mid}
            )
        )
    return faults


def _placement(instance: dict, schedule: dict) -> list[Violation]:
    """Rules 1-3 of the format: people, slots, availability, caps, tables."""
    slots = {s["id"] for s in instance["slots"]}
    people = {p["id"]: p for p in instance["participants"]}
    meetings = {m["id"]: m for m in instance["meetings"]}
    tables = instance.get("tables")
    faults = []
    busy = Counter()
    per_person = Counter()
    per_slot = Counter()
    seats = set()
    for item in schedule["assignments"]:
        mid, sid, table = item.get("meeting"), item.get("slot"), item.get("table")
        meeting = meetings.get(mid) if isinstance(mid, str) else None
        if meeting is None:
            continue  # reported by _listed_once
        if not isinstance(sid, str) or sid not in slots:
            faults.append(Violation("unknown_slot", f"unknown slot {sid!r}", {"id": sid}))
            continue
        if sid in meeting.get("forbidden_slots", []):
            faults.append(
                Violation(
                    "forbidden_slot", f"meeting {mid} is placed in a forbidden slot", {"id": mid}
                )
            )
        if meeting.get("fixed_slot") and meeting["fixed_slot"] != sid:
            faults.append(
                Violation("not_fixed_slot", f"meeting {mid} is pinned to another slot", {"id": mid})
            )
        for pid in meeting["with"]:
            if sid in people[pid].get("unavailable", []):
                faults.append(
                    Violation(
                        "participant_unavailable",
                        f"participant {pid} is unavailable in slot {sid}",
                        {"p": pid, "s": sid},
                    )
                )
            busy[(pid, sid)] += 1
            per_person[pid] += 1
        per_slot[sid] += 1
        if table is None:
            continue
        if isinstance(table, bool) or not isinstance(table, int) or table < 1:
            faults.append(Violation("bad_table", f"table {table!r} is not a number from 1", {}))
        elif tables is not None and table > tables:
            faults.append(Violation("no_such_table", f"table {table} does not exist", {"t": table}))
        elif (sid, table) in seats:
            faults.append(
                Violation(
                    "table_taken",
                    f"table {table} is given twice in slot {sid}",
                    {"t": table, "s": sid},
                )
            )
        seats.add((sid, table))
    for (pid, sid), times in busy.items():
        if times > 1:
            faults.append(
                Violation(
                    "double_booked",
                    f"participant {pid} is double booked in slot {sid}",
                    {"p": pid, "s": sid},
                )
            )
    for pid, count in per_person.items():
        cap = people[pid].get("max_meetings")
        if cap is not None and count > cap:
            faults.append(
                Violation(
                    "over_max_meetings",
                    f"participant {pid} has more than {cap} meetings",
                    {"p": pid, "n": cap},
                )
            )
    if tables is not None:
        for sid, count in per_slot.items():
            if count > tables:
                faults.append(
                    Violation(
                        "slot_full",
                        f"slot {sid} holds more meetings than there are tables",
                        {"s": sid},
                    )
                )
    return faults


def check_schedule(instance: dict, schedule, *, require_tables: bool = False) -> list[Violation]:
    """Every fault of ``schedule`` against a valid ``instance``; empty when it keeps every rule.

    ``require_tables``: every assignment must name its table when the instance has tables (what
    the scheduler itself promises; a schedule made elsewhere may leave tables to the platform)."""
    faults = _shape(schedule)
    if faults:
        return faults
    faults = _listed_once(instance, schedule) + _placement(instance, schedule)
    if require_tables and instance.get("tables") is not None:
        faults += [
            Violation("no_table", f"meeting {a['meeting']} has no table", {"id": a["meeting"]})
            for a in schedule["assignments"]
            if a.get("table") is None
        ]
    return faults
