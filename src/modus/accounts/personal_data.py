"""What Modus holds about a person, declared by each app that holds it (GDPR art. 15, 17, 20).

Every app declares its own categories in its ``AppConfig.ready`` (most from the app's own
``personal_data`` module), with the functions that read them and, where the app removes them
itself when an account is erased, erase them::

    personal_data.declare(
        "registrations",
        label=_("Your event registrations"),
        export=export_registrations,
        erase=erase_registrations,
        covers=["events.Registration.user"],
    )

``export(user)`` returns JSON-ready data under ``key``. ``erase(erasure)`` deletes or anonymises
what the app holds about ``erasure.user``, inside the erasure's transaction, before the user row
goes (data without an erase function goes with the user, by its foreign keys). What the results
must go on counting (a past meeting, its outcome, a past registration) is handed to
``erasure.former()``, an inactive account with no name, no address and no login of its own, so
the figures stay the same and nothing names the person. ``covers`` names the foreign keys to a
user or a person that the category accounts for (``app_label.Model.field``): a test walks every
model and fails on a key nobody declared.

The export walks the list in the order of INSTALLED_APPS; the erasure walks it backwards, so the
apps above erase first, while the data of the apps below still names the user.
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.translation import gettext as _

FORMER_DOMAIN = "erased.invalid"


@dataclass(frozen=True)
class PersonalData:
    key: str
    label: str
    export: Callable
    erase: Callable | None = None
    covers: tuple[str, ...] = ()
    warn: Callable | None = None


_declared: dict[str, PersonalData] = {}


def declare(
    key: str,
    *,
    label,
    export: Callable,
    erase: Callable | None = None,
    covers=(),
    warn: Callable | None = None,
) -> None:
    """Declare a category of personal data under ``key`` (the export's key, unique).

    ``warn(user)`` may return a sentence the erasure page shows before the person confirms
    (what the erasure does to others: meetings cancelled, partners told)."""
    declaration = PersonalData(
        key=key, label=label, export=export, erase=erase, covers=tuple(covers), warn=warn
    )
    if _declared.setdefault(key, declaration) != declaration:
        raise ImproperlyConfigured(f"Personal data {key!r} is declared twice.")


def declarations() -> list[PersonalData]:
    return list(_declared.values())


def covered_fields() -> set[str]:
    """Every ``app_label.Model.field`` some declaration accounts for."""
    return {field for declaration in declarations() for field in declaration.covers}


def export_personal_data(user) -> dict:
    """Everything Modus holds about the user, as JSON-ready data (GDPR art. 15 and 20)."""
    data = {"exported_at": timezone.now().isoformat()}
    for declaration in declarations():
        data[declaration.key] = declaration.export(user)
    return data


def _size(value) -> int:
    if value in (None, "", [], {}):
        return 0
    return len(value) if isinstance(value, list) else 1


def erasure_preview(user) -> list[dict]:
    """What an erasure would remove: each declared category with how many items it holds."""
    data = export_personal_data(user)
    return [
        {"key": item.key, "label": item.label, "count": _size(data[item.key])}
        for item in declarations()
        if _size(data[item.key])
    ]


def erasure_warnings(user) -> list[str]:
    """What an erasure would do to others, in sentences, from every app that declared one."""
    warnings = (item.warn(user) for item in declarations() if item.warn is not None)
    return [warning for warning in warnings if warning]


class Erasure:
    """One erasure in progress: the user, its moment, and the anonymous stand-in (made once,
    only when an app keeps something for the figures)."""

    def __init__(self, user, *, now=None):
        self.user = user
        self.now = now or timezone.now()
        self._former = None

    def former(self):
        if self._former is None:
            user_model = get_user_model()
            former = user_model(
                email=f"former-{secrets.token_hex(8)}@{FORMER_DOMAIN}",
                full_name=_("Former participant"),
                is_active=False,
            )
            former.set_unusable_password()
            former.save()
            self._former = former
        return self._former


def is_former(user) -> bool:
    """True for the anonymous stand-in of an erased account."""
    return bool(user and user.email.endswith(f"@{FORMER_DOMAIN}"))


def erase_personal_data(user, *, now=None) -> Erasure:
    """Let every app that declared an erase function remove what it holds about the user."""
    erasure = Erasure(user, now=now)
    for declaration in reversed(declarations()):
        if declaration.erase is not None:
            declaration.erase(erasure)
    return erasure
