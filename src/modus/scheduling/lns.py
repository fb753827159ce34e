"""Large-neighbourhood search for breaks: free the days of a few people (those with breaks, and
some of the people they meet), re-solve those meetings exactly with CP-SAT while every other
meeting stays where it is, and keep the result when it has no more breaks. The weight never
changes: every freed meeting that was held is held again, and nothing else is added."""

from __future__ import annotations

import random
import time

from ortools.sat.python import cp_model

from .cpmodel import CpModel
from .model import FREE, Problem
from .portfolio import figures, rebuild

PEOPLE = 8  # people freed at a time
SUB_SECONDS = 0.5  # for one neighbourhood


def person_breaks(problem: Problem, slot_of: list[int]) -> list[int]:
    state = rebuild(problem, {}, slot_of)
    return [state.person_figures(p)[0] for p in range(len(problem.person_ids))]


def improve_breaks(
    problem: Problem,
    pinned: dict[int, int],
    slot_of: list[int],
    deadline: float,
    *,
    seed: int = 0,
    people: int = PEOPLE,
) -> list[int]:
    """A schedule with the same meetings and at most as many breaks as ``slot_of``."""
    rng = random.Random(f"{seed}:lns")
    best = list(slot_of)
    meetings_of: dict[int, list[int]] = {}
    for m, group in enumerate(problem.members):
        if best[m] != FREE and m not in pinned:
            for p in group:
                meetings_of.setdefault(p, []).append(m)
    per_person = person_breaks(problem, best)
    total = sum(per_person)
    while total > 0 and deadline - time.monotonic() > 0.05:
        bad = [p for p, b in enumerate(per_person) if b > 0]
        chosen = {rng.choice(bad)}
        partners = [q for m in meetings_of.get(next(iter(chosen)), []) for q in problem.members[m]]
        pool = partners + bad
        while len(chosen) < people and pool:
            chosen.add(pool.pop(rng.randrange(len(pool))))
        freed = sorted({m for p in chosen for m in meetings_of.get(p, [])})
        if not freed:
            continue
        sub = CpModel(problem, pinned, freed, fixed=best)
        sub.place_all()
        counts: dict[int, int] = {}
        for m, s in enumerate(best):
            if s != FREE:
                for p in problem.members[m]:
                    counts[p] = counts.get(p, 0) + 1
        sub.model.minimize(sub.breaks_expr(counts))
        sub.hint(best)
        seconds = min(SUB_SECONDS, deadline - time.monotonic())
        solver, status = sub.run(seconds, 1, rng.randrange(1 << 30))
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            continue
        found = sub.read(solver, best)
        found_per = person_breaks(problem, found)
        if sum(found_per) <= total:
            best, per_person, total = found, found_per, sum(found_per)
    return best


def breaks_of(problem: Problem, pinned: dict[int, int], slot_of: list[int]) -> int:
    return figures(rebuild(problem, pinned, slot_of))[0]
