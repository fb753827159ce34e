"""``solve`` and ``reschedule``: an instance in, a schedule of the exchange format out."""

from __future__ import annotations

import random
import time

from .bound import LPBound, _simple_bound, matching_guide, proven_bound
from .engine import State, construct, improve_weight
from .model import FREE, InstanceError, Problem, parse
from .pipeline import HEURISTIC_SHARE, fits_exact, run_exact, run_neighbourhoods
from .portfolio import Portfolio, rebuild, run_compaction, threads
from .rules import SCHEDULE_FORMAT

METHODS = ("auto", "legacy")


def solve(
    instance: dict,
    *,
    time_limit: float = 10.0,
    seed: int = 0,
    workers: int | None = None,
    method: str = "auto",
) -> dict:
    """The best schedule found for an instance, with its figures and a proven upper bound.

    ``workers``: processes for the compaction (default: two where there are two cores, one for
    small instances, where starting a process costs more than it brings). ``method``: "auto"
    (CP-SAT on events it can hold whole, warm-started by the heuristic) or "legacy" (the
    heuristic alone, as before the exact engine)."""
    started = time.monotonic()
    problem = parse(instance)
    return _dispatch(problem, {}, {}, started, time_limit, seed, workers, method)


def reschedule(
    instance: dict,
    published: dict,
    *,
    time_limit: float = 10.0,
    seed: int = 0,
    workers: int | None = None,
    method: str = "auto",
) -> dict:
    """A new schedule for a changed instance that keeps every published assignment still valid in
    its slot and at its table, and fills what was freed."""
    started = time.monotonic()
    problem = parse(instance)
    pinned, tables = _keepable(problem, published)
    return _dispatch(problem, pinned, tables, started, time_limit, seed, workers, method)


def _dispatch(problem, pinned, tables, started, time_limit, seed, workers, method) -> dict:
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}")
    if method == "legacy":
        return _run(problem, pinned, tables, started, time_limit, seed, workers)
    if not fits_exact(problem):
        out = _run(problem, pinned, tables, started, time_limit * HEURISTIC_SHARE, seed, workers)

        def output(state, bound):
            return _output(problem, state, tables, bound, out["stats"]["upper_bound_from_lp"], 0)

        return run_neighbourhoods(problem, pinned, out, started, time_limit, seed, workers, output)

    def heuristic(seconds):
        return _run(problem, pinned, tables, time.monotonic(), seconds, seed, 1)

    def output(state, bound):
        return _output(problem, state, tables, bound, True, 0.0)

    return run_exact(problem, pinned, tables, started, time_limit, seed, workers, heuristic, output)


SMALL = 600  # meetings to move; below this one process is quicker than two


def default_workers(problem: Problem, pinned: dict[int, int] | None = None) -> int:
    """min(2, usable cores), or 1 for small instances."""
    movable = len(problem.meeting_ids) - len(pinned or {})
    return 1 if movable < SMALL else threads()


MOVES_PER_SECOND = 120_000  # annealing moves one core makes in a second, on the slow side


def iteration_budget(problem: Problem, time_limit: float) -> int:
    """How long the annealing runs, in moves, fixed before it starts (the seed and the time limit
    decide the result, not the clock): about a third of the time limit's worth of moves, at most
    120 per meeting (beyond that it gains next to nothing)."""
    n = len(problem.meeting_ids)
    return min(120 * n, int(MOVES_PER_SECOND * time_limit * 0.3)) + 1000


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


def _guided(problem, pinned, values, order, rng, deadline, slots=None) -> tuple[State, bool]:
    """Construction in the order of an LP's values: the meetings an optimum holds come first;
    with ``slots``, each of those first tries the slot the LP gave it most of."""
    rank = {m: k for k, m in enumerate(order)}
    order2 = sorted(order, key=lambda m: (-round(values[m], 4), rank[m]))
    state = State(problem, pinned)
    if slots is not None:
        for m in order2:
            s = slots[m]
            if (
                values[m] > 0.5
                and s >= 0
                and state.slot_of[m] == FREE
                and state.has_room(m)
                and state.fits(m, s)
            ):
                state.place(m, s)
    construct(state, order2)
    done = improve_weight(state, order2, rng, deadline)
    return state, done


