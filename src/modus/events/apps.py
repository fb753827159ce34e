from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from modus.activity.registry import describe_actions

from .actions import LABELS


class EventsConfig(AppConfig):
    name = "modus.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        from . import personal_data  # noqa: PLC0415 (it needs the models)

        describe_actions(LABELS)
        personal_data.declare()
