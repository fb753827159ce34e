import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from modus.matchmaking.models import Meeting, MeetingOutcome, ScheduleVersion
from tests.factories import (
    EventFactory,
    EventOrganiserFactory,
    MarketplaceProfileFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgrammeFactory,
)


def build_edition(programme=None, *, pairs=6, countries=("PL", "CZ"), slug=None, **event_kwargs):
    """A past, published edition with ``pairs`` published meetings between two countries."""
    programme = programme or ProgrammeFactory()
    past = timezone.localdate() - dt.timedelta(days=40)
    kwargs = {
        "programme": programme,
        "status": "published",
        "starts_on": past,
        "ends_on": past,
        **event_kwargs,
    }
    if slug:
        kwargs["slug"] = slug
    event = EventFactory(**kwargs)
    version = ScheduleVersion.objects.create(
        event=event, status=ScheduleVersion.Status.PUBLISHED, published_at=timezone.now()
    )
    start = timezone.now() - dt.timedelta(days=30)
    meetings = []
    for index in range(pairs):
        sides = [
            MarketplaceProfileFactory(
                event=event, organisation=OrganisationFactory(country_code=country)
            )
            for country in countries
        ]
        meeting = Meeting.objects.create(
            version=version,
            slot_id=f"s{index}",
            starts_at=start,
            ends_at=start + dt.timedelta(minutes=25),
            table=index + 1,
        )
        meeting.participants.set(sides)
        meetings.append(meeting)
    return event, meetings


def record(meeting, outcome, side=0):
    profile = list(meeting.participants.order_by("pk"))[side]
    return MeetingOutcome.objects.create(meeting=meeting, profile=profile, outcome=outcome)


@pytest.fixture
def edition(db):
    return build_edition()


ENDED = dt.date(2026, 3, 6)
AFTER = dt.datetime(2026, 3, 9, 8, 0, tzinfo=dt.UTC)


def ended_edition(pairs=2, **kwargs):
    """An edition that ended on 6 March 2026, with ``pairs`` published meetings."""
    return build_edition(
        pairs=pairs, starts_on=ENDED - dt.timedelta(days=1), ends_on=ENDED, **kwargs
    )


def sides(meeting):
    return [profile.user for profile in meeting.participants.order_by("pk")]


@pytest.fixture
def clock():
    """The clock at 9 March 2026, 08:00 UTC (three days after ``ended_edition``), movable."""
    with time_machine.travel(AFTER, tick=False) as traveller:
        yield traveller


def cohost_of(event):
    """A user whose organisation co-hosts ``event``."""
    cohost = MembershipFactory().user
    EventOrganiserFactory(event=event, organisation=cohost.memberships.get().organisation)
    return cohost
