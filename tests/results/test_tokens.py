import datetime as dt

import pytest
import time_machine
from django.core import signing

from modus.results.errors import LinkError
from modus.results.models import Invitation
from modus.results.tokens import SALTS, invitation_token, read_token
from tests.factories import EventFactory, UserFactory


@pytest.fixture
def invitation(db):
    return Invitation.objects.create(
        kind="feedback",
        event=EventFactory(),
        user=UserFactory(),
        closes_at=dt.datetime(2030, 1, 1, tzinfo=dt.UTC),
    )


def test_a_token_carries_its_invitation_and_version(invitation):
    assert read_token("feedback", invitation_token(invitation)) == (invitation.pk, 1)


def test_a_tampered_token_is_not_valid(invitation):
    token = invitation_token(invitation)
    forged = signing.dumps([invitation.pk + 1, 1], salt="another purpose")
    for bad in (token[:-2] + "xx", token.replace(":", ";", 1), forged, "", "nonsense"):
        with pytest.raises(LinkError) as caught:
            read_token("feedback", bad)
        assert caught.value.code == "bad_link"


def test_a_token_serves_one_purpose_only(invitation):
    with pytest.raises(LinkError) as caught:
        read_token("follow_up", invitation_token(invitation))
    assert caught.value.code == "bad_link"
    with pytest.raises(LinkError):
        read_token("unknown", invitation_token(invitation))
    assert set(SALTS) == {"feedback", "follow_up"}


def test_an_old_token_expires(invitation, settings):
    settings.MODUS_RESULTS_LINK_MAX_AGE_DAYS = 30
    with time_machine.travel(dt.datetime(2026, 1, 1, tzinfo=dt.UTC), tick=False):
        token = invitation_token(invitation)
    with time_machine.travel(dt.datetime(2026, 1, 30, tzinfo=dt.UTC), tick=False):
        assert read_token("feedback", token) == (invitation.pk, 1)
    late = time_machine.travel(dt.datetime(2026, 2, 1, tzinfo=dt.UTC), tick=False)
    with late, pytest.raises(LinkError) as caught:
        read_token("feedback", token)
    assert caught.value.code == "expired_link"
