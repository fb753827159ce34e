from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "modus.web"
    label = "web"
    verbose_name = _("Web")

    def ready(self):
        # Background jobs bind to our configured Celery app (inline without a broker).
        from modus import celery  # noqa: F401, PLC0415 (binds Celery to the loaded settings)
