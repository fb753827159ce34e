"""The pages behind the feedback and follow-up links: anyone holding a valid link may use them,
nobody needs to log in. A tampered, expired, used or closed link gets a page that says so and
changes nothing."""

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from .. import selectors, services
from ..errors import FeedbackError, LinkError
from ..forms import FeedbackForm, FollowUpForm
from ..tokens import invitation_token

RESEND_SECONDS = 600
STATUS = {"bad_link": 400, "expired_link": 410, "used_link": 410, "closed": 410}
URL_NAMES = {"feedback": "results:feedback", "follow_up": "results:follow-up"}


def _problem(request, error: LinkError, kind: str, token: str):
    context = {
        "code": error.code,
        "message": error.message,
        "kind": kind,
        "token": token,
        "invitation": getattr(error, "invitation", None),
    }
    return render(request, "results/link_problem.html", context, status=STATUS[error.code])


def _fresh(request, invitation):
    """After an answer: the page again under the invitation's new link (the old one is spent)."""
    url = reverse(URL_NAMES[invitation.kind], kwargs={"token": invitation_token(invitation)})
    language = request.GET.get("lang")
    known = {code for code, _name in settings.LANGUAGES}
    return redirect(f"{url}?lang={language}" if language in known else url)


def _page(request, invitation, form, template):
    return render(
        request,
        template,
        {
            "invitation": invitation,
            "event": invitation.event,
            "form": form,
            "answered": invitation.answered_at is not None,
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def feedback(request, token):
    """Anyone with the link: rate each meeting, answer on the event, change it later."""
    try:
        invitation = selectors.invitation_for_link("feedback", token)
    except LinkError as error:
        return _problem(request, error, "feedback", token)
    form = FeedbackForm(
        request.POST or None,
        meetings=selectors.feedback_meetings(invitation),
        answer=selectors.event_answer(invitation),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitation = services.save_feedback(
                invitation,
                version=invitation.link_version,
                ratings=form.ratings(),
                usefulness=data["usefulness"],
                would_return=data["would_return"],
                comment=data["comment"],
            )
        except LinkError as error:
            return _problem(request, error, "feedback", token)
        except FeedbackError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you: your answers are saved."))
            return _fresh(request, invitation)
    return _page(request, invitation, form, "results/feedback_form.html")


@never_cache
@require_http_methods(["GET", "POST"])
def follow_up(request, token):
    """Anyone with the link: where each promising meeting stands now."""
    try:
        invitation = selectors.invitation_for_link("follow_up", token)
    except LinkError as error:
        return _problem(request, error, "follow_up", token)
    form = FollowUpForm(request.POST or None, meetings=selectors.follow_up_meetings(invitation))
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.save_follow_up(
                invitation, version=invitation.link_version, answers=form.answers()
            )
        except LinkError as error:
            return _problem(request, error, "follow_up", token)
        except FeedbackError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you: your answers are saved."))
            return _fresh(request, invitation)
    return _page(request, invitation, form, "results/follow_up_form.html")


@require_POST
def resend(request, kind, token):
    """Anyone holding a spent link: a fresh one goes to the invitation's own address (at most
    one each ten minutes); the page never shows the address or the link."""
    try:
        invitation = selectors.invitation_for_link(kind, token)
    except LinkError as error:
        invitation = getattr(error, "invitation", None)
        if invitation is None:
            return _problem(request, error, kind, token)
    else:
        return redirect(URL_NAMES[kind], token=token)
    if cache.add(f"results:resend:{invitation.pk}", 1, RESEND_SECONDS):
        services.resend_link(invitation)
    return render(request, "results/link_sent.html", {"event": invitation.event})
