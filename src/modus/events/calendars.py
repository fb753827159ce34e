"""iCalendar (RFC 5545) for an event, one session, and one person's agenda.

Session times are written in UTC (``...Z``), which every calendar understands without a time
zone definition; the event itself spans whole days (``VALUE=DATE``, end exclusive). UIDs are
stable (``session-<pk>@<host>``), so a re-imported or subscribed calendar updates its entries
instead of doubling them.

A person's agenda is reached through a secret link: :func:`personal_agenda_token` is the user's
random calendar secret (replaced by a password change or the agenda page's "new link" button),
:func:`user_for_personal_agenda_token` finds its owner.
"""

import datetime as dt
from urllib.parse import urljoin, urlsplit

import icalendar
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from modus.web.translations import requested_language

from .models import AgendaMark, Event, Session, SessionRole
from .selectors.events import PUBLIC_STATUSES

SECRET_MAX_LENGTH = 64
PRODID = "-//Modus//Events//EN"


def personal_agenda_token(user) -> str:
    """The secret part of the user's calendar link: random, it says nothing about the user."""
    return user.calendar_secret


def user_for_personal_agenda_token(token: str):
    """The active user whose calendar secret this is, or None for an old or unknown one."""
    if not token or len(token) > SECRET_MAX_LENGTH:
        return None
    return get_user_model().objects.filter(calendar_secret=token, is_active=True).first()


def uid_host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "modus.invalid"


def session_roles_prefetch():
    return Prefetch(
        "roles",
        queryset=SessionRole.objects.select_related("person", "person__organisation").order_by(
            "position", "person__name"
        ),
    )


def calendar_sessions(event: Event, language=None):
    return (
        event.sessions.filter(held_back=False)
        .select_related("room")
        .prefetch_related(session_roles_prefetch())
        .order_by("starts_at", "room__position", "title", "pk")
        .in_language(language)
    )


def personal_agenda_sessions(user, language=None):
    """Sessions of public events the user speaks in or has marked, in time order."""
    spoken = SessionRole.objects.filter(person__user=user).values("session")
    marked = AgendaMark.objects.filter(user=user).values("session")
    return (
        Session.objects.filter(Q(pk__in=spoken) | Q(pk__in=marked))
        .filter(event__status__in=PUBLIC_STATUSES, held_back=False)
        .select_related("room", "event", "event__venue")
        .prefetch_related(session_roles_prefetch())
        .order_by("starts_at", "room__position", "title", "pk")
        .in_language(language)
    )


def _new_calendar(name: str, time_zone: str | None = None) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    if time_zone:
        calendar.add("x-wr-timezone", time_zone)
    return calendar


def _venue_text(event: Event) -> str:
    venue = event.venue
    if venue is None:
        return ", ".join(part for part in (event.city,) if part)
    return ", ".join(part for part in (venue.name, venue.address, venue.city) if part)


def _status(event: Event) -> str:
    if event.status == Event.Status.CANCELLED:
        return "CANCELLED"
    if event.status == Event.Status.POSTPONED:
        return "TENTATIVE"
    return "CONFIRMED"


def _event_component(event: Event, *, base_url: str) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", f"event-{event.pk}@{uid_host()}")
    component.add("dtstamp", event.updated_at or timezone.now())
    component.add("dtstart", event.starts_on)
    component.add("dtend", event.ends_on + dt.timedelta(days=1))
    component.add("summary", event.name)
    location = _venue_text(event)
    if location:
        component.add("location", location)
    description = "\n\n".join(part for part in (event.description, event.status_notice) if part)
    if description:
        component.add("description", description)
    component.add("url", urljoin(base_url, event.get_absolute_url()))
    component.add("status", _status(event))
    if event.venue and event.venue.latitude is not None and event.venue.longitude is not None:
        component.add("geo", (float(event.venue.latitude), float(event.venue.longitude)))
    return component


def _session_component(session: Session, event: Event, *, base_url: str) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", f"session-{session.pk}@{uid_host()}")
    component.add("dtstamp", session.updated_at or timezone.now())
    component.add("dtstart", session.starts_at.astimezone(dt.UTC))
    component.add("dtend", session.ends_at.astimezone(dt.UTC))
    component.add("summary", session.title)
    location = ", ".join(
        part for part in (session.room.name if session.room_id else "", _venue_text(event)) if part
    )
    if location:
        component.add("location", location)
    lines = [session.abstract] if session.abstract else []
    people = [
        f"{role.get_role_display()}: {role.person.name}"
        + (f" ({role.person.organisation.name})" if role.person.organisation_id else "")
        for role in session.roles.all()
    ]
    if people:
        lines.append("\n".join(people))
    if session.recording_url:
        lines.append(_("Recording: %(url)s") % {"url": session.recording_url})
    if lines:
        component.add("description", "\n\n".join(lines))
    component.add("url", urljoin(base_url, session.get_absolute_url()))
    component.add("categories", [str(Session.Kind(session.kind).label)])
    component.add("status", _status(event))
    return component


def _session_for(event: Event, session: Session) -> Session:
    session.event = event  # the URL needs the event's slug; spare a query per session
    return session


def event_calendar(event: Event, *, base_url: str) -> bytes:
    """The event over its days, and each session at its time, in the reader's language (the
    calendar's own words stay English)."""
    language = requested_language()
    with translation.override(settings.LANGUAGE_CODE):
        calendar = _new_calendar(event.name, event.time_zone)
        calendar.add_component(_event_component(event, base_url=base_url))
        for session in calendar_sessions(event, language):
            calendar.add_component(
                _session_component(_session_for(event, session), event, base_url=base_url)
            )
    return calendar.to_ical()


def session_calendar(session: Session, *, base_url: str) -> bytes:
    event = session.event
    with translation.override(settings.LANGUAGE_CODE):
        calendar = _new_calendar(f"{session.title} – {event.name}", event.time_zone)
        calendar.add_component(_session_component(session, event, base_url=base_url))
    return calendar.to_ical()


def personal_agenda_calendar(user, *, base_url: str) -> bytes:
    language = requested_language()
    with translation.override(settings.LANGUAGE_CODE):
        calendar = _new_calendar(_("My agenda"))
        for session in personal_agenda_sessions(user, language):
            calendar.add_component(_session_component(session, session.event, base_url=base_url))
    return calendar.to_ical()
