"""The search: a greedy construction, insertion with relocation and eviction for weight, then a
simulated-annealing compaction that moves and swaps meetings to close the gaps in people's days.

Everything runs on integer arrays; a seed fixes every random choice, so a run is repeatable.
"""

from __future__ import annotations

import math
import random
import time

from .model import FREE, UNAVAILABLE, Problem

BREAK_COST = 12  # one break: a gap between two meetings of one session
HOLE_COST = 1  # one idle, available slot inside such a gap
PILE_COST = 6  # each break beyond the first of one person (fairness: spread the breaks)


class State:
    """A partial schedule: meeting -> slot, participant -> slot -> meeting, slot loads."""

    def __init__(self, problem: Problem, locked: dict[int, int] | None = None):
        self.pr = problem
        n_s = problem.n_slots
        self.slot_of = [FREE] * len(problem.meeting_ids)
        self.rows = [
            [FREE if free else UNAVAILABLE for free in avail] for avail in problem.available
        ]
        self.count = [0] * len(problem.person_ids)
        self.in_slot: list[set[int]] = [set() for _ in range(n_s)]
        self.cap = problem.capacity
        self.weight = 0.0
        self.locked: set[int] = set()
        for m, s in (locked or {}).items():
            self.place(m, s)
            self.locked.add(m)

    # -- basic operations -------------------------------------------------------------------
    def fits(self, m: int, s: int) -> bool:
        if len(self.in_slot[s]) >= self.cap:
            return False
        rows = self.rows
        return all(rows[p][s] == FREE for p in self.pr.members[m])

    def has_room(self, m: int) -> bool:
        caps, count = self.pr.caps, self.count
        return all(count[p] < caps[p] for p in self.pr.members[m])

    def place(self, m: int, s: int) -> None:
        for p in self.pr.members[m]:
            self.rows[p][s] = m
            self.count[p] += 1
        self.in_slot[s].add(m)
        self.slot_of[m] = s
        self.weight += self.pr.weights[m]

    def remove(self, m: int) -> int:
        s = self.slot_of[m]
        for p in self.pr.members[m]:
            self.rows[p][s] = FREE
            self.count[p] -= 1
        self.in_slot[s].discard(m)
        self.slot_of[m] = FREE
        self.weight -= self.pr.weights[m]
        return s

    def move(self, m: int, s: int) -> None:
        old = self.slot_of[m]
        for p in self.pr.members[m]:
            self.rows[p][old] = FREE
            self.rows[p][s] = m
        self.in_slot[old].discard(m)
        self.in_slot[s].add(m)
        self.slot_of[m] = s

    # -- figures ------------------------------------------------------------------------------
    def person_figures(self, p: int) -> tuple[int, int]:
        row = self.rows[p]
        breaks = holes = 0
        for a, b in self.pr.sessions:
            last = -1
            for k in range(a, b):
                if row[k] >= 0:
                    if last >= 0 and k > last + 1:
                        breaks += 1
                        holes += sum(1 for j in range(last + 1, k) if row[j] != UNAVAILABLE)
                    last = k
        return breaks, holes

    def person_cost(self, p: int) -> int:
        breaks, holes = self.person_figures(p)
        extra = breaks - 1 if breaks > 1 else 0
        return BREAK_COST * breaks + HOLE_COST * holes + PILE_COST * extra * extra

    def snapshot(self) -> list[int]:
        return list(self.slot_of)


def _slot_score(state: State, m: int, s: int) -> int:
    """How well slot s sits in the days of m's people (lower is better): next to a meeting of the
    same session is best, a session of its own next, a gap inside a session worst."""
    pr = state.pr
    a, b = pr.sessions[pr.session_of[s]]
    score = 0
    for p in pr.members[m]:
        row = state.rows[p]
        if (s > a and row[s - 1] >= 0) or (s + 1 < b and row[s + 1] >= 0):
            score -= 2
        elif any(row[k] >= 0 for k in range(a, b)):
            score += 3
    return score


def construct(state: State, order: list[int]) -> None:
    """Each meeting, in the given order, into the fitting slot that best extends its days."""
    pr = state.pr
    for m in order:
        if state.slot_of[m] != FREE or not state.has_room(m):
            continue
        best, best_score = -1, None
        for s in pr.allowed[m]:
            if state.fits(m, s):
                sc = _slot_score(state, m, s)
                if best_score is None or sc < best_score:
                    best, best_score = s, sc
        if best >= 0:
            state.place(m, best)


