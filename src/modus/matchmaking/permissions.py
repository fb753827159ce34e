"""Who may do what in matchmaking.

Participants are the event's confirmed registrations with an allowed role, while matchmaking is
on; organisers are the event's co-hosts, asked of ``modus.events.permissions`` (``is_cohost``,
``require_cohost``, ``cohost_required``) and nowhere else.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from modus.events.models import Event
from modus.events.permissions import is_cohost

from . import selectors
from .models import MarketplaceProfile, MatchmakingSettings


def is_eligible(user, event: Event, mm_settings: MatchmakingSettings | None = None) -> bool:
    """A confirmed participant with an allowed role, of an event with matchmaking on."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    mm_settings = mm_settings or selectors.settings_for(event)
    if not (mm_settings and mm_settings.enabled):
        return False
    return selectors.eligible_registrations(event, mm_settings).filter(user=user).exists()


def owns_profile(user, profile: MarketplaceProfile) -> bool:
    """The profile is the user's own (their requests to answer, their availability)."""
    return bool(user and user.is_authenticated and profile.user_id == user.pk)


def participant_required(view=None, *, cohosts_too=False):
    """The view's ``slug`` names an event whose matchmaking only its participants (and, with
    ``cohosts_too``, its co-hosts) may use.

    Anonymous visitors are sent to log in; while matchmaking is off the pages do not exist
    (404); anybody else gets 403. The view receives the event instead of the slug, and finds
    the settings in ``request.matchmaking``."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, slug, *args, **kwargs):
            event = get_object_or_404(Event, slug=slug)
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            mm_settings = selectors.settings_for(event)
            if not (cohosts_too and is_cohost(request.user, event)) and not is_eligible(
                request.user, event, mm_settings
            ):
                if mm_settings is None or not mm_settings.enabled:
                    raise Http404
                raise PermissionDenied
            request.matchmaking = mm_settings
            return view(request, event, *args, **kwargs)

        return wrapper

    return decorate(view) if view else decorate
