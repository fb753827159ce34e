"""The signed codes a participant carries: the cancellation link and the check-in code.

Making a code needs nothing but the registration; reading one back (and finding its
registration) is in ``selectors.registrations``.
"""

from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from .errors import RegistrationError
from .models import Registration

CANCEL_SALT = "modus.events.registration.cancel"
CHECK_IN_SALT = "modus.events.registration.check-in"
# A cancellation link keeps working for a year; the event is long over by then.
CANCEL_TOKEN_MAX_AGE = 366 * 24 * 3600
CHECK_IN_SIGNATURE_LENGTH = 12


def cancellation_token(registration: Registration) -> str:
    """The signed, timestamped token of the self-service cancellation link."""
    return signing.dumps(registration.pk, salt=CANCEL_SALT)


def cancellation_pk(token: str):
    """The registration id a cancellation token carries; ``bad_token`` or ``expired_token``."""
    try:
        return signing.loads(token, salt=CANCEL_SALT, max_age=CANCEL_TOKEN_MAX_AGE)
    except signing.SignatureExpired as error:
        raise RegistrationError(
            _("This cancellation link has expired."), code="expired_token"
        ) from error
    except signing.BadSignature as error:
        raise RegistrationError(_("This link is not valid."), code="bad_token") from error


def _check_in_signature(event_id: int, pk: int) -> str:
    value = f"{event_id}:{pk}"
    return salted_hmac(CHECK_IN_SALT, value, algorithm="sha256").hexdigest()[
        :CHECK_IN_SIGNATURE_LENGTH
    ]


def check_in_code(registration: Registration) -> str:
    """The short code the QR code carries: ``<id>-<12 hex digits signed for this event>``.

    Short enough to type on a phone when a camera cannot read the QR code.
    """
    return f"{registration.pk}-{_check_in_signature(registration.event_id, registration.pk)}"


def parse_check_in_code(code: str) -> tuple[int, str]:
    """(registration id, signature) from a code as typed or scanned; ``bad_code`` if malformed."""
    pk_text, _dash, signature = (code or "").strip().lower().partition("-")
    if not pk_text.isdigit() or len(signature) != CHECK_IN_SIGNATURE_LENGTH:
        raise RegistrationError(_("This is not a check-in code."), code="bad_code")
    return int(pk_text), signature


def check_in_signature_matches(registration: Registration, signature: str) -> bool:
    return constant_time_compare(
        signature, _check_in_signature(registration.event_id, registration.pk)
    )
