"""Background jobs of matchmaking (inline without a broker).

``run_schedule_task`` does one queued ``SchedulingRun``. The engine (``modus.scheduling``) is a
plain library that does not report its progress, so while it works a small thread moves the run's
progress bar with the clock (elapsed / time limit), writing to the run's row every
``PROGRESS_INTERVAL`` seconds through its own database connection, closed when it stops.
"""

import logging
import threading
import time

from celery import shared_task
from django.db import connections

logger = logging.getLogger(__name__)

PROGRESS_INTERVAL = 0.5  # seconds between two progress writes while the engine works


class RunProgress:
    """Hears the phases of a run and writes them to its row; times the engine's phase.

    Call it as ``progress(phase, percent, seconds=None)``: it writes the phase and percentage at
    once; given ``seconds`` (the engine's time limit), a thread then moves the bar from
    ``percent`` towards ``until`` as the time passes, until the next phase or ``close()``.
    """

    def __init__(self, run_id: int, *, until: int | None = None, interval: float | None = None):
        from .services import RUN_PROGRESS

        self.run_id = run_id
        self.until = RUN_PROGRESS["saving"] - 1 if until is None else until
        self.interval = PROGRESS_INTERVAL if interval is None else interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __call__(self, phase: str, percent: int, *, seconds: float | None = None) -> None:
        from .services import set_run_progress

        self.close()
        set_run_progress(self.run_id, percent=percent, phase=phase)
        if seconds:
            self._stop = threading.Event()
            self._thread = threading.Thread(
                target=self._tick,
                args=(percent, float(seconds), self._stop),
                name=f"scheduling-run-{self.run_id}-progress",
                daemon=True,
            )
            self._thread.start()

    def close(self) -> None:
        """Stop the clock thread (if any) and wait for it."""
        if self._thread is not None:
            self._stop.set()
            self._thread.join()
            self._thread = None

    def _tick(self, start: int, seconds: float, stop: threading.Event) -> None:
        from .services import set_run_progress

        began = time.monotonic()
        written = start
        try:
            while not stop.wait(self.interval):
                share = min((time.monotonic() - began) / seconds, 1.0)
                percent = int(start + (self.until - start) * share)
                if percent > written:
                    try:
                        set_run_progress(self.run_id, percent=percent)
                    except Exception:  # a busy database only delays the bar
                        logger.warning("Could not write the progress of run %s", self.run_id)
                    else:
                        written = percent
        finally:
            connections.close_all()  # this thread's own connections only


@shared_task
def run_schedule_task(run_id: int) -> int | None:
    """Do the queued scheduling run ``run_id``; returns its draft version's id (None if failed)."""
    from . import services

    progress = RunProgress(run_id)
    try:
        run = services.execute_run(run_id, progress=progress)
    finally:
        progress.close()
    return run.version_id


def enqueue_run(run_id: int) -> None:
    """Hand a run to the workers (or do it now, without a broker); a queue that cannot be
    reached fails the run with ``queue_unavailable`` instead of the page."""
    from . import services

    try:
        run_schedule_task.delay(run_id)
    except Exception as error:
        logger.exception("Could not queue scheduling run %s", run_id)
        services.fail_run(run_id, error="queue_unavailable", detail=repr(error))
