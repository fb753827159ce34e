"""Who sees the full figures: an edition's co-hosts and its programme's office; the office for
a programme. Everyone else sees the public figures, small counts suppressed."""

from modus.events.permissions import is_cohost
from modus.programmes.permissions import is_programme_office


def may_see_full_edition(user, event) -> bool:
    if is_cohost(user, event):
        return True
    return bool(event.programme_id) and is_programme_office(user, event.programme)


def may_see_full_programme(user, programme) -> bool:
    return is_programme_office(user, programme)
