"""The selection API: calls in public, applications and reviews only to the people allowed."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from modus.selection import services
from modus.selection.models import Application, Call, Review
from tests.factories import MembershipFactory, OrganisationFactory, PersonFactory, UserFactory

from .conftest import complete_draft, make_applicant, make_reviewer, submit_complete

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"


@pytest.fixture
def api():
    return APIClient()


def authorise(api, user):
    token, _created = Token.objects.get_or_create(user=user)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")


@pytest.fixture
def under_review(host_call):
    """A submitted application, one reviewer assigned (no conflict)."""
    application, user = submit_complete(host_call)
    reviewer = make_reviewer()
    review = services.assign_reviewer(
        application, reviewer=reviewer, actor=host_call.office, notify=False
    )
    return application, user, reviewer, review


# Calls ------------------------------------------------------------------------------------------


def test_calls_are_public_and_drafts_are_only_for_their_managers(api, host_call):
    draft = services.create_call(
        actor=host_call.office,
        purpose=Call.Purpose.HOST,
        programme=host_call.programme,
        title="Next year's call",
    )
    response = api.get("/api/v1/calls/")
    assert response.status_code == 200
    assert [c["slug"] for c in response.json()["results"]] == [host_call.call.slug]
    assert api.get(f"/api/v1/calls/{draft.slug}/").status_code == 404
    authorise(api, UserFactory())
    assert api.get(f"/api/v1/calls/{draft.slug}/")["Content-Type"] == PROBLEM
    authorise(api, host_call.office)
    slugs = {c["slug"] for c in api.get("/api/v1/calls/").json()["results"]}
    assert slugs == {host_call.call.slug, draft.slug}
    assert api.get(f"/api/v1/calls/{draft.slug}/").status_code == 200


def test_call_detail_gives_cut_offs_in_utc_and_their_own_time(api, host_call):
    call = host_call.call
    call.cut_offs.all().delete()
    services.add_cut_off(
        call,
        actor=host_call.office,
        local_deadline=dt.datetime(2030, 12, 2, 18, 0),
        time_zone="Europe/Brussels",
        label="Second cut-off",
    )
    data = api.get(f"/api/v1/calls/{call.slug}/").json()
    assert data["cut_offs"] == [
        {
            "id": call.cut_offs.get().pk,
            "label": "Second cut-off",
            "deadline": "2030-12-02T17:00:00Z",
            "time_zone": "Europe/Brussels",
            "local_deadline": "2 December 2030, 18:00 CET",
            "invented": False,
        }
    ]
    assert [c["weight"] for c in data["criteria"]] == [2, 1]
    assert data["questions"][0]["text"] == "Why your region?"
    assert data["documents"][0]["title"].startswith("Letter of support")
    assert data["documents"][0]["max_bytes"] == 10 * 1024 * 1024
    assert data["eligible_kinds"] == ["agency", "association", "authority", "cluster"]


def test_call_list_query_count_does_not_grow(api, host_call):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert api.get("/api/v1/calls/").status_code == 200
        return len(queries)

    one = count()
    for n in range(2):
        call = services.create_call(
            actor=host_call.office,
            purpose=Call.Purpose.HOST,
            programme=host_call.programme,
            title=f"Another call {n}",
        )
        Call.objects.filter(pk=call.pk).update(status=Call.Status.CLOSED)
    assert Call.objects.count() == 3
    assert count() == one


# Applications: who sees what --------------------------------------------------------------------


def test_anonymous_callers_get_401_problems(api, under_review):
    application, *_ = under_review
    for url in (
        "/api/v1/applications/",
        f"/api/v1/applications/{application.pk}/",
        "/api/v1/reviews/",
    ):
        response = api.get(url)
        assert response.status_code == 401, url
        assert response["Content-Type"] == PROBLEM
    response = api.post(f"/api/v1/applications/{application.pk}/submit/")
    assert response.status_code == 401


def test_outsiders_get_404_and_an_empty_list(api, under_review):
    application, *_ = under_review
    authorise(api, UserFactory())
    response = api.get(f"/api/v1/applications/{application.pk}/")
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    assert api.get("/api/v1/applications/").json()["results"] == []
    assert api.patch(
        f"/api/v1/applications/{application.pk}/", {"title": "Mine"}, format="json"
    ).status_code == (404)


def _join_applicant_as_employee(reviewer, application):
    """The reviewer now works for the applicant organisation (their person profile says so)."""
    PersonFactory(user=reviewer, organisation=application.organisation)


def _join_a_co_organiser(reviewer, application):
    """The reviewer's organisation is listed as a co-organiser of the application."""
    partner = OrganisationFactory()
    MembershipFactory(user=reviewer, organisation=partner)
    application.co_organisers.add(partner)


