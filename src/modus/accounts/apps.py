from django.apps import AppConfig
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext_lazy as _

from modus.activity.registry import describe_actions


class AccountsConfig(AppConfig):
    name = "modus.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import (  # noqa: PLC0415 (they need the models)
            personal_data,
            selectors,
            services,
            throttling,
        )

        user_login_failed.connect(throttling.record_failed_login, dispatch_uid="modus-login-failed")
        describe_actions({throttling.LOGIN_FAILED: _("Failed login")})

        personal_data.declare("user", label=_("Your account"), export=selectors.account_data)
        personal_data.declare(
            "person",
            label=_("Your person profile"),
            export=selectors.person_data,
            erase=services.erase_person,
            covers=["accounts.Person.user"],
        )
        personal_data.declare(
            "memberships",
            label=_("Your memberships of organisations"),
            export=selectors.membership_data,
            erase=services.erase_memberships,
            covers=["accounts.Membership.user"],
        )
        personal_data.declare(
            "api_tokens",
            label=_("Your API token"),
            export=selectors.api_token_data,
            erase=services.erase_api_tokens,
            covers=["authtoken.Token.user"],
        )
        personal_data.declare(  # the log keeps the action, without its actor or their name
            "actions",
            label=_("Actions you took"),
            export=selectors.action_data,
            erase=services.erase_mentions,
            covers=["activity.ActionLogEntry.actor", "admin.LogEntry.user"],
        )
