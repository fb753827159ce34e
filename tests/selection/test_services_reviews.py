"""Assigning reviewers and scoring."""

import pytest

from modus.selection import services
from tests.factories import MembershipFactory, UserFactory

from .conftest import make_reviewer

pytestmark = pytest.mark.django_db


def test_reviewer_from_the_applicant_organisation_cannot_be_assigned(host_call, submitted):
    colleague = UserFactory()
    MembershipFactory(user=colleague, organisation=submitted.organisation)
    with pytest.raises(services.SelectionError) as error:
        services.assign_reviewer(submitted, reviewer=colleague, actor=host_call.office)
    assert error.value.code == "conflict_of_interest"


def test_scores_outside_the_scale_are_refused(host_call, submitted):
    reviewer = make_reviewer()
    review = services.assign_reviewer(submitted, reviewer=reviewer, actor=host_call.office)
    with pytest.raises(services.SelectionError) as error:
        services.save_review(review, actor=reviewer, scores={host_call.criteria[0].pk: 9})
    assert error.value.code == "bad_score"
