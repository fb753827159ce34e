"""The participants' pages."""

import pytest
from django.urls import reverse

from modus.matchmaking import selectors
from modus.matchmaking.models import (
    MarketplaceProfile,
    MeetingRequest,
)
from tests.factories import (
    EcosystemFactory,
    MarketplaceProfileFactory,
    MeetingRequestFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db


def _url(name, event, **kwargs):
    return reverse(f"matchmaking:{name}", kwargs={"slug": event.slug, **kwargs})


def test_opt_in_request_accept_through_the_web(client, event):
    alice_registration = RegistrationFactory(event=event)
    bob = MarketplaceProfileFactory(event=event)
    ecosystem = EcosystemFactory()
    client.force_login(alice_registration.user)
    response = client.post(
        _url("my-profile", event),
        {
            "offers": "Hydrogen tanks",
            "seeks": "Pilots",
            "ecosystems": [ecosystem.pk],
            "opted_in": "on",
        },
    )
    assert response.status_code == 302
    alice = MarketplaceProfile.objects.get(event=event, user=alice_registration.user)
    page = client.get(_url("marketplace", event), {"q": "hydrogen"}).content.decode()
    assert alice.display_name in page and bob.display_name in page
    assert client.post(_url("profile", event, pk=bob.pk), {"message": "Hello"}).status_code == 302
    request = MeetingRequest.objects.get(from_profile=alice, to_profile=bob)
    # Alice cannot answer her own request.
    assert (
        client.post(_url("answer", event, pk=request.pk), {"answer": "accept"}).status_code == 403
    )
    client.force_login(bob.user)
    page = client.get(_url("requests", event)).content.decode()
    assert "Hello" in page
    client.post(_url("answer", event, pk=request.pk), {"answer": "accept"})
    request.refresh_from_db()
    assert request.status == MeetingRequest.Status.ACCEPTED


def test_repeated_request_shows_the_error(client, event):
    alice, bob = MarketplaceProfileFactory(event=event), MarketplaceProfileFactory(event=event)
    MeetingRequestFactory(from_profile=bob, to_profile=alice)
    client.force_login(alice.user)
    client.post(_url("profile", event, pk=bob.pk), {"message": "Hi"})
    client.force_login(bob.user)
    response = client.post(_url("profile", event, pk=alice.pk), {"message": "Again"})
    assert response.status_code == 200
    assert "already asked" in response.content.decode()


def test_nobody_sees_another_participants_requests(client, event):
    request = MeetingRequestFactory(
        from_profile=MarketplaceProfileFactory(event=event), message="Secret plan"
    )
    carol = MarketplaceProfileFactory(event=event)
    client.force_login(carol.user)
    assert "Secret plan" not in client.get(_url("requests", event)).content.decode()
    assert (
        client.post(_url("answer", event, pk=request.pk), {"answer": "decline"}).status_code == 403
    )
    request.refresh_from_db()
    assert request.status == MeetingRequest.Status.PENDING


def test_filters_narrow_the_marketplace(client, event):
    ecosystem = EcosystemFactory()
    alice = MarketplaceProfileFactory(event=event, offers="Batteries")
    alice.ecosystems.add(ecosystem)
    bob = MarketplaceProfileFactory(event=event, offers="Tourism", seeks="Hotels")
    MarketplaceProfileFactory()  # another event's participant never shows
    client.force_login(bob.user)
    page = client.get(_url("marketplace", event), {"ecosystem": ecosystem.key}).content.decode()
    assert alice.display_name in page and bob.display_name not in page
    page = client.get(_url("marketplace", event), {"q": "hotel"}).content.decode()
    assert bob.display_name in page and alice.display_name not in page


def test_availability_page_saves_unticked_slots(client, event, mm_settings):
    profile = MarketplaceProfileFactory(event=event)
    slot_ids = [s.id for s in selectors.slots(mm_settings)]
    client.force_login(profile.user)
    assert client.get(_url("availability", event)).status_code == 200
    client.post(_url("availability", event), {"available": slot_ids[1:]})
    profile.refresh_from_db()
    assert profile.availability.unavailable == [slot_ids[0]]


def _make_profiles(event, count):
    profiles = [MarketplaceProfileFactory(event=event) for _ in range(count)]
    for profile in profiles:
        profile.ecosystems.add(EcosystemFactory())
    return profiles


@pytest.mark.parametrize("count", [1, 3])
def test_marketplace_query_count(client, event, django_assert_num_queries, count):
    profiles = _make_profiles(event, count)
    client.force_login(profiles[0].user)
    with django_assert_num_queries(12):
        response = client.get(_url("marketplace", event))
    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 3])
def test_requests_query_count(client, event, django_assert_num_queries, count):
    me = MarketplaceProfileFactory(event=event)
    for _ in range(count):
        MeetingRequestFactory(from_profile=me)
        MeetingRequestFactory(from_profile=MarketplaceProfileFactory(event=event), to_profile=me)
    client.force_login(me.user)
    with django_assert_num_queries(8):  # no co-host check on a participants-only page
        response = client.get(_url("requests", event))
    assert response.status_code == 200
