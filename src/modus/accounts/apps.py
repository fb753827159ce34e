from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "modus.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import personal_data, selectors, services  # noqa: PLC0415 (they need the models)

        personal_data.declare("user", label=_("Your account"), export=selectors.account_data)
        personal_data.declare(
            "person",
            label=_("Your person profile"),
            export=selectors.person_data,
            erase=services.erase_person,
        )
        personal_data.declare(
            "memberships",
            label=_("Your memberships of organisations"),
            export=selectors.membership_data,
            erase=services.erase_memberships,
        )
        personal_data.declare(
            "api_tokens",
            label=_("Your API token"),
            export=selectors.api_token_data,
            erase=services.erase_api_tokens,
        )
