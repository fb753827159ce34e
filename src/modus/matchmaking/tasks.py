"""Background jobs of matchmaking (inline without a broker): thin wrappers around services."""

import logging

from celery import shared_task

from . import services

logger = logging.getLogger(__name__)


@shared_task
def run_schedule_task(run_id: int) -> int | None:
    """Do the queued scheduling run ``run_id``; returns its draft version's id (None if failed)."""
    return services.execute_run_with_clock(run_id).version_id


def enqueue_run(run_id: int) -> None:
    """Hand a run to the workers (or do it now, without a broker); a queue that cannot be
    reached fails the run with ``queue_unavailable`` instead of the page."""
    try:
        run_schedule_task.delay(run_id)
    except Exception as error:
        logger.exception("Could not queue scheduling run %s", run_id)
        services.fail_run(run_id, error="queue_unavailable", detail=repr(error))
