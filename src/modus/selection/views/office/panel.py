"""The manager panel on the application page: reviewers and their scores, and the forms to
assign, decide and reopen (with the errors of the last failed attempt, shown once)."""

from django.forms.utils import ErrorDict

from ... import selectors
from ...forms.office import AcceptForm, AssignForm, RejectForm, ReopenForm
from ...models import Application

# The session key under which a failed action leaves its form's data and errors for the panel.
PANEL_FLASH = "selection_manager_panel"

PANEL_FORMS = {
    "assign": AssignForm,
    "accept": AcceptForm,
    "reject": RejectForm,
    "reopen": ReopenForm,
}


def manager_panel_context(request, application) -> dict:
    """What ``selection/_manager_panel.html`` shows: reviewers and their scores, the forms (with
    the errors of the last failed attempt, once)."""
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
    criteria = list(application.call.criteria.all())
    reviews = selectors.with_score_rows(
        selectors.visible_reviews(application, request.user), criteria
    )
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
