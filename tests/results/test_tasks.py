from django.conf import settings
from django.core import mail

from modus.results import tasks

from .conftest import ended_edition


def test_the_beat_runs_the_follow_ups_every_hour():
    entry = settings.CELERY_BEAT_SCHEDULE["results-follow-ups"]
    assert entry == {"task": "modus.results.tasks.send_follow_ups_task", "schedule": 3600}
    assert tasks.send_follow_ups_task.name == entry["task"]


def test_the_task_sends_each_email_once(db, clock):
    ended_edition(pairs=1)
    assert tasks.send_follow_ups_task.delay().get()["feedback"] == 2
    assert tasks.send_follow_ups_task.delay().get()["feedback"] == 0
    assert len(mail.outbox) == 2
