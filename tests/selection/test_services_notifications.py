"""The e-mails of a call."""

import pytest
from django.core import mail

from modus.selection import services

from .conftest import complete_draft, make_applicant

pytestmark = pytest.mark.django_db


def test_each_step_mails_the_applicant(host_call, mailoutbox):
    user, organisation = make_applicant()
    application = complete_draft(host_call, user, organisation)
    services.submit_application(application, actor=user)
    assert [m.to for m in mail.outbox] == [[user.email]]
    assert "submitted" in mail.outbox[0].subject
