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
    if not proven_w and deadline - time.monotonic() > 0.05:
        # first: can every meeting be held? (on tight days this is quick where maximising the
        # weight is slow); else maximise the weight, with half of the time left
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
        solver, status = stage.run((deadline - time.monotonic()) * 0.5, workers, seed)
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
    # the neighbourhood search first (quick gains), then the whole model for the rest of the
    # time: it may find more, and it proves the lower bound
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
    if breaks == 0:
        result.breaks_lower_bound, result.breaks_optimal = 0, True
        return result
    if blocks.applies(problem) and all(best[m] != FREE for m in _placeable(problem)):
        return _prove(problem, pinned, result, deadline, count_breaks, workers, seed)
    remaining = deadline - time.monotonic()
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
    remaining = deadline - time.monotonic()  # the model's building took some of it
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


def _prove(problem, pinned, result: Result, deadline, count_breaks, workers, seed) -> Result:
    """Every meeting held, one session: ask the block model "at most B - 1 breaks?" (B the best
    so far). INFEASIBLE proves B optimal; a schedule found with fewer breaks becomes the best and
    the question is asked again. When that is left open, "at most 0, 1, ... breaks?" in turn:
    each INFEASIBLE raises the proven lower bound by one."""
    best, breaks = result.slot_of, result.breaks
    lower = 0

    def ask(limit, share):
        began = time.monotonic()
        stage = blocks.BlockModel(problem, pinned, limit)
        stage.cp.hint(best)
        built = time.monotonic() - began  # the solver copies the model again: about as long
        seconds = (deadline - time.monotonic() - built) * share
        if seconds < 0.05:
            return stage, None, cp_model.UNKNOWN
        solver, status = stage.run(seconds, workers, seed)
        return stage, solver, status

    while breaks > lower and deadline - time.monotonic() > 0.1:
        stage, solver, status = ask(breaks - 1, 1.0)
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
    k = lower
    while k < breaks - 1 and deadline - time.monotonic() > 0.1:
        _stage, _solver, status = ask(k, 0.5)
        if status != cp_model.INFEASIBLE:
            break
        k += 1
        lower = k
    result.slot_of, result.breaks = best, breaks
    result.breaks_lower_bound = min(lower, breaks)
    result.breaks_optimal = breaks <= lower
    return result
