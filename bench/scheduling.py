"""Benchmark of the B2B scheduler against the first-fit baseline, on the same generated instances.

    .venv/bin/python bench/scheduling.py --sizes 300 2000 5000 --seeds 1 2 3 4 5

Per size: weight against the LP bound (gap %) and against first-fit, breaks and holes per
participant for both, breaks per participant of today's heuristic alone (``method="legacy"``, the
engine before the exact engine and the neighbourhood search, same time limit; at the sizes of
``--legacy-sizes``), the method that produced the schedule, seconds, peak memory (this process plus
the engine's worker processes), whether the run was deterministic (no deadline cut a step short),
and the share of meetings kept when 5% of the participants cancel and the schedule is re-solved.
Instances come from ../shared/bench/b2b.py with 16 slots and participants/5 tables; every schedule
is checked by its ``verify``.

With ``--tight``: the "tight days" table (bench/tight_days.py): ``planted`` days at the issue's six
configurations, the engine against today's heuristic and plain CP-SAT in the same run, with the
share proven optimal; ``--sizes`` with no size skips the loose events.

    .venv/bin/python bench/scheduling.py --sizes --tight --tight-seeds 1 2 3 4 5 6 7 8 9 10

Then, for the sizes in ``--cpsat-sizes``, CP-SAT alone (bench/cpsat_baseline.py, in a child process
with 2 workers and ``--cpsat-seconds``) on the same instances: its weight, its own proven bound, and
the ratio engine/CP-SAT. Needs ``ortools`` (a ``dev`` extra); skipped with a note without it.
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tight_days import tight_table  # bench/ is the script's directory, so on sys.path

from modus.scheduling import reschedule, solve

METHOD = {"exact": "exact", "neighbourhood search": "LNS", "heuristic": "heur"}
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


def peak_mib(stats: dict) -> float:
    """This process, plus the engine's workers (forkserver children report their own peak),
    plus any child this process waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own + children + stats.get("worker_peak_mib", 0)


