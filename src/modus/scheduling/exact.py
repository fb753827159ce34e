"""The exact engine: OR-Tools CP-SAT, objectives in order (weight, then breaks).

The model is in ``cpmodel``; breaks are first closed by ``polish`` (the Kempe-chain annealing on
the worker processes, see ``pipeline``) or, without one, by the neighbourhood search in ``lns``;
the whole model then gets the rest of the time, hinted with the best schedule, to improve it
further and to prove a lower bound on breaks.

Each stage is warm-started (hinted) with the best schedule so far; a stage that proves its optimum
hands the rest of the time to the next. ``Result`` carries what was proven.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from ortools.sat.python import cp_model

from . import blocks
from .cpmodel import CpModel, scale
from .lns import improve_breaks
from .model import FREE, Problem

LNS_SHARE = 0.2  # of the time left for breaks, to the neighbourhood search before the whole model
POLISH_SHARE = 0.9  # of the time left for breaks, to ``polish`` (the annealing) when given
CLIMB_SHARE = 0.25  # of the time left for breaks, at most, to the first easy questions
ASK_SECONDS = 1.0  # for one question of the climb
MIN_ASK_SECONDS = 0.15  # below this CP-SAT stops in its presolve, having answered nothing


@dataclass
class Result:
    slot_of: list[int]
    weight_optimal: bool
    weight_bound: float | None  # proven upper bound on the weight (None: not from this engine)
    breaks: int
    breaks_lower_bound: int | None  # proven, among schedules of at least this weight
    breaks_optimal: bool


def _found(status) -> bool:
    return status in (cp_model.OPTIMAL, cp_model.FEASIBLE)


def weight_of(problem: Problem, slot_of: list[int]) -> float:
    return sum(problem.weights[m] for m, s in enumerate(slot_of) if s != FREE)


def build_seconds(problem: Problem) -> float:
    """About how long building the whole model takes on a slow, shared core (measured: 1.5 s
    for 16,000 x[m, s] at a load of 10 on 2 cores)."""
    return sum(len(a) for a in problem.allowed) / 10_000


def _placeable(problem: Problem) -> list[int]:
    return [m for m in range(len(problem.meeting_ids)) if problem.allowed[m]]


def solve_exact(
    problem: Problem,
    pinned: dict[int, int],
    start: list[int],
    deadline: float,
    count_breaks,
    *,
    workers: int = 2,
    seed: int = 0,
    weight_bound: float | None = None,
    polish=None,
) -> Result:
    """Weight, then breaks; every stage hinted with the best schedule so far, the breaks stage
    given all the time left (it ends early only on proof).

    ``weight_bound``: a proven upper bound on the weight (the LP's); where ``start`` reaches it
    the weight is proven already. ``count_breaks(slot_of)`` gives a schedule's breaks.
    ``polish(slot_of, deadline)``: a schedule with the same meetings and, hopefully, fewer
    breaks."""
    factor = scale(problem.weights)
    best = list(start)
    best_w = weight_of(problem, best)
    bound_w = weight_bound
    proven_w = bound_w is not None and best_w >= bound_w - 1e-9
    everything = sum(problem.weights[m] for m in _placeable(problem))
    held_all_possible = bound_w is None or bound_w >= everything - 1e-9
    if not proven_w and held_all_possible and deadline - time.monotonic() > 0.05:
        # first: can every meeting be held? (only where no bound says no; on tight days this is
        # quick where maximising the weight is slow); else maximise the weight
        stage = CpModel(problem, pinned)
        stage.place_all()
        stage.hint(best)
        solver, status = stage.run((deadline - time.monotonic()) * 0.6, workers, seed)
        if _found(status):
            best, best_w, proven_w = stage.read(solver, best), everything, True
            bound_w = everything
    if not proven_w and deadline - time.monotonic() > 0.05:
        stage = CpModel(problem, pinned)
        stage.model.maximize(stage.weight_expr(factor))
        stage.hint(best)
        solver, status = stage.run((deadline - time.monotonic()) * 0.7, workers, seed)
        if _found(status):
            found = stage.read(solver, best)
            if weight_of(problem, found) >= best_w - 1e-9:
                best, best_w = found, weight_of(problem, found)
            cp_bound = solver.best_objective_bound / factor
            if factor == 1:
                cp_bound = math.floor(cp_bound + 1e-6)
            bound_w = cp_bound if bound_w is None else min(bound_w, cp_bound)
            proven_w = status == cp_model.OPTIMAL or best_w >= bound_w - 1e-9
    breaks = count_breaks(best)
    result = Result(best, proven_w, bound_w, breaks, None, breaks == 0)
    if breaks == 0:
        result.breaks_lower_bound = 0
    remaining = deadline - time.monotonic()
    if breaks == 0 or remaining <= 0.05:
        return result
    proving = blocks.applies(problem) and all(best[m] != FREE for m in _placeable(problem))
    lower = 0
    if proving:
        # the easy questions first ("at most 0 breaks?", "at most 1?", ...: most are answered
        # "no" in a fraction of a second): they prove a lower bound, and a "yes" is the optimum
        best, breaks, lower = _climb(
            problem,
            pinned,
            best,
            breaks,
            0,
            time.monotonic() + remaining * CLIMB_SHARE,
            count_breaks,
            workers,
            seed,
        )
        result.slot_of, result.breaks = best, breaks
        if breaks <= lower:
            result.breaks_lower_bound, result.breaks_optimal = breaks, True
            return result
        remaining = deadline - time.monotonic()
    # the neighbourhood search (quick gains), then the whole model for the rest of the time: it
    # may find more, and it proves the lower bound
    if polish is not None:
        found = polish(best, time.monotonic() + remaining * POLISH_SHARE)
    else:
        found = improve_breaks(
            problem, pinned, best, time.monotonic() + remaining * LNS_SHARE, seed=seed
        )
    found_breaks = count_breaks(found)
    if found_breaks <= breaks and weight_of(problem, found) >= best_w - 1e-9:
        best, breaks = found, found_breaks
        result.slot_of, result.breaks = best, breaks
    if breaks <= lower:
        result.breaks_lower_bound, result.breaks_optimal = breaks, True
        return result
    if proving:
        return _prove(problem, pinned, result, lower, deadline, count_breaks, workers, seed)
    remaining = deadline - time.monotonic()
    if remaining < 4 * build_seconds(problem):
        # too little time left to build the whole model and run it: the neighbourhoods instead
        found = improve_breaks(problem, pinned, best, deadline, seed=seed, workers=workers)
        found_breaks = count_breaks(found)
        if found_breaks <= breaks:
            result.slot_of, result.breaks = found, found_breaks
        return result
    began = time.monotonic()
    stage = CpModel(problem, pinned)
    counts = None
    if all(best[m] != FREE for m in _placeable(problem)):
        stage.place_all()
        counts = {}
        for m in _placeable(problem):
            for p in problem.members[m]:
                counts[p] = counts.get(p, 0) + 1
    elif best_w > 0:
        stage.model.add(stage.weight_expr(factor) >= round(best_w * factor))
    stage.model.minimize(stage.breaks_expr(counts))
    stage.hint(best, complete=True, seconds=max(0.05, remaining * 0.25))
    # the model's building took some of the time, and the solver's copy of it takes as long
    remaining = deadline - time.monotonic() - (time.monotonic() - began)
    if remaining <= 0.05:
        return result
    solver, status = stage.run(remaining, workers, seed + 1)
    if _found(status):
        found = stage.read(solver, best)
        found_breaks = count_breaks(found)
        if found_breaks <= breaks and weight_of(problem, found) >= best_w - 1e-9:
            best, breaks = found, found_breaks
        lower = max(0, math.ceil(solver.best_objective_bound - 1e-6))
        result.slot_of, result.breaks = best, breaks
        result.breaks_lower_bound = min(lower, breaks)
        result.breaks_optimal = status == cp_model.OPTIMAL or breaks <= lower
    return result


def _ask(problem, pinned, best, limit, seconds_for, workers, seed):
    """The block model's "at most ``limit`` breaks?", hinted with ``best``; ``seconds_for(built)``
    gives its time from the seconds its building took (the solver copies the model again, about
    as long). Returns (stage, solver, status); no solver when the time is too short to start."""
    began = time.monotonic()
    stage = blocks.BlockModel(problem, pinned, limit)
    stage.cp.hint(best)
    seconds = seconds_for(time.monotonic() - began)
    if seconds < MIN_ASK_SECONDS:
        return stage, None, cp_model.UNKNOWN
    solver, status = stage.run(seconds, workers, seed)
    return stage, solver, status


def _climb(problem, pinned, best, breaks, lower, until, count_breaks, workers, seed):
    """Ask "at most ``lower`` breaks?", then one more, and so on, each for at most
    ``ASK_SECONDS``, until ``until``: each "no" raises the proven lower bound by one, and a "yes"
    is a schedule with the fewest breaks possible. Ends at the first question left open.
    Returns (best, breaks, lower)."""
    while lower < breaks and until - time.monotonic() > MIN_ASK_SECONDS:
        stage, solver, status = _ask(
            problem,
            pinned,
            best,
            lower,
            lambda built: min(ASK_SECONDS, until - time.monotonic() - built),
            workers,
            seed,
        )
        if status == cp_model.INFEASIBLE:
            lower += 1
            continue
        if _found(status):
            found = stage.read(solver, best)
            found_breaks = count_breaks(found)
            if found_breaks < breaks:
                best, breaks = found, found_breaks
        break
    return best, breaks, lower


def _prove(problem, pinned, result: Result, lower, deadline, count_breaks, workers, seed) -> Result:
    """Every meeting held, one session, ``lower`` breaks proven unavoidable: ask the block model
    "at most B - 1 breaks?" (B the best so far). INFEASIBLE proves B optimal; a schedule found
    with fewer breaks becomes the best and the question is asked again. When that is left open,
    the climb goes on from ``lower`` with what time is left."""
    best, breaks = result.slot_of, result.breaks
    while breaks > lower and deadline - time.monotonic() > MIN_ASK_SECONDS:
        stage, solver, status = _ask(
            problem,
            pinned,
            best,
            breaks - 1,
            lambda built: deadline - time.monotonic() - built,
            workers,
            seed,
        )
        if status == cp_model.INFEASIBLE:
            lower = breaks
            break
        if not _found(status):
            break
        found = stage.read(solver, best)
        found_breaks = count_breaks(found)
        if found_breaks >= breaks:
            break
        best, breaks = found, found_breaks
    best, breaks, lower = _climb(
        problem, pinned, best, breaks, lower, deadline, count_breaks, workers, seed
    )
    result.slot_of, result.breaks = best, breaks
    result.breaks_lower_bound = min(lower, breaks)
    result.breaks_optimal = breaks <= lower
    return result
