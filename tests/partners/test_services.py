import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from modus.matchmaking.models import MeetingRequest
from modus.partners import permissions, selectors, services
from modus.partners.errors import PartnersError, PartnersPermissionError
from modus.partners.models import Interest, ModerationSettings, Opportunity
from modus.partners.suggestions import store
from tests.factories import UserFactory

from .conftest import make_opportunity

LATER = timezone.localdate() + dt.timedelta(days=30)


def post(member, kind, **extra):
    return services.post_opportunity(
        actor=member.user,
        organisation=member.organisation,
        kind=kind,
        title="Hydrogen storage testing",
        description="Lab tests.",
        expires_on=LATER,
        **extra,
    )


def test_automatic_validation_publishes_at_once(member, offer_kind):
    assert post(member, offer_kind).status == Opportunity.Status.PUBLISHED


def test_only_members_post(member, outsider, offer_kind):
    with pytest.raises(PartnersPermissionError) as error:
        services.post_opportunity(
            actor=outsider,
            organisation=member.organisation,
            kind=offer_kind,
            title="x",
            description="y",
            expires_on=LATER,
        )
    assert error.value.code == "not_member"


def test_a_past_expiry_is_refused_next_to_its_field(member, offer_kind):
    with pytest.raises(PartnersError) as error:
        services.post_opportunity(
            actor=member.user,
            organisation=member.organisation,
            kind=offer_kind,
            title="x",
            description="y",
            expires_on=timezone.localdate() - dt.timedelta(days=1),
        )
    assert error.value.field == "expires_on"


def test_manual_validation_queues_and_mails_the_organisers(
    event, cohost, alice, offer_kind, django_capture_on_commit_callbacks
):
    services.set_moderation(event, actor=cohost, manual=True)
    member = alice.user.memberships.create(organisation=alice.organisation)
    with django_capture_on_commit_callbacks(execute=True):
        opportunity = post(member, offer_kind, event=event)
    assert opportunity.status == Opportunity.Status.PENDING
    assert [m.to for m in mail.outbox] == [[cohost.email]]
    with pytest.raises(PartnersError) as error:
        services.moderate(opportunity, actor=cohost, approve=False, reason="  ")
    assert error.value.code == "reason_missing"
    services.moderate(opportunity, actor=cohost, approve=False, reason="Too vague.")
    opportunity.refresh_from_db()
    assert (opportunity.status, opportunity.refusal_reason) == ("refused", "Too vague.")


def test_only_organisers_moderate(event, alice, offer_kind):
    ModerationSettings.objects.create(event=event, manual=True)
    opportunity = make_opportunity(alice.organisation, offer_kind, event=event, status="pending")
    with pytest.raises(PartnersPermissionError):
        services.moderate(opportunity, actor=alice.user, approve=True)
    with pytest.raises(PartnersPermissionError):
        services.set_moderation(event, actor=alice.user, manual=False)


def test_interest_in_an_event_becomes_a_meeting_request(event, alice, bob, offer_kind):
    opportunity = make_opportunity(alice.organisation, offer_kind, author=alice.user, event=event)
    interest = services.express_interest(opportunity, actor=bob.user, message="Let us meet")
    request = interest.meeting_request
    assert (request.from_profile, request.to_profile) == (bob, alice)
    assert MeetingRequest.objects.get() == request
    with pytest.raises(PartnersError) as error:
        services.express_interest(opportunity, actor=bob.user)
    assert error.value.code == "already"


def test_contact_request_outside_events_is_answered_by_the_author(
    member, outsider, offer_kind, django_capture_on_commit_callbacks
):
    opportunity = make_opportunity(member.organisation, offer_kind, author=member.user)
    with django_capture_on_commit_callbacks(execute=True):
        interest = services.express_interest(opportunity, actor=outsider, message="Hello")
    assert interest.meeting_request is None and interest.status == Interest.Status.PENDING
    assert mail.outbox[0].to == [member.user.email]
    assert outsider.email not in mail.outbox[0].body
    with pytest.raises(PartnersPermissionError):
        services.answer_interest(interest, actor=outsider, accept=True)
    services.answer_interest(interest, actor=member.user, accept=True)
    assert interest.status == Interest.Status.ACCEPTED


def test_expired_and_own_opportunities_take_no_interest(member, offer_kind):
    expired = make_opportunity(
        member.organisation, offer_kind, expires_on=timezone.localdate() - dt.timedelta(days=1)
    )
    with pytest.raises(PartnersError) as error:
        services.express_interest(expired, actor=UserFactory())
    assert error.value.code == "closed"
    own = make_opportunity(member.organisation, offer_kind)
    with pytest.raises(PartnersError) as error:
        services.express_interest(own, actor=member.user)
    assert error.value.code == "own_opportunity"