def load() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def cpsat_rows(b2b, size, seeds, seconds, engine_weights) -> None:
    """CP-SAT alone on the same instances, in a child process each (its memory stays its own)."""
    baseline = Path(__file__).resolve().parent / "cpsat_baseline.py"
    print(f"\nCP-SAT alone, 2 workers, {seconds:g} s ({load()})")
    print(
        f"{'P':>5} {'seed':>4} {'engine':>7} {'CP-SAT':>7} {'CPbound':>7} {'status':>9} "
        f"{'build':>6} {'solve':>6} {'MiB':>6} {'valid':>5} {'eng/CP':>7}"
    )
    ratios = []
    for seed in seeds:
        inst = b2b.generate(size, 16, seed, tables=size // 5)
        with tempfile.TemporaryDirectory() as tmp:
            ipath, spath = Path(tmp) / "i.json", Path(tmp) / "s.json"
            ipath.write_text(json.dumps(inst))
            done = subprocess.run(
                [sys.executable, str(baseline), str(ipath), "-o", str(spath)]
                + ["--seconds", str(seconds), "--seed", str(seed)],
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode != 0:
                tail = (done.stderr.strip().splitlines() or ["no message"])[-1]
                print(f"{size:>5} {seed:>4} CP-SAT failed (exit {done.returncode}): {tail}")
                continue
            st = json.loads(done.stdout.strip().splitlines()[-1])
            fig = b2b.verify(inst, json.loads(spath.read_text()))
        ratio = engine_weights[seed] / fig["weight"] if fig["weight"] else float("inf")
        ratios.append(ratio)
        print(
            f"{size:>5} {seed:>4} {engine_weights[seed]:>7} {fig['weight']:>7} "
            f"{st['upper_bound'] if st['upper_bound'] is not None else '-':>7} "
            f"{st['status']:>9} {st['build_seconds']:>6.1f} {st['solve_seconds']:>6.1f} "
            f"{st['peak_mib']:>6} {'yes' if fig['valid'] else 'NO':>5} {ratio:>7.3f}",
            flush=True,
        )
    if ratios:
        print(f"{size:>5} mean engine/CP-SAT {statistics.fmean(ratios):.3f}", flush=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="*", default=[300, 2000])
    ap.add_argument("--tight", action="store_true", help="the tight-days table too")
    ap.add_argument("--tight-seeds", type=int, nargs="+", default=list(range(1, 11)))
    ap.add_argument("--tight-seconds", type=float, default=10.0)
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    ap.add_argument(
        "--time-limit",
        type=float,
        default=None,
        help="seconds per solve (default: 5 for 300, 10 for 2,000, 60 above)",
    )
    ap.add_argument("--workers", type=int, default=None, help="engine processes (default: its own)")
    ap.add_argument(
        "--cpsat-sizes",
        type=int,
        nargs="*",
        default=[2000],
        help="sizes (among --sizes) on which CP-SAT alone runs too (default 2000; none: no CP-SAT)",
    )
    ap.add_argument("--cpsat-seconds", type=float, default=60.0, help="CP-SAT's limit (60)")
    ap.add_argument(
        "--legacy-sizes",
        type=int,
        nargs="*",
        default=[300, 2000],
        help="sizes on which today's heuristic alone runs too, for its breaks (default 300 2000)",
    )
    args = ap.parse_args(argv)
    b2b = load_referee()
    print(f"{os.cpu_count()} cores, {load()}")
    header = (
        f"{'P':>5} {'seed':>4} {'weight':>7} {'LP':>7} {'gap%':>6} {'FF':>7} {'xFF':>5} "
        f"{'brk/p':>6} {'FFbrk/p':>7} {'hol/p':>6} {'FFhol/p':>7} {'left':>4} {'sec':>6} "
        f"{'MiB':>6} {'det':>3} {'kept%':>6} {'resec':>6} {'oldbrk/p':>8} {'method':>6}"
    )
    print(header)
    engine_weights: dict[int, dict[int, int]] = {}
    for size in args.sizes:
        limit = args.time_limit or (5.0 if size <= 300 else 10.0 if size <= 2000 else 60.0)
        rows = []
        for seed in args.seeds:
            inst = b2b.generate(size, 16, seed, tables=size // 5)
            ff = b2b.verify(inst, b2b.firstfit(inst))
            t0 = time.monotonic()
            out = solve(inst, time_limit=limit, seed=seed, workers=args.workers)
            sec = time.monotonic() - t0
            fig = b2b.verify(inst, out)
            if not fig["valid"]:
                print(f"INVALID schedule for P={size} seed={seed}: {fig['errors']}")
                return 1
            bound = out["stats"]["upper_bound"]
            changed, _ = cancel(inst, 0.05, seed)
            t1 = time.monotonic()
            again = reschedule(changed, out, time_limit=limit, seed=seed, workers=args.workers)
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
            old = float("nan")
            if size in args.legacy_sizes:
                legacy = solve(inst, time_limit=limit, seed=seed, method="legacy")
                old = b2b.verify(inst, legacy)["breaks"] / size
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
                "mib": peak_mib(out["stats"]),
                "det": out["stats"].get("deterministic", False),
                "kept": 100 * kept,
                "resec": resec,
                "old": old,
            }
            rows.append(row)
            engine_weights.setdefault(size, {})[seed] = fig["weight"]
            print(
                f"{size:>5} {seed:>4} {row['weight']:>7} {bound:>7} {row['gap']:>6.2f} "
                f"{row['ff']:>7} {row['ratio']:>5.2f} {row['brk']:>6.3f} {row['ffbrk']:>7.3f} "
                f"{row['hol']:>6.3f} {row['ffhol']:>7.3f} {row['left']:>4} {row['sec']:>6.2f} "
                f"{row['mib']:>6.0f} {'yes' if row['det'] else 'no':>3} {row['kept']:>6.1f} "
                f"{row['resec']:>6.2f} {old:>8.3f} {METHOD[out['stats']['method']]:>6}",
                flush=True,
            )
        mean = {k: statistics.fmean(r[k] for r in rows) for k in rows[0]}
        print(
            f"{size:>5} mean {mean['weight']:>7.0f} {mean['bound']:>7.0f} {mean['gap']:>6.2f} "
            f"{mean['ff']:>7.0f} {mean['ratio']:>5.2f} {mean['brk']:>6.3f} {mean['ffbrk']:>7.3f} "
            f"{mean['hol']:>6.3f} {mean['ffhol']:>7.3f} {mean['left']:>4.1f} "
            f"{max(r['sec'] for r in rows):>6.2f} {max(r['mib'] for r in rows):>6.0f} "
            f"{sum(1 for r in rows if r['det']):>3} {mean['kept']:>6.1f} "
            f"{mean['resec']:>6.2f} {mean['old']:>8.3f}",
            flush=True,
        )
    print(load(), flush=True)
    if args.tight and not tight_table(
        b2b, args.tight_seeds, args.tight_seconds, args.workers, load
    ):
        return 1
    for size in args.cpsat_sizes or []:
        if size not in engine_weights:
            continue
        if importlib.util.find_spec("ortools") is None:
            print("\nCP-SAT alone: ortools is not installed (pip install -e '.[dev]')")
            break
        cpsat_rows(b2b, size, args.seeds, args.cpsat_seconds, engine_weights[size])
    return 0


if __name__ == "__main__":
    sys.exit(main())
