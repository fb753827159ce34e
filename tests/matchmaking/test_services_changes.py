"""Moving meetings by hand, rescheduling after changes, importing a schedule (services.changes)."""

import pytest
from django.core import mail

from modus.activity.models import ActionLogEntry
from modus.events.models import Registration
from modus.events.permissions import NotCohost
from modus.matchmaking import services
from modus.matchmaking.models import (
    Availability,
    MeetingRequest,
    ScheduleVersion,
)

from .support import accepted, import_draft, meeting_of, places, published_event, slot_ids

pytestmark = pytest.mark.django_db


def _code(excinfo):
    return excinfo.value.code


def test_move_meeting_to_a_free_slot_pins_it(event, cohost, mm_settings, two_pairs):
    alice, bob, carol, dan = two_pairs
    version = services.run_schedule(event, actor=cohost, time_limit=1)
    meeting = meeting_of(version, alice)
    target = next(s for s in slot_ids(mm_settings) if s != meeting.slot_id)
    other = meeting_of(version, carol)
    if other.slot_id == target:
        target = next(s for s in slot_ids(mm_settings) if s not in (meeting.slot_id, target))
    services.move_meeting(meeting, actor=cohost, slot_id=target, table=5)
    meeting.refresh_from_db()
    assert (meeting.slot_id, meeting.table, meeting.pinned) == (target, 5, True)
    version.refresh_from_db()
    moved = [a for a in version.schedule["assignments"] if a["slot"] == target and a["table"] == 5]
    assert len(moved) == 1
    # the next run keeps the pinned meeting in its slot
    instance = services.build_instance(event)
    fixed = {m["id"]: m.get("fixed_slot") for m in instance["meetings"]}
    assert fixed[services.meeting_id((alice.pk, bob.pk))] == target
    again = services.run_schedule(event, actor=cohost, time_limit=1)
    assert meeting_of(again, alice).slot_id == target
    assert meeting_of(again, alice).pinned


def test_move_meeting_clash_checks(event, cohost, mm_settings, two_pairs):
    alice, bob, carol, dan = two_pairs
    accepted(alice, carol)
    version = services.run_schedule(event, actor=cohost, time_limit=1)
    ab = meeting_of(version, bob)
    ac = version.meetings.filter(participants=alice).filter(participants=carol).get()
    cd = meeting_of(version, dan)
    # alice already meets carol in ac's slot
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.move_meeting(ab, actor=cohost, slot_id=ac.slot_id)
    assert _code(excinfo) == "participant_busy" and excinfo.value.field == "slot"
    # unavailable
    free_slot = next(
        s for s in slot_ids(mm_settings) if s not in (ab.slot_id, ac.slot_id, cd.slot_id)
    )
    Availability.objects.create(profile=bob, unavailable=[free_slot])
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.move_meeting(ab, actor=cohost, slot_id=free_slot)
    assert _code(excinfo) == "participant_unavailable"
    # table taken by cd in its slot (if ab's people are free there)
    if cd.slot_id not in (ac.slot_id,):
        with pytest.raises(services.MatchmakingError) as excinfo:
            services.move_meeting(ab, actor=cohost, slot_id=cd.slot_id, table=cd.table)
        assert _code(excinfo) == "table_taken" and excinfo.value.field == "table"
    # slot full
    mm_settings.tables = 1
    mm_settings.save()
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.move_meeting(ab, actor=cohost, slot_id=cd.slot_id)
    assert _code(excinfo) in {"slot_full", "participant_busy"}
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.move_meeting(ab, actor=cohost, slot_id="nowhere")
    assert _code(excinfo) == "unknown_slot"


def test_only_cohosts_move_and_only_in_drafts(event, cohost, two_pairs):
    alice = two_pairs[0]
    version = services.run_schedule(event, actor=cohost, time_limit=1)
    meeting = meeting_of(version, alice)
    with pytest.raises(NotCohost):
        services.move_meeting(meeting, actor=alice.user, slot_id=meeting.slot_id)
    services.publish(version, actor=cohost)
    meeting.refresh_from_db()
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.move_meeting(meeting, actor=cohost, slot_id=meeting.slot_id)
    assert _code(excinfo) == "not_draft"