def _relocate(state: State, b: int, avoid: int, rng: random.Random) -> bool:
    """Move placed meeting b to another slot where it fits directly."""
    if b in state.locked:
        return False
    options = [s for s in state.pr.allowed[b] if s != avoid and state.fits(b, s)]
    if not options:
        return False
    best = min(options, key=lambda s: (_slot_score(state, b, s), rng.random()))
    state.move(b, best)
    return True


def try_insert(state: State, m: int, rng: random.Random, evict: bool) -> list[int]:
    """Place unscheduled meeting m, moving one or two others out of the way if needed; with
    ``evict``, drop lighter meetings that block it. Returns those dropped, None on failure."""
    pr = state.pr
    w = pr.weights[m]
    dropped: list[int] = []
    origins: list[int] = []
    # a participant at the cap: drop the lightest meeting of theirs (only if m is heavier)
    for p in pr.members[m]:
        if state.count[p] >= pr.caps[p]:
            if not evict:
                return None
            own = [x for x in state.rows[p] if x >= 0 and x not in state.locked]
            if not own:
                return None
            x = min(own, key=lambda x: (pr.weights[x], rng.random()))
            if pr.weights[x] >= w:
                for y, old in zip(dropped, origins, strict=True):
                    state.place(y, old)
                return None
            origins.append(state.remove(x))
            dropped.append(x)
    slots = list(pr.allowed[m])
    rng.shuffle(slots)
    for s in slots:
        if state.fits(m, s):
            state.place(m, s)
            return dropped
    # one or two blockers, each moved to a slot where it fits
    for s in sorted(slots, key=lambda s: _blockers_weight(state, m, s)):
        blockers = {state.rows[p][s] for p in pr.members[m]} - {FREE}
        if len(blockers) > 2 or blockers & state.locked:
            continue
        moved = []
        ok = True
        for b in blockers:
            if _relocate(state, b, s, rng):
                moved.append(b)
            else:
                ok = False
                break
        if ok and len(state.in_slot[s]) >= state.cap:
            ok = False
            for b in sorted(state.in_slot[s] - state.locked, key=lambda x: rng.random())[:30]:
                if _relocate(state, b, s, rng):
                    ok = True
                    break
        if ok:
            state.place(m, s)
            return dropped
        for b in moved:  # undo: their old slot s is free for their members again
            state.move(b, s)
    if evict:
        best = None
        for s in slots:
            blockers = {state.rows[p][s] for p in pr.members[m]} - {FREE}
            if blockers & state.locked:
                continue
            loss = sum(pr.weights[b] for b in blockers)
            extra = None
            if len(state.in_slot[s]) - len(blockers) >= state.cap:
                cand = [x for x in state.in_slot[s] - blockers if x not in state.locked]
                if not cand:
                    continue
                extra = min(cand, key=lambda x: pr.weights[x])
                loss += pr.weights[extra]
            if loss < w and (best is None or loss < best[0]):
                best = (loss, s, blockers, extra)
        if best is not None:
            _, s, blockers, extra = best
            for b in blockers:
                state.remove(b)
                dropped.append(b)
            if extra is not None:
                state.remove(extra)
                dropped.append(extra)
            state.place(m, s)
            return dropped
    for x, old in zip(dropped, origins, strict=True):  # failed: the cap evictions go back
        state.place(x, old)
    return None


def _blockers_weight(state: State, m: int, s: int) -> float:
    blockers = {state.rows[p][s] for p in state.pr.members[m]} - {FREE}
    return sum(state.pr.weights[b] for b in blockers) + 0.01 * len(blockers)


def improve_weight(state: State, order: list[int], rng: random.Random, deadline: float) -> bool:
    """Insertion passes over the unscheduled meetings until none gets in (at most six of each
    kind); returns False if the deadline cut them short."""
    pr = state.pr
    rank = {m: k for k, m in enumerate(order)}
    queue = [m for m in order if state.slot_of[m] == FREE and pr.allowed[m]]
    for evict in (False, True):
        for _ in range(6):
            if time.monotonic() > deadline:
                return False
            progress = False
            nxt = []
            for m in queue:
                if state.slot_of[m] != FREE:
                    continue
                if time.monotonic() > deadline:
                    return False
                dropped = try_insert(state, m, rng, evict)
                if dropped is None:
                    nxt.append(m)
                else:
                    progress = True
                    nxt.extend(dropped)
            queue = sorted(set(nxt), key=rank.__getitem__)
            if not progress:
                break
    return True


