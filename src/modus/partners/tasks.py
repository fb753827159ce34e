"""Thin Celery wrappers around partners' services."""

from celery import shared_task

from modus.events.models import Event

from .suggestions import store


@shared_task
def compute_suggestions_task(event_id: int) -> int:
    event = Event.objects.filter(pk=event_id).first()
    return store.compute_for_event(event) if event else 0


@shared_task
def send_nudges_task() -> int:
    """Hourly: the one nudge before each open deadline."""
    return sum(
        store.send_nudges(event)
        for event in Event.objects.filter(matchmaking_settings__enabled=True)
    )
