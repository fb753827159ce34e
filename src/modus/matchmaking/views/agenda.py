"""Personal agendas (web, iCalendar, PDF), the organisers' printout, and meeting outcomes.

A participant only ever reaches their own agenda: no URL names another person. Meetings come
from the published schedule only.
"""

from django.contrib import messages
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from modus.events.permissions import cohost_required

from .. import pdf, selectors, services
from ..calendars import agenda_calendar
from ..permissions import participant_required
from .participants import act


def _download(body: bytes, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def my_agenda(request, slug):
    """Anybody: the one "My agenda" is the portal's now; this event's part of it."""
    return HttpResponsePermanentRedirect(f"{reverse('web:my-agenda')}#event-{slug}")


@participant_required
@require_GET
def my_agenda_ics(request, event):
    """This event's confirmed participants (allowed roles): their own agenda as iCalendar."""
    agenda = selectors.personal_agenda(event, request.user, mm_settings=request.matchmaking)
    body = agenda_calendar(agenda, base_url=request.build_absolute_uri("/"))
    return _download(
        body, content_type="text/calendar; charset=utf-8", filename=f"{event.slug}-agenda.ics"
    )


@participant_required
@require_GET
def my_agenda_pdf(request, event):
    """This event's confirmed participants (allowed roles): their own agenda, printable."""
    agenda = selectors.personal_agenda(event, request.user, mm_settings=request.matchmaking)
    return _download(
        pdf.agenda_pdf(agenda), content_type="application/pdf", filename=f"{event.slug}-agenda.pdf"
    )


@participant_required
@require_POST
def record_outcome(request, event, pk):
    """The two sides of a published meeting (only they): record what came of it."""
    meeting = get_object_or_404(selectors.meetings_at(event), pk=pk)
    outcome = request.POST.get("outcome")
    act(
        request,
        lambda: services.record_outcome(meeting, actor=request.user, outcome=outcome),
        success=_("The outcome was saved."),
    )
    return redirect(f"{reverse('web:my-agenda')}#event-{event.slug}")


@cohost_required
@require_GET
def all_agendas_pdf(request, event):
    """Co-hosts and organisers of this event (and staff): every agenda and the table plan."""
    version = selectors.published_version(event) or selectors.latest_version(event)
    if version is None:
        messages.error(request, _("Run the scheduler first."))
        return redirect("matchmaking:schedule", slug=event.slug)
    body = pdf.organiser_pdf(
        event, selectors.all_agendas(event, version), selectors.table_plan(event, version)
    )
    return _download(body, content_type="application/pdf", filename=f"{event.slug}-agendas.pdf")


@cohost_required
@require_GET
def outcome_totals(request, event):
    """Co-hosts and organisers of this event (and staff): how many meetings led to what."""
    version = selectors.published_version(event)
    return render(
        request,
        "matchmaking/agenda/outcomes.html",
        {
            "event": event,
            "version": version,
            "draft": version is None and selectors.latest_version(event) is not None,
            "totals": selectors.outcome_totals(version) if version else [],
        },
    )
