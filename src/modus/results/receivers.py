"""Figures go stale when what they read changes: each save or delete marks its edition's and
programme's snapshots; a job recomputes them (``tasks``, ``modus compute-results``).

Senders are named lazily ("app.Model"): results reads the other apps, it does not reach into them.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from . import services, tasks

DEBOUNCE_SECONDS = 60


def _event_id(instance) -> int | None:
    if hasattr(instance, "event_id"):
        return instance.event_id
    meeting = getattr(instance, "meeting", None) or instance
    version = getattr(meeting, "version", None)
    return getattr(version, "event_id", None)


def _changed(sender, instance, **kwargs):
    event_id = _event_id(instance)
    if event_id is None:
        return
    services.mark_stale(event_id=event_id)
    # With a broker, one recomputation a minute at most; without one, cron runs the command.
    if settings.CELERY_BROKER_URL and cache.add(f"results:refresh:{event_id}", 1, DEBOUNCE_SECONDS):
        transaction.on_commit(
            lambda: tasks.refresh_results_task.apply_async(countdown=DEBOUNCE_SECONDS)
        )


for _sender in (
    "events.Registration",
    "matchmaking.MeetingRequest",
    "matchmaking.Meeting",
    "matchmaking.MeetingOutcome",
    "results.MeetingRating",
    "results.FollowUpAnswer",
    "results.EventAnswer",
):
    post_save.connect(_changed, sender=_sender, dispatch_uid=f"results-stale-{_sender}")
    post_delete.connect(_changed, sender=_sender, dispatch_uid=f"results-stale-del-{_sender}")
