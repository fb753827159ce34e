"""The ranking of a call, and the actions on one application: reviewers, decisions, reopening."""

import pytest
from django.urls import reverse

from modus.events.models import EventOrganiser
from modus.selection import services
from modus.selection.models import Application, Review
from modus.selection.services.history import Action
from tests.factories import MembershipFactory, UserFactory

from .conftest import (
    applications_url,
    assign_url,
    decide_url,
    make_applicant,
    make_reviewer,
    reopen_url,
    score,
    submit_complete,
)

pytestmark = pytest.mark.django_db


def test_ranking_shows_weighted_mean_spread_and_missing_reviews(client, host_call):
    office = host_call.office
    first, _ = submit_complete(host_call, "a@example.org")
    second, _ = submit_complete(host_call, "b@example.org")
    # Relevance ×2, Capacity ×1: (5·2+2)/3 = 4.0 and (3·2+3)/3 = 3.0 → mean 3.5, spread 1.0
    score(first, make_reviewer("r1@example.org"), office, [5, 2])
    score(first, make_reviewer("r2@example.org"), office, [3, 3])
    services.assign_reviewer(first, reviewer=make_reviewer("r3@example.org"), actor=office)
    score(second, make_reviewer("r4@example.org"), office, [1, 1])
    draft_user, draft_org = make_applicant(email="drafting@example.org")
    services.start_application(host_call.call, organisation=draft_org, actor=draft_user)
    withdrawn, withdrawn_user = submit_complete(host_call, "w@example.org")
    services.withdraw_application(withdrawn, actor=withdrawn_user)

    client.force_login(office)
    response = client.get(applications_url(host_call.call))
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [row.application for row in rows] == [first, second]
    body = response.content.decode()
    assert "3.5" in body and "1.0" in body
    assert "2 / 3" in body
    assert rows[0].missing == 1
    assert response.context["drafts"] == 1
    assert response.context["withdrawn"] == [withdrawn]
    assert first.get_absolute_url() in body


def test_ranking_per_cut_off(client, host_call):
    application, _ = submit_complete(host_call)
    later = host_call.call.cut_offs.exclude(pk=application.cut_off_id).get()
    client.force_login(host_call.office)
    response = client.get(applications_url(host_call.call, cut_off=application.cut_off_id))
    assert [row.application for row in response.context["rows"]] == [application]
    response = client.get(applications_url(host_call.call, cut_off=later.pk))
    assert response.context["rows"] == []
    for bad in ("abc", "999999"):
        response = client.get(applications_url(host_call.call, cut_off=bad))
        assert response.status_code == 200
        assert [row.application for row in response.context["rows"]] == [application]


def test_pitch_ranking_lists_selected_pitches(client, pitch_call):
    user, organisation = make_applicant()
    application = services.start_application(pitch_call.call, organisation=organisation, actor=user)
    Application.objects.filter(pk=application.pk).update(
        status=Application.Status.ACCEPTED, running_order=1
    )
    client.force_login(pitch_call.cohost)
    response = client.get(applications_url(pitch_call.call))
    assert [row.application for row in response.context["selected"]] == [application]
    assert "Selected pitches (running order)" in response.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_ranking_query_count(client, host_call, django_assert_num_queries, count):
    office = host_call.office
    for n in range(count):
        application, _ = submit_complete(host_call, f"app{n}@example.org")
        score(application, make_reviewer(f"rev{n}@example.org"), office, [4, 3])
        services.assign_reviewer(application, reviewer=make_reviewer(f"x{n}@ex.org"), actor=office)
        user, org = make_applicant(email=f"draft{n}@example.org")
        services.start_application(host_call.call, organisation=org, actor=user)
        withdrawn, withdrawn_user = submit_complete(host_call, f"wd{n}@example.org")
        services.withdraw_application(withdrawn, actor=withdrawn_user)
    client.force_login(office)
    with django_assert_num_queries(11):
        response = client.get(applications_url(host_call.call))
    assert len(response.context["rows"]) == count


def test_assign_and_remove_a_reviewer(client, host_call):
    application, _ = submit_complete(host_call)
    reviewer = make_reviewer()
    client.force_login(host_call.office)
    response = client.post(assign_url(application), {"assign-email": reviewer.email})
    assert response.status_code == 302
    review = Review.objects.get(application=application, reviewer=reviewer)
    body = client.get(application.get_absolute_url()).content.decode()
    assert str(reviewer) in body
    assert "Not submitted" in body
    # Removing asks first: the page names the reviewer and nothing is removed yet.
    removal = {"action": "remove", "review": review.pk}
    response = client.post(assign_url(application), removal)
    assert response.status_code == 200
    page = response.content.decode()
    assert f"Remove {reviewer} as a reviewer?" in page
    assert 'name="confirmed" value="yes"' in page
    assert f'name="review" value="{review.pk}"' in page
    assert Review.objects.filter(pk=review.pk).exists()
    response = client.post(assign_url(application), {**removal, "confirmed": "yes"})
    assert response.status_code == 302
    assert not Review.objects.filter(pk=review.pk).exists()


def test_a_submitted_review_cannot_be_removed(client, host_call):
    application, _ = submit_complete(host_call)
    review = score(application, make_reviewer(), host_call.office, [4, 4])
    client.force_login(host_call.office)
    response = client.post(
        assign_url(application),
        {"action": "remove", "review": review.pk, "confirmed": "yes"},
        follow=True,
    )
    assert "A submitted review stays on record." in response.content.decode()
    assert Review.objects.filter(pk=review.pk).exists()


