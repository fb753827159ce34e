"""The ranking of a call, and the actions on one application its managers take from the
application page: assign or remove reviewers, accept or reject, reopen a withdrawn one.

The actions are POST only; anyone who may not see the application gets 404, applicants and
reviewers 403 (``access``). Errors come back next to the field on the application page."""

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from modus.web.confirm import ask_first
from modus.web.forms import add_service_errors

from ... import selectors, services
from ...forms.office import AcceptForm, AssignForm, CutOffFilterForm, RejectForm, ReopenForm
from ...models import Application
from ..access import application_manager_only, manager_only, posted_pk
from .panel import PANEL_FLASH


@manager_only
@require_http_methods(["GET"])
def call_applications(request, call):
    """Those who run the call: the ranking (per cut-off or all), drafts, withdrawn applications
    and, for a pitch call, the selected pitches in running order."""
    cut_offs = list(call.cut_offs.all())
    filter_form = CutOffFilterForm(request.GET or None, cut_offs=cut_offs)
    cut_off = None
    if filter_form.is_bound and filter_form.is_valid() and filter_form.cleaned_data["cut_off"]:
        cut_off = next(c for c in cut_offs if c.pk == filter_form.cleaned_data["cut_off"])
    rows = selectors.ranking(call, cut_off=cut_off)
    for position, row in enumerate(rows, start=1):
        row.rank = position if row.mean is not None else None
    selected = []
    if call.is_pitch_call:
        selected = sorted(
            (r for r in rows if r.application.status == Application.Status.ACCEPTED),
            key=lambda r: (r.application.running_order or 0, r.application.pk),
        )
    return render(
        request,
        "selection/call_applications.html",
        {
            "call": call,
            "rows": rows,
            "cut_offs": cut_offs,
            "cut_off": cut_off,
            "filter_form": filter_form,
            "drafts": selectors.draft_count(call),
            "withdrawn": selectors.withdrawn_applications(call, cut_off),
            "selected": selected,
        },
    )


def _back_with_errors(request, application, key, form, anchor):
    """Remember the form's data and field errors for the application page, which shows them
    next to the fields (the manager panel reads them once), then go back there. Errors about
    the application as a whole (e.g. already decided) become messages at the top of the page."""
    for message in form.non_field_errors():
        messages.error(request, message)
    field_errors = {
        name: list(errors) for name, errors in form.errors.items() if name != NON_FIELD_ERRORS
    }
    if field_errors:
        request.session[PANEL_FLASH] = {
            "application": application.pk,
            "form": key,
            "data": {name: request.POST.get(form.add_prefix(name), "") for name in form.fields},
            "errors": field_errors,
        }
    return redirect(f"{application.get_absolute_url()}#{anchor}")


def _back(application, anchor):
    return redirect(f"{application.get_absolute_url()}#{anchor}")


@application_manager_only
@require_POST
def application_assign(request, application):
    """Those who run the call: assign a reviewer by e-mail, or remove one who has not submitted."""
    if request.POST.get("action") == "remove":
        review = selectors.review_of_application_or_404(application, posted_pk(request, "review"))
        if page := ask_first(
            request,
            title=_("Remove %(reviewer)s as a reviewer?") % {"reviewer": review.reviewer},
            detail=_("Their unfinished review of this application is deleted."),
            confirm=_("Yes, remove the reviewer"),
            back=f"{application.get_absolute_url()}#reviewers",
        ):
            return page
        try:
            services.remove_reviewer(review, actor=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("%s no longer reviews this application.") % review.reviewer)
        return _back(application, "reviewers")
    form = AssignForm(request.POST, prefix="assign")
    if form.is_valid():
        try:
            services.assign_reviewer(application, reviewer=form.user, actor=request.user)
        except ValidationError as error:
            add_service_errors(form, error, aliases={"reviewer": "email"}, default="email")
        else:
            messages.success(request, _("%s was asked to review this application.") % form.user)
            return _back(application, "reviewers")
    return _back_with_errors(request, application, "assign", form, "reviewers")


@application_manager_only
@require_POST
def application_decide(request, application):
    """Those who run the call: accept (reasons optional) or reject (reasons required)."""
    decision = request.POST.get("decision")
    if decision not in {"accept", "reject"}:
        messages.error(request, _("Choose to accept or to reject."))
        return _back(application, "decision")
    form_class = AcceptForm if decision == "accept" else RejectForm
    form = form_class(request.POST, prefix=decision)
    if form.is_valid():
        reasons = form.cleaned_data["reasons"]
        warnings = selectors.missing_review_warnings(application) if decision == "accept" else []
        if warnings and (
            page := ask_first(
                request,
                title=_("Accept “%(title)s” with reviews missing?") % {"title": application.title},
                detail=_("The decision cannot be undone, and the applicant is told at once."),
                confirm=_("Yes, accept the application"),
                back=f"{application.get_absolute_url()}#decision",
                warnings=warnings,
            )
        ):
            return page
        try:
            if decision == "accept":
                application = services.accept_application(
                    application, actor=request.user, reasons=reasons
                )
            else:
                application = services.reject_application(
                    application, actor=request.user, reasons=reasons
                )
        except ValidationError as error:
            add_service_errors(form, error, default=None)
        else:
            if decision == "reject":
                messages.success(
                    request, _("The application was rejected; the applicant was told why.")
                )
            elif application.created_event_id:
                messages.success(
                    request,
                    _(
                        "The application was accepted. The draft event “%s” was created with the "
                        "applicant as co-host."
                    )
                    % application.created_event,
                )
            else:
                messages.success(request, _("The application was accepted."))
            return _back(application, "decision")
    return _back_with_errors(request, application, decision, form, "decision")


@application_manager_only
@require_POST
def application_reopen(request, application):
    """Those who run the call: put a withdrawn application back into the selection."""
    form = ReopenForm(request.POST, prefix="reopen")
    if form.is_valid():
        try:
            services.reopen_application(
                application, actor=request.user, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The application was reopened."))
            return _back(application, "decision")
    return _back_with_errors(request, application, "reopen", form, "decision")
