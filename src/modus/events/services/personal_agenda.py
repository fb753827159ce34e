"""A user's personal agenda: the sessions they mark."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ..errors import EventError
from ..models import AgendaMark, Event, Session

MARKABLE_STATUSES = (Event.Status.PUBLISHED, Event.Status.POSTPONED)


def toggle_agenda_mark(*, user, session: Session) -> bool:
    """Mark the session for the user's agenda, or unmark it. Returns whether it is now marked.

    Only active, logged-in users may mark, and only sessions of published or postponed events.
    """
    if not (user and user.is_authenticated and user.is_active):
        raise EventError(_("Log in to keep a personal agenda."), code="not_logged_in")
    if session.event.status not in MARKABLE_STATUSES:
        raise EventError(
            _("Sessions of this event cannot be added to an agenda."), code="not_markable"
        )
    deleted, _rows = AgendaMark.objects.filter(user=user, session=session).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            AgendaMark.objects.create(user=user, session=session)
    except IntegrityError:
        pass  # marked at the same moment by another request: it is marked either way
    return True
