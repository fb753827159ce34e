"""Pages co-hosts use to manage their own event: details, agenda, rooms, sessions, materials.

Every view here is for the co-hosts and organisers of the event (and staff): anonymous visitors
are sent to log in, anyone else gets 403. The views check input with forms and write through
``events.services``.
"""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from modus.web.confirm import ask_first
from modus.web.forms import add_service_errors

from .. import selectors, services
from ..forms import (
    EventManageForm,
    MaterialForm,
    RoomForm,
    SessionForm,
    SessionPeopleFormSet,
    people_initial,
)
from ..models import Event, Material, Room, Session
from ..permissions import cohost_required

# The event as every page here shows it in its header.
MANAGED_EVENT = Event.objects.select_related("region", "venue")


def _agenda_url(event: Event, day: dt.date | None = None) -> str:
    url = reverse("events:manage-agenda", kwargs={"slug": event.slug})
    return f"{url}?day={day.isoformat()}" if day else url


def _warn_about(request, event: Event, session: Session) -> None:
    """After a save, tell the co-host about the clashes this session is part of."""
    for warning in selectors.agenda_warnings(event):
        if any(other.pk == session.pk for other in warning.sessions):
            messages.warning(request, warning.message)


@cohost_required(queryset=MANAGED_EVENT)
@require_http_methods(["GET", "POST"])
def event_edit(request, event):
    """Co-hosts and organisers of this event (and staff): edit the event's details, and see
    its history (details, capacity and registrations changed, by whom and when)."""
    if request.method == "POST":
        form = EventManageForm(request.POST, instance=event)
        if form.is_valid():
            try:
                services.update_event(
                    event,
                    actor=request.user,
                    move_sessions=form.cleaned_data.get("move_sessions", False),
                    **form.changes(),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The event was saved."))
                return redirect("events:manage", slug=event.slug)
        event.refresh_from_db()
    else:
        form = EventManageForm(instance=event)
    return render(
        request, "events/manage/event_form.html", {"event": event, "form": form, "tab": "details"}
    )


@cohost_required(queryset=MANAGED_EVENT)
@require_http_methods(["GET"])
def agenda(request, event):
    """Co-hosts and organisers of this event (and staff): the agenda editor's day view."""
    sessions = selectors.editor_sessions(event)
    warnings = selectors.agenda_warnings(event, sessions)
    flagged = {}
    for warning in warnings:
        for session in warning.sessions:
            flagged.setdefault(session.pk, []).append(warning)
    days = list(event.days)
    by_day, outside = {day: [] for day in days}, []
    for session in sessions:
        starts = timezone.localtime(session.starts_at, event.zone)
        ends = timezone.localtime(session.ends_at, event.zone)
        row = {
            "session": session,
            "starts": starts,
            "ends": ends,
            "warnings": flagged.get(session.pk, []),
        }
        by_day.get(starts.date(), outside).append(row)
    try:
        day = dt.date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        day = None
    if day not in by_day:
        today = timezone.localtime(timezone.now(), event.zone).date()
        day = today if today in by_day else (days[0] if days else None)
    tabs = [
        {"day": d, "count": len(by_day[d]), "url": _agenda_url(event, d), "current": d == day}
        for d in days
    ]
    return render(
        request,
        "events/manage/agenda.html",
        {
            "event": event,
            "tab": "agenda",
            "tabs": tabs,
            "day": day,
            "rows": by_day.get(day, []),
            "outside": outside,
            "warnings": warnings,
            "rooms": {row["session"].room for row in by_day.get(day, []) if row["session"].room},
            "held_back": sum(1 for session in sessions if session.held_back),
        },
    )


@cohost_required(queryset=MANAGED_EVENT)
@require_http_methods(["POST"])
def agenda_publish(request, event):
    """Co-hosts and organisers of this event (and staff): show the sessions held back for a
    clash in the public agenda, after confirming (the clashes still open are listed)."""
    if page := ask_first(
        request,
        title=_("Publish the agenda?"),
        detail=_("The sessions held back for a clash appear in the public agenda and exports."),
        confirm=_("Yes, publish the agenda"),
        back=_agenda_url(event),
        warnings=[warning.message for warning in selectors.agenda_warnings(event)],
    ):
        return page
    shown = services.publish_agenda(event, actor=request.user)
    messages.success(
        request,
        ngettext(
            "The agenda is published: %(count)s held-back session is now public.",
            "The agenda is published: %(count)s held-back sessions are now public.",
            shown,
        )
        % {"count": shown},
    )
    return redirect(_agenda_url(event))


@cohost_required(queryset=MANAGED_EVENT)
@require_http_methods(["GET", "POST"])
def rooms(request, event):
    """Co-hosts and organisers of this event (and staff): add, rename and remove rooms."""
    event_rooms = list(event.rooms.order_by("position", "name"))
    new_form = RoomForm(prefix="new")
    forms_by_room = {
        room.pk: RoomForm(instance=room, prefix=f"room-{room.pk}") for room in event_rooms
    }
    if request.method == "POST":
        action = request.POST.get("action", "")
        room = None
        if action in {"save", "delete"}:
            room = get_object_or_404(Room, pk=request.POST.get("room"), event=event)
        if action == "delete":
            here = reverse("events:manage-rooms", kwargs={"slug": event.slug})
            if page := ask_first(
                request,
                title=_("Remove the room “%(name)s”?") % {"name": room.name},
                detail=_("Its sessions stay in the agenda, without a room."),
                confirm=_("Yes, remove the room"),
                back=here,
            ):
                return page
            services.delete_room(room, actor=request.user)
            messages.success(request, _("The room was removed."))
            return redirect("events:manage-rooms", slug=event.slug)
        form = RoomForm(request.POST, prefix=f"room-{room.pk}" if room else "new")
        # The model form checks name, capacity and position; the service checks the rest.
        form.instance = Room(event=event)
        if form.is_valid():
            try:
                services.save_room(
                    event,
                    actor=request.user,
                    room=room,
                    name=form.cleaned_data["name"],
                    capacity=form.cleaned_data["capacity"],
                    position=form.cleaned_data["position"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The room was saved."))
                return redirect("events:manage-rooms", slug=event.slug)
        if room is None:
            new_form = form
        else:
            forms_by_room[room.pk] = form
    return render(
        request,
        "events/manage/rooms.html",
        {
            "event": event,
            "tab": "rooms",
            "new_form": new_form,
            "room_forms": [(room, forms_by_room[room.pk]) for room in event_rooms],
        },
    )


def _session_page(request, event, session=None):
    if request.method == "POST":
        form = SessionForm(request.POST, event=event, session=session)
        people = SessionPeopleFormSet(request.POST, prefix="people")
        if form.is_valid() and people.is_valid():
            try:
                if session is None:
                    session = services.create_session(
                        event, actor=request.user, people=people.entries(), **form.session_fields()
                    )
                else:
                    services.update_session(
                        session,
                        actor=request.user,
                        people=people.entries(),
                        **form.session_fields(),
                    )
            except ValidationError as error:
                add_service_errors(
                    form,
                    error,
                    aliases={"ends_at": "end_time", "starts_at": "start_time", "people": None},
                )
            else:
                messages.success(request, _("“%(title)s” was saved.") % {"title": session.title})
                _warn_about(request, event, session)
                day = timezone.localtime(session.starts_at, event.zone).date()
                return redirect(_agenda_url(event, day))
    else:
        initial = {}
        if session is None and request.GET.get("day"):
            initial = {"day": request.GET["day"]}
        form = SessionForm(
            event=event, session=session, **({"initial": initial} if initial else {})
        )
        people = SessionPeopleFormSet(
            prefix="people", initial=people_initial(session) if session else None
        )
    return render(
        request,
        "events/manage/session_form.html",
        {"event": event, "tab": "agenda", "form": form, "people": people, "session": session},
    )


@cohost_required(queryset=MANAGED_EVENT)
@require_http_methods(["GET", "POST"])
def session_create(request, event):
    """Co-hosts and organisers of this event (and staff): add a session to the agenda (once the
    event's dates are set)."""
    if not event.has_dates:
        messages.warning(request, _("Set the event's dates before adding sessions."))
        return redirect("events:manage", slug=event.slug)
    return _session_page(request, event)


@cohost_required(queryset=MANAGED_EVENT)
@require_http_methods(["GET", "POST"])
def session_edit(request, event, pk):
    """Co-hosts and organisers of this event (and staff): change one of its sessions."""
    session = get_object_or_404(Session.objects.select_related("room"), pk=pk, event=event)
    return _session_page(request, event, session)


@cohost_required(queryset=MANAGED_EVENT)
@require_http_methods(["GET", "POST"])
def session_delete(request, event, pk):
    """Co-hosts and organisers of this event (and staff): remove a session, after confirming."""
    session = get_object_or_404(Session, pk=pk, event=event)
    day = timezone.localtime(session.starts_at, event.zone).date()
    if request.method == "POST":
        title = session.title
        try:
            services.delete_session(session, actor=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("“%(title)s” was removed.") % {"title": title})
        return redirect(_agenda_url(event, day))
    return render(
        request,
        "events/manage/session_confirm_delete.html",
        {"event": event, "tab": "agenda", "session": session, "back": _agenda_url(event, day)},
    )


@cohost_required(queryset=MANAGED_EVENT)
@require_http_methods(["GET", "POST"])
def material_upload(request, event, pk):
    """Co-hosts and organisers of this event (and staff): slides and files of a session."""
    session = get_object_or_404(Session, pk=pk, event=event)
    form = MaterialForm()
    if request.method == "POST":
        if request.POST.get("action") == "delete":
            material = get_object_or_404(Material, pk=request.POST.get("material"), session=session)
            here = reverse("events:manage-materials", kwargs={"slug": event.slug, "pk": session.pk})
            if page := ask_first(
                request,
                title=_("Remove the file “%(title)s”?") % {"title": material.title},
                detail=_("It is no longer offered on the session's page. This cannot be undone."),
                confirm=_("Yes, remove the file"),
                back=here,
            ):
                return page
            services.delete_material(material, actor=request.user)
            messages.success(request, _("The file was removed."))
            return redirect("events:manage-materials", slug=event.slug, pk=session.pk)
        form = MaterialForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.add_material(
                    session,
                    actor=request.user,
                    upload=form.cleaned_data["file"],
                    title=form.cleaned_data["title"],
                    kind=form.cleaned_data["kind"],
                )
            except ValidationError as error:
                add_service_errors(form, error, default="file")
            else:
                messages.success(request, _("The file was added."))
                return redirect("events:manage-materials", slug=event.slug, pk=session.pk)
    return render(
        request,
        "events/manage/materials.html",
        {
            "event": event,
            "tab": "agenda",
            "session": session,
            "materials": session.materials.order_by("uploaded_at", "pk"),
            "form": form,
            "back": _agenda_url(event, timezone.localtime(session.starts_at, event.zone).date()),
        },
    )
