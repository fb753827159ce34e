"""Modus: cluster–region collaboration programmes, end to end."""

from .celery import app as celery_app

__all__ = ["celery_app"]
