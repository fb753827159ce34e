"""Benchmark of the B2B scheduler against the first-fit baseline, on the same generated instances.

    .venv/bin/python bench/scheduling.py --sizes 300 2000 5000 --seeds 1 2 3 4 5

Per size: weight against the LP bound (gap %) and against first-fit, breaks and holes per
participant for both, seconds, peak memory of this process, and the share of meetings kept when 5%
of the participants cancel and the schedule is re-solved. Instances come from ../shared/bench/b2b.py
with 16 slots and participants/5 tables; every schedule is checked by its ``verify``.
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import random
import resource
import statistics
import sys
import time
from pathlib import Path

from modus.scheduling import reschedule, solve

B2B = Path(__file__).resolve().parents[2] / "shared" / "bench" / "b2b.py"


def load_referee():
    spec = importlib.util.spec_from_file_location("b2b_referee", B2B)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cancel(instance: dict, share: float, seed: int) -> tuple[dict, set[str]]:
    rng = random.Random(seed)
    ids = [p["id"] for p in instance["participants"]]
    gone = set(rng.sample(ids, max(1, round(len(ids) * share))))
    changed = copy.deepcopy(instance)
    changed["participants"] = [p for p in changed["participants"] if p["id"] not in gone]
    changed["meetings"] = [m for m in changed["meetings"] if not gone & set(m["with"])]
    return changed, gone


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="+", default=[300, 2000])
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    ap.add_argument(
        "--time-limit",
        type=float,
        default=None,
        help="seconds per solve (default: 5 for 300, 10 for 2,000, 60 above)",
    )
    args = ap.parse_args(argv)
    b2b = load_referee()
    header = (
        f"{'P':>5} {'seed':>4} {'weight':>7} {'LP':>7} {'gap%':>6} {'FF':>7} {'xFF':>5} "
        f"{'brk/p':>6} {'FFbrk/p':>7} {'hol/p':>6} {'FFhol/p':>7} {'left':>4} {'sec':>6} "
        f"{'MiB':>6} {'kept%':>6} {'resec':>6}"
    )
    print(header)
    for size in args.sizes:
        limit = args.time_limit or (5.0 if size <= 300 else 10.0 if size <= 2000 else 60.0)
        rows = []
        for seed in args.seeds:
            inst = b2b.generate(size, 16, seed, tables=size // 5)
            ff = b2b.verify(inst, b2b.firstfit(inst))
            t0 = time.monotonic()
            out = solve(inst, time_limit=limit, seed=seed)
            sec = time.monotonic() - t0
            fig = b2b.verify(inst, out)
            if not fig["valid"]:
                print(f"INVALID schedule for P={size} seed={seed}: {fig['errors']}")
                return 1
            bound = out["stats"]["upper_bound"]
            changed, _ = cancel(inst, 0.05, seed)
            t1 = time.monotonic()
            again = reschedule(changed, out, time_limit=limit, seed=seed)
            resec = time.monotonic() - t1
            if not b2b.verify(changed, again)["valid"]:
                print(f"INVALID reschedule for P={size} seed={seed}")
                return 1
            alive = {m["id"] for m in changed["meetings"]}
            before = {
                (a["meeting"], a["slot"], a["table"])
                for a in out["assignments"]
                if a["meeting"] in alive
            }
            after = {(a["meeting"], a["slot"], a["table"]) for a in again["assignments"]}
            kept = len(before & after) / len(before) if before else 1.0
            row = {
                "weight": fig["weight"],
                "bound": bound,
                "gap": 100 * (bound - fig["weight"]) / bound if bound else 0.0,
                "ff": ff["weight"],
                "ratio": fig["weight"] / ff["weight"] if ff["weight"] else 0.0,
                "brk": fig["breaks"] / size,
                "ffbrk": ff["breaks"] / size,
                "hol": fig["holes"] / size,
                "ffhol": ff["holes"] / size,
                "left": fig["left_without_meeting"],
                "sec": sec,
                "mib": peak_mib(),
                "kept": 100 * kept,
                "resec": resec,
            }
            rows.append(row)
            print(
                f"{size:>5} {seed:>4} {row['weight']:>7} {bound:>7} {row['gap']:>6.2f} "
                f"{row['ff']:>7} {row['ratio']:>5.2f} {row['brk']:>6.3f} {row['ffbrk']:>7.3f} "
                f"{row['hol']:>6.3f} {row['ffhol']:>7.3f} {row['left']:>4} {row['sec']:>6.2f} "
                f"{row['mib']:>6.0f} {row['kept']:>6.1f} {row['resec']:>6.2f}",
                flush=True,
            )
        mean = {k: statistics.fmean(r[k] for r in rows) for k in rows[0]}
        print(
            f"{size:>5} mean {mean['weight']:>7.0f} {mean['bound']:>7.0f} {mean['gap']:>6.2f} "
            f"{mean['ff']:>7.0f} {mean['ratio']:>5.2f} {mean['brk']:>6.3f} {mean['ffbrk']:>7.3f} "
            f"{mean['hol']:>6.3f} {mean['ffhol']:>7.3f} {mean['left']:>4.1f} "
            f"{max(r['sec'] for r in rows):>6.2f} {mean['mib']:>6.0f} {mean['kept']:>6.1f} "
            f"{mean['resec']:>6.2f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
