"""Who may do what: the participants, the co-hosts, nobody else (predicates and pages)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from modus.events.models import Registration
from modus.matchmaking.permissions import is_eligible, owns_profile
from tests.factories import (
    MarketplaceProfileFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


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


def test_eligible_means_confirmed_allowed_active_and_matchmaking_on(event, mm_settings):
    profile = MarketplaceProfileFactory(event=event)
    user = profile.user
    assert is_eligible(user, event)
    assert not is_eligible(AnonymousUser(), event)
    assert not is_eligible(None, event)
    assert not is_eligible(MarketplaceProfileFactory().user, event)  # another event's
    mm_settings.allowed_roles = [Registration.ParticipantRole.COMPANY]
    mm_settings.save()
    assert not is_eligible(user, event)
    mm_settings.allowed_roles = []
    mm_settings.enabled = False
    mm_settings.save()
    assert not is_eligible(user, event)
    mm_settings.enabled = True
    mm_settings.save()
    user.is_active = False
    assert not is_eligible(user, event)


def test_a_profile_is_owned_by_its_user_only(event):
    profile = MarketplaceProfileFactory(event=event)
    assert owns_profile(profile.user, profile)
    assert not owns_profile(MarketplaceProfileFactory(event=event).user, profile)
    assert not owns_profile(AnonymousUser(), profile)
    assert not owns_profile(None, profile)
