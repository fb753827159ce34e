"""The participants' pages."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from modus.matchmaking import dates, selectors, services
from modus.matchmaking.models import (
    Availability,
    MarketplaceProfile,
    MeetingRequest,
)
from tests.factories import (
    EcosystemFactory,
    MarketplaceProfileFactory,
    MeetingRequestFactory,
    RegistrationFactory,
)

from .support import accepted, import_draft

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
    # session, user, event, settings, eligibility, own profile, filter choices (2), the page's
    # count and profiles, ecosystems, the badges (3), the suggested partners (partners' panel),
    # ... the same for 1 and 3 profiles
    with django_assert_num_queries(17):
        response = client.get(_url("marketplace", event))
    assert response.status_code == 200


@pytest.mark.parametrize("page", [1, 3])
def test_marketplace_pages_query_count(client, event, django_assert_num_queries, page):
    profiles = _make_profiles(event, 45)
    for other in profiles[1:10]:
        MeetingRequestFactory(from_profile=profiles[0], to_profile=other)
    client.force_login(profiles[0].user)
    with django_assert_num_queries(17):
        response = client.get(_url("marketplace", event), {"page": page})
    assert len(response.context["profiles"]) == (20 if page == 1 else 5)


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


def test_the_marketplace_is_paged_and_keeps_the_search(client, event):
    profiles = [
        MarketplaceProfileFactory(event=event, user__full_name=f"Person {n:02d}") for n in range(25)
    ]
    special = MarketplaceProfileFactory(
        event=event, user__full_name="Zofia", organisation__name="Hydrogen Valley Cluster"
    )
    client.force_login(profiles[0].user)
    first = client.get(_url("marketplace", event)).content.decode()
    assert "26 participants" in first and "page 1 of 2" in first
    assert "Person 19" in first and "Person 20" not in first and 'rel="next"' in first
    second = client.get(_url("marketplace", event), {"page": 2}).content.decode()
    assert "Person 20" in second and "Zofia" in second and 'rel="prev"' in second
    found = client.get(_url("marketplace", event), {"q": "hydrogen valley"}).content.decode()
    assert "1 participant" in found and special.display_name in found and "Person" not in found
    assert client.get(_url("marketplace", event), {"page": "x"}).status_code == 200


def test_marketplace_cards_say_where_one_stands_with_each_person(client, event, cohost):
    me, sent, declined, booked, asking = (
        MarketplaceProfileFactory(event=event, user__full_name=name)
        for name in ("Me", "Sent", "Declined", "Booked", "Asking")
    )
    MeetingRequestFactory(from_profile=me, to_profile=sent)
    MeetingRequestFactory(from_profile=me, to_profile=declined, status="declined")
    accepted(me, booked)
    MeetingRequestFactory(from_profile=asking, to_profile=me)
    services.publish(import_draft(event, cohost, {(me, booked): (0, 1)}), actor=cohost)
    client.force_login(me.user)
    page = client.get(_url("marketplace", event)).content.decode()
    assert '<span class="badge badge-pending">Request sent</span>' in page
    assert '<span class="badge badge-declined">Declined</span>' in page
    assert '<span class="badge badge-booked">Meeting booked</span>' in page
    assert '<span class="badge badge-asked">Asked you to meet</span>' in page
    assert "Request accepted" not in page  # the booked meeting says more
    detail = client.get(_url("profile", event, pk=booked.pk)).content.decode()
    assert "Meeting booked" in detail


def test_no_request_form_after_the_deadline(client, event, mm_settings):
    me, other = MarketplaceProfileFactory(event=event), MarketplaceProfileFactory(event=event)
    client.force_login(me.user)
    mm_settings.request_deadline = timezone.now() + dt.timedelta(days=1)
    mm_settings.save()
    page = client.get(_url("profile", event, pk=other.pk)).content.decode()
    assert "Send the request" in page and "Meeting requests are open until" in page
    mm_settings.request_deadline = timezone.now() - dt.timedelta(hours=1)
    mm_settings.save()
    page = client.get(_url("profile", event, pk=other.pk)).content.decode()
    assert "Send the request" not in page and "Meeting requests closed on" in page
    assert "Meeting requests closed on" in client.get(_url("marketplace", event)).content.decode()
    response = client.post(_url("profile", event, pk=other.pk), {"message": "Late"})
    assert "Meeting requests closed on" in response.content.decode()
    assert not MeetingRequest.objects.exists()


def test_availability_is_a_grid_by_day_with_the_days_named_in_each_language(
    client, event, mm_settings
):
    profile = MarketplaceProfileFactory(event=event)
    day = event.starts_on
    mm_settings.windows = [
        {"day": day.isoformat(), "start": "09:00", "end": "10:00"},
        {"day": (day + dt.timedelta(days=1)).isoformat(), "start": "09:00", "end": "09:30"},
    ]
    mm_settings.save()
    client.force_login(profile.user)
    response = client.get(_url("availability", event))
    assert [d.isoformat() for d in response.context["days"]] == [
        day.isoformat(),
        (day + dt.timedelta(days=1)).isoformat(),
    ]
    start, cells = response.context["rows"][1]  # 09:30: only on the first day
    assert cells[0]["slot"].start.hour == 9 and cells[1] is None
    page = response.content.decode()
    assert dates_in("en", day) in page
    for language in ("cs", "pl"):
        page = client.get(
            _url("availability", event), headers={"accept-language": language}
        ).content.decode()
        assert dates_in(language, day) in page


def dates_in(language, day):
    with translation.override(language):
        return dates.day(day)


def test_unticking_a_slot_with_a_meeting_warns_and_says_what_happens(client, event, cohost):
    me, other = MarketplaceProfileFactory(event=event), MarketplaceProfileFactory(event=event)
    accepted(me, other)
    services.publish(import_draft(event, cohost, {(me, other): (1, 2)}), actor=cohost)
    slot_ids = [slot.id for slot in selectors.slots(selectors.settings_for(event))]
    client.force_login(me.user)
    page = client.get(_url("availability", event)).content.decode()
    assert f"Meeting with {other.display_name}" in page  # the grid shows it before any change
    without = [s for s in slot_ids if s != slot_ids[1]]
    response = client.post(_url("availability", event), {"available": without})
    page = response.content.decode()
    assert response.status_code == 200
    assert "You have unticked slots that hold a meeting" in page
    assert "moved to a slot where you both can meet, or cancelled" in page
    assert "table 2" in page and "Save anyway" in page
    assert not Availability.objects.filter(profile=me).exists()  # nothing saved yet
    response = client.post(_url("availability", event), {"available": without, "confirm": "yes"})
    assert response.status_code == 302
    assert Availability.objects.get(profile=me).unavailable == [slot_ids[1]]
