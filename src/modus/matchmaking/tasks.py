"""Background jobs of matchmaking (inline without a broker)."""

from celery import shared_task


@shared_task
def run_schedule_task(event_id: int, actor_id: int, time_limit: float = 10.0, seed: int = 0) -> int:
    """Run the scheduler for an event as this user; returns the new draft version's id."""
    from django.contrib.auth import get_user_model

    from modus.events.models import Event

    from . import services

    event = Event.objects.get(pk=event_id)
    actor = get_user_model().objects.get(pk=actor_id)
    return services.run_schedule(event, actor=actor, time_limit=time_limit, seed=seed).pk
