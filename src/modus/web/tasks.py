"""Background jobs of the platform itself.

Without a broker Celery runs them eagerly in the calling process; with
MODUS_CELERY_BROKER_URL set they go to the workers (``celery -A modus worker``).
"""

from celery import shared_task
from django.core.mail import EmailMultiAlternatives


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_email(*, to: list[str], subject: str, body: str, html_body: str = "") -> int:
    """Deliver one e-mail; network errors are retried with back-off."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=to)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    return message.send()
