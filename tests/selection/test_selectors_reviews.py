"""Reads of reviews: whose scores a user sees, and the ranking."""

import pytest

from modus.selection import selectors, services

from .conftest import make_reviewer

pytestmark = pytest.mark.django_db


def test_scores_stay_hidden_until_a_reviewer_submits(host_call, submitted):
    first, second = make_reviewer("r1@example.org"), make_reviewer("r2@example.org")
    review_1 = services.assign_reviewer(submitted, reviewer=first, actor=host_call.office)
    review_2 = services.assign_reviewer(submitted, reviewer=second, actor=host_call.office)
    relevance, capacity = host_call.criteria
    services.save_review(
        review_1,
        actor=first,
        scores={relevance.pk: (5, "Great"), capacity.pk: (2, "")},
        submit=True,
    )
    assert selectors.visible_reviews(submitted, second) == [review_2]
    services.save_review(
        review_2, actor=second, scores={relevance.pk: 3, capacity.pk: 3}, submit=True
    )
    assert {r.pk for r in selectors.visible_reviews(submitted, second)} == {
        review_1.pk,
        review_2.pk,
    }
    with pytest.raises(services.SelectionError):
        services.save_review(review_2, actor=second, scores={relevance.pk: 1})


def test_ranking_weighted_mean_spread_and_missing(host_call, submitted):
    relevance, capacity = host_call.criteria
    reviewers = [make_reviewer(f"r{i}@example.org") for i in range(3)]
    reviews = [
        services.assign_reviewer(submitted, reviewer=r, actor=host_call.office) for r in reviewers
    ]
    services.save_review(
        reviews[0], actor=reviewers[0], scores={relevance.pk: 5, capacity.pk: 2}, submit=True
    )
    services.save_review(
        reviews[1], actor=reviewers[1], scores={relevance.pk: 2, capacity.pk: 5}, submit=True
    )
    (row,) = selectors.ranking(host_call.call, cut_off=submitted.cut_off)
    assert row.totals == [4.0, 3.0]  # (2·5 + 2) / 3 and (2·2 + 5) / 3
    assert row.mean == pytest.approx(3.5)
    assert row.spread == pytest.approx(1.0)
    assert row.missing == 1
