from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from modus.accounts import personal_data
from modus.activity.registry import describe_actions

from .actions import LABELS


class ResultsConfig(AppConfig):
    name = "modus.results"
    label = "results"
    verbose_name = _("Results")

    def ready(self):
        from . import receivers, selectors  # noqa: F401, PLC0415 - signals; selectors need models

        describe_actions(LABELS)
        personal_data.declare(
            "feedback", label=_("Feedback and follow-up answers"), export=selectors.personal_answers
        )
