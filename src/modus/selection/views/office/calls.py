"""Pages for the people who run a call: the programme office (calls for expression of interest)
or the event's co-hosts (calls for pitches), and staff: creating a call and setting it up.

Anonymous visitors are sent to log in; anyone who may not run the call gets 403 (``access``).
Every write goes through ``selection.services``.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from modus.programmes.permissions import is_programme_office
from modus.web.confirm import ask_first
from modus.web.forms import add_service_errors

from ... import selectors, services
from ...forms.office import (
    CallForm,
    CriterionForm,
    CutOffForm,
    DocumentForm,
    JuryForm,
    QuestionForm,
)
from ...models import Call, Criterion, CutOff, DocumentRequirement, Question
from ..access import manager_only, posted_pk


@require_http_methods(["GET", "POST"])
def call_create(request, programme_slug):
    """The programme's office (and staff): a new call for expression of interest, in draft."""
    programme = selectors.programme_or_404(programme_slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_programme_office(request.user, programme):
        raise PermissionDenied
    form = CallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            call = services.create_call(
                actor=request.user,
                purpose=Call.Purpose.HOST,
                programme=programme,
                **form.values(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The call was created as a draft. Add cut-offs and criteria, then open it."),
            )
            return redirect("selection:call-manage", slug=call.slug)
    return render(request, "selection/call_form.html", {"programme": programme, "form": form})


def _default_time_zone(call) -> str | None:
    """A pitch call's deadlines are usually set in its event's time zone."""
    if call.is_pitch_call and call.session_id:
        return call.session.event.time_zone
    return None


def _manage_page(request, call, bound=None, status=200):
    """The management page with every small form; ``bound`` replaces one by its key."""
    forms = {
        "call": CallForm(call=call, prefix="call"),
        "cut_off": CutOffForm(prefix="cutoff", time_zone=_default_time_zone(call)),
        "criterion": CriterionForm(prefix="criterion", call=call),
        "question": QuestionForm(prefix="question", call=call),
        "document": DocumentForm(prefix="document", call=call),
        "jury": JuryForm(prefix="jury"),
        "status": None,
    }
    forms.update(bound or {})
    context = {
        "call": call,
        "forms": forms,
        "cut_offs": selectors.mark_cut_offs(call),
        **selectors.call_parts(call),
        "jury": list(selectors.jury_of(call).order_by("email")) if call.is_pitch_call else [],
        "status_errors": (bound or {}).get("status_errors", []),
        "applications_url": reverse("selection:call-applications", kwargs={"slug": call.slug}),
    }
    return render(request, "selection/call_manage.html", context, status=status)


PARTS = {
    "cut_off": CutOff,
    "criterion": Criterion,
    "question": Question,
    "document": DocumentRequirement,
}


@manager_only
@require_http_methods(["GET", "POST"])
def call_manage(request, call):
    """Those who run the call (see ``may_manage_call``): its text and rules, cut-offs, criteria,
    questions, required documents, the jury of a pitch call, opening and closing."""
    if request.method != "POST":
        return _manage_page(request, call)
    action = request.POST.get("action", "")
    user = request.user
    here = reverse("selection:call-manage", kwargs={"slug": call.slug})

    if action == "save":
        form = CallForm(request.POST, call=call, prefix="call")
        if form.is_valid():
            try:
                services.update_call(call, actor=user, **form.values())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The call was saved."))
                return redirect(here)
        call.refresh_from_db()
        return _manage_page(request, call, {"call": form})

    if action == "add-cut-off":
        form = CutOffForm(request.POST, prefix="cutoff", time_zone=_default_time_zone(call))
        if form.is_valid():
            try:
                services.add_cut_off(
                    call,
                    actor=user,
                    local_deadline=form.local_deadline(),
                    time_zone=form.cleaned_data["time_zone"],
                    label=form.cleaned_data["label"],
                )
            except ValidationError as error:
                add_service_errors(
                    form, error, aliases={"local_deadline": "day", "deadline": "day"}
                )
            else:
                messages.success(request, _("The cut-off was added."))
                return redirect(here + "#cut-offs")
        return _manage_page(request, call, {"cut_off": form})

    if action == "add-criterion":
        form = CriterionForm(request.POST, prefix="criterion", call=call)
        if form.is_valid():
            try:
                services.add_criterion(call, actor=user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The criterion was added."))
                return redirect(here + "#criteria")
        return _manage_page(request, call, {"criterion": form})

    if action == "add-question":
        form = QuestionForm(request.POST, prefix="question", call=call)
        if form.is_valid():
            try:
                services.add_question(call, actor=user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The question was added."))
                return redirect(here + "#questions")
        return _manage_page(request, call, {"question": form})

    if action == "add-document":
        form = DocumentForm(request.POST, prefix="document", call=call)
        if form.is_valid():
            try:
                services.add_document_requirement(
                    call,
                    actor=user,
                    title=form.cleaned_data["title"],
                    description=form.cleaned_data["description"],
                    required=form.cleaned_data["required"],
                    max_bytes=form.max_bytes(),
                    translations=form.cleaned_data["translations"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The required document was added."))
                return redirect(here + "#documents")
        return _manage_page(request, call, {"document": form})

    if action.startswith("remove-") and action[len("remove-") :] in PARTS:
        kind = action[len("remove-") :]
        part = selectors.call_part_or_404(PARTS[kind], call, posted_pk(request, "pk"))
        anchors = {"cut_off": "cut-offs", "criterion": "criteria"}
        if page := ask_first(
            request,
            title=_("Remove “%(part)s” from the call?") % {"part": part},
            detail=_("Applicants will no longer see it. This cannot be undone."),
            confirm=_("Yes, remove it"),
            back=f"{here}#{anchors.get(kind, kind + 's')}",
        ):
            return page
        try:
            services.remove_call_part(part, actor=user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Removed: %s") % part)
        return redirect(f"{here}#{anchors.get(kind, kind + 's')}")

    if action == "open":
        try:
            services.open_call(call, actor=user)
        except ValidationError as error:
            return _manage_page(request, call, {"status_errors": error.messages})
        messages.success(request, _("The call is open: applicants can now apply."))
        return redirect(here)

    if action == "close":
        services.close_call(call, actor=user)
        messages.success(request, _("The call is closed: no more submissions."))
        return redirect(here)

    if action in {"add-jury", "remove-jury"} and call.is_pitch_call:
        if action == "remove-jury":
            member = selectors.jury_member_or_404(call, posted_pk(request, "member"))
            if page := ask_first(
                request,
                title=_("Remove %(member)s from the jury?") % {"member": member},
                detail=_("Their score sheets go too, unless already submitted."),
                confirm=_("Yes, remove from the jury"),
                back=here + "#jury",
            ):
                return page
            services.remove_panel_member(call, actor=user, member=member)
            messages.success(request, _("%s is no longer on the jury.") % member)
            return redirect(here + "#jury")
        form = JuryForm(request.POST, prefix="jury")
        if form.is_valid():
            try:
                added = services.add_panel_member(call, actor=user, member=form.user)
            except ValidationError as error:
                add_service_errors(form, error, default="email")
            else:
                if added:
                    messages.success(request, _("%s joined the jury.") % form.user)
                else:
                    messages.info(request, _("%s is on the jury already.") % form.user)
                return redirect(here + "#jury")
        return _manage_page(request, call, {"jury": form})

    messages.error(request, _("Nothing was changed: unknown action."))
    return redirect(here)
