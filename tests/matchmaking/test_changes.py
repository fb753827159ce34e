"""Moving meetings by hand, rescheduling after changes and notifying only the people affected."""

import random

import pytest
from django.core import mail
from django.urls import reverse

from modus.events.models import Registration
from modus.matchmaking import services, services_changes
from modus.matchmaking.models import Availability, Meeting, MeetingRequest, ScheduleVersion
from tests.factories import MarketplaceProfileFactory, MeetingRequestFactory, UserFactory

pytestmark = pytest.mark.django_db


def _accepted(first, second, status=MeetingRequest.Status.ACCEPTED):
    return MeetingRequestFactory(from_profile=first, to_profile=second, status=status)


def _code(excinfo):
    return excinfo.value.code


@pytest.fixture
def trio(event):
    alice, bob, carol, dan = (MarketplaceProfileFactory(event=event) for _ in range(4))
    _accepted(alice, bob)
    _accepted(carol, dan)
    return alice, bob, carol, dan


def _meeting_of(version, profile):
    return version.meetings.filter(participants=profile).get()


def _slot_ids(mm_settings):
    return [slot.id for slot in services.slots(mm_settings)]


# Moving and pinning ------------------------------------------------------------------------------


def test_move_meeting_to_a_free_slot_pins_it(event, cohost, mm_settings, trio):
    alice, bob, carol, dan = trio
    version = services.run_schedule(event, actor=cohost, time_limit=1)
    meeting = _meeting_of(version, alice)
    target = next(s for s in _slot_ids(mm_settings) if s != meeting.slot_id)
    other = _meeting_of(version, carol)
    if other.slot_id == target:
        target = next(s for s in _slot_ids(mm_settings) if s not in (meeting.slot_id, target))
    services_changes.move_meeting(meeting, actor=cohost, slot_id=target, table=5)
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
    assert _meeting_of(again, alice).slot_id == target
    assert _meeting_of(again, alice).pinned


def test_move_meeting_clash_checks(event, cohost, mm_settings, trio):
    alice, bob, carol, dan = trio
    _accepted(alice, carol)
    version = services.run_schedule(event, actor=cohost, time_limit=1)
    ab = _meeting_of(version, bob)
    ac = version.meetings.filter(participants=alice).filter(participants=carol).get()
    cd = _meeting_of(version, dan)
    # alice already meets carol in ac's slot
    with pytest.raises(services.MatchmakingError) as excinfo:
        services_changes.move_meeting(ab, actor=cohost, slot_id=ac.slot_id)
    assert _code(excinfo) == "participant_busy" and excinfo.value.field == "slot"
    # unavailable
    free_slot = next(
        s for s in _slot_ids(mm_settings) if s not in (ab.slot_id, ac.slot_id, cd.slot_id)
    )
    Availability.objects.create(profile=bob, unavailable=[free_slot])
    with pytest.raises(services.MatchmakingError) as excinfo:
        services_changes.move_meeting(ab, actor=cohost, slot_id=free_slot)
    assert _code(excinfo) == "participant_unavailable"
    # table taken by cd in its slot (if ab's people are free there)
    if cd.slot_id not in (ac.slot_id,):
        with pytest.raises(services.MatchmakingError) as excinfo:
            services_changes.move_meeting(ab, actor=cohost, slot_id=cd.slot_id, table=cd.table)
        assert _code(excinfo) == "table_taken" and excinfo.value.field == "table"
    # slot full
    mm_settings.tables = 1
    mm_settings.save()
    with pytest.raises(services.MatchmakingError) as excinfo:
        services_changes.move_meeting(ab, actor=cohost, slot_id=cd.slot_id)
    assert _code(excinfo) in {"slot_full", "participant_busy"}
    with pytest.raises(services.MatchmakingError) as excinfo:
        services_changes.move_meeting(ab, actor=cohost, slot_id="nowhere")
    assert _code(excinfo) == "unknown_slot"


