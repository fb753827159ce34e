"""Setting up a pitching session: the co-hosts' call for pitches and the running order, with
their switches for the jury's score sheets, the audience vote and the results.

Both pages are for the event's co-hosts (and staff), ``may_manage_call``; anonymous visitors
log in first, anyone else gets 403. The jury itself is chosen on the call's manage page.
"""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from modus.events.permissions import is_cohost
from modus.web.confirm import ask_first
from modus.web.forms import add_service_errors

from ... import selectors, services
from ...forms.pitching import DEFAULT_CRITERIA, CriterionFormSet, PitchCallForm
from ...models import Call
from ...permissions import may_manage_call
from ..access import login_or_403


@require_http_methods(["GET", "POST"])
def pitch_call_create(request, event_slug, session_pk):
    """Co-hosts of the event (and staff): attach a call for pitches to a pitching session."""
    event = selectors.event_or_404(event_slug)
    if refusal := login_or_403(request, is_cohost(request.user, event)):
        return refusal
    session = selectors.pitching_session_or_404(event, session_pk)
    existing = selectors.pitch_call_of(session)
    if existing is not None:
        messages.info(request, _("This session already has a call for pitches."))
        return redirect("selection:call-manage", slug=existing.slug)
    if request.method == "POST":
        form = PitchCallForm(request.POST, time_zone=event.time_zone)
        criteria = CriterionFormSet(request.POST, prefix="criteria")
        if form.is_valid() and criteria.is_valid():
            try:
                call = services.create_pitch_call(
                    session,
                    actor=request.user,
                    local_deadline=form.cleaned_data["local_deadline"],
                    criteria=criteria.entries(),
                    open_now=form.cleaned_data["open_now"],
                    **form.call_fields(),
                )
            except ValidationError as error:
                add_service_errors(form, error, aliases={"local_deadline": "deadline_date"})
            else:
                if call.status == Call.Status.OPEN:
                    messages.success(request, _("The call for pitches is open."))
                else:
                    messages.success(request, _("The call for pitches is saved as a draft."))
                return redirect("selection:call-manage", slug=call.slug)
    else:
        form = PitchCallForm(
            time_zone=event.time_zone,
            initial={
                "title": _("Pitch at “%(session)s”") % {"session": session.title},
                "deadline_date": (
                    timezone.localtime(session.starts_at, event.zone) - dt.timedelta(days=14)
                ).date(),
            },
        )
        criteria = CriterionFormSet(prefix="criteria", initial=DEFAULT_CRITERIA)
    return render(
        request,
        "selection/pitch_call_form.html",
        {"event": event, "session": session, "form": form, "criteria": criteria},
    )


# Running order and the co-host's switches ------------------------------------------------------


def _moved(order: list[int], pk: int, step: int) -> list[int]:
    position = order.index(pk)
    target = position + step
    if 0 <= target < len(order):
        order[position], order[target] = order[target], order[position]
    return order


@never_cache
@require_http_methods(["GET", "POST"])
def running_order(request, slug):
    """Co-hosts of the event (and staff): order the selected pitches, prepare the jury's score
    sheets, open and close the audience vote, publish the results. The jury itself is chosen on
    the call's manage page."""
    call = selectors.call_or_404(slug, purpose=Call.Purpose.PITCHES)
    if refusal := login_or_403(request, may_manage_call(request.user, call)):
        return refusal
    here = reverse("selection:running-order", kwargs={"slug": call.slug})
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "publish" and (
            page := ask_first(
                request,
                title=_("Publish the results?"),
                detail=_(
                    "Everyone can then see the jury's ranking and the audience's favourite on "
                    "the results page."
                ),
                confirm=_("Yes, publish the results"),
                back=here,
                warnings=selectors.missing_sheet_warnings(call),
            )
        ):
            return page
        _running_order_action(request, call, action)
        return redirect(here)
    pitches = selectors.pitch_progress(call, votes=True)
    return render(
        request,
        "selection/running_order.html",
        {
            "call": call,
            "event": call.session.event,
            "session": call.session,
            "pitches": pitches,
            "jury": list(selectors.jury_of(call)),
            "total_votes": sum(p.votes_cast for p in pitches),
        },
    )


def _running_order_action(request, call: Call, action: str) -> None:
    """One button of the running-order page; the outcome goes to the messages."""
    user = request.user
    try:
        if action in ("up", "down"):
            order = list(selectors.selected_pitches(call).values_list("pk", flat=True))
            try:
                pk = int(request.POST.get("pitch", ""))
                order.index(pk)
            except ValueError:
                messages.error(request, _("This pitch is no longer selected."))
                return
            services.set_running_order(
                call, _moved(order, pk, -1 if action == "up" else 1), actor=user
            )
            messages.success(request, _("The running order is saved."))
        elif action == "prepare-jury":
            created = services.assign_jury(call, actor=user)
            messages.success(
                request,
                _("Score sheets prepared: %(count)s new.") % {"count": created},
            )
        elif action in ("open-voting", "close-voting"):
            services.set_voting(call, actor=user, open=action == "open-voting")
            if action == "open-voting":
                messages.success(request, _("Audience voting is open."))
            else:
                messages.success(request, _("Audience voting is closed."))
        elif action in ("publish", "unpublish"):
            services.publish_results(call, actor=user, published=action == "publish")
            if action == "publish":
                messages.success(request, _("The results are published."))
            else:
                messages.success(request, _("The results are hidden again."))
        else:
            messages.error(request, _("Unknown action."))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
