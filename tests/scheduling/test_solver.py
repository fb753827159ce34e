import copy
import importlib.util
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modus.scheduling import InstanceError, reschedule, solve

from .checker import check

B2B = Path(__file__).resolve().parents[3] / "shared" / "bench" / "b2b.py"


def _b2b():
    if not B2B.exists():
        pytest.skip(f"the referee {B2B} is not in this checkout")
    spec = importlib.util.spec_from_file_location("b2b_referee", B2B)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def small_instance():
    return {
        "format": "modus-b2b-instance/1",
        "tables": 2,
        "slots": [
            {"id": "a1", "session": "am"},
            {"id": "a2", "session": "am"},
            {"id": "a3", "session": "am"},
            {"id": "p1", "session": "pm"},
        ],
        "participants": [
            {"id": "x"},
            {"id": "y", "unavailable": ["a1"]},
            {"id": "z", "max_meetings": 1},
            {"id": "w"},
        ],
        "meetings": [
            {"id": "m1", "with": ["x", "y"], "weight": 3},
            {"id": "m2", "with": ["x", "z"]},
            {"id": "m3", "with": ["y", "z"], "fixed_slot": "a3"},
            {"id": "m4", "with": ["x", "y", "w"], "forbidden_slots": ["a2"]},
        ],
    }


def test_small_instance_obeys_every_rule_and_is_optimal():
    inst = small_instance()
    out = solve(inst, time_limit=2)
    assert check(inst, out) == []
    assert out["stats"]["weight"] == out["stats"]["upper_bound"]
    for mid in out["unscheduled"]:
        assert out["reasons"][mid] in {"participant_full", "no_common_free_slot", "tables_full"}


@pytest.mark.parametrize("seed", [1, 2])
def test_generated_instance_passes_the_referee(tmp_path, seed):
    b2b = _b2b()
    inst = b2b.generate(120, 16, seed, tables=24)
    out = solve(inst, time_limit=3, seed=seed)
    assert check(inst, out) == []
    (tmp_path / "i.json").write_text(json.dumps(inst))
    (tmp_path / "s.json").write_text(json.dumps(out))
    done = subprocess.run(
        [sys.executable, str(B2B), "verify", str(tmp_path / "i.json"), str(tmp_path / "s.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout
    figures = json.loads(done.stdout)
    base = b2b.verify(inst, b2b.firstfit(inst))
    assert figures["weight"] >= base["weight"]
    assert figures["breaks"] <= base["breaks"]
    assert figures["weight"] == out["stats"]["weight"]
    assert figures["breaks"] == out["stats"]["breaks"]
    assert figures["holes"] == out["stats"]["holes"]
    assert out["stats"]["weight"] <= out["stats"]["upper_bound"]


def test_same_seed_same_schedule():
    b2b = _b2b()
    inst = b2b.generate(80, 12, 3, tables=16)
    a = solve(inst, time_limit=5, seed=7, method="legacy")
    b = solve(inst, time_limit=5, seed=7, method="legacy")
    assert a["assignments"] == b["assignments"]


@st.composite
def instances(draw):
    n_slots = draw(st.integers(1, 6))
    slot_ids = [f"s{k}" for k in range(n_slots)]
    sessions = draw(st.lists(st.sampled_from(["am", "pm"]), min_size=n_slots, max_size=n_slots))
    sessions.sort()
    n_people = draw(st.integers(2, 8))
    people = []
    for i in range(n_people):
        p = {"id": f"p{i}"}
        if draw(st.booleans()):
            p["unavailable"] = draw(st.lists(st.sampled_from(slot_ids), unique=True))
        if draw(st.booleans()):
            p["max_meetings"] = draw(st.integers(0, n_slots))
        people.append(p)
    meetings = []
    for j in range(draw(st.integers(0, 14))):
        size = draw(st.sampled_from([2, 2, 2, 3]))
        size = min(size, n_people)
        who = draw(
            st.lists(
                st.sampled_from([p["id"] for p in people]),
                min_size=size,
                max_size=size,
                unique=True,
            )
        )
        m = {"id": f"m{j}", "with": who, "weight": draw(st.sampled_from([1, 1, 3]))}
        if draw(st.integers(0, 5)) == 0:
            m["fixed_slot"] = draw(st.sampled_from(slot_ids))
        if draw(st.booleans()):
            m["forbidden_slots"] = draw(st.lists(st.sampled_from(slot_ids), unique=True))
        meetings.append(m)
    inst = {
        "format": "modus-b2b-instance/1",
        "slots": [{"id": s, "session": sessions[k]} for k, s in enumerate(slot_ids)],
        "participants": people,
        "meetings": meetings,
    }
    if draw(st.booleans()):
        inst["tables"] = draw(st.integers(0, 4))
    return inst


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(), st.integers(0, 3))
def test_no_rule_is_ever_broken(inst, seed):
    out = solve(inst, time_limit=1, seed=seed)
    assert check(inst, out) == []
    assert out["stats"]["weight"] <= out["stats"]["upper_bound"] + 1e-9


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(), st.integers(0, 3))
def test_reschedule_keeps_valid_assignments(inst, seed):
    first = solve(inst, time_limit=1, seed=seed)
    changed = copy.deepcopy(inst)
    if changed["participants"]:
        gone = changed["participants"][0]["id"]
        changed["meetings"] = [m for m in changed["meetings"] if gone not in m["with"]]
    again = reschedule(changed, first, time_limit=1, seed=seed)
    assert check(changed, again) == []
    before = {(a["meeting"], a["slot"], a["table"]) for a in first["assignments"]}
    after = {(a["meeting"], a["slot"], a["table"]) for a in again["assignments"]}
    kept_ids = {m["id"] for m in changed["meetings"]}
    assert {t for t in before if t[0] in kept_ids} <= after


def test_reschedule_after_five_percent_cancel():
    b2b = _b2b()
    inst = b2b.generate(200, 16, 4, tables=40)
    first = solve(inst, time_limit=3)
    rng = random.Random(1)
    gone = set(rng.sample([p["id"] for p in inst["participants"]], 10))
    changed = copy.deepcopy(inst)
    changed["participants"] = [p for p in changed["participants"] if p["id"] not in gone]
    changed["meetings"] = [m for m in changed["meetings"] if not gone & set(m["with"])]
    again = reschedule(changed, first, time_limit=3)
    assert check(changed, again) == []
    kept_ids = {m["id"] for m in changed["meetings"]}
    before = {
        (a["meeting"], a["slot"], a["table"])
        for a in first["assignments"]
        if a["meeting"] in kept_ids
    }
    after = {(a["meeting"], a["slot"], a["table"]) for a in again["assignments"]}
    assert before <= after
    assert again["stats"]["weight"] >= sum(
        m.get("weight", 1) for m in changed["meetings"] if m["id"] in {t[0] for t in before}
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda i: i.update(format="nope"), "format"),
        (lambda i: i["meetings"].append({"id": "m1", "with": ["x", "y"]}), "meetings[4].id"),
        (lambda i: i["participants"].append({"id": "x"}), "participants[4].id"),
        (lambda i: i["meetings"][0].update({"with": ["x", "ghost"]}), "meetings[0].with"),
        (lambda i: i["meetings"][0].update({"fixed_slot": "zz"}), "meetings[0].fixed_slot"),
        (
            lambda i: i["meetings"][0].update({"forbidden_slots": ["zz"]}),
            "meetings[0].forbidden_slots",
        ),
        (
            lambda i: i["participants"][0].update({"unavailable": ["zz"]}),
            "participants[0].unavailable",
        ),
        (lambda i: i["slots"].append({"id": "a1"}), "slots[4].id"),
        (lambda i: i.update(tables=-1), "tables"),
        (lambda i: i["meetings"][0].update({"weight": "heavy"}), "meetings[0].weight"),
        (
            lambda i: i["participants"][1].update({"max_meetings": 1.5}),
            "participants[1].max_meetings",
        ),
        (lambda i: i["meetings"][1].update({"with": ["x"]}), "meetings[1].with"),
        (lambda i: i["meetings"][1].update({"weight": 1e308}), "meetings[1].weight"),
        (lambda i: i["slots"][0].update({"start": "yesterday"}), "slots[0].start"),
        (
            lambda i: i["slots"][0].update(
                {"start": "2026-01-05T09:00:00+01:00", "end": "2026-01-05T09:00:00+01:00"}
            ),
            "slots[0].end",
        ),
    ],
)
def test_malformed_instance_names_the_field(change, field):
    inst = small_instance()
    change(inst)
    with pytest.raises(InstanceError) as info:
        solve(inst, time_limit=1)
    assert info.value.field == field


