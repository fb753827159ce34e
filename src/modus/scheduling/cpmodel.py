"""The CP-SAT model of a schedule: x[m, s] for every slot s that meeting m may take; each meeting
at most once, each participant in at most one meeting per slot and at most ``cap`` in all, each
slot at most ``tables`` meetings (tables are interchangeable: numbers are handed out afterwards, so
there is no symmetry between tables to break).

Breaks, per participant p and session: busy[p, s] = Σ x over p's meetings in s; a block of meetings
starts in s when busy[p, s] > busy[p, s-1]; breaks = blocks - [p meets in that session]. When every
meeting is held, Σ_s busy[p, s] equals p's meeting count (a person whose meetings fill every free
slot then has a fixed day), and a session with meetings has at least one block.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from .model import FREE, Problem


def scale(weights: list[float]) -> int:
    """CP-SAT wants whole coefficients: 1 for whole weights, else a power of ten (at most 1000)."""
    factor = 1
    while factor < 1000 and any(abs(w * factor - round(w * factor)) > 1e-9 for w in weights):
        factor *= 10
    return factor


class CpModel:
    """The assignment model with the breaks expression, built once per stage."""

    def __init__(self, problem: Problem, pinned: dict[int, int], meetings=None, fixed=None):
        """``meetings``: the meetings to decide (default all); ``fixed``: slot_of of the others,
        taken as given (the neighbourhood search frees a few people's days at a time)."""
        pr = problem
        self.pr = pr
        self.model = model = cp_model.CpModel()
        self.x: dict[tuple[int, int], cp_model.IntVar] = {}
        self.by_meeting: dict[int, list] = {}
        chosen = range(len(pr.meeting_ids)) if meetings is None else meetings
        self.meetings = list(chosen)
        self.busy_const: dict[tuple[int, int], int] = {}
        self.slot_load = [0] * pr.n_slots
        held_fixed = [0] * len(pr.person_ids)  # each person's meetings that stay where they are
        if fixed is not None:
            chosen_set = set(self.meetings)
            for m, s in enumerate(fixed):
                if s != FREE and m not in chosen_set:
                    self.slot_load[s] += 1
                    for p in pr.members[m]:
                        self.busy_const[p, s] = 1
                        held_fixed[p] += 1
        by_ps: dict[tuple[int, int], list] = {}
        by_slot: dict[int, list] = {}
        by_person: dict[int, list] = {}
        for m in self.meetings:
            mine = []
            for s in pr.allowed[m]:
                if any(self.busy_const.get((p, s)) for p in pr.members[m]):
                    continue
                v = model.new_bool_var(f"x{m}_{s}")
                self.x[m, s] = v
                mine.append(v)
                by_slot.setdefault(s, []).append(v)
                for p in pr.members[m]:
                    by_ps.setdefault((p, s), []).append(v)
                    by_person.setdefault(p, []).append(v)
            self.by_meeting[m] = mine
            if m in pinned:
                v = self.x.get((m, pinned[m]))
                if v is not None:
                    model.add(v == 1)
            if len(mine) > 1:
                model.add_at_most_one(mine)
        for vs in by_ps.values():
            if len(vs) > 1:
                model.add_at_most_one(vs)
        for p, vs in by_person.items():
            room = pr.caps[p] - held_fixed[p]
            if room < len(vs):
                model.add(sum(vs) <= room)
        cap = pr.capacity
        for s, vs in by_slot.items():
            if len(vs) > cap - self.slot_load[s]:
                model.add(sum(vs) <= cap - self.slot_load[s])
        self.by_ps = by_ps
        self.blocks = False  # measured: no gain on the planted days (see docs/scheduler.md)
        self.block_vars: list = []
        self.by_person = by_person

    # -- objectives ----------------------------------------------------------------------------
    def weight_expr(self, factor: int):
        pr = self.pr
        return sum(
            round(pr.weights[m] * factor) * v
            for m in self.meetings
            for v in self.by_meeting[m]
            if pr.weights[m] > 0
        )

    def place_all(self) -> None:
        for m in self.meetings:
            if self.by_meeting[m]:
                self.model.add_exactly_one(self.by_meeting[m])

    def people(self):
        return sorted({p for m in self.meetings for p in self.pr.members[m]})

    def busy(self, p: int, s: int):
        """0, 1, or a Boolean expression: whether p meets in s."""
        if self.busy_const.get((p, s)):
            return 1
        vs = self.by_ps.get((p, s))
        if not vs:
            return 0
        if len(vs) == 1:
            return vs[0]
        b = self.model.new_bool_var(f"busy{p}_{s}")
        self.model.add(b == sum(vs))
        return b

    def breaks_expr(self, counts: dict[int, int] | None = None):
        """Σ breaks of the people of the chosen meetings. ``counts``: meetings each person is
        known to hold (every meeting placed)."""
        pr, model = self.pr, self.model
        terms = []
        for p in self.people():
            row = [self.busy(p, s) for s in range(pr.n_slots)]
            if counts is not None and p in counts:
                fixed = sum(1 for s in range(pr.n_slots) if isinstance(row[s], int) and row[s])
                free_vars = [b for b in row if not isinstance(b, int)]
                if free_vars:
                    model.add(sum(free_vars) == counts[p] - fixed)
            for a, b in pr.sessions:
                seg = row[a:b]
                if not any(not isinstance(v, int) or v for v in seg):
                    continue
                starts = []
                prev = 0
                for v in seg:
                    if isinstance(v, int):
                        if v and isinstance(prev, int) and not prev:
                            starts.append(1)
                        elif v and not isinstance(prev, int):
                            starts.append(1 - prev)  # a block starts here unless p met just before
                        prev = v
                        continue
                    if isinstance(prev, int):
                        starts.append(v if not prev else 0)
                    else:
                        st = model.new_bool_var("")
                        model.add(st >= v - prev)
                        starts.append(st)
                    prev = v
                single = len(pr.sessions) == 1 and counts is not None and counts.get(p, 0) > 0
                if single or any(v for v in seg if isinstance(v, int)):
                    anyone = 1
                else:
                    anyone = model.new_bool_var("")
                    model.add(anyone <= sum(starts))
                if not isinstance(anyone, int) or anyone:
                    model.add(sum(starts) >= anyone)
                if single and self.blocks:
                    self._block(p, row, counts[p], sum(starts) - anyone)
                terms.append(sum(starts) - anyone)
        return sum(terms)

    def _block(self, p: int, row: list, n: int, breaks) -> None:
        """The literature's blocks: y[t] says p's day is the one block [t, t+n) (no break);
        if none holds, p has a break. Choosing a block fixes p's whole day at once."""
        ys = []
        for t in range(self.pr.n_slots - n + 1):
            if not all(self.pr.available[p][t : t + n]):
                continue
            if any(isinstance(v, int) and not v for v in row[t : t + n]):
                continue
            y = self.model.new_bool_var("")
            for v in row[t : t + n]:
                if not isinstance(v, int):
                    self.model.add_implication(y, v)
            ys.append(y)
        if ys:
            self.model.add_at_most_one(ys)
        self.model.add(breaks + sum(ys) >= 1)
        self.block_vars.extend(ys)

    # -- solving ---------------------------------------------------------------------------------
    def hint(self, slot_of: list[int], complete: bool = False, seconds: float = 2.0) -> None:
        """Hint the placement ``slot_of``; ``complete``: every auxiliary variable too (busy,
        block starts), found by solving a copy with the placement fixed, which only propagates.
        CP-SAT keeps a complete hint as its first solution; a partial one it often loses."""
        self.model.clear_hints()
        for (m, s), v in self.x.items():
            self.model.add_hint(v, slot_of[m] == s)
        if not complete:
            return
        copy = self.model.clone()
        for (m, s), v in self.x.items():
            copy.add(copy.get_bool_var_from_proto_index(v.index) == int(slot_of[m] == s))
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = seconds
        solver.parameters.num_workers = 1
        if solver.solve(copy) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return
        self.model.clear_hints()
        for i in range(len(self.model.proto.variables)):
            var = self.model.get_int_var_from_proto_index(i)
            self.model.add_hint(var, solver.value(copy.get_int_var_from_proto_index(i)))

    def run(self, seconds: float, workers: int, seed: int):
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.05, seconds)
        solver.parameters.num_workers = workers
        solver.parameters.random_seed = seed
        # this presolve step alone takes about a second on a tight day's models and does not
        # stop at the time limit (measured: asked 0.3 s, took 1.3 s, 0.84 s of it here)
        solver.parameters.find_clauses_that_are_exactly_one = False
        status = solver.solve(self.model)
        return solver, status

    def read(self, solver, slot_of: list[int]) -> list[int]:
        out = list(slot_of)
        for m in self.meetings:
            out[m] = FREE
        for (m, s), v in self.x.items():
            if solver.boolean_value(v):
                out[m] = s
        return out
