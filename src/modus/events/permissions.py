"""Who may do what with an event. The one owner of "is this user a co-host of this event?".

Services call ``require_cohost``; views use ``cohost_required``; templates and the API ask
``is_cohost``. Other apps (matchmaking, selection) use these three and nothing of their own.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from .models import Event, EventOrganiser

MANAGING_ROLES = (EventOrganiser.Role.ORGANISER, EventOrganiser.Role.COHOST)


def managed_events(user):
    """The events ``user`` manages in person: those an organisation of theirs organises or
    co-hosts, and the editions of programmes whose office (team) they belong to. (Staff may
    manage every event, but this lists only their own.)"""
    if not (user and user.is_authenticated and user.is_active):
        return Event.objects.none()
    hosts = EventOrganiser.objects.filter(
        event=OuterRef("pk"), role__in=MANAGING_ROLES, organisation__memberships__user=user
    )
    office = Event.objects.filter(pk=OuterRef("pk"), programme__team=user)
    return Event.objects.filter(Q(Exists(hosts)) | Q(Exists(office)))


def is_cohost(user, event: Event) -> bool:
    """A member of an organisation that organises or co-hosts the event, a member of the
    office of the event's programme (who creates its draft editions), or staff."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_staff:
        return True
    return managed_events(user).filter(pk=event.pk).exists()


class NotCohost(PermissionDenied):
    """The acting user is not a co-host (or organiser) of this event."""

    def __init__(self, message=None, *, code="not_cohost"):
        message = message or _("Only the co-hosts of this event may change it.")
        super().__init__(message)
        self.message = message
        self.code = code


def require_cohost(actor, event: Event) -> None:
    """Raise ``NotCohost`` unless ``actor`` may manage ``event``."""
    if not is_cohost(actor, event):
        raise NotCohost()


def cohost_required(view=None, *, queryset=None):
    """The view's ``slug`` names an event that only its co-hosts may use.

    Anonymous visitors are sent to log in first; anybody else gets 403. The view receives the
    event instead of the slug. ``queryset`` may add ``select_related`` for the page."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, slug, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            event = get_object_or_404(queryset if queryset is not None else Event, slug=slug)
            if not is_cohost(request.user, event):
                raise PermissionDenied
            return view(request, event, *args, **kwargs)

        return wrapper

    return decorate(view) if view is not None else decorate
