"""Applying: start a draft with colleagues, fill it in, attach documents, submit, withdraw."""

from pathlib import PurePath

from django import forms
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from modus.accounts.models import Membership
from modus.web.uploads import check_pdf_upload

from ..models import Application, ApplicationDocument, Call
from ..permissions import is_applicant, may_manage_call
from ..selectors.applications import missing_parts, next_cut_off
from . import notifications
from .errors import NotAllowed, SelectionError
from .history import Action, log

HOST_FIELDS = {"region", "proposed_starts_on", "proposed_ends_on", "venue", "city"}
DRAFT_FIELDS = {"title", "summary", *HOST_FIELDS}


def check_eligible(call: Call, organisation) -> None:
    """Raise unless this organisation's kind and country may apply to this call."""
    if call.eligible_kinds and organisation.kind not in call.eligible_kinds:
        raise SelectionError(
            _("Organisations of the kind “%(kind)s” may not apply to this call.")
            % {"kind": organisation.get_kind_display()},
            code="kind_not_eligible",
        )
    if call.eligible_countries and organisation.country_code not in call.eligible_countries:
        raise SelectionError(
            _("Organisations from this country may not apply to this call."),
            code="country_not_eligible",
        )


def _check_applicant(user, application: Application) -> None:
    if not is_applicant(user, application):
        raise NotAllowed(
            _("Only members of the applicant organisation may do this."), code="not_applicant"
        )


def _check_draft(application: Application) -> None:
    """Judged on the stored status, not on a copy a page loaded earlier."""
    status = Application.objects.filter(pk=application.pk).values_list("status", flat=True).first()
    if status != Application.Status.DRAFT:
        raise SelectionError(
            _("This application has been submitted and can no longer be changed."),
            code="not_a_draft",
        )


@transaction.atomic
def start_application(call: Call, *, organisation, actor, title: str = "") -> Application:
    """Start the organisation's draft, or return the one a colleague already started."""
    if not Membership.objects.filter(user=actor, organisation=organisation).exists():
        raise NotAllowed(
            _("You can apply only for an organisation you are a member of."), code="not_member"
        )
    existing = Application.objects.filter(call=call, organisation=organisation).first()
    if existing is not None:
        return existing
    if call.status != Call.Status.OPEN:
        raise SelectionError(_("This call is not open."), code="call_not_open")
    check_eligible(call, organisation)
    try:
        with transaction.atomic():
            application = Application.objects.create(
                call=call,
                organisation=organisation,
                created_by=actor,
                title=(title or "").strip() or organisation.name,
            )
    except IntegrityError:  # a colleague started it at the same moment
        return Application.objects.get(call=call, organisation=organisation)
    log(application, actor, Action.CREATED)
    return application


