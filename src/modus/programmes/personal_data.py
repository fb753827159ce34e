"""What programmes hold about a person: the offices (teams) they belong to.

Declared in ``apps.ProgrammesConfig.ready`` (see ``accounts.personal_data``); membership of a
team goes with the account (the many-to-many rows).
"""

from django.utils.translation import gettext_lazy as _

from modus.accounts import personal_data

from . import selectors


def declare() -> None:
    personal_data.declare(
        "programme_office_of",
        label=_("Programme offices you belong to"),
        export=selectors.programme_office_slugs,
        covers=["programmes.Programme.team"],
    )
