import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modus.scheduling import reschedule, solve
from modus.scheduling.exact import solve_exact
from modus.scheduling.lns import breaks_of, improve_breaks
from modus.scheduling.model import FREE, parse

from .checker import check
from .test_solver import _b2b, small_instance


def _consistent(out):
    s = out["stats"]
    assert s["method"] in {"exact", "neighbourhood search", "heuristic"}
    assert 0 <= s["breaks_lower_bound"] <= s["breaks"]
    if s["optimal"]:
        assert s["weight"] >= s["upper_bound"] - 1e-9


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(6, 14),
    st.integers(3, 6),
    st.sampled_from([0.5, 0.8]),
    st.integers(1, 10_000),
)
def test_planted_days_place_every_meeting(people, slots, density, seed):
    b2b = _b2b()
    inst = b2b.planted(people, slots, seed, density=density)
    out = solve(inst, time_limit=2, seed=seed)
    assert check(inst, out) == []
    assert out["unscheduled"] == []
    assert out["stats"]["method"] == "exact"
    assert out["stats"]["breaks"] <= inst["planted_breaks"]
    assert b2b.verify(inst, out)["breaks"] == out["stats"]["breaks"]
    _consistent(out)


def test_a_tiny_tight_day_is_proven_optimal_and_stops_early():
    b2b = _b2b()
    inst = b2b.planted(10, 4, 3, density=0.8)
    started = time.monotonic()
    out = solve(inst, time_limit=8)
    assert time.monotonic() - started < 6  # proof ends the run, not the clock
    assert out["stats"]["optimal"] is True
    assert out["stats"]["breaks"] == out["stats"]["breaks_lower_bound"]
    assert out["unscheduled"] == []


def test_exact_places_all_where_the_start_leaves_some_out():
    b2b = _b2b()
    inst = b2b.planted(12, 5, 2, density=0.8)
    pr = parse(inst)
    start = [FREE] * len(pr.meeting_ids)  # nothing placed: the engine must find them all

    def count(slot_of):
        return breaks_of(pr, {}, slot_of)

    result = solve_exact(pr, {}, start, time.monotonic() + 3, count)
    assert FREE not in result.slot_of
    assert result.weight_optimal
    assert result.breaks == count(result.slot_of)


def test_neighbourhood_search_never_loses_a_meeting_or_adds_a_break():
    b2b = _b2b()
    inst = b2b.planted(14, 6, 5, density=0.6)
    pr = parse(inst)
    out = solve(inst, time_limit=1, method="legacy")
    start = [FREE] * len(pr.meeting_ids)
    for a in out["assignments"]:
        start[pr.meeting_index[a["meeting"]]] = pr.slot_index[a["slot"]]
    better = improve_breaks(pr, {}, start, time.monotonic() + 1)
    assert [s == FREE for s in better] == [s == FREE for s in start]
    assert breaks_of(pr, {}, better) <= breaks_of(pr, {}, start)


def test_reschedule_keeps_published_meetings_and_minimises_breaks_with_the_engine():
    inst = small_instance()
    first = solve(inst, time_limit=2)
    again = reschedule(inst, first, time_limit=2)
    assert check(inst, again) == []
    assert again["stats"]["method"] == "exact"
    before = {(a["meeting"], a["slot"], a["table"]) for a in first["assignments"]}
    after = {(a["meeting"], a["slot"], a["table"]) for a in again["assignments"]}
    assert before <= after
    _consistent(again)


def test_legacy_method_is_the_heuristic():
    out = solve(small_instance(), time_limit=1, method="legacy")
    assert out["stats"]["method"] == "heuristic"
    _consistent(out)


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 10_000))
def test_a_tight_day_of_thirty_places_every_meeting_within_the_limit(seed):
    """Thirty people, eight slots, booked 80 % of the day, every table taken at the peak."""
    b2b = _b2b()
    inst = b2b.planted(30, 8, seed, density=0.8)
    started = time.monotonic()
    out = solve(inst, time_limit=3, seed=seed)
    assert time.monotonic() - started < 4.5
    assert check(inst, out) == []
    assert out["unscheduled"] == []
    assert out["stats"]["breaks"] <= inst["planted_breaks"]
    assert b2b.verify(inst, out)["breaks"] == out["stats"]["breaks"]
    _consistent(out)
