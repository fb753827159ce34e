"""The engine's input built from the event, and stored schedules."""

import datetime as dt

import pytest

from modus.events.models import Registration
from modus.matchmaking import selectors, services
from modus.matchmaking.models import (
    MeetingRequest,
)
from tests.factories import (
    MarketplaceProfileFactory,
    MeetingRequestFactory,
    PersonFactory,
    RegistrationFactory,
    SessionFactory,
    SessionRoleFactory,
)

from .support import accepted

pytestmark = pytest.mark.django_db


def _check_instance_rules(instance):
    """What b2b.md asks of an instance: known ids everywhere, unique ids, ordered slots."""
    assert instance["format"] == "modus-b2b-instance/1"
    slot_ids = [s["id"] for s in instance["slots"]]
    assert len(slot_ids) == len(set(slot_ids))
    starts = [dt.datetime.fromisoformat(s["start"]) for s in instance["slots"]]
    assert starts == sorted(starts)
    for slot in instance["slots"]:
        assert dt.datetime.fromisoformat(slot["end"]) > dt.datetime.fromisoformat(slot["start"])
    participant_ids = {p["id"] for p in instance["participants"]}
    assert len(participant_ids) == len(instance["participants"])
    for participant in instance["participants"]:
        assert set(participant["unavailable"]) <= set(slot_ids)
    meeting_ids = [m["id"] for m in instance["meetings"]]
    assert len(meeting_ids) == len(set(meeting_ids))
    for meeting in instance["meetings"]:
        assert set(meeting["with"]) <= participant_ids
        assert meeting.get("fixed_slot", slot_ids[0]) in slot_ids
        assert set(meeting["forbidden_slots"]) <= set(slot_ids)


def test_build_instance_follows_the_format(event, mm_settings):
    mm_settings.max_meetings = 2
    mm_settings.save()
    alice, bob, carol, dave = (MarketplaceProfileFactory(event=event) for _ in range(4))
    MeetingRequestFactory(from_profile=alice, to_profile=bob)
    MeetingRequestFactory(from_profile=bob, to_profile=alice)  # mutual, pending
    MeetingRequestFactory(
        from_profile=carol, to_profile=alice, status=MeetingRequest.Status.ACCEPTED
    )
    MeetingRequestFactory(from_profile=dave, to_profile=alice)  # one-sided, pending: no meeting
    MeetingRequestFactory(from_profile=dave, to_profile=bob, status=MeetingRequest.Status.DECLINED)
    # Bob speaks at 9:00 UTC on day one, which covers his 9:00–10:00 (Brussels) window partly.
    session = SessionFactory(
        event=event,
        starts_at=dt.datetime.combine(event.starts_on, dt.time(8, 45), tzinfo=dt.UTC),
        ends_at=dt.datetime.combine(event.starts_on, dt.time(9, 15), tzinfo=dt.UTC),
    )
    SessionRoleFactory(session=session, person=PersonFactory(user=bob.user))
    slot_ids = [s.id for s in selectors.slots(mm_settings)]
    services.set_availability(carol, actor=carol.user, unavailable=[slot_ids[0]])
    RegistrationFactory(event=event)  # registered but not in the marketplace

    instance = services.build_instance(event)
    _check_instance_rules(instance)
    assert instance["tables"] == 10
    weights = {tuple(m["with"]): m["weight"] for m in instance["meetings"]}
    assert weights == {
        (alice.participant_id, bob.participant_id): 3,
        (alice.participant_id, carol.participant_id): 1,
    }
    by_id = {p["id"]: p for p in instance["participants"]}
    assert len(by_id) == 4
    assert by_id[carol.participant_id]["unavailable"] == [slot_ids[0]]
    # Brussels is UTC+1 or +2: 8:45–9:15 UTC blocks the 10:30 slot in winter, 9:30 or 10:30
    # in summer; in any case at least one slot, and Bob's block is derived, not stored.
    assert by_id[bob.participant_id]["unavailable"]
    assert by_id[alice.participant_id]["unavailable"] == []
    assert all(p["max_meetings"] == 2 for p in instance["participants"])


def test_build_instance_leaves_out_cancelled_participants(event):
    alice, bob = MarketplaceProfileFactory(event=event), MarketplaceProfileFactory(event=event)
    MeetingRequestFactory(from_profile=alice, to_profile=bob, status=MeetingRequest.Status.ACCEPTED)
    Registration.objects.filter(user=bob.user).update(status=Registration.Status.CANCELLED)
    instance = services.build_instance(event)
    _check_instance_rules(instance)
    assert [p["id"] for p in instance["participants"]] == [alice.participant_id]
    assert instance["meetings"] == []


def test_every_stored_schedule_is_summed_up_the_same_way(event, cohost):
    alice, bob, carol = (MarketplaceProfileFactory(event=event) for _ in range(3))
    accepted(alice, bob)
    accepted(alice, carol)
    instance = services.build_instance(event)
    ab, ac = (m["id"] for m in instance["meetings"])
    first_slot = instance["slots"][0]["id"]
    engine_result = {
        "format": "modus-b2b-schedule/1",
        "assignments": [{"meeting": ab, "slot": first_slot, "table": 1}],
        "unscheduled": [ac],
        "reasons": {ac: "participant_full"},
        "stats": {"upper_bound": 2, "breaks": 0},
    }
    assert services.schedule_stats(instance, engine_result) == {
        "engine": {"upper_bound": 2, "breaks": 0},
        "requested": 2,
        "placed": 1,
        "weight": 1,
        "max_weight": 2,
        "bound": 2,
        "unplaced": [
            {
                "meeting": ac,
                "with": [alice.display_name, carol.display_name],
                "reason": "participant_full",
            }
        ],
    }
    # An imported schedule (no engine figures, no reasons) is summed up alike, and says so.
    imported = services.import_schedule(
        event,
        actor=cohost,
        schedule={key: engine_result[key] for key in ("format", "assignments", "unscheduled")},
    )
    assert imported.stats["imported"] is True
    assert (imported.stats["placed"], imported.stats["bound"], imported.stats["engine"]) == (
        1,
        None,
        {},
    )
    assert imported.stats["unplaced"][0]["with"] == [alice.display_name, carol.display_name]
