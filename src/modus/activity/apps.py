from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivityConfig(AppConfig):
    name = "modus.activity"
    label = "activity"
    verbose_name = _("Action log")
    default_auto_field = "django.db.models.BigAutoField"
