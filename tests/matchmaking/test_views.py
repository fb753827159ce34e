import pytest
from django.core import mail
from django.urls import reverse

from modus.matchmaking import services
from modus.matchmaking.models import MarketplaceProfile, MeetingRequest, ScheduleVersion
from tests.factories import (
    EcosystemFactory,
    MarketplaceProfileFactory,
    MeetingRequestFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

try:
    from modus.scheduling import solve  # noqa: F401

    HAVE_ENGINE = True
except ImportError:
    HAVE_ENGINE = False


def _url(name, event, **kwargs):
    return reverse(f"matchmaking:{name}", kwargs={"slug": event.slug, **kwargs})


PARTICIPANT_PAGES = ["marketplace", "my-profile", "requests", "availability", "meetings"]
ORGANISER_PAGES = ["setup", "schedule"]


def test_anonymous_visitors_log_in_first(client, event):
    for name in PARTICIPANT_PAGES + ORGANISER_PAGES:
        response = client.get(_url(name, event))
        assert response.status_code == 302 and "login" in response.url


def test_outsiders_get_403_everywhere(client, event):
    profile = MarketplaceProfileFactory(event=event)
    client.force_login(UserFactory())
    for name in PARTICIPANT_PAGES + ORGANISER_PAGES:
        assert client.get(_url(name, event)).status_code == 403, name
    assert client.get(_url("profile", event, pk=profile.pk)).status_code == 403


def test_participants_of_another_event_and_waitlisted_get_403(client, event):
    other = MarketplaceProfileFactory()
    waitlisted = RegistrationFactory(event=event, status="waitlisted")
    for user in (other.user, waitlisted.user):
        client.force_login(user)
        assert client.get(_url("marketplace", event)).status_code == 403


def test_participants_do_not_reach_organiser_pages(client, event):
    profile = MarketplaceProfileFactory(event=event)
    client.force_login(profile.user)
    for name in ORGANISER_PAGES:
        assert client.get(_url(name, event)).status_code == 403


def test_pages_are_404_while_matchmaking_is_off(client, event, mm_settings):
    mm_settings.enabled = False
    mm_settings.save()
    registration = RegistrationFactory(event=event)
    client.force_login(registration.user)
    assert client.get(_url("marketplace", event)).status_code == 404


def test_setup_form_saves_settings(client, event, cohost):
    client.force_login(cohost)
    day = event.starts_on.isoformat()
    response = client.post(
        _url("setup", event),
        {
            "enabled": "on",
            "windows": f"{day} 09:00-10:00\n{day} 11:00-12:00",
            "slot_minutes": "20",
            "tables": "4",
            "max_meetings": "5",
            "request_deadline": f"{day}T08:00",
            "allowed_roles": ["company", "researcher"],
        },
    )
    assert response.status_code == 302
    mm = services.settings_for(event)
    assert (
        len(mm.windows) == 2
        and mm.tables == 4
        and mm.allowed_roles
        == [
            "company",
            "researcher",
        ]
    )
    assert client.get(_url("setup", event)).status_code == 200


def test_setup_form_shows_errors_next_to_the_field(client, event, cohost):
    client.force_login(cohost)
    response = client.post(
        _url("setup", event),
        {"enabled": "on", "windows": "1999-01-01 09:00-10:00", "slot_minutes": "20"},
    )
    assert response.status_code == 200
    assert "is not a day of the event" in response.content.decode()
    response = client.post(
        _url("setup", event), {"enabled": "on", "windows": "tomorrow", "slot_minutes": "20"}
    )
    assert (
        response.status_code == 200 and "is not a day, start and end" in response.content.decode()
    )


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
    slot_ids = [s.id for s in services.slots(mm_settings)]
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
    with django_assert_num_queries(9):
        response = client.get(_url("requests", event))
    assert response.status_code == 200


@pytest.mark.skipif(not HAVE_ENGINE, reason="modus.scheduling (the engine) is not importable yet")
def test_schedule_unpublished_only_for_organisers_then_published(
    client, event, cohost, django_capture_on_commit_callbacks
):
    alice, bob = MarketplaceProfileFactory(event=event), MarketplaceProfileFactory(event=event)
    MeetingRequestFactory(from_profile=alice, to_profile=bob, status="accepted")
    client.force_login(cohost)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(_url("schedule", event), {"action": "run"}).status_code == 302
    version = ScheduleVersion.objects.get(event=event)
    page = client.get(_url("schedule", event)).content.decode()
    assert "Meetings placed" in page and alice.display_name in page
    client.force_login(alice.user)
    assert bob.display_name not in client.get(_url("meetings", event)).content.decode()
    assert client.get(_url("schedule", event)).status_code == 403
    client.force_login(cohost)
    mail.outbox.clear()
    client.post(_url("schedule", event), {"action": "publish", "version": version.pk})
    assert len(mail.outbox) == 2
    client.force_login(alice.user)
    page = client.get(_url("meetings", event)).content.decode()
    assert bob.display_name in page and bob.organisation.get_absolute_url() in page
