"""The organisers' pages: set matchmaking up, run the scheduler, review, change and publish.

Organisers are the event's co-hosts (``events.permissions.cohost_required``): anonymous visitors
are sent to log in, anyone else gets 403.
"""

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from modus.api.problems import PROBLEM_CONTENT_TYPE, problem_exception_handler
from modus.events.models import Event
from modus.events.permissions import NotCohost, cohost_required, is_cohost
from modus.web.forms import add_service_errors

from .. import selectors, services
from ..forms import SetupForm
from ..models import ScheduleVersion, SchedulingRun
from ..tasks import enqueue_run

RUN_ERRORS = {
    "instance_invalid": gettext_lazy("The scheduler refused the event's data."),
    "not_set_up": gettext_lazy("Matchmaking is not set up for this event."),
    "not_cohost": gettext_lazy(
        "The person who started the run no longer organises this event; start it again."
    ),
    "engine_missing": gettext_lazy("The scheduling engine is not installed."),
    "engine_error": gettext_lazy(
        "The scheduler stopped with an internal error. Try again; if it happens again, tell the "
        "platform's administrators."
    ),
    "interrupted": gettext_lazy(
        "The run was interrupted (the background worker stopped). Start it again."
    ),
    "queue_unavailable": gettext_lazy(
        "The background job queue could not be reached. Try again in a few minutes."
    ),
}
# Codes whose stored detail is a message meant for organisers (the others are for the logs).
RUN_ERRORS_WITH_DETAIL = {"instance_invalid"}


