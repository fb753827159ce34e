"""Reads of the schedule: slots, placements, outcome totals."""

import pytest

from modus.matchmaking import selectors, services
from tests.factories import (
    MarketplaceProfileFactory,
)

from .support import make_version, past

pytestmark = pytest.mark.django_db


def test_slots_are_ordered_and_grouped_by_window(mm_settings):
    slot_list = selectors.slots(mm_settings)
    day = mm_settings.event.starts_on.isoformat()
    assert [s.id for s in slot_list] == [f"{day}-0900", f"{day}-0930", f"{day}-1030"]
    assert slot_list[0].session == slot_list[1].session != slot_list[2].session
    assert all(a.end <= b.start for a, b in zip(slot_list, slot_list[1:], strict=False))


@pytest.fixture
def trio(event):
    return [MarketplaceProfileFactory(event=event) for _ in range(3)]


def test_totals_count_each_meeting_once_with_its_furthest_outcome(event, trio, cohost):
    alice, bob, carol = trio
    version = past(make_version(event, [(alice, bob), (alice, carol), (bob, carol)]))
    first, second, _third = version.meetings.order_by("pk")
    services.record_outcome(first, actor=alice.user, outcome="follow_up")
    services.record_outcome(first, actor=bob.user, outcome="memorandum")
    services.record_outcome(second, actor=carol.user, outcome="joint_project")
    totals = {row["outcome"]: row["count"] for row in selectors.outcome_totals(version)}
    assert totals == {
        "none": 0,
        "follow_up": 0,
        "letter_of_intent": 0,
        "memorandum": 1,
        "joint_project": 1,
        "not_recorded": 1,
    }
