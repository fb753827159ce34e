"""Publishing (one path), moving meetings by hand, rescheduling after changes."""

import random

import pytest
from django.core import mail

from modus.activity.models import ActionLogEntry
from modus.activity.selectors import actions_on
from modus.events.models import Registration
from modus.events.permissions import NotCohost
from modus.matchmaking import services, tasks
from modus.matchmaking.models import (
    Availability,
    MeetingRequest,
    ScheduleVersion,
)
from tests.factories import (
    MarketplaceProfileFactory,
    MeetingRequestFactory,
)

from .support import accepted, meeting_of, slot_ids

pytestmark = pytest.mark.django_db


def _code(excinfo):
    return excinfo.value.code


def test_run_and_publish_end_to_end(event, cohost, mm_settings):
    alice, bob, carol = (MarketplaceProfileFactory(event=event) for _ in range(3))
    for first, second in ((alice, bob), (alice, carol), (bob, carol)):
        MeetingRequestFactory(
            from_profile=first, to_profile=second, status=MeetingRequest.Status.ACCEPTED
        )
    run = services.start_run(event, actor=cohost, time_limit=2)
    version = ScheduleVersion.objects.get(pk=tasks.run_schedule_task.delay(run.pk).get())
    assert version.status == ScheduleVersion.Status.DRAFT
    assert version.stats["placed"] == 3 == version.meetings.count()
    seen = set()
    for meeting in version.meetings.prefetch_related("participants"):
        for profile in meeting.participants.all():
            assert (profile.pk, meeting.slot_id) not in seen
            seen.add((profile.pk, meeting.slot_id))
        assert meeting.requests.count() == 1
    mail.outbox.clear()
    services.publish(version, actor=cohost)
    assert version.status == ScheduleVersion.Status.PUBLISHED
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.user.email for p in (alice, bob, carol))
    assert bob.user.full_name in next(m.body for m in mail.outbox if m.to == [alice.user.email])
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.publish(version, actor=cohost)
    assert _code(excinfo) == "not_draft"


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


def _published_event(event, cohost, mm_settings, people=40, seed=7):
    """An event with ``people`` participants, random requests, a published schedule."""
    mm_settings.tables = 12
    mm_settings.windows = [
        {"day": event.starts_on.isoformat(), "start": "09:00", "end": "12:00"},
        {"day": event.starts_on.isoformat(), "start": "13:00", "end": "15:00"},
    ]
    mm_settings.save()
    profiles = [MarketplaceProfileFactory(event=event) for _ in range(people)]
    rng = random.Random(seed)
    pairs = set()
    while len(pairs) < people * 2:
        first, second = rng.sample(range(people), 2)
        if (first, second) in pairs or (second, first) in pairs:
            continue
        pairs.add((first, second))
        accepted(profiles[first], profiles[second])
    version = services.run_schedule(event, actor=cohost, time_limit=1, seed=1)
    services.publish(version, actor=cohost)
    return profiles, version


def _places(version):
    return {
        tuple(sorted(p.pk for p in m.participants.all())): (m.slot_id, m.table)
        for m in version.meetings.prefetch_related("participants")
    }


def test_reschedule_after_cancellations_keeps_unaffected_meetings(event, cohost, mm_settings):
    profiles, published = _published_event(event, cohost, mm_settings)
    before = _places(published)
    cancelled = {profiles[3].pk, profiles[17].pk}  # 5% of 40
    Registration.objects.filter(event=event, user__marketplace_profiles__pk__in=cancelled).update(
        status=Registration.Status.CANCELLED
    )
    draft = services.reschedule_after_changes(event, actor=cohost, time_limit=1)
    after = _places(draft)
    unaffected = {pair: place for pair, place in before.items() if not set(pair) & cancelled}
    assert unaffected
    for pair, place in unaffected.items():
        assert after[pair] == place, pair
    assert not any(set(pair) & cancelled for pair in after)
    changes = draft.stats["changes"]
    assert changes["kept"] == len(unaffected)
    assert changes["dropped"] == len(before) - len(unaffected)
    assert draft.status == ScheduleVersion.Status.DRAFT
    # publishing it e-mails only the partners of the cancelled participants
    mail.outbox.clear()
    services.publish(draft, actor=cohost)
    affected = services.changes_between(published, draft).people
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
    profiles, published = _published_event(event, cohost, mm_settings, people=12, seed=3)
    before = _places(published)
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
    after = _places(draft)
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


