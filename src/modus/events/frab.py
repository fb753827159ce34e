"""An event's agenda as a frab/C3VOC schedule, the format conference apps read.

Giggity, ConfClerk, EventFahrplan and pyfahrplan read ``schedule.xml`` (checked against the
C3VOC XSD) or ``schedule.json`` (checked against its JSON schema). Both are made from one
description of the agenda (:func:`schedule_data`, shaped like the JSON), so they cannot disagree.

Times are given in the event's time zone with their UTC offset. Identifiers are stable:
GUIDs are UUID 5 values of a fixed namespace and the session's, room's or person's primary key.
Outputs are cached, keyed on the event's agenda version and last change (see :func:`cached`).
"""

import datetime as dt
import hashlib
import json
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin

from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from modus.web.translations import requested_language

from .models import Event, Material, Session, SessionRole

# Never change it: every GUID of every published schedule derives from it.
GUID_NAMESPACE = uuid.UUID("a583831e-f07d-4d10-ab77-b638423e7c4c")
GENERATOR = "Modus"
JSON_SCHEMA_ID = "https://c3voc.de/schedule/schema.json"
CACHE_SECONDS = 60 * 60  # also bounds how long a renamed speaker keeps their old name here

# frab's free-text "type" of a session, by our kinds.
TYPES = {
    Session.Kind.OPENING: "talk",
    Session.Kind.KEYNOTE: "talk",
    Session.Kind.PANEL: "discussion",
    Session.Kind.WORKSHOP: "workshop",
    Session.Kind.PITCHING: "talk",
    Session.Kind.MATCHMAKING: "meeting",
    Session.Kind.SITE_VISIT: "other",
    Session.Kind.NETWORKING: "meeting",
    Session.Kind.BREAK: "other",
}
ATTACHMENT_TYPES = {Material.Kind.SLIDES: "slides", Material.Kind.FILE: "related"}
# The JSON schema's pattern for time zone names (tested with re.search, as JSON Schema does).
TIME_ZONE_NAME = re.compile(r"^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$")


def guid(kind: str, pk: int) -> str:
    return str(uuid.uuid5(GUID_NAMESPACE, f"{kind}-{pk}"))


def acronym(event: Event) -> str:
    """The event slug as both schemas accept it: lowercase, underscores, at least 4 characters."""
    return re.sub(r"[^a-z0-9_]", "_", event.slug.lower()).ljust(4, "_")


def schedule_sessions(event: Event, language=None):
    """The event's sessions with everything the exports show, in a fixed number of queries."""
    roles = SessionRole.objects.select_related("person").order_by("position", "person__name")
    return (
        event.sessions.filter(held_back=False)
        .select_related("room")
        .prefetch_related(
            Prefetch("roles", queryset=roles),
            Prefetch("materials", queryset=Material.objects.order_by("uploaded_at", "pk")),
        )
        .order_by("starts_at", "room__position", "title", "pk")
        .in_language(language)
    )


