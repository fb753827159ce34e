"""The Katowice matchmaking demo: participants, requests and a published schedule."""

import time

import pytest

from modus.demo import matchmaking_data
from modus.demo.loader import load_demo
from modus.events.models import Event, Registration
from modus.matchmaking.models import MarketplaceProfile, MeetingRequest, ScheduleVersion

pytestmark = pytest.mark.django_db

KATOWICE = "clusters-meet-regions-katowice-2022"


@pytest.fixture
def lines():
    logged = []
    load_demo(organisations=10, log=logged.append)
    return logged


def test_katowice_gets_a_matchmaking_day_with_a_published_schedule(lines):
    event = Event.objects.get(slug=KATOWICE)
    settings = event.matchmaking_settings
    assert settings.enabled
    assert settings.windows == [{"day": "2022-11-08", "start": "09:00", "end": "11:00"}]
    profiles = MarketplaceProfile.objects.filter(event=event).select_related("user", "organisation")
    assert profiles.count() == matchmaking_data.PARTICIPANTS
    for profile in profiles:
        assert profile.user.email.endswith("@demo.modus.invalid")
        assert profile.organisation.region_id
        assert profile.offers and profile.seeks
    assert (
        Registration.objects.filter(
            event=event, status=Registration.Status.CONFIRMED, user__email__endswith=".invalid"
        ).count()
        == matchmaking_data.PARTICIPANTS
    )
    assert MarketplaceProfile.ecosystems.through.objects.filter(
        marketplaceprofile__event=event
    ).exists()
    statuses = set(MeetingRequest.objects.filter(event=event).values_list("status", flat=True))
    assert statuses == {"accepted", "declined", "pending"}
    pairs = set(
        MeetingRequest.objects.filter(event=event).values_list("from_profile", "to_profile")
    )
    assert any((second, first) in pairs for first, second in pairs)  # mutual interest
    version = ScheduleVersion.objects.get(event=event, status=ScheduleVersion.Status.PUBLISHED)
    assert version.meetings.count() >= 100
    assert version.stats["placed"] == version.meetings.count()
    seen = set()
    for meeting in version.meetings.prefetch_related("participants"):
        for profile in meeting.participants.all():
            assert (profile.pk, meeting.slot_id) not in seen
            seen.add((profile.pk, meeting.slot_id))
        assert 1 <= meeting.table <= settings.tables
    assert any("Katowice matchmaking" in line for line in lines), lines


def test_the_matchmaking_demo_loads_fast_and_only_once(lines):
    started = time.monotonic()
    matchmaking_data.load(log=lambda line: None)
    assert time.monotonic() - started < 2
    assert ScheduleVersion.objects.count() == 1
