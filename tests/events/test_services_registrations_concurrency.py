"""Capacity holds under real concurrency: 200 people register at once for the last 50 places.

Runs with real, separate database connections (one per thread), so it proves the row lock in
``register``. SQLite serialises writers by itself and its in-memory test database is not shared
between connections, so the test runs on PostgreSQL only (CI runs the suite on both).
"""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from modus.accounts.models import User
from modus.events import services
from modus.events.models import Registration
from tests.factories import EventFactory, OrganisationFactory

PEOPLE = 200
CAPACITY = 50
# PostgreSQL allows 100 connections by default; stay well below with the test's own.
WORKERS = 40


@pytest.mark.django_db(transaction=True)
def test_200_simultaneous_registrations_for_50_places():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: real concurrent connections and row locks")
    event = EventFactory(capacity=CAPACITY, registration_open=True)
    organisation = OrganisationFactory()
    # Without passwords: hashing 200 of them would take most of the test's time.
    users = User.objects.bulk_create(
        User(email=f"concurrent{n}@example.org", full_name=f"Participant {n}")
        for n in range(PEOPLE)
    )

    def register(user):
        try:
            return services.register(
                event=event,
                user=user,
                organisation=organisation,
                participant_role=Registration.ParticipantRole.COMPANY,
                consent_attendee_list=False,
                consent_media=False,
            ).status
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        statuses = list(pool.map(register, users))

    assert statuses.count(Registration.Status.CONFIRMED) == CAPACITY
    assert statuses.count(Registration.Status.WAITLISTED) == PEOPLE - CAPACITY
    rows = Registration.objects.filter(event=event)
    assert rows.count() == PEOPLE
    assert rows.filter(status=Registration.Status.CONFIRMED).count() == CAPACITY
    assert rows.filter(status=Registration.Status.WAITLISTED).count() == PEOPLE - CAPACITY
    assert rows.values("user").distinct().count() == PEOPLE
