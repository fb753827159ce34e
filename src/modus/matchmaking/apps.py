from django.apps import AppConfig
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from modus.activity.registry import describe_actions, describe_notes


def published_note(data: dict) -> str:
    """What a publication changed, from its logged figures, in the reader's language."""
    meetings = data["kept"] + data["moved"] + data["added"]
    return gettext("%(meetings)s · moved %(moved)d · added %(added)d · cancelled %(dropped)d") % {
        "meetings": ngettext("%(count)d meeting", "%(count)d meetings", meetings)
        % {"count": meetings},
        **data,
    }


def imported_note(data: dict) -> str:
    return gettext("placed %(placed)d of %(requested)d") % data


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
        describe_notes(
            {
                "matchmaking.schedule.published": published_note,
                "matchmaking.schedule.imported": imported_note,
            }
        )
