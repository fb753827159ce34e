"""Reads of an event's agenda: the public agenda and session pages, speakers, personal
agendas, and the co-hosts' editor with its clash warnings."""

import datetime as dt
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from modus.accounts.models import Person
from modus.web.translations import localise as localise_texts

from ..models import AgendaMark, Event, Session, SessionRole
from ..signals import agenda_sessions_loaded
from .events import PUBLIC_STATUSES


def people_in_sessions():
    """Prefetch of a session's people in their order, with their organisations."""
    return Prefetch(
        "roles",
        queryset=SessionRole.objects.select_related("person__organisation").order_by(
            "position", "person__name"
        ),
    )


@dataclass
class AgendaDay:
    date: dt.date
    sessions: list = field(default_factory=list)


def localise(sessions, zone):
    """Give each session ``local_start`` and ``local_end`` in the event's time zone."""
    for session in sessions:
        session.local_start = timezone.localtime(session.starts_at, zone)
        session.local_end = timezone.localtime(session.ends_at, zone)
    return sessions


def group_by_day(sessions) -> list[AgendaDay]:
    """Localised sessions grouped by their local calendar day, in time order."""
    days: OrderedDict[dt.date, AgendaDay] = OrderedDict()
    for session in sessions:
        day = session.local_start.date()
        days.setdefault(day, AgendaDay(day)).sessions.append(session)
    return list(days.values())


@dataclass
class Agenda:
    days: list
    rooms: list
    kinds: list
    total: int
    shown: int


def event_agenda(event, *, room=None, kind=None) -> Agenda:
    """The event's agenda by local day, filtered by room pk and kind (2 queries, any size).

    Sessions are read once; the filter runs here so the filter's choices (the rooms and kinds
    the agenda uses) come from the same rows.
    """
    sessions = list(
        Session.objects.filter(event=event)
        .select_related("room")
        .prefetch_related(people_in_sessions())
        .order_by("starts_at", "room__position", "title")
        .in_language()
    )
    rooms = {s.room.pk: s.room for s in sessions if s.room is not None}
    kinds = {s.kind for s in sessions}
    shown = [
        s
        for s in sessions
        if (room is None or s.room_id == room) and (kind is None or s.kind == kind)
    ]
    _loaded(shown)
    localise(shown, event.zone)
    return Agenda(
        days=group_by_day(shown),
        rooms=sorted(rooms.values(), key=lambda r: (r.position, r.name)),
        kinds=[choice for choice in Session.Kind if choice.value in kinds],
        total=len(sessions),
        shown=len(shown),
    )


def _loaded(sessions) -> None:
    """Let the apps above events attach what they show under these sessions (one query
    each for all of them; see ``events.signals``)."""
    agenda_sessions_loaded.send(sender=Session, sessions=sessions)


def public_session(event_slug, session_slug):
    """A session of a public event, with its room, people and materials."""
    session = (
        Session.objects.filter(event__status__in=PUBLIC_STATUSES)
        .select_related("event__programme", "room")
        .prefetch_related(people_in_sessions(), "materials")
        .in_language()
        .get(event__slug=event_slug, slug=session_slug)
    )
    localise([session], session.event.zone)
    _loaded([session])
    return session


def is_marked(user, session) -> bool:
    if not user.is_authenticated:
        return False
    return AgendaMark.objects.filter(user=user, session=session).exists()


# Speakers --------------------------------------------------------------------------------------


def public_people():
    """People the public may see: public profiles and anyone in a session of a public event."""
    in_public_session = SessionRole.objects.filter(
        person=OuterRef("pk"), session__event__status__in=PUBLIC_STATUSES
    )
    return (
        Person.objects.select_related("organisation")
        .annotate(speaks=Exists(in_public_session))
        .filter(Q(public=True) | Q(speaks=True))
    )


@dataclass
class EventSessions:
    event: Event
    roles: list = field(default_factory=list)


def speaker_sessions(person) -> list[EventSessions]:
    """The person's roles in sessions of public events, grouped by event (1 query)."""
    roles = (
        SessionRole.objects.filter(person=person, session__event__status__in=PUBLIC_STATUSES)
        .select_related("session__event__programme", "session__event__region", "session__room")
        .order_by("-session__event__starts_on", "session__event__pk", "session__starts_at")
    )
    grouped: OrderedDict[int, EventSessions] = OrderedDict()
    for role in localise_texts(roles):
        event = role.session.event
        localise([role.session], event.zone)
        grouped.setdefault(event.pk, EventSessions(event)).roles.append(role)
    return list(grouped.values())


