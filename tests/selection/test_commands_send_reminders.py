"""``modus send_reminders``: the reminder run by hand."""

import io

import pytest
from django.core.management import call_command

from modus.selection import services

from .conftest import make_applicant

pytestmark = pytest.mark.django_db


def test_the_command_says_what_it_sent(host_call, mailoutbox, settings):
    settings.MODUS_CUT_OFF_REMINDER_DAYS = 30
    user, organisation = make_applicant()
    services.start_application(host_call.call, organisation=organisation, actor=user)
    out = io.StringIO()
    call_command("send_reminders", stdout=out)
    assert out.getvalue().strip() == "Reminders sent: 1 about drafts, 0 to reviewers."
    assert len(mailoutbox) == 1
