"""The signed links of feedback and follow-up e-mails: one purpose each (its own salt), timed,
and spent by an answer.

A token carries the invitation's id and its ``version``; answering raises the version, so the
link that was used no longer works and the answer page hands out a fresh one. Reading a token
back checks the signature and its age here; whether the invitation is still open is the
selector's question.
"""

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from .errors import LinkError

SALTS = {
    "feedback": "modus.results.invitation.feedback",
    "follow_up": "modus.results.invitation.follow-up",
}


def max_age_seconds() -> int:
    """How long a link signs for, whatever its invitation says (default 400 days)."""
    return int(getattr(settings, "MODUS_RESULTS_LINK_MAX_AGE_DAYS", 400)) * 24 * 3600


def invitation_token(invitation) -> str:
    return signing.dumps([invitation.pk, invitation.version], salt=SALTS[invitation.kind])


def read_token(kind: str, token: str) -> tuple[int, int]:
    """(invitation id, version) from a token of this kind; ``expired_link`` or ``bad_link``."""
    if kind not in SALTS:
        raise LinkError(_("This link is not valid."), code="bad_link")
    try:
        value = signing.loads(token, salt=SALTS[kind], max_age=max_age_seconds())
    except signing.SignatureExpired as error:
        raise LinkError(_("This link has expired."), code="expired_link") from error
    except signing.BadSignature as error:
        raise LinkError(_("This link is not valid."), code="bad_link") from error
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value)):
        raise LinkError(_("This link is not valid."), code="bad_link")
    return value[0], value[1]