# Moderation -------------------------------------------------------------------------------------


def test_approval_publishes_and_brings_the_opportunity_into_suggestions(
    event, cohost, alice, bob, offer_kind, django_capture_on_commit_callbacks
):
    services.set_moderation(event, actor=cohost, manual=True)
    alice.user.memberships.create(organisation=alice.organisation)
    bob.seeks = "Testing of our hydrogen tanks"
    bob.save()
    with django_capture_on_commit_callbacks(execute=True):
        opportunity = post(alice, offer_kind, event=event)
    assert opportunity.status == Opportunity.Status.PENDING
    store.compute_for_event(event)
    assert not any(s.opportunity_id == opportunity.pk for s in store.suggestions_for(bob))
    with django_capture_on_commit_callbacks(execute=True):  # recomputed in the background
        services.moderate(opportunity, actor=cohost, approve=True)
    assert opportunity.status == Opportunity.Status.PUBLISHED and opportunity.moderated_at
    suggestion = store.suggestions_for(bob)[0]
    assert (suggestion.candidate, suggestion.opportunity) == (alice, opportunity)
    with pytest.raises(PartnersError) as error:
        services.moderate(opportunity, actor=cohost, approve=False, reason="Late")
    assert error.value.code == "not_pending"


def test_the_directorys_manual_validation_is_for_staff(
    member, offer_kind, django_capture_on_commit_callbacks
):
    ModerationSettings.objects.create(event=None, manual=True)
    staff = UserFactory(is_staff=True, email="staff@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        opportunity = post(member, offer_kind)
    assert opportunity.status == Opportunity.Status.PENDING
    assert [m.to for m in mail.outbox] == [[staff.email]]
    with pytest.raises(PartnersPermissionError):
        services.moderate(opportunity, actor=member.user, approve=True)
    services.moderate(opportunity, actor=staff, approve=True)
    assert opportunity.status == Opportunity.Status.PUBLISHED


# Expiry -----------------------------------------------------------------------------------------


def test_an_opportunity_is_open_through_its_expiry_day_and_closed_after(member, offer_kind):
    today = timezone.localdate()
    last_day = make_opportunity(member.organisation, offer_kind, expires_on=today)
    assert list(selectors.opportunities(today=today)) == [last_day]
    assert list(selectors.opportunities(today=today + dt.timedelta(days=1))) == []
    services.express_interest(last_day, actor=UserFactory())  # still open today


def test_expired_opportunities_leave_the_suggestions(event, pair):
    alice, bob = pair
    assert store.suggestions_for(bob)[0].opportunity is not None
    Opportunity.objects.update(expires_on=timezone.localdate() - dt.timedelta(days=1))
    store.compute_for_event(event)
    assert all(s.opportunity is None for s in store.suggestions_for(bob))
    assert all(r["code"] != "offers" for s in store.suggestions_for(bob) for r in s.reasons)


# Contact requests outside events ----------------------------------------------------------------


def test_a_contact_request_is_answered_once_by_the_opportunitys_organisation(member, offer_kind):
    opportunity = make_opportunity(member.organisation, offer_kind, author=member.user)
    requester = UserFactory()
    interest = services.express_interest(opportunity, actor=requester, message="Hello")
    colleague = member.organisation.memberships.create(user=UserFactory()).user
    stranger = UserFactory()
    assert not permissions.sees_contact(colleague, interest)
    with pytest.raises(PartnersPermissionError):
        services.answer_interest(interest, actor=stranger, accept=True)
    services.answer_interest(interest, actor=colleague, accept=False)
    assert interest.status == Interest.Status.DECLINED
    for user in (member.user, colleague, requester, stranger):
        assert not permissions.sees_contact(user, interest)
    with pytest.raises(PartnersError) as error:
        services.answer_interest(interest, actor=member.user, accept=True)
    assert error.value.code == "already_answered"


def test_only_the_two_sides_see_addresses_after_acceptance(member, offer_kind):
    opportunity = make_opportunity(member.organisation, offer_kind, author=member.user)
    requester = UserFactory()
    interest = services.express_interest(opportunity, actor=requester)
    services.answer_interest(interest, actor=member.user, accept=True)
    assert permissions.sees_contact(requester, interest)
    assert permissions.sees_contact(member.user, interest)
    assert not permissions.sees_contact(UserFactory(), interest)


def test_interest_inside_an_event_is_answered_as_a_meeting_request(event, alice, bob, offer_kind):
    opportunity = make_opportunity(alice.organisation, offer_kind, author=alice.user, event=event)
    interest = services.express_interest(opportunity, actor=bob.user)
    alice.user.memberships.create(organisation=alice.organisation)
    with pytest.raises(PartnersError) as error:
        services.answer_interest(interest, actor=alice.user, accept=True)
    assert error.value.code == "meeting_request"
