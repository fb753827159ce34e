import datetime as dt

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from modus.events.models import Registration
from modus.matchmaking import services
from modus.matchmaking.models import MeetingRequest, ScheduleVersion, SchedulingRun
from tests.factories import (
    EcosystemFactory,
    MarketplaceProfileFactory,
    MatchmakingSettingsFactory,
    MeetingRequestFactory,
    PersonFactory,
    RegistrationFactory,
    SessionFactory,
    SessionRoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _code(excinfo):
    return excinfo.value.code


# Setup -----------------------------------------------------------------------------------


def test_configure_by_cohost_stores_sorted_windows(event, cohost):
    day = event.starts_on.isoformat()
    mm = services.configure_matchmaking(
        event,
        actor=cohost,
        enabled=True,
        windows=[
            {"day": day, "start": "14:00", "end": "15:00"},
            {"day": day, "start": "09:00", "end": "10:00"},
        ],
        slot_minutes=20,
        tables=5,
        allowed_roles=["company"],
    )
    assert [w["start"] for w in mm.windows] == ["09:00", "14:00"]
    assert mm.allowed_roles == ["company"]
    assert len(services.slots(mm)) == 6


def test_configure_refused_for_others_and_bad_input(event, cohost):
    day = event.starts_on.isoformat()
    common = {"enabled": True, "slot_minutes": 30}
    with pytest.raises(services.MatchmakingPermissionError) as excinfo:
        services.configure_matchmaking(event, actor=UserFactory(), windows=[], **common)
    assert _code(excinfo) == "not_cohost"
    bad = [
        ([{"day": "1999-01-01", "start": "09:00", "end": "10:00"}], "day_outside_event"),
        ([{"day": day, "start": "10:00", "end": "09:00"}], "bad_window"),
        (
            [
                {"day": day, "start": "09:00", "end": "10:00"},
                {"day": day, "start": "09:30", "end": "11:00"},
            ],
            "windows_overlap",
        ),
        ([], "no_windows"),
    ]
    for windows, code in bad:
        with pytest.raises(services.MatchmakingError) as excinfo:
            services.configure_matchmaking(event, actor=cohost, windows=windows, **common)
        assert _code(excinfo) == code
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.configure_matchmaking(
            event,
            actor=cohost,
            windows=[{"day": day, "start": "09:00", "end": "10:00"}],
            virtual=True,
            **common,
        )
    assert _code(excinfo) == "video_link_missing"


def test_slots_are_ordered_and_grouped_by_window(mm_settings):
    slot_list = services.slots(mm_settings)
    day = mm_settings.event.starts_on.isoformat()
    assert [s.id for s in slot_list] == [f"{day}-0900", f"{day}-0930", f"{day}-1030"]
    assert slot_list[0].session == slot_list[1].session != slot_list[2].session
    assert all(a.end <= b.start for a, b in zip(slot_list, slot_list[1:], strict=False))


# Participants ----------------------------------------------------------------------------


def test_opt_in_only_for_confirmed_participants_with_allowed_role(event, mm_settings):
    mm_settings.allowed_roles = ["company"]
    mm_settings.save()
    company = RegistrationFactory(event=event, participant_role="company")
    profile = services.opt_in(
        event, actor=company.user, offers="Sensors", ecosystems=[EcosystemFactory()]
    )
    assert profile.opted_in and profile.ecosystems.count() == 1
    for registration in (
        RegistrationFactory(event=event, participant_role="researcher"),
        RegistrationFactory(
            event=event, participant_role="company", status=Registration.Status.WAITLISTED
        ),
    ):
        with pytest.raises(services.MatchmakingError) as excinfo:
            services.opt_in(event, actor=registration.user)
        assert _code(excinfo) == "not_participant"
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.opt_in(event, actor=UserFactory())
    assert _code(excinfo) == "not_participant"


def test_opt_in_refused_when_matchmaking_is_off(event, mm_settings):
    mm_settings.enabled = False
    mm_settings.save()
    registration = RegistrationFactory(event=event)
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.opt_in(event, actor=registration.user)
    assert _code(excinfo) == "matchmaking_off"


def test_request_accept_decline_and_their_rules(event, mm_settings):
    alice = MarketplaceProfileFactory(event=event)
    bob = MarketplaceProfileFactory(event=event)
    request = services.request_meeting(event, actor=alice.user, to_profile=bob, message="Hi")
    assert request.status == MeetingRequest.Status.PENDING
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.request_meeting(event, actor=alice.user, to_profile=bob)
    assert _code(excinfo) == "already_requested"
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.request_meeting(event, actor=alice.user, to_profile=alice)
    assert _code(excinfo) == "own_profile"
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.request_meeting(event, actor=UserFactory(), to_profile=bob)
    assert _code(excinfo) == "not_participant"
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.answer_request(request, actor=alice.user, accept=True)
    assert _code(excinfo) == "not_yours"
    services.answer_request(request, actor=bob.user, accept=False)
    assert request.status == MeetingRequest.Status.DECLINED
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.answer_request(request, actor=bob.user, accept=True)
    assert _code(excinfo) == "already_answered"


def test_request_after_deadline_is_refused(event, mm_settings):
    mm_settings.request_deadline = timezone.now() - dt.timedelta(minutes=1)
    mm_settings.save()
    alice = MarketplaceProfileFactory(event=event)
    bob = MarketplaceProfileFactory(event=event)
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.request_meeting(event, actor=alice.user, to_profile=bob)
    assert _code(excinfo) == "deadline_passed"


def test_request_to_a_profile_of_another_event_is_refused(event):
    alice = MarketplaceProfileFactory(event=event)
    stranger = MarketplaceProfileFactory()
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.request_meeting(event, actor=alice.user, to_profile=stranger)
    assert _code(excinfo) == "not_in_marketplace"


def test_mutual_interest(event):
    first = MeetingRequestFactory(from_profile=MarketplaceProfileFactory(event=event))
    assert not services.is_mutual(first)
    MeetingRequestFactory(from_profile=first.to_profile, to_profile=first.from_profile)
    assert services.is_mutual(first)


def test_availability_only_own_and_known_slots(event, mm_settings):
    profile = MarketplaceProfileFactory(event=event)
    slot_id = services.slots(mm_settings)[1].id
    availability = services.set_availability(profile, actor=profile.user, unavailable=[slot_id])
    assert availability.unavailable == [slot_id]
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.set_availability(profile, actor=UserFactory(), unavailable=[])
    assert _code(excinfo) == "not_yours"
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.set_availability(profile, actor=profile.user, unavailable=["nope"])
    assert _code(excinfo) == "unknown_slot"


# The instance ------------------------------------------------------------------------------


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
    slot_ids = [s.id for s in services.slots(mm_settings)]
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


# Run and publish ---------------------------------------------------------------------------


def test_run_schedule_refused_for_non_cohosts(event):
    with pytest.raises(services.MatchmakingPermissionError):
        services.run_schedule(event, actor=UserFactory())


def test_run_and_publish_end_to_end(event, cohost, mm_settings):
    alice, bob, carol = (MarketplaceProfileFactory(event=event) for _ in range(3))
    for first, second in ((alice, bob), (alice, carol), (bob, carol)):
        MeetingRequestFactory(
            from_profile=first, to_profile=second, status=MeetingRequest.Status.ACCEPTED
        )
    from modus.matchmaking.tasks import run_schedule_task

    run = services.start_run(event, actor=cohost, time_limit=2)
    version = ScheduleVersion.objects.get(pk=run_schedule_task.delay(run.pk).get())
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


# Scheduling runs ---------------------------------------------------------------------------


def _pair(event):
    alice, bob = MarketplaceProfileFactory(event=event), MarketplaceProfileFactory(event=event)
    MeetingRequestFactory(from_profile=alice, to_profile=bob, status=MeetingRequest.Status.ACCEPTED)
    return alice, bob


def test_start_run_queues_a_run_for_organisers_only(event, cohost):
    run = services.start_run(event, actor=cohost, time_limit=3, seed=7)
    assert (run.status, run.phase, run.progress) == ("queued", "queued", 0)
    assert (run.requested_by, run.time_limit, run.seed, run.version) == (cohost, 3, 7, None)
    with pytest.raises(services.MatchmakingPermissionError) as excinfo:
        services.start_run(event, actor=UserFactory())
    assert _code(excinfo) == "not_cohost"


def test_start_run_needs_matchmaking_on_and_a_sane_time_limit(event, cohost, mm_settings):
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.start_run(event, actor=cohost, time_limit=0)
    assert _code(excinfo) == "bad_time_limit"
    mm_settings.enabled = False
    mm_settings.save()
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.start_run(event, actor=cohost)
    assert _code(excinfo) == "matchmaking_off"
    assert not SchedulingRun.objects.exists()


def test_a_run_in_progress_blocks_another_for_the_same_event_only(event, cohost):
    first = services.start_run(event, actor=cohost)
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.start_run(event, actor=cohost)
    assert _code(excinfo) == "run_in_progress"
    SchedulingRun.objects.filter(pk=first.pk).update(status=SchedulingRun.Status.RUNNING)
    with pytest.raises(services.MatchmakingError):
        services.start_run(event, actor=cohost)
    other = MatchmakingSettingsFactory().event
    assert services.start_run(other, actor=UserFactory(is_staff=True)).event == other
    SchedulingRun.objects.filter(pk=first.pk).update(status=SchedulingRun.Status.DONE)
    assert services.start_run(event, actor=cohost).pk != first.pk


def test_the_database_refuses_two_active_runs_of_one_event(event, cohost):
    services.start_run(event, actor=cohost)
    with pytest.raises(IntegrityError), transaction.atomic():
        SchedulingRun.objects.create(event=event, status=SchedulingRun.Status.RUNNING)


def test_a_lost_run_stops_blocking_and_is_marked_interrupted(event, cohost):
    lost = services.start_run(event, actor=cohost, time_limit=10)
    SchedulingRun.objects.filter(pk=lost.pk).update(
        status=SchedulingRun.Status.RUNNING,
        created_at=timezone.now() - services.RUN_STALE_AFTER - dt.timedelta(seconds=11),
    )
    fresh = services.start_run(event, actor=cohost)
    lost.refresh_from_db()
    assert (lost.status, lost.error) == ("failed", "interrupted") and lost.finished_at
    assert fresh.status == "queued"


def test_execute_run_stores_the_draft_and_finishes(event, cohost):
    _pair(event)
    run = services.start_run(event, actor=cohost, time_limit=1)
    phases = []
    run = services.execute_run(
        run.pk, progress=lambda phase, percent, seconds=None: phases.append((phase, seconds))
    )
    assert (run.status, run.progress, run.phase, run.error) == ("done", 100, "done", "")
    assert run.started_at <= run.finished_at
    assert run.version.stats["placed"] == 1 and run.version.status == "draft"
    assert phases == [("instance", None), ("solve", 1.0), ("saving", None)]
    # A second delivery of the same job does nothing.
    again = services.execute_run(run.pk)
    assert again.version == run.version and ScheduleVersion.objects.count() == 1


def test_a_failure_of_the_engine_is_recorded_on_the_run(event, cohost, monkeypatch):
    import modus.scheduling

    def broken(instance, **kwargs):
        raise RuntimeError("the engine fell over")

    monkeypatch.setattr(modus.scheduling, "solve", broken)
    _pair(event)
    run = services.execute_run(services.start_run(event, actor=cohost).pk)
    assert (run.status, run.error, run.version) == ("failed", "engine_error", None)
    assert "fell over" in run.error_detail and run.finished_at
    assert not ScheduleVersion.objects.exists()
    # The failed run no longer blocks the next one.
    assert services.start_run(event, actor=cohost).status == "queued"


def test_an_instance_the_engine_refuses_is_recorded_with_its_reason(event, cohost, monkeypatch):
    import modus.scheduling

    def refuses(instance, **kwargs):
        raise modus.scheduling.InstanceError("must be a list", "meetings")

    monkeypatch.setattr(modus.scheduling, "solve", refuses)
    run = services.execute_run(services.start_run(event, actor=cohost).pk)
    assert (run.status, run.error) == ("failed", "instance_invalid")
    assert "refused" in run.error_detail


def test_a_run_whose_organiser_left_fails_with_a_code(event, cohost):
    run = services.start_run(event, actor=cohost)
    cohost.memberships.all().delete()
    run = services.execute_run(run.pk)
    assert (run.status, run.error) == ("failed", "not_cohost")


def test_progress_never_goes_backwards_nor_reaches_100_before_the_end(event, cohost):
    run = services.start_run(event, actor=cohost)
    services.set_run_progress(run.pk, percent=50)  # queued: not moved
    run.refresh_from_db()
    assert run.progress == 0
    SchedulingRun.objects.filter(pk=run.pk).update(status=SchedulingRun.Status.RUNNING)
    services.set_run_progress(run.pk, percent=40, phase="solve")
    services.set_run_progress(run.pk, percent=30)
    run.refresh_from_db()
    assert (run.progress, run.phase) == (40, "solve")
    services.set_run_progress(run.pk, percent=150)
    run.refresh_from_db()
    assert run.progress == 99
