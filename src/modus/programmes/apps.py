from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from modus.accounts import personal_data


class ProgrammesConfig(AppConfig):
    name = "modus.programmes"
    label = "programmes"
    verbose_name = _("Programmes")

    def ready(self):
        from . import selectors  # noqa: PLC0415 (it needs the models)

        personal_data.declare(
            "programme_office_of",
            label=_("Programme offices you belong to"),
            export=selectors.programme_office_slugs,
            covers=["programmes.Programme.team"],
        )
