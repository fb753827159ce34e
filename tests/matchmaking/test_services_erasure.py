"""An erased participant's profile leaves its event (``services.erasure.withdraw_profile``)."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from modus.accounts.personal_data import Erasure
from modus.activity.selectors import actions_on
from modus.matchmaking import services
from modus.matchmaking.models import Meeting, MeetingRequest, ScheduleVersion
from modus.matchmaking.services.erasure import withdraw_profile
from tests.factories import MarketplaceProfileFactory

from .support import accepted, make_version

pytestmark = pytest.mark.django_db


def _withdraw(profile):
    erasure = Erasure(profile.user)
    return withdraw_profile(profile, now=erasure.now, former=erasure.former()), erasure


def test_meetings_ahead_are_cancelled_and_the_partners_told(
    event, alice, bob, django_capture_on_commit_callbacks
):
    carol, dan = MarketplaceProfileFactory(event=event), MarketplaceProfileFactory(event=event)
    version = make_version(event, [(alice, bob), (alice, carol), (carol, dan)])
    with django_capture_on_commit_callbacks(execute=True):
        cancelled, _erasure = _withdraw(alice)
    assert len(cancelled) == 2
    assert set(version.meetings.cancelled().values_list("pk", flat=True)) == {
        m.pk for m in cancelled
    }
    (going_on,) = version.meetings.scheduled()
    assert set(going_on.participants.all()) == {carol, dan}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([bob.user.email, carol.user.email])
    to_carol = next(m for m in mail.outbox if m.to == [carol.user.email])
    assert "Alicja" not in to_carol.body and "Łukasiewicz" not in to_carol.body
    assert "a participant who has left the event" in to_carol.body
    assert dan.user.full_name in to_carol.body  # her plan now: the meeting that goes on
    (entry,) = [e for e in actions_on(event) if e.action == "matchmaking.participant.withdrawn"]
    assert set(entry.data["cancelled"]) == {m.pk for m in cancelled}
    assert entry.actor is None


def test_past_meetings_stay_and_drafts_lose_them(event, alice, bob):
    version = make_version(event, [(alice, bob)])
    Meeting.objects.filter(version=version).update(
        starts_at=timezone.now() - dt.timedelta(hours=2),
        ends_at=timezone.now() - dt.timedelta(hours=1, minutes=30),
    )
    draft = make_version(event, [(alice, bob)], status=ScheduleVersion.Status.DRAFT)
    cancelled, erasure = _withdraw(alice)
    assert cancelled == [] and not mail.outbox
    assert version.meetings.scheduled().count() == 1
    assert set(version.meetings.get().participants.all()) == {alice, bob}
    assert not draft.meetings.exists()
    alice.refresh_from_db()
    assert alice.user == erasure.former() and not alice.opted_in
    assert alice.offers == alice.seeks == ""


def test_requests_go_before_the_event_and_lose_their_words_after(event, alice, bob):
    accepted(alice, bob)
    accepted(bob, alice)
    _withdraw(alice)
    assert not MeetingRequest.objects.filter(event=event).exists()


def test_requests_of_an_event_that_has_begun_stay_without_the_message(event, alice, bob):
    event.starts_on = timezone.localdate() - dt.timedelta(days=1)
    event.ends_on = event.starts_on
    event.save()
    accepted(alice, bob)
    accepted(bob, alice)
    _withdraw(alice)
    messages = dict(MeetingRequest.objects.values_list("from_profile", "message"))
    assert messages == {alice.pk: "", bob.pk: "Shall we talk about hydrogen?"}


def test_a_new_run_leaves_them_out(event, alice, bob, cohost):
    carol = MarketplaceProfileFactory(event=event)
    accepted(alice, bob)
    accepted(carol, bob)
    _withdraw(alice)
    instance = services.build_instance(event)
    assert {p["id"] for p in instance["participants"]} == {bob.participant_id, carol.participant_id}
    assert [m["with"] for m in instance["meetings"]] == [
        [f"p{min(bob.pk, carol.pk)}", f"p{max(bob.pk, carol.pk)}"]
    ]


def test_each_partner_reads_the_change_in_their_language(
    event, alice, bob, django_capture_on_commit_callbacks
):
    bob.user.preferred_language = "cs"
    bob.user.save()
    make_version(event, [(alice, bob)])
    with django_capture_on_commit_callbacks(execute=True):
        _withdraw(alice)
    (message,) = mail.outbox
    assert message.subject.startswith("Vaše schůzky na akci")
    assert "účastník, který z akce odešel" in message.body
    assert "Alicja" not in message.body
