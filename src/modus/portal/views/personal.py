"""Each person's own pages: the dashboard they land on after logging in, and their one agenda
(sessions and B2B meetings of every event together)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from modus.accounts.services import renew_calendar_link
from modus.events.calendars import personal_agenda_token
from modus.matchmaking.models import MeetingOutcome
from modus.matchmaking.selectors import agendas_of

from ..selectors import dashboard_of


@login_required
@require_GET
def dashboard(request):
    """Logged-in users: their own registrations, meetings, agenda, applications, reviews, jury
    sheets, the events they manage and the outcomes they still have to record."""
    return render(request, "portal/dashboard.html", {"dashboard": dashboard_of(request.user)})


@login_required
@require_GET
def my_agenda(request):
    """Logged-in users: their one agenda, every event's sessions and meetings by day."""
    feed_url = request.build_absolute_uri(
        reverse("events:my-agenda-ics", kwargs={"token": personal_agenda_token(request.user)})
    )
    return render(
        request,
        "portal/my_agenda.html",
        {
            "agendas": agendas_of(request.user),
            "feed_url": feed_url,
            "outcome_choices": MeetingOutcome.Outcome.choices,
        },
    )


@login_required
@require_POST
def new_calendar_link(request):
    """Logged-in users, for their own calendar link only: a new secret; the old link stops."""
    renew_calendar_link(request.user)
    messages.success(
        request,
        _(
            "Your calendar has a new address; the old one no longer works. "
            "Subscribe to the new one."
        ),
    )
    return redirect(reverse("web:my-agenda") + "#feed-heading")
