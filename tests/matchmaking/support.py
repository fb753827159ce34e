"""Building blocks of the matchmaking tests: schedule versions made by hand or imported, published
events, and requests."""

import datetime as dt
import random

from django.utils import timezone

from modus.events.models import Session
from modus.matchmaking import selectors, services
from modus.matchmaking.models import Meeting, MeetingRequest, ScheduleVersion
from tests.factories import (
    EventOrganiserFactory,
    MarketplaceProfileFactory,
    MatchmakingSettingsFactory,
    MeetingRequestFactory,
    MembershipFactory,
    RoomFactory,
    SessionFactory,
    VenueFactory,
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


def pair_id(first, second):
    return services.meeting_id(tuple(sorted((first.pk, second.pk))))


def import_draft(event, cohost, placed, unscheduled=()):
    """A schedule imported as a draft: ``placed`` maps a pair to (slot number, table)."""
    slot_list = [slot["id"] for slot in services.build_instance(event)["slots"]]
    schedule = {
        "format": "modus-b2b-schedule/1",
        "assignments": [
            {"meeting": pair_id(*pair), "slot": slot_list[n], "table": table}
            for pair, (n, table) in placed.items()
        ],
        "unscheduled": [pair_id(*pair) for pair in unscheduled],
    }
    return services.import_schedule(event, actor=cohost, schedule=schedule)


def published_event(event, cohost, mm_settings, people=40, seed=7):
    """An event with ``people`` participants, random requests, a published schedule."""
    mm_settings.tables = 12
    mm_settings.windows = [
        {"day": event.starts_on.isoformat(), "start": "09:00", "end": "12:00"},
        {"day": event.starts_on.isoformat(), "start": "13:00", "end": "15:00"},
    ]
    mm_settings.save()
    profiles = [MarketplaceProfileFactory(event=event) for _ in range(people)]
    rng = random.Random(seed)
    pairs = set()
    while len(pairs) < people * 2:
        first, second = rng.sample(range(people), 2)
        if (first, second) in pairs or (second, first) in pairs:
            continue
        pairs.add((first, second))
        accepted(profiles[first], profiles[second])
    version = services.run_schedule(event, actor=cohost, time_limit=1, seed=1)
    services.publish(version, actor=cohost)
    return profiles, version


def places(version):
    return {
        tuple(sorted(p.pk for p in m.participants.all())): (m.slot_id, m.table)
        for m in version.meetings.prefetch_related("participants")
    }


def at_a_venue(event, meeting):
    """The event at a venue, with its matchmaking session in Hall B during ``meeting``."""
    event.venue = VenueFactory(name="Congress Centre", address="Plac Sławika 1", city="Katowice")
    event.save()
    SessionFactory(
        event=event,
        kind=Session.Kind.MATCHMAKING,
        room=RoomFactory(event=event, name="Hall B"),
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
    )
    return meeting
