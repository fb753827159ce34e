import datetime as dt

from django.utils import timezone

from modus.matchmaking.models import Meeting
from modus.matchmaking.selectors import meetings_at_event
from tests.results.conftest import build_edition


def test_meetings_at_event_lists_one_persons_published_meetings_with_the_other_side(
    db, django_assert_num_queries
):
    event, meetings = build_edition(pairs=3)
    user = meetings[0].participants.order_by("pk").first().user
    other_side = meetings[0].participants.order_by("pk").last()
    # The same person in a second meeting, later, and in one that was cancelled.
    later = Meeting.objects.create(
        version=meetings[0].version,
        slot_id="later",
        starts_at=meetings[0].starts_at + dt.timedelta(hours=1),
        ends_at=meetings[0].ends_at + dt.timedelta(hours=1),
    )
    later.participants.set([meetings[0].participants.order_by("pk").first(), other_side])
    cancelled = Meeting.objects.create(
        version=meetings[0].version,
        slot_id="gone",
        starts_at=meetings[0].starts_at,
        ends_at=meetings[0].ends_at,
        status=Meeting.Status.CANCELLED,
        cancelled_at=timezone.now(),
    )
    cancelled.participants.set(meetings[0].participants.all())
    _elsewhere, _ = build_edition(pairs=1)
    with django_assert_num_queries(2):
        mine = meetings_at_event(user, event)
    assert [m.pk for m in mine] == [meetings[0].pk, later.pk]
    assert [p.pk for p in mine[0].others] == [other_side.pk]
    assert [m.pk for m in meetings_at_event(user, event, ids=[later.pk])] == [later.pk]
