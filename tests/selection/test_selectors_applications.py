"""Reads of applications: who sees which, what a draft misses, which cut-off comes next, and
the history the application page shows."""

import datetime as dt

import pytest
from django.utils import translation

from modus.selection import selectors, services
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

from .conftest import complete_draft, make_applicant, make_reviewer

pytestmark = pytest.mark.django_db


def test_who_sees_which_application(host_call, submitted, other_office):
    applicant = submitted.organisation.memberships.get().user
    reviewer = make_reviewer()
    services.assign_reviewer(submitted, reviewer=reviewer, actor=host_call.office)
    conflicted = make_reviewer("conflicted@example.org")
    services.assign_reviewer(submitted, reviewer=conflicted, actor=host_call.office)
    own = OrganisationFactory()
    MembershipFactory(user=conflicted, organisation=own)
    submitted.co_organisers.add(own)
    for user in (applicant, host_call.office, reviewer, UserFactory(is_staff=True)):
        assert list(selectors.visible_applications(user)) == [submitted], user
    for user in (conflicted, other_office, UserFactory(), None):
        assert list(selectors.visible_applications(user)) == [], user


def test_the_api_list_filters_by_call_and_status(host_call, submitted):
    office = host_call.office
    assert list(selectors.applications_for(office, call_slug=host_call.call.slug)) == [submitted]
    assert list(selectors.applications_for(office, call_slug="another")) == []
    assert list(selectors.applications_for(office, status="draft")) == []


def test_a_draft_names_what_it_misses(host_call):
    user, organisation = make_applicant()
    draft = services.start_application(host_call.call, organisation=organisation, actor=user)
    assert selectors.missing_parts(draft) == [
        "the proposed host region",
        "the proposed first day",
        "the proposed last day",
        "the city",
        "the summary",
        "an answer to “Why your region?”",
        "Letter of support from the regional authority",
    ]
    assert selectors.missing_parts(complete_draft(host_call, user, organisation)) == []


def test_a_pitch_misses_no_host_facts(pitch_call):
    user, organisation = make_applicant(kind="company")
    pitch = services.start_application(pitch_call.call, organisation=organisation, actor=user)
    assert selectors.missing_parts(pitch) == ["the summary", "Pitch deck"]


def test_the_next_cut_off_is_the_first_still_ahead(host_call):
    first, second = host_call.call.cut_offs.order_by("deadline")
    call = host_call.call
    assert selectors.next_cut_off(call, now=first.deadline - dt.timedelta(seconds=1)) == first
    assert selectors.next_cut_off(call, now=first.deadline) == second
    assert selectors.next_cut_off(call, now=second.deadline) is None


def test_the_history_is_oldest_first_with_who_what_and_the_note(host_call, submitted):
    applicant = submitted.organisation.memberships.get().user
    services.withdraw_application(submitted, actor=applicant, reason="Dates clash")
    services.reopen_application(submitted, actor=host_call.office, note="By mistake")
    history = selectors.application_history(submitted)
    assert [(str(e.label), e.actor, e.note) for e in history] == [
        ("Draft started", applicant, ""),
        ("Submitted", applicant, str(submitted.cut_off)),
        ("Withdrawn", applicant, "Dates clash"),
        ("Reopened", host_call.office, "By mistake"),
    ]
    with translation.override("pl"):
        assert str(history[0].label) == "Rozpoczęto szkic"


def test_the_applications_of_a_members_organisations(host_call, submitted):
    applicant = submitted.organisation.memberships.get().user
    other, other_organisation = make_applicant("other@example.org")
    MembershipFactory(user=applicant, organisation=other_organisation)
    second = services.start_application(
        host_call.call, organisation=other_organisation, actor=other
    )
    assert list(selectors.applications_of_member(applicant)) == [second, submitted]
    assert list(selectors.applications_of_member(other)) == [second]
    assert selectors.member_organisations(other) == [other_organisation]
    assert selectors.applications_by_organisation(host_call.call, [other_organisation]) == {
        other_organisation.pk: second
    }
    assert selectors.has_applied(host_call.call, other_organisation)


def test_the_summary_of_an_application(host_call, submitted):
    summary = selectors.application_summary(submitted)
    assert summary["answered_questions"] == [(host_call.question, "Because of our 22 clusters.")]
    (document,) = summary["application_documents"]
    assert document.requirement == host_call.letter
    assert [e.key for e in summary["ecosystems"]] == ["energy"]
    assert summary["co_organisers"] == []
    assert selectors.documents_by_requirement(submitted) == {host_call.letter.pk: document}


def test_withdrawn_applications_and_drafts_of_a_call(host_call, submitted):
    applicant = submitted.organisation.memberships.get().user
    services.withdraw_application(submitted, actor=applicant)
    user, organisation = make_applicant("draft@example.org")
    services.start_application(host_call.call, organisation=organisation, actor=user)
    assert selectors.withdrawn_applications(host_call.call) == [submitted]
    second_cut_off = host_call.call.cut_offs.order_by("deadline").last()
    assert selectors.withdrawn_applications(host_call.call, second_cut_off) == []
    assert selectors.draft_count(host_call.call) == 1
