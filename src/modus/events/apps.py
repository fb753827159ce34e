from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from modus.activity.registry import describe_actions

from .actions import LABELS


class EventsConfig(AppConfig):
    name = "modus.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        describe_actions(LABELS)
