import datetime as dt

import pytest
from django.utils import timezone

from modus.events.models import Event
from modus.events.selectors import past_events, upcoming_events
from tests.factories import EventFactory, RegionFactory

pytestmark = pytest.mark.django_db


def test_upcoming_and_past_split_on_today_and_hide_drafts():
    today = timezone.localdate()
    running = EventFactory(starts_on=today - dt.timedelta(days=1), ends_on=today)
    past = EventFactory(starts_on=today - dt.timedelta(days=9), ends_on=today - dt.timedelta(8))
    EventFactory(status=Event.Status.DRAFT)
    assert list(upcoming_events()) == [running]
    assert list(past_events()) == [past]


def test_region_filter_includes_sub_regions():
    silesia = RegionFactory(code="PL22", name="Śląskie")
    katowice = RegionFactory(code="PL22A", name="Katowicki", parent=silesia)
    inside = EventFactory(region=katowice)
    EventFactory(region=RegionFactory(code="CZ08"))
    assert list(upcoming_events(region=silesia)) == [inside]
