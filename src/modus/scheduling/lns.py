"""Large-neighbourhood search for breaks: free the days of a few people (one with breaks, some of
the people they meet, and others with breaks), re-solve those meetings exactly with CP-SAT while
every other meeting stays where it is, and keep the result when it has no more breaks. The
weight never changes: every freed meeting that was held is held again, and nothing is added.

It serves two callers: the exact engine, before it builds the whole model, and the pipeline of
events too big for the whole model, after the heuristic (``method`` then says "neighbourhood
search" when it closed a break). Only the freed meetings' people change, so the schedule is kept
as one ``State`` and only their figures are counted again."""

from __future__ import annotations

import random
import time

from ortools.sat.python import cp_model

from .cpmodel import CpModel
from .model import FREE, Problem
from .portfolio import figures, rebuild

PEOPLE = 8  # people freed at a time
SUB_SECONDS = 0.5  # for one neighbourhood


def improve_breaks(
    problem: Problem,
    pinned: dict[int, int],
    slot_of: list[int],
    deadline: float,
    *,
    seed: int = 0,
    people: int = PEOPLE,
    workers: int = 1,
) -> list[int]:
    """A schedule with the same meetings and at most as many breaks as ``slot_of``."""
    rng = random.Random(f"{seed}:lns")
    state = rebuild(problem, pinned, slot_of)
    meetings_of: dict[int, list[int]] = {}
    for m, group in enumerate(problem.members):
        if state.slot_of[m] != FREE and m not in pinned:
            for p in group:
                meetings_of.setdefault(p, []).append(m)
    per_person = [state.person_figures(p) for p in range(len(problem.person_ids))]
    counts = {p: state.count[p] for p in meetings_of}
    while deadline - time.monotonic() > 0.05:
        bad = [p for p, (b, _h) in enumerate(per_person) if b > 0 and p in meetings_of]
        if not bad:
            break
        first = rng.choice(bad)
        chosen = {first}
        pool = [q for m in meetings_of[first] for q in problem.members[m] if q != first] + bad
        while len(chosen) < people and pool:
            chosen.add(pool.pop(rng.randrange(len(pool))))
        freed = sorted({m for p in chosen for m in meetings_of.get(p, [])})
        sub = CpModel(problem, pinned, freed, fixed=state.slot_of)
        sub.place_all()
        sub.model.minimize(sub.breaks_expr(counts))
        sub.hint(state.slot_of)
        seconds = min(SUB_SECONDS, deadline - time.monotonic())
        solver, status = sub.run(seconds, workers, rng.randrange(1 << 30))
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            continue
        found = sub.read(solver, state.slot_of)
        _apply(state, freed, found, per_person)
    return list(state.slot_of)


def _apply(state, freed: list[int], found: list[int], per_person: list[tuple[int, int]]) -> bool:
    """Move ``freed`` to their slots in ``found`` when that leaves no more breaks (and, among as
    many, no more idle slots) for the people concerned; True when it did."""
    problem = state.pr
    if all(state.slot_of[m] == found[m] for m in freed):
        return False
    touched = sorted({p for m in freed for p in problem.members[m]})
    before = [per_person[p] for p in touched]
    old = {m: state.slot_of[m] for m in freed}
    for m in freed:
        state.remove(m)
    for m in freed:
        state.place(m, found[m])
    after = [state.person_figures(p) for p in touched]
    if _total(after) <= _total(before):
        for p, fig in zip(touched, after, strict=True):
            per_person[p] = fig
        return True
    for m in freed:
        state.remove(m)
    for m in freed:
        state.place(m, old[m])
    return False


def _total(figs: list[tuple[int, int]]) -> tuple[int, int]:
    return sum(b for b, _h in figs), sum(h for _b, h in figs)


def breaks_of(problem: Problem, pinned: dict[int, int], slot_of: list[int]) -> int:
    return figures(rebuild(problem, pinned, slot_of))[0]
