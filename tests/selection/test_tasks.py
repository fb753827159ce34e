"""The hourly reminder job."""

import pytest

from modus.selection import services
from modus.selection.tasks import send_reminders_task

from .conftest import make_applicant

pytestmark = pytest.mark.django_db


def test_the_job_sends_the_reminders_due(host_call, mailoutbox, settings):
    settings.MODUS_CUT_OFF_REMINDER_DAYS = 30
    user, organisation = make_applicant()
    services.start_application(host_call.call, organisation=organisation, actor=user)
    assert send_reminders_task.apply().get() == {"drafts": 1, "reviewers": 0}
    assert [m.to for m in mailoutbox] == [[user.email]]
    assert send_reminders_task.apply().get() == {"drafts": 0, "reviewers": 0}
