"""Who may do what with calls and applications; the query forms agree with the predicates."""

import pytest

from modus.events.models import Registration
from modus.selection import services
from modus.selection.models import Application, Call
from modus.selection.permissions import (
    conflicts,
    has_conflict,
    is_applicant,
    managed_calls,
    may_manage_call,
    may_review,
    may_see_call,
    may_view_application,
    may_vote,
)
from tests.factories import (
    EventOrganiserFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    RegistrationFactory,
    UserFactory,
)

from .conftest import make_reviewer

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(host_call, pitch_call, other_office):
    partner = UserFactory(email="partner@example.org")
    MembershipFactory(
        user=partner,
        organisation=EventOrganiserFactory(event=pitch_call.event, role="partner").organisation,
    )
    return {
        "office": host_call.office,
        "cohost": pitch_call.cohost,
        "other office": other_office,
        "partner of the event": partner,
        "stranger": UserFactory(),
    }


def test_the_query_of_managed_calls_agrees_with_may_manage_call(host_call, pitch_call, people):
    for name, user in people.items():
        by_query = set(Call.objects.filter(managed_calls(user)).distinct())
        by_rule = {c for c in (host_call.call, pitch_call.call) if may_manage_call(user, c)}
        assert by_query == by_rule, name
    assert may_manage_call(people["office"], host_call.call)
    assert not may_manage_call(people["office"], pitch_call.call)
    assert may_manage_call(people["cohost"], pitch_call.call)
    assert not may_manage_call(people["partner of the event"], pitch_call.call)
    assert may_manage_call(UserFactory(is_staff=True), pitch_call.call)
    assert not may_manage_call(UserFactory(is_staff=True, is_active=False), pitch_call.call)


def test_a_draft_call_is_seen_only_by_those_who_run_it(host_call, people):
    assert may_see_call(people["stranger"], host_call.call)
    Call.objects.filter(pk=host_call.call.pk).update(status=Call.Status.DRAFT)
    host_call.call.refresh_from_db()
    assert may_see_call(people["office"], host_call.call)
    assert not may_see_call(people["stranger"], host_call.call)
    assert not may_see_call(people["other office"], host_call.call)


def test_the_query_of_conflicts_agrees_with_has_conflict(host_call, submitted):
    employee = make_reviewer("employee@example.org")
    PersonFactory(user=employee, organisation=submitted.organisation)
    co_organiser = make_reviewer("co@example.org")
    own = OrganisationFactory()
    MembershipFactory(user=co_organiser, organisation=own)
    submitted.co_organisers.add(own)
    for user, conflicted in ((employee, True), (co_organiser, True), (make_reviewer(), False)):
        assert has_conflict(user, submitted) is conflicted
        in_conflict = Application.objects.filter(conflicts(user)).filter(pk=submitted.pk)
        assert in_conflict.exists() is conflicted


def test_applicants_managers_and_reviewers_see_an_application(host_call, submitted):
    applicant = submitted.organisation.memberships.get().user
    reviewer = make_reviewer()
    assert not may_view_application(reviewer, submitted)
    services.assign_reviewer(submitted, reviewer=reviewer, actor=host_call.office)
    assert is_applicant(applicant, submitted) and not is_applicant(reviewer, submitted)
    for user in (applicant, host_call.office, reviewer):
        assert may_view_application(user, submitted)
    assert may_review(reviewer, submitted)
    assert not may_review(host_call.office, submitted)
    MembershipFactory(user=reviewer, organisation=submitted.organisation)
    assert not may_review(reviewer, submitted)


def test_only_confirmed_participants_of_the_event_vote(pitch_call):
    confirmed = RegistrationFactory(event=pitch_call.event).user
    waiting = RegistrationFactory(
        event=pitch_call.event, status=Registration.Status.WAITLISTED
    ).user
    assert may_vote(confirmed, pitch_call.call)
    assert not may_vote(waiting, pitch_call.call)
    assert not may_vote(UserFactory(), pitch_call.call)
    assert not may_vote(None, pitch_call.call)
