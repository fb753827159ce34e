"""Break-closing annealing by Kempe chains: a meeting changes slot (s1 to s2) together with every
meeting linked to it through a person busy in both slots, so the whole chain swaps at once and
every person still has at most one meeting per slot. On tight days (every table taken, people
booked all day) single moves and swaps are all blocked; chains are not. The set of held meetings
never changes, so the weight is kept."""

from __future__ import annotations

import math
import random
import time

from .engine import BREAK_COST, HOLE_COST, PILE_COST, State
from .model import FREE

NEAR = 0.8  # share of moves to a slot next to one of the person's other meetings
STALE = 60_000  # moves without a new best after which the annealing ends


def chain(state: State, m: int, s1: int, s2: int, allowed_set, cap: int) -> list[int] | None:
    """The meetings that must swap between s1 and s2 when m (in s1) goes to s2, or None when one
    of them may not take its new slot, is locked, or a slot would hold more than ``cap``."""
    rows, members, slot_of, locked = state.rows, state.pr.members, state.slot_of, state.locked
    seen = {m}
    stack = [m]
    n1 = n2 = 0
    while stack:
        x = stack.pop()
        a = slot_of[x]
        b = s2 if a == s1 else s1
        if b not in allowed_set[x]:
            return None
        if a == s1:
            n1 += 1
        else:
            n2 += 1
        for p in members[x]:
            y = rows[p][b]
            if y >= 0 and y not in seen:
                if y in locked:
                    return None
                seen.add(y)
                stack.append(y)
    load1, load2 = len(state.in_slot[s1]), len(state.in_slot[s2])
    if load1 - n1 + n2 > cap or load2 - n2 + n1 > cap:
        return None
    return list(seen)


def flip(state: State, ms: list[int], s1: int, s2: int, busy: list[int]) -> None:
    """Swap the slots of the chain ``ms`` between s1 and s2 (its own inverse); ``busy`` holds
    each person's busy slots as bits."""
    rows, members, slot_of, in_slot = state.rows, state.pr.members, state.slot_of, state.in_slot
    moves = [(x, slot_of[x], s2 if slot_of[x] == s1 else s1) for x in ms]
    for x, a, _ in moves:
        for p in members[x]:
            rows[p][a] = FREE
            busy[p] ^= 1 << a
        in_slot[a].discard(x)
    for x, _, b in moves:
        for p in members[x]:
            rows[p][b] = x
            busy[p] ^= 1 << b
        in_slot[b].add(x)
        slot_of[x] = b


def _masks(state: State):
    """Per session, the bits of its slots; per person, the bits of the slots they are free in
    and of those they meet in."""
    pr = state.pr
    sessions = [((1 << b) - 1) ^ ((1 << a) - 1) for a, b in pr.sessions]
    free = [sum(1 << k for k, ok in enumerate(avail) if ok) for avail in pr.available]
    busy = [sum(1 << k for k, m in enumerate(row) if m >= 0) for row in state.rows]
    return sessions, free, busy


def person_cost(bits: int, free: int, sessions: list[int]) -> int:
    """``State.person_cost`` from bits: breaks are the runs of meetings after a session's first,
    holes the free slots between a session's first and last meeting that hold none."""
    breaks = holes = 0
    for mask in sessions:
        b = bits & mask
        if not b:
            continue
        runs = (b & ~(b << 1)).bit_count()
        if runs > 1:
            breaks += runs - 1
            low = b & -b
            span = (1 << b.bit_length()) - low
            holes += (span & ~b & free).bit_count()
    extra = breaks - 1 if breaks > 1 else 0
    return BREAK_COST * breaks + HOLE_COST * holes + PILE_COST * extra * extra


def anneal(
    state: State,
    rng: random.Random,
    deadline: float,
    *,
    temp0: float = 6.0,
    temp1: float = 0.2,
    stop_at: int = 0,
    stop=None,
) -> bool:
    """Anneal ``state`` in place by Kempe-chain moves until ``deadline`` (or ``stop()``, or a cost
    of ``stop_at``); ``state`` ends as the best schedule seen. True when it ended on its own."""
    pr = state.pr
    allowed_set = [set(a) for a in pr.allowed]
    members, rows, slot_of, locked = pr.members, state.rows, state.slot_of, state.locked
    n_people = len(pr.person_ids)
    n_slots = pr.n_slots
    sessions, free, busy = _masks(state)
    cost = [person_cost(busy[p], free[p], sessions) for p in range(n_people)]
    total = sum(cost)
    best_total, best = total, list(slot_of)
    state.iterations = 0
    started = time.monotonic()
    span = max(1e-3, deadline - started)
    temp = temp0
    it = 0
    finished = True
    improved = 0
    bad: list[int] = []
    while True:
        if it & 255 == 0:
            now = time.monotonic()
            state.iterations = it
            if now >= deadline or (stop is not None and stop()):
                finished = False
                break
            if best_total <= stop_at:
                break
            if it - improved > max(STALE, improved) and now - started > span * 0.3:
                break  # stuck for longer than the best took to find: better spent proving
            temp = temp0 * (temp1 / temp0) ** ((now - started) / span)
            bad = [p for p in range(n_people) if cost[p] > 0]
            if not bad:
                break
        it += 1
        p = bad[rng.randrange(len(bad))] if rng.random() < 0.7 else rng.randrange(n_people)
        row = rows[p]
        mine = [x for x in row if x >= 0 and x not in locked]
        if not mine:
            continue
        m = mine[rng.randrange(len(mine))]
        s1 = slot_of[m]
        options = pr.allowed[m]
        if len(options) < 2:
            continue
        if rng.random() < NEAR:  # next to one of p's other meetings
            near = [
                k
                for k in options
                if k != s1
                and (
                    (k > 0 and row[k - 1] >= 0 and k - 1 != s1)
                    or (k + 1 < n_slots and row[k + 1] >= 0 and k + 1 != s1)
                )
            ]
            s2 = near[rng.randrange(len(near))] if near else options[rng.randrange(len(options))]
        else:
            s2 = options[rng.randrange(len(options))]
        if s2 == s1:
            continue
        ms = chain(state, m, s1, s2, allowed_set, state.cap)
        if ms is None:
            continue
        # a person with a meeting in both slots keeps both (they swap); only those with one
        # see their day change, and only in these two bits
        both = (1 << s1) | (1 << s2)
        after = {}
        delta = 0
        for x in ms:
            for q in members[x]:
                bits = busy[q]
                if bits & both != both and q not in after:
                    c = person_cost(bits ^ both, free[q], sessions)
                    after[q] = c
                    delta += c - cost[q]
        if delta <= 0 or rng.random() < math.exp(-delta / temp):
            flip(state, ms, s1, s2, busy)
            for q, c in after.items():
                cost[q] = c
            total += delta
            if total < best_total:
                best_total, best = total, list(slot_of)
                improved = it
    if best != slot_of:
        _restore(state, best)
    return finished


def _restore(state: State, slot_of: list[int]) -> None:
    for m, s in enumerate(state.slot_of):
        if s != FREE and slot_of[m] != s:
            state.remove(m)
    for m, s in enumerate(slot_of):
        if s != FREE and state.slot_of[m] == FREE:
            state.place(m, s)
