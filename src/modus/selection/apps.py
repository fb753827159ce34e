from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from modus.activity.registry import describe_actions


class SelectionConfig(AppConfig):
    name = "modus.selection"
    verbose_name = _("Calls and selection")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import personal_data, receivers  # noqa: F401, PLC0415 - they need the models
        from .services.history import Action  # noqa: PLC0415 - it loads models: apps must be ready

        describe_actions(dict(Action.choices))
        personal_data.declare()
