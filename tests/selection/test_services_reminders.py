"""Reminders before cut-offs and to late reviewers."""

import datetime as dt

import pytest

from modus.selection import services

from .conftest import complete_draft, make_applicant, make_reviewer

pytestmark = pytest.mark.django_db


def test_reminders_go_once_before_cut_off_and_to_late_reviewers(host_call, mailoutbox):
    user, organisation = make_applicant()
    services.start_application(host_call.call, organisation=organisation, actor=user)
    first = host_call.call.cut_offs.first()
    just_before = first.deadline - dt.timedelta(days=1)
    assert services.send_reminders(now=just_before) == {"drafts": 1, "reviewers": 0}
    assert services.send_reminders(now=just_before) == {"drafts": 0, "reviewers": 0}

    other, other_org = make_applicant("second@example.org")
    application = complete_draft(host_call, other, other_org)
    services.submit_application(application, actor=other, now=just_before)
    reviewer = make_reviewer()
    services.assign_reviewer(application, reviewer=reviewer, actor=host_call.office)
    late = first.deadline + dt.timedelta(days=host_call.call.review_days, hours=1)
    assert services.send_reminders(now=late)["reviewers"] == 1
    assert services.send_reminders(now=late)["reviewers"] == 0