@transaction.atomic
def save_draft(
    application: Application,
    *,
    actor,
    answers: dict | None = None,
    ecosystems=None,
    co_organisers=None,
    **fields,
) -> Application:
    """Save what the applicant typed. Nothing is required until submission."""
    _check_applicant(actor, application)
    _check_draft(application)
    unknown = set(fields) - DRAFT_FIELDS
    if unknown:
        raise TypeError(f"unknown application fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(application, name, value.strip() if isinstance(value, str) else value)
    starts, ends = application.proposed_starts_on, application.proposed_ends_on
    if starts and ends and ends < starts:
        raise SelectionError(
            {"proposed_ends_on": [_("The last day cannot be before the first.")]},
            code="ends_before_start",
        )
    if answers is not None:
        known = {str(pk) for pk in application.call.questions.values_list("pk", flat=True)}
        application.answers = {
            str(key): str(value).strip() for key, value in answers.items() if str(key) in known
        }
    if not application.title:
        raise SelectionError({"title": [_("Give the application a title.")]}, code="required")
    application.full_clean(exclude=["cut_off", "created_event", "decided_by"])
    application.save()
    if ecosystems is not None:
        application.ecosystems.set(ecosystems)
    if co_organisers is not None:
        application.co_organisers.set(
            [org for org in co_organisers if org.pk != application.organisation_id]
        )
    return application


@transaction.atomic
def attach_document(application: Application, *, requirement, upload, actor) -> ApplicationDocument:
    """Attach (or replace) the PDF for one required document, checked by content and size."""
    _check_applicant(actor, application)
    _check_draft(application)
    if requirement.call_id != application.call_id:
        raise SelectionError(_("This document does not belong to the call."), code="wrong_call")
    try:
        check_pdf_upload(upload, requirement.max_bytes)
    except forms.ValidationError as error:
        raise SelectionError(error.messages[0], code=error.code) from error
    name = PurePath(upload.name or "document.pdf").name[:255]
    previous = ApplicationDocument.objects.filter(
        application=application, requirement=requirement
    ).first()
    if previous is not None:
        old_file = previous.file
        transaction.on_commit(lambda: old_file.storage.delete(old_file.name))
        previous.delete()
    upload.name = name
    return ApplicationDocument.objects.create(
        application=application,
        requirement=requirement,
        file=upload,
        original_name=name,
        size=upload.size,
        uploaded_by=actor,
    )


@transaction.atomic
def submit_application(given: Application, *, actor, now=None) -> Application:
    """Submit before a cut-off. Late, incomplete or on a closed call: refused, the draft kept."""
    application = Application.objects.select_for_update().get(pk=given.pk)
    _check_applicant(actor, application)
    _check_draft(application)
    call = application.call
    if call.status != Call.Status.OPEN:
        raise SelectionError(_("This call is not open for submissions."), code="call_not_open")
    now = now or timezone.now()
    cut_off = next_cut_off(call, now)
    if cut_off is None:
        last = call.cut_offs.order_by("-deadline").first()
        message = _("The deadline has passed; your draft is kept.")
        if last is not None:
            message = _(
                "The last deadline (%(deadline)s) has passed; submission is closed. "
                "Your draft is kept."
            ) % {"deadline": last.local_deadline().strftime("%d.%m.%Y %H:%M %Z")}
        raise SelectionError(message, code="deadline_passed")
    check_eligible(call, application.organisation)
    missing = missing_parts(application)
    if missing:
        raise SelectionError(
            _("Before submitting, add: %s.") % "; ".join(missing), code="incomplete"
        )
    application.status = Application.Status.SUBMITTED
    application.cut_off = cut_off
    application.submitted_at = now
    application.save(update_fields=["status", "cut_off", "submitted_at", "updated_at"])
    log(application, actor, Action.SUBMITTED, str(cut_off))
    notifications.application_changed(application, "submitted")
    given.status, given.cut_off, given.submitted_at = application.status, cut_off, now
    return application


@transaction.atomic
def withdraw_application(application: Application, *, actor, reason: str = "") -> Application:
    _check_applicant(actor, application)
    if application.status != Application.Status.SUBMITTED:
        raise SelectionError(
            _("Only a submitted application without a decision can be withdrawn."),
            code="not_submitted",
        )
    application.status = Application.Status.WITHDRAWN
    application.save(update_fields=["status", "updated_at"])
    log(application, actor, Action.WITHDRAWN, reason.strip())
    notifications.application_changed(application, "withdrawn")
    return application


@transaction.atomic
def reopen_application(application: Application, *, actor, note: str = "") -> Application:
    """The office puts a withdrawn application back into the selection, at its cut-off."""
    if not may_manage_call(actor, application.call):
        raise NotAllowed(_("Only the people who run this call may reopen."), code="not_manager")
    if application.status != Application.Status.WITHDRAWN:
        raise SelectionError(
            _("Only a withdrawn application can be reopened."), code="not_withdrawn"
        )
    application.status = Application.Status.SUBMITTED
    application.save(update_fields=["status", "updated_at"])
    log(application, actor, Action.REOPENED, note.strip())
    notifications.application_changed(application, "reopened")
    return application
