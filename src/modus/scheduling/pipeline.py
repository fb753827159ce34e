"""The default pipeline on events the exact engine can hold whole: today's heuristic as a start
(a short run of it), then CP-SAT (``exact.solve_exact``) for the weight and the breaks, with the
rest of the time limit. Larger events keep the heuristic (``method`` says which ran)."""

from __future__ import annotations

import os
import time

from .exact import solve_exact
from .model import FREE, Problem
from .portfolio import Portfolio, figures, rebuild, run_compaction

EXACT_VARIABLES = 20_000  # x[m, s] pairs up to which CP-SAT takes the whole event
START_SHARE = 0.15  # of the time limit, for the heuristic start (at most START_SECONDS)
START_SECONDS = 1.5


def fits_exact(problem: Problem) -> bool:
    return sum(len(a) for a in problem.allowed) <= EXACT_VARIABLES


def slot_of_schedule(problem: Problem, schedule: dict) -> list[int]:
    slot_of = [FREE] * len(problem.meeting_ids)
    for a in schedule["assignments"]:
        slot_of[problem.meeting_index[a["meeting"]]] = problem.slot_index[a["slot"]]
    return slot_of


def run_exact(
    problem, pinned, pinned_tables, started, time_limit, seed, workers, heuristic, output
):
    """``heuristic(time_limit)`` runs today's engine and returns its schedule; ``output(state,
    bound)`` writes one. The result's stats say what was proven."""
    cpus = getattr(os, "process_cpu_count", os.cpu_count)() or 1
    threads = max(1, min(2, cpus)) if workers is None else int(workers)
    pool = Portfolio(problem, pinned, threads) if threads > 1 else None  # starts meanwhile
    try:
        start = heuristic(min(START_SECONDS, time_limit * START_SHARE))
        st = start["stats"]

        def count_breaks(slot_of):
            return figures(rebuild(problem, pinned, slot_of))[0]

        def polish(slot_of, deadline):
            return _kempe(problem, pinned, pool, slot_of, seed, deadline)

        result = solve_exact(
            problem,
            pinned,
            slot_of_schedule(problem, start),
            started + time_limit * 0.97,
            count_breaks,
            workers=threads,
            seed=seed,
            weight_bound=float(st["upper_bound"]),
            polish=polish,
        )
    finally:
        if pool is not None:
            pool.close()
    bound = st["upper_bound"]
    if result.weight_bound is not None:
        bound = min(bound, result.weight_bound)
    out = output(rebuild(problem, pinned, result.slot_of), bound)
    weight_optimal = result.weight_optimal or out["stats"]["weight_optimal"]
    lower = result.breaks_lower_bound if result.breaks_lower_bound is not None else 0
    out["stats"].update(
        weight_optimal=weight_optimal,
        breaks_lower_bound=lower,
        optimal=bool(weight_optimal and (result.breaks_optimal or out["stats"]["breaks"] <= lower)),
        method="exact",
        upper_bound_source=st.get("upper_bound_source"),
        workers=threads,
        best_worker=0,
        deterministic=False,
        worker_peak_mib=st.get("worker_peak_mib", 0),
        seconds=round(time.monotonic() - started, 3),
    )
    return out


def _kempe(problem, pinned, pool, slot_of, seed, deadline) -> list[int]:
    """The Kempe-chain annealing of ``slot_of`` on every worker (each with its own seed), or in
    this process when there are none; the schedule with the fewest breaks, then holes."""
    if pool is not None and pool.ready():
        pool.submit(slot_of, seed, 0, deadline, kind="kempe")
        results = pool.collect()
    else:
        seconds = max(0.0, deadline - time.monotonic())
        results = [run_compaction(problem, pinned, slot_of, seed, 0, 0, seconds, kind="kempe")]
    return min(results, key=lambda r: (r[1], r[2]))[0]
