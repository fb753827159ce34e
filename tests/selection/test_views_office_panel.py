"""The manager panel on the application page."""

import pytest
from django.urls import reverse

from modus.selection.views.office.panel import PANEL_FLASH

from .conftest import (
    assign_url,
    decide_url,
    submit_complete,
)

pytestmark = pytest.mark.django_db


def test_manager_panel_on_the_application_page(client, host_call):
    application, _ = submit_complete(host_call)
    client.force_login(host_call.office)
    body = client.get(application.get_absolute_url()).content.decode()
    assert "Review and decision" in body
    assert "Assign a reviewer" in body
    assert "Accept the application" in body
    assert "Reject the application" in body


def test_manager_panel_is_not_shown_to_the_applicant(client, host_call):
    application, user = submit_complete(host_call)
    client.force_login(user)
    body = client.get(application.get_absolute_url()).content.decode()
    assert "Assign a reviewer" not in body


def test_panel_errors_of_one_application_stay_off_another(client, host_call):
    first, _ = submit_complete(host_call, "a@example.org")
    second, _ = submit_complete(host_call, "b@example.org")
    client.force_login(host_call.office)
    client.post(assign_url(first), {"assign-email": "ghost@example.org"})
    body = client.get(second.get_absolute_url()).content.decode()
    assert "Nobody with this e-mail address" not in body
    assert PANEL_FLASH in client.session


def test_a_decided_application_shows_its_decision_once_and_no_more_forms(client, host_call):
    application, _ = submit_complete(host_call)
    client.force_login(host_call.office)
    client.post(
        decide_url(application),
        {"decision": "accept", "accept-reasons": "Welcome!", "confirmed": "yes"},
    )
    application.refresh_from_db()
    html = client.get(application.get_absolute_url()).content.decode()
    assert html.count(">Decision</h") == 1
    assert (
        html.count(reverse("events:manage", kwargs={"slug": application.created_event.slug})) == 1
    )
    assert "by Olga Office" in html
    assert 'id="decision"' in html  # the anchor the decide view sends the office back to
    assert "Assign a reviewer" not in html
    assert "Accept the application" not in html
    assert "Reject the application" not in html
    assert "Reopen the application" not in html
    assert "The decision is made: no more reviewers are assigned." in html
