import os
import subprocess
import sys
import time

from modus.web.tasks import send_email
from tests.celery_worker import celery_worker, needs_redis, own_queue


def test_without_a_broker_jobs_run_inline(mailoutbox, settings):
    assert settings.CELERY_TASK_ALWAYS_EAGER
    send_email.delay(to=["office@example.org"], subject="Cut-off tomorrow", body="Reminder.")
    assert [m.subject for m in mailoutbox] == ["Cut-off tomorrow"]


@needs_redis
def test_with_a_broker_a_celery_worker_runs_the_job(tmp_path):
    broker = "redis://127.0.0.1:6379/14"
    outbox = tmp_path / "outbox"
    env = own_queue(
        {
            **os.environ,
            "MODUS_DATA_DIR": str(tmp_path / "data"),
            "MODUS_CELERY_BROKER_URL": broker,
            "MODUS_TEST_EMAIL_DIR": str(outbox),
        }
    )
    env.pop("DATABASE_URL", None)
    with celery_worker(env):
        sender = subprocess.run(
            [
                sys.executable,
                "-c",
                "import django; django.setup();"
                "from modus.web.tasks import send_email;"
                "send_email.delay(to=['a@example.org'], subject='Via the worker', body='Hi')",
            ],
            env={**env, "DJANGO_SETTINGS_MODULE": "modus.settings"},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert sender.returncode == 0, sender.stderr
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (outbox.exists() and any(outbox.iterdir())):
            time.sleep(0.2)
        sent = [path.read_text() for path in outbox.iterdir()] if outbox.exists() else []
        assert any("Subject: Via the worker" in text for text in sent)
