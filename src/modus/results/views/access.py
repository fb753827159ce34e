"""Who may see the full figures: the guard every organisers' view of results goes through."""

import functools

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from .. import selectors
from ..permissions import may_see_full_edition


def guard(request, allowed: bool):
    """Anonymous people are sent to log in (and told why); others without the right get 403."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not allowed:
        raise PermissionDenied
    return None


def for_edition_organisers(view):
    """The edition's co-hosts and its programme's office: the view gets the event, not its slug."""

    @functools.wraps(view)
    def wrapped(request, slug, **kwargs):
        event = selectors.public_edition_or_404(slug)
        denied = guard(request, may_see_full_edition(request.user, event))
        return denied or view(request, event, **kwargs)

    return wrapped
