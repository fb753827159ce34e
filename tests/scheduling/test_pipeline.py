"""The pipeline of events too big for the whole exact model: the heuristic for the weight, then
the neighbourhood search for breaks (forced here on a small event by lowering the threshold)."""

import pytest

from modus.scheduling import pipeline, reschedule, solve
from modus.scheduling.lns import _apply, breaks_of
from modus.scheduling.model import parse
from modus.scheduling.portfolio import rebuild

from .checker import check
from .test_solver import _b2b


@pytest.fixture
def too_big(monkeypatch):
    monkeypatch.setattr(pipeline, "EXACT_VARIABLES", 10)


def test_the_neighbourhoods_close_breaks_the_heuristic_left_and_keep_its_weight(too_big):
    inst = _b2b().generate(150, 16, 3, tables=30)
    heuristic = solve(inst, time_limit=4 * pipeline.HEURISTIC_SHARE, seed=3, method="legacy")
    out = solve(inst, time_limit=4, seed=3)
    assert check(inst, out) == []
    assert heuristic["stats"]["breaks"] > 0
    assert out["stats"]["weight"] == heuristic["stats"]["weight"]
    assert out["stats"]["breaks"] < heuristic["stats"]["breaks"]
    assert out["stats"]["method"] == "neighbourhood search"
    assert out["stats"]["deterministic"] is False
    assert 0.9 * 4 <= out["stats"]["seconds"] <= 4  # the whole time, no proof to stop it early


def test_rescheduling_a_big_event_keeps_every_published_meeting_in_place(too_big):
    inst = _b2b().generate(120, 16, 5, tables=24)
    first = solve(inst, time_limit=3, seed=5)
    gone = inst["participants"][0]["id"]
    inst["meetings"] = [m for m in inst["meetings"] if gone not in m["with"]]
    again = reschedule(inst, first, time_limit=3, seed=5)
    assert check(inst, again) == []
    kept = {a["meeting"]: (a["slot"], a["table"]) for a in first["assignments"]}
    for a in again["assignments"]:
        if a["meeting"] in kept:
            assert (a["slot"], a["table"]) == kept[a["meeting"]]


def test_a_neighbourhood_with_more_breaks_is_put_back():
    inst = {
        "format": "modus-b2b-instance/1",
        "tables": 2,
        "slots": [{"id": s, "session": "day"} for s in ("a", "b", "c")],
        "participants": [{"id": "x"}, {"id": "y"}, {"id": "z"}],
        "meetings": [{"id": "xy", "with": ["x", "y"]}, {"id": "xz", "with": ["x", "z"]}],
    }
    problem = parse(inst)
    state = rebuild(problem, {}, [0, 1])  # x meets in a and b: no break
    per_person = [state.person_figures(p) for p in range(3)]
    assert _apply(state, [1], [0, 2], per_person) is False  # xz to c: x waits in b
    assert state.slot_of == [0, 1] and breaks_of(problem, {}, state.slot_of) == 0
    assert _apply(state, [0, 1], [1, 0], per_person) is True  # a swap: still no break
    assert state.slot_of == [1, 0]
