"""The "tight days" table of bench/scheduling.py: brokerage days of the literature's shape
(``b2b.py planted``: 40-80 people, 8-22 slots, every table taken at the peak, many meetings
allowed in half the day only), each built around a hidden schedule that places every meeting and
has ``planted_breaks`` breaks.

Per instance: the engine (``solve``), and in the same run the two baselines: today's heuristic
alone (``method="legacy"``) and plain CP-SAT (bench/cpsat_baseline.py ``--breaks``: the whole
model with weight first and breaks second in one objective, no start, in a child process). Every
schedule is checked by the referee's ``verify``; the figures are the referee's.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from modus.scheduling import solve

CONFIGS = [
    (70, 21, 0.3),
    (76, 22, 0.35),
    (78, 22, 0.45),
    (60, 10, 0.8),
    (47, 10, 0.8),
    (42, 8, 0.8),
]
BASELINE = Path(__file__).resolve().parent / "cpsat_baseline.py"


def plain_cpsat(inst: dict, seconds: float, seed: int) -> tuple[dict, dict, float]:
    with tempfile.TemporaryDirectory() as tmp:
        ipath, spath = Path(tmp) / "i.json", Path(tmp) / "s.json"
        ipath.write_text(json.dumps(inst))
        t0 = time.monotonic()
        done = subprocess.run(
            [sys.executable, str(BASELINE), str(ipath), "-o", str(spath), "--breaks"]
            + ["--seconds", str(seconds), "--seed", str(seed), "--workers", "2"],
            capture_output=True,
            text=True,
            check=False,
        )
        sec = time.monotonic() - t0
        if done.returncode != 0:
            return {}, {}, sec
        stats = json.loads(done.stdout.strip().splitlines()[-1])
        return json.loads(spath.read_text()), stats, sec


def tight_table(b2b, seeds, seconds: float, workers: int | None, load) -> bool:
    """Print the table; True when every engine schedule is valid."""
    print(f"\nTight days, {seconds:g} s each, engine workers {workers or 'default'} ({load()})")
    print(
        f"{'config':>12} {'seed':>4} | {'placed':>9} {'brk':>4} {'plant':>5} {'LB':>4} "
        f"{'opt':>3} {'sec':>5} | {'legacy':>9} {'brk':>4} {'sec':>5} | "
        f"{'CP-SAT':>9} {'brk':>4} {'LB':>4} {'sec':>5}"
    )
    everything = []
    for n, slots, density in CONFIGS:
        rows = []
        for seed in seeds:
            inst = b2b.planted(n, slots, seed, density=density)
            t0 = time.monotonic()
            out = solve(inst, time_limit=seconds, seed=seed, workers=workers)
            sec = time.monotonic() - t0
            fig = b2b.verify(inst, out)
            if not fig["valid"]:
                print(f"INVALID schedule for {n}/{slots}/{density} seed {seed}: {fig['errors']}")
                return False
            t1 = time.monotonic()
            legacy = solve(inst, time_limit=seconds, seed=seed, workers=workers, method="legacy")
            lsec = time.monotonic() - t1
            lfig = b2b.verify(inst, legacy)
            cp, cst, csec = plain_cpsat(inst, seconds, seed)
            cfig = b2b.verify(inst, cp) if cp else None
            st = out["stats"]
            row = {
                "all": fig["scheduled"] == fig["meetings"],
                "breaks": fig["breaks"],
                "planted": inst["planted_breaks"],
                "ok": fig["breaks"] <= inst["planted_breaks"],
                "lb": st["breaks_lower_bound"],
                "opt": st["optimal"],
                "sec": sec,
                "lall": lfig["scheduled"] == lfig["meetings"],
                "lbreaks": lfig["breaks"],
                "call": bool(cfig) and cfig["valid"] and cfig["scheduled"] == cfig["meetings"],
                "cbreaks": cfig["breaks"] if cfig else None,
            }
            rows.append(row)
            cplaced = f"{cfig['scheduled']}/{cfig['meetings']}" if cfig else "failed"
            print(
                f"{f'{n}/{slots}/{density}':>12} {seed:>4} | "
                f"{fig['scheduled']:>4}/{fig['meetings']:<4} {fig['breaks']:>4} "
                f"{inst['planted_breaks']:>5} {st['breaks_lower_bound']:>4} "
                f"{'yes' if st['optimal'] else 'no':>3} {sec:>5.1f} | "
                f"{lfig['scheduled']:>4}/{lfig['meetings']:<4} {lfig['breaks']:>4} {lsec:>5.1f} | "
                f"{cplaced:>9} {cfig['breaks'] if cfig else '-':>4} "
                f"{cst.get('breaks_lower_bound', '-') if cst else '-':>4} {csec:>5.1f}",
                flush=True,
            )
        everything += rows
        print(
            f"{f'{n}/{slots}/{density}':>12} all placed {sum(r['all'] for r in rows)}/{len(rows)}, "
            f"breaks ≤ planted {sum(r['ok'] for r in rows)}/{len(rows)}, proven optimal "
            f"{sum(r['opt'] for r in rows)}/{len(rows)}, mean breaks "
            f"{statistics.fmean(r['breaks'] for r in rows):.1f} (planted "
            f"{statistics.fmean(r['planted'] for r in rows):.1f}, legacy "
            f"{statistics.fmean(r['lbreaks'] for r in rows):.1f}, legacy all placed "
            f"{sum(r['lall'] for r in rows)}/{len(rows)}, CP-SAT all placed "
            f"{sum(r['call'] for r in rows)}/{len(rows)}), max {max(r['sec'] for r in rows):.1f} s",
            flush=True,
        )
    total = len(everything)
    print(
        f"tight days: every meeting placed on {sum(r['all'] for r in everything)}/{total}, "
        f"breaks ≤ planted on {sum(r['ok'] for r in everything)}/{total}, proven optimal on "
        f"{sum(r['opt'] for r in everything)}/{total} "
        f"({100 * sum(r['opt'] for r in everything) / total:.0f} %), at most "
        f"{max(r['sec'] for r in everything):.1f} s ({load()}, {os.cpu_count()} cores)",
        flush=True,
    )
    return True
