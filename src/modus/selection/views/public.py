"""Public pages of calls: the list of calls and one call with how to apply.

Open and closed calls are public; a draft call is shown only to the people who run it."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from modus.directory.models import Organisation
from modus.directory.reference import sorted_countries
from modus.web.translations import localise, requested_language

from .. import selectors
from ..forms.applicant import ApplyForm
from ..models import Call
from ..permissions import may_manage_call
from ..services import SelectionError, check_eligible


@require_GET
def call_list(request):
    """Everyone: open calls first with their next cut-off, then closed ones (and own drafts)."""
    calls = localise(selectors.listed_calls(request.user), requested_language(request))
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
    organisations = selectors.member_organisations(user)
    existing = selectors.applications_by_organisation(call, organisations)
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
    call = selectors.call_or_404(slug, cut_offs=True)
    is_manager = may_manage_call(request.user, call)
    if call.status == Call.Status.DRAFT and not is_manager:
        raise Http404
    cut_offs = selectors.mark_cut_offs(call)
    kinds = dict(Organisation.Kind.choices)
    language = requested_language(request)
    localise(call, language)  # the page only reads it: a localised call is never saved here
    parts = {name: localise(items, language) for name, items in selectors.call_parts(call).items()}
    context = {
        "call": call,
        "canonical_url": request.build_absolute_uri(call.get_absolute_url()),
        "is_manager": is_manager,
        "cut_offs": cut_offs,
        **parts,
        "eligible_kinds": [kinds.get(kind, kind) for kind in call.eligible_kinds],
        "eligible_countries": [name for _code, name in sorted_countries(call.eligible_countries)],
        **_apply_situation(request, call),
    }
    return render(request, "selection/call_detail.html", context)
