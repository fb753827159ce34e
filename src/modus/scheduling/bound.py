"""The LP relaxation of the assignment model, solved by HiGHS: a proven upper bound on the weight.

Variables x[m, s] in [0, 1] for every slot s that meeting m may take; rows: each meeting at most
once, each participant at most once per slot and at most ``cap`` times, each slot at most ``tables``
meetings. Meetings pinned by a reschedule get a lower bound of 1.
"""

from __future__ import annotations

import math
import os
import sys

import highspy
import numpy as np

from .model import Problem


class LPBound:
    """Starts HiGHS in its own thread (it releases the GIL); ``result()`` waits for the bound."""

    def __init__(self, problem: Problem, pinned: dict[int, int] | None = None, time_limit=60.0):
        self.problem = problem
        self.fallback = _simple_bound(problem)
        self.highs = None
        pinned = pinned or {}
        cols_m: list[int] = []
        cols_s: list[int] = []
        for m, slots in enumerate(problem.allowed):
            if problem.weights[m] <= 0 and m not in pinned:
                continue
            for s in slots:
                cols_m.append(m)
                cols_s.append(s)
        n = len(cols_m)
        if n == 0:
            self.fallback = sum(problem.weights[m] for m in pinned)
            return
        rows: list[list[int]] = []
        upper: list[float] = []
        lower: list[float] = []
        by_meeting: dict[int, list[int]] = {}
        by_person_slot: dict[tuple[int, int], list[int]] = {}
        by_person: dict[int, list[int]] = {}
        by_slot: dict[int, list[int]] = {}
        for c in range(n):
            m, s = cols_m[c], cols_s[c]
            by_meeting.setdefault(m, []).append(c)
            by_slot.setdefault(s, []).append(c)
            for p in problem.members[m]:
                by_person_slot.setdefault((p, s), []).append(c)
                by_person.setdefault(p, []).append(c)
        for m, cs in by_meeting.items():
            if len(cs) > 1 or m in pinned:
                rows.append(cs)
                lower.append(1.0 if m in pinned else 0.0)
                upper.append(1.0)
        for cs in by_person_slot.values():
            if len(cs) > 1:
                rows.append(cs)
                lower.append(0.0)
                upper.append(1.0)
        for p, cs in by_person.items():
            if problem.caps[p] < len({cols_m[c] for c in cs}):
                rows.append(cs)
                lower.append(0.0)
                upper.append(float(problem.caps[p]))
        if problem.tables is not None:
            for cs in by_slot.values():
                if len(cs) > problem.tables:
                    rows.append(cs)
                    lower.append(0.0)
                    upper.append(float(problem.tables))
        h = _packing_lp(
            highspy,
            costs=[problem.weights[m] for m in cols_m],
            col_lower=[0.0] * n,
            rows=rows,
            row_lower=lower,
            row_upper=upper,
        )
        h.setOptionValue("time_limit", float(time_limit))
        self.highs = h
        self.columns = (cols_m, cols_s)
        h.HandleUserInterrupt = True  # cancelSolve() stops it (when a heuristic hits the bound)
        h.startSolve()

    def guidance(self) -> tuple[list[float], list[int]] | None:
        """After ``result()``: per meeting, its LP value and the slot the LP likes best."""
        if self.highs is None or not getattr(self, "solved", False):
            return None
        values = self.highs.getSolution().col_value
        cols_m, cols_s = self.columns
        n = len(self.problem.meeting_ids)
        total = [0.0] * n
        best = [-1] * n
        top = [-1.0] * n
        for c, v in enumerate(values):
            m = cols_m[c]
            total[m] += v
            if v > top[m]:
                top[m] = v
                best[m] = cols_s[c]
        return total, best

    def wait(self) -> None:
        """Let the solve end (its own time limit bounds this): a C++ thread still running when
        the interpreter exits would abort the process."""
        if self.highs is not None and not getattr(self, "joined", False):
            self.highs.joinSolve()
            self.joined = True

    def cancel(self) -> None:
        """Stop the solve: a heuristic already reached a bound at least as strong."""
        if self.highs is not None and not getattr(self, "joined", False):
            self.highs.cancelSolve()
            self.wait()

    def result(self) -> tuple[float, bool]:
        """The bound and whether the LP was solved to optimality (else a weaker counting bound)."""
        if self.highs is None:
            return self.fallback, False
        self.wait()
        if self.highs.getModelStatus() == highspy.HighsModelStatus.kOptimal:
            value = self.highs.getInfo().objective_function_value
            self.solved = True
            return min(value, self.fallback), True
        return self.fallback, False


