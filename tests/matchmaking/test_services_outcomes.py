"""Each side of a meeting records what came of it."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from modus.matchmaking import services
from modus.matchmaking.models import (
    MeetingOutcome,
    ScheduleVersion,
)
from tests.factories import (
    MarketplaceProfileFactory,
    UserFactory,
)

from .support import make_version, past

pytestmark = pytest.mark.django_db


@pytest.fixture
def trio(event):
    return [MarketplaceProfileFactory(event=event) for _ in range(3)]


def test_each_side_records_and_changes_its_outcome(event, trio):
    alice, bob, _carol = trio
    meeting = past(make_version(event, [(alice, bob)])).meetings.get()
    services.record_outcome(meeting, actor=alice.user, outcome="follow_up")
    services.record_outcome(meeting, actor=alice.user, outcome="letter_of_intent")
    services.record_outcome(meeting, actor=bob.user, outcome="none")
    assert dict(meeting.outcomes.values_list("profile", "outcome")) == {
        alice.pk: "letter_of_intent",
        bob.pk: "none",
    }


@pytest.mark.parametrize("who", ["third participant", "stranger", "anonymous"])
def test_only_the_two_sides_may_record(event, trio, who, cohost):
    alice, bob, carol = trio
    meeting = past(make_version(event, [(alice, bob)])).meetings.get()
    actor = {"third participant": carol.user, "stranger": UserFactory(), "anonymous": None}[who]
    with pytest.raises(PermissionDenied):
        services.record_outcome(meeting, actor=actor, outcome="follow_up")
    with pytest.raises(PermissionDenied):  # organisers neither
        services.record_outcome(meeting, actor=cohost, outcome="follow_up")
    assert not MeetingOutcome.objects.exists()


def test_no_outcome_for_an_unpublished_or_future_meeting_or_an_unknown_value(event, trio):
    alice, bob, _carol = trio
    draft = past(make_version(event, [(alice, bob)], status=ScheduleVersion.Status.DRAFT))
    with pytest.raises(PermissionDenied) as error:
        services.record_outcome(draft.meetings.get(), actor=alice.user, outcome="follow_up")
    assert error.value.code == "not_published"
    future = make_version(event, [(alice, bob)]).meetings.get()
    with pytest.raises(ValidationError) as error:
        services.record_outcome(future, actor=alice.user, outcome="follow_up")
    assert error.value.code == "too_early"
    with pytest.raises(ValidationError) as error:
        services.record_outcome(future, actor=alice.user, outcome="marriage")
    assert error.value.code == "unknown_outcome"
