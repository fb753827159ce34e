"""The block model: its patterns, and its proofs (a break that no schedule avoids is proven)."""

import time

from ortools.sat.python import cp_model

from modus.scheduling import solve
from modus.scheduling.blocks import BlockModel, _patterns
from modus.scheduling.exact import _climb
from modus.scheduling.lns import breaks_of
from modus.scheduling.model import parse

from .checker import check


def test_patterns_are_the_one_and_two_block_days():
    one, two = _patterns({0, 1, 2, 3}, 2, 4)
    assert one == [(0, 1), (1, 2), (2, 3)]
    assert sorted(two) == [(0, 2), (0, 3), (1, 3)]
    one, two = _patterns({0, 1, 3}, 2, 4)  # 2 is no use to this person
    assert one == [(0, 1)]
    assert sorted(two) == [(0, 3), (1, 3)]


def forced_break():
    """x meets y only in the first slot and z only in the last: x's day has a break; w meets y
    and z, and whichever w meets in the middle slot, the other has a break too: two at least."""
    return {
        "format": "modus-b2b-instance/1",
        "tables": 2,
        "slots": [{"id": s, "session": "day"} for s in ("a", "b", "c")],
        "participants": [{"id": "x"}, {"id": "y"}, {"id": "z"}, {"id": "w"}],
        "meetings": [
            {"id": "xy", "with": ["x", "y"], "forbidden_slots": ["b", "c"]},
            {"id": "xz", "with": ["x", "z"], "forbidden_slots": ["a", "b"]},
            {"id": "yw", "with": ["y", "w"]},
            {"id": "zw", "with": ["z", "w"]},
        ],
    }


def _status(inst, limit):
    stage = BlockModel(parse(inst), {}, limit)
    _solver, status = stage.run(5, 1, 0)
    return status


def test_at_most_one_break_is_infeasible_and_two_is_not():
    assert _status(forced_break(), 0) == cp_model.INFEASIBLE
    assert _status(forced_break(), 1) == cp_model.INFEASIBLE
    assert _status(forced_break(), 2) in (cp_model.OPTIMAL, cp_model.FEASIBLE)


def test_the_engine_proves_the_forced_breaks():
    inst = forced_break()
    out = solve(inst, time_limit=5)
    assert check(inst, out) == []
    assert out["unscheduled"] == []
    assert out["stats"]["breaks"] == out["stats"]["breaks_lower_bound"] == 2
    assert out["stats"]["optimal"] is True


def test_the_climb_proves_each_break_in_turn_and_stops_at_the_first_yes():
    problem = parse(forced_break())
    start = [0, 2, 2, 0]  # xy a, xz c, yw c, zw a: everyone waits in b
    counted = []

    def count(slot_of):
        counted.append(slot_of)
        return breaks_of(problem, {}, slot_of)

    best, breaks, lower = _climb(problem, {}, start, 4, 0, time.monotonic() + 5, count, 1, 0)
    assert (breaks, lower) == (2, 2)  # "0?" no, "1?" no, "2?" yes: the optimum, proven
    assert breaks_of(problem, {}, best) == 2 and counted


def test_a_climb_with_no_time_asks_nothing():
    problem = parse(forced_break())
    start = [0, 2, 2, 0]
    best, breaks, lower = _climb(problem, {}, start, 4, 0, time.monotonic(), lambda s: 4, 1, 0)
    assert (best, breaks, lower) == (start, 4, 0)
