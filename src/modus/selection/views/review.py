"""Pages for reviewers and jury members: their assignments and the score sheet.

A review is opened only by its own reviewer, and only without a conflict of interest
(``may_review``); anyone else gets 404, anonymous visitors are sent to log in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from modus.web.forms import add_service_errors

from .. import selectors, services
from ..forms.review import ReviewForm
from ..models import Review
from ..permissions import may_review
from ..services.errors import NotAllowed


@login_required
@require_GET
def my_reviews(request):
    """Any logged-in user: the reviews and jury score sheets assigned to them (none shown for
    applications from their own organisations)."""
    reviews = selectors.my_reviews(request.user)
    return render(
        request,
        "selection/my_reviews.html",
        {
            "to_do": [r for r in reviews if not r.submitted_at],
            "done": [r for r in reviews if r.submitted_at],
        },
    )


def _own_review(request, pk) -> Review:
    review = selectors.review_or_404(pk)
    if review.reviewer_id != request.user.pk or not may_review(request.user, review.application):
        raise Http404
    return review


@login_required
@require_http_methods(["GET", "POST"])
def review_form(request, pk):
    """The assigned reviewer without a conflict of interest: read the application, score each
    criterion with a comment, save a draft or submit. Others' scores show after submitting."""
    review = _own_review(request, pk)
    application = review.application
    call = application.call
    criteria = list(call.criteria.all())
    form = None
    if not review.submitted_at:
        form = ReviewForm(request.POST or None, review=review, criteria=criteria)
        if request.method == "POST" and form.is_valid():
            submit = "submit" in request.POST
            if not submit or form.check_complete():
                try:
                    services.save_review(
                        review,
                        actor=request.user,
                        scores=form.scores(),
                        comment=form.cleaned_data["comment"],
                        submit=submit,
                    )
                except NotAllowed as error:
                    raise Http404 from error
                except ValidationError as error:
                    _add_review_errors(form, error)
                else:
                    if submit:
                        messages.success(
                            request,
                            _("Your review was submitted. The other reviewers' scores are below."),
                        )
                    else:
                        messages.success(request, _("Your draft was saved."))
                    return redirect("selection:review", pk=review.pk)
    elif request.method == "POST":
        messages.error(request, _("You have already submitted this review."))
        return redirect("selection:review", pk=review.pk)

    visible = selectors.visible_reviews(application, request.user)
    mine = next((r for r in visible if r.pk == review.pk), review)
    others = [r for r in visible if r.reviewer_id != request.user.pk and r.submitted_at]
    selectors.with_score_rows([mine, *others], criteria)
    summary = selectors.application_summary(application)
    return render(
        request,
        "selection/review_form.html",
        {
            "review": review,
            "application": application,
            "call": call,
            "criteria": criteria,
            "form": form,
            "mine": mine,
            "mine_list": [mine],
            "others": others,
            "answers": summary["answered_questions"],
            "documents": summary["application_documents"],
            "ecosystems": summary["ecosystems"],
            "co_organisers": summary["co_organisers"],
            "host_fit": summary["host_fit"],
        },
    )


def _add_review_errors(form: ReviewForm, error: ValidationError) -> None:
    """The service keys score errors by criterion id; put them next to that criterion's score."""
    keys = getattr(error, "error_dict", {})
    add_service_errors(form, error, aliases={key: f"score_{key}" for key in keys})