def _run(problem, pinned, pinned_tables, started, time_limit, seed, workers) -> dict:
    """Starts, then the annealing on a portfolio of processes.

    1. The full LP starts in a thread (HiGHS lets go of the GIL): the bound, and a guide.
    2. Two starts at once: the greedy construction, and one that follows the LP without slots
       (a b-matching, solved in a blink); each improved by insertion; the heavier one is annealed
       by every worker, each with its own seed, while the full LP goes on.
    3. When the full LP is done, a construction that follows it; if it is heavier, the workers
       drop what they have and anneal that one instead.
    4. The best result by (weight, fewest breaks, fewest holes, lowest worker number).

    Every step but the clock is seeded, and every step has a budget of its own (insertion passes,
    annealing moves), so a given seed gives the same schedule, however many workers run, as long
    as no deadline cuts a step short; ``stats.deterministic`` says whether one did.
    """
    deadline = started + time_limit * 0.85
    lp = LPBound(problem, pinned, time_limit=max(1.0, time_limit * 0.6))
    if workers is None:
        workers = default_workers(problem, pinned)
    workers = max(1, int(workers))
    pool = Portfolio(problem, pinned, workers) if workers > 1 else None
    try:
        order = _priority(problem, random.Random(seed))
        start = State(problem, pinned)
        construct(start, order)
        complete = improve_weight(start, order, random.Random(f"{seed}:weight:0"), deadline)
        quick = matching_guide(problem, pinned)
        if quick is not None:
            other, done = _guided(
                problem, pinned, quick[1], order, random.Random(f"{seed}:weight:1"), deadline
            )
            complete &= done
            if other.weight > start.weight:
                start = other
        iterations = iteration_budget(problem, time_limit)
        if pool is not None and not pool.ready():
            pool, workers = None, 1  # no child processes here: one process does it all
        quick_bound = proven_bound(quick[0], problem.weights) if quick is not None else None
        if quick_bound is not None and start.weight >= quick_bound - 1e-9:
            lp.cancel()  # the start is optimal already: every core goes to the annealing
            bound_value, lp_ok = quick_bound, False
            if pool is not None:
                pool.submit(start.slot_of, seed, iterations, deadline)
        else:
            if pool is not None:  # one worker anneals while the LP has the other core
                pool.submit(start.slot_of, seed, iterations, deadline, only=[0])
            bound_value, lp_ok = lp.result()
            guide = lp.guidance()
            heavier = False
            if guide is not None:
                for k, slots in enumerate((None, guide[1])):
                    other, done = _guided(
                        problem,
                        pinned,
                        guide[0],
                        order,
                        random.Random(f"{seed}:weight:{2 + k}"),
                        deadline,
                        slots,
                    )
                    complete &= done
                    if other.weight > start.weight:
                        start, heavier = other, True
            else:
                complete = False  # the full LP ran out of time: its guide might have helped
            if pool is not None and heavier:
                pool.abort()
                pool.submit(start.slot_of, seed, iterations, deadline)
            elif pool is not None:
                pool.submit(start.slot_of, seed, iterations, deadline, only=range(1, workers))
        if pool is not None:
            results = pool.collect()
        else:
            results = [
                run_compaction(
                    problem,
                    pinned,
                    start.slot_of,
                    seed,
                    0,
                    iterations,
                    max(0.0, deadline - time.monotonic()),
                )
            ]
    finally:
        if pool is not None:
            pool.close()
        lp.wait()
    best = min(range(len(results)), key=lambda k: (results[k][1], results[k][2], k))
    complete &= all(r[3] for r in results)
    state = rebuild(problem, pinned, results[best][0])
    bounds = [_simple_bound(problem) if not lp_ok else bound_value]
    if quick is not None:
        bounds.append(quick[0])
    source = "lp" if lp_ok and bound_value <= min(bounds) else "matching_lp" if quick else "count"
    bound = proven_bound(min(bounds), problem.weights)
    out = _output(problem, state, pinned_tables, bound, lp_ok or quick is not None, 0.0)
    out["stats"].update(
        upper_bound_source=source,
        workers=workers,
        best_worker=best,
        deterministic=bool(complete),
        worker_peak_mib=round(pool.peak_kib / 1024) if pool is not None else 0,
        seconds=round(time.monotonic() - started, 3),
    )
    return out


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
            "weight_optimal": weight >= bound - 1e-6,
            # a heuristic proves nothing about breaks but the trivial 0
            "breaks_lower_bound": 0,
            "optimal": weight >= bound - 1e-6 and breaks == 0,
            "method": "heuristic",
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
