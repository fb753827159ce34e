"""The one publish path: what it keeps, whom it mails, what it needs confirmed, what it logs."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core import mail
from django.utils import timezone, translation

from modus.activity.models import ActionLogEntry
from modus.activity.selectors import actions_on
from modus.matchmaking import dates, selectors, services, tasks
from modus.matchmaking.models import Meeting, MeetingOutcome, MeetingRequest, ScheduleVersion
from tests.factories import (
    EventOrganiserFactory,
    MarketplaceProfileFactory,
    MatchmakingSettingsFactory,
    MeetingRequestFactory,
    MembershipFactory,
)

from .support import accepted, import_draft, meeting_of

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


# One publish path: who is mailed, what the event's history says ----------------------------------


def _published_entries(event):
    return [e for e in actions_on(event) if e.action == "matchmaking.schedule.published"]


def test_the_first_publication_mails_every_participant_their_plan(event, cohost):
    alice, bob, carol = (MarketplaceProfileFactory(event=event) for _ in range(3))
    accepted(alice, bob)  # carol asked nobody: she is in the schedule without a meeting
    version = import_draft(event, cohost, {(alice, bob): (0, 1)})
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
        "outcomes_kept": 0,
        "outcomes_on_cancelled": 0,
    }
    assert entry.note == "1 meeting · moved 0 · added 1 · cancelled 0"


def test_a_later_publication_mails_only_the_people_whose_meetings_changed(event, cohost, two_pairs):
    alice, bob, carol, dan = two_pairs
    first = import_draft(event, cohost, {(alice, bob): (0, 1), (carol, dan): (1, 1)})
    services.publish(first, actor=cohost)
    # Not a reschedule: any later draft goes the same way.
    moved = import_draft(event, cohost, {(alice, bob): (0, 1), (carol, dan): (2, 1)})
    assert services.changes_between(first, moved).people == {carol.pk, dan.pk}
    mail.outbox.clear()
    services.publish(moved, actor=cohost, confirm_over=first.pk)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([carol.user.email, dan.user.email])
    assert {m.subject for m in mail.outbox} == {f"Your meetings at {event.name} have changed"}
    assert all("This is your plan now" in m.body for m in mail.outbox)
    entry = _published_entries(event)[0]  # newest first
    assert (entry.data["previous"], entry.data["kept"], entry.data["moved"]) == (first.pk, 1, 1)
    assert entry.note == "2 meetings · moved 1 · added 0 · cancelled 0"
    # A meeting dropped from the plan: its two sides hear that nothing is left.
    dropped = import_draft(event, cohost, {(alice, bob): (0, 1)}, unscheduled=[(carol, dan)])
    mail.outbox.clear()
    services.publish(dropped, actor=cohost, confirm_over=moved.pk)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([carol.user.email, dan.user.email])
    assert all("You have no meetings left in the new plan." in m.body for m in mail.outbox)
    assert _published_entries(event)[0].note == "1 meeting · moved 0 · added 0 · cancelled 1"
    # Nothing changed: nobody is mailed, and the history still records the publication.
    same = import_draft(event, cohost, {(alice, bob): (0, 1)}, unscheduled=[(carol, dan)])
    mail.outbox.clear()
    services.publish(same, actor=cohost)
    assert mail.outbox == []
    assert len(_published_entries(event)) == 4
    first.refresh_from_db()
    assert first.status == ScheduleVersion.Status.SUPERSEDED


# Nothing is lost: outcomes, meetings and their history survive every publication ----------------


@pytest.fixture
def held(db):
    """An event held yesterday: Alicja met Bořivoj and Cyril met Dana (published), and both
    meetings have outcomes on record."""
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    event = MatchmakingSettingsFactory(event__starts_on=yesterday).event
    cohost = MembershipFactory(organisation=EventOrganiserFactory(event=event).organisation).user
    names = ("Alicja", "Bořivoj", "Cyril", "Dana")
    alicja, borivoj, cyril, dana = (
        MarketplaceProfileFactory(event=event, user__full_name=name) for name in names
    )
    accepted(alicja, borivoj)
    accepted(cyril, dana)
    first = import_draft(event, cohost, {(alicja, borivoj): (0, 1), (cyril, dana): (1, 1)})
    accepted(alicja, cyril)  # a late request, after the publication
    services.publish(first, actor=cohost)
    ab, cd = meeting_of(first, alicja), meeting_of(first, dana)
    services.record_outcome(ab, actor=alicja.user, outcome="letter_of_intent")
    services.record_outcome(ab, actor=borivoj.user, outcome="follow_up")
    services.record_outcome(cd, actor=cyril.user, outcome="joint_project")
    return SimpleNamespace(
        event=event, cohost=cohost, first=first, ab=ab, cd=cd,
        alicja=alicja, borivoj=borivoj, cyril=cyril, dana=dana,
    )  # fmt: skip


def _outcomes():
    return sorted(MeetingOutcome.objects.values_list("pk", "meeting_id", "profile_id", "outcome"))


def _totals(event):
    version = selectors.published_version(event)
    return {row["outcome"]: row["count"] for row in selectors.outcome_totals(version)}


def test_outcomes_survive_a_reschedule(held):
    outcomes, totals = _outcomes(), _totals(held.event)
    assert totals["letter_of_intent"] == 1 and totals["joint_project"] == 1
    draft = services.reschedule_after_changes(held.event, actor=held.cohost, time_limit=1)
    changes = services.changes_between(held.first, draft)
    assert changes.counts == {"kept": 2, "moved": 0, "added": 1, "dropped": 0}
    assert not changes.needs_confirmation  # only an addition: nothing to confirm
    services.publish(draft, actor=held.cohost)
    assert _outcomes() == outcomes
    assert _totals(held.event) == {**totals, "not_recorded": 1}
    for meeting in (held.ab, held.cd):
        kept = Meeting.objects.get(pk=meeting.pk)  # the same meeting, in the new version
        assert (kept.version, kept.status) == (draft, Meeting.Status.SCHEDULED)
        assert (kept.slot_id, kept.table) == (meeting.slot_id, meeting.table)


def test_outcomes_survive_a_confirmed_rerun(held):
    outcomes, totals = _outcomes(), _totals(held.event)
    # A full re-run that moves Alicja and Bořivoj, drops Cyril and Dana, adds Alicja and Cyril.
    rerun = import_draft(
        held.event,
        held.cohost,
        {(held.alicja, held.borivoj): (2, 3), (held.alicja, held.cyril): (0, 1)},
        [(held.cyril, held.dana)],
    )
    changes = services.changes_between(held.first, rerun)
    assert changes.counts == {"kept": 0, "moved": 1, "added": 1, "dropped": 1}
    assert [o.outcome for _change, o in changes.detached] == ["joint_project"]
    assert changes.needs_confirmation
    services.publish(rerun, actor=held.cohost, confirm_over=held.first.pk)

    assert _outcomes() == outcomes  # every outcome, on the same meeting
    moved = Meeting.objects.get(pk=held.ab.pk)  # same id: it goes on, in its new slot
    assert (moved.version, moved.status, moved.table) == (rerun, Meeting.Status.SCHEDULED, 3)
    assert (
        moved.slot_id != held.ab.slot_id
        and moved.slot_id == rerun.schedule["assignments"][0]["slot"]
    )
    cancelled = Meeting.objects.get(pk=held.cd.pk)  # kept as history, with its outcome
    assert (cancelled.version, cancelled.status) == (rerun, Meeting.Status.CANCELLED)
    assert cancelled.cancelled_at is not None
    assert set(cancelled.participants.all()) == {held.cyril, held.dana}
    # The totals still count both outcomes: the cancelled meeting had taken place.
    assert _totals(held.event) == {**totals, "not_recorded": 1}
    assert list(selectors.cancelled_meetings(rerun)) == [cancelled]
    assert selectors.published_version(held.event).meetings.scheduled().count() == 2
    # Nothing of the first version was lost either: its document and figures stay.
    held.first.refresh_from_db()
    assert held.first.status == ScheduleVersion.Status.SUPERSEDED
    assert len(held.first.schedule["assignments"]) == 2
    entry = _published_entries(held.event)[0]
    assert (entry.data["outcomes_kept"], entry.data["outcomes_on_cancelled"]) == (2, 1)
    # The next publication carries the cancelled meeting's history along.
    again = import_draft(
        held.event,
        held.cohost,
        {(held.alicja, held.borivoj): (2, 3)},
        [(held.cyril, held.dana), (held.alicja, held.cyril)],
    )
    services.publish(again, actor=held.cohost, confirm_over=rerun.pk)
    assert Meeting.objects.get(pk=held.cd.pk).version == again
    assert _outcomes() == outcomes


def test_a_rerun_without_confirmation_changes_nothing(held):
    rerun = import_draft(
        held.event,
        held.cohost,
        {(held.alicja, held.borivoj): (2, 3)},
        [(held.cyril, held.dana), (held.alicja, held.cyril)],
    )

    def state():
        meetings = Meeting.objects.order_by("pk").values_list(
            "pk", "version_id", "slot_id", "table", "status", "cancelled_at"
        )
        versions = ScheduleVersion.objects.order_by("pk").values_list("pk", "status")
        return list(meetings), list(versions), _outcomes(), ActionLogEntry.objects.count()

    before = state()
    mail.outbox.clear()
    for confirm_over in (None, rerun.pk, held.first.pk + 1000):  # none, or not the published one
        with pytest.raises(services.MatchmakingError) as excinfo:
            services.publish(rerun, actor=held.cohost, confirm_over=confirm_over)
        assert _code(excinfo) == "confirmation_needed"
    assert state() == before
    assert mail.outbox == []
    # A preview made before someone else published no longer counts.
    other = import_draft(
        held.event,
        held.cohost,
        {(held.alicja, held.borivoj): (0, 1)},
        [(held.cyril, held.dana), (held.alicja, held.cyril)],
    )
    services.publish(other, actor=held.cohost, confirm_over=held.first.pk)
    with pytest.raises(services.MatchmakingError) as excinfo:
        services.publish(rerun, actor=held.cohost, confirm_over=held.first.pk)
    assert _code(excinfo) == "confirmation_needed"


def test_each_email_lists_the_changes_of_its_reader(held):
    ellen = MarketplaceProfileFactory(event=held.event, user__full_name="Ellen")
    accepted(held.borivoj, ellen)
    rerun = import_draft(
        held.event,
        held.cohost,
        {(held.alicja, held.borivoj): (2, 3), (held.borivoj, ellen): (0, 2)},
        [(held.cyril, held.dana), (held.alicja, held.cyril)],
    )
    mail.outbox.clear()
    services.publish(rerun, actor=held.cohost, confirm_over=held.first.pk)
    by_name = {m.to[0]: m.body for m in mail.outbox}
    people = (held.alicja, held.borivoj, held.cyril, held.dana, ellen)
    assert set(by_name) == {p.user.email for p in people}
    slot_list = selectors.slots(selectors.settings_for(held.event))
    slots = [dates.when(slot.start) for slot in slot_list]
    org = held.borivoj.organisation.name
    alicja = by_name[held.alicja.user.email]
    assert f"Moved: your meeting with Bořivoj ({org}), from {slots[0]} to {slots[2]}" in alicja
    assert "(now at table 3)" in alicja
    assert "Added" not in alicja and "Cancelled" not in alicja
    borivoj = by_name[held.borivoj.user.email]
    assert "Moved: your meeting with Alicja" in borivoj
    assert f"Added: a meeting with Ellen ({ellen.organisation.name}), {slots[0]}" in borivoj
    cyril = by_name[held.cyril.user.email]
    assert f"Cancelled: your meeting with Dana ({held.dana.organisation.name}), {slots[1]}" in cyril
    assert "You have no meetings left in the new plan." in by_name[held.dana.user.email]
    plan_line = f"{slot_list[2].label} · table 3 · Alicja ({held.alicja.organisation.name})"
    assert "This is your plan now:" in borivoj and plan_line in borivoj


def test_each_email_is_in_its_readers_language(held):
    """An organiser working in English publishes; Alicja reads Polish, Bořivoj Czech."""
    User = type(held.alicja.user)
    User.objects.filter(pk=held.alicja.user_id).update(preferred_language="pl")
    User.objects.filter(pk=held.borivoj.user_id).update(preferred_language="cs")
    rerun = import_draft(
        held.event,
        held.cohost,
        {(held.alicja, held.borivoj): (2, 3), (held.cyril, held.dana): (1, 1)},
        [(held.alicja, held.cyril)],
    )
    mail.outbox.clear()
    with translation.override("en"):
        services.publish(rerun, actor=held.cohost, confirm_over=held.first.pk)
    by_reader = {m.to[0]: m for m in mail.outbox}
    assert set(by_reader) == {held.alicja.user.email, held.borivoj.user.email}
    slots = selectors.slots(selectors.settings_for(held.event))
    polish, czech = by_reader[held.alicja.user.email], by_reader[held.borivoj.user.email]
    assert polish.subject.startswith("Twoje spotkania podczas wydarzenia")  # as the body: Twoje
    assert czech.subject.startswith("Vaše schůzky na akci")
    with translation.override("pl"):
        assert f"z {dates.when(slots[0].start)} na {dates.when(slots[2].start)}" in polish.body
    with translation.override("cs"):
        assert f"z {dates.when(slots[0].start)} na {dates.when(slots[2].start)}" in czech.body
    assert "Oto Twój aktualny plan:" in polish.body and "Moved" not in polish.body
    assert "Toto je váš aktuální plán:" in czech.body and "Moved" not in czech.body
