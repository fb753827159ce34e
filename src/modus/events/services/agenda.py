"""What co-hosts change in their own event: details, rooms, sessions, people, materials.

Every function takes the acting user, refuses anyone who is not a co-host of the event
(``not_cohost``) and bumps the event's agenda version so cached pages and exports refresh.
Clashes in the agenda do not block saving; ``agenda_warnings`` lists them for the editor.
"""

import datetime as dt
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from modus.accounts.models import Person
from modus.accounts.services import ensure_person
from modus.web.slugs import free_slug

from ..models import Event, Material, Room, Session, SessionRole
from ..permissions import require_cohost
from .core import EventError, bump_agenda_version

DEFAULT_MAX_MATERIAL_BYTES = 20 * 1024 * 1024

# The details of an event its co-hosts may change (the rest belongs to the programme office).
EVENT_FIELDS = (
    "description",
    "venue",
    "starts_on",
    "ends_on",
    "time_zone",
    "status",
    "status_notice",
    "capacity",
    "registration_open",
    "languages",
    "ecosystems",
    "priorities",
    "co_located_with",
    "report",
)
SESSION_FIELDS = (
    "title",
    "kind",
    "abstract",
    "starts_at",
    "ends_at",
    "room",
    "topics",
    "language",
    "recording_url",
)


class AgendaError(EventError):
    """A rule about an event's agenda was broken; ``code`` says which."""


def event_datetime(event: Event, day: dt.date, time: dt.time) -> dt.datetime:
    """The moment of this day and wall-clock time in the event's time zone, in UTC."""
    local = dt.datetime.combine(day, time, tzinfo=event.zone)
    return local.astimezone(dt.UTC)


def local_day(event: Event, value: dt.datetime) -> dt.date:
    return timezone.localtime(value, event.zone).date()


# The event ------------------------------------------------------------------------------------


@transaction.atomic
def update_event(event: Event, *, actor, **fields) -> Event:
    """Change the details of an event (``EVENT_FIELDS``); many-to-many fields as lists."""
    require_cohost(actor, event)
    unknown = set(fields) - set(EVENT_FIELDS)
    if unknown:
        raise AgendaError(
            _("These details cannot be changed here: %(fields)s."),
            code="unknown_field",
            params={"fields": ", ".join(sorted(unknown))},
        )
    many = {name: list(fields.pop(name)) for name in ("ecosystems", "priorities") if name in fields}
    starts_on = fields.get("starts_on", event.starts_on)
    ends_on = fields.get("ends_on", event.ends_on)
    if starts_on and ends_on and ends_on < starts_on:
        raise AgendaError(
            {
                "ends_on": [
                    AgendaError(
                        _("An event cannot end before it starts."), code="ends_before_start"
                    )
                ]
            }
        )
    other = fields.get("co_located_with")
    if other is not None and other.pk == event.pk:
        raise AgendaError(
            {
                "co_located_with": [
                    AgendaError(
                        _("An event cannot be held alongside itself."), code="self_colocated"
                    )
                ]
            }
        )
    foreign = [p for p in many.get("priorities", []) if p.region_id != event.region_id]
    if foreign:
        raise AgendaError(
            {
                "priorities": [
                    AgendaError(
                        _("Pick only priorities of the event's host region."),
                        code="priority_elsewhere",
                    )
                ]
            }
        )
    for name, value in fields.items():
        setattr(event, name, value)
    event.full_clean()
    event.save()
    for name, values in many.items():
        getattr(event, name).set(values)
    bump_agenda_version(event)
    return event


@transaction.atomic
def link_report(event: Event, article, *, actor) -> Event:
    """Link the event's report (a news article), or unlink it with ``None``.

    The article then lists the event as reported (``article.reported_events``): linked both ways.
    """
    require_cohost(actor, event)
    event.report = article
    event.save(update_fields=["report", "updated_at"])
    bump_agenda_version(event)
    return event


# Rooms ----------------------------------------------------------------------------------------


@transaction.atomic
def save_room(
    event: Event, *, actor, name: str, capacity=None, position: int = 0, room: Room | None = None
) -> Room:
    """Add a room to the event, or rename/change ``room``."""
    require_cohost(actor, event)
    name = (name or "").strip()
    if not name:
        raise AgendaError({"name": [AgendaError(_("Give the room a name."), code="required")]})
    if room is not None and room.event_id != event.pk:
        raise AgendaError(_("This room belongs to another event."), code="room_elsewhere")
    taken = Room.objects.filter(event=event, name__iexact=name)
    if room is not None:
        taken = taken.exclude(pk=room.pk)
    if taken.exists():
        raise AgendaError(
            {
                "name": [
                    AgendaError(_("The event already has a room of this name."), code="room_taken")
                ]
            }
        )
    room = room or Room(event=event)
    room.name, room.capacity, room.position = name, capacity, position or 0
    room.full_clean()
    room.save()
    bump_agenda_version(event)
    return room


