"""Modus: cluster–region collaboration programmes, end to end.

The Celery app (``modus.celery``) is created when Django starts (``web.apps.WebConfig.ready``) and
when a worker starts (``celery -A modus worker`` finds ``modus.app``). Importing a pure library
such as ``modus.scheduling`` loads neither Django nor Celery.
"""


def __getattr__(name):
    if name in ("app", "celery_app"):
        from .celery import app  # noqa: PLC0415 - Celery loads only when a worker or Django asks

        return app
    raise AttributeError(f"module 'modus' has no attribute {name!r}")
