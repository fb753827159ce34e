"""Reads of reviews: a reviewer's own sheets, whose scores a user may see, and the ranking."""

import statistics
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import REVIEWABLE, Application, Call, CutOff, Review
from ..permissions import conflicts, may_manage_call


def own_reviews(user):
    """The reviews and live score sheets given to this user, none from their own organisations
    (a conflict of interest hides an assignment)."""
    return Review.objects.filter(reviewer=user).exclude(conflicts(user, "application__"))


def my_reviews(user) -> list[Review]:
    """The reviewer's page: their sheets, those still to do first, the latest assigned first."""
    return list(
        own_reviews(user)
        .select_related(
            "application__call__programme",
            "application__call__session__event",
            "application__cut_off",
        )
        .order_by("submitted_at", "-assigned_at")
    )


def reviews_to_do(user) -> list[Review]:
    """The reviews before a decision the user has not submitted yet, oldest assignment first."""
    return list(
        own_reviews(user)
        .filter(stage=Review.Stage.SELECTION, submitted_at__isnull=True)
        .select_related("application__call", "application__organisation")
        .order_by("assigned_at", "pk")
    )


def reviews_for_api(user):
    """The API's list of the user's own sheets, latest assigned first."""
    return (
        Review.objects.filter(pk__in=own_reviews(user).values("pk"))
        .select_related(
            "application__call",
            "application__organisation",
            "application__region",
            "application__created_event",
        )
        .order_by("-assigned_at", "pk")
    )


def own_review_or_404(user, pk: int) -> Review:
    """One of the user's own sheets with its application and scores (not their own
    organisation's: a conflict of interest is checked by the caller)."""
    return get_object_or_404(
        Review.objects.select_related(
            "application__call", "application__organisation", "application__region"
        ).prefetch_related("scores"),
        pk=pk,
        reviewer=user,
    )


def review_or_404(pk: int) -> Review:
    """A review with its application and the application's call, for the score sheet page."""
    return get_object_or_404(
        Review.objects.select_related(
            "application__call__programme",
            "application__call__session__event",
            "application__organisation",
            "application__region",
        ),
        pk=pk,
    )


def review_of_application_or_404(application: Application, pk: int) -> Review:
    return get_object_or_404(
        Review.objects.select_related("reviewer", "application__call"),
        pk=pk,
        application=application,
    )


def sheets_of(application: Application, user) -> list[Review]:
    """The user's own sheets for this application: the live one (if any) before the review."""
    return list(
        Review.objects.filter(application=application, reviewer=user).order_by("stage", "pk")
    )


def visible_reviews(application: Application, user) -> list[Review]:
    """Managers see every review. A reviewer sees the others' only after submitting their own."""
    reviews = list(
        application.reviews.select_related("reviewer").prefetch_related("scores__criterion")
    )
    if may_manage_call(user, application.call):
        return reviews
    own = [r for r in reviews if r.reviewer_id == user.pk]
    if own and all(r.submitted_at for r in own):
        return [r for r in reviews if r.submitted_at or r.reviewer_id == user.pk]
    return own


def weighted_total(review: Review, criteria) -> float | None:
    """The review's weighted mean score (on the call's scale), or None if nothing is scored."""
    values = {score.criterion_id: score.value for score in review.scores.all()}
    weights = [(c.weight, values[c.pk]) for c in criteria if c.pk in values]
    if not weights:
        return None
    return sum(w * v for w, v in weights) / sum(w for w, _ in weights)


def with_score_rows(reviews, criteria) -> list[Review]:
    """Give each review ``score_row`` (its scores in the criteria's order, None where missing)
    and ``total`` (its weighted mean) for the score tables."""
    for review in reviews:
        values = {score.criterion_id: score for score in review.scores.all()}
        review.score_row = [values.get(c.pk) for c in criteria]
        review.total = weighted_total(review, criteria)
    return list(reviews)


@dataclass
class RankedApplication:
    application: Application
    mean: float | None
    spread: float | None
    submitted: int
    assigned: int
    totals: list[float] = field(default_factory=list)

    @property
    def missing(self) -> int:
        return self.assigned - self.submitted


def review_summary(application: Application, criteria, stage=Review.Stage.SELECTION):
    reviews = [r for r in application.reviews.all() if r.stage == stage]
    totals = [
        t for r in reviews if r.submitted_at and (t := weighted_total(r, criteria)) is not None
    ]
    return RankedApplication(
        application=application,
        mean=statistics.fmean(totals) if totals else None,
        spread=(max(totals) - min(totals)) if len(totals) > 1 else (0.0 if totals else None),
        submitted=len(totals),
        assigned=len(reviews),
        totals=totals,
    )


def ranking(
    call: Call, *, cut_off: CutOff | None = None, stage=Review.Stage.SELECTION, statuses=None
) -> list[RankedApplication]:
    """Applications of a cut-off (or the whole call) by weighted mean score, best first.

    Each row carries the spread between reviewers (highest minus lowest total) and how many
    assigned reviews are still missing. Unscored applications come last."""
    statuses = statuses or sorted(REVIEWABLE)
    criteria = list(call.criteria.all())
    applications = (
        call.applications.filter(status__in=statuses)
        .select_related("organisation", "cut_off", "region")
        .prefetch_related(
            Prefetch(
                "reviews",
                queryset=Review.objects.filter(stage=stage).prefetch_related("scores"),
            )
        )
    )
    if cut_off is not None:
        applications = applications.filter(cut_off=cut_off)
    rows = [review_summary(a, criteria, stage) for a in applications]
    rows.sort(key=lambda row: (row.mean is None, -(row.mean or 0), row.application.pk))
    return rows


def missing_review_warnings(application: Application) -> list[str]:
    """What a decision on ``application`` would be made without: reviews assigned and not yet
    submitted, or (for a host call) no review at all. Empty when every review is in."""
    counts = application.reviews.filter(stage=Review.Stage.SELECTION).aggregate(
        assigned=Count("pk"), submitted=Count("pk", filter=Q(submitted_at__isnull=False))
    )
    assigned, submitted = counts["assigned"], counts["submitted"]
    if not assigned:
        if application.call.purpose == Call.Purpose.HOST:
            return [_("No one has reviewed this application yet.")]
        return []
    if submitted < assigned:
        missing = assigned - submitted
        return [
            ngettext(
                "%(missing)s of %(assigned)s reviews is still missing.",
                "%(missing)s of %(assigned)s reviews are still missing.",
                missing,
            )
            % {"missing": missing, "assigned": assigned}
        ]
    return []


def missing_sheet_warnings(call: Call) -> list[str]:
    """What the jury's ranking of a pitch call would be published without: live score sheets
    of selected pitches not yet submitted."""
    missing = Review.objects.filter(
        application__call=call,
        application__status=Application.Status.ACCEPTED,
        stage=Review.Stage.LIVE,
        submitted_at__isnull=True,
    ).count()
    if not missing:
        return []
    return [
        ngettext(
            "%(count)s jury score sheet is not submitted yet; the ranking counts only "
            "the submitted ones.",
            "%(count)s jury score sheets are not submitted yet; the ranking counts only "
            "the submitted ones.",
            missing,
        )
        % {"count": missing}
    ]
