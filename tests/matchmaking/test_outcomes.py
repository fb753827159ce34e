import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from modus.matchmaking import outcomes
from modus.matchmaking.models import MeetingOutcome, ScheduleVersion
from tests.factories import MarketplaceProfileFactory, UserFactory

from .test_agenda import make_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def trio(event):
    return [MarketplaceProfileFactory(event=event) for _ in range(3)]


def past(version):
    """Move a version's meetings to yesterday, so that they have taken place."""
    yesterday = timezone.now() - dt.timedelta(days=1)
    for meeting in version.meetings.all():
        meeting.starts_at = yesterday
        meeting.ends_at = yesterday + dt.timedelta(minutes=30)
        meeting.save()
    return version


def _outcome_url(event, meeting):
    return reverse("matchmaking:outcome", kwargs={"slug": event.slug, "pk": meeting.pk})


def test_each_side_records_and_changes_its_outcome(event, trio):
    alice, bob, _carol = trio
    meeting = past(make_version(event, [(alice, bob)])).meetings.get()
    outcomes.record_outcome(meeting, actor=alice.user, outcome="follow_up")
    outcomes.record_outcome(meeting, actor=alice.user, outcome="letter_of_intent")
    outcomes.record_outcome(meeting, actor=bob.user, outcome="none")
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
        outcomes.record_outcome(meeting, actor=actor, outcome="follow_up")
    with pytest.raises(PermissionDenied):  # organisers neither
        outcomes.record_outcome(meeting, actor=cohost, outcome="follow_up")
    assert not MeetingOutcome.objects.exists()


def test_no_outcome_for_an_unpublished_or_future_meeting_or_an_unknown_value(event, trio):
    alice, bob, _carol = trio
    draft = past(make_version(event, [(alice, bob)], status=ScheduleVersion.Status.DRAFT))
    with pytest.raises(PermissionDenied) as error:
        outcomes.record_outcome(draft.meetings.get(), actor=alice.user, outcome="follow_up")
    assert error.value.code == "not_published"
    future = make_version(event, [(alice, bob)]).meetings.get()
    with pytest.raises(ValidationError) as error:
        outcomes.record_outcome(future, actor=alice.user, outcome="follow_up")
    assert error.value.code == "too_early"
    with pytest.raises(ValidationError) as error:
        outcomes.record_outcome(future, actor=alice.user, outcome="marriage")
    assert error.value.code == "unknown_outcome"


def test_totals_count_each_meeting_once_with_its_furthest_outcome(event, trio, cohost):
    alice, bob, carol = trio
    version = past(make_version(event, [(alice, bob), (alice, carol), (bob, carol)]))
    first, second, _third = version.meetings.order_by("pk")
    outcomes.record_outcome(first, actor=alice.user, outcome="follow_up")
    outcomes.record_outcome(first, actor=bob.user, outcome="memorandum")
    outcomes.record_outcome(second, actor=carol.user, outcome="joint_project")
    totals = {row["outcome"]: row["count"] for row in outcomes.totals(event, actor=cohost)}
    assert totals == {
        "none": 0,
        "follow_up": 0,
        "letter_of_intent": 0,
        "memorandum": 1,
        "joint_project": 1,
        "not_recorded": 1,
    }


def test_only_organisers_see_the_totals(event, trio):
    with pytest.raises(PermissionDenied):
        outcomes.totals(event, actor=trio[0].user)


def test_recording_through_the_agenda_page(client, event, trio):
    alice, bob, carol = trio
    meeting = past(make_version(event, [(alice, bob)])).meetings.get()
    client.force_login(alice.user)
    agenda_url = reverse("matchmaking:agenda", kwargs={"slug": event.slug})
    html = client.get(agenda_url).content.decode()
    assert _outcome_url(event, meeting) in html
    response = client.post(_outcome_url(event, meeting), {"outcome": "joint_project"}, follow=True)
    assert response.redirect_chain[-1][0] == agenda_url
    assert 'value="joint_project" selected' in response.content.decode()
    client.force_login(carol.user)
    assert client.post(_outcome_url(event, meeting), {"outcome": "none"}).status_code == 403
    client.force_login(UserFactory())
    assert client.post(_outcome_url(event, meeting), {"outcome": "none"}).status_code == 403
    assert MeetingOutcome.objects.get().outcome == "joint_project"


def test_unknown_outcome_through_the_page_is_a_message_not_an_error(client, event, trio):
    alice, bob, _carol = trio
    meeting = past(make_version(event, [(alice, bob)])).meetings.get()
    client.force_login(alice.user)
    response = client.post(_outcome_url(event, meeting), {"outcome": "x"}, follow=True)
    assert response.status_code == 200
    assert "Unknown outcome." in response.content.decode()


def test_future_meetings_have_no_outcome_form(client, event, trio):
    alice, bob, _carol = trio
    meeting = make_version(event, [(alice, bob)]).meetings.get()
    client.force_login(alice.user)
    html = client.get(reverse("matchmaking:agenda", kwargs={"slug": event.slug})).content
    assert _outcome_url(event, meeting) not in html.decode()


def test_organiser_outcomes_page(client, event, trio, cohost):
    alice, bob, _carol = trio
    meeting = past(make_version(event, [(alice, bob)])).meetings.get()
    outcomes.record_outcome(meeting, actor=bob.user, outcome="letter_of_intent")
    client.force_login(cohost)
    response = client.get(reverse("matchmaking:outcomes", kwargs={"slug": event.slug}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<td>Letter of intent</td><td>1</td>" in html
    assert reverse("matchmaking:agendas-pdf", kwargs={"slug": event.slug}) in html
