"""Background jobs of calls: the hourly reminder run (Celery beat), inline without a broker."""

from celery import shared_task


@shared_task
def send_reminders_task() -> dict:
    from .services import send_reminders

    return send_reminders()
