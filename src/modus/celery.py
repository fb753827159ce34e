"""Celery application. Without MODUS_CELERY_BROKER_URL, tasks run inline (always eager)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "modus.settings")
app = Celery("modus")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
