import pytest
from django.urls import reverse

from modus.directory.services import save_priority
from modus.selection import services
from modus.selection.models import Review
from tests.factories import (
    EcosystemFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    UserFactory,
)

from .conftest import make_applicant, make_reviewer, submit_complete

pytestmark = pytest.mark.django_db


def review_url(review):
    return reverse("selection:review", kwargs={"pk": review.pk})


def scores_data(host_call, values, comments=("", ""), comment="", button="save"):
    data = {"comment": comment, button: "1"}
    for criterion, value, note in zip(host_call.criteria, values, comments, strict=True):
        data[f"score_{criterion.pk}"] = "" if value is None else str(value)
        data[f"comment_{criterion.pk}"] = note
    return data


@pytest.fixture
def assigned(host_call):
    """A submitted application with two reviewers, A and B."""
    application, applicant = submit_complete(host_call)
    a = make_reviewer("a@example.org")
    b = make_reviewer("b@example.org")
    review_a = services.assign_reviewer(application, reviewer=a, actor=host_call.office)
    review_b = services.assign_reviewer(application, reviewer=b, actor=host_call.office)
    return application, applicant, review_a, review_b


# My reviews -------------------------------------------------------------------------------------


def test_my_reviews_asks_anonymous_visitors_to_log_in(client):
    response = client.get(reverse("selection:my-reviews"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_my_reviews_lists_only_the_users_own(client, host_call, assigned):
    application, _applicant, review_a, review_b = assigned
    client.force_login(review_a.reviewer)
    response = client.get(reverse("selection:my-reviews"))
    assert response.status_code == 200
    assert response.context["to_do"] == [review_a]
    body = response.content.decode()
    assert review_url(review_a) in body
    assert review_url(review_b) not in body
    client.force_login(UserFactory(email="nobody@example.org"))
    response = client.get(reverse("selection:my-reviews"))
    assert response.context["to_do"] == [] and response.context["done"] == []
    assert "Nothing to review." in response.content.decode()


def test_my_reviews_splits_to_do_and_submitted(client, host_call, assigned):
    _application, _applicant, review_a, _review_b = assigned
    services.save_review(
        review_a,
        actor=review_a.reviewer,
        scores={c.pk: 3 for c in host_call.criteria},
        submit=True,
    )
    client.force_login(review_a.reviewer)
    response = client.get(reverse("selection:my-reviews"))
    assert response.context["to_do"] == []
    assert response.context["done"] == [review_a]


def test_my_reviews_hides_conflicted_assignments(client, host_call, assigned):
    application, _applicant, review_a, _review_b = assigned
    MembershipFactory(user=review_a.reviewer, organisation=application.organisation)
    client.force_login(review_a.reviewer)
    response = client.get(reverse("selection:my-reviews"))
    assert response.context["to_do"] == []
    assert application.title not in response.content.decode()


def test_my_reviews_lists_live_jury_sheets(client, pitch_call):
    user, organisation = make_applicant()
    application = services.start_application(pitch_call.call, organisation=organisation, actor=user)
    juror = UserFactory(email="juror@example.org")
    live = Review.objects.create(application=application, reviewer=juror, stage=Review.Stage.LIVE)
    client.force_login(juror)
    response = client.get(reverse("selection:my-reviews"))
    assert response.context["to_do"] == [live]
    assert "Live jury" in response.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_my_reviews_query_count(client, host_call, django_assert_num_queries, count):
    reviewer = make_reviewer()
    for n in range(count):
        application, _ = submit_complete(host_call, f"app{n}@example.org")
        services.assign_reviewer(application, reviewer=reviewer, actor=host_call.office)
    client.force_login(reviewer)
    with django_assert_num_queries(5):
        response = client.get(reverse("selection:my-reviews"))
    assert len(response.context["to_do"]) == count


# The score sheet --------------------------------------------------------------------------------


def test_review_form_asks_anonymous_visitors_to_log_in(client, assigned):
    response = client.get(review_url(assigned[2]))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("who", ["other_reviewer", "office", "applicant", "stranger"])
def test_review_form_is_404_for_everyone_but_its_reviewer(client, host_call, assigned, who):
    _application, applicant, review_a, review_b = assigned
    user = {
        "other_reviewer": review_b.reviewer,
        "office": host_call.office,
        "applicant": applicant,
        "stranger": UserFactory(email="stranger@example.org"),
    }[who]
    client.force_login(user)
    assert client.get(review_url(review_a)).status_code == 404
    response = client.post(review_url(review_a), scores_data(host_call, [5, 5], button="submit"))
    assert response.status_code == 404
    review_a.refresh_from_db()
    assert review_a.submitted_at is None
    assert not review_a.scores.exists()


def test_review_form_for_an_unknown_review_is_404(client, assigned):
    client.force_login(assigned[2].reviewer)
    assert client.get(reverse("selection:review", kwargs={"pk": 999999})).status_code == 404


def test_a_conflicted_reviewer_cannot_open_the_review(client, host_call):
    """A Review row from before the reviewer joined the applicant organisation."""
    application, _ = submit_complete(host_call)
    reviewer = make_reviewer()
    MembershipFactory(user=reviewer, organisation=application.organisation)
    review = Review.objects.create(application=application, reviewer=reviewer)
    client.force_login(reviewer)
    assert client.get(review_url(review)).status_code == 404
    response = client.post(review_url(review), scores_data(host_call, [5, 5], button="submit"))
    assert response.status_code == 404
    assert not review.scores.exists()


def test_reviewer_sees_the_application_answers_and_documents(client, host_call, assigned):
    application, _applicant, review_a, _review_b = assigned
    client.force_login(review_a.reviewer)
    response = client.get(review_url(review_a))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Energy transition in Silesia." in body
    assert "Because of our 22 clusters." in body
    document = application.documents.get()
    assert (
        reverse(
            "selection:application-document",
            kwargs={"pk": application.pk, "document_pk": document.pk},
        )
        in body
    )
    assert "Relevance" in body and "Capacity to host" in body
    assert "Save draft" in body and "Submit" in body
    assert '<option value="5">5</option>' in body


def test_save_a_draft_then_submit(client, host_call, assigned):
    _application, _applicant, review_a, _review_b = assigned
    client.force_login(review_a.reviewer)
    url = review_url(review_a)
    response = client.post(url, scores_data(host_call, [4, None], ("Good fit", ""), "So far"))
    assert response.status_code == 302
    review_a.refresh_from_db()
    assert review_a.submitted_at is None
    assert review_a.comment == "So far"
    assert {s.criterion_id: s.value for s in review_a.scores.all()} == {host_call.criteria[0].pk: 4}
    page = client.get(url).content.decode()
    assert '<option value="4" selected>4</option>' in page
    assert "Good fit" in page

    response = client.post(url, scores_data(host_call, [4, 2], button="submit"))
    assert response.status_code == 302
    review_a.refresh_from_db()
    assert review_a.submitted_at is not None
    page = client.get(url).content.decode()
    assert "You submitted this review" in page
    assert "Save draft" not in page
    # A submitted review is final.
    response = client.post(url, scores_data(host_call, [0, 0], button="submit"), follow=True)
    assert "You have already submitted this review." in response.content.decode()
    assert {s.value for s in review_a.scores.all()} == {4, 2}


def test_submitting_with_a_missing_score_shows_the_error_next_to_it(client, host_call, assigned):
    review_a = assigned[2]
    client.force_login(review_a.reviewer)
    response = client.post(
        review_url(review_a),
        scores_data(host_call, [5, None], ("Typed comment", ""), "Overall", button="submit"),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {
        f"score_{host_call.criteria[1].pk}": ["Score this criterion before submitting."]
    }
    body = response.content.decode()
    assert "Typed comment" in body and "Overall" in body
    review_a.refresh_from_db()
    assert review_a.submitted_at is None


@pytest.mark.parametrize("value", ["99", "-1", "abc"])
def test_a_score_outside_the_scale_is_an_error(client, host_call, assigned, value):
    review_a = assigned[2]
    client.force_login(review_a.reviewer)
    data = scores_data(host_call, [3, 3])
    data[f"score_{host_call.criteria[0].pk}"] = value
    response = client.post(review_url(review_a), data)
    assert response.status_code == 200
    assert f"score_{host_call.criteria[0].pk}" in response.context["form"].errors
    assert not review_a.scores.exists()


def test_others_scores_are_hidden_until_the_reviewer_submits(client, host_call, assigned):
    _application, _applicant, review_a, review_b = assigned
    services.save_review(
        review_a,
        actor=review_a.reviewer,
        scores={
            host_call.criteria[0].pk: (5, "Outstanding cluster network"),
            host_call.criteria[1].pk: 1,
        },
        comment="A's overall view",
        submit=True,
    )
    client.force_login(review_b.reviewer)
    url = review_url(review_b)
    body = client.get(url).content.decode()
    assert "Outstanding cluster network" not in body
    assert "A&#x27;s overall view" not in body and "A's overall view" not in body
    assert "shown after you submit your own" in body
    client.post(url, scores_data(host_call, [2, 2], button="submit"))
    response = client.get(url)
    assert [r.pk for r in response.context["others"]] == [review_a.pk]
    body = response.content.decode()
    assert "Outstanding cluster network" in body
    assert str(review_a.reviewer) in body


def test_reviewer_panel_on_the_application_page(client, host_call, assigned):
    application, _applicant, review_a, _review_b = assigned
    client.force_login(review_a.reviewer)
    body = client.get(application.get_absolute_url()).content.decode()
    assert review_url(review_a) in body
    assert "not submitted yet" in body
    assert "Assign a reviewer" not in body


def test_review_page_lists_the_application_facts_like_the_application_page(
    client, host_call, assigned
):
    _application, _applicant, review_a, _review_b = assigned
    client.force_login(review_a.reviewer)
    body = client.get(review_url(review_a)).content.decode()
    facts = body[body.index('<dl class="facts">') :]
    facts = facts[: facts.index("</dl>")]
    assert "Śląskie (PL22)" in facts
    assert "<dt>City</dt><dd>Katowice</dd>" in facts
    assert "International Congress Centre" in facts


def test_the_reviewer_of_a_host_application_sees_the_clusters_the_region_could_bring(
    client, host_call, assigned
):
    application, _applicant, review_a, _review_b = assigned
    mobility = EcosystemFactory(key="mobility", label="Mobility")
    save_priority(region=application.region, title="Electromobility", ecosystems=[mobility])
    home = RegionFactory(code="PL22A", name="Katowicki", country_code="PL")
    away = RegionFactory(code="CZ080", name="Moravskoslezský kraj", country_code="CZ")
    OrganisationFactory(name="Katowice Car Cluster", kind="cluster", region=home).ecosystems.add(
        mobility
    )
    OrganisationFactory(name="Ostrava Bus Cluster", kind="cluster", region=away).ecosystems.add(
        mobility
    )
    OrganisationFactory(name="Katowice Bus Maker", kind="company", region=home).ecosystems.add(
        mobility
    )
    client.force_login(review_a.reviewer)
    body = client.get(review_url(review_a)).content.decode()
    assert "Clusters the host region could bring and invite" in body
    inside, outside = body.split("Outside Śląskie")
    assert "Katowice Car Cluster" in inside and "Ostrava Bus Cluster" in outside
    assert "meets the priority “Electromobility” through Mobility" in outside
    assert "Katowice Bus Maker" not in body
