from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "modus.news"
    label = "news"
    verbose_name = _("News")

    def ready(self):
        from . import personal_data  # noqa: PLC0415 (it needs the models)

        personal_data.declare()
