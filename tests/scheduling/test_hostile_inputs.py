"""Property tests: whatever an instance file holds, the scheduler answers with a schedule or an
InstanceError naming the field at fault, and ``modus schedule`` with exit 2 and that name,
never a traceback (huge or non-finite weights, deep nesting, values of the wrong type, slots that
overlap or last no time, absurd time limits and worker counts)."""

import contextlib
import copy
import io
import json
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modus.scheduling import InstanceError, solve
from modus.scheduling.cli import MAX_SECONDS, MAX_WORKERS
from modus.scheduling.cli import main as schedule_main

from .checker import check
from .test_solver import small_instance

HOSTILE_VALUES = st.one_of(
    st.sampled_from(
        [1e308, -1e308, math.inf, -math.inf, math.nan, 10**400, -1, 0, True, None, "", "a1", {}]
    ),
    st.floats(),
    st.integers(),
    st.text(max_size=5),
    st.recursive(st.none(), lambda inner: st.lists(inner, max_size=2), max_leaves=4),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)

PLACES = [
    ("tables",),
    ("slots", 0, "id"),
    ("slots", 1, "session"),
    ("slots", 0, "start"),
    ("slots", 2, "end"),
    ("slots", 1),
    ("participants", 1, "id"),
    ("participants", 1, "unavailable"),
    ("participants", 0, "unavailable", 0),
    ("participants", 2, "max_meetings"),
    ("participants", 3),
    ("meetings", 0, "weight"),
    ("meetings", 1, "id"),
    ("meetings", 1, "with"),
    ("meetings", 2, "with", 0),
    ("meetings", 2, "fixed_slot"),
    ("meetings", 3, "forbidden_slots"),
    ("meetings", 3, "forbidden_slots", 0),
    ("meetings",),
    ("participants",),
    ("slots",),
]

TIMES = [("09:00", "09:25"), ("09:30", "09:55"), ("10:00", "10:25"), ("14:00", "14:25")]


def timed_instance():
    inst = small_instance()
    for slot, (start, end) in zip(inst["slots"], TIMES, strict=True):
        slot["start"] = f"2026-01-05T{start}:00+01:00"
        slot["end"] = f"2026-01-05T{end}:00+01:00"
    inst["participants"][0]["unavailable"] = ["a2"]
    return inst


def put(inst, place, value):
    """Set ``value`` at ``place`` if an earlier change left that place there."""
    target = inst
    for key in place[:-1]:
        if not there(target, key):
            return
        target = target[key]
    last = place[-1]
    if isinstance(target, dict if isinstance(last, str) else list) and (
        isinstance(last, str) or last < len(target)
    ):
        target[last] = value


def there(target, key) -> bool:
    if isinstance(key, int):
        return isinstance(target, list) and key < len(target)
    return isinstance(target, dict) and key in target


def answer(inst):
    """The scheduler's answer: a schedule that obeys every rule, or the fault's field."""
    try:
        out = solve(copy.deepcopy(inst), time_limit=1)
    except InstanceError as error:
        assert error.field, error
        return error.field
    assert check(inst, out) == []
    return None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PLACES), HOSTILE_VALUES), min_size=1, max_size=3))
def test_hostile_values_anywhere_give_a_schedule_or_a_named_fault(changes):
    inst = timed_instance()
    for place, value in changes:
        put(inst, place, value)
    answer(inst)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 3),
    st.integers(-30, 30),
    st.integers(-30, 25),
)
def test_overlapping_or_empty_slots_are_named(k, shift, length):
    """A slot moved into its neighbour, or given no length, is refused with its own field."""
    inst = timed_instance()
    slot = inst["slots"][k]
    hour, minute = map(int, TIMES[k][0].split(":"))
    start = hour * 60 + minute + shift
    slot["start"] = f"2026-01-05T{start // 60:02d}:{start % 60:02d}:00+01:00"
    end = start + length
    slot["end"] = f"2026-01-05T{end // 60:02d}:{end % 60:02d}:00+01:00"
    previous_end = None if k == 0 else TIMES[k - 1][1]
    next_start = None if k == 3 else TIMES[k + 1][0]
    as_minutes = lambda text: int(text[:2]) * 60 + int(text[3:])  # noqa: E731
    overlaps = (previous_end and start < as_minutes(previous_end)) or (
        next_start and end > as_minutes(next_start)
    )
    field = answer(inst)
    if length <= 0:
        assert field == f"slots[{k}].end"
    elif overlaps:
        assert field in {f"slots[{k}].start", f"slots[{k + 1}].start"}
    else:
        assert field is None


def run_cli(tmp_path, body: str, *options: str):
    path = tmp_path / "instance.json"
    path.write_text(body)
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        try:
            code = schedule_main([str(path), "-o", str(tmp_path / "out.json"), *options])
        except SystemExit as exit:  # argparse's own refusals: exit 2 with the option named
            code = exit.code
    return code, stderr.getvalue()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.floats().filter(lambda seconds: not (0 < seconds <= MAX_SECONDS)),
        st.sampled_from([math.nan, math.inf, -0.0, 1e308]),
    ),
    st.integers().filter(lambda workers: not 1 <= workers <= MAX_WORKERS),
)
def test_cli_refuses_absurd_time_limits_and_worker_counts(tmp_path, seconds, workers):
    body = json.dumps(small_instance())
    code, stderr = run_cli(tmp_path, body, f"--time-limit={seconds!r}")
    assert (code, "--time-limit" in stderr) == (2, True), stderr
    code, stderr = run_cli(tmp_path, body, f"--workers={workers}")
    assert (code, "--workers" in stderr) == (2, True), stderr


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.integers(1_000, 200_000).map(lambda depth: "[" * depth),
        st.integers(1_000, 50_000).map(lambda depth: '{"a":' * depth + "1" + "}" * depth),
        st.integers(4_400, 20_000).map(lambda digits: '{"tables": ' + "9" * digits + "}"),
        st.text(max_size=40),
        st.binary(max_size=40).map(lambda raw: raw.decode("latin-1")),
    )
)
def test_cli_answers_any_file_with_exit_2_and_no_traceback(tmp_path, body):
    code, stderr = run_cli(tmp_path, body)
    assert code == 2
    assert stderr.startswith("modus schedule: ")
    assert "Traceback" not in stderr
