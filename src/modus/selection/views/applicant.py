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
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from modus.accounts.models import Membership
from modus.web.forms import add_service_errors

from .. import services
from ..forms_applicant import ApplicationForm, ApplyForm
from ..models import Application, ApplicationDocument, Call, Review
from ..permissions import is_applicant, may_manage_call, may_view_application
from ..services.applications import missing_parts, next_cut_off
from ..services.errors import NotAllowed


class LoginNeeded(Exception):
    """Raised for anonymous visitors of an application that exists; answered by a login redirect."""


def _application_or_404(request, pk) -> Application:
    """The application if this user may open it. A missing one is 404 for everyone; anonymous
    visitors of an existing one are sent to log in; everyone else who may not open it gets 404."""
    application = get_object_or_404(
        Application.objects.select_related(
            "call__programme", "call__session__event", "organisation", "cut_off", "region"
        ),
        pk=pk,
    )
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


def summary_context(application: Application) -> dict:
    """What ``selection/_application_summary.html`` shows: answers by question and documents."""
    answers = application.answers or {}
    return {
        "answered_questions": [
            (question, answers.get(str(question.pk), ""))
            for question in application.call.questions.all()
        ],
        "application_documents": list(
            application.documents.select_related("requirement", "uploaded_by").order_by(
                "requirement__position", "requirement__pk"
            )
        ),
        "ecosystems": list(application.ecosystems.all()),
        "co_organisers": list(application.co_organisers.order_by("name")),
    }


@require_POST
@login_required
def apply(request, slug):
    """Members of an eligible organisation: start (or find) the organisation's draft."""
    call = get_object_or_404(Call, slug=slug)
    if call.status == Call.Status.DRAFT and not may_manage_call(request.user, call):
        raise Http404
    organisations = [
        m.organisation
        for m in Membership.objects.filter(user=request.user).select_related("organisation")
    ]
    form = ApplyForm(request.POST, organisations=organisations)
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
    applications = (
        Application.objects.filter(organisation__memberships__user=request.user)
        .select_related("call", "organisation", "cut_off")
        .distinct()
        .order_by("-updated_at", "-pk")
    )
    return render(request, "selection/my_applications.html", {"applications": applications})


@application_page
def application_detail(request, pk):
    """Applicants, the call's managers and assigned reviewers without a conflict of interest."""
    application = _application_or_404(request, pk)
    user = request.user
    applicant = is_applicant(user, application)
    is_manager = may_manage_call(user, application.call)
    review = (
        Review.objects.filter(application=application, reviewer=user)
        .order_by("stage", "pk")  # "live" < "selection": prefer the selection review
        .last()
    )
    context = {
        "application": application,
        "call": application.call,
        "is_applicant": applicant,
        "is_manager": is_manager,
        "review": review,
        "missing": missing_parts(application) if application.is_editable else [],
        "next_cut_off": next_cut_off(application.call) if application.is_editable else None,
        "log": (list(application.log.select_related("actor")) if applicant or is_manager else None),
        **summary_context(application),
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
    documents = {
        d.requirement_id: d
        for d in ApplicationDocument.objects.filter(application=application).select_related(
            "uploaded_by"
        )
    }
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
    document = get_object_or_404(
        ApplicationDocument.objects.select_related("application__call"),
        pk=document_pk,
        application_id=pk,
    )
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