def compact(state: State, rng: random.Random, iterations: int, deadline: float, stop=None) -> bool:
    """Simulated annealing over moves that keep the set of meetings: move a meeting to another
    slot, or swap the slots of two meetings; the cost is breaks, holes and piled-up breaks.

    The iteration budget decides the result; ``deadline`` (and ``stop``, a callable checked as
    often) only cut it short. Returns False when they did, True when the budget was spent or
    nothing was left to improve: only then is the outcome a function of the seed alone."""
    pr = state.pr
    rows, slot_of, members, in_slot = state.rows, state.slot_of, pr.members, state.in_slot
    allowed_set = [set(a) for a in pr.allowed]
    cost = [state.person_cost(p) for p in range(len(pr.person_ids))]
    locked = state.locked
    temp0, temp1 = 4.0, 0.05
    span = max(1, iterations)
    for it in range(iterations):
        if it & 1023 == 0:
            if time.monotonic() > deadline or (stop is not None and stop()):
                return False
            temp = temp0 * (temp1 / temp0) ** (it / span)
            bad = [p for p in range(len(cost)) if cost[p] > 0]
            if not bad:
                return True
        p = bad[rng.randrange(len(bad))]
        row = rows[p]
        mine = [x for x in row if x >= 0 and x not in locked]
        if not mine:
            continue
        m = mine[rng.randrange(len(mine))]
        s = slot_of[m]
        options = pr.allowed[m]
        if len(options) < 2:
            continue
        if rng.random() < 0.6:  # next to one of p's other meetings of the same session
            a, b = pr.sessions[pr.session_of[s]]
            near = [
                k
                for k in range(a, b)
                if k != s
                and k in allowed_set[m]
                and (
                    (k > a and row[k - 1] >= 0 and k - 1 != s)
                    or (k + 1 < b and row[k + 1] >= 0 and k + 1 != s)
                )
            ]
            s2 = near[rng.randrange(len(near))] if near else options[rng.randrange(len(options))]
        else:
            s2 = options[rng.randrange(len(options))]
        if s2 == s:
            continue
        occupants = {rows[q][s2] for q in members[m]}
        occupants.discard(FREE)
        m2 = -1
        if occupants:
            if len(occupants) > 1:
                continue
            m2 = occupants.pop()
        elif len(in_slot[s2]) >= state.cap:
            pool = list(in_slot[s2])
            m2 = pool[rng.randrange(len(pool))]
        if m2 >= 0:
            if m2 in locked or s not in allowed_set[m2]:
                continue
            if any(rows[q][s] not in (FREE, m) for q in members[m2]):
                continue
        people = set(members[m])
        if m2 >= 0:
            people.update(members[m2])
        before = sum(cost[q] for q in people)
        if m2 >= 0:
            _swap(state, m, m2)
        else:
            state.move(m, s2)
        after_costs = {q: state.person_cost(q) for q in people}
        delta = sum(after_costs.values()) - before
        if delta <= 0 or rng.random() < math.exp(-delta / temp):
            for q, c in after_costs.items():
                cost[q] = c
        elif m2 >= 0:
            _swap(state, m, m2)
        else:
            state.move(m, s)
    return True


def _swap(state: State, m: int, m2: int) -> None:
    s, s2 = state.slot_of[m], state.slot_of[m2]
    rows, members = state.rows, state.pr.members
    for q in members[m]:
        rows[q][s] = FREE
    for q in members[m2]:
        rows[q][s2] = FREE
    for q in members[m]:
        rows[q][s2] = m
    for q in members[m2]:
        rows[q][s] = m2
    state.in_slot[s].discard(m)
    state.in_slot[s2].discard(m2)
    state.in_slot[s].add(m2)
    state.in_slot[s2].add(m)
    state.slot_of[m], state.slot_of[m2] = s2, s
