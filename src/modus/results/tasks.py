"""Background jobs of results (Celery beat with a broker; ``modus compute-results`` without)."""

from celery import shared_task

from . import services


@shared_task
def refresh_results_task() -> dict:
    return services.refresh_stale()


@shared_task
def send_follow_ups_task() -> dict:
    return services.send_follow_ups()
