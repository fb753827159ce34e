"""What news holds about a person: articles they wrote (none yet: articles have no author
account).

Declared in ``apps.NewsConfig.ready`` (see ``accounts.personal_data``).
"""

from django.utils.translation import gettext_lazy as _

from modus.accounts import personal_data

from . import selectors


def declare() -> None:
    personal_data.declare(
        "articles", label=_("Articles you wrote"), export=selectors.articles_by_author
    )
