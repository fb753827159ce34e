"""``modus schedule INSTANCE.json --output SCHEDULE.json``: the scheduler from the command line."""

from __future__ import annotations

import argparse
import json
import math
import sys

from .model import InstanceError
from .solver import solve

MAX_WORKERS = 64
MAX_SECONDS = 86_400.0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="modus schedule",
        description="Schedule B2B meetings: read an instance, write a schedule (formats: b2b.md).",
    )
    parser.add_argument("instance", help="instance JSON file (modus-b2b-instance/1)")
    parser.add_argument("--output", "-o", required=True, help="where to write the schedule JSON")
    parser.add_argument("--time-limit", type=float, default=10.0, help="seconds (default 10)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="processes for the search (default: 2 where there are 2 cores, 1 for small events)",
    )
    args = parser.parse_args(argv)
    try:
        with open(args.instance, encoding="utf-8") as fh:
            instance = json.load(fh)
    except OSError as exc:
        print(f"modus schedule: cannot read {args.instance}: {exc.strerror}", file=sys.stderr)
        return 2
    except ValueError as exc:  # bad JSON, bad UTF-8, or a number of more than 4,300 digits
        print(f"modus schedule: {args.instance} is not valid JSON: {exc}", file=sys.stderr)
        return 2
    except RecursionError:
        print(
            f"modus schedule: {args.instance} is nested too deeply to be an instance",
            file=sys.stderr,
        )
        return 2
    if not (math.isfinite(args.time_limit) and 0 < args.time_limit <= MAX_SECONDS):
        print(
            f"modus schedule: --time-limit must be a number of seconds above 0 and at most "
            f"{MAX_SECONDS:.0f} (got {args.time_limit})",
            file=sys.stderr,
        )
        return 2
    if args.workers is not None and not 1 <= args.workers <= MAX_WORKERS:
        print(f"modus schedule: --workers must be 1 to {MAX_WORKERS}", file=sys.stderr)
        return 2
    try:
        schedule = solve(instance, time_limit=args.time_limit, seed=args.seed, workers=args.workers)
    except InstanceError as exc:
        print(
            f"modus schedule: invalid instance: field {exc.field}: {exc.message}", file=sys.stderr
        )
        return 2
    try:
        with open(args.output, "w", encoding="utf-8") as fh:
            json.dump(schedule, fh)
            fh.write("\n")
    except OSError as exc:
        print(f"modus schedule: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
        return 2
    st = schedule["stats"]
    print(
        f"scheduled {st['scheduled']} of {st['scheduled'] + len(schedule['unscheduled'])} "
        f"meetings, weight {st['weight']}, breaks {st['breaks']}, holes {st['holes']}, "
        f"proven upper bound {st['upper_bound']}, breaks lower bound {st['breaks_lower_bound']}, "
        f"{'optimal' if st['optimal'] else 'not proven optimal'}, method {st['method']}, "
        f"{st['seconds']:.2f} s, {st['workers']} worker{'s' if st['workers'] != 1 else ''}"
    )
    return 0
