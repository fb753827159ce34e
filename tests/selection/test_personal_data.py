"""What selection exports and erases of a person: a submitted review and a vote stay counted,
anonymous; a review not yet submitted goes."""

import pytest

from modus.accounts.personal_data import Erasure
from modus.selection import personal_data, selectors
from modus.selection.models import AudienceVote, Review, Score

from .conftest import make_reviewer, score, submit_complete, vote_as

pytestmark = pytest.mark.django_db


def test_reviews_are_exported_then_kept_anonymous_for_the_ranking(host_call):
    application, applicant = submit_complete(host_call)
    reviewer, late = make_reviewer(), make_reviewer("late@example.org")
    review = score(application, reviewer, host_call.office, [4, 3])
    Review.objects.filter(pk=review.pk).update(comment="Strong host region, says Rita.")
    Score.objects.filter(review=review).update(comment="Rita's note")
    score(application, late, host_call.office, [2, 2], submit=False)
    (ranked,) = selectors.ranking(host_call.call, cut_off=application.cut_off)

    (exported,) = personal_data.export_reviews(reviewer)
    assert exported["comment"].startswith("Strong") and exported["submitted"]
    assert [s["score"] for s in exported["scores"]] == [4, 3]
    assert personal_data.export_applications(applicant)[0]["title"] == application.title

    erasure = Erasure(reviewer)
    personal_data.erase_reviews(erasure)
    personal_data.erase_reviews(Erasure(late))
    kept = Review.objects.get(application=application, submitted_at__isnull=False)
    assert kept.reviewer == erasure.former() and kept.comment == ""
    assert set(kept.scores.values_list("comment", flat=True)) == {""}
    assert not Review.objects.filter(reviewer=late).exists()
    (again,) = selectors.ranking(host_call.call, cut_off=application.cut_off)
    assert again.mean == ranked.mean


def test_a_vote_stays_counted_for_nobody(voting):
    pitch_call, (pitch, _other), _voter = voting
    vote_as(pitch_call, pitch, 2)
    voter = AudienceVote.objects.first().user
    assert personal_data.export_votes(voter)[0]["pitch"] == pitch.title
    erasure = Erasure(voter)
    personal_data.erase_votes(erasure)
    assert AudienceVote.objects.filter(application=pitch).count() == 2
    assert AudienceVote.objects.filter(user=erasure.former()).count() == 1
