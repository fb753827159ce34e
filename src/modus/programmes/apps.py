from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "modus.programmes"
    label = "programmes"
    verbose_name = _("Programmes")

    def ready(self):
        from . import personal_data  # noqa: PLC0415 (it needs the models)

        personal_data.declare()
