import json
import subprocess
import sys

from .test_solver import small_instance


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "modus", "schedule", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_schedule_writes_a_schedule_and_a_summary(tmp_path):
    (tmp_path / "i.json").write_text(json.dumps(small_instance()))
    done = run(
        str(tmp_path / "i.json"),
        "--output",
        str(tmp_path / "s.json"),
        "--time-limit",
        "2",
        "--seed",
        "3",
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1
    assert "weight" in lines[0] and "breaks" in lines[0] and "upper bound" in lines[0]
    schedule = json.loads((tmp_path / "s.json").read_text())
    assert schedule["format"] == "modus-b2b-schedule/1"


def test_unknown_participant_exits_2_naming_the_field(tmp_path):
    inst = small_instance()
    inst["meetings"][2]["with"] = ["x", "nobody"]
    (tmp_path / "i.json").write_text(json.dumps(inst))
    done = run(str(tmp_path / "i.json"), "--output", str(tmp_path / "s.json"))
    assert done.returncode == 2
    assert "meetings[2].with" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "s.json").exists()


def test_missing_slot_and_bad_json_exit_2(tmp_path):
    inst = small_instance()
    inst["meetings"][0]["fixed_slot"] = "d9-0900"
    (tmp_path / "i.json").write_text(json.dumps(inst))
    done = run(str(tmp_path / "i.json"), "--output", str(tmp_path / "s.json"))
    assert done.returncode == 2 and "meetings[0].fixed_slot" in done.stderr
    (tmp_path / "j.json").write_text("{not json")
    done = run(str(tmp_path / "j.json"), "--output", str(tmp_path / "s.json"))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    done = run(str(tmp_path / "absent.json"), "--output", str(tmp_path / "s.json"))
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_workers_flag(tmp_path):
    (tmp_path / "i.json").write_text(json.dumps(small_instance()))
    done = run(str(tmp_path / "i.json"), "-o", str(tmp_path / "s.json"), "--workers", "2")
    assert done.returncode == 0, done.stderr
    assert "2 workers" in done.stdout
    done = run(str(tmp_path / "i.json"), "-o", str(tmp_path / "s.json"), "--workers", "0")
    assert done.returncode == 2 and "--workers" in done.stderr


def test_hostile_inputs_exit_2_naming_the_fault(tmp_path):
    inst = small_instance()
    inst["meetings"][0]["weight"] = 1e308
    (tmp_path / "w.json").write_text(json.dumps(inst))
    (tmp_path / "deep.json").write_text("[" * 100000)
    good = small_instance()
    (tmp_path / "i.json").write_text(json.dumps(good))
    out = str(tmp_path / "s.json")
    cases = [
        ([str(tmp_path / "w.json"), "-o", out], "meetings[0].weight"),
        ([str(tmp_path / "deep.json"), "-o", out], "nested too deeply"),
        ([str(tmp_path / "i.json"), "-o", out, "--time-limit", "nan"], "--time-limit"),
        ([str(tmp_path / "i.json"), "-o", out, "--time-limit", "inf"], "--time-limit"),
        ([str(tmp_path / "i.json"), "-o", out, "--workers", "500"], "--workers"),
    ]
    for args, fault in cases:
        done = run(*args)
        assert done.returncode == 2, (args, done.stderr)
        assert fault in done.stderr
        assert "Traceback" not in done.stderr


def test_overlapping_or_empty_slots_exit_2(tmp_path):
    base = small_instance()
    times = [("09:00", "09:25"), ("09:30", "09:55"), ("10:00", "10:25"), ("14:00", "14:25")]
    for slot, (a, b) in zip(base["slots"], times, strict=True):
        slot["start"] = f"2026-01-05T{a}:00+01:00"
        slot["end"] = f"2026-01-05T{b}:00+01:00"
    overlap = json.loads(json.dumps(base))
    overlap["slots"][1]["start"] = "2026-01-05T09:10:00+01:00"
    empty = json.loads(json.dumps(base))
    empty["slots"][2]["end"] = empty["slots"][2]["start"]
    for name, inst, field in [("o", overlap, "slots[1].start"), ("e", empty, "slots[2].end")]:
        (tmp_path / f"{name}.json").write_text(json.dumps(inst))
        done = run(str(tmp_path / f"{name}.json"), "-o", str(tmp_path / "s.json"))
        assert done.returncode == 2 and field in done.stderr, done.stderr
        assert "Traceback" not in done.stderr
    (tmp_path / "b.json").write_text(json.dumps(base))
    done = run(str(tmp_path / "b.json"), "-o", str(tmp_path / "s.json"))
    assert done.returncode == 0, done.stderr
    assert "breaks lower bound" in done.stdout and "method" in done.stdout
