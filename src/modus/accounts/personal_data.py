"""What Modus holds about a person, declared by each app that holds it (GDPR art. 15, 17, 20).

Every app declares its own categories in its ``AppConfig.ready``, with the functions that read
them and, where the app removes them itself when an account is erased, erase them::

    personal_data.declare(
        "articles", label=_("Articles written"), export=selectors.articles_by_author
    )

``export(user)`` returns JSON-ready data under ``key``; ``erase(user)`` deletes or anonymises
what the app holds, inside the erasure's transaction, before the user row goes (data without an
erase function goes with the user, by its foreign keys). The export and the erasure walk the
same list, in the order of INSTALLED_APPS, so a category declared once is both exported and
erased.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone


@dataclass(frozen=True)
class PersonalData:
    key: str
    label: str
    export: Callable
    erase: Callable | None = None


_declared: dict[str, PersonalData] = {}


def declare(key: str, *, label, export: Callable, erase: Callable | None = None) -> None:
    """Declare a category of personal data under ``key`` (the export's key, unique)."""
    declaration = PersonalData(key=key, label=label, export=export, erase=erase)
    if _declared.setdefault(key, declaration) != declaration:
        raise ImproperlyConfigured(f"Personal data {key!r} is declared twice.")


def declarations() -> list[PersonalData]:
    return list(_declared.values())


def export_personal_data(user) -> dict:
    """Everything Modus holds about the user, as JSON-ready data (GDPR art. 15 and 20)."""
    data = {"exported_at": timezone.now().isoformat()}
    for declaration in declarations():
        data[declaration.key] = declaration.export(user)
    return data


def erase_personal_data(user) -> None:
    """Let every app that declared an erase function remove what it holds about the user."""
    for declaration in declarations():
        if declaration.erase is not None:
            declaration.erase(user)
