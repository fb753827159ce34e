"""The organisers' changes: the schedule page's main action once published (Reschedule), the
second choice (a run from scratch), and the preview that must be confirmed before a publication
moves or cancels meetings."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from modus.matchmaking import services
from modus.matchmaking.models import Meeting, MeetingOutcome, ScheduleVersion
from tests.factories import (
    EventOrganiserFactory,
    MarketplaceProfileFactory,
    MatchmakingSettingsFactory,
    MembershipFactory,
)

from .support import accepted, import_draft, meeting_of

pytestmark = pytest.mark.django_db


def _url(name, event, **kwargs):
    return reverse(f"matchmaking:{name}", kwargs={"slug": event.slug, **kwargs})


@pytest.fixture
def held(db):
    """Yesterday's event: two published meetings, one with an outcome."""
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    event = MatchmakingSettingsFactory(event__starts_on=yesterday).event
    cohost = MembershipFactory(organisation=EventOrganiserFactory(event=event).organisation).user
    people = [
        MarketplaceProfileFactory(event=event, user__full_name=name)
        for name in ("Alicja", "Bořivoj", "Cyril", "Dana")
    ]
    accepted(people[0], people[1])
    accepted(people[2], people[3])
    first = import_draft(
        event, cohost, {(people[0], people[1]): (0, 1), (people[2], people[3]): (1, 1)}
    )
    services.publish(first, actor=cohost)
    services.record_outcome(
        meeting_of(first, people[2]), actor=people[2].user, outcome="memorandum"
    )
    return event, cohost, people, first


def _rerun(event, cohost, people):
    """A run from scratch that moves Alicja–Bořivoj and cancels Cyril–Dana."""
    return import_draft(
        event, cohost, {(people[0], people[1]): (2, 4)}, unscheduled=[(people[2], people[3])]
    )


def test_once_published_the_main_action_is_reschedule(client, held):
    event, cohost, people, first = held
    client.force_login(cohost)
    page = client.get(_url("schedule", event)).content.decode()
    assert 'value="reschedule" class="button">Reschedule</button>' in page
    assert "<details" in page and 'value="run" class="button-secondary"' in page
    accepted(people[0], people[2])  # a late request
    response = client.post(_url("schedule", event), {"action": "reschedule"}, follow=True)
    page = response.content.decode()
    assert "New draft: 2 meetings kept, 0 moved, 1 added, 0 cancelled." in page
    assert "Review the changes and publish" in page
    draft = ScheduleVersion.objects.filter(status=ScheduleVersion.Status.DRAFT).get()
    assert draft.meetings.count() == 3


def test_the_preview_lists_every_change_and_publishing_needs_the_confirmation(client, held):
    event, cohost, people, first = held
    draft = _rerun(event, cohost, people)
    client.force_login(cohost)
    # The schedule page's publish button leads to the preview instead of publishing.
    response = client.post(_url("schedule", event), {"action": "publish", "version": draft.pk})
    assert response.url == _url("publish", event, pk=draft.pk)
    page = client.get(response.url).content.decode()
    assert "Meetings moved" in page and "Meetings cancelled" in page
    assert "Outcomes on meetings that would be cancelled" in page
    assert "Memorandum of understanding (recorded by Cyril)" in page
    assert "People affected" in page and all(p.display_name in page for p in people)
    assert f'name="confirm_over" value="{first.pk}"' in page
    assert "Confirm, publish and e-mail 4 people" in page
    # Without the confirmation (or with a stale one) nothing changes.
    meetings = list(
        Meeting.objects.order_by("pk").values_list("pk", "version", "slot_id", "status")
    )
    mail.outbox.clear()
    for data in ({}, {"confirm_over": "x"}, {"confirm_over": str(draft.pk)}):
        response = client.post(_url("publish", event, pk=draft.pk), data, follow=True)
        assert "review the changes and confirm them" in response.content.decode()
    assert (
        list(Meeting.objects.order_by("pk").values_list("pk", "version", "slot_id", "status"))
        == meetings
    )
    first.refresh_from_db()
    assert first.status == ScheduleVersion.Status.PUBLISHED and mail.outbox == []
    # Confirmed: published, the outcome intact, the cancelled meeting on the schedule page.
    response = client.post(
        _url("publish", event, pk=draft.pk), {"confirm_over": first.pk}, follow=True
    )
    page = response.content.decode()
    assert "The new schedule is published" in page
    draft.refresh_from_db()
    assert draft.status == ScheduleVersion.Status.PUBLISHED
    assert MeetingOutcome.objects.get().meeting.status == Meeting.Status.CANCELLED
    assert "Cancelled meetings" in page and "1 outcome recorded" in page
    assert len(mail.outbox) == 4
    # A published version has no preview any more.
    assert client.get(_url("publish", event, pk=draft.pk)).status_code == 404


def test_the_preview_is_for_organisers_only(client, held):
    event, cohost, people, first = held
    draft = _rerun(event, cohost, people)
    url = _url("publish", event, pk=draft.pk)
    client.force_login(people[0].user)
    assert client.get(url).status_code == 403
    assert client.post(url, {"confirm_over": first.pk}).status_code == 403
    draft.refresh_from_db()
    assert draft.status == ScheduleVersion.Status.DRAFT


def _many(event, cohost, count):
    people = [MarketplaceProfileFactory(event=event) for _ in range(2 * count)]
    pairs = [(people[2 * k], people[2 * k + 1]) for k in range(count)]
    for pair in pairs:
        accepted(*pair)
    first = import_draft(event, cohost, {pair: (k, 1) for k, pair in enumerate(pairs)})
    services.publish(first, actor=cohost)
    draft = import_draft(event, cohost, {pair: (k, 2) for k, pair in enumerate(pairs)})
    return first, draft


@pytest.mark.parametrize("count", [1, 3])
def test_preview_query_count(client, event, cohost, django_assert_num_queries, count):
    first, draft = _many(event, cohost, count)
    client.force_login(cohost)
    # session, user, event, co-host check, draft, published, the published meetings with their
    # people (2), the draft's (2), the outcomes
    with django_assert_num_queries(11):
        response = client.get(_url("publish", event, pk=draft.pk))
    assert response.status_code == 200 and response.context["changes"].counts["moved"] == count


@pytest.mark.parametrize("count", [1, 3])
def test_schedule_page_query_count(client, event, cohost, django_assert_num_queries, count):
    first, draft = _many(event, cohost, count)
    client.force_login(cohost)
    with django_assert_num_queries(20):  # the same for 1 and 3 meetings (one counts suggestions)
        response = client.get(_url("schedule", event))
    assert response.status_code == 200 and response.context["meeting_count"] == count
