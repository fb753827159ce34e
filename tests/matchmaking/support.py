"""Building blocks of the matchmaking tests: schedule versions made by hand, and requests."""

import datetime as dt

from django.utils import timezone

from modus.matchmaking import selectors
from modus.matchmaking.models import Meeting, MeetingRequest, ScheduleVersion
from tests.factories import (
    EventOrganiserFactory,
    MarketplaceProfileFactory,
    MatchmakingSettingsFactory,
    MeetingRequestFactory,
    MembershipFactory,
)


def make_version(event, pairs, *, status=ScheduleVersion.Status.PUBLISHED, start_hour=8):
    """A schedule version with one meeting per pair, half an hour apart (times in UTC)."""
    version = ScheduleVersion.objects.create(
        event=event,
        status=status,
        published_at=timezone.now() if status == ScheduleVersion.Status.PUBLISHED else None,
        instance={
            "participants": [
                {"id": f"p{pk}"} for pk in sorted({p.pk for pair in pairs for p in pair})
            ]
        },
    )
    day = dt.datetime.combine(event.starts_on, dt.time(start_hour), tzinfo=dt.UTC)
    for n, pair in enumerate(pairs):
        meeting = Meeting.objects.create(
            version=version,
            slot_id=f"s{n}",
            starts_at=day + dt.timedelta(minutes=30 * n),
            ends_at=day + dt.timedelta(minutes=30 * n + 30),
            table=n + 1,
        )
        meeting.participants.set(pair)
    return version


def past(version):
    """Move a version's meetings to yesterday, so that they have taken place."""
    yesterday = timezone.now() - dt.timedelta(days=1)
    for meeting in version.meetings.all():
        meeting.starts_at = yesterday
        meeting.ends_at = yesterday + dt.timedelta(minutes=30)
        meeting.save()
    return version


def accepted(first, second, status=MeetingRequest.Status.ACCEPTED):
    """``first`` asked ``second`` for a meeting, and ``second`` accepted (or ``status``)."""
    return MeetingRequestFactory(from_profile=first, to_profile=second, status=status)


def event_with_a_pair():
    """An event with matchmaking on, two participants who agreed to meet, and its co-host."""
    event = MatchmakingSettingsFactory().event
    alice, bob = MarketplaceProfileFactory(event=event), MarketplaceProfileFactory(event=event)
    accepted(alice, bob)
    cohost = MembershipFactory(organisation=EventOrganiserFactory(event=event).organisation).user
    return event, cohost


def meeting_of(version, profile):
    """The one meeting of ``profile`` in ``version``."""
    return version.meetings.filter(participants=profile).get()


def slot_ids(mm_settings):
    return [slot.id for slot in selectors.slots(mm_settings)]
