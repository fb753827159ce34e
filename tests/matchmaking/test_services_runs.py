"""Scheduling runs: queued once per event, done, failed, and their progress bar."""

import datetime as dt
import time

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

import modus.scheduling
from modus.activity.selectors import actions_on
from modus.events.permissions import NotCohost
from modus.matchmaking import services, tasks
from modus.matchmaking.models import (
    MeetingRequest,
    ScheduleVersion,
    SchedulingRun,
)
from modus.matchmaking.services import runs
from tests.factories import (
    MarketplaceProfileFactory,
    MatchmakingSettingsFactory,
    MeetingRequestFactory,
    UserFactory,
)

from .support import event_with_a_pair

pytestmark = pytest.mark.django_db


def _code(excinfo):
    return excinfo.value.code


def test_run_schedule_refused_for_non_cohosts(event):
    with pytest.raises(NotCohost):
        services.run_schedule(event, actor=UserFactory())


def _pair(event):
    alice, bob = MarketplaceProfileFactory(event=event), MarketplaceProfileFactory(event=event)
    MeetingRequestFactory(from_profile=alice, to_profile=bob, status=MeetingRequest.Status.ACCEPTED)
    return alice, bob


def test_start_run_queues_a_run_for_organisers_only(event, cohost):
    run = services.start_run(event, actor=cohost, time_limit=3, seed=7)
    assert (run.status, run.phase, run.progress) == ("queued", "queued", 0)
    assert (run.requested_by, run.time_limit, run.seed, run.version) == (cohost, 3, 7, None)
    with pytest.raises(NotCohost) as excinfo:
        services.start_run(event, actor=UserFactory())
    assert _code(excinfo) == "not_cohost"
    [entry] = actions_on(event)  # the refused one left no trace
    assert (entry.action, entry.actor, entry.note) == ("matchmaking.run.started", cohost, "3 s")
    assert entry.data == {"run": run.pk, "time_limit": 3, "seed": 7}


def test_start_run_needs_matchmaking_on_and_a_sane_time_limit(event, cohost, mm_settings):
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.start_run(event, actor=cohost, time_limit=0)
    assert _code(excinfo) == "bad_time_limit"
    mm_settings.enabled = False
    mm_settings.save()
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.start_run(event, actor=cohost)
    assert _code(excinfo) == "matchmaking_off"
    assert not SchedulingRun.objects.exists()


def test_a_run_in_progress_blocks_another_for_the_same_event_only(event, cohost):
    first = services.start_run(event, actor=cohost)
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.start_run(event, actor=cohost)
    assert _code(excinfo) == "run_in_progress"
    SchedulingRun.objects.filter(pk=first.pk).update(status=SchedulingRun.Status.RUNNING)
    with pytest.raises(services.MatchmakingError):
        services.start_run(event, actor=cohost)
    other = MatchmakingSettingsFactory().event
    assert services.start_run(other, actor=UserFactory(is_staff=True)).event == other
    SchedulingRun.objects.filter(pk=first.pk).update(status=SchedulingRun.Status.DONE)
    assert services.start_run(event, actor=cohost).pk != first.pk


def test_the_database_refuses_two_active_runs_of_one_event(event, cohost):
    services.start_run(event, actor=cohost)
    with pytest.raises(IntegrityError), transaction.atomic():
        SchedulingRun.objects.create(event=event, status=SchedulingRun.Status.RUNNING)


def test_a_lost_run_stops_blocking_and_is_marked_interrupted(event, cohost):
    lost = services.start_run(event, actor=cohost, time_limit=10)
    SchedulingRun.objects.filter(pk=lost.pk).update(
        status=SchedulingRun.Status.RUNNING,
        created_at=timezone.now() - services.RUN_STALE_AFTER - dt.timedelta(seconds=11),
    )
    fresh = services.start_run(event, actor=cohost)
    lost.refresh_from_db()
    assert (lost.status, lost.error) == ("failed", "interrupted") and lost.finished_at
    assert fresh.status == "queued"


def test_execute_run_stores_the_draft_and_finishes(event, cohost):
    _pair(event)
    run = services.start_run(event, actor=cohost, time_limit=1)
    phases = []
    run = services.execute_run(
        run.pk, progress=lambda phase, percent, seconds=None: phases.append((phase, seconds))
    )
    assert (run.status, run.progress, run.phase, run.error) == ("done", 100, "done", "")
    assert run.started_at <= run.finished_at
    assert run.version.stats["placed"] == 1 and run.version.status == "draft"
    assert phases == [("instance", None), ("solve", 1.0), ("saving", None)]
    # The run keeps what it really did, however fast: each phase with its seconds, and the total.
    assert [step["phase"] for step in run.steps] == ["instance", "solve", "saving", "total"]
    *parts, total = (step["seconds"] for step in run.steps)
    assert all(seconds >= 0 for seconds in parts) and sum(parts) <= total + 0.003
    # A second delivery of the same job does nothing.
    again = services.execute_run(run.pk)
    assert again.version == run.version and ScheduleVersion.objects.count() == 1


