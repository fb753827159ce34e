from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from modus.activity.registry import describe_actions

from .actions import LABELS


class ResultsConfig(AppConfig):
    name = "modus.results"
    label = "results"
    verbose_name = _("Results")

    def ready(self):
        from . import personal_data, receivers  # noqa: F401, PLC0415 - they need the models

        describe_actions(LABELS)
        personal_data.declare()