def test_only_cohosts_move_and_only_in_drafts(event, cohost, trio):
    alice = trio[0]
    version = services.run_schedule(event, actor=cohost, time_limit=1)
    meeting = _meeting_of(version, alice)
    with pytest.raises(services.MatchmakingPermissionError):
        services_changes.move_meeting(meeting, actor=alice.user, slot_id=meeting.slot_id)
    services.publish(version, actor=cohost)
    meeting.refresh_from_db()
    with pytest.raises(services.MatchmakingError) as excinfo:
        services_changes.move_meeting(meeting, actor=cohost, slot_id=meeting.slot_id)
    assert _code(excinfo) == "not_draft"


def test_move_page_shows_errors_next_to_the_field(client, event, cohost, mm_settings, trio):
    alice, bob, carol, dan = trio
    _accepted(alice, carol)
    version = services.run_schedule(event, actor=cohost, time_limit=1)
    ab = _meeting_of(version, bob)
    ac = version.meetings.filter(participants=alice).filter(participants=carol).get()
    url = reverse("matchmaking:move-meeting", kwargs={"slug": event.slug, "pk": ab.pk})
    client.force_login(cohost)
    assert client.get(url).status_code == 200
    response = client.post(url, {"slot": ac.slot_id, "pinned": "on"})
    assert response.status_code == 200
    assert response.context["form"].has_error("slot", "participant_busy")
    free = next(
        s
        for s in _slot_ids(mm_settings)
        if not version.meetings.filter(slot_id=s, participants__in=[alice, bob]).exists()
    )
    response = client.post(url, {"slot": free, "pinned": "on"})
    assert response.status_code == 302
    ab.refresh_from_db()
    assert ab.slot_id == free and ab.pinned
    schedule_page = client.get(reverse("matchmaking:schedule", kwargs={"slug": event.slug}))
    assert url in schedule_page.content.decode()


def test_move_page_is_for_organisers_only(client, event, cohost, trio):
    alice = trio[0]
    version = services.run_schedule(event, actor=cohost, time_limit=1)
    url = reverse(
        "matchmaking:move-meeting",
        kwargs={"slug": event.slug, "pk": _meeting_of(version, alice).pk},
    )
    for user in (alice.user, UserFactory()):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.post(url, {"slot": "x"}).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302


# Rescheduling after changes ----------------------------------------------------------------------


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
        _accepted(profiles[first], profiles[second])
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
    draft = services_changes.reschedule_after_changes(event, actor=cohost, time_limit=1)
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
    affected = services_changes.affected_profile_ids(published, draft)
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
    _accepted(first, second)
    leaver = profiles[5]
    last_slots = _slot_ids(mm_settings)[-4:]
    Availability.objects.update_or_create(profile=leaver, defaults={"unavailable": last_slots})
    draft = services_changes.reschedule_after_changes(event, actor=cohost, time_limit=1)
    after = _places(draft)
    assert pair in after
    for key, (slot_id, _table) in after.items():
        if leaver.pk in key:
            assert slot_id not in last_slots
    for key, place in before.items():
        if leaver.pk not in key or place[0] not in last_slots:
            assert after.get(key) == place
    assert draft.stats["changes"]["added"] >= 1


def test_reschedule_needs_a_published_schedule_and_an_organiser(event, cohost, trio):
    with pytest.raises(services.MatchmakingError) as excinfo:
        services_changes.reschedule_after_changes(event, actor=cohost)
    assert _code(excinfo) == "nothing_published"
    with pytest.raises(services.MatchmakingPermissionError):
        services_changes.reschedule_after_changes(event, actor=trio[0].user)


def test_reschedule_page(client, event, cohost, mm_settings, trio):
    url = reverse("matchmaking:reschedule", kwargs={"slug": event.slug})
    client.force_login(trio[0].user)
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    client.force_login(cohost)
    assert client.get(url).status_code == 200
    response = client.post(url, follow=True)
    assert "There is no published schedule" in response.content.decode()
    services.publish(services.run_schedule(event, actor=cohost, time_limit=1), actor=cohost)
    response = client.post(url)
    assert response.status_code == 302
    latest = ScheduleVersion.objects.filter(event=event).order_by("-pk").first()
    assert latest.status == ScheduleVersion.Status.DRAFT
    assert (
        latest.stats["changes"]["kept"]
        == Meeting.objects.filter(version__status=ScheduleVersion.Status.PUBLISHED).count()
    )
