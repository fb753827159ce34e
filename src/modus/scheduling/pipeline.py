"""The default pipelines (``method`` in the stats says which produced the schedule).

- Events the exact engine can hold whole: today's heuristic as a start (a short run of it), then
  CP-SAT (``exact.solve_exact``) for the weight and the breaks, with the rest of the time limit:
  "exact".
- Larger events: the heuristic for the weight (``HEURISTIC_SHARE`` of the time limit), then the
  neighbourhood search for breaks with the rest: Kempe-chain annealing on both cores, then CP-SAT
  re-solving a few people's days at a time (``lns``). "neighbourhood search" when it closed a
  break, else "heuristic"."""

from __future__ import annotations

import threading
import time

from .exact import solve_exact
from .lns import improve_breaks
from .model import FREE, Problem
from .portfolio import Portfolio, figures, rebuild, run_compaction, threads

EXACT_VARIABLES = 20_000  # x[m, s] pairs up to which CP-SAT takes the whole event
START_SHARE = 0.15  # of the time limit, for the heuristic start (at most START_SECONDS)
START_SECONDS = 1.5
HEURISTIC_SHARE = 0.6  # of the time limit, for the heuristic on events too big for the whole model
KEMPE_END = 0.8  # of the time limit: there the annealing hands over to the CP-SAT neighbourhoods
END = 0.93  # of the time limit: the rest is for writing the schedule out


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
    cores = threads(workers)
    peak = [0]
    start = heuristic(min(START_SECONDS, time_limit * START_SHARE))
    st = start["stats"]

    def count_breaks(slot_of):
        return figures(rebuild(problem, pinned, slot_of))[0]

    def polish(slot_of, deadline):
        return _kempe(problem, pinned, cores, slot_of, seed, deadline, peak)

    result = solve_exact(
        problem,
        pinned,
        slot_of_schedule(problem, start),
        started + time_limit * END,
        count_breaks,
        workers=cores,
        seed=seed,
        weight_bound=float(st["upper_bound"]),
        polish=polish,
    )
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
        workers=cores,
        best_worker=0,
        deterministic=False,
        worker_peak_mib=max(st.get("worker_peak_mib", 0), round(peak[0] / 1024)),
        seconds=round(time.monotonic() - started, 3),
    )
    return out


def run_neighbourhoods(problem, pinned, out, started, time_limit, seed, workers, output) -> dict:
    """``out``, the heuristic's schedule, with fewer breaks where the neighbourhood search finds
    them in the rest of the time limit. The held meetings never change, so neither does the
    weight. ``output(state, bound)`` writes a schedule."""
    st = out["stats"]
    if st["breaks"] == 0 or started + time_limit * END - time.monotonic() < 0.2:
        st["seconds"] = round(time.monotonic() - started, 3)
        return out
    cores = threads(workers)
    peak = [0]
    slot_of = slot_of_schedule(problem, out)
    slot_of = _kempe(problem, pinned, cores, slot_of, seed, started + time_limit * KEMPE_END, peak)
    slot_of = improve_breaks(
        problem, pinned, slot_of, started + time_limit * END, seed=seed, workers=cores
    )
    state = rebuild(problem, pinned, slot_of)
    if figures(state) >= (st["breaks"], st["holes"]):
        st["seconds"] = round(time.monotonic() - started, 3)
        return out
    better = output(state, st["upper_bound"])
    keep = ("upper_bound_source", "workers", "best_worker")
    better["stats"].update({k: st[k] for k in keep if k in st})
    better["stats"].update(
        method="neighbourhood search",
        deterministic=False,
        worker_peak_mib=max(st.get("worker_peak_mib", 0), round(peak[0] / 1024)),
        seconds=round(time.monotonic() - started, 3),
    )
    return better


def _kempe(problem, pinned, cores, slot_of, seed, deadline, peak) -> list[int]:
    """The Kempe-chain annealing of ``slot_of`` in this process (worker 0) and on ``cores`` - 1
    worker processes at once, each with its own seed; the schedule with the fewest breaks, then
    holes. The workers start here, only when there are breaks to close (their start-up would
    slow the search for the weight), and join this process's search as soon as they are up."""
    pool = Portfolio(problem, pinned, cores - 1) if cores > 1 else None
    submitted = threading.Event()

    def hand_over():
        if pool.ready() and deadline - time.monotonic() > 0.2:
            pool.submit(slot_of, seed, 0, deadline, kind="kempe", first=1)
            submitted.set()

    helper = threading.Thread(target=hand_over, daemon=True) if pool is not None else None
    try:
        if helper is not None:
            helper.start()
        seconds = max(0.0, deadline - time.monotonic())
        results = [run_compaction(problem, pinned, slot_of, seed, 0, 0, seconds, kind="kempe")]
        if helper is not None:
            helper.join()
            if submitted.is_set():
                results += pool.collect()
                peak[0] = max(peak[0], pool.peak_kib)
    finally:
        if pool is not None:
            pool.close()
    return min(results, key=lambda r: (r[1], r[2]))[0]
