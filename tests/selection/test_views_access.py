"""Who gets into the pages of the people who run a call: anonymous visitors log in, others get
403 (a call's pages) or 404 (actions on an application they may not see)."""

import pytest
from django.urls import reverse

from modus.selection import services
from modus.selection.models import Application, Call

from .conftest import (
    applications_url,
    assign_url,
    decide_url,
    make_applicant,
    make_reviewer,
    manage_url,
    reopen_url,
    submit_complete,
)

pytestmark = pytest.mark.django_db


def test_call_manage_asks_anonymous_visitors_to_log_in(client, host_call):
    response = client.get(manage_url(host_call.call))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("who", ["participant", "other_office", "applicant"])
def test_call_manage_is_refused_to_others(client, host_call, request, who):
    if who == "applicant":
        user, _organisation = make_applicant()
    else:
        user = request.getfixturevalue(who)
    client.force_login(user)
    url = manage_url(host_call.call)
    assert client.get(url).status_code == 403
    response = client.post(url, {"action": "close"})
    assert response.status_code == 403
    host_call.call.refresh_from_db()
    assert host_call.call.status == Call.Status.OPEN


def test_call_manage_of_an_unknown_call_is_404(client, host_call):
    client.force_login(host_call.office)
    assert client.get(reverse("selection:call-manage", kwargs={"slug": "nope"})).status_code == 404


@pytest.mark.parametrize("pk", ["abc", "", "999999"])
def test_removing_a_missing_part_is_404(client, host_call, pk):
    client.force_login(host_call.office)
    response = client.post(manage_url(host_call.call), {"action": "remove-criterion", "pk": pk})
    assert response.status_code == 404


@pytest.mark.parametrize("who", ["participant", "other_office", "reviewer"])
def test_call_applications_is_refused_to_others(client, host_call, request, who):
    application, _user = submit_complete(host_call)
    if who == "reviewer":
        user = make_reviewer()
        services.assign_reviewer(application, reviewer=user, actor=host_call.office)
    else:
        user = request.getfixturevalue(who)
    client.force_login(user)
    assert client.get(applications_url(host_call.call)).status_code == 403


def test_call_applications_asks_anonymous_visitors_to_log_in(client, host_call):
    response = client.get(applications_url(host_call.call))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("url_of", [assign_url, decide_url, reopen_url])
def test_application_actions_ask_anonymous_visitors_to_log_in(client, host_call, url_of):
    application, _ = submit_complete(host_call)
    response = client.post(url_of(application), {"decision": "accept"})
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("url_of", [assign_url, decide_url, reopen_url])
@pytest.mark.parametrize("who", ["participant", "other_office"])
def test_application_actions_are_404_for_outsiders(client, host_call, request, url_of, who):
    application, _ = submit_complete(host_call)
    client.force_login(request.getfixturevalue(who))
    data = {"assign-email": "participant@example.org", "decision": "accept"}
    assert client.post(url_of(application), data).status_code == 404
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert not application.reviews.exists()


@pytest.mark.parametrize("url_of", [assign_url, decide_url, reopen_url])
def test_application_actions_are_403_for_the_applicant(client, host_call, url_of):
    application, user = submit_complete(host_call)
    client.force_login(user)
    data = {"assign-email": "applicant@example.org", "decision": "accept"}
    assert client.post(url_of(application), data).status_code == 403
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED


@pytest.mark.parametrize("url_of", [assign_url, decide_url, reopen_url])
def test_application_actions_are_post_only(client, host_call, url_of):
    application, _ = submit_complete(host_call)
    client.force_login(host_call.office)
    assert client.get(url_of(application)).status_code == 405


@pytest.mark.parametrize("review_pk", ["abc", "999999"])
def test_removing_a_missing_review_is_404(client, host_call, review_pk):
    application, _ = submit_complete(host_call)
    client.force_login(host_call.office)
    response = client.post(assign_url(application), {"action": "remove", "review": review_pk})
    assert response.status_code == 404