def matching_guide(problem: Problem, pinned: dict[int, int] | None = None):
    """The LP without slots (each meeting at most once, each participant at most ``cap``
    meetings): a b-matching that HiGHS solves in a blink even at 5,000 participants.

    Returns (value, per-meeting LP value) or None. The value is a valid upper bound (the slot rows
    are dropped), on the generated instances equal to the full LP's; the per-meeting values say
    which meetings an optimum holds, long before the full LP is done."""
    pinned = pinned or {}
    cols = [
        m
        for m in range(len(problem.meeting_ids))
        if problem.allowed[m] and (problem.weights[m] > 0 or m in pinned)
    ]
    if not cols:
        return None
    by_person: dict[int, list[int]] = {}
    for c, m in enumerate(cols):
        for p in problem.members[m]:
            by_person.setdefault(p, []).append(c)
    rows = [(p, cs) for p, cs in by_person.items() if problem.caps[p] < len(cs)]
    h = _packing_lp(
        highspy,
        costs=[problem.weights[m] for m in cols],
        col_lower=[1.0 if m in pinned else 0.0 for m in cols],
        rows=[cs for _, cs in rows],
        row_lower=[0.0] * len(rows),
        row_upper=[float(problem.caps[p]) for p, _ in rows],
    )
    h.run()
    if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return None
    total = [0.0] * len(problem.meeting_ids)
    for c, v in enumerate(h.getSolution().col_value):
        total[cols[c]] = v
    return h.getInfo().objective_function_value, total


def _packing_lp(highspy, *, costs, col_lower, rows, row_lower, row_upper):
    """A quiet single-threaded HiGHS holding: maximise costs·x, 0/col_lower ≤ x ≤ 1, and
    row_lower ≤ Σ x[c] for c in row ≤ row_upper for each row (lists of column numbers)."""
    starts = [0]
    index: list[int] = []
    for columns in rows:
        index.extend(columns)
        starts.append(len(index))
    n = len(costs)
    lp = highspy.HighsLp()
    lp.num_col_ = n
    lp.num_row_ = len(rows)
    lp.col_cost_ = np.array(costs, dtype=np.float64)
    lp.col_lower_ = np.array(col_lower, dtype=np.float64)
    lp.col_upper_ = np.ones(n)
    lp.row_lower_ = np.array(row_lower, dtype=np.float64)
    lp.row_upper_ = np.array(row_upper, dtype=np.float64)
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = np.array(starts, dtype=np.int32)
    lp.a_matrix_.index_ = np.array(index, dtype=np.int32)
    lp.a_matrix_.value_ = np.ones(len(index))
    lp.a_matrix_.num_col_ = n
    lp.a_matrix_.num_row_ = len(rows)
    h = _quiet_highs(highspy)
    h.setOptionValue("threads", 1)
    h.passModel(lp)
    return h


def _quiet_highs(highspy):
    """A Highs object whose start-up banner does not reach our standard output."""
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # pragma: no cover - no standard output at all
        saved = None
    if saved is not None:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 1)
    try:
        h = highspy.Highs()
        h.setOptionValue("output_flag", False)
    finally:
        if saved is not None:
            os.dup2(saved, 1)
            os.close(saved)
    return h


def _simple_bound(problem: Problem) -> float:
    """Every meeting that has a slot, heaviest first, while the tables last."""
    weights = sorted(
        (problem.weights[m] for m in range(len(problem.meeting_ids)) if problem.allowed[m]),
        reverse=True,
    )
    if problem.tables is not None:
        weights = weights[: problem.tables * problem.n_slots]
    return float(sum(weights))


def proven_bound(value: float, weights: list[float]) -> float:
    """With whole weights the optimum is a whole number: round the LP value down."""
    if all(float(w).is_integer() for w in weights):
        return float(math.floor(value + 1e-6))
    return value
