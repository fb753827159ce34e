"""Each step of an application is written to the shared action log."""

import pytest

from modus.activity.models import ActionLogEntry
from modus.activity.selectors import actions_on
from modus.selection import services
from modus.selection.services import history
from modus.selection.services.history import Action

from .conftest import make_applicant

pytestmark = pytest.mark.django_db


def test_log_records_who_did_what_to_the_application(host_call):
    user, organisation = make_applicant()
    application = services.start_application(host_call.call, organisation=organisation, actor=user)
    entry = history.log(application, host_call.office, Action.REOPENED, "By mistake")
    assert list(actions_on(application))[0] == entry
    entry.refresh_from_db()
    assert (entry.actor, entry.action, entry.note) == (
        host_call.office,
        "selection.application.reopened",
        "By mistake",
    )
    assert entry.label == "Reopened"


def test_starting_a_draft_is_the_first_entry(host_call):
    user, organisation = make_applicant()
    application = services.start_application(host_call.call, organisation=organisation, actor=user)
    (entry,) = actions_on(application)
    assert (entry.action, entry.actor, entry.label) == (Action.CREATED, user, "Draft started")


def test_an_applications_log_goes_with_it(host_call):
    user, organisation = make_applicant()
    application = services.start_application(host_call.call, organisation=organisation, actor=user)
    other, other_organisation = make_applicant("other@example.org")
    kept = services.start_application(host_call.call, organisation=other_organisation, actor=other)
    application.delete()
    assert list(ActionLogEntry.objects.values_list("object_id", flat=True)) == [kept.pk]