def test_a_failure_of_the_engine_is_recorded_on_the_run(event, cohost, monkeypatch):
    def broken(instance, **kwargs):
        raise RuntimeError("the engine fell over")

    monkeypatch.setattr(modus.scheduling, "solve", broken)
    _pair(event)
    run = services.execute_run(services.start_run(event, actor=cohost).pk)
    assert (run.status, run.error, run.version) == ("failed", "engine_error", None)
    assert "fell over" in run.error_detail and run.finished_at
    assert not ScheduleVersion.objects.exists()
    # The failed run no longer blocks the next one.
    assert services.start_run(event, actor=cohost).status == "queued"


def test_an_instance_the_engine_refuses_is_recorded_with_its_reason(event, cohost, monkeypatch):
    def refuses(instance, **kwargs):
        raise modus.scheduling.InstanceError("must be a list", "meetings")

    monkeypatch.setattr(modus.scheduling, "solve", refuses)
    run = services.execute_run(services.start_run(event, actor=cohost).pk)
    assert (run.status, run.error) == ("failed", "instance_invalid")
    assert "refused" in run.error_detail


def test_a_run_whose_organiser_left_fails_with_a_code(event, cohost):
    run = services.start_run(event, actor=cohost)
    cohost.memberships.all().delete()
    run = services.execute_run(run.pk)
    assert (run.status, run.error) == ("failed", "not_cohost")


def test_progress_never_goes_backwards_nor_reaches_100_before_the_end(event, cohost):
    run = services.start_run(event, actor=cohost)
    services.set_run_progress(run.pk, percent=50)  # queued: not moved
    run.refresh_from_db()
    assert run.progress == 0
    SchedulingRun.objects.filter(pk=run.pk).update(status=SchedulingRun.Status.RUNNING)
    services.set_run_progress(run.pk, percent=40, phase="solve")
    services.set_run_progress(run.pk, percent=30)
    run.refresh_from_db()
    assert (run.progress, run.phase) == (40, "solve")
    services.set_run_progress(run.pk, percent=150)
    run.refresh_from_db()
    assert run.progress == 99


def test_the_bar_moves_with_the_clock_while_the_engine_works(transactional_db, monkeypatch):
    """A slow engine: a thread writes the run's progress to its row while ``solve`` runs."""
    monkeypatch.setattr(runs, "PROGRESS_INTERVAL", 0.05)
    seen = []
    real_solve = modus.scheduling.solve

    def slow_solve(instance, *, time_limit, seed):
        for _ in range(6):
            time.sleep(0.15)
            run = SchedulingRun.objects.get()
            seen.append((run.status, run.phase, run.progress))
        return real_solve(instance, time_limit=0.5, seed=seed)

    monkeypatch.setattr(modus.scheduling, "solve", slow_solve)
    event, cohost = event_with_a_pair()
    run = services.start_run(event, actor=cohost, time_limit=1.5)
    version_id = tasks.run_schedule_task.delay(run.pk).get()

    assert {status for status, _phase, _progress in seen} == {"running"}
    assert {phase for _status, phase, _progress in seen} == {"solve"}
    progress = [percent for _status, _phase, percent in seen]
    assert progress == sorted(progress), progress
    assert progress[0] > services.RUN_PROGRESS["solve"]
    assert progress[-1] < services.RUN_PROGRESS["saving"]
    assert progress[-1] - progress[0] >= 20, progress  # ~0.75 s of 1.5 s: about half the range
    run.refresh_from_db()
    assert (run.status, run.progress, run.phase) == ("done", 100, "done")
    assert run.version_id == version_id


def test_the_clock_thread_stops_at_the_next_phase(transactional_db):
    event, cohost = event_with_a_pair()
    run = services.start_run(event, actor=cohost)
    SchedulingRun.objects.filter(pk=run.pk).update(status=SchedulingRun.Status.RUNNING)
    progress = services.RunProgress(run.pk, interval=0.02)
    progress("solve", 5, seconds=0.2)
    time.sleep(0.4)
    run.refresh_from_db()
    assert run.progress == services.RUN_PROGRESS["saving"] - 1  # the clock ran out: it waits
    progress("saving", 92)
    assert progress._thread is None
    run.refresh_from_db()
    assert (run.phase, run.progress) == ("saving", 92)
    progress.close()