@cohost_required
@require_http_methods(["GET", "POST"])
def setup(request, event):
    """Co-hosts and organisers of this event (and staff): switch matchmaking on, set rules."""
    mm_settings = selectors.settings_for(event)
    if request.method == "POST":
        form = SetupForm(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            deadline = data.pop("request_deadline")
            if deadline is not None:
                deadline = timezone.make_aware(deadline.replace(tzinfo=None), event.zone)
            try:
                services.configure_matchmaking(
                    event, actor=request.user, request_deadline=deadline, **data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The matchmaking settings were saved."))
                return redirect("matchmaking:setup", slug=event.slug)
    elif mm_settings:
        deadline = mm_settings.request_deadline
        form = SetupForm(
            initial={
                "enabled": mm_settings.enabled,
                "windows": SetupForm.windows_text(mm_settings.windows),
                "slot_minutes": mm_settings.slot_minutes,
                "tables": mm_settings.tables,
                "virtual": mm_settings.virtual,
                "video_link": mm_settings.video_link,
                "max_meetings": mm_settings.max_meetings,
                "request_deadline": timezone.localtime(deadline, event.zone).replace(tzinfo=None)
                if deadline
                else None,
                "allowed_roles": mm_settings.allowed_roles,
            }
        )
    else:
        form = SetupForm()
    return render(request, "matchmaking/setup.html", {"event": event, "form": form})


@cohost_required
@require_http_methods(["GET", "POST"])
def schedule(request, event):
    """Co-hosts and organisers of this event (and staff): run the scheduler or reschedule,
    review the draft in a grid by slot and table, publish; the event's history of runs,
    publications, moves and imports."""
    if request.method == "POST":
        return _schedule_action(request, event)
    mm_settings = selectors.settings_for(event)
    published = selectors.published_version(event)
    latest = selectors.latest_version(event)
    draft = latest if latest and latest.status == ScheduleVersion.Status.DRAFT else None
    shown = draft or published
    run = selectors.latest_run(event)
    meetings = list(selectors.version_meetings(shown)) if shown else []
    changes = selectors.schedule_changes(published, draft) if draft and published else None
    return render(
        request,
        "matchmaking/schedule.html",
        {
            "event": event,
            "settings": mm_settings,
            "published": published,
            "draft": draft,
            "version": shown,
            "changes": changes,
            "grid": selectors.schedule_grid(event, mm_settings, meetings),
            "meeting_count": len(meetings),
            "unplaced": selectors.unplaced_requests(shown) if shown else [],
            "figures": selectors.figures(shown) if shown else [],
            "cancelled": list(selectors.cancelled_meetings(published)) if published else [],
            "run": run,
            "run_error": _run_error(run) if run else "",
            "run_text": _run_text(run) if run else "",
            "run_steps": run_steps(run) if run else [],
        },
    )


def _schedule_action(request, event):
    action = request.POST.get("action")
    try:
        if action == "run":
            _start_run(request, event)
        elif action == "reschedule":
            version = services.reschedule_after_changes(event, actor=request.user)
            messages.success(request, reschedule_message(version))
        elif action == "publish":
            version = get_object_or_404(
                ScheduleVersion, event=event, pk=request.POST.get("version")
            )
            if selectors.published_version(event) is not None:
                return redirect("matchmaking:publish", slug=event.slug, pk=version.pk)
            services.publish(version, actor=request.user)
            messages.success(
                request, _("The schedule is published; every participant was e-mailed their plan.")
            )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("matchmaking:schedule", slug=event.slug)


def reschedule_message(version) -> str:
    return (
        _(
            "New draft: %(kept)d meetings kept, %(moved)d moved, %(added)d added, %(dropped)d "
            "cancelled. Review it below and publish it."
        )
        % version.stats["changes"]
    )


STEP_ORDER = [SchedulingRun.Phase.INSTANCE, SchedulingRun.Phase.SOLVE, SchedulingRun.Phase.SAVING]


def run_steps(run: SchedulingRun) -> list[dict]:
    """The phases of a run, each done (with the seconds it really took), current or to come."""
    if run.steps:
        return [
            {
                "label": SchedulingRun.Phase(step["phase"]).label
                if step["phase"] in SchedulingRun.Phase.values
                else _("In all"),
                "seconds": step["seconds"],
                "state": "total" if step["phase"] == "total" else "done",
            }
            for step in run.steps
        ]
    if not run.is_active:
        return []
    current = STEP_ORDER.index(run.phase) if run.phase in STEP_ORDER else -1
    return [
        {
            "label": phase.label,
            "seconds": None,
            "state": "done" if k < current else "current" if k == current else "waiting",
        }
        for k, phase in enumerate(STEP_ORDER)
    ]


def _start_run(request, event) -> None:
    """Queue a run and hand it to the workers once it is committed (inline: done right away)."""
    run = services.start_run(event, actor=request.user)
    transaction.on_commit(partial(enqueue_run, run.pk))
    run.refresh_from_db()
    if run.status == SchedulingRun.Status.DONE:
        messages.success(request, _("The scheduler has run; review the draft below."))
    elif run.is_active:
        messages.info(request, _("The scheduler has started; this page shows its progress."))
    # A failed run is explained on the page itself.


def _run_error(run: SchedulingRun) -> str:
    if run.status != SchedulingRun.Status.FAILED:
        return ""
    message = RUN_ERRORS.get(run.error)
    if message is None:
        return _("The run failed (%(code)s).") % {"code": run.error or "unknown"}
    if run.error in RUN_ERRORS_WITH_DETAIL and run.error_detail:
        return f"{message} {run.error_detail}"
    return str(message)


def _run_text(run: SchedulingRun) -> str:
    """What the live region says: the phase, and the progress in steps of ten (so a screen
    reader is not interrupted every second)."""
    if run.status == SchedulingRun.Status.QUEUED:
        return _("Waiting for a worker to start the scheduler.")
    if run.status == SchedulingRun.Status.RUNNING:
        return _("%(phase)s: about %(percent)s%% done.") % {
            "phase": run.get_phase_display(),
            "percent": run.progress // 10 * 10,
        }
    if run.status == SchedulingRun.Status.DONE:
        return _("The scheduler has finished.")
    return _("The scheduler failed.")


def _problem(error: Exception) -> JsonResponse:
    """The API's problem document (RFC 9457) for ``error``, from a page's JSON view."""
    response = problem_exception_handler(error, {})
    return JsonResponse(
        response.data, status=response.status_code, content_type=PROBLEM_CONTENT_TYPE
    )


@never_cache
@require_GET
def run_status(request, slug, pk):
    """Co-hosts and organisers of this event (and staff): one scheduling run's progress as JSON,
    polled by the schedule page. Anyone else: 403 (404 for a run of another event)."""
    event = get_object_or_404(Event, slug=slug)
    if not is_cohost(request.user, event):
        return _problem(NotCohost(_("Only the organisers of this event may see its runs.")))
    run = selectors.run_of(event, pk)
    if run is None:
        return _problem(Http404(_("No such run.")))
    return JsonResponse(
        {
            "id": run.pk,
            "status": run.status,
            "status_label": run.get_status_display(),
            "active": run.is_active,
            "phase": run.phase,
            "phase_label": run.get_phase_display(),
            "progress": run.progress,
            "text": _run_text(run),
            "error": run.error,
            "error_message": _run_error(run),
            "version": run.version_id,
        }
    )
