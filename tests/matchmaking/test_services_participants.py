"""Profiles, meeting requests and availability."""

import datetime as dt

import pytest
from django.utils import timezone

from modus.events.models import Registration
from modus.matchmaking import selectors, services
from modus.matchmaking.models import (
    MeetingRequest,
)
from tests.factories import (
    EcosystemFactory,
    MarketplaceProfileFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _code(excinfo):
    return excinfo.value.code


def test_opt_in_only_for_confirmed_participants_with_allowed_role(event, mm_settings):
    mm_settings.allowed_roles = ["company"]
    mm_settings.save()
    company = RegistrationFactory(event=event, participant_role="company")
    profile = services.opt_in(
        event, actor=company.user, offers="Sensors", ecosystems=[EcosystemFactory()]
    )
    assert profile.opted_in and profile.ecosystems.count() == 1
    for registration in (
        RegistrationFactory(event=event, participant_role="researcher"),
        RegistrationFactory(
            event=event, participant_role="company", status=Registration.Status.WAITLISTED
        ),
    ):
        with pytest.raises(services.MatchmakingError) as excinfo:
            services.opt_in(event, actor=registration.user)
        assert _code(excinfo) == "not_participant"
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.opt_in(event, actor=UserFactory())
    assert _code(excinfo) == "not_participant"


def test_opt_in_refused_when_matchmaking_is_off(event, mm_settings):
    mm_settings.enabled = False
    mm_settings.save()
    registration = RegistrationFactory(event=event)
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.opt_in(event, actor=registration.user)
    assert _code(excinfo) == "matchmaking_off"


def test_request_accept_decline_and_their_rules(event, mm_settings):
    alice = MarketplaceProfileFactory(event=event)
    bob = MarketplaceProfileFactory(event=event)
    request = services.request_meeting(event, actor=alice.user, to_profile=bob, message="Hi")
    assert request.status == MeetingRequest.Status.PENDING
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.request_meeting(event, actor=alice.user, to_profile=bob)
    assert _code(excinfo) == "already_requested"
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.request_meeting(event, actor=alice.user, to_profile=alice)
    assert _code(excinfo) == "own_profile"
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.request_meeting(event, actor=UserFactory(), to_profile=bob)
    assert _code(excinfo) == "not_participant"
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.answer_request(request, actor=alice.user, accept=True)
    assert _code(excinfo) == "not_yours"
    services.answer_request(request, actor=bob.user, accept=False)
    assert request.status == MeetingRequest.Status.DECLINED
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.answer_request(request, actor=bob.user, accept=True)
    assert _code(excinfo) == "already_answered"


def test_request_after_deadline_is_refused(event, mm_settings):
    mm_settings.request_deadline = timezone.now() - dt.timedelta(minutes=1)
    mm_settings.save()
    alice = MarketplaceProfileFactory(event=event)
    bob = MarketplaceProfileFactory(event=event)
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.request_meeting(event, actor=alice.user, to_profile=bob)
    assert _code(excinfo) == "deadline_passed"


def test_request_to_a_profile_of_another_event_is_refused(event):
    alice = MarketplaceProfileFactory(event=event)
    stranger = MarketplaceProfileFactory()
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.request_meeting(event, actor=alice.user, to_profile=stranger)
    assert _code(excinfo) == "not_in_marketplace"


def test_availability_only_own_and_known_slots(event, mm_settings):
    profile = MarketplaceProfileFactory(event=event)
    slot_id = selectors.slots(mm_settings)[1].id
    availability = services.set_availability(profile, actor=profile.user, unavailable=[slot_id])
    assert availability.unavailable == [slot_id]
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.set_availability(profile, actor=UserFactory(), unavailable=[])
    assert _code(excinfo) == "not_yours"
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.set_availability(profile, actor=profile.user, unavailable=["nope"])
    assert _code(excinfo) == "unknown_slot"
