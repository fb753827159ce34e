"""The organisers' changes after the scheduler ran: moving a meeting of a draft, rescheduling,
and publishing a draft over a published schedule after looking at what it changes.

Publishing over a published schedule always passes through ``publish_preview``: it lists the
meetings moved, added and cancelled, the people who will be e-mailed and the outcomes that
would stay with cancelled meetings, and asks for confirmation in a plain form (no script).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from modus.events.permissions import cohost_required
from modus.web.forms import add_service_errors

from .. import selectors, services
from ..forms import MoveMeetingForm
from ..models import ScheduleVersion
from .organisers import reschedule_message


@cohost_required
@require_http_methods(["GET", "POST"])
def move_meeting(request, event, pk):
    """Co-hosts and organisers of this event (and staff): move or pin a meeting of a draft."""
    meeting = get_object_or_404(selectors.draft_meetings(event), pk=pk)
    choices = [(slot.id, slot.label) for slot in selectors.slots(selectors.settings_for(event))]
    if request.method == "POST":
        form = MoveMeetingForm(request.POST, slot_choices=choices)
        if form.is_valid():
            try:
                services.move_meeting(
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


@cohost_required
@require_http_methods(["GET", "POST"])
def reschedule(request, event):
    """Co-hosts and organisers of this event (and staff): a new draft after changes that keeps
    the published meetings in place; publishing it e-mails only the people affected."""
    published = selectors.published_version(event)
    if request.method == "POST":
        try:
            version = services.reschedule_after_changes(event, actor=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, reschedule_message(version))
            return redirect("matchmaking:schedule", slug=event.slug)
    return render(
        request,
        "matchmaking/changes/reschedule.html",
        {"event": event, "published": published},
    )


@cohost_required
@require_http_methods(["GET", "POST"])
def publish_preview(request, event, pk):
    """Co-hosts and organisers of this event (and staff): what publishing this draft changes,
    and the confirmation; nothing is published without it."""
    draft = get_object_or_404(
        ScheduleVersion, event=event, pk=pk, status=ScheduleVersion.Status.DRAFT
    )
    published = selectors.published_version(event)
    if published is None:  # nothing to lose: the schedule page publishes it directly
        return redirect("matchmaking:schedule", slug=event.slug)
    if request.method == "POST":
        try:
            confirm_over = int(request.POST.get("confirm_over", ""))
        except ValueError:
            confirm_over = None
        try:
            services.publish(draft, actor=request.user, confirm_over=confirm_over)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("matchmaking:publish", slug=event.slug, pk=draft.pk)
        messages.success(
            request,
            _(
                "The new schedule is published; only the participants whose meetings changed "
                "were e-mailed, each with their changes."
            ),
        )
        return redirect("matchmaking:schedule", slug=event.slug)
    changes = selectors.schedule_changes(published, draft)
    return render(
        request,
        "matchmaking/changes/publish.html",
        {
            "event": event,
            "draft": draft,
            "published": published,
            "changes": changes,
            "affected": changes.affected_profiles(),
        },
    )
