"""The scheduling job: progress while the engine works, failures, and a real Celery worker."""

import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from modus.matchmaking import services, tasks
from modus.matchmaking.models import MeetingRequest, SchedulingRun
from tests.celery_worker import celery_worker, needs_redis
from tests.factories import (
    EventOrganiserFactory,
    MarketplaceProfileFactory,
    MatchmakingSettingsFactory,
    MeetingRequestFactory,
    MembershipFactory,
)

REPO = Path(__file__).resolve().parents[2]


def _event_with_a_pair():
    event = MatchmakingSettingsFactory().event
    alice, bob = MarketplaceProfileFactory(event=event), MarketplaceProfileFactory(event=event)
    MeetingRequestFactory(from_profile=alice, to_profile=bob, status=MeetingRequest.Status.ACCEPTED)
    cohost = MembershipFactory(organisation=EventOrganiserFactory(event=event).organisation).user
    return event, cohost


def test_the_bar_moves_with_the_clock_while_the_engine_works(transactional_db, monkeypatch):
    """A slow engine: a thread writes the run's progress to its row while ``solve`` runs."""
    import modus.scheduling

    monkeypatch.setattr(tasks, "PROGRESS_INTERVAL", 0.05)
    seen = []
    real_solve = modus.scheduling.solve

    def slow_solve(instance, *, time_limit, seed):
        for _ in range(6):
            time.sleep(0.15)
            run = SchedulingRun.objects.get()
            seen.append((run.status, run.phase, run.progress))
        return real_solve(instance, time_limit=0.5, seed=seed)

    monkeypatch.setattr(modus.scheduling, "solve", slow_solve)
    event, cohost = _event_with_a_pair()
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
    event, cohost = _event_with_a_pair()
    run = services.start_run(event, actor=cohost)
    SchedulingRun.objects.filter(pk=run.pk).update(status=SchedulingRun.Status.RUNNING)
    progress = tasks.RunProgress(run.pk, interval=0.02)
    progress("solve", 5, seconds=0.2)
    time.sleep(0.4)
    run.refresh_from_db()
    assert run.progress == services.RUN_PROGRESS["saving"] - 1  # the clock ran out: it waits
    progress("saving", 92)
    assert progress._thread is None
    run.refresh_from_db()
    assert (run.phase, run.progress) == ("saving", 92)
    progress.close()


def test_a_queue_that_cannot_be_reached_fails_the_run_not_the_page(db, monkeypatch):
    from kombu.exceptions import OperationalError

    def unreachable(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(tasks.run_schedule_task, "delay", unreachable)
    event, cohost = _event_with_a_pair()
    run = services.start_run(event, actor=cohost)
    tasks.enqueue_run(run.pk)
    run.refresh_from_db()
    assert (run.status, run.error) == ("failed", "queue_unavailable")


SETUP_SCRIPT = textwrap.dedent(
    """
    import django
    django.setup()
    from modus.matchmaking import services, tasks
    from modus.matchmaking.models import MeetingRequest
    from tests.factories import (
        EventOrganiserFactory, MarketplaceProfileFactory, MatchmakingSettingsFactory,
        MeetingRequestFactory, MembershipFactory,
    )
    event = MatchmakingSettingsFactory().event
    alice = MarketplaceProfileFactory(event=event)
    bob = MarketplaceProfileFactory(event=event)
    MeetingRequestFactory(from_profile=alice, to_profile=bob, status="accepted")
    organisation = EventOrganiserFactory(event=event).organisation
    cohost = MembershipFactory(organisation=organisation).user
    run = services.start_run(event, actor=cohost, time_limit=2)
    assert not tasks.run_schedule_task.app.conf.task_always_eager
    tasks.enqueue_run(run.pk)
    print(run.pk)
    """
)


@needs_redis
def test_with_a_broker_a_celery_worker_does_the_run(tmp_path):
    broker = "redis://127.0.0.1:6379/13"
    data = tmp_path / "data"
    env = {
        **os.environ,
        "MODUS_DATA_DIR": str(data),
        "MODUS_CELERY_BROKER_URL": broker,
        "DJANGO_SETTINGS_MODULE": "modus.settings",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    env.pop("DATABASE_URL", None)
    migrate = subprocess.run(
        [sys.executable, "-m", "modus", "migrate", "--no-input", "-v", "0"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert migrate.returncode == 0, migrate.stderr
    with celery_worker(env, cwd=REPO):
        sender = subprocess.run(
            [sys.executable, "-c", SETUP_SCRIPT],
            env=env,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert sender.returncode == 0, sender.stderr
        run_id = int(sender.stdout.strip().splitlines()[-1])
        database = next(data.glob("*.sqlite3"))
        row = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with sqlite3.connect(database, timeout=20) as connection:
                row = connection.execute(
                    "SELECT status, progress, error, version_id FROM matchmaking_schedulingrun "
                    "WHERE id = ?",
                    (run_id,),
                ).fetchone()
            if row[0] in ("done", "failed"):
                break
            time.sleep(0.2)
        assert row is not None and row[0] == "done", row
        assert row[1] == 100 and row[3] is not None
