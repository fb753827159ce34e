"""Matchmaking pages: organisers set up and schedule; participants browse, ask and meet.

Participants are the event's confirmed registrations with an allowed role; organisers are its
co-hosts (``is_cohost``). Anonymous visitors are sent to log in; anyone else gets 403.
Nobody sees another participant's requests, nor a schedule before it is published, unless they
organise the event.
"""

from functools import partial, wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from modus.events.models import Event
from modus.events.permissions import is_cohost
from modus.web.forms import add_service_errors

from . import selectors, services
from .forms import AvailabilityForm, FilterForm, ProfileForm, RequestForm, SetupForm
from .models import MeetingRequest, ScheduleVersion, SchedulingRun

REASONS = {
    "no_common_free_slot": gettext_lazy("no free slot that suits both sides"),
    "participant_full": gettext_lazy("a participant already has the most meetings allowed"),
    "tables_full": gettext_lazy("all tables are taken in the free slots"),
}

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


def _event_or_404(slug):
    return get_object_or_404(Event, slug=slug)


def organisers_only(view):
    """Co-hosts and organisers of the event (and staff)."""

    @wraps(view)
    def wrapper(request, slug, *args, **kwargs):
        event = _event_or_404(slug)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_cohost(request.user, event):
            raise PermissionDenied
        return view(request, event, *args, **kwargs)

    return wrapper


def participants_only(view=None, *, organisers_too=False):
    """Confirmed participants of the event with an allowed role, while matchmaking is on."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, slug, *args, **kwargs):
            event = _event_or_404(slug)
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            mm_settings = services.settings_for(event)
            organiser = is_cohost(request.user, event)
            if not (organisers_too and organiser) and not services.is_eligible(
                request.user, event, mm_settings
            ):
                if mm_settings is None or not mm_settings.enabled:
                    raise Http404
                raise PermissionDenied
            request.matchmaking = mm_settings
            return view(request, event, *args, **kwargs)

        return wrapper

    return decorate(view) if view else decorate


def _slot_label(slot) -> str:
    return f"{slot.start:%a %d %b %H:%M}–{slot.end:%H:%M}"


# Organisers --------------------------------------------------------------------------------


@organisers_only
@require_http_methods(["GET", "POST"])
def setup(request, event):
    """Co-hosts and organisers of this event (and staff): switch matchmaking on, set rules."""
    mm_settings = services.settings_for(event)
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


@organisers_only
@require_http_methods(["GET", "POST"])
def schedule(request, event):
    """Co-hosts and organisers of this event (and staff): run the scheduler, review, publish."""
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "run":
                _start_run(request, event)
            elif action == "publish":
                version = get_object_or_404(
                    ScheduleVersion, event=event, pk=request.POST.get("version")
                )
                services.publish(version, actor=request.user)
                messages.success(
                    request, _("The schedule is published; participants were e-mailed.")
                )
        except ImportError:
            messages.error(request, _("The scheduling engine is not installed."))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect("matchmaking:schedule", slug=event.slug)
    version = selectors.latest_version(event)
    run = services.latest_run(event)
    meetings = []
    unplaced = []
    if version:
        meetings = list(
            version.meetings.prefetch_related("participants__user").order_by("starts_at", "table")
        )
        for item in version.stats.get("unplaced", []):
            unplaced.append(
                {
                    "with": item.get("with", []),
                    "reason": REASONS.get(item.get("reason"), item.get("reason", "")),
                }
            )
    return render(
        request,
        "matchmaking/schedule.html",
        {
            "event": event,
            "version": version,
            "meetings": meetings,
            "unplaced": unplaced,
            "settings": services.settings_for(event),
            "run": run,
            "run_error": _run_error(run) if run else "",
            "run_text": _run_text(run) if run else "",
        },
    )


def _start_run(request, event) -> None:
    """Queue a run and hand it to the workers once it is committed (inline: done right away)."""
    from .tasks import enqueue_run

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


def _problem(status: int, title: str, code: str) -> JsonResponse:
    return JsonResponse(
        {"type": "about:blank", "title": title, "status": status, "code": code},
        status=status,
        content_type="application/problem+json",
    )


@never_cache
@require_GET
def run_status(request, slug, pk):
    """Co-hosts and organisers of this event (and staff): one scheduling run's progress as JSON,
    polled by the schedule page. Anyone else: 403 (404 for a run of another event)."""
    event = _event_or_404(slug)
    if not is_cohost(request.user, event):
        return _problem(403, _("Only the organisers of this event may see its runs."), "not_cohost")
    run = SchedulingRun.objects.filter(event=event, pk=pk).first()
    if run is None:
        return _problem(404, _("No such run."), "not_found")
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


# Participants ------------------------------------------------------------------------------


@participants_only(organisers_too=True)
@require_http_methods(["GET"])
def marketplace(request, event):
    """This event's confirmed participants (allowed roles) and its organisers: the marketplace."""
    form = FilterForm(request.GET or None, event=event)
    filters = form.cleaned_data if form.is_valid() else {}
    profiles = selectors.marketplace(
        event,
        ecosystem=filters.get("ecosystem"),
        region=filters.get("region"),
        kind=filters.get("kind", ""),
        text=filters.get("q", ""),
    )
    return render(
        request,
        "matchmaking/marketplace.html",
        {
            "event": event,
            "form": form,
            "profiles": profiles,
            "own": services.profile_of(request.user, event),
        },
    )


@participants_only
@require_http_methods(["GET", "POST"])
def my_profile(request, event):
    """This event's confirmed participants (allowed roles): their own marketplace profile."""
    profile = services.profile_of(request.user, event)
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                services.opt_in(event, actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your marketplace profile was saved."))
                return redirect("matchmaking:marketplace", slug=event.slug)
    elif profile:
        form = ProfileForm(
            initial={
                "offers": profile.offers,
                "seeks": profile.seeks,
                "ecosystems": list(profile.ecosystems.all()),
                "opted_in": profile.opted_in,
            }
        )
    else:
        form = ProfileForm(initial={"opted_in": True})
    return render(
        request, "matchmaking/my_profile.html", {"event": event, "form": form, "profile": profile}
    )


@participants_only(organisers_too=True)
@require_http_methods(["GET", "POST"])
def profile_detail(request, event, pk):
    """This event's confirmed participants (allowed roles) and organisers: one profile; a
    participant may ask for a meeting."""
    profile = get_object_or_404(
        services.eligible_profiles(event).select_related("user", "organisation").distinct(),
        pk=pk,
    )
    own = services.profile_of(request.user, event)
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_meeting(
                event, actor=request.user, to_profile=profile, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your request was sent."))
            return redirect("matchmaking:requests", slug=event.slug)
    already = bool(
        own and not form.errors and own.sent_requests.filter(to_profile=profile).exists()
    )
    return render(
        request,
        "matchmaking/profile_detail.html",
        {
            "event": event,
            "profile": profile,
            "own": own,
            "form": form,
            "already": already,
            "ecosystems": profile.ecosystems.all(),
        },
    )


@participants_only
@require_http_methods(["GET"])
def my_requests(request, event):
    """This event's confirmed participants (allowed roles): their own requests, in and out."""
    profile = services.profile_of(request.user, event)
    incoming, outgoing = selectors.requests_of(profile) if profile else ([], [])
    return render(
        request,
        "matchmaking/requests.html",
        {"event": event, "profile": profile, "incoming": incoming, "outgoing": outgoing},
    )


@participants_only
@require_POST
def answer_request(request, event, pk):
    """The participant who was asked (only they): accept or decline a request."""
    meeting_request = get_object_or_404(
        MeetingRequest.objects.select_related("to_profile"), event=event, pk=pk
    )
    try:
        services.answer_request(
            meeting_request, actor=request.user, accept=request.POST.get("answer") == "accept"
        )
    except PermissionDenied:
        raise
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Your answer was saved."))
    return redirect("matchmaking:requests", slug=event.slug)


@participants_only
@require_http_methods(["GET", "POST"])
def my_availability(request, event):
    """This event's confirmed participants (allowed roles) with a profile: when they can meet."""
    profile = services.profile_of(request.user, event)
    if profile is None:
        return redirect("matchmaking:my-profile", slug=event.slug)
    slot_list = services.slots(request.matchmaking)
    blocked = services.blocked_slot_ids(event, [request.user.pk], slot_list).get(
        request.user.pk, set()
    )
    choices = [(slot.id, _slot_label(slot)) for slot in slot_list]
    if request.method == "POST":
        form = AvailabilityForm(request.POST, slot_choices=choices)
        if form.is_valid():
            available = set(form.cleaned_data["available"])
            services.set_availability(
                profile,
                actor=request.user,
                unavailable=[slot.id for slot in slot_list if slot.id not in available],
            )
            messages.success(request, _("Your availability was saved."))
            return redirect("matchmaking:availability", slug=event.slug)
    else:
        unavailable = set(getattr(getattr(profile, "availability", None), "unavailable", []))
        form = AvailabilityForm(
            initial={"available": [s.id for s in slot_list if s.id not in unavailable]},
            slot_choices=choices,
        )
    blocked_labels = [_slot_label(slot) for slot in slot_list if slot.id in blocked]
    return render(
        request,
        "matchmaking/availability.html",
        {"event": event, "form": form, "blocked": blocked_labels},
    )


@participants_only
@require_http_methods(["GET"])
def my_meetings(request, event):
    """This event's confirmed participants (allowed roles): their meetings once published."""
    profile = services.profile_of(request.user, event)
    version = selectors.published_version(event)
    meetings = selectors.meetings_of(profile, version) if profile and version else []
    return render(
        request,
        "matchmaking/meetings.html",
        {
            "event": event,
            "version": version,
            "meetings": meetings,
            "settings": request.matchmaking,
        },
    )
