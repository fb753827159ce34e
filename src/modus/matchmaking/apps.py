from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from modus.activity.registry import describe_actions


class MatchmakingConfig(AppConfig):
    name = "modus.matchmaking"
    label = "matchmaking"
    verbose_name = _("Matchmaking")

    def ready(self):
        from . import personal_data  # noqa: PLC0415 (it needs the models)

        personal_data.declare()
        describe_actions(
            {
                "matchmaking.run.started": _("Scheduling run started"),
                "matchmaking.schedule.published": _("Meeting schedule published"),
                "matchmaking.schedule.imported": _("Meeting schedule imported"),
                "matchmaking.meeting.moved": _("Meeting moved by hand"),
                "matchmaking.participant.withdrawn": _("Participant left: meetings cancelled"),
            }
        )
