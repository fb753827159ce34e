"""Personal agendas: the sessions a participant chose or speaks in, and their published meetings.

``personal_agenda`` reads one participant's items with a fixed number of queries; ``all_agendas``
reads every participant's for the organisers' printout; ``table_plan`` lists, per slot, which pair
sits at which table. Each item has a stable UID for calendars: a session keeps the events app's
``session-<pk>@host``, a meeting is named by its pair (``meeting-<event>-<a>-<b>@host``), so a
re-published schedule updates the entry instead of adding one. Only meetings of the *published*
schedule are read for a participant.
"""

import dataclasses
import datetime as dt
from collections import defaultdict
from itertools import groupby

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from modus.events.calendars import uid_host
from modus.events.models import Event, Session

from ..models import MarketplaceProfile, MatchmakingSettings, Meeting, ScheduleVersion
from .participants import profile_of, settings_for
from .schedule import published_version, shown_profiles


@dataclasses.dataclass
class AgendaItem:
    """One line of an agenda: a session or a meeting, with times in the event's zone."""

    kind: str  # "session" or "meeting"
    starts_at: dt.datetime
    ends_at: dt.datetime
    title: str
    location: str = ""
    where: list = dataclasses.field(default_factory=list)  # the location, most precise first
    url: str = ""
    uid: str = ""
    others: list = dataclasses.field(default_factory=list)
    table: int | None = None
    video_link: str = ""
    meeting: Meeting | None = None
    session: Session | None = None
    speaks: bool = False  # a session the person speaks in
    marked: bool = False  # a session the person added
    can_record: bool = False  # a meeting that has begun: its outcome may be recorded
    outcome: str = ""


@dataclasses.dataclass
class Agenda:
    event: Event
    profile: MarketplaceProfile | None
    user: object
    items: list[AgendaItem]

    @property
    def days(self) -> list[tuple[dt.date, list[AgendaItem]]]:
        """The items grouped by their day in the event's time zone."""
        by_day = groupby(self.items, key=lambda item: item.starts_at.date())
        return [(day, list(items)) for day, items in by_day]

    @property
    def meetings(self) -> list[AgendaItem]:
        return [item for item in self.items if item.kind == "meeting"]


def session_item(session: Session, event: Event) -> AgendaItem:
    session.event = event  # the URL needs the slug; spare a query
    return AgendaItem(
        kind="session",
        starts_at=timezone.localtime(session.starts_at, event.zone),
        ends_at=timezone.localtime(session.ends_at, event.zone),
        title=session.title,
        location=session.room.name if session.room_id else "",
        url=session.get_absolute_url(),
        uid=f"session-{session.pk}@{uid_host()}",
        session=session,
    )


def meeting_title(others) -> str:
    names = ", ".join(other.display_name for other in others)
    return _("Meeting with %(names)s") % {"names": names}


@dataclasses.dataclass(frozen=True)
class Place:
    """Where the meetings are held: the venue, and the halls (rooms) of the agenda's
    matchmaking sessions with their times."""

    venue: str = ""
    halls: tuple = ()  # (starts_at, ends_at, room name)
    video_link: str = ""

    def hall_at(self, starts_at) -> str:
        return next((name for start, end, name in self.halls if start <= starts_at < end), "")


def hall_sessions(events):
    """The matchmaking sessions with a room (the halls) of these events, by start."""
    return (
        Session.objects.filter(event__in=events, kind=Session.Kind.MATCHMAKING, room__isnull=False)
        .select_related("room")
        .order_by("starts_at")
    )


def make_place(event: Event, mm_settings: MatchmakingSettings | None, sessions) -> Place:
    """The place from the event's venue (loaded) and its hall ``sessions`` (no query)."""
    if mm_settings and mm_settings.virtual:
        return Place(video_link=mm_settings.video_link)
    venue = event.venue
    parts = [venue.name, venue.address, venue.city] if venue else []
    halls = tuple((s.starts_at, s.ends_at, s.room.name) for s in sessions)
    return Place(venue=", ".join(part for part in parts if part), halls=halls)


def place_of(event: Event, mm_settings: MatchmakingSettings | None) -> Place:
    """The event's place for meetings: 2 queries (the venue, the matchmaking sessions)."""
    if mm_settings and mm_settings.virtual:
        return Place(video_link=mm_settings.video_link)
    return make_place(event, mm_settings, hall_sessions([event]))