# One publish path: who is mailed, what the event's history says ----------------------------------


def _pair_id(first, second):
    return services.meeting_id(tuple(sorted((first.pk, second.pk))))


def _import(event, cohost, placed, unscheduled=()):
    """A schedule imported as a draft: ``placed`` maps a pair to (slot number, table)."""
    slot_list = [slot["id"] for slot in services.build_instance(event)["slots"]]
    schedule = {
        "format": "modus-b2b-schedule/1",
        "assignments": [
            {"meeting": _pair_id(*pair), "slot": slot_list[n], "table": table}
            for pair, (n, table) in placed.items()
        ],
        "unscheduled": [_pair_id(*pair) for pair in unscheduled],
    }
    return services.import_schedule(event, actor=cohost, schedule=schedule)


def _published_entries(event):
    return [e for e in actions_on(event) if e.action == "matchmaking.schedule.published"]


def test_the_first_publication_mails_every_participant_their_plan(event, cohost):
    alice, bob, carol = (MarketplaceProfileFactory(event=event) for _ in range(3))
    accepted(alice, bob)  # carol asked nobody: she is in the schedule without a meeting
    version = _import(event, cohost, {(alice, bob): (0, 1)})
    mail.outbox.clear()
    services.publish(version, actor=cohost)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {p.user.email for p in (alice, bob, carol)}
    assert {message.subject for message in mail.outbox} == {f"Your meetings at {event.name}"}
    assert bob.display_name in by_address[alice.user.email].body
    assert "No meetings could be placed for you" in by_address[carol.user.email].body
    [entry] = _published_entries(event)
    assert (entry.actor, entry.target) == (cohost, event)
    assert entry.data == {
        "version": version.pk,
        "previous": None,
        "kept": 0,
        "moved": 0,
        "added": 1,
        "dropped": 0,
    }
    assert entry.note == "meetings 1 · moved 0 · added 1 · cancelled 0"


def test_a_later_publication_mails_only_the_people_whose_meetings_changed(event, cohost, two_pairs):
    alice, bob, carol, dan = two_pairs
    first = _import(event, cohost, {(alice, bob): (0, 1), (carol, dan): (1, 1)})
    services.publish(first, actor=cohost)
    # Not a reschedule: any later draft goes the same way.
    moved = _import(event, cohost, {(alice, bob): (0, 1), (carol, dan): (2, 1)})
    mail.outbox.clear()
    services.publish(moved, actor=cohost)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([carol.user.email, dan.user.email])
    assert {m.subject for m in mail.outbox} == {f"Your meetings at {event.name} have changed"}
    assert all("This is your plan now" in m.body for m in mail.outbox)
    assert services.changes_between(first, moved).people == {carol.pk, dan.pk}
    entry = _published_entries(event)[0]  # newest first
    assert (entry.data["previous"], entry.data["kept"], entry.data["moved"]) == (first.pk, 1, 1)
    assert entry.note == "meetings 2 · moved 1 · added 0 · cancelled 0"
    # A meeting dropped from the plan: its two sides hear that nothing is left.
    dropped = _import(event, cohost, {(alice, bob): (0, 1)}, unscheduled=[(carol, dan)])
    mail.outbox.clear()
    services.publish(dropped, actor=cohost)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([carol.user.email, dan.user.email])
    assert all("You have no meetings left in the new plan." in m.body for m in mail.outbox)
    assert _published_entries(event)[0].note == "meetings 1 · moved 0 · added 0 · cancelled 1"
    # Nothing changed: nobody is mailed, and the history still records the publication.
    same = _import(event, cohost, {(alice, bob): (0, 1)}, unscheduled=[(carol, dan)])
    mail.outbox.clear()
    services.publish(same, actor=cohost)
    assert mail.outbox == []
    assert len(_published_entries(event)) == 4
    first.refresh_from_db()
    assert first.status == ScheduleVersion.Status.SUPERSEDED


def test_moves_and_imports_are_in_the_event_history(event, cohost, mm_settings, two_pairs):
    alice, bob, carol, dan = two_pairs
    version = _import(event, cohost, {(alice, bob): (0, 1)}, unscheduled=[(carol, dan)])
    imported = ActionLogEntry.objects.get(action="matchmaking.schedule.imported")
    assert (imported.actor, imported.target, imported.data) == (
        cohost,
        event,
        {"version": version.pk, "placed": 1},
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
