import csv
import io

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from openpyxl import Workbook

from modus.web.spreadsheets import safe_cell

from .. import selectors, services
from ..forms import CheckInCodeForm, CheckInSearchForm, RegistrationForm
from ..models import Registration
from ..permissions import cohost_required
from ..tokens import cancellation_token, check_in_code

PARTICIPANTS_PER_PAGE = 50
# Errors of the organisation service that belong next to the "new organisation" field.
NEW_ORGANISATION_ERRORS = {"duplicate_slug", "no_slug", "not_signed_in"}


def _error_code(error: ValidationError) -> str | None:
    return getattr(error, "code", None)


@require_http_methods(["GET", "POST"])
@login_required
def register(request, slug):
    """Logged-in users: register for a public event while its registration is open."""
    event = get_object_or_404(selectors.public_events(), slug=slug)
    existing = selectors.registration_of(event, request.user)
    if existing and existing.status != Registration.Status.CANCELLED:
        return redirect("events:my-registration", slug=event.slug)
    if not services.registration_is_open(event):
        return render(
            request, "events/registration/register.html", {"event": event, "closed": True}
        )
    form = RegistrationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            registration = services.register(
                event=event,
                user=request.user,
                organisation=data["organisation"],
                new_organisation_name=data["new_organisation_name"] or None,
                participant_role=data["participant_role"],
                consent_attendee_list=data["consent_attendee_list"],
                consent_media=data["consent_media"],
            )
        except ValidationError as error:
            if _error_code(error) == "already_registered":
                return redirect("events:my-registration", slug=event.slug)
            field = (
                "new_organisation_name" if _error_code(error) in NEW_ORGANISATION_ERRORS else None
            )
            form.add_error(field, error)
        else:
            if registration.status == Registration.Status.CONFIRMED:
                messages.success(request, _("You are registered. We sent you a confirmation."))
            else:
                messages.info(request, _("The event is full: you are on the waiting list."))
            return redirect("events:my-registration", slug=event.slug)
    return render(
        request,
        "events/registration/register.html",
        {"event": event, "form": form, "returning": existing is not None},
    )


@require_GET
@login_required
def my_registration(request, slug):
    """Logged-in users: their own registration for this event (status, QR code, cancel)."""
    event = get_object_or_404(selectors.public_events(), slug=slug)
    registration = selectors.registration_of(event, request.user)
    if registration is None:
        return redirect("events:register", slug=event.slug)
    context = {"event": event, "registration": registration}
    if registration.status != Registration.Status.CANCELLED:
        code = check_in_code(registration)
        context.update(
            check_in_code=code,
            position=selectors.waiting_list_position(registration),
            cancel_url=reverse(
                "events:cancel-registration",
                kwargs={"token": cancellation_token(registration)},
            ),
            qr_url=reverse("events:registration-qr", kwargs={"token": code}),
        )
    return render(request, "events/registration/my_registration.html", context)


def _bad_link(request, error: ValidationError):
    return render(
        request, "events/registration/bad_link.html", {"message": error.messages[0]}, status=400
    )


@require_http_methods(["GET", "POST"])
def cancel(request, token):
    """Whoever holds the signed cancellation link (no login needed): confirm, then cancel."""
    try:
        registration = selectors.registration_for_cancellation_token(token)
    except ValidationError as error:
        return _bad_link(request, error)
    event = registration.event
    if registration.status == Registration.Status.CANCELLED:
        return render(
            request,
            "events/registration/cancel_done.html",
            {"event": event, "registration": registration, "already": True},
        )
    if request.method == "POST":
        try:
            registration = services.cancel_registration(registration)
        except ValidationError as error:
            return _bad_link(request, error)
        return render(
            request,
            "events/registration/cancel_done.html",
            {"event": event, "registration": registration},
        )
    return render(
        request,
        "events/registration/cancel_confirm.html",
        {"event": event, "registration": registration},
    )