def meeting_place(meeting: Meeting, place: Place) -> list[str]:
    """Where one meeting is, from the most precise: table, hall, venue (or the video link)."""
    if place.video_link:
        return [place.video_link]
    lines = [_("Table %(number)s") % {"number": meeting.table}] if meeting.table else []
    hall = place.hall_at(meeting.starts_at)
    if hall:
        lines.append(_("Hall: %(name)s") % {"name": hall})
    if place.venue:
        lines.append(place.venue)
    return lines


def meeting_item(meeting, profile, event, mm_settings, place) -> AgendaItem:
    people = list(meeting.participants.all())
    others = [p for p in people if p.pk != profile.pk]
    pair = "-".join(str(pk) for pk in sorted(p.pk for p in people))
    video_link = mm_settings.video_link if mm_settings and mm_settings.virtual else ""
    where = meeting_place(meeting, place)
    return AgendaItem(
        kind="meeting",
        starts_at=timezone.localtime(meeting.starts_at, event.zone),
        ends_at=timezone.localtime(meeting.ends_at, event.zone),
        title=meeting_title(others),
        location=", ".join(where),
        where=where,
        uid=f"meeting-{event.pk}-{pair}@{uid_host()}",
        others=others,
        table=meeting.table,
        video_link=video_link,
        meeting=meeting,
    )


def sort_items(items: list[AgendaItem]) -> list[AgendaItem]:
    return sorted(items, key=lambda i: (i.starts_at, i.kind != "session", i.title))


def chosen_sessions(event: Event, user_ids):
    """The event's sessions the users marked or speak in, with the users each belongs to."""
    return (
        Session.objects.filter(event=event)
        .filter(Q(marks__user_id__in=user_ids) | Q(roles__person__user_id__in=user_ids))
        .select_related("room")
        .distinct()
        .order_by("starts_at", "pk")
    )


def personal_agenda(event: Event, user, *, mm_settings=None) -> Agenda:
    """One user's agenda at this event: 7 queries, however many items."""
    mm_settings = mm_settings or settings_for(event)
    profile = profile_of(user, event)
    items = [session_item(s, event) for s in chosen_sessions(event, [user.pk])]
    version = published_version(event) if profile else None
    if version is not None:
        meetings = (
            version.meetings.scheduled()
            .filter(participants=profile)
            .prefetch_related(Prefetch("participants", queryset=shown_profiles()))
            .order_by("starts_at", "table")
        )
        place = place_of(event, mm_settings)
        items += [meeting_item(m, profile, event, mm_settings, place) for m in meetings]
    return Agenda(event=event, profile=profile, user=user, items=sort_items(items))


def all_agendas(event: Event, version: ScheduleVersion) -> list[Agenda]:
    """Every participant of a schedule version, each with their agenda (for the printout)."""
    mm_settings = settings_for(event)
    participant_ids = [int(p["id"][1:]) for p in version.instance.get("participants", [])]
    profiles = list(
        shown_profiles()
        .filter(pk__in=participant_ids)
        .order_by("user__full_name", "user__email", "pk")
    )
    meetings = (
        version.meetings.scheduled()
        .prefetch_related(Prefetch("participants", queryset=shown_profiles()))
        .order_by("starts_at", "table")
    )
    items_of = defaultdict(list)
    place = place_of(event, mm_settings)
    for meeting in meetings:
        for profile in meeting.participants.all():
            items_of[profile.pk].append(meeting_item(meeting, profile, event, mm_settings, place))
    user_ids = [profile.user_id for profile in profiles]
    marks = defaultdict(set)
    sessions = {}
    for session in chosen_sessions(event, user_ids).prefetch_related("marks", "roles__person"):
        sessions[session.pk] = session
        for mark in session.marks.all():
            marks[mark.user_id].add(session.pk)
        for role in session.roles.all():
            if role.person.user_id:
                marks[role.person.user_id].add(session.pk)
    agendas = []
    for profile in profiles:
        items = items_of[profile.pk] + [
            session_item(sessions[pk], event) for pk in marks.get(profile.user_id, ())
        ]
        agendas.append(
            Agenda(event=event, profile=profile, user=profile.user, items=sort_items(items))
        )
    return agendas


def table_plan(event: Event, version: ScheduleVersion) -> list[tuple[dt.datetime, list]]:
    """Per slot (start in the event's zone): ``(table, [names])`` in table order."""
    meetings = (
        version.meetings.scheduled()
        .prefetch_related(Prefetch("participants", queryset=shown_profiles()))
        .order_by("starts_at", "table", "pk")
    )
    plan = []
    for starts_at, group in groupby(meetings, key=lambda m: m.starts_at):
        rows = [(m.table, [p.display_name for p in m.participants.all()]) for m in group]
        plan.append((timezone.localtime(starts_at, event.zone), rows))
    return plan
