"""Background jobs of calls: the hourly reminder run (Celery beat), inline without a broker."""

from celery import shared_task

from .services import send_reminders


@shared_task
def send_reminders_task() -> dict:
    return send_reminders()
