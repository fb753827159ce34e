"""What co-hosts change in their own event's agenda: rooms, sessions and the people in them.

Every function takes the acting user, refuses anyone who is not a co-host of the event
(``not_cohost``) and bumps the event's agenda version so cached pages and exports refresh.
Clashes in the agenda do not block saving; ``selectors.agenda_warnings`` lists them for the
editor.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from modus.accounts.models import Person
from modus.accounts.services import ensure_person
from modus.web.slugs import free_slug
from modus.web.translations import clean_translations

from ..errors import AgendaError
from ..models import Event, Room, Session, SessionRole
from ..permissions import require_cohost
from ..selectors.agenda import agenda_warnings
from .events import bump_agenda_version

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
    "outside_event_days",
    "original_language",
    "translations",
)
TITLE_MAX_LENGTH = Session._meta.get_field("title").max_length


def event_datetime(event: Event, day: dt.date, time: dt.time) -> dt.datetime:
    """The moment of this day and wall-clock time in the event's time zone, in UTC."""
    local = dt.datetime.combine(day, time, tzinfo=event.zone)
    return local.astimezone(dt.UTC)


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


def outside_event_days(event: Event, starts_at, ends_at) -> dict:
    """Errors for ``starts_at`` and ``ends_at`` that fall outside the event's days (in its time
    zone; a session may end at midnight after the last day)."""
    first = event_datetime(event, event.starts_on, dt.time(0))
    after = event_datetime(event, event.ends_on + dt.timedelta(days=1), dt.time(0))
    within = {
        "starts_at": starts_at is None or first <= starts_at < after,
        "ends_at": ends_at is None or first < ends_at <= after,
    }
    errors = {}
    for name in (name for name, ok in within.items() if not ok):
        errors[name] = [
            AgendaError(
                _(
                    "The event runs from %(first)s to %(last)s; a session outside these "
                    "days must be marked as held outside them."
                ),
                code="outside_event_days",
                params={
                    "first": date_format(event.starts_on, "DATE_FORMAT"),
                    "last": date_format(event.ends_on, "DATE_FORMAT"),
                },
            )
        ]
    return errors


def _check_session(event: Event, session: Session) -> None:
    errors = {}
    if not (session.title or "").strip():
        errors["title"] = [AgendaError(_("Give the session a title."), code="required")]
    if session.starts_at and session.ends_at and session.ends_at <= session.starts_at:
        errors["ends_at"] = [
            AgendaError(_("A session must end after it starts."), code="ends_before_start")
        ]
    elif not session.outside_event_days:
        errors.update(outside_event_days(event, session.starts_at, session.ends_at))
    session.translations = clean_translations(
        session.translations, Session.translatable_fields, original=session.original_language
    )
    if any(len(t.get("title", "")) > TITLE_MAX_LENGTH for t in session.translations.values()):
        errors["translations"] = [
            AgendaError(
                _("A title is too long (at most %(limit)d characters)."),
                code="title_too_long",
                params={"limit": TITLE_MAX_LENGTH},
            )
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
    _hold_back_if_clashing(session)
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
    _hold_back_if_clashing(session)
    bump_agenda_version(event)
    return session


CLASHES = ("person_clash", "room_clash")


def _hold_back_if_clashing(session: Session) -> None:
    """A session saved while a person or room clashes stays out of the public agenda until the
    co-hosts publish the agenda (``publish_agenda``); saving is never blocked."""
    clashing = any(
        warning.code in CLASHES and any(other.pk == session.pk for other in warning.sessions)
        for warning in agenda_warnings(session.event)
    )
    if clashing and not session.held_back:
        Session.objects.filter(pk=session.pk).update(held_back=True)
        session.held_back = True


@transaction.atomic
def publish_agenda(event: Event, *, actor) -> int:
    """Show the sessions held back for a clash in the public agenda; returns how many."""
    require_cohost(actor, event)
    shown = Session.objects.filter(event=event, held_back=True).update(held_back=False)
    if shown:
        bump_agenda_version(event)
    return shown


@transaction.atomic
def delete_session(session: Session, *, actor) -> None:
    event = session.event
    require_cohost(actor, event)
    for material in session.materials.all():
        delete_file_after_commit(material.file)
    try:
        with transaction.atomic():
            session.delete()
    except ProtectedError as error:  # a call's pitching session, say
        raise AgendaError(
            _(
                "This session cannot be removed: something else depends on it (for example, "
                "the pitching of a call). Change that first, or move the session instead."
            ),
            code="session_in_use",
        ) from error
    bump_agenda_version(event)


def _check_url(url: str) -> None:
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError as error:
        raise AgendaError(
            _("Enter the full address of the recording (https://…)."), code="invalid_url"
        ) from error


def delete_file_after_commit(field_file) -> None:
    if field_file:
        storage, name = field_file.storage, field_file.name
        transaction.on_commit(lambda: storage.delete(name))
