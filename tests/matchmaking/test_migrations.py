"""Migration 0005: meetings get the identity publications now keep, and outcomes that earlier
re-runs detached come back to their meeting."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tests.factories import MarketplaceProfileFactory, MatchmakingSettingsFactory

BEFORE = [("matchmaking", "0004_meeting_status")]
AFTER = [("matchmaking", "0005_reattach_meetings")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def every_migration_afterwards():
    """Going back to 0004 also unapplies the other apps' migrations that depend on it (results):
    apply every app's latest migration again, so later tests find all tables."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("every_migration_afterwards")
def test_outcomes_detached_by_a_rerun_come_back():
    event = MatchmakingSettingsFactory().event
    a, b, c, d = (MarketplaceProfileFactory(event=event) for _ in range(4))
    apps = _migrate(BEFORE)
    Version = apps.get_model("matchmaking", "ScheduleVersion")
    Meeting = apps.get_model("matchmaking", "Meeting")
    Outcome = apps.get_model("matchmaking", "MeetingOutcome")
    now = timezone.now()

    def version(status, published_at, pairs):
        v = Version.objects.create(event_id=event.pk, status=status, published_at=published_at)
        rows = []
        for n, pair in enumerate(pairs):
            start = now + dt.timedelta(minutes=30 * n)
            row = Meeting.objects.create(
                version=v, slot_id=f"s{n}", starts_at=start, ends_at=start, table=n + 1
            )
            row.participants.set([p.pk for p in pair])
            rows.append(row)
        return v, rows

    old, (ab, cd) = version("superseded", now - dt.timedelta(hours=2), [(a, b), (c, d)])
    new, (ab_again,) = version("published", now - dt.timedelta(hours=1), [(b, a)])
    Outcome.objects.create(meeting=ab, profile_id=a.pk, outcome="letter_of_intent")
    Outcome.objects.create(meeting=cd, profile_id=c.pk, outcome="follow_up")
    Outcome.objects.create(meeting=ab_again, profile_id=b.pk, outcome="memorandum")

    apps = _migrate(AFTER)
    Meeting = apps.get_model("matchmaking", "Meeting")
    Outcome = apps.get_model("matchmaking", "MeetingOutcome")
    kept = Meeting.objects.get(pk=ab.pk)  # the first row is the meeting; the copy is merged
    assert (kept.version_id, kept.status, kept.slot_id) == (new.pk, "scheduled", "s0")
    assert not Meeting.objects.filter(pk=ab_again.pk).exists()
    assert sorted(Outcome.objects.filter(meeting=kept).values_list("outcome", flat=True)) == [
        "letter_of_intent",
        "memorandum",
    ]
    cancelled = Meeting.objects.get(pk=cd.pk)
    assert (cancelled.version_id, cancelled.status) == (new.pk, "cancelled")
    assert cancelled.cancelled_at == new.published_at
    assert Outcome.objects.get(meeting=cancelled).outcome == "follow_up"