@transaction.atomic
def delete_room(room: Room, *, actor) -> None:
    """Remove a room; its sessions stay in the agenda without a room."""
    event = room.event
    require_cohost(actor, event)
    room.delete()
    bump_agenda_version(event)


# Sessions -------------------------------------------------------------------------------------


def unique_session_slug(event: Event, title: str, *, exclude_pk=None) -> str:
    """A slug made from the title that no other session of this event uses."""
    return free_slug(
        title,
        Session.objects.filter(event=event),
        fallback="session",
        max_length=100,
        exclude_pk=exclude_pk,
    )


def _resolve_person(entry) -> Person:
    """A person picked from the existing people, or one created from a name and organisation."""
    if isinstance(entry, Person):
        return entry
    name = (entry.get("name") or "").strip()
    if not name:
        raise AgendaError(
            {"people": [AgendaError(_("Give each new person a name."), code="person_name")]}
        )
    return ensure_person(name=name, organisation=entry.get("organisation"))


def _set_people(session: Session, people) -> None:
    """Replace the people of a session by ``people``: (person, role) pairs, in order."""
    pairs = []
    for person, role in people:
        if role not in SessionRole.Role.values:
            raise AgendaError(
                {"people": [AgendaError(_("Pick a role for each person."), code="invalid_role")]}
            )
        pairs.append((_resolve_person(person), role))
    seen = set()
    for person, _role in pairs:
        if person.pk in seen:
            raise AgendaError(
                {
                    "people": [
                        AgendaError(
                            _("%(name)s is listed twice in this session."),
                            code="person_twice",
                            params={"name": person.name},
                        )
                    ]
                }
            )
        seen.add(person.pk)
    session.roles.all().delete()
    SessionRole.objects.bulk_create(
        SessionRole(session=session, person=person, role=role, position=index)
        for index, (person, role) in enumerate(pairs)
    )


def _check_session(event: Event, session: Session) -> None:
    errors = {}
    if not (session.title or "").strip():
        errors["title"] = [AgendaError(_("Give the session a title."), code="required")]
    if session.starts_at and session.ends_at and session.ends_at <= session.starts_at:
        errors["ends_at"] = [
            AgendaError(_("A session must end after it starts."), code="ends_before_start")
        ]
    if session.room_id is not None and session.room.event_id != event.pk:
        errors["room"] = [AgendaError(_("Pick a room of this event."), code="room_elsewhere")]
    if session.recording_url:
        try:
            _check_url(session.recording_url)
        except AgendaError as error:
            errors["recording_url"] = [error]
    if errors:
        raise AgendaError(errors)
    try:
        session.full_clean(exclude=["event", "slug"], validate_constraints=False)
    except ValidationError as error:
        raise AgendaError(error.message_dict) from error


@transaction.atomic
def create_session(event: Event, *, actor, people=(), **fields) -> Session:
    """Add a session to the agenda. ``people`` lists (person, role) pairs; a person is a
    ``Person`` or a mapping with ``name`` and ``organisation`` for someone new."""
    require_cohost(actor, event)
    unknown = set(fields) - set(SESSION_FIELDS)
    if unknown:
        raise AgendaError(
            _("Unknown session fields: %(fields)s."),
            code="unknown_field",
            params={"fields": ", ".join(sorted(unknown))},
        )
    fields["topics"] = list(fields.get("topics") or [])
    session = Session(event=event, **fields)
    _check_session(event, session)
    session.slug = unique_session_slug(event, session.title)
    try:
        with transaction.atomic():
            session.save()
    except IntegrityError:  # another co-host took the slug a moment ago
        session.slug = unique_session_slug(event, f"{session.title} {timezone.now():%H%M%S%f}")
        session.save()
    _set_people(session, people)
    bump_agenda_version(event)
    return session


