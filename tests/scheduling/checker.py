"""Our own check of a schedule against every rule of the exchange format."""

from collections import Counter


def check(instance: dict, schedule: dict) -> list[str]:
    errors = []
    slots = [s["id"] for s in instance["slots"]]
    people = {p["id"]: p for p in instance["participants"]}
    meetings = {m["id"]: m for m in instance["meetings"]}
    tables = instance.get("tables")
    if schedule.get("format") != "modus-b2b-schedule/1":
        errors.append("format")
    placed = [a["meeting"] for a in schedule["assignments"]]
    listed = Counter(placed + list(schedule["unscheduled"]))
    if set(listed) != set(meetings) or any(n != 1 for n in listed.values()):
        errors.append("every meeting exactly once")
    busy = Counter()
    per_person = Counter()
    per_slot = Counter()
    seats = set()
    for a in schedule["assignments"]:
        m = meetings[a["meeting"]]
        sid = a["slot"]
        if sid not in slots:
            errors.append(f"unknown slot {sid}")
        if m.get("fixed_slot") and m["fixed_slot"] != sid:
            errors.append(f"{m['id']} off its fixed slot")
        if sid in m.get("forbidden_slots", []):
            errors.append(f"{m['id']} in a forbidden slot")
        for pid in m["with"]:
            if sid in people[pid].get("unavailable", []):
                errors.append(f"{pid} unavailable in {sid}")
            busy[(pid, sid)] += 1
            per_person[pid] += 1
        per_slot[sid] += 1
        table = a.get("table")
        if tables is not None:
            if not (isinstance(table, int) and 1 <= table <= tables):
                errors.append(f"{m['id']} table {table}")
            if (sid, table) in seats:
                errors.append(f"table {table} twice in {sid}")
            seats.add((sid, table))
    errors += [f"{k} double-booked" for k, n in busy.items() if n > 1]
    for pid, n in per_person.items():
        cap = people[pid].get("max_meetings")
        if cap is not None and n > cap:
            errors.append(f"{pid} over cap")
    if tables is not None:
        errors += [f"{sid} over tables" for sid, n in per_slot.items() if n > tables]
    return errors
