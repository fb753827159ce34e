"""The CP-SAT yardstick of bench/scheduling.py: a valid schedule on a tiny generated instance."""

import importlib.util
from pathlib import Path

from .checker import check
from .test_solver import _b2b

BASELINE = Path(__file__).resolve().parents[2] / "bench" / "cpsat_baseline.py"


def _baseline():
    spec = importlib.util.spec_from_file_location("cpsat_baseline", BASELINE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cpsat_alone_gives_a_schedule_the_referee_accepts():
    b2b = _b2b()
    inst = b2b.generate(40, 8, 2, tables=8)
    out = _baseline().solve_cpsat(inst, seconds=2, workers=2, seed=1)
    assert check(inst, out) == []
    figures = b2b.verify(inst, out)
    assert figures["valid"], figures["errors"]
    assert figures["weight"] == out["stats"]["weight"]
    assert out["stats"]["status"] in {"OPTIMAL", "FEASIBLE"}
    assert out["stats"]["weight"] <= out["stats"]["upper_bound"]


def test_cpsat_alone_keeps_fixed_slots_and_caps():
    inst = {
        "format": "modus-b2b-instance/1",
        "tables": 1,
        "slots": [{"id": "a"}, {"id": "b"}],
        "participants": [{"id": "x", "max_meetings": 1}, {"id": "y"}, {"id": "z"}],
        "meetings": [
            {"id": "m1", "with": ["x", "y"], "weight": 1},
            {"id": "m2", "with": ["x", "z"], "weight": 3},
            {"id": "m3", "with": ["y", "z"], "weight": 2, "fixed_slot": "b"},
        ],
    }
    out = _baseline().solve_cpsat(inst, seconds=2, workers=1)
    assert check(inst, out) == []
    placed = {a["meeting"]: a["slot"] for a in out["assignments"]}
    assert placed == {"m2": "a", "m3": "b"}
    assert out["stats"]["weight"] == out["stats"]["upper_bound"] == 5