@require_GET
def qr_code(request, token):
    """Whoever holds the signed check-in code: that code as a QR code (SVG)."""
    try:
        selectors.registration_for_check_in_code(token)
    except ValidationError as error:
        raise Http404 from error
    out = io.BytesIO()
    segno.make(token, error="m").save(
        out, kind="svg", scale=6, border=2, title=_("Check-in code"), xmldecl=False
    )
    response = HttpResponse(out.getvalue(), content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=86400"
    return response


@require_GET
@cohost_required
def participants(request, event):
    """Organisers and co-hosts of this event (and staff): its participants, page by page."""
    status = request.GET.get("status")
    if status not in Registration.Status.values:
        status = None
    page = Paginator(selectors.participants(event, status=status), PARTICIPANTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "events/registration/participants.html",
        {
            "event": event,
            "page_obj": page,
            "counts": selectors.participant_counts(event),
            "status": status,
            "statuses": Registration.Status.choices,
        },
    )


def _export_rows(event):
    yield [
        _("Name"),
        _("E-mail"),
        _("Organisation"),
        _("Role"),
        _("Status"),
        _("On the attendee list"),
        _("Photos and recordings"),
        _("Registered"),
        _("Checked in"),
    ]
    zone = event.zone
    for registration in selectors.participants(event):
        yield [
            safe_cell(registration.user.get_full_name()),
            safe_cell(registration.user.email),
            safe_cell(registration.organisation.name if registration.organisation else ""),
            registration.get_participant_role_display(),
            registration.get_status_display(),
            _("yes") if registration.consent_attendee_list else _("no"),
            _("yes") if registration.consent_media else _("no"),
            timezone.localtime(registration.created_at, zone).strftime("%Y-%m-%d %H:%M"),
            timezone.localtime(registration.checked_in_at, zone).strftime("%Y-%m-%d %H:%M")
            if registration.checked_in_at
            else "",
        ]


@require_GET
@cohost_required
def participants_export(request, event, fmt):
    """Organisers and co-hosts of this event (and staff): participants as CSV or XLSX."""
    filename = f"{event.slug}-participants.{fmt}"
    if fmt == "csv":
        out = io.StringIO()
        csv.writer(out).writerows(_export_rows(event))
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(_("Participants"))
        for row in _export_rows(event):
            sheet.append(row)
        out = io.BytesIO()
        workbook.save(out)
        response = HttpResponse(
            out.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _check_in_result(request, event, registration):
    """Check one registration in; a dict the page shows as the result."""
    try:
        registration = services.check_in(registration, actor=request.user)
    except ValidationError as error:
        return {"ok": False, "message": error.messages[0], "registration": registration}
    return {"ok": True, "registration": registration}


@require_http_methods(["GET", "POST"])
@cohost_required
def check_in(request, event):
    """Organisers and co-hosts of this event (and staff): check participants in on the day."""
    result = None
    code_form = CheckInCodeForm()
    if request.method == "POST" and "registration" in request.POST:
        registration = (
            selectors.participants(event).filter(pk=request.POST["registration"]).first()
            if request.POST["registration"].isdigit()
            else None
        )
        if registration is None:
            raise Http404
        result = _check_in_result(request, event, registration)
    elif request.method == "POST":
        code_form = CheckInCodeForm(request.POST)
        if code_form.is_valid():
            try:
                registration = selectors.registration_for_check_in_code(
                    code_form.cleaned_data["code"], event=event
                )
            except ValidationError as error:
                code_form.add_error("code", error)
            else:
                result = _check_in_result(request, event, registration)
                code_form = CheckInCodeForm()
    search_form = CheckInSearchForm(request.GET or None)
    found = None
    if search_form.is_valid():
        found = selectors.search_confirmed(event, search_form.cleaned_data["q"])
    return render(
        request,
        "events/registration/check_in.html",
        {
            "event": event,
            "code_form": code_form,
            "search_form": search_form,
            "found": found,
            "result": result,
            "counts": selectors.participant_counts(event),
        },
    )
