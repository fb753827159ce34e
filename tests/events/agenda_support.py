"""Helpers of the tests of the agenda: an event in Katowice, local times, new sessions."""

import datetime as dt

from modus.events import services
from modus.events.models import Session

KATOWICE = {
    "starts_on": dt.date(2022, 11, 7),
    "ends_on": dt.date(2022, 11, 8),
    "time_zone": "Europe/Warsaw",
}


def at(event, day, hour, minute=0):
    return services.event_datetime(event, day, dt.time(hour, minute))


def new_session(event, cohost, title="Opening", start=(0, 9), hours=1, **fields):
    day, hour = event.days[start[0]], start[1]
    starts = at(event, day, hour)
    return services.create_session(
        event,
        actor=cohost,
        title=title,
        kind=fields.pop("kind", Session.Kind.KEYNOTE),
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=hours),
        **fields,
    )
