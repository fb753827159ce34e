"""Limits on logins and password resets, and the record of failed logins.

Failed logins are counted by django-axes (settings ``AXES_*``): per account and, separately, per
client address. Reset e-mails are counted here in the cache (``web.ratelimit``).
"""

from django.conf import settings

from modus.activity.services import log_action
from modus.web import ratelimit

from .models import User

RESET_WINDOW = 3600  # seconds

LOGIN_FAILED = "accounts.login.failed"


def login_username(request, credentials) -> str:
    """The account a login names, as stored (addresses are kept in lower case)."""
    username = (credentials or {}).get("username")
    if username is None and request is not None:
        username = request.POST.get("username")
    return (username or "").strip().lower()


def record_failed_login(sender, credentials, request=None, **kwargs) -> None:
    """``user_login_failed`` receiver: a failed login on an existing account goes to its log."""
    email = login_username(request, credentials)
    user = User.objects.filter(email__iexact=email).first() if email else None
    if user is None:
        return
    data = {"ip": ratelimit.client_ip(request)} if request is not None else {}
    log_action(user, LOGIN_FAILED, data=data)


def reset_refused_for_client(request) -> bool:
    """Count a reset request from this client; True when it has asked too often this hour."""
    return ratelimit.over_limit(
        "reset-client",
        ratelimit.client_ip(request),
        limit=settings.MODUS_RESET_REQUESTS_PER_CLIENT,
        window=RESET_WINDOW,
    )


def reset_mail_allowed(email: str) -> bool:
    """Count a reset e-mail to this address; False once it had its share this hour."""
    return not ratelimit.over_limit(
        "reset-address", email, limit=settings.MODUS_RESET_MAILS_PER_ADDRESS, window=RESET_WINDOW
    )
