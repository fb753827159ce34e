"""One review per reviewer, application and stage; one score per criterion."""

import pytest
from django.db import IntegrityError

from modus.selection import services
from modus.selection.models import Review, Score

from .conftest import make_reviewer

pytestmark = pytest.mark.django_db


def test_one_review_per_reviewer_and_stage(host_call, submitted):
    reviewer = make_reviewer()
    review = services.assign_reviewer(submitted, reviewer=reviewer, actor=host_call.office)
    assert str(review) == f"{reviewer} → {submitted}"
    Review.objects.create(application=submitted, reviewer=reviewer, stage=Review.Stage.LIVE)
    with pytest.raises(IntegrityError):
        Review.objects.create(application=submitted, reviewer=reviewer)


def test_one_score_per_criterion(host_call, submitted):
    reviewer = make_reviewer()
    review = services.assign_reviewer(submitted, reviewer=reviewer, actor=host_call.office)
    criterion = host_call.criteria[0]
    score = Score.objects.create(review=review, criterion=criterion, value=4)
    assert str(score) == "Relevance: 4"
    with pytest.raises(IntegrityError):
        Score.objects.create(review=review, criterion=criterion, value=5)
