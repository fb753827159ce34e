"""Personal agendas: the sessions a participant chose or speaks in, and their published meetings.

``personal_agenda`` reads one participant's items with a fixed number of queries; ``all_agendas``
reads every participant's for the organisers' printout; ``table_plan`` lists, per slot, which pair
sits at which table. ``agenda_calendar`` renders an agenda as iCalendar with stable UIDs: a
session keeps the events app's ``session-<pk>@host``, a meeting is named by its pair
(``meeting-<event>-<a>-<b>@host``), so a re-published schedule updates the entry instead of adding
one. Only meetings of the *published* schedule are ever read here.
"""

import dataclasses
import datetime as dt
from collections import defaultdict
from itertools import groupby
from urllib.parse import urljoin

import icalendar
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from modus.events.calendars import uid_host
from modus.events.models import Event, Session

from . import selectors
from .models import MarketplaceProfile, MatchmakingSettings, Meeting, ScheduleVersion

PRODID = "-//Modus//Matchmaking//EN"


@dataclasses.dataclass
class AgendaItem:
    """One line of an agenda: a session or a meeting, with times in the event's zone."""

    kind: str  # "session" or "meeting"
    starts_at: dt.datetime
    ends_at: dt.datetime
    title: str
    location: str = ""
    url: str = ""
    uid: str = ""
    others: list = dataclasses.field(default_factory=list)
    table: int | None = None
    video_link: str = ""
    meeting: Meeting | None = None
    session: Session | None = None


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


def _people():
    return MarketplaceProfile.objects.select_related("user", "organisation")


def _session_item(session: Session, event: Event) -> AgendaItem:
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


def meeting_place(meeting: Meeting, mm_settings: MatchmakingSettings | None) -> str:
    if meeting.table:
        return _("Table %(number)s") % {"number": meeting.table}
    if mm_settings and mm_settings.virtual and mm_settings.video_link:
        return mm_settings.video_link
    return ""


def _meeting_item(meeting, profile, event, mm_settings) -> AgendaItem:
    people = list(meeting.participants.all())
    others = [p for p in people if p.pk != profile.pk]
    pair = "-".join(str(pk) for pk in sorted(p.pk for p in people))
    video_link = mm_settings.video_link if mm_settings and mm_settings.virtual else ""
    return AgendaItem(
        kind="meeting",
        starts_at=timezone.localtime(meeting.starts_at, event.zone),
        ends_at=timezone.localtime(meeting.ends_at, event.zone),
        title=meeting_title(others),
        location=meeting_place(meeting, mm_settings),
        uid=f"meeting-{event.pk}-{pair}@{uid_host()}",
        others=others,
        table=meeting.table,
        video_link=video_link,
        meeting=meeting,
    )


def _sort(items: list[AgendaItem]) -> list[AgendaItem]:
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
    """One user's agenda at this event: 5 queries, however many items."""
    mm_settings = mm_settings or MatchmakingSettings.objects.filter(event=event).first()
    profile = MarketplaceProfile.objects.filter(event=event, user=user).first()
    items = [_session_item(s, event) for s in chosen_sessions(event, [user.pk])]
    version = selectors.published_version(event) if profile else None
    if version is not None:
        meetings = (
            version.meetings.filter(participants=profile)
            .prefetch_related(Prefetch("participants", queryset=_people()))
            .order_by("starts_at", "table")
        )
        items += [_meeting_item(m, profile, event, mm_settings) for m in meetings]
    return Agenda(event=event, profile=profile, user=user, items=_sort(items))


def all_agendas(event: Event, version: ScheduleVersion) -> list[Agenda]:
    """Every participant of a schedule version, each with their agenda (for the printout)."""
    mm_settings = MatchmakingSettings.objects.filter(event=event).first()
    participant_ids = [int(p["id"][1:]) for p in version.instance.get("participants", [])]
    profiles = list(
        _people().filter(pk__in=participant_ids).order_by("user__full_name", "user__email", "pk")
    )
    meetings = version.meetings.prefetch_related(
        Prefetch("participants", queryset=_people())
    ).order_by("starts_at", "table")
    items_of = defaultdict(list)
    for meeting in meetings:
        for profile in meeting.participants.all():
            items_of[profile.pk].append(_meeting_item(meeting, profile, event, mm_settings))
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
            _session_item(sessions[pk], event) for pk in marks.get(profile.user_id, ())
        ]
        agendas.append(Agenda(event=event, profile=profile, user=profile.user, items=_sort(items)))
    return agendas


def table_plan(event: Event, version: ScheduleVersion) -> list[tuple[dt.datetime, list]]:
    """Per slot (start in the event's zone): ``(table, [names])`` in table order."""
    meetings = version.meetings.prefetch_related(
        Prefetch("participants", queryset=_people())
    ).order_by("starts_at", "table", "pk")
    plan = []
    for starts_at, group in groupby(meetings, key=lambda m: m.starts_at):
        rows = [(m.table, [p.display_name for p in m.participants.all()]) for m in group]
        plan.append((timezone.localtime(starts_at, event.zone), rows))
    return plan


def agenda_calendar(agenda: Agenda, *, base_url: str) -> bytes:
    """The agenda as iCalendar: one VEVENT per item, times in UTC, stable UIDs."""
    event = agenda.event
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("My agenda at %(event)s") % {"event": event.name})
    calendar.add("x-wr-timezone", event.time_zone)
    stamp = timezone.now()
    for item in agenda.items:
        component = icalendar.Event()
        component.add("uid", item.uid)
        component.add("dtstamp", stamp)
        component.add("dtstart", item.starts_at.astimezone(dt.UTC))
        component.add("dtend", item.ends_at.astimezone(dt.UTC))
        component.add("summary", item.title)
        if item.location:
            component.add("location", item.location)
        if item.kind == "meeting":
            lines = []
            for other in item.others:
                line = other.display_name
                if other.organisation_id:
                    line += f" ({other.organisation.name})"
                lines.append(line)
                if other.offers:
                    lines.append(_("Offers: %(text)s") % {"text": other.offers})
                if other.seeks:
                    lines.append(_("Seeks: %(text)s") % {"text": other.seeks})
            component.add("description", "\n".join(lines))
            component.add("categories", [_("Meeting")])
        if item.url:
            component.add("url", urljoin(base_url, item.url))
        calendar.add_component(component)
    return calendar.to_ical()
