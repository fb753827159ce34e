"""Scheduling runs: the engine in the background, its progress, and how each run ended.

``start_run`` queues a run (one at a time per event); ``tasks.run_schedule_task`` hands it to
``execute_run_with_clock``, which builds the instance, solves and stores the draft through
``run_schedule``. The engine (``modus.scheduling``) is a plain library that does not report its
progress, so while it works ``RunProgress`` moves the run's bar with the clock (elapsed / time
limit) from a small thread with its own database connection.
"""

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable

from django.db import IntegrityError, connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from modus import scheduling
from modus.activity.services import log_action
from modus.events.models import Event
from modus.events.permissions import NotCohost, require_cohost

from .. import selectors
from ..models import ScheduleVersion, SchedulingRun
from .errors import MatchmakingError
from .instance import build_instance, store_version

logger = logging.getLogger(__name__)

# Where the progress bar stands when each phase begins; the engine's work fills "solve"–"saving"
# with the clock (elapsed / time limit).
RUN_PROGRESS = {"queued": 0, "instance": 2, "solve": 5, "saving": 92, "done": 100}
MAX_TIME_LIMIT = 600
# A run still queued or running this long after its time limit is taken as lost (a worker that
# died); it no longer blocks a new run.
RUN_STALE_AFTER = dt.timedelta(minutes=15)
PROGRESS_INTERVAL = 0.5  # seconds between two progress writes while the engine works


def engine_refused(error: scheduling.InstanceError) -> MatchmakingError:
    return MatchmakingError(
        _("The scheduler refused the input: %(error)s") % {"error": error},
        code="instance_invalid",
    )


def run_schedule(
    event: Event,
    *,
    actor,
    time_limit: float = 10.0,
    seed: int = 0,
    progress: Callable[..., None] | None = None,
) -> ScheduleVersion:
    """Schedule the event's wanted meetings and store the result as a draft version.

    ``progress(phase, percent, seconds=None)`` hears of each phase (``instance``, ``solve``,
    ``saving``); for ``solve`` it also gets the seconds the engine may take.
    """

    def report(phase, percent, seconds=None):
        if progress is not None:
            progress(phase, percent, seconds=seconds)

    require_cohost(actor, event)
    report(SchedulingRun.Phase.INSTANCE, RUN_PROGRESS["instance"])
    instance = build_instance(event)
    report(SchedulingRun.Phase.SOLVE, RUN_PROGRESS["solve"], seconds=time_limit)
    try:
        result = scheduling.solve(instance, time_limit=time_limit, seed=seed)
    except scheduling.InstanceError as error:
        raise engine_refused(error) from error
    report(SchedulingRun.Phase.SAVING, RUN_PROGRESS["saving"])
    return store_version(event, actor=actor, instance=instance, schedule=result)


def _fail_stale_runs(event: Event) -> None:
    now = timezone.now()
    for run in SchedulingRun.objects.filter(event=event, status__in=SchedulingRun.ACTIVE):
        if run.created_at + dt.timedelta(seconds=run.time_limit) + RUN_STALE_AFTER < now:
            _finish_run(run, status=SchedulingRun.Status.FAILED, error="interrupted")


def start_run(event: Event, *, actor, time_limit: float = 10.0, seed: int = 0) -> SchedulingRun:
    """Queue a scheduler run for the event (co-hosts only; one at a time per event).

    The caller hands the run to ``tasks.enqueue_run`` once the transaction commits.
    """
    require_cohost(actor, event)
    mm_settings = selectors.settings_for(event)
    if not (mm_settings and mm_settings.enabled):
        raise MatchmakingError(_("Switch matchmaking on first."), code="matchmaking_off")
    if not 0 < time_limit <= MAX_TIME_LIMIT:
        raise MatchmakingError(
            _("The time limit is between 1 and %(max)s seconds.") % {"max": MAX_TIME_LIMIT},
            field="time_limit",
            code="bad_time_limit",
        )
    _fail_stale_runs(event)
    busy = MatchmakingError(
        _("The scheduler is already running for this event; wait until it has finished."),
        code="run_in_progress",
    )
    if selectors.active_run(event) is not None:
        raise busy
    try:
        with transaction.atomic():
            run = SchedulingRun.objects.create(
                event=event,
                requested_by=actor,
                time_limit=time_limit,
                seed=seed,
                status=SchedulingRun.Status.QUEUED,
                phase=SchedulingRun.Phase.QUEUED,
                progress=RUN_PROGRESS["queued"],
            )
            log_action(
                event,
                "matchmaking.run.started",
                actor=actor,
                note=f"{time_limit:g} s",
                data={"run": run.pk, "time_limit": time_limit, "seed": seed},
            )
    except IntegrityError:  # another organiser started one at the same moment
        raise busy from None
    return run


