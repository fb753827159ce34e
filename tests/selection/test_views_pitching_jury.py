"""The jury's score sheets on a phone."""

import pytest

from modus.selection.models import (
    Review,
)
from tests.factories import (
    MembershipFactory,
    UserFactory,
)

from .conftest import call_url, login

pytestmark = pytest.mark.django_db


def score_data(review, criteria, values, **extra):
    data = {"review": review.pk}
    for criterion, value in zip(criteria, values, strict=True):
        data[f"review-{review.pk}-criterion_{criterion.pk}"] = value
    data.update(extra)
    return data


def test_jury_member_gets_score_sheets_on_opening_the_page(client, jury_setup):
    pc, pitches, juror = jury_setup
    login(client, juror)
    response = client.get(call_url("jury", pc.call))
    assert response.status_code == 200
    assert [s["application"] for s in response.context["sheets"]] == pitches
    assert Review.objects.filter(reviewer=juror, stage=Review.Stage.LIVE).count() == 2
    # Opening it again creates nothing new.
    client.get(call_url("jury", pc.call))
    assert Review.objects.filter(reviewer=juror, stage=Review.Stage.LIVE).count() == 2
    html = response.content.decode()
    assert 'type="radio"' in html
    assert "Innovation" in html


def test_jury_member_scores_and_scores_are_final(client, jury_setup):
    pc, pitches, juror = jury_setup
    login(client, juror)
    client.get(call_url("jury", pc.call))
    review = Review.objects.get(reviewer=juror, application=pitches[0], stage=Review.Stage.LIVE)
    response = client.post(call_url("jury", pc.call), score_data(review, pc.criteria, [4, 5]))
    assert response.status_code == 302
    assert response["Location"].endswith(f"#pitch-{pitches[0].pk}")
    review.refresh_from_db()
    assert review.submitted_at is not None
    assert sorted(review.scores.values_list("value", flat=True)) == [4, 5]
    # A second post (reload, replay) changes nothing.
    response = client.post(
        call_url("jury", pc.call), score_data(review, pc.criteria, [0, 0]), follow=True
    )
    assert "already submitted" in response.content.decode()
    assert sorted(review.scores.values_list("value", flat=True)) == [4, 5]
    page = client.get(call_url("jury", pc.call)).content.decode()
    assert "Submitted – final" in page


def test_missing_or_bad_scores_are_errors_next_to_the_field(client, jury_setup):
    pc, pitches, juror = jury_setup
    login(client, juror)
    client.get(call_url("jury", pc.call))
    review = Review.objects.get(reviewer=juror, application=pitches[0], stage=Review.Stage.LIVE)
    innovation, market = pc.criteria
    data = {"review": review.pk, f"review-{review.pk}-criterion_{innovation.pk}": "3"}
    response = client.post(call_url("jury", pc.call), data)
    assert response.status_code == 200
    sheet = response.context["sheets"][0]
    assert sheet["form"].errors[f"criterion_{market.pk}"] == ["Choose a score."]
    assert sheet["form"][f"criterion_{innovation.pk}"].value() == "3"  # what was typed is kept
    assert " checked" in response.content.decode()
    response = client.post(call_url("jury", pc.call), score_data(review, pc.criteria, [3, 99]))
    assert response.status_code == 200
    assert response.context["sheets"][0]["form"].errors[f"criterion_{market.pk}"]
    review.refresh_from_db()
    assert review.submitted_at is None


def test_jury_member_never_scores_their_own_organisation(client, jury_setup):
    pc, pitches, juror = jury_setup
    MembershipFactory(user=juror, organisation=pitches[1].organisation)
    login(client, juror)
    response = client.get(call_url("jury", pc.call))
    assert [s["application"] for s in response.context["sheets"]] == [pitches[0]]


def test_jury_page_is_for_the_jury_and_the_cohosts(client, jury_setup):
    pc, pitches, juror = jury_setup
    target = call_url("jury", pc.call)
    response = client.get(target)
    assert response.status_code == 302 and "login" in response["Location"]
    applicant = pitches[0].organisation.memberships.get().user
    for outsider in (UserFactory(), applicant):
        login(client, outsider)
        assert client.get(target).status_code == 404
    login(client, pc.cohost)
    response = client.get(target)
    assert response.status_code == 200
    assert response.context["sheets"] == []
    assert len(response.context["progress"]) == 2


def test_nobody_posts_scores_on_another_jurors_sheet(client, jury_setup):
    pc, pitches, juror = jury_setup
    login(client, juror)
    client.get(call_url("jury", pc.call))
    review = Review.objects.get(reviewer=juror, application=pitches[0], stage=Review.Stage.LIVE)
    other = UserFactory()
    pc.call.panel.add(other)
    login(client, other)
    response = client.post(call_url("jury", pc.call), score_data(review, pc.criteria, [1, 1]))
    assert response.status_code == 404
    assert client.post(call_url("jury", pc.call), {"review": "x"}).status_code == 404
    login(client, pc.cohost)
    assert (
        client.post(call_url("jury", pc.call), score_data(review, pc.criteria, [1, 1])).status_code
        == 404
    )
    review.refresh_from_db()
    assert review.submitted_at is None and not review.scores.exists()


def test_jury_members_get_no_manage_tabs(client, pitch_call):
    juror = UserFactory(email="juror-tabs@example.org")
    pitch_call.call.panel.add(juror)
    html = login(client, juror).get(call_url("jury", pitch_call.call)).content.decode()
    assert 'class="manage-nav"' not in html
    assert call_url("call-manage", pitch_call.call) not in html
