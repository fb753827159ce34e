import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from modus.matchmaking.models import MeetingRequest
from modus.partners import services
from modus.partners.errors import PartnersError, PartnersPermissionError
from modus.partners.models import Interest, ModerationSettings, Opportunity
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
