"""What one person has at every event: one agenda across events (the sessions they chose or
speak in, and their published meetings), their meetings today and next, and the meetings whose
outcome they have not recorded yet. Each read takes a fixed number of queries, however many
events and meetings the person has."""

import datetime as dt

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from modus.events.models import AgendaMark, Event, Session, SessionRole
from modus.events.selectors import PUBLIC_STATUSES

from ..models import MatchmakingSettings, Meeting, MeetingOutcome, ScheduleVersion
from .agenda import (
    Agenda,
    hall_sessions,
    make_place,
    meeting_item,
    session_item,
    sort_items,
)
from .schedule import shown_profiles


def published_meetings_of(user):
    """The user's meetings in the published schedules of every event (cancelled ones aside)."""
    if not (user and user.is_authenticated):
        return Meeting.objects.none()
    return Meeting.objects.scheduled().filter(
        version__status=ScheduleVersion.Status.PUBLISHED, participants__user=user
    )


def _with_people(meetings, user) -> list[Meeting]:
    """Each meeting with ``event`` and ``others``: the other side (the query's prefetch)."""
    meetings = list(
        meetings.select_related("version__event").prefetch_related(
            Prefetch("participants", queryset=shown_profiles())
        )
    )
    for meeting in meetings:
        meeting.event = meeting.version.event
        meeting.others = [p for p in meeting.participants.all() if p.user_id != user.pk]
        meeting.local_start = timezone.localtime(meeting.starts_at, meeting.event.zone)
        meeting.local_end = timezone.localtime(meeting.ends_at, meeting.event.zone)
    return meetings


def meetings_at_event(user, event, *, ids=None) -> list[Meeting]:
    """The user's published meetings at one event (cancelled ones aside), in time order, each
    with ``others`` (the other side) and local times; only ``ids`` when given (2 queries)."""
    meetings = published_meetings_of(user).filter(version__event=event)
    if ids is not None:
        meetings = meetings.filter(pk__in=ids)
    return _with_people(meetings.order_by("starts_at", "pk"), user)


def upcoming_meetings(user, *, now=None, limit=6) -> list[Meeting]:
    """The user's meetings not over yet, soonest first (3 queries); each with ``today``."""
    now = now or timezone.now()
    meetings = _with_people(
        published_meetings_of(user).filter(ends_at__gt=now).order_by("starts_at", "pk")[:limit],
        user,
    )
    for meeting in meetings:
        meeting.today = (
            meeting.local_start.date() == timezone.localtime(now, meeting.event.zone).date()
        )
    return meetings


def meetings_to_record(user, *, now=None, limit=10) -> list[Meeting]:
    """Meetings that have begun and whose outcome the user has not recorded (3 queries)."""
    now = now or timezone.now()
    recorded = MeetingOutcome.objects.filter(meeting=OuterRef("pk"), profile__user=user)
    meetings = (
        published_meetings_of(user)
        .filter(starts_at__lte=now)
        .filter(~Exists(recorded))
        .order_by("-starts_at", "pk")[:limit]
    )
    return _with_people(meetings, user)


def _chosen_sessions(user):
    speaks = SessionRole.objects.filter(session=OuterRef("pk"), person__user=user)
    marked = AgendaMark.objects.filter(session=OuterRef("pk"), user=user)
    return (
        Session.objects.filter(event__status__in=PUBLIC_STATUSES, held_back=False)
        .annotate(speaks=Exists(speaks), marked=Exists(marked))
        .filter(Q(speaks=True) | Q(marked=True))
        .select_related("event", "room")
    )


def _event_order(event: Event):
    return (event.starts_on or dt.date.max, event.pk)


def agendas_of(user, *, now=None) -> list[Agenda]:
    """One agenda per event: the sessions the user chose or speaks in and their published
    meetings together, by time; events in date order. 7 queries, however many events."""
    now = now or timezone.now()
    events: dict[int, Event] = {}
    items: dict[int, list] = {}
    profiles: dict[int, object] = {}
    for session in _chosen_sessions(user):
        event = events.setdefault(session.event_id, session.event)
        item = session_item(session, event)
        item.speaks, item.marked = session.speaks, session.marked
        items.setdefault(event.pk, []).append(item)
    meetings = list(
        published_meetings_of(user)
        .select_related("version__event__venue")
        .prefetch_related(Prefetch("participants", queryset=shown_profiles()))
        .order_by("starts_at", "table", "pk")
    )
    if meetings:
        meeting_events = {m.version.event_id: m.version.event for m in meetings}
        mm_settings = {
            s.event_id: s for s in MatchmakingSettings.objects.filter(event__in=meeting_events)
        }
        halls: dict[int, list] = {}
        for session in hall_sessions(list(meeting_events)):
            halls.setdefault(session.event_id, []).append(session)
        places = {
            pk: make_place(event, mm_settings.get(pk), halls.get(pk, []))
            for pk, event in meeting_events.items()
        }
        recorded = dict(
            MeetingOutcome.objects.filter(
                meeting__in=[m.pk for m in meetings], profile__user=user
            ).values_list("meeting_id", "outcome")
        )
        for meeting in meetings:
            event = events.setdefault(meeting.version.event_id, meeting.version.event)
            profile = next(p for p in meeting.participants.all() if p.user_id == user.pk)
            profiles.setdefault(event.pk, profile)
            item = meeting_item(
                meeting, profile, event, mm_settings.get(event.pk), places[event.pk]
            )
            item.can_record = meeting.starts_at <= now
            item.outcome = recorded.get(meeting.pk, "")
            items.setdefault(event.pk, []).append(item)
    return [
        Agenda(event=event, profile=profiles.get(pk), user=user, items=sort_items(items[pk]))
        for pk, event in sorted(events.items(), key=lambda pair: _event_order(pair[1]))
    ]
