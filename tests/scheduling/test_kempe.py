"""The Kempe-chain annealing: chains keep every rule, a flip is its own inverse, the cost from
bits is the engine's, and the annealing never loses a meeting nor adds breaks."""

import random
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modus.scheduling import solve
from modus.scheduling.kempe import _masks, anneal, chain, flip, person_cost
from modus.scheduling.model import FREE, parse
from modus.scheduling.pipeline import slot_of_schedule
from modus.scheduling.portfolio import figures, rebuild

from .test_solver import _b2b


def _state(inst, seconds=0.5, locked=None):
    pr = parse(inst)
    out = solve(inst, time_limit=seconds, method="legacy", workers=1)
    slot_of = slot_of_schedule(pr, out)
    pinned = {m: slot_of[m] for m in (locked or [])}
    return pr, rebuild(pr, pinned, slot_of)


def _valid(pr, state):
    seen = set()
    for m, s in enumerate(state.slot_of):
        if s == FREE:
            continue
        assert s in pr.allowed[m]
        for p in pr.members[m]:
            assert (p, s) not in seen
            seen.add((p, s))
    for s in range(pr.n_slots):
        assert sum(1 for x in state.slot_of if x == s) <= pr.capacity


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 10_000), st.sampled_from([0.5, 0.8]))
def test_flipping_a_chain_keeps_every_rule_and_twice_restores(seed, density):
    pr, state = _state(_b2b().planted(16, 6, seed, density=density), 0.3)
    rng = random.Random(seed)
    allowed = [set(a) for a in pr.allowed]
    _, _, busy = _masks(state)
    for _ in range(200):
        m = rng.randrange(len(pr.meeting_ids))
        s1 = state.slot_of[m]
        if s1 == FREE or len(pr.allowed[m]) < 2:
            continue
        s2 = rng.choice([s for s in pr.allowed[m] if s != s1])
        ms = chain(state, m, s1, s2, allowed, state.cap)
        if ms is None:
            continue
        before = list(state.slot_of)
        flip(state, ms, s1, s2, busy)
        _valid(pr, state)
        assert state.slot_of[m] == s2
        flip(state, ms, s1, s2, busy)
        assert state.slot_of == before
        flip(state, ms, s1, s2, busy)  # leave it moved: the next chain starts elsewhere
    _valid(pr, state)
    _, _, fresh = _masks(state)
    assert busy == fresh


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 10_000))
def test_cost_from_bits_is_the_engines(seed):
    pr, state = _state(_b2b().generate(40, 8, seed, tables=8), 0.3)
    sessions, free, busy = _masks(state)
    for p in range(len(pr.person_ids)):
        assert person_cost(busy[p], free[p], sessions) == state.person_cost(p)


def test_annealing_keeps_the_meetings_and_never_adds_breaks():
    b2b = _b2b()
    inst = b2b.planted(40, 12, 3, density=0.5)
    pr, state = _state(inst)
    held = [s != FREE for s in state.slot_of]
    breaks, holes = figures(state)
    anneal(state, random.Random(1), time.monotonic() + 1.5)
    _valid(pr, state)
    assert [s != FREE for s in state.slot_of] == held
    assert figures(state)[0] <= breaks


def test_locked_meetings_never_move():
    inst = _b2b().planted(20, 8, 5, density=0.6)
    pr = parse(inst)
    locked = list(range(0, len(pr.meeting_ids), 3))
    pr, state = _state(inst, locked=locked)
    where = {m: state.slot_of[m] for m in locked}
    anneal(state, random.Random(2), time.monotonic() + 0.5)
    assert {m: state.slot_of[m] for m in locked} == where
    _valid(pr, state)
