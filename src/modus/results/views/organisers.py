"""The organisers' page of feedback: who was asked, the response rate, one more reminder, and
when the follow-up goes out. The edition's co-hosts and its programme's office."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import selectors, services
from ..errors import FeedbackError
from ..forms import FollowUpPlanForm, ReminderForm
from .access import for_edition_organisers


def _context(event, plan_form=None):
    return {
        "event": event,
        "rates": selectors.response_rates(event),
        "months": services.follow_up_months(event),
        "opens": services.follow_up_opens(event),
        "closes": services.closes(event),
        "reminder_days": services.reminder_days(),
        "plan_form": plan_form
        or FollowUpPlanForm(initial={"months": services.follow_up_months(event)}),
    }


@require_GET
@for_edition_organisers
def responses(request, event):
    """Co-hosts and the programme office: the response rates of feedback and follow-up."""
    return render(request, "results/responses.html", _context(event))


@require_POST
@for_edition_organisers
def remind(request, event):
    """Co-hosts and the programme office: one more reminder to those who have not answered."""
    form = ReminderForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose feedback or follow-up."))
        return redirect("results:responses", slug=event.slug)
    try:
        sent = services.send_extra_reminder(event, form.cleaned_data["kind"], actor=request.user)
    except FeedbackError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Reminders sent: %(count)d.") % {"count": sent})
    return redirect("results:responses", slug=event.slug)


@require_POST
@for_edition_organisers
def plan(request, event):
    """Co-hosts and the programme office: how many months after the event the follow-up goes."""
    form = FollowUpPlanForm(request.POST)
    if not form.is_valid():
        return render(request, "results/responses.html", _context(event, form), status=400)
    services.plan_follow_up(event, form.cleaned_data["months"], actor=request.user)
    messages.success(request, _("The follow-up plan is saved."))
    return redirect("results:responses", slug=event.slug)
