"""Public pages of calls: the list of calls and one call with how to apply.

Open and closed calls are public; a draft call is shown only to the people who run it."""

from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from modus.accounts.models import Membership
from modus.directory.models import Organisation
from modus.directory.reference import country_name
from modus.events.models import EventOrganiser

from ..forms_applicant import ApplyForm
from ..models import Application, Call, CutOff
from ..permissions import may_manage_call
from ..services import SelectionError, check_eligible


def _calls_with_parts():
    return Call.objects.select_related("programme", "session__event").prefetch_related(
        Prefetch("cut_offs", queryset=CutOff.objects.order_by("deadline"))
    )


def visible_calls(user):
    """Open and closed calls for everyone, plus the drafts this user runs."""
    shown = Q(status__in=[Call.Status.OPEN, Call.Status.CLOSED])
    if user.is_authenticated and user.is_active:
        if user.is_staff:
            return Call.objects.all()
        managed = Q(purpose=Call.Purpose.HOST, programme__team=user) | Q(
            purpose=Call.Purpose.PITCHES,
            session__event__organiser_roles__role__in=[
                EventOrganiser.Role.ORGANISER,
                EventOrganiser.Role.COHOST,
            ],
            session__event__organiser_roles__organisation__memberships__user=user,
        )
        return Call.objects.filter(shown | managed).distinct()
    return Call.objects.filter(shown)


def mark_cut_offs(call: Call, now=None) -> list[CutOff]:
    """The call's cut-offs (prefetched) with ``is_past``; sets ``call.next_cut_off``."""
    now = now or timezone.now()
    cut_offs = list(call.cut_offs.all())
    for cut_off in cut_offs:
        cut_off.is_past = cut_off.deadline <= now
    call.next_cut_off = next((c for c in cut_offs if not c.is_past), None)
    return cut_offs


@require_GET
def call_list(request):
    """Everyone: open calls first with their next cut-off, then closed ones (and own drafts)."""
    ids = visible_calls(request.user).values("pk")
    calls = list(_calls_with_parts().filter(pk__in=ids).order_by("-created_at"))
    now = timezone.now()
    for call in calls:
        mark_cut_offs(call, now)
    open_calls = sorted(
        (c for c in calls if c.status == Call.Status.OPEN),
        key=lambda c: (c.next_cut_off is None, c.next_cut_off.deadline if c.next_cut_off else 0),
    )
    return render(
        request,
        "selection/call_list.html",
        {
            "open_calls": open_calls,
            "closed_calls": [c for c in calls if c.status == Call.Status.CLOSED],
            "draft_calls": [c for c in calls if c.status == Call.Status.DRAFT],
        },
    )


def _apply_situation(request, call: Call) -> dict:
    """Who may apply, with which organisation, and why not otherwise."""
    user = request.user
    situation = {
        "reason": None,
        "apply_form": None,
        "own_applications": [],
        "ineligible": [],
    }
    if not user.is_authenticated:
        situation["reason"] = "anonymous"
        return situation
    organisations = [
        m.organisation
        for m in Membership.objects.filter(user=user)
        .select_related("organisation")
        .order_by("organisation__name")
    ]
    existing = {
        a.organisation_id: a
        for a in Application.objects.filter(
            call=call, organisation__in=[o.pk for o in organisations]
        )
    }
    situation["own_applications"] = [existing[o.pk] for o in organisations if o.pk in existing]
    candidates = []
    for organisation in organisations:
        if organisation.pk in existing:
            continue
        try:
            check_eligible(call, organisation)
        except SelectionError as error:
            situation["ineligible"].append((organisation, error.messages[0]))
        else:
            candidates.append(organisation)
    if call.status != Call.Status.OPEN:
        situation["reason"] = "not_open"
    elif call.next_cut_off is None:
        situation["reason"] = "deadline_passed"
    elif not organisations:
        situation["reason"] = "no_organisation"
    elif not candidates:
        situation["reason"] = "already_applied" if existing else "not_eligible"
    else:
        situation["apply_form"] = ApplyForm(organisations=candidates)
        situation["apply_organisations"] = candidates
    return situation


@require_GET
def call_detail(request, slug):
    """Everyone for open and closed calls; a draft call only for the people who run it."""
    call = get_object_or_404(_calls_with_parts(), slug=slug)
    is_manager = may_manage_call(request.user, call)
    if call.status == Call.Status.DRAFT and not is_manager:
        raise Http404
    cut_offs = mark_cut_offs(call)
    kinds = dict(Organisation.Kind.choices)
    context = {
        "call": call,
        "is_manager": is_manager,
        "cut_offs": cut_offs,
        "criteria": list(call.criteria.all()),
        "questions": list(call.questions.all()),
        "documents": list(call.documents.all()),
        "eligible_kinds": [kinds.get(kind, kind) for kind in call.eligible_kinds],
        "eligible_countries": sorted(country_name(code) for code in call.eligible_countries),
        **_apply_situation(request, call),
    }
    return render(request, "selection/call_detail.html", context)