def test_reschedule_after_cancellations_keeps_unaffected_meetings(event, cohost, mm_settings):
    profiles, published = published_event(event, cohost, mm_settings)
    before = places(published)
    cancelled = {profiles[3].pk, profiles[17].pk}  # 5% of 40
    Registration.objects.filter(event=event, user__marketplace_profiles__pk__in=cancelled).update(
        status=Registration.Status.CANCELLED
    )
    draft = services.reschedule_after_changes(event, actor=cohost, time_limit=1)
    after = places(draft)
    unaffected = {pair: place for pair, place in before.items() if not set(pair) & cancelled}
    assert unaffected
    for pair, place in unaffected.items():
        assert after[pair] == place, pair
    assert not any(set(pair) & cancelled for pair in after)
    changes = draft.stats["changes"]
    assert changes["kept"] == len(unaffected)
    assert changes["dropped"] == len(before) - len(unaffected)
    assert draft.status == ScheduleVersion.Status.DRAFT
    # publishing it (it cancels meetings: confirmed) e-mails only the cancelled people's partners
    affected = services.changes_between(published, draft).people
    mail.outbox.clear()
    services.publish(draft, actor=cohost, confirm_over=published.pk)
    partners = {pk for pair in before if set(pair) & cancelled for pk in pair} - cancelled
    assert partners <= affected
    emails = {m.to[0] for m in mail.outbox}
    by_pk = {p.pk: p.user.email for p in profiles}
    assert emails == {by_pk[pk] for pk in affected}
    assert not emails & {by_pk[pk] for pk in cancelled}
    assert len(emails) < len(profiles)
    published.refresh_from_db()
    assert published.status == ScheduleVersion.Status.SUPERSEDED


def test_reschedule_places_a_late_request_and_respects_leaving_early(event, cohost, mm_settings):
    profiles, published = published_event(event, cohost, mm_settings, people=12, seed=3)
    before = places(published)
    first, second = profiles[0], profiles[1]
    pair = tuple(sorted((first.pk, second.pk)))
    if pair in before:
        second = profiles[2]
        pair = tuple(sorted((first.pk, second.pk)))
    MeetingRequest.objects.filter(from_profile=first, to_profile=second).delete()
    MeetingRequest.objects.filter(from_profile=second, to_profile=first).delete()
    accepted(first, second)
    leaver = profiles[5]
    last_slots = slot_ids(mm_settings)[-4:]
    Availability.objects.update_or_create(profile=leaver, defaults={"unavailable": last_slots})
    draft = services.reschedule_after_changes(event, actor=cohost, time_limit=1)
    after = places(draft)
    assert pair in after
    for key, (slot_id, _table) in after.items():
        if leaver.pk in key:
            assert slot_id not in last_slots
    for key, place in before.items():
        if leaver.pk not in key or place[0] not in last_slots:
            assert after.get(key) == place
    assert draft.stats["changes"]["added"] >= 1


def test_reschedule_needs_a_published_schedule_and_an_organiser(event, cohost, two_pairs):
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.reschedule_after_changes(event, actor=cohost)
    assert _code(excinfo) == "nothing_published"
    with pytest.raises(NotCohost):
        services.reschedule_after_changes(event, actor=two_pairs[0].user)


def test_moves_and_imports_are_in_the_event_history(event, cohost, mm_settings, two_pairs):
    alice, bob, carol, dan = two_pairs
    version = import_draft(event, cohost, {(alice, bob): (0, 1)}, unscheduled=[(carol, dan)])
    imported = ActionLogEntry.objects.get(action="matchmaking.schedule.imported")
    assert (imported.actor, imported.target, imported.data) == (
        cohost,
        event,
        {"version": version.pk, "placed": 1, "requested": 2},
    )
    assert imported.note == "placed 1 of 2"
    meeting = meeting_of(version, alice)
    first, _second, third = slot_ids(mm_settings)
    services.move_meeting(meeting, actor=cohost, slot_id=third, table=3, pinned=False)
    moved = ActionLogEntry.objects.get(action="matchmaking.meeting.moved")
    assert (moved.actor, moved.target) == (cohost, event)
    assert moved.data == {
        "meeting": meeting.pk,
        "from": [first, 1],
        "to": [third, 3],
        "pinned": False,
    }
    assert alice.display_name in moved.note and bob.display_name in moved.note
    assert moved.note.endswith(f": {first} → {third}")


def test_refused_changes_leave_no_trace_in_the_history(event, cohost, two_pairs):
    alice = two_pairs[0]
    version = services.run_schedule(event, actor=cohost, time_limit=1)
    with pytest.raises(services.MatchmakingError):
        services.move_meeting(meeting_of(version, alice), actor=cohost, slot_id="nowhere")
    with pytest.raises(NotCohost):
        services.publish(version, actor=alice.user)
    with pytest.raises(services.MatchmakingError):
        services.import_schedule(event, actor=cohost, schedule={"format": "x"})
    assert not ActionLogEntry.objects.exists()
    assert mail.outbox == []
