"""The literature's block model, for the lower bound on breaks once every meeting is held.

A person with n meetings in a one-session day has a day of one block (n consecutive slots, no
break), of two blocks (one break), or of more. One Boolean per person and block pattern it may
take, exactly one per person: a person's slot is busy exactly when the chosen pattern covers it,
unless the person takes "other" (two breaks or more, the slots left free). The cost of a pattern
is its breaks, of "other" 2 (or 1 when the two-block patterns were too many to list), so the
model's optimum is at most the fewest breaks of any schedule, and its proven bound is a proven
lower bound on breaks. Its linear relaxation is far stronger than that of the slot-by-slot
breaks of ``cpmodel``: a fractional schedule cannot spread a person thinly over the day.
"""

from __future__ import annotations

from .cpmodel import CpModel
from .model import Problem

MAX_TWO_BLOCK = 400  # two-block patterns listed per person, at most


def _patterns(usable: set[int], n: int, n_slots: int):
    """One-block and two-block sets of n slots, all within ``usable``."""
    one, two = [], []
    for t in range(n_slots - n + 1):
        if all(k in usable for k in range(t, t + n)):
            one.append(tuple(range(t, t + n)))
    for t in range(n_slots):
        for first in range(1, n):
            a = tuple(range(t, t + first))
            if a[-1] >= n_slots or not all(k in usable for k in a):
                continue
            for gap in range(1, n_slots):
                u = t + first + gap
                b = tuple(range(u, u + n - first))
                if b[-1] >= n_slots:
                    break
                if all(k in usable for k in b):
                    two.append(a + b)
                    if len(two) > MAX_TWO_BLOCK:
                        return one, None
    return one, two


def applies(problem: Problem) -> bool:
    return len(problem.sessions) == 1


class BlockModel:
    """``CpModel`` with every placeable meeting held and the block patterns on top."""

    def __init__(self, problem: Problem, pinned: dict[int, int], limit: int | None = None):
        """``limit``: a decision model, "at most ``limit`` breaks" (INFEASIBLE proves that no
        schedule holding every meeting has so few); None: minimise the patterns' cost."""
        self.pr = pr = problem
        self.cp = cp = CpModel(problem, pinned)
        cp.place_all()
        model = cp.model
        counts: dict[int, int] = {}
        usable: dict[int, set[int]] = {}
        for m in cp.meetings:
            slots = [s for s in pr.allowed[m] if (m, s) in cp.x]
            if not slots:
                continue
            for p in pr.members[m]:
                counts[p] = counts.get(p, 0) + 1
                usable.setdefault(p, set()).update(slots)
        self.choice: dict[int, list[tuple[tuple[int, ...], object]]] = {}
        self.other: dict[int, object] = {}
        terms = []
        for p, n in counts.items():
            one, two = _patterns(usable[p], n, pr.n_slots)
            other = model.new_bool_var(f"other{p}")
            options = [(pat, model.new_bool_var("")) for pat in one]
            cost_other = 2
            if two is None:
                cost_other = 1
            else:
                options += [(pat, model.new_bool_var("")) for pat in two]
                terms += [y for pat, y in options[len(one) :]]
            model.add_exactly_one([y for _, y in options] + [other])
            terms.append(cost_other * other)
            cover: dict[int, list] = {}
            for pat, y in options:
                for s in pat:
                    cover.setdefault(s, []).append(y)
            busy = [cp.busy(p, s) for s in range(pr.n_slots)]
            for s in range(pr.n_slots):
                b, ys = busy[s], cover.get(s, [])
                if isinstance(b, int):
                    if b == 0:
                        for y in ys:
                            model.add(y == 0)
                    continue
                model.add(b >= sum(ys))
                model.add(b <= sum(ys) + other)
            self.choice[p] = options
            self.other[p] = other
        if limit is None:
            model.minimize(sum(terms))
        else:
            model.add(sum(terms) <= limit)

    def hint(self, slot_of: list[int], seconds: float = 2.0) -> None:
        """The schedule ``slot_of`` as a complete hint (patterns included)."""
        self.cp.hint(slot_of, complete=True, seconds=seconds)

    def run(self, seconds: float, workers: int, seed: int):
        return self.cp.run(seconds, workers, seed)

    def read(self, solver, slot_of: list[int]) -> list[int]:
        return self.cp.read(solver, slot_of)