# Personal agenda -------------------------------------------------------------------------------


@dataclass
class AgendaOfEvent:
    event: Event
    days: list


def personal_agenda(user) -> list[AgendaOfEvent]:
    """Sessions of public events the user speaks in or marked, by event and local day."""
    speaks = SessionRole.objects.filter(session=OuterRef("pk"), person__user=user)
    marked = AgendaMark.objects.filter(session=OuterRef("pk"), user=user)
    sessions = (
        Session.objects.filter(event__status__in=PUBLIC_STATUSES)
        .annotate(speaks=Exists(speaks), marked=Exists(marked))
        .filter(Q(speaks=True) | Q(marked=True))
        .select_related("event", "room")
        .prefetch_related(people_in_sessions())
        .order_by("event__starts_on", "event__pk", "starts_at")
        .in_language()
    )
    by_event: OrderedDict[int, list] = OrderedDict()
    events = {}
    for session in sessions:
        events[session.event_id] = session.event
        localise([session], session.event.zone)
        by_event.setdefault(session.event_id, []).append(session)
    return [AgendaOfEvent(events[pk], group_by_day(items)) for pk, items in by_event.items()]


# The co-hosts' editor -------------------------------------------------------------------------


def editor_sessions(event: Event) -> list[Session]:
    """The event's sessions with their rooms and people, for the agenda editor (2 queries)."""
    roles = SessionRole.objects.select_related("person__organisation").order_by("position", "pk")
    return list(
        event.sessions.select_related("room")
        .prefetch_related(Prefetch("roles", queryset=roles))
        .order_by("starts_at", "room__position", "title")
    )


def local_day(event: Event, value: dt.datetime) -> dt.date:
    return timezone.localtime(value, event.zone).date()


@dataclass
class AgendaWarning:
    """A clash in the agenda, shown to co-hosts; it never blocks saving."""

    code: str  # person_clash, room_clash, outside_dates
    message: str
    sessions: list = field(default_factory=list)


def _overlapping_pairs(sessions):
    ordered = sorted(sessions, key=lambda s: (s.starts_at, s.pk))
    for index, first in enumerate(ordered):
        for second in ordered[index + 1 :]:
            if second.starts_at >= first.ends_at:
                break
            yield first, second


def agenda_warnings(event: Event, sessions=None) -> list[AgendaWarning]:
    """Clashes: a person in two sessions at once, a room used twice at once, a session outside
    the event's dates (in the event's time zone). Pass ``sessions`` (with ``room`` and
    ``roles__person`` loaded) to avoid loading them again."""
    if sessions is None:
        sessions = list(event.sessions.select_related("room").prefetch_related("roles__person"))
    warnings = []
    by_person, people = defaultdict(list), {}
    by_room = defaultdict(list)
    for session in sessions:
        for role in session.roles.all():
            by_person[role.person_id].append(session)
            people[role.person_id] = role.person
        if session.room_id is not None:
            by_room[session.room_id].append(session)
    for person_id, person_sessions in by_person.items():
        for first, second in _overlapping_pairs(person_sessions):
            warnings.append(
                AgendaWarning(
                    "person_clash",
                    _("%(person)s is in two sessions at once: “%(first)s” and “%(second)s”.")
                    % {
                        "person": people[person_id].name,
                        "first": first.title,
                        "second": second.title,
                    },
                    [first, second],
                )
            )
    for room_sessions in by_room.values():
        for first, second in _overlapping_pairs(room_sessions):
            warnings.append(
                AgendaWarning(
                    "room_clash",
                    _("%(room)s is used twice at once: “%(first)s” and “%(second)s”.")
                    % {"room": first.room.name, "first": first.title, "second": second.title},
                    [first, second],
                )
            )
    for session in sorted(sessions, key=lambda s: (s.starts_at, s.pk)):
        first_day = local_day(event, session.starts_at)
        last_day = local_day(event, session.ends_at - dt.timedelta(microseconds=1))
        if event.has_dates and (first_day < event.starts_on or last_day > event.ends_on):
            warnings.append(
                AgendaWarning(
                    "outside_dates",
                    _("“%(title)s” is outside the event's dates.") % {"title": session.title},
                    [session],
                )
            )
    return warnings
