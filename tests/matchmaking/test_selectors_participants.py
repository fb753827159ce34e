"""Reads about who takes part: eligible profiles and the marketplace, requests."""

import pytest

from modus.events.models import Registration
from modus.matchmaking import selectors
from modus.matchmaking.models import MeetingRequest
from tests.factories import MarketplaceProfileFactory, MeetingRequestFactory

from .support import accepted

pytestmark = pytest.mark.django_db


def test_a_request_is_mutual_when_both_asked_and_neither_declined(event):
    alice, bob, carol, dan = (MarketplaceProfileFactory(event=event) for _ in range(4))
    accepted(alice, bob, status=MeetingRequest.Status.PENDING)
    accepted(bob, alice)
    accepted(alice, carol)
    accepted(carol, alice, status=MeetingRequest.Status.DECLINED)
    accepted(dan, alice, status=MeetingRequest.Status.PENDING)
    MeetingRequestFactory(from_profile=MarketplaceProfileFactory())  # another event's
    incoming, outgoing = selectors.requests_of(alice)
    assert {(r.from_profile_id, r.mutual) for r in incoming} == {
        (bob.pk, True),
        (carol.pk, False),
        (dan.pk, False),
    }
    assert {(r.to_profile_id, r.mutual) for r in outgoing} == {(bob.pk, True), (carol.pk, False)}
    involving = list(selectors.requests_involving(event, alice.user))
    assert {(r.pk, r.mutual) for r in involving} == {(r.pk, r.mutual) for r in incoming + outgoing}
    assert [r.created_at for r in involving] == sorted(
        (r.created_at for r in involving), reverse=True
    )
    assert list(selectors.requests_involving(event, MarketplaceProfileFactory().user)) == []


def test_the_marketplace_holds_opted_in_participants_who_may_still_take_part(event, mm_settings):
    shown = MarketplaceProfileFactory(event=event)
    MarketplaceProfileFactory(event=event, opted_in=False)
    cancelled = MarketplaceProfileFactory(event=event)
    Registration.objects.filter(user=cancelled.user).update(status=Registration.Status.CANCELLED)
    MarketplaceProfileFactory()  # another event's
    assert list(selectors.eligible_profiles(event)) == [shown]
    assert list(selectors.marketplace(event)) == [shown]
    mm_settings.allowed_roles = [Registration.ParticipantRole.COMPANY]
    mm_settings.save()
    assert list(selectors.eligible_profiles(event)) == []
    assert list(selectors.eligible_registrations(event)) == []
