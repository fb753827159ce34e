import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from modus.matchmaking.models import Availability, MeetingOutcome
from tests.factories import MarketplaceProfileFactory, MeetingRequestFactory, UserFactory

from .support import make_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(event, mm_settings):
    alice = MarketplaceProfileFactory(event=event)
    bob = MarketplaceProfileFactory(event=event)
    Availability.objects.create(profile=alice, unavailable=[])
    request = MeetingRequestFactory(from_profile=alice, to_profile=bob)
    version = make_version(event, [(alice, bob)])
    meeting = version.meetings.get()
    meeting.starts_at = timezone.now() - dt.timedelta(days=1)
    meeting.save()
    outcome = MeetingOutcome.objects.create(meeting=meeting, profile=alice, outcome="follow_up")
    return {
        "matchmakingsettings": mm_settings,
        "marketplaceprofile": alice,
        "meetingrequest": request,
        "scheduleversion": version,
        "meeting": meeting,
        "meetingoutcome": outcome,
    }


def test_staff_browse_and_open_every_matchmaking_model(client, data):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    for name, obj in data.items():
        changelist = client.get(reverse(f"admin:matchmaking_{name}_changelist"))
        assert changelist.status_code == 200, name
        change = client.get(reverse(f"admin:matchmaking_{name}_change", args=[obj.pk]))
        assert change.status_code == 200, name


def test_non_staff_are_kept_out(client, data):
    client.force_login(UserFactory())
    response = client.get(reverse("admin:matchmaking_meeting_changelist"))
    assert response.status_code == 302