@pytest.mark.parametrize("conflict", [_join_applicant_as_employee, _join_a_co_organiser])
def test_conflicted_reviewer_gets_404_through_the_api(api, under_review, host_call, conflict):
    """Acceptance 4 through the API: an assigned reviewer who belongs to the applicant
    organisation (or a co-organiser) cannot open the application or its score sheet."""
    application, _user, reviewer, review = under_review
    authorise(api, reviewer)
    assert api.get(f"/api/v1/applications/{application.pk}/").status_code == 200
    assert [r["id"] for r in api.get("/api/v1/reviews/").json()["results"]] == [review.pk]
    conflict(reviewer, application)
    response = api.get(f"/api/v1/applications/{application.pk}/")
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    assert "Silesia" not in response.content.decode()
    assert api.get("/api/v1/applications/").json()["results"] == []
    assert api.get("/api/v1/reviews/").json()["results"] == []
    response = api.get(f"/api/v1/reviews/{review.pk}/")
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    response = api.put(
        f"/api/v1/reviews/{review.pk}/",
        {"scores": {str(host_call.criteria[0].pk): {"value": 5}}},
        format="json",
    )
    assert response.status_code == 404
    assert not review.scores.exists()


def test_applicant_reviewer_and_office_see_the_application(api, under_review, host_call):
    application, user, reviewer, _review = under_review
    for person in (user, reviewer, host_call.office):
        authorise(api, person)
        data = api.get(f"/api/v1/applications/{application.pk}/").json()
        assert data["status"] == "submitted"
        assert data["region"] == "PL22"
        assert data["documents"][0]["url"].endswith(
            f"/applications/{application.pk}/documents/{data['documents'][0]['id']}/"
        )
        listed = api.get("/api/v1/applications/").json()["results"]
        assert [a["id"] for a in listed] == [application.pk]


def test_application_list_query_count_does_not_grow(api, host_call):
    office = host_call.office
    authorise(api, office)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert api.get("/api/v1/applications/").status_code == 200
        return len(queries)

    user, organisation = make_applicant("a1@example.org")
    services.start_application(host_call.call, organisation=organisation, actor=user)
    one = count()
    for n in (2, 3):
        user, organisation = make_applicant(f"a{n}@example.org")
        services.start_application(host_call.call, organisation=organisation, actor=user)
    assert len(api.get("/api/v1/applications/").json()["results"]) == 3
    assert count() == one


# Applicants write through the services ----------------------------------------------------------


