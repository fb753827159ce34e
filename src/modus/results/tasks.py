"""Background jobs of results (Celery beat with a broker; ``modus compute-results`` without)."""

from celery import shared_task

from . import services


@shared_task
def refresh_results_task() -> dict:
    return services.refresh_stale()
