"""Organisers change a schedule by hand: move or pin a meeting of a draft, reschedule after
changes (cancellations, late requests, people leaving early) keeping the published meetings."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from modus.web.forms import add_service_errors

from . import selectors, services, services_changes
from .forms_changes import MoveMeetingForm
from .models import Meeting, ScheduleVersion
from .views import _slot_label, organisers_only


@organisers_only
@require_http_methods(["GET", "POST"])
def move_meeting(request, event, pk):
    """Co-hosts and organisers of this event (and staff): move or pin a meeting of a draft."""
    meeting = get_object_or_404(
        Meeting.objects.select_related("version").prefetch_related("participants__user"),
        version__event=event,
        version__status=ScheduleVersion.Status.DRAFT,
        pk=pk,
    )
    slot_list = services.slots(services.settings_for(event))
    choices = [(slot.id, _slot_label(slot)) for slot in slot_list]
    if request.method == "POST":
        form = MoveMeetingForm(request.POST, slot_choices=choices)
        if form.is_valid():
            try:
                services_changes.move_meeting(
                    meeting,
                    actor=request.user,
                    slot_id=form.cleaned_data["slot"],
                    table=form.cleaned_data["table"],
                    pinned=form.cleaned_data["pinned"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The meeting was moved."))
                return redirect("matchmaking:schedule", slug=event.slug)
    else:
        form = MoveMeetingForm(
            initial={"slot": meeting.slot_id, "table": meeting.table, "pinned": True},
            slot_choices=choices,
        )
    return render(
        request,
        "matchmaking/changes/move.html",
        {"event": event, "meeting": meeting, "form": form},
    )


@organisers_only
@require_http_methods(["GET", "POST"])
def reschedule(request, event):
    """Co-hosts and organisers of this event (and staff): a new draft after changes that keeps
    the published meetings in place; publishing it e-mails only the people affected."""
    published = selectors.published_version(event)
    if request.method == "POST":
        try:
            version = services_changes.reschedule_after_changes(event, actor=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            changes = version.stats["changes"]
            messages.success(
                request,
                _(
                    "New draft: %(kept)d meetings kept, %(moved)d moved, %(added)d added, "
                    "%(dropped)d dropped."
                )
                % changes,
            )
            return redirect("matchmaking:schedule", slug=event.slug)
    return render(
        request,
        "matchmaking/changes/reschedule.html",
        {"event": event, "published": published},
    )