@transaction.atomic
def update_session(session: Session, *, actor, people=None, **fields) -> Session:
    """Change a session; ``people`` (when given) replaces its people. The slug stays, so links
    to the session keep working."""
    event = session.event
    require_cohost(actor, event)
    unknown = set(fields) - set(SESSION_FIELDS)
    if unknown:
        raise AgendaError(
            _("Unknown session fields: %(fields)s."),
            code="unknown_field",
            params={"fields": ", ".join(sorted(unknown))},
        )
    if "topics" in fields:
        fields["topics"] = list(fields["topics"] or [])
    for name, value in fields.items():
        setattr(session, name, value)
    _check_session(event, session)
    session.save()
    if people is not None:
        _set_people(session, people)
    bump_agenda_version(event)
    return session


@transaction.atomic
def delete_session(session: Session, *, actor) -> None:
    event = session.event
    require_cohost(actor, event)
    for material in session.materials.all():
        _delete_file_after_commit(material.file)
    session.delete()
    bump_agenda_version(event)


def _check_url(url: str) -> None:
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError as error:
        raise AgendaError(
            _("Enter the full address of the recording (https://…)."), code="invalid_url"
        ) from error


@transaction.atomic
def set_recording_url(session: Session, url: str, *, actor) -> Session:
    """Set (or clear with an empty string) the link to the session's recording."""
    require_cohost(actor, session.event)
    url = (url or "").strip()
    if url:
        _check_url(url)
    session.recording_url = url
    session.save(update_fields=["recording_url", "updated_at"])
    bump_agenda_version(session.event)
    return session


# Materials ------------------------------------------------------------------------------------

MATERIAL_TYPES = {
    "pdf": {".pdf"},
    "ooxml": {".pptx", ".docx", ".xlsx"},
    "odf": {".odp", ".odt"},
}


def max_material_bytes() -> int:
    return getattr(settings, "MODUS_MAX_MATERIAL_BYTES", DEFAULT_MAX_MATERIAL_BYTES)


def _material_type(upload) -> str | None:
    """What the file is by its content: ``pdf``, ``ooxml`` (Office), ``odf`` or ``None``."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names:
                return "ooxml"
            if "mimetype" in names:
                mimetype = archive.read("mimetype")
                if mimetype.startswith(b"application/vnd.oasis.opendocument."):
                    return "odf"
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None
    finally:
        upload.seek(0)
    return None


def check_material_upload(upload) -> None:
    """Refuse empty and too large files, and anything but PDF, PPTX/DOCX/XLSX or ODP/ODT
    (judged by content; the name's extension must match what the file is)."""
    if upload is None or not upload.size:
        raise AgendaError(_("The file is empty."), code="file_empty")
    limit = max_material_bytes()
    if upload.size > limit:
        raise AgendaError(
            _("The file is too large; the limit is %(limit)s."),
            code="file_too_large",
            params={"limit": filesizeformat(limit)},
        )
    kind = _material_type(upload)
    extension = PurePath(upload.name or "").suffix.lower()
    if kind is None or extension not in MATERIAL_TYPES[kind]:
        raise AgendaError(
            _("Upload a PDF, PowerPoint, Word, Excel or OpenDocument file (ODP, ODT)."),
            code="file_type",
        )


@transaction.atomic
def add_material(
    session: Session, *, actor, upload, title: str = "", kind=Material.Kind.SLIDES
) -> Material:
    """Attach slides or another file to a session, after checking its type and size."""
    require_cohost(actor, session.event)
    check_material_upload(upload)
    title = (title or "").strip() or PurePath(upload.name).stem[:200]
    if kind not in Material.Kind.values:
        raise AgendaError({"kind": [AgendaError(_("Pick a kind of material."), code="invalid")]})
    upload.name = PurePath(upload.name).name
    material = Material(session=session, title=title, kind=kind, file=upload)
    material.save()
    bump_agenda_version(session.event)
    return material


@transaction.atomic
def delete_material(material: Material, *, actor) -> None:
    session = material.session
    require_cohost(actor, session.event)
    _delete_file_after_commit(material.file)
    material.delete()
    bump_agenda_version(session.event)


def _delete_file_after_commit(field_file) -> None:
    if field_file:
        storage, name = field_file.storage, field_file.name
        transaction.on_commit(lambda: storage.delete(name))


# Warnings -------------------------------------------------------------------------------------


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
        if first_day < event.starts_on or last_day > event.ends_on:
            warnings.append(
                AgendaWarning(
                    "outside_dates",
                    _("“%(title)s” is outside the event's dates.") % {"title": session.title},
                    [session],
                )
            )
    return warnings
