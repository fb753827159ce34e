"""What the events app holds about a person: registrations, marked sessions, roles in sessions.

Declared in ``apps.EventsConfig.ready`` (see ``accounts.personal_data``).
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modus.accounts import personal_data

from .models import AgendaMark, Event, Registration, SessionRole
from .services.events import bump_agenda_version
from .services.registrations import cancel_registration


def export_registrations(user) -> list[dict]:
    rows = Registration.objects.filter(user=user).select_related("event", "organisation")
    return [
        {
            "event": registration.event.slug,
            "event_name": registration.event.name,
            "status": registration.status,
            "participant_role": registration.participant_role,
            "organisation": registration.organisation.slug if registration.organisation else None,
            "consent_attendee_list": registration.consent_attendee_list,
            "consent_media": registration.consent_media,
            "registered": registration.created_at,
            "checked_in": registration.checked_in_at,
        }
        for registration in rows.order_by("created_at", "pk")
    ]


def erase_registrations(erasure) -> None:
    """A registration for an edition that has begun stays for its figures, anonymous and off
    the attendee list; one for an edition to come is cancelled (its place goes to the waiting
    list) and deleted."""
    today = timezone.localdate(erasure.now)
    rows = Registration.objects.filter(user=erasure.user).select_related("event")
    for registration in rows:
        if registration.event.starts_on <= today:
            registration.user = erasure.former()
            registration.consent_attendee_list = False
            registration.consent_media = False
            registration.save(update_fields=["user", "consent_attendee_list", "consent_media"])
            continue
        if registration.status != Registration.Status.CANCELLED:
            cancel_registration(registration, actor=erasure.user)
        registration.delete()


def export_marks(user) -> list[dict]:
    marks = AgendaMark.objects.filter(user=user).select_related("session__event")
    return [
        {"event": mark.session.event.slug, "session": mark.session.slug, "marked": mark.created_at}
        for mark in marks.order_by("created_at", "pk")
    ]


def export_session_roles(user) -> list[dict]:
    roles = SessionRole.objects.filter(person__user=user).select_related("session__event")
    return [
        {"event": role.session.event.slug, "session": role.session.slug, "role": role.role}
        for role in roles.order_by("session__starts_at", "pk")
    ]


def refresh_agendas(erasure) -> None:
    """The person stays in their sessions' roles, anonymised by accounts; the cached agendas
    that show their name are renewed."""
    for event in Event.objects.filter(sessions__roles__person__user=erasure.user).distinct():
        bump_agenda_version(event)


def declare() -> None:
    personal_data.declare(
        "registrations",
        label=_("Your event registrations"),
        export=export_registrations,
        erase=erase_registrations,
        covers=["events.Registration.user"],
    )
    personal_data.declare(
        "agenda_marks",
        label=_("Sessions you marked for your agenda"),
        export=export_marks,
        covers=["events.AgendaMark.user"],
    )
    personal_data.declare(  # the person is anonymised by accounts; the session keeps the role
        "session_roles",
        label=_("Your roles in sessions (speaker, moderator...)"),
        export=export_session_roles,
        erase=refresh_agendas,
        covers=["events.SessionRole.person"],
    )
