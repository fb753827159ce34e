"""Reusable reads of events, each with the joins its pages need."""

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import AgendaMark, Event, EventOrganiser, Registration, Session, SessionRole

PUBLIC_STATUSES = (Event.Status.PUBLISHED, Event.Status.POSTPONED, Event.Status.CANCELLED)


def public_events():
    return Event.objects.filter(status__in=PUBLIC_STATUSES).select_related("region", "programme")


def upcoming_events(*, limit=None, region=None):
    events = public_events().filter(ends_on__gte=timezone.localdate()).order_by("starts_on")
    if region is not None:
        events = events.filter(region__code__startswith=region.code)
    return events[:limit] if limit else events


def past_events(*, limit=None, region=None):
    events = public_events().filter(ends_on__lt=timezone.localdate()).order_by("-starts_on")
    if region is not None:
        events = events.filter(region__code__startswith=region.code)
    return events[:limit] if limit else events


def programme_events(programme):
    """A programme's public editions, the newest first (for its feed)."""
    return public_events().filter(programme=programme).order_by("-starts_on", "pk")


# The event page --------------------------------------------------------------------------------


def event_for_page(slug):
    """The public event with this slug, with what its page shows beside it (1 query)."""
    return public_events().select_related("venue", "co_located_with", "report").get(slug=slug)


def public_event_stamp(slug):
    """Just enough of the public event to find its cached page: no joins (1 query)."""
    return (
        Event.objects.filter(status__in=PUBLIC_STATUSES)
        .only("pk", "slug", "name", "description", "status", "agenda_version", "updated_at")
        .get(slug=slug)
    )


def prefetch_event_page(event):
    """Load the event's organisers and thematic focus for its page (3 queries)."""
    from modus.directory.models import Ecosystem

    prefetch_related_objects(
        [event],
        Prefetch(
            "organiser_roles",
            queryset=EventOrganiser.objects.select_related("organisation").order_by(
                "role", "organisation__name"
            ),
        ),
        Prefetch("ecosystems", queryset=Ecosystem.objects.order_by("position", "label")),
        "priorities",
    )
    return event


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
    )
    rooms = {s.room.pk: s.room for s in sessions if s.room is not None}
    kinds = {s.kind for s in sessions}
    shown = [
        s
        for s in sessions
        if (room is None or s.room_id == room) and (kind is None or s.kind == kind)
    ]
    attach_running_orders(shown)
    localise(shown, event.zone)
    return Agenda(
        days=group_by_day(shown),
        rooms=sorted(rooms.values(), key=lambda r: (r.position, r.name)),
        kinds=[choice for choice in Session.Kind if choice.value in kinds],
        total=len(sessions),
        shown=len(shown),
    )


def attach_running_orders(sessions) -> None:
    """Give each pitching session ``running_order``: the pitches its call selected, in order,
    with their organisations (1 query when the agenda has pitching sessions, none otherwise).

    Calls for pitches live in the selection app, which builds on events; it is looked up by
    name so that this module does not import it."""
    pitching = [s for s in sessions if s.kind == Session.Kind.PITCHING]
    for session in pitching:
        session.running_order = []
    if not pitching:
        return
    Application = apps.get_model("selection", "Application")
    by_session = {session.pk: session for session in pitching}
    pitches = (
        Application.objects.filter(call__session__in=pitching, status="accepted")
        .select_related("organisation", "call")
        .order_by("running_order", "pk")
    )
    for pitch in pitches:
        by_session[pitch.call.session_id].running_order.append(pitch)


def public_session(event_slug, session_slug):
    """A session of a public event, with its room, people and materials."""
    session = (
        Session.objects.filter(event__status__in=PUBLIC_STATUSES)
        .select_related("event__programme", "room")
        .prefetch_related(people_in_sessions(), "materials")
        .get(event__slug=event_slug, slug=session_slug)
    )
    localise([session], session.event.zone)
    attach_running_orders([session])
    return session


def is_marked(user, session) -> bool:
    if not user.is_authenticated:
        return False
    return AgendaMark.objects.filter(user=user, session=session).exists()


# Speakers --------------------------------------------------------------------------------------


def public_people():
    """People the public may see: public profiles and anyone in a session of a public event."""
    from modus.accounts.models import Person

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
    for role in roles:
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
    )
    by_event: OrderedDict[int, list] = OrderedDict()
    events = {}
    for session in sessions:
        events[session.event_id] = session.event
        localise([session], session.event.zone)
        by_event.setdefault(session.event_id, []).append(session)
    return [AgendaOfEvent(events[pk], group_by_day(items)) for pk, items in by_event.items()]


# An organisation's history ---------------------------------------------------------------------


@dataclass
class ProgrammeHistory:
    programme: object
    events: list
    countries: list

    @property
    def countries_text(self) -> str:
        """ "Spain, Lithuania and Poland", in the reader's language."""
        from django.utils.translation import gettext

        if len(self.countries) < 2:
            return "".join(self.countries)
        return gettext("%(list)s and %(last)s") % {
            "list": ", ".join(self.countries[:-1]),
            "last": self.countries[-1],
        }


def organisation_history(organisation) -> list[ProgrammeHistory]:
    """Public events the organisation organised, spoke at or attended, grouped by programme.

    Attendance counts only confirmed participants who agreed to appear on attendee lists;
    the others are never counted or shown. Two queries, whatever the history's length.
    """
    from modus.directory.reference import country_name

    attendees = (
        Registration.objects.filter(
            event=OuterRef("pk"),
            organisation=organisation,
            status=Registration.Status.CONFIRMED,
            consent_attendee_list=True,
        )
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    events = (
        public_events()
        .annotate(
            organised=Exists(
                EventOrganiser.objects.filter(event=OuterRef("pk"), organisation=organisation)
            ),
            spoke=Exists(
                SessionRole.objects.filter(
                    session__event=OuterRef("pk"), person__organisation=organisation
                )
            ),
            attendee_count=Coalesce(Subquery(attendees, output_field=IntegerField()), Value(0)),
        )
        .filter(Q(organised=True) | Q(spoke=True) | Q(attendee_count__gt=0))
        .prefetch_related(
            Prefetch(
                "organiser_roles",
                queryset=EventOrganiser.objects.filter(organisation=organisation),
                to_attr="roles_of_organisation",
            )
        )
        .order_by("programme__name", "-starts_on")
    )
    grouped: OrderedDict[object, list] = OrderedDict()
    for event in events:
        grouped.setdefault(event.programme_id, []).append(event)
    history = []
    for items in grouped.values():
        codes = []
        for event in sorted(items, key=lambda e: e.starts_on):
            if event.country_code and event.country_code not in codes:
                codes.append(event.country_code)
        history.append(
            ProgrammeHistory(items[0].programme, items, [str(country_name(c)) for c in codes])
        )
    return history