def test_reschedule_rejects_a_schedule_of_another_format():
    with pytest.raises(InstanceError) as info:
        reschedule(small_instance(), {"format": "x"})
    assert info.value.field == "published.format"


def test_two_workers_give_one_schedule_per_seed_and_never_more_breaks_than_one():
    b2b = _b2b()
    inst = b2b.generate(90, 12, 5, tables=18)
    one = solve(inst, time_limit=30, seed=4, workers=1, method="legacy")
    two = solve(inst, time_limit=30, seed=4, workers=2, method="legacy")
    again = solve(inst, time_limit=30, seed=4, workers=2, method="legacy")
    for out in (one, two, again):
        assert check(inst, out) == []
        assert out["stats"]["deterministic"] is True
    assert (one["stats"]["workers"], two["stats"]["workers"]) == (1, 2)
    assert two["assignments"] == again["assignments"]
    assert two["stats"]["weight"] == one["stats"]["weight"]
    assert (two["stats"]["breaks"], two["stats"]["holes"]) <= (
        one["stats"]["breaks"],
        one["stats"]["holes"],
    )
    if two["stats"]["best_worker"] == 0:  # worker 0 is what a single process does
        assert two["assignments"] == one["assignments"]


def test_small_instances_use_one_process():
    out = solve(small_instance(), time_limit=2, method="legacy")
    assert out["stats"]["workers"] == 1


def test_reschedule_with_two_workers_keeps_every_unaffected_meeting():
    b2b = _b2b()
    inst = b2b.generate(150, 16, 6, tables=30)
    first = solve(inst, time_limit=20, seed=2, workers=2, method="legacy")
    gone = {p["id"] for p in inst["participants"][:8]}
    changed = copy.deepcopy(inst)
    changed["participants"] = [p for p in changed["participants"] if p["id"] not in gone]
    changed["meetings"] = [m for m in changed["meetings"] if not gone & set(m["with"])]
    again = reschedule(changed, first, time_limit=20, seed=2, workers=2, method="legacy")
    assert check(changed, again) == []
    alive = {m["id"] for m in changed["meetings"]}
    before = {(a["meeting"], a["slot"], a["table"]) for a in first["assignments"]}
    after = {(a["meeting"], a["slot"], a["table"]) for a in again["assignments"]}
    assert {t for t in before if t[0] in alive} <= after