def set_run_progress(run_id: int, *, percent: int, phase: str | None = None) -> None:
    """Move a running run's bar (never backwards, never past 99 before it is done)."""
    percent = max(0, min(int(percent), 99))
    runs = SchedulingRun.objects.filter(
        pk=run_id, status=SchedulingRun.Status.RUNNING, progress__lte=percent
    )
    values = {"progress": percent}
    if phase:
        values["phase"] = phase
    runs.update(**values)


def _finish_run(
    run: SchedulingRun, *, status: str, error: str = "", detail: str = "", version=None
):
    run.status = status
    run.error = error
    run.error_detail = detail[:2000]
    run.version = version
    run.finished_at = timezone.now()
    if status == SchedulingRun.Status.DONE:
        run.progress = RUN_PROGRESS["done"]
        run.phase = SchedulingRun.Phase.DONE
    run.save(
        update_fields=[
            "steps",
            "status",
            "error",
            "error_detail",
            "version",
            "finished_at",
            "progress",
            "phase",
        ]
    )
    return run


def execute_run(run_id: int, *, progress: Callable[..., None] | None = None) -> SchedulingRun:
    """Do a queued run: build the instance, solve, save the draft; record how it ended.

    Only a queued run is started, so a job delivered twice runs once. Failures are recorded on
    the run with a code (``instance_invalid``, ``not_cohost``, ``engine_missing``,
    ``engine_error``, ...) and not raised: the organiser reads them on the schedule page.
    """
    started = SchedulingRun.objects.filter(pk=run_id, status=SchedulingRun.Status.QUEUED).update(
        status=SchedulingRun.Status.RUNNING,
        started_at=timezone.now(),
        phase=SchedulingRun.Phase.INSTANCE,
        progress=RUN_PROGRESS["instance"],
    )
    run = SchedulingRun.objects.select_related("event", "requested_by").get(pk=run_id)
    if not started:
        return run

    began = time.monotonic()
    marks = []  # (phase, when it began), so the finished run shows what it really did

    def report(phase, percent, seconds=None):
        marks.append((str(phase), time.monotonic()))
        if progress is not None:
            progress(phase, percent, seconds=seconds)
        else:
            set_run_progress(run.pk, percent=percent, phase=phase)

    def finish(**values):
        ends = [when for _phase, when in marks[1:]] + ([time.monotonic()] if marks else [])
        run.steps = [
            {"phase": phase, "seconds": round(end - start, 3)}
            for (phase, start), end in zip(marks, ends, strict=True)
        ]
        run.steps.append({"phase": "total", "seconds": round(time.monotonic() - began, 3)})
        return _finish_run(run, **values)

    failed = SchedulingRun.Status.FAILED
    try:
        version = run_schedule(
            run.event,
            actor=run.requested_by,
            time_limit=run.time_limit,
            seed=run.seed,
            progress=report,
        )
    except MatchmakingError as error:
        detail = "; ".join(error.messages)
        return finish(status=failed, error=error.code or "invalid", detail=detail)
    except NotCohost as error:
        return finish(status=failed, error=error.code, detail=str(error.message))
    except ImportError as error:  # the engine loads its solver libraries when it needs them
        return finish(status=failed, error="engine_missing", detail=str(error))
    except Exception as error:  # the engine's own bug must not leave the run "running"
        logger.exception("Scheduling run %s failed", run.pk)
        return finish(status=failed, error="engine_error", detail=repr(error))
    return finish(status=SchedulingRun.Status.DONE, version=version)


def execute_run_with_clock(run_id: int) -> SchedulingRun:
    """``execute_run`` with the bar moving with the clock while the engine works (the job)."""
    progress = RunProgress(run_id)
    try:
        return execute_run(run_id, progress=progress)
    finally:
        progress.close()


def fail_run(run_id: int, *, error: str, detail: str = "") -> None:
    """Record that a run could not even be started (e.g. the job queue is unreachable)."""
    run = SchedulingRun.objects.filter(pk=run_id, status__in=SchedulingRun.ACTIVE).first()
    if run is not None:
        _finish_run(run, status=SchedulingRun.Status.FAILED, error=error, detail=detail)


class RunProgress:
    """Hears the phases of a run and writes them to its row; times the engine's phase.

    Call it as ``progress(phase, percent, seconds=None)``: it writes the phase and percentage at
    once; given ``seconds`` (the engine's time limit), a thread then moves the bar from
    ``percent`` towards ``until`` as the time passes, until the next phase or ``close()``.
    """

    def __init__(self, run_id: int, *, until: int | None = None, interval: float | None = None):
        self.run_id = run_id
        self.until = RUN_PROGRESS["saving"] - 1 if until is None else until
        self.interval = PROGRESS_INTERVAL if interval is None else interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __call__(self, phase: str, percent: int, *, seconds: float | None = None) -> None:
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
