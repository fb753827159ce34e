"""CP-SAT alone on a B2B instance: the exact model, no heuristic, as a yardstick for the engine.

    .venv/bin/python bench/cpsat_baseline.py INSTANCE.json --output SCHEDULE.json [--seconds 60]

The model: a Boolean x[m, s] for every slot s that meeting m may take (everyone free, not
forbidden, its fixed slot only); each meeting at most once (a fixed meeting is held in its slot or
not at all, as the format says); each participant at most one meeting per slot and at most
``max_meetings`` in all; each slot at most ``tables`` meetings (tables are interchangeable, so
table numbers are handed out afterwards, 1, 2, ... per slot); maximise the scheduled weight
(with ``--breaks``: then the fewest breaks, in one objective, as the tight-days baseline).
OR-Tools (a ``dev`` extra) runs it with 2 workers and a time limit. Prints one JSON line:
the weight, CP-SAT's own proven bound, status, seconds to build and to solve, peak memory.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import sys
import time

from modus.scheduling.model import parse
from modus.scheduling.rules import SCHEDULE_FORMAT


def _scale(weights: list[float]) -> int:
    """CP-SAT wants whole coefficients: 1 for whole weights, else a power of ten."""
    factor = 1
    while factor < 10**6 and any(abs(w * factor - round(w * factor)) > 1e-9 for w in weights):
        factor *= 10
    return factor


def _breaks(model, pr, by_person_slot):
    """Σ breaks: per person and session, the blocks of consecutive meetings after the first
    (a block starts in s when p meets in s and not in s-1)."""
    terms = []
    for p in range(len(pr.person_ids)):
        for a, b in pr.sessions:
            starts, prev = [], None
            for s in range(a, b):
                vs = by_person_slot.get((p, s), [])
                busy = None
                if vs:
                    busy = model.new_bool_var("")
                    model.add(busy == sum(vs))
                if busy is not None:
                    if prev is None:
                        starts.append(busy)
                    else:
                        st = model.new_bool_var("")
                        model.add(st >= busy - prev)
                        starts.append(st)
                prev = busy
            if len(starts) > 1:
                meets = model.new_bool_var("")
                model.add(meets <= sum(starts))
                terms.append(sum(starts) - meets)
    return sum(terms)


def solve_cpsat(
    instance: dict, *, seconds: float = 60.0, workers: int = 2, seed: int = 0, breaks=False
) -> dict:
    """A schedule of the exchange format found by CP-SAT alone, with its figures in ``stats``.
    ``breaks``: one objective, the weight first and then the fewest breaks (the weight counts
    more than any number of breaks); ``stats.breaks_lower_bound`` is CP-SAT's proven bound."""
    from ortools.sat.python import cp_model

    started = time.monotonic()
    pr = parse(instance)
    factor = _scale(pr.weights)
    model = cp_model.CpModel()
    x: dict[tuple[int, int], object] = {}
    by_person_slot: dict[tuple[int, int], list] = {}
    by_person: dict[int, list] = {}
    by_slot: dict[int, list] = {}
    objective = []
    for m, slots in enumerate(pr.allowed):
        mine = []
        for s in slots:
            v = model.new_bool_var(f"x{m}_{s}")
            x[m, s] = v
            mine.append(v)
            by_slot.setdefault(s, []).append(v)
            for p in pr.members[m]:
                by_person_slot.setdefault((p, s), []).append(v)
                by_person.setdefault(p, []).append(v)
            objective.append((v, round(pr.weights[m] * factor)))
        if len(mine) > 1:
            model.add_at_most_one(mine)
    for vs in by_person_slot.values():
        if len(vs) > 1:
            model.add_at_most_one(vs)
    for p, vs in by_person.items():
        if pr.caps[p] < len(vs):
            model.add(sum(vs) <= pr.caps[p])
    if pr.tables is not None:
        for vs in by_slot.values():
            if len(vs) > pr.tables:
                model.add(sum(vs) <= pr.tables)
    weight = sum(c * v for v, c in objective)
    big = len(pr.person_ids) * pr.n_slots + 1
    if breaks:
        model.maximize(big * weight - _breaks(model, pr, by_person_slot))
    else:
        model.maximize(weight)
    built = time.monotonic()

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = float(seconds)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    status = solver.solve(model)
    solved = time.monotonic()

    assignments = []
    unscheduled = []
    found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    used: dict[int, int] = {}
    for m in range(len(pr.meeting_ids)):
        slot = None
        if found:
            slot = next((s for s in pr.allowed[m] if solver.value(x[m, s])), None)
        if slot is None:
            unscheduled.append(pr.meeting_ids[m])
            continue
        used[slot] = used.get(slot, 0) + 1
        assignments.append(
            {"meeting": pr.meeting_ids[m], "slot": pr.slot_ids[slot], "table": used[slot]}
        )
    weight = sum(pr.weights[pr.meeting_index[a["meeting"]]] for a in assignments)
    held = {pr.meeting_index[a["meeting"]] for a in assignments}

    def placed(m):
        return m in held

    raw = solver.best_objective_bound if found else math.inf
    lower = None
    if breaks and found:
        # the bound U on big * W - B: W ≤ ceil(U / big), and a schedule of at least the weight
        # found has B ≥ big * W_found - U
        top = math.floor(raw + 1e-6)
        scaled = sum(round(pr.weights[m] * factor) for m in range(len(pr.meeting_ids)) if placed(m))
        lower = max(0, big * scaled - top)
        raw = -(-top // big)
    bound = raw / factor
    if factor == 1 and math.isfinite(bound):
        bound = math.floor(bound + 1e-6)
    return {
        "format": SCHEDULE_FORMAT,
        "assignments": assignments,
        "unscheduled": unscheduled,
        "stats": {
            "status": solver.status_name(status),
            "weight": int(weight) if float(weight).is_integer() else weight,
            "upper_bound": bound if math.isfinite(bound) else None,
            "breaks_lower_bound": lower,
            "variables": len(x),
            "build_seconds": round(built - started, 3),
            "solve_seconds": round(solved - built, 3),
            "peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        },
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("instance")
    ap.add_argument("--output", "-o", help="where to write the schedule JSON")
    ap.add_argument("--seconds", type=float, default=60.0, help="CP-SAT's time limit (60)")
    ap.add_argument("--workers", type=int, default=2, help="CP-SAT's workers (2)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--breaks", action="store_true", help="then the fewest breaks")
    args = ap.parse_args(argv)
    with open(args.instance, encoding="utf-8") as fh:
        instance = json.load(fh)
    out = solve_cpsat(
        instance, seconds=args.seconds, workers=args.workers, seed=args.seed, breaks=args.breaks
    )
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            json.dump(out, fh)
            fh.write("\n")
    print(json.dumps(out["stats"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