def test_applicant_starts_saves_and_submits(api, host_call):
    user, organisation = make_applicant()
    authorise(api, user)
    url = f"/api/v1/calls/{host_call.call.slug}/applications/"
    response = api.post(url, {"title": "Silesia hosts"}, format="json")
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    assert response.json()["status"] == "draft"
    assert api.post(url, {}, format="json").status_code == 200  # the same draft again

    response = api.post(f"/api/v1/applications/{pk}/submit/")
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert response.json()["code"] == "incomplete"

    response = api.patch(
        f"/api/v1/applications/{pk}/",
        {"proposed_starts_on": "2027-11-08", "proposed_ends_on": "2027-11-07"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "ends_before_start"
    assert "proposed_ends_on" in response.json()["errors"]

    application = Application.objects.get(pk=pk)
    complete_draft(host_call, user, organisation)
    response = api.patch(f"/api/v1/applications/{pk}/", {"city": "Gliwice"}, format="json")
    assert response.status_code == 200
    assert response.json()["city"] == "Gliwice"
    assert response.json()["missing"] == []
    response = api.post(f"/api/v1/applications/{pk}/submit/")
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "submitted"
    application.refresh_from_db()
    assert application.cut_off == host_call.call.cut_offs.first()

    response = api.post(f"/api/v1/applications/{pk}/withdraw/", {"reason": "Not this year"})
    assert response.status_code == 200
    assert response.json()["status"] == "withdrawn"
    response = api.post(f"/api/v1/applications/{pk}/withdraw/")
    assert response.status_code == 400
    assert response.json()["code"] == "not_submitted"


def test_submission_after_the_deadline_is_refused_and_the_draft_kept(api, host_call):
    user, organisation = make_applicant()
    application = complete_draft(host_call, user, organisation)
    call = host_call.call
    call.cut_offs.all().delete()
    services.add_cut_off(
        call,
        actor=host_call.office,
        local_deadline=dt.datetime(2022, 12, 2, 18, 0),
        time_zone="Europe/Brussels",
    )
    authorise(api, user)
    response = api.post(f"/api/v1/applications/{application.pk}/submit/")
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    problem = response.json()
    assert problem["code"] == "deadline_passed"
    assert "02.12.2022 18:00 CET" in str(problem["errors"])
    application.refresh_from_db()
    assert application.status == Application.Status.DRAFT
    assert application.summary == "Energy transition in Silesia."


def test_not_allowed_is_a_403_problem_with_its_code(api, under_review, host_call):
    application, *_ = under_review
    authorise(api, host_call.office)  # may view, but is not an applicant
    response = api.post(f"/api/v1/applications/{application.pk}/withdraw/")
    assert response.status_code == 403
    assert response["Content-Type"] == PROBLEM
    assert response.json()["code"] == "not_applicant"
    outsider = UserFactory()
    authorise(api, outsider)
    response = api.post(f"/api/v1/calls/{host_call.call.slug}/applications/", {}, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "organisation_required"


# Reviews and the ranking ------------------------------------------------------------------------


def test_reviewer_scores_and_submits(api, under_review, host_call):
    application, _user, reviewer, review = under_review
    relevance, capacity = host_call.criteria
    authorise(api, reviewer)
    data = api.get(f"/api/v1/reviews/{review.pk}/").json()
    assert [c["id"] for c in data["criteria"]] == [relevance.pk, capacity.pk]
    assert data["scale"] == {"min": 0, "max": 5}
    url = f"/api/v1/reviews/{review.pk}/"
    response = api.put(url, {"scores": {str(relevance.pk): {"value": 9}}}, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "bad_score"
    assert str(relevance.pk) in response.json()["errors"]
    response = api.put(
        url,
        {"scores": {str(relevance.pk): {"value": 4, "comment": "Strong"}}, "submit": True},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "incomplete_review"
    assert not review.scores.exists()  # a refused submission saves nothing
    response = api.put(
        url,
        {
            "scores": {
                str(relevance.pk): {"value": 4, "comment": "Strong"},
                str(capacity.pk): {"value": 2, "comment": ""},
            },
            "comment": "Good",
            "submit": True,
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["submitted_at"]
    assert data["scores"] == {
        str(relevance.pk): {"value": 4, "comment": "Strong"},
        str(capacity.pk): {"value": 2, "comment": ""},
    }
    other = UserFactory()
    authorise(api, other)
    assert api.get(url).status_code == 404

    # The office's ranking: weighted mean (4*2 + 2*1) / 3 = 3.33.
    second = make_reviewer("second@example.org")
    services.assign_reviewer(application, reviewer=second, actor=host_call.office, notify=False)
    authorise(api, host_call.office)
    cut_off = application.cut_off
    response = api.get(f"/api/v1/calls/{host_call.call.slug}/ranking/", {"cut_off": cut_off.pk})
    assert response.status_code == 200
    (row,) = response.json()
    assert row["application"]["id"] == application.pk
    assert row["mean"] == pytest.approx(10 / 3)
    assert row["spread"] == 0.0
    assert (row["submitted"], row["assigned"], row["missing"]) == (1, 2, 1)
    other_cut_off = host_call.call.cut_offs.exclude(pk=cut_off.pk).get()
    response = api.get(
        f"/api/v1/calls/{host_call.call.slug}/ranking/", {"cut_off": other_cut_off.pk}
    )
    assert response.json() == []


def test_only_managers_see_the_ranking(api, under_review, host_call):
    _application, user, reviewer, _review = under_review
    url = f"/api/v1/calls/{host_call.call.slug}/ranking/"
    assert api.get(url).status_code == 401
    for person in (user, reviewer):
        authorise(api, person)
        response = api.get(url)
        assert response.status_code == 403
        assert response["Content-Type"] == PROBLEM
        assert response.json()["code"] == "not_manager"
    authorise(api, host_call.office)
    assert api.get(url, {"cut_off": "x"}).status_code == 400
    assert api.get(url, {"cut_off": "999999"}).status_code == 404


def test_reviewers_see_others_only_after_submitting(api, under_review, host_call):
    application, _user, reviewer, review = under_review
    second = make_reviewer("second@example.org")
    other = services.assign_reviewer(
        application, reviewer=second, actor=host_call.office, notify=False
    )
    scores = {c.pk: (3, "") for c in host_call.criteria}
    services.save_review(other, actor=second, scores=scores, submit=True)
    authorise(api, reviewer)
    assert api.get(f"/api/v1/reviews/{review.pk}/").json()["others"] == []
    services.save_review(review, actor=reviewer, scores=scores, submit=True)
    others = api.get(f"/api/v1/reviews/{review.pk}/").json()["others"]
    assert len(others) == 1
    assert others[0]["scores"][str(host_call.criteria[0].pk)]["value"] == 3
    assert Review.objects.filter(reviewer=reviewer).count() == 1


def test_schema_documents_the_selection_endpoints(api):
    schema = api.get("/api/schema/", {"format": "json"}).json()
    assert "patch" in schema["paths"]["/api/v1/applications/{id}/"]
    assert "put" in schema["paths"]["/api/v1/reviews/{id}/"]
    assert "/api/v1/calls/{slug}/ranking/" in schema["paths"]
