"""``solve`` and ``reschedule``: an instance in, a schedule of the exchange format out."""

from __future__ import annotations

import random
import time

from .bound import LPBound, proven_bound
from .engine import State, compact, construct, improve_weight
from .model import FREE, SCHEDULE_FORMAT, InstanceError, Problem, parse


def solve(instance: dict, *, time_limit: float = 10.0, seed: int = 0) -> dict:
    """The best schedule found for an instance, with its figures and a proven upper bound."""
    started = time.monotonic()
    problem = parse(instance)
    return _run(problem, {}, {}, started, time_limit, seed)


def reschedule(instance: dict, published: dict, *, time_limit: float = 10.0, seed: int = 0) -> dict:
    """A new schedule for a changed instance that keeps every published assignment still valid in
    its slot and at its table, and fills what was freed."""
    started = time.monotonic()
    problem = parse(instance)
    pinned, tables = _keepable(problem, published)
    return _run(problem, pinned, tables, started, time_limit, seed)


def _keepable(problem: Problem, published) -> tuple[dict[int, int], dict[int, int]]:
    if not isinstance(published, dict) or published.get("format") != SCHEDULE_FORMAT:
        raise InstanceError(
            f"the published schedule must have format {SCHEDULE_FORMAT!r}", "published.format"
        )
    assignments = published.get("assignments")
    if not isinstance(assignments, list):
        raise InstanceError("must be a list", "published.assignments")
    state = State(problem)
    pinned: dict[int, int] = {}
    tables: dict[int, int] = {}
    taken: set[tuple[int, int]] = set()
    for k, a in enumerate(assignments):
        if not isinstance(a, dict):
            raise InstanceError("must be an object", f"published.assignments[{k}]")
        m = problem.meeting_index.get(a.get("meeting"))
        s = problem.slot_index.get(a.get("slot"))
        if m is None or s is None or m in pinned or s not in problem.allowed[m]:
            continue  # the meeting or slot is gone, or the slot no longer suits everyone
        if not state.fits(m, s) or not state.has_room(m):
            continue
        table = a.get("table")
        if problem.tables is not None and table is not None:
            if not isinstance(table, int) or not 1 <= table <= problem.tables:
                continue
            if (s, table) in taken:
                continue
        state.place(m, s)
        pinned[m] = s
        if isinstance(table, int) and not isinstance(table, bool):
            taken.add((s, table))
            tables[m] = table
    return pinned, tables


def _priority(problem: Problem, rng: random.Random) -> list[int]:
    """Heaviest first; among equals, the meeting with the fewest slots and busiest people first."""
    demand = [0] * len(problem.person_ids)
    for group in problem.members:
        for p in group:
            demand[p] += 1
    pressure = [demand[p] / max(1, problem.caps[p]) for p in range(len(demand))]
    keys = []
    for m, group in enumerate(problem.members):
        keys.append(
            (
                -problem.weights[m],
                len(problem.allowed[m]),
                -max(pressure[p] for p in group),
                rng.random(),
                m,
            )
        )
    keys.sort()
    return [k[-1] for k in keys]


def _run(problem, pinned, pinned_tables, started, time_limit, seed) -> dict:
    rng = random.Random(seed)
    lp = LPBound(problem, pinned, time_limit=max(1.0, time_limit * 0.9))
    state = State(problem, pinned)
    order = _priority(problem, rng)
    construct(state, order)
    budget_end = started + time_limit * 0.85
    weight_end = started + time_limit * 0.45
    improve_weight(state, order, rng, weight_end)
    # the LP's solution as a guide: a second construction that follows it, kept if heavier
    if time.monotonic() < weight_end:
        lp.result()
        guide = lp.guidance()
        if guide is not None and time.monotonic() < weight_end:
            total, best = guide
            rank = {m: k for k, m in enumerate(order)}
            order2 = sorted(order, key=lambda m: (-round(total[m], 4), rank[m]))
            other = State(problem, pinned)
            for m in order2:
                s = best[m]
                if (
                    other.slot_of[m] == FREE
                    and total[m] > 0.5
                    and s >= 0
                    and other.has_room(m)
                    and other.fits(m, s)
                ):
                    other.place(m, s)
            construct(other, order2)
            improve_weight(other, order2, rng, weight_end)
            if other.weight > state.weight:
                state = other
    n = len(problem.meeting_ids)
    compact(state, rng, iterations=60 * n + 1000, deadline=budget_end)
    bound_value, lp_ok = lp.result()
    bound = proven_bound(bound_value, problem.weights)
    return _output(problem, state, pinned_tables, bound, lp_ok, time.monotonic() - started)


def _output(problem, state, pinned_tables, bound, lp_ok, seconds) -> dict:
    by_slot: dict[int, list[int]] = {}
    for m, s in enumerate(state.slot_of):
        if s != FREE:
            by_slot.setdefault(s, []).append(m)
    table_of: dict[int, int] = {}
    for ms in by_slot.values():
        used = {pinned_tables[m] for m in ms if m in pinned_tables}
        nxt = 1
        for m in sorted(ms):
            if m in pinned_tables:
                table_of[m] = pinned_tables[m]
                continue
            while nxt in used:
                nxt += 1
            table_of[m] = nxt
            used.add(nxt)
    assignments = [
        {"meeting": problem.meeting_ids[m], "slot": problem.slot_ids[s], "table": table_of[m]}
        for m, s in enumerate(state.slot_of)
        if s != FREE
    ]
    unscheduled = [problem.meeting_ids[m] for m, s in enumerate(state.slot_of) if s == FREE]
    reasons = {
        problem.meeting_ids[m]: _reason(problem, state, m)
        for m, s in enumerate(state.slot_of)
        if s == FREE
    }
    breaks = holes = 0
    for p in range(len(problem.person_ids)):
        b, h = state.person_figures(p)
        breaks += b
        holes += h
    asked = {p for group in problem.members for p in group}
    weight = sum(problem.weights[m] for m, s in enumerate(state.slot_of) if s != FREE)
    if float(weight).is_integer():
        weight = int(weight)
    return {
        "format": SCHEDULE_FORMAT,
        "assignments": assignments,
        "unscheduled": unscheduled,
        "reasons": reasons,
        "stats": {
            "scheduled": len(assignments),
            "weight": weight,
            "breaks": breaks,
            "holes": holes,
            "upper_bound": int(bound) if float(bound).is_integer() else bound,
            "upper_bound_from_lp": lp_ok,
            "optimal": weight >= bound - 1e-6,
            "seconds": round(seconds, 3),
            "left_without_meeting": sum(1 for p in asked if state.count[p] == 0),
        },
    }


def _reason(problem: Problem, state: State, m: int) -> str:
    if not problem.allowed[m]:
        return "no_common_free_slot"
    if any(state.count[p] >= problem.caps[p] for p in problem.members[m]):
        return "participant_full"
    for s in problem.allowed[m]:
        if all(state.rows[p][s] == FREE for p in problem.members[m]):
            return "tables_full"
    return "no_common_free_slot"
