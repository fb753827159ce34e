"""Who gets into the pages of the people who run a call: the decorators and checks they share.

Anonymous visitors are sent to log in. A call's pages are refused (403) to anyone who may not run
it; the POST-only actions on one application answer 404 to anyone who may not even see it, and
403 to applicants and reviewers."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from .. import selectors
from ..permissions import may_manage_call, may_view_application


def posted_pk(request, name: str) -> int:
    """A primary key from the form, or 404."""
    try:
        return int(request.POST.get(name, ""))
    except ValueError as error:
        raise Http404 from error


def login_or_403(request, allowed: bool):
    """A login redirect for anonymous visitors; 403 for others who are not ``allowed``."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not allowed:
        raise PermissionDenied
    return None


def manager_only(view):
    """Load the call of the URL; anonymous visitors log in first, anyone else gets 403."""

    @wraps(view)
    def wrapper(request, slug, *args, **kwargs):
        call = selectors.call_or_404(slug)
        if refusal := login_or_403(request, may_manage_call(request.user, call)):
            return refusal
        return view(request, call, *args, **kwargs)

    return wrapper


def application_manager_only(view):
    """POST actions on one application: 404 for those who may not see it, 403 for applicants
    and reviewers."""

    @wraps(view)
    def wrapper(request, pk, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(reverse("selection:application", kwargs={"pk": pk}))
        application = selectors.application_or_404(pk)
        if not may_manage_call(request.user, application.call):
            if may_view_application(request.user, application):
                raise PermissionDenied
            raise Http404
        return view(request, application, *args, **kwargs)

    return wrapper
