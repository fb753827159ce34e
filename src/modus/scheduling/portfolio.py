"""The compaction on several cores: a portfolio of worker processes that each anneal the same start
with a seed of their own; the caller keeps the best result.

The workers come from the ``forkserver`` start method (``spawn`` where there is none): a clean
server process that imported this module once forks them. Plain ``fork`` is not used: the caller
may run threads (HiGHS solves the LP bound in one) and may itself live inside gunicorn or Celery.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import random
import resource
import threading
import time

from .engine import State, compact
from .kempe import anneal
from .model import FREE, Problem

START_METHOD = "forkserver"


def threads(workers: int | None = None) -> int:
    """``workers`` when given, else two where this process may use two cores, else one."""
    if workers is not None:
        return max(1, int(workers))
    cpus = getattr(os, "process_cpu_count", os.cpu_count)() or 1
    return max(1, min(2, cpus))


def compaction_seed(seed: int, worker: int) -> str:
    """The seed of worker ``worker``'s annealing; worker 0's is the one a single process uses."""
    return f"{seed}:compact:{worker}"


def rebuild(problem: Problem, pinned: dict[int, int], slot_of: list[int]) -> State:
    state = State(problem, pinned)
    for m, s in enumerate(slot_of):
        if s != FREE and m not in state.locked:
            state.place(m, s)
    return state


def figures(state: State) -> tuple[int, int]:
    breaks = holes = 0
    for p in range(len(state.pr.person_ids)):
        b, h = state.person_figures(p)
        breaks += b
        holes += h
    return breaks, holes


def run_compaction(
    problem, pinned, slot_of, seed, worker, iterations, seconds, stop=None, kind="compact"
):
    """One worker's job: anneal a copy of ``slot_of`` by single moves and swaps (``compact``,
    ``iterations`` of them) or by Kempe chains until the time is up (``kempe``).

    Returns (slot_of, breaks, holes, completed)."""
    state = rebuild(problem, pinned, slot_of)
    rng = random.Random(compaction_seed(seed, worker))
    if kind == "kempe":
        completed = anneal(state, rng, time.monotonic() + seconds, stop=stop)
    else:
        completed = compact(state, rng, iterations, time.monotonic() + seconds, stop)
    breaks, holes = figures(state)
    return state.slot_of, breaks, holes, completed


def _worker(conn, problem, pinned, stop_event) -> None:  # pragma: no cover - runs in a child
    try:
        while True:
            task = conn.recv()
            if task is None:
                break
            slot_of, seed, worker, iterations, seconds, kind = task
            result = run_compaction(
                problem, pinned, slot_of, seed, worker, iterations, seconds, stop_event.is_set, kind
            )
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            conn.send((*result, peak))
    except (EOFError, KeyboardInterrupt):
        pass
    finally:
        conn.close()


class Portfolio:
    """``workers`` processes, started by a thread so that their start-up (a second for the first
    forkserver of a process, a tenth of a second after) overlaps the caller's work."""

    def __init__(self, problem: Problem, pinned: dict[int, int], workers: int):
        self.conns = []
        self.procs = []
        self.peaks: list[int] = []
        self.stop = None
        self.pending: set[int] = set()
        self.error: BaseException | None = None
        self._starter = threading.Thread(
            target=self._start, args=(problem, pinned, workers), daemon=True
        )
        self._starter.start()

    def _start(self, problem, pinned, workers) -> None:
        try:
            try:
                ctx = multiprocessing.get_context(START_METHOD)
            except ValueError:  # pragma: no cover - a platform without forkserver
                ctx = multiprocessing.get_context("spawn")
            if ctx.get_start_method() == "forkserver":
                # the server imports this module once; later workers are forked from it, ready
                ctx.set_forkserver_preload([__name__])
            self.stop = ctx.Event()
            for _ in range(workers):
                ours, theirs = ctx.Pipe()
                proc = ctx.Process(
                    target=_worker, args=(theirs, problem, pinned, self.stop), daemon=True
                )
                proc.start()
                theirs.close()
                self.conns.append(ours)
                self.procs.append(proc)
                self.peaks.append(0)
        except Exception as exc:  # e.g. a daemonic process may not have children
            self.error = exc

    def ready(self) -> bool:
        """Wait for the start-up; False (and nothing left running) if it failed."""
        self._starter.join()
        if self.error is not None:
            self.close()
            return False
        return True

    def submit(
        self, slot_of, seed, iterations, deadline, only=None, kind="compact", first=0
    ) -> None:
        """Give workers (all, or those numbered in ``only``) the start ``slot_of`` to anneal;
        worker k takes the seed of worker ``first + k`` (the caller may be worker 0 itself)."""
        seconds = max(0.0, deadline - time.monotonic())
        for k in range(len(self.conns)) if only is None else only:
            self.conns[k].send((slot_of, seed, first + k, iterations, seconds, kind))
            self.pending.add(k)

    def collect(self) -> list[tuple[list[int], int, int, bool]]:
        """Wait for every job given out; results in worker order."""
        results = []
        for k in sorted(self.pending):
            slot_of, breaks, holes, completed, peak = self.conns[k].recv()
            self.peaks[k] = max(self.peaks[k], peak)
            results.append((slot_of, breaks, holes, completed))
        self.pending.clear()
        return results

    @property
    def peak_kib(self) -> int:
        """The workers' peak resident memory, added up (they run at the same time)."""
        return sum(self.peaks)

    def abort(self) -> None:
        """Stop the running jobs and drop what they found."""
        self.stop.set()
        self.collect()
        self.stop.clear()

    def close(self) -> None:
        self._starter.join()
        if self.stop is not None:
            self.stop.set()  # a job still running (after an error in the caller) ends at once
        for conn in self.conns:
            with contextlib.suppress(OSError):
                conn.send(None)
        for proc in self.procs:
            proc.join(timeout=5)
            if proc.is_alive():  # pragma: no cover - a stuck child
                proc.kill()
                proc.join()
        for conn in self.conns:
            conn.close()
        self.conns, self.procs = [], []
