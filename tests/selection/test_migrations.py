"""The application log's move into the shared action log (migrations 0002 and 0003), both ways."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from modus.activity.models import ActionLogEntry
from modus.selection import services
from modus.selection.services.history import Action

from .conftest import complete_draft, make_applicant

BEFORE = [("selection", "0001_initial")]
LONG_AGO = dt.datetime(2022, 7, 1, 9, 30, tzinfo=dt.UTC)


def migrate(targets):
    """Migrate and return the app registry of the state reached."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_log_moves_to_the_shared_log_and_back_with_actor_note_and_time(host_call):
    user, organisation = make_applicant()
    application = complete_draft(host_call, user, organisation)
    services.submit_application(application, actor=user)
    services.withdraw_application(application, actor=user, reason="Dates clash")
    services.reopen_application(application, actor=host_call.office, note="By mistake")
    now = list(application.action_log.values_list("action", "actor_id", "note", "at"))
    assert [row[0] for row in now] == [
        Action.CREATED,
        Action.SUBMITTED,
        Action.WITHDRAWN,
        Action.REOPENED,
    ]
    try:
        old_apps = migrate(BEFORE)
        LogEntry = old_apps.get_model("selection", "LogEntry")
        back = list(
            LogEntry.objects.filter(application_id=application.pk)
            .order_by("at", "pk")
            .values_list("action", "actor_id", "note", "at")
        )
        assert back == [
            ("created", user.pk, "", now[0][3]),
            ("submitted", user.pk, now[1][2], now[1][3]),
            ("withdrawn", user.pk, "Dates clash", now[2][3]),
            ("reopened", host_call.office.pk, "By mistake", now[3][3]),
        ]
        assert not ActionLogEntry.objects.filter(action__startswith="selection.").exists()

        # An entry of every old kind, written long ago, before the earlier ones.
        for action in ("assigned", "unassigned", "accepted", "rejected", "ordered"):
            entry = LogEntry.objects.create(
                application_id=application.pk, actor_id=host_call.office.pk, action=action
            )
            LogEntry.objects.filter(pk=entry.pk).update(at=LONG_AGO)
    finally:  # every app back at its latest migration, for the tests that follow
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    moved = list(application.action_log.values_list("action", "actor_id", "note", "at"))
    assert moved[:5] == [
        (code, host_call.office.pk, "", LONG_AGO)
        for code in (
            Action.REVIEWER_ASSIGNED,
            Action.REVIEWER_REMOVED,
            Action.ACCEPTED,
            Action.REJECTED,
            Action.ORDERED,
        )
    ]
    assert moved[5:] == now