def test_conflict_of_interest_error_is_next_to_the_field(client, host_call):
    application, _ = submit_complete(host_call)
    colleague = UserFactory(email="colleague@example.org")
    MembershipFactory(user=colleague, organisation=application.organisation)
    client.force_login(host_call.office)
    response = client.post(
        assign_url(application), {"assign-email": "colleague@example.org"}, follow=True
    )
    assert response.redirect_chain[-1][0].endswith("#reviewers")
    body = response.content.decode()
    assert "belongs to the applicant organisation (conflict of interest)" in body
    assert 'value="colleague@example.org"' in body
    assert 'class="form-row field-error"' in body
    assert not application.reviews.exists()
    # The error is shown once only.
    body = client.get(application.get_absolute_url()).content.decode()
    assert "conflict of interest)" not in body


def test_assigning_an_unknown_address_is_an_error(client, host_call):
    application, _ = submit_complete(host_call)
    client.force_login(host_call.office)
    response = client.post(
        assign_url(application), {"assign-email": "ghost@example.org"}, follow=True
    )
    assert "Nobody with this e-mail address has an account here." in response.content.decode()


def test_rejecting_needs_reasons_next_to_the_field(client, host_call):
    application, _ = submit_complete(host_call)
    client.force_login(host_call.office)
    response = client.post(
        decide_url(application), {"decision": "reject", "reject-reasons": "  "}, follow=True
    )
    body = response.content.decode()
    assert "Give the applicant the reasons for the decision." in body
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    response = client.post(
        decide_url(application),
        {"decision": "reject", "reject-reasons": "The venue is too small."},
        follow=True,
    )
    application.refresh_from_db()
    assert application.status == Application.Status.REJECTED
    assert application.decision_reasons == "The venue is too small."
    assert "was rejected" in response.content.decode()


def test_unknown_decision_changes_nothing(client, host_call):
    application, _ = submit_complete(host_call)
    client.force_login(host_call.office)
    response = client.post(decide_url(application), {"decision": "maybe"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED


def test_accepting_a_host_application_links_the_draft_event_for_the_new_cohost(client, host_call):
    application, applicant_user = submit_complete(host_call)
    client.force_login(host_call.office)
    response = client.post(
        decide_url(application),
        {"decision": "accept", "accept-reasons": "Strong regional support.", "confirmed": "yes"},
        follow=True,
    )
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED
    event = application.created_event
    manage = reverse("events:manage", kwargs={"slug": event.slug})
    body = response.content.decode()
    assert "was accepted" in body
    assert f'href="{manage}"' in body
    assert EventOrganiser.objects.filter(
        event=event, organisation=application.organisation, role=EventOrganiser.Role.COHOST
    ).exists()
    # A deciding twice is refused, not a crash.
    response = client.post(decide_url(application), {"decision": "reject"}, follow=True)
    assert "Only a submitted application can be accepted or rejected." in (
        response.content.decode()
    )
    # The applicant's members now co-host the draft event.
    client.force_login(applicant_user)
    assert client.get(manage).status_code == 200


def test_reopen_a_withdrawn_application(client, host_call):
    application, user = submit_complete(host_call)
    services.withdraw_application(application, actor=user)
    client.force_login(host_call.office)
    body = client.get(application.get_absolute_url()).content.decode()
    assert "Reopen the application" in body
    response = client.post(reopen_url(application), {"reopen-note": "By mistake"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert application.action_log.filter(action=Action.REOPENED, note="By mistake").exists()


def test_reopening_a_submitted_application_is_an_error(client, host_call):
    application, _ = submit_complete(host_call)
    client.force_login(host_call.office)
    response = client.post(reopen_url(application), {}, follow=True)
    assert "Only a withdrawn application can be reopened." in response.content.decode()


def test_opening_the_decide_address_directly_leads_back_to_the_application(client, host_call):
    application, _ = submit_complete(host_call)
    client.force_login(host_call.office)
    response = client.get(decide_url(application))
    assert response.status_code == 405
    page = response.content.decode()
    assert "This address is for an action" in page
    assert f'href="{application.get_absolute_url()}"' in page
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED


def test_accepting_with_reviews_missing_warns_and_asks_first(client, host_call):
    application, _ = submit_complete(host_call)
    client.force_login(host_call.office)
    accept = {"decision": "accept", "accept-reasons": "Welcome."}
    # No review at all.
    page = client.post(decide_url(application), accept).content.decode()
    assert f"Accept “{application.title}” with reviews missing?" in page
    assert "No one has reviewed this application yet." in page
    assert 'name="accept-reasons" value="Welcome."' in page
    # One of two reviews in.
    score(application, make_reviewer(), host_call.office, [4, 4])
    services.assign_reviewer(
        application, reviewer=make_reviewer("second@example.org"), actor=host_call.office
    )
    page = client.post(decide_url(application), accept).content.decode()
    assert "1 of 2 reviews is still missing." in page
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert application.created_event is None
    # Confirmed: accepted.
    response = client.post(decide_url(application), {**accept, "confirmed": "yes"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED


def test_accepting_with_every_review_in_asks_nothing(client, host_call):
    application, _ = submit_complete(host_call)
    score(application, make_reviewer(), host_call.office, [4, 4])
    client.force_login(host_call.office)
    response = client.post(decide_url(application), {"decision": "accept"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED
