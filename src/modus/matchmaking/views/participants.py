"""The participants' pages: the marketplace, their profile, requests, availability, meetings.

Participants are the event's confirmed registrations with an allowed role
(``permissions.participant_required``). Nobody sees another participant's requests, nor a
schedule before it is published.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from modus.web.forms import add_service_errors

from .. import selectors, services
from ..forms import AvailabilityForm, FilterForm, ProfileForm, RequestForm
from ..permissions import participant_required

MARKETPLACE_PAGE = 20  # profiles per page


def act(request, action, *, success: str) -> None:
    """Do a participant's ``action`` (a service call) and tell them how it went: the rule it
    broke as a message, else ``success``. A refusal (``PermissionDenied``) stays a 403."""
    try:
        action()
    except PermissionDenied:
        raise
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)


@participant_required(cohosts_too=True)
@require_http_methods(["GET"])
def marketplace(request, event):
    """This event's confirmed participants (allowed roles) and its organisers: the marketplace,
    searchable and in pages, each card with where the viewer stands with that person."""
    form = FilterForm(request.GET or None, event=event)
    filters = form.cleaned_data if form.is_valid() else {}
    profiles = selectors.marketplace(
        event,
        ecosystem=filters.get("ecosystem"),
        region=filters.get("region"),
        kind=filters.get("kind", ""),
        text=filters.get("q", ""),
    )
    page = Paginator(profiles, MARKETPLACE_PAGE).get_page(request.GET.get("page"))
    own = selectors.profile_of(request.user, event)
    statuses = selectors.marketplace_statuses(own, [profile.pk for profile in page])
    for profile in page:
        profile.statuses = statuses.get(profile.pk, [])
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "matchmaking/marketplace.html",
        {
            "event": event,
            "form": form,
            "page": page,
            "profiles": page.object_list,
            "query": query.urlencode(),
            "own": own,
            "settings": request.matchmaking,
            "closed": selectors.deadline_passed(request.matchmaking),
        },
    )


@participant_required
@require_http_methods(["GET", "POST"])
def my_profile(request, event):
    """This event's confirmed participants (allowed roles): their own marketplace profile."""
    profile = selectors.profile_of(request.user, event)
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


@participant_required(cohosts_too=True)
@require_http_methods(["GET", "POST"])
def profile_detail(request, event, pk):
    """This event's confirmed participants (allowed roles) and organisers: one profile; a
    participant may ask for a meeting."""
    profile = get_object_or_404(
        selectors.eligible_profiles(event).select_related("user", "organisation").distinct(),
        pk=pk,
    )
    own = selectors.profile_of(request.user, event)
    closed = selectors.deadline_passed(request.matchmaking)
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
            "closed": closed,
            "settings": request.matchmaking,
            "statuses": selectors.marketplace_statuses(own, [profile.pk]).get(profile.pk, []),
            "ecosystems": profile.ecosystems.all(),
        },
    )


@participant_required
@require_http_methods(["GET"])
def my_requests(request, event):
    """This event's confirmed participants (allowed roles): their own requests, in and out."""
    profile = selectors.profile_of(request.user, event)
    incoming, outgoing = selectors.requests_of(profile) if profile else ([], [])
    return render(
        request,
        "matchmaking/requests.html",
        {"event": event, "profile": profile, "incoming": incoming, "outgoing": outgoing},
    )


@participant_required
@require_POST
def answer_request(request, event, pk):
    """The participant who was asked (only they): accept or decline a request."""
    meeting_request = get_object_or_404(selectors.requests_at(event), pk=pk)
    accept = request.POST.get("answer") == "accept"
    act(
        request,
        lambda: services.answer_request(meeting_request, actor=request.user, accept=accept),
        success=_("Your answer was saved."),
    )
    return redirect("matchmaking:requests", slug=event.slug)


@participant_required
@require_http_methods(["GET", "POST"])
def my_availability(request, event):
    """This event's confirmed participants (allowed roles) with a profile: when they can meet,
    in a grid by day and slot. Unticking a slot that holds a published meeting asks first."""
    profile = selectors.profile_of(request.user, event)
    if profile is None:
        return redirect("matchmaking:my-profile", slug=event.slug)
    slot_list = selectors.slots(request.matchmaking)
    blocked = selectors.blocked_slot_ids(event, [request.user.pk], slot_list).get(
        request.user.pk, set()
    )
    version = selectors.published_version(event)
    meetings = {m.slot_id: m for m in selectors.meetings_of(profile, version)} if version else {}
    choices = [(slot.id, slot.label) for slot in slot_list]
    conflicts = []
    if request.method == "POST":
        form = AvailabilityForm(request.POST, slot_choices=choices)
        if form.is_valid():
            available = set(form.cleaned_data["available"])
            conflicts = [m for slot_id, m in meetings.items() if slot_id not in available]
            if not conflicts or request.POST.get("confirm") == "yes":
                services.set_availability(
                    profile,
                    actor=request.user,
                    unavailable=[slot.id for slot in slot_list if slot.id not in available],
                )
                messages.success(request, _("Your availability was saved."))
                return redirect("matchmaking:availability", slug=event.slug)
        checked = set(request.POST.getlist("available"))
    else:
        unavailable = set(getattr(getattr(profile, "availability", None), "unavailable", []))
        checked = {s.id for s in slot_list if s.id not in unavailable}
        form = AvailabilityForm(initial={"available": sorted(checked)}, slot_choices=choices)
    days, rows = selectors.slot_grid(slot_list)
    rows = [
        (
            start,
            [
                slot
                and {"slot": slot, "checked": slot.id in checked, "meeting": meetings.get(slot.id)}
                for slot in cells
            ],
        )
        for start, cells in rows
    ]
    return render(
        request,
        "matchmaking/availability.html",
        {
            "event": event,
            "form": form,
            "days": days,
            "rows": rows,
            "conflicts": conflicts,
            "blocked": [slot for slot in slot_list if slot.id in blocked],
        },
    )


@participant_required
@require_http_methods(["GET"])
def my_meetings(request, event):
    """This event's confirmed participants (allowed roles): their meetings once published."""
    profile = selectors.profile_of(request.user, event)
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
