"""Pages for the people who run a call: the programme office (calls for expression of interest)
or the event's co-hosts (calls for pitches), and staff.

Anonymous visitors are sent to log in. Creating and managing a call is refused (403) to anyone
who may not run it; the POST-only actions on one application answer 404 to anyone who may not
even see it, and 403 to applicants and reviewers. Every write goes through ``selection.services``.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.forms.utils import ErrorDict
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from modus.programmes.models import Programme
from modus.programmes.permissions import is_programme_office
from modus.web.forms import add_service_errors

from .. import services
from ..forms_office import (
    AcceptForm,
    AssignForm,
    CallForm,
    CriterionForm,
    CutOffFilterForm,
    CutOffForm,
    DocumentForm,
    JuryForm,
    QuestionForm,
    RejectForm,
    ReopenForm,
)
from ..models import (
    Application,
    Call,
    Criterion,
    CutOff,
    DocumentRequirement,
    Question,
    Review,
)
from ..permissions import may_manage_call, may_view_application
from ..services.panel import add_panel_member, remove_panel_member
from ..services.reviews import weighted_total

PANEL_FLASH = "selection_manager_panel"


def posted_pk(request, name: str) -> int:
    """A primary key from the form, or 404."""
    try:
        return int(request.POST.get(name, ""))
    except ValueError as error:
        raise Http404 from error


def manager_only(view):
    """Load the call of the URL; anonymous visitors log in first, anyone else gets 403."""

    @wraps(view)
    def wrapper(request, slug, *args, **kwargs):
        call = get_object_or_404(
            Call.objects.select_related("programme", "session__event"), slug=slug
        )
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not may_manage_call(request.user, call):
            raise PermissionDenied
        return view(request, call, *args, **kwargs)

    return wrapper


def application_manager_only(view):
    """POST actions on one application: 404 for those who may not see it, 403 for applicants
    and reviewers."""

    @wraps(view)
    def wrapper(request, pk, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(reverse("selection:application", kwargs={"pk": pk}))
        application = get_object_or_404(
            Application.objects.select_related(
                "call__programme", "call__session__event", "organisation"
            ),
            pk=pk,
        )
        if not may_manage_call(request.user, application.call):
            if may_view_application(request.user, application):
                raise PermissionDenied
            raise Http404
        return view(request, application, *args, **kwargs)

    return wrapper


# Creating and managing a call -------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def call_create(request, programme_slug):
    """The programme's office (and staff): a new call for expression of interest, in draft."""
    programme = get_object_or_404(Programme, slug=programme_slug)
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
        "criterion": CriterionForm(prefix="criterion"),
        "question": QuestionForm(prefix="question"),
        "document": DocumentForm(prefix="document"),
        "jury": JuryForm(prefix="jury"),
        "status": None,
    }
    forms.update(bound or {})
    now = timezone.now()
    cut_offs = list(call.cut_offs.all())
    for cut_off in cut_offs:
        cut_off.is_past = cut_off.deadline <= now
    context = {
        "call": call,
        "forms": forms,
        "cut_offs": cut_offs,
        "criteria": list(call.criteria.all()),
        "questions": list(call.questions.all()),
        "documents": list(call.documents.all()),
        "jury": list(call.panel.order_by("email")) if call.is_pitch_call else [],
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
        form = CriterionForm(request.POST, prefix="criterion")
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
        form = QuestionForm(request.POST, prefix="question")
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
        form = DocumentForm(request.POST, prefix="document")
        if form.is_valid():
            try:
                services.add_document_requirement(
                    call,
                    actor=user,
                    title=form.cleaned_data["title"],
                    description=form.cleaned_data["description"],
                    required=form.cleaned_data["required"],
                    max_bytes=form.max_bytes(),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The required document was added."))
                return redirect(here + "#documents")
        return _manage_page(request, call, {"document": form})

    if action.startswith("remove-") and action[len("remove-") :] in PARTS:
        kind = action[len("remove-") :]
        part = get_object_or_404(PARTS[kind], pk=posted_pk(request, "pk"), call=call)
        try:
            services.remove_call_part(part, actor=user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Removed: %s") % part)
        anchors = {"cut_off": "cut-offs", "criterion": "criteria"}
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
            member = get_object_or_404(call.panel.all(), pk=posted_pk(request, "member"))
            remove_panel_member(call, actor=user, member=member)
            messages.success(request, _("%s is no longer on the jury.") % member)
            return redirect(here + "#jury")
        form = JuryForm(request.POST, prefix="jury")
        if form.is_valid():
            try:
                added = add_panel_member(call, actor=user, member=form.user)
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


# Ranking ----------------------------------------------------------------------------------------


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
    rows = services.ranking(call, cut_off=cut_off)
    for position, row in enumerate(rows, start=1):
        row.rank = position if row.mean is not None else None
    withdrawn = call.applications.filter(status=Application.Status.WITHDRAWN).select_related(
        "organisation"
    )
    if cut_off is not None:
        withdrawn = withdrawn.filter(cut_off=cut_off)
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
            "drafts": call.applications.filter(status=Application.Status.DRAFT).count(),
            "withdrawn": list(withdrawn),
            "selected": selected,
        },
    )


# Actions on one application (POST; errors come back next to the field on the application page) --


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
        review = get_object_or_404(
            Review.objects.select_related("reviewer", "application__call"),
            pk=posted_pk(request, "review"),
            application=application,
        )
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


# The manager panel on the application page ------------------------------------------------------

PANEL_FORMS = {
    "assign": AssignForm,
    "accept": AcceptForm,
    "reject": RejectForm,
    "reopen": ReopenForm,
}


def manager_panel_context(request, application) -> dict:
    """What ``selection/_manager_panel.html`` shows: reviewers and their scores, the forms (with
    the errors of the last failed attempt, once), and the log."""
    forms = {key: form_class(prefix=key) for key, form_class in PANEL_FORMS.items()}
    flash = request.session.get(PANEL_FLASH) if hasattr(request, "session") else None
    if flash and flash.get("application") == application.pk and flash.get("form") in forms:
        del request.session[PANEL_FLASH]
        key = flash["form"]
        form = PANEL_FORMS[key](
            {f"{key}-{name}": value for name, value in flash.get("data", {}).items()}, prefix=key
        )
        form._errors = ErrorDict()  # shown as they were; not checked again
        form.cleaned_data = {}
        for name, errors in flash.get("errors", {}).items():
            if name in form.fields:
                form.add_error(name, errors)
        forms[key] = form
    reviews = services.visible_reviews(application, request.user)
    criteria = list(application.call.criteria.all())
    for review in reviews:
        values = {score.criterion_id: score for score in review.scores.all()}
        review.score_row = [values.get(c.pk) for c in criteria]
        review.total = weighted_total(review, criteria)
    return {
        "forms": forms,
        "reviews": reviews,
        "criteria": criteria,
        "decidable": application.status == Application.Status.SUBMITTED,
        "reopenable": application.status == Application.Status.WITHDRAWN,
        # Reviewers help a decision still to be made; once decided, the page says so once
        # (the decision card above the panel) and offers no more forms.
        "assignable": application.status == Application.Status.SUBMITTED,
        "decided": application.status in {Application.Status.ACCEPTED, Application.Status.REJECTED},
    }
