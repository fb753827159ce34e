from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from modus.activity.registry import describe_actions


class PartnersConfig(AppConfig):
    name = "modus.partners"
    label = "partners"
    verbose_name = _("Finding partners")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import personal_data  # noqa: PLC0415 (it needs the models)

        personal_data.declare()
        describe_actions(
            {
                "partners.opportunity.posted": _("Cooperation opportunity posted"),
                "partners.opportunity.approved": _("Cooperation opportunity approved"),
                "partners.opportunity.refused": _("Cooperation opportunity refused"),
                "partners.interest.expressed": _("Interest expressed"),
                "partners.interest.answered": _("Contact request answered"),
            }
        )