def _hours_minutes(delta: dt.timedelta) -> str:
    minutes = min(int(delta.total_seconds() // 60), 99 * 60 + 59)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _timeslot(sessions, zone) -> str:
    """The coarsest of 15, 5 and 1 minutes that every start and duration fits."""
    for step in (15, 5, 1):
        if all(
            timezone.localtime(s.starts_at, zone).minute % step == 0
            and int((s.ends_at - s.starts_at).total_seconds() // 60) % step == 0
            for s in sessions
        ):
            return f"00:{step:02d}"
    return "00:01"


def _session_slug(prefix: str, session: Session) -> str:
    return f"{prefix}-{session.pk:04d}-{session.slug.lower()}".rstrip("-_")


def _description(session: Session) -> str:
    lines = [f"{role.get_role_display()}: {role.person.name}" for role in session.roles.all()]
    if session.invented_details:
        lines.append(_("Illustrative details: %(details)s") % {"details": session.invented_details})
    return "\n".join(lines)


def schedule_data(event: Event, *, base_url: str, language=None) -> dict:
    """The schedule as the JSON schema describes it; ``base_url`` ends with a slash; titles and
    abstracts in ``language`` (the format's own words stay English)."""
    zone = event.zone
    sessions = list(schedule_sessions(event, language))
    rooms = list(event.rooms.order_by("position", "name"))
    no_room = event.venue.name if event.venue_id else _("Venue")
    prefix = acronym(event)

    room_guids = {room.name: guid("room", room.pk) for room in rooms}
    if any(s.room_id is None for s in sessions) and no_room not in room_guids:
        room_guids[no_room] = guid("event-venue", event.pk)

    by_day: dict[dt.date, list[Session]] = {day: [] for day in event.days}
    for session in sessions:
        by_day.setdefault(timezone.localtime(session.starts_at, zone).date(), []).append(session)

    tracks = {}
    days = []
    for index, day in enumerate(sorted(by_day), start=1):
        day_sessions = by_day[day]
        midnight = dt.datetime.combine(day, dt.time(0), tzinfo=zone)
        day_start = min((s.starts_at for s in day_sessions), default=midnight)
        day_end = max(
            (s.ends_at for s in day_sessions), default=midnight + dt.timedelta(hours=23, minutes=59)
        )
        day_rooms: dict[str, list] = {room.name: [] for room in rooms}
        for session in day_sessions:
            room_name = session.room.name if session.room_id else no_room
            kind = Session.Kind(session.kind)
            tracks[kind.value] = kind.label
            starts = timezone.localtime(session.starts_at, zone)
            url = urljoin(base_url, session.get_absolute_url().lstrip("/"))
            day_rooms.setdefault(room_name, []).append(
                {
                    "guid": guid("session", session.pk),
                    "id": session.pk,
                    "date": starts.isoformat(),
                    "start": starts.strftime("%H:%M"),
                    "end": timezone.localtime(session.ends_at, zone).isoformat(),
                    "duration": _hours_minutes(session.ends_at - session.starts_at),
                    "room": room_name,
                    "slug": _session_slug(prefix, session),
                    "url": url,
                    "title": session.title,
                    "subtitle": "",
                    "track": str(kind.label),
                    "type": TYPES.get(kind, "other"),
                    "language": session.language or (event.languages or [None])[0],
                    "abstract": session.abstract,
                    "description": _description(session),
                    "persons": [
                        {
                            "id": role.person.pk,
                            "guid": guid("person", role.person.pk),
                            "public_name": role.person.name,
                        }
                        for role in session.roles.all()
                    ],
                    "links": (
                        [{"type": "media", "url": session.recording_url, "title": _("Recording")}]
                        if session.recording_url
                        else []
                    ),
                    "attachments": [
                        {
                            "type": ATTACHMENT_TYPES.get(material.kind, "related"),
                            "url": urljoin(base_url, material.file.url),
                            "title": material.title,
                        }
                        for material in session.materials.all()
                    ],
                }
            )
        days.append(
            {
                "index": index,
                "date": day.isoformat(),
                "day_start": timezone.localtime(day_start, zone).isoformat(),
                "day_end": timezone.localtime(day_end, zone).isoformat(),
                "rooms": day_rooms,
            }
        )

    conference = {
        "acronym": prefix,
        "title": event.name,
        "start": event.starts_on.isoformat(),
        "end": event.ends_on.isoformat(),
        "daysCount": len(days),
        "timeslot_duration": _timeslot(sessions, zone),
        "url": urljoin(base_url, event.get_absolute_url().lstrip("/")),
        "tracks": [
            {"name": str(label), "slug": key.replace("_", "-")} for key, label in tracks.items()
        ],
        "rooms": [{"name": name, "guid": value} for name, value in room_guids.items()],
        "days": days,
    }
    if TIME_ZONE_NAME.search(event.time_zone):
        conference["time_zone_name"] = event.time_zone
    return {
        "$schema": JSON_SCHEMA_ID,
        "generator": {"name": GENERATOR, "version": _version()},
        "schedule": {
            "version": str(event.agenda_version),
            "base_url": base_url,
            "conference": conference,
        },
    }


def _version() -> str:
    try:
        return version("modus")
    except PackageNotFoundError:
        return "0"


def schedule_json(event: Event, *, base_url: str) -> bytes:
    language = requested_language()
    with translation.override(settings.LANGUAGE_CODE):
        data = schedule_data(event, base_url=base_url, language=language)
    return json.dumps(data, ensure_ascii=False, indent=1).encode()


def _text(parent: ET.Element, tag: str, value, **attributes) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: str(v) for k, v in attributes.items()})
    element.text = "" if value is None else str(value)
    return element


def schedule_xml(event: Event, *, base_url: str) -> bytes:
    language = requested_language()
    with translation.override(settings.LANGUAGE_CODE):
        data = schedule_data(event, base_url=base_url, language=language)
    schedule, conference = data["schedule"], data["schedule"]["conference"]
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", name=GENERATOR, version=data["generator"]["version"])
    _text(root, "version", schedule["version"])
    head = ET.SubElement(root, "conference")
    for tag in ("title", "acronym", "start", "end"):
        _text(head, tag, conference[tag])
    _text(head, "days", conference["daysCount"])
    _text(head, "timeslot_duration", conference["timeslot_duration"])
    _text(head, "base_url", schedule["base_url"])
    _text(head, "url", conference["url"])
    if "time_zone_name" in conference:
        _text(head, "time_zone_name", conference["time_zone_name"])
    for track in conference["tracks"]:
        _text(head, "track", track["name"], name=track["name"], slug=track["slug"])
    room_guids = {room["name"]: room["guid"] for room in conference["rooms"]}
    for day in conference["days"]:
        day_element = ET.SubElement(
            root,
            "day",
            index=str(day["index"]),
            date=day["date"],
            start=day["day_start"],
            end=day["day_end"],
        )
        for room_name, entries in day["rooms"].items():
            room = ET.SubElement(day_element, "room", name=room_name, guid=room_guids[room_name])
            for entry in entries:
                _event_element(room, entry)
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _event_element(room: ET.Element, entry: dict) -> None:
    element = ET.SubElement(room, "event", id=str(entry["id"]), guid=entry["guid"])
    for tag in ("date", "start", "duration", "room", "slug", "url", "title", "subtitle"):
        _text(element, tag, entry[tag])
    for tag in ("track", "type", "language", "abstract", "description"):
        if entry[tag] is not None:
            _text(element, tag, entry[tag])
    persons = ET.SubElement(element, "persons")
    for person in entry["persons"]:
        _text(persons, "person", person["public_name"], id=person["id"], guid=person["guid"])
    links = ET.SubElement(element, "links")
    for link in entry["links"]:
        _text(links, "link", link["title"], href=link["url"], type=link["type"])
    attachments = ET.SubElement(element, "attachments")
    for attachment in entry["attachments"]:
        _text(
            attachments,
            "attachment",
            attachment["title"],
            href=attachment["url"],
            type=attachment["type"],
        )


def cache_key(kind: str, event: Event, base_url: str) -> str:
    changed = event.updated_at.timestamp() if event.updated_at else 0
    site = hashlib.blake2s(base_url.encode(), digest_size=8).hexdigest()
    language = requested_language()
    return f"modus:events:{kind}:{event.pk}:{event.agenda_version}:{changed}:{site}:{language}"


def cached(kind: str, event: Event, base_url: str, build: Callable[[], bytes]) -> bytes:
    """``build()``'s output, cached until the agenda or the event changes.

    Keyed on the event's ``agenda_version`` (bumped by every agenda write) and ``updated_at``
    (every save of the event), and on the site address the links start with.
    """
    key = cache_key(kind, event, base_url)
    body = cache.get(key)
    if body is None:
        body = build()
        cache.set(key, body, CACHE_SECONDS)
    return body
