import time

import pytest
from django.core import signing

from modus.events import selectors, services
from modus.events.tokens import CANCEL_SALT, cancellation_token, check_in_code
from tests.events.registration_support import open_event, sign_up

pytestmark = pytest.mark.django_db


def test_waiting_list_position_follows_registration_order():
    event = open_event(capacity=1)
    sign_up(event)
    waiting = [sign_up(event) for _ in range(3)]
    assert [selectors.waiting_list_position(r) for r in waiting] == [1, 2, 3]


def test_cancellation_token_round_trip_and_tampering():
    registration = sign_up(open_event())
    token = cancellation_token(registration)
    assert selectors.registration_for_cancellation_token(token) == registration
    for bad in [token[:-1] + ("A" if token[-1] != "A" else "B"), "nonsense", ""]:
        with pytest.raises(services.RegistrationError) as error:
            selectors.registration_for_cancellation_token(bad)
        assert error.value.code == "bad_token"
    # Signed with another salt (a check-in code's or someone else's purpose): refused.
    foreign = signing.dumps(registration.pk, salt="another.purpose")
    with pytest.raises(services.RegistrationError):
        selectors.registration_for_cancellation_token(foreign)


class SignedTwoYearsAgo(signing.TimestampSigner):
    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 2 * 366 * 24 * 3600)


def test_expired_cancellation_token():
    registration = sign_up(open_event())
    stale = SignedTwoYearsAgo(salt=CANCEL_SALT).sign_object(registration.pk)
    with pytest.raises(services.RegistrationError) as error:
        selectors.registration_for_cancellation_token(stale)
    assert error.value.code == "expired_token"


def test_check_in_code_is_tamper_proof_and_bound_to_its_event():
    event = open_event()
    registration = sign_up(event)
    code = check_in_code(registration)
    assert selectors.registration_for_check_in_code(code, event=event) == registration
    assert selectors.registration_for_check_in_code(f"  {code.upper()} ") == registration
    pk, signature = code.split("-")
    other = sign_up(event)
    forged = f"{other.pk}-{signature}"
    for bad in [forged, f"{pk}-000000000000", "hello", ""]:
        with pytest.raises(services.RegistrationError) as error:
            selectors.registration_for_check_in_code(bad, event=event)
        assert error.value.code == "bad_code"
    with pytest.raises(services.RegistrationError) as error:
        selectors.registration_for_check_in_code(code, event=open_event())
    assert error.value.code == "other_event"
