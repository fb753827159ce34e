from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from modus.accounts import personal_data


class NewsConfig(AppConfig):
    name = "modus.news"
    label = "news"
    verbose_name = _("News")

    def ready(self):
        from . import selectors  # noqa: PLC0415 (it needs the models)

        personal_data.declare(
            "articles", label=_("Articles you wrote"), export=selectors.articles_by_author
        )
