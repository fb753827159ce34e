"""The scheduling job: a queue that cannot be reached, and a real Celery worker doing a run."""

import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from kombu.exceptions import OperationalError

from modus.matchmaking import services, tasks
from tests.celery_worker import celery_worker, needs_redis, own_queue

from .support import event_with_a_pair

REPO = Path(__file__).resolve().parents[2]


def test_a_queue_that_cannot_be_reached_fails_the_run_not_the_page(db, monkeypatch):

    def unreachable(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(tasks.run_schedule_task, "delay", unreachable)
    event, cohost = event_with_a_pair()
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
    env = own_queue(
        {
            **os.environ,
            "MODUS_DATA_DIR": str(data),
            "MODUS_CELERY_BROKER_URL": broker,
            "DJANGO_SETTINGS_MODULE": "modus.settings",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        }
    )
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
