"""The reviewer's score sheet."""

import pytest

from modus.selection import services
from modus.selection.forms.review import ReviewForm

from .conftest import make_reviewer

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(host_call, submitted):
    reviewer = make_reviewer()
    return services.assign_reviewer(submitted, reviewer=reviewer, actor=host_call.office)


def data(host_call, values, comment=""):
    fields = {"comment": comment}
    for criterion, value in zip(host_call.criteria, values, strict=True):
        fields[f"score_{criterion.pk}"] = value
        fields[f"comment_{criterion.pk}"] = f"On {criterion.title}"
    return fields


def test_every_criterion_has_a_score_and_a_comment_then_the_overall_comment(host_call, review):
    form = ReviewForm(review=review, criteria=host_call.criteria)
    relevance, capacity = host_call.criteria
    assert list(form.fields) == [
        f"score_{relevance.pk}",
        f"comment_{relevance.pk}",
        f"score_{capacity.pk}",
        f"comment_{capacity.pk}",
        "comment",
    ]
    choices = form.fields[f"score_{relevance.pk}"].choices
    assert [value for value, _ in choices] == ["", "0", "1", "2", "3", "4", "5"]


def test_a_draft_may_miss_scores_a_submission_may_not(host_call, review):
    form = ReviewForm(data(host_call, ["4", ""]), review=review, criteria=host_call.criteria)
    assert form.is_valid()
    relevance, capacity = host_call.criteria
    assert form.scores() == {
        relevance.pk: ("4", "On Relevance"),
        capacity.pk: (None, "On Capacity to host"),
    }
    assert not form.check_complete()
    assert form.errors[f"score_{capacity.pk}"] == ["Score this criterion before submitting."]


def test_the_sheet_shows_the_saved_scores(host_call, review):
    relevance, _capacity = host_call.criteria
    services.save_review(
        review, actor=review.reviewer, scores={relevance.pk: (3, "Fair")}, comment="Overall"
    )
    review.refresh_from_db()
    form = ReviewForm(review=review, criteria=host_call.criteria)
    assert form.fields[f"score_{relevance.pk}"].initial == "3"
    assert form.fields[f"comment_{relevance.pk}"].initial == "Fair"
    assert form.initial["comment"] == "Overall"
