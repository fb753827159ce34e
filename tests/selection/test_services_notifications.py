"""The e-mails of a call."""

import pytest
from django.core import mail
from django.urls import reverse

from modus.selection import services
from modus.selection.services import notifications
from tests.factories import MembershipFactory, UserFactory

from .conftest import complete_draft, make_applicant, make_reviewer

pytestmark = pytest.mark.django_db


def test_each_step_mails_the_applicant(host_call, mailoutbox):
    user, organisation = make_applicant()
    application = complete_draft(host_call, user, organisation)
    services.submit_application(application, actor=user)
    assert [m.to for m in mail.outbox] == [[user.email]]
    assert "submitted" in mail.outbox[0].subject


def test_each_member_is_written_to_in_their_own_language(host_call, mailoutbox):
    user, organisation = make_applicant()
    user.preferred_language = "cs"
    user.save()
    colleague = UserFactory(email="colleague@example.org")
    MembershipFactory(user=colleague, organisation=organisation)
    application = complete_draft(host_call, user, organisation)
    services.submit_application(application, actor=user)
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects[colleague.email] == f"Application submitted: {host_call.call.title}"
    assert subjects[user.email] == f"Přihláška podána: {host_call.call.title}"
    body = next(m.body for m in mail.outbox if m.to == [colleague.email])
    assert application.get_absolute_url() in body


def test_reviewers_get_a_link_to_their_review(host_call, submitted, mailoutbox):
    reviewer = make_reviewer()
    review = services.assign_reviewer(submitted, reviewer=reviewer, actor=host_call.office)
    (message,) = [m for m in mail.outbox if m.to == [reviewer.email]]
    assert reverse("selection:review", kwargs={"pk": review.pk}) in message.body


def test_nothing_is_sent_while_muted(host_call, mailoutbox):
    user, organisation = make_applicant()
    application = complete_draft(host_call, user, organisation)
    with notifications.muted():
        services.submit_application(application, actor=user)
    assert mail.outbox == []
    services.withdraw_application(application, actor=user)
    assert [m.to for m in mail.outbox] == [[user.email]]
