"""Review: assign reviewers (never to their own organisation) and score the criteria.

The ranking and whose scores a user sees are reads: ``selectors.reviews``."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import REVIEWABLE, Application, Call, Review, Score
from ..permissions import has_conflict, may_review
from . import notifications
from .calls import check_manager
from .errors import NotAllowed, SelectionError
from .history import Action, log


@transaction.atomic
def assign_reviewer(
    application: Application, *, reviewer, actor, stage=Review.Stage.SELECTION, notify=True
) -> Review:
    """Give an application to a reviewer. Refused when they belong to the applicant organisation."""
    check_manager(actor, application.call)
    if not (reviewer and reviewer.is_active):
        raise SelectionError({"reviewer": [_("This account is not active.")]}, code="inactive")
    if has_conflict(reviewer, application):
        raise SelectionError(
            {
                "reviewer": [
                    _("%(name)s belongs to the applicant organisation (conflict of interest).")
                    % {"name": reviewer}
                ]
            },
            code="conflict_of_interest",
        )
    if application.status not in REVIEWABLE:
        raise SelectionError(_("Only submitted applications are reviewed."), code="not_submitted")
    review, created = Review.objects.get_or_create(
        application=application, reviewer=reviewer, stage=stage, defaults={"assigned_by": actor}
    )
    if created:
        application.call.panel.add(reviewer)
        log(application, actor, Action.REVIEWER_ASSIGNED, str(reviewer))
        if notify:
            notifications.review_assigned(review)
    return review


@transaction.atomic
def remove_reviewer(review: Review, *, actor) -> None:
    check_manager(actor, review.application.call)
    if review.submitted_at:
        raise SelectionError(_("A submitted review stays on record."), code="review_submitted")
    log(review.application, actor, Action.REVIEWER_REMOVED, str(review.reviewer))
    review.delete()


def _check_value(call: Call, value) -> int:
    try:
        value = int(value)
    except (TypeError, ValueError) as error:
        raise SelectionError(_("A score is a whole number."), code="bad_score") from error
    if not call.score_min <= value <= call.score_max:
        raise SelectionError(
            _("Scores go from %(low)s to %(high)s.")
            % {"low": call.score_min, "high": call.score_max},
            code="score_out_of_range",
        )
    return value


@transaction.atomic
def save_review(
    review: Review, *, actor, scores: dict, comment: str = "", submit: bool = False, now=None
) -> Review:
    """Save scores ``{criterion_id: (value, comment)}``; ``submit`` needs every criterion scored.

    A submitted review is final."""
    review = (
        Review.objects.select_for_update().select_related("application__call").get(pk=review.pk)
    )
    if review.reviewer_id != actor.pk or not may_review(actor, review.application):
        raise NotAllowed(_("This review is not yours."), code="not_reviewer")
    if review.submitted_at:
        raise SelectionError(_("You have already submitted this review."), code="review_final")
    call = review.application.call
    if (
        review.stage == Review.Stage.LIVE
        and review.application.status != Application.Status.ACCEPTED
    ):
        raise SelectionError(_("Only selected pitches are scored live."), code="not_selected")
    criteria = {c.pk: c for c in call.criteria.all()}
    errors = {}
    for key, entry in scores.items():
        value, note = entry if isinstance(entry, tuple | list) else (entry, "")
        criterion = criteria.get(int(key))
        if criterion is None:
            continue
        if value in (None, ""):
            Score.objects.filter(review=review, criterion=criterion).delete()
            continue
        try:
            value = _check_value(call, value)
        except SelectionError as error:
            errors[str(criterion.pk)] = error.messages
            continue
        Score.objects.update_or_create(
            review=review, criterion=criterion, defaults={"value": value, "comment": note.strip()}
        )
    if errors:
        raise SelectionError(errors, code="bad_score")
    review.comment = comment.strip()
    if submit:
        scored = set(review.scores.values_list("criterion_id", flat=True))
        missing = [c.title for pk, c in criteria.items() if pk not in scored]
        if missing:
            raise SelectionError(
                _("Score every criterion before submitting: %s.") % ", ".join(missing),
                code="incomplete_review",
            )
        review.submitted_at = now or timezone.now()
    review.save(update_fields=["comment", "submitted_at"])
    return review
