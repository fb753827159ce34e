"""Applicants' pages: apply, fill in, submit, withdraw and follow an application.

Who may use them: members of the applicant organisation write; the call's managers and assigned
reviewers without a conflict of interest may open an application (``may_view_application``);
everyone else gets 404, so nobody learns that someone else's application exists.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from modus.web.forms import add_service_errors

from .. import selectors, services
from ..forms.applicant import ApplicationForm, ApplyForm
from ..models import Application
from ..permissions import (
    is_applicant,
    may_manage_call,
    may_review,
    may_see_call,
    may_view_application,
)
from ..services.errors import NotAllowed
from .office.panel import manager_panel_context


class LoginNeeded(Exception):
    """Raised for anonymous visitors of an application that exists; answered by a login redirect."""


def _application_or_404(request, pk) -> Application:
    """The application if this user may open it. A missing one is 404 for everyone; anonymous
    visitors of an existing one are sent to log in; everyone else who may not open it gets 404."""
    application = selectors.application_or_404(pk)
    if not request.user.is_authenticated:
        raise LoginNeeded
    if not may_view_application(request.user, application):
        raise Http404
    return application


def _applicant_application(request, pk) -> Application:
    """The application for one of its applicants; others who may see it get 403, the rest 404."""
    application = _application_or_404(request, pk)
    if not is_applicant(request.user, application):
        raise PermissionDenied
    return application


def application_page(view):
    """Look the application up first (404), then ask anonymous visitors to log in."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except LoginNeeded:
            return redirect_to_login(request.get_full_path())

    return wrapper


def _message(error) -> str:
    return " ".join(str(m) for m in error.messages)


@require_POST
@login_required
def apply(request, slug):
    """Members of an eligible organisation: start (or find) the organisation's draft."""
    call = selectors.call_or_404(slug)
    if not may_see_call(request.user, call):
        raise Http404
    form = ApplyForm(request.POST, organisations=selectors.member_organisations(request.user))
    if not form.is_valid():
        messages.error(request, _("Choose one of your organisations to apply."))
        return redirect(call)
    try:
        application = services.start_application(
            call, organisation=form.cleaned_data["organisation"], actor=request.user
        )
    except (services.SelectionError, NotAllowed) as error:
        messages.error(request, _message(error))
        return redirect(call)
    if not application.is_editable:
        return redirect(application)
    return redirect("selection:application-edit", pk=application.pk)


@login_required
def my_applications(request):
    """Logged-in users: the applications of every organisation they are a member of."""
    applications = selectors.applications_of_member(request.user)
    return render(request, "selection/my_applications.html", {"applications": applications})


@application_page
def application_detail(request, pk):
    """Applicants, the call's managers and assigned reviewers without a conflict of interest."""
    application = _application_or_404(request, pk)
    user = request.user
    applicant = is_applicant(user, application)
    is_manager = may_manage_call(user, application.call)
    sheets = selectors.sheets_of(application, user)
    editable = application.is_editable
    context = {
        "application": application,
        "call": application.call,
        "is_applicant": applicant,
        "is_manager": is_manager,
        "review": sheets[-1] if sheets else None,  # "live" < "selection": the selection review
        "own_reviews": sheets if sheets and may_review(user, application) else [],
        "panel": manager_panel_context(request, application) if is_manager else None,
        "missing": selectors.missing_parts(application) if editable else [],
        "next_cut_off": selectors.next_cut_off(application.call) if editable else None,
        "log": selectors.application_history(application) if applicant or is_manager else None,
        **selectors.application_summary(application),
    }
    return render(request, "selection/application_detail.html", context)


def _save(request, application: Application, form: ApplicationForm) -> bool:
    """Save the text (when valid), then each file; put every error next to its field."""
    if form.is_valid():
        try:
            services.save_draft(application, actor=request.user, **form.draft_values())
        except services.SelectionError as error:
            add_service_errors(form, error)
    for requirement, upload in form.uploads():
        try:
            services.attach_document(
                application, requirement=requirement, upload=upload, actor=request.user
            )
        except services.SelectionError as error:
            form.add_error(f"document_{requirement.pk}", _message(error))
    return not form.errors


@require_http_methods(["GET", "POST"])
@application_page
def application_edit(request, pk):
    """Members of the applicant organisation, while the application is a draft."""
    application = _applicant_application(request, pk)
    if not application.is_editable:
        messages.info(request, _("This application has been submitted and can no longer change."))
        return redirect(application)
    if request.method == "POST":
        form = ApplicationForm(request.POST, request.FILES, application=application)
        if _save(request, application, form):
            messages.success(request, _("Your draft is saved."))
            if "save_and_continue" in request.POST:
                return redirect("selection:application-edit", pk=application.pk)
            return redirect(application)
    else:
        form = ApplicationForm(application=application)
    documents = selectors.documents_by_requirement(application)
    document_fields = [
        (requirement, field, documents.get(requirement.pk))
        for requirement, field in form.document_fields()
    ]
    return render(
        request,
        "selection/application_form.html",
        {
            "application": application,
            "call": application.call,
            "form": form,
            "document_fields": document_fields,
            "host_fields": [
                form[name] for name in ApplicationForm.HOST_FIELDS if name in form.fields
            ],
        },
    )


@require_POST
@application_page
def application_submit(request, pk):
    """Members of the applicant organisation: submit the draft before a cut-off."""
    application = _applicant_application(request, pk)
    try:
        services.submit_application(application, actor=request.user)
    except services.SelectionError as error:
        messages.error(request, _message(error))
    else:
        messages.success(
            request,
            _("Your application is submitted for the cut-off %(cut_off)s.")
            % {"cut_off": application.cut_off},
        )
    return redirect(application)


@require_POST
@application_page
def application_withdraw(request, pk):
    """Members of the applicant organisation: withdraw a submitted application, with a reason."""
    application = _applicant_application(request, pk)
    reason = request.POST.get("reason", "")[:2000]
    try:
        services.withdraw_application(application, actor=request.user, reason=reason)
    except services.SelectionError as error:
        messages.error(request, _message(error))
    else:
        messages.success(request, _("Your application is withdrawn."))
    return redirect(application)


@application_page
def application_document(request, pk, document_pk):
    """Whoever may open the application: the private PDF, as a download, never a public URL."""
    document = selectors.document_or_404(pk, document_pk)
    if not request.user.is_authenticated:
        raise LoginNeeded
    if not may_view_application(request.user, document.application):
        raise Http404
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.original_name,
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
