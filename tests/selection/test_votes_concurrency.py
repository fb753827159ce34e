"""One audience vote per person holds under real concurrency: 100 participants vote at once, and a
replayed vote sent ten times at once by the same account still counts once.

Runs with real, separate database connections (one per thread), so it proves the unique
constraint behind ``cast_vote`` (and the vote page) rather than a check in Python. SQLite
serialises writers by itself and its in-memory test database is not shared between connections,
so the test runs on PostgreSQL only (CI runs the suite on both).
"""

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from modus.accounts.models import User
from modus.events.models import Registration, Session
from modus.selection import selectors, services
from modus.selection.models import AudienceVote, Call
from tests.factories import (
    EventOrganiserFactory,
    MembershipFactory,
    OrganisationFactory,
    SessionFactory,
    UserFactory,
)

from .conftest import make_applicant, pdf_upload

PEOPLE = 100
PITCHES = 4
# All 100 votes are released at the same moment (one barrier for 100 threads). PostgreSQL allows
# 100 connections by default, shared with the test's own connection and anything else on the
# server, so the threads reach the database through at most 50 connections at a time, as they
# would through a connection pool in production; each thread opens and closes its own.
CONNECTIONS = 50
REPLAYS = 10


def _pitch_call():
    cohost = UserFactory(email="cohost@example.org")
    cohost_org = OrganisationFactory()
    MembershipFactory(user=cohost, organisation=cohost_org)
    session = SessionFactory(kind=Session.Kind.PITCHING, title="Pitching session")
    EventOrganiserFactory(event=session.event, organisation=cohost_org)
    call = services.create_call(
        actor=cohost, purpose=Call.Purpose.PITCHES, session=session, title="Pitch", places=PITCHES
    )
    services.add_cut_off(
        call,
        actor=cohost,
        local_deadline=dt.datetime.now().replace(microsecond=0) + dt.timedelta(days=5),
        time_zone="Europe/Warsaw",
    )
    services.add_criterion(call, actor=cohost, title="Innovation")
    services.open_call(call, actor=cohost)
    pitches = []
    for n in range(PITCHES):
        user, organisation = make_applicant(f"pitch{n}@example.org", kind="company")
        application = services.start_application(call, organisation=organisation, actor=user)
        services.save_draft(application, actor=user, summary="Our product")
        services.attach_document(
            application, requirement=call.documents.get(), upload=pdf_upload(), actor=user
        )
        services.submit_application(application, actor=user)
        services.accept_application(application, actor=cohost)
        pitches.append(application)
    services.set_voting(call, actor=cohost, open=True)
    return call, session.event, pitches


@pytest.mark.django_db(transaction=True)
def test_100_simultaneous_votes_count_100_and_a_replay_counts_once():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: real concurrent connections")
    call, event, pitches = _pitch_call()
    organisation = OrganisationFactory()
    # Without passwords: hashing 100 of them would take most of the test's time.
    voters = User.objects.bulk_create(
        User(email=f"voter{n}@example.org", full_name=f"Participant {n}") for n in range(PEOPLE)
    )
    Registration.objects.bulk_create(
        Registration(
            event=event,
            user=user,
            organisation=organisation,
            participant_role=Registration.ParticipantRole.COMPANY,
            status=Registration.Status.CONFIRMED,
        )
        for user in voters
    )
    start = threading.Barrier(PEOPLE, timeout=60)
    connections = threading.BoundedSemaphore(CONNECTIONS)

    def vote(numbered):
        n, user = numbered
        start.wait()
        with connections:
            try:
                return services.cast_vote(call, pitches[n % PITCHES], user=user)[1]
            finally:
                connection.close()

    with ThreadPoolExecutor(max_workers=PEOPLE) as pool:
        created = list(pool.map(vote, enumerate(voters)))

    assert created.count(True) == PEOPLE
    votes = AudienceVote.objects.filter(call=call)
    assert votes.count() == PEOPLE
    assert votes.values("user").distinct().count() == PEOPLE
    results = selectors.pitch_results(call)
    assert results["total_votes"] == PEOPLE
    assert sorted(n for _, n in results["votes"]) == [PEOPLE // PITCHES] * PITCHES

    # One participant replays a vote ten times at once, through the vote page from ten separate
    # browsers logged in to the same account, each for a different pitch than the first.
    replayer = voters[0]
    first_choice = votes.get(user=replayer).application_id
    browsers = []
    for _ in range(REPLAYS):
        browser = Client()
        browser.force_login(replayer)
        browsers.append(browser)
    target = reverse("selection:vote", kwargs={"slug": call.slug})
    replay_start = threading.Barrier(REPLAYS, timeout=60)

    def replay(numbered):
        n, browser = numbered
        try:
            replay_start.wait()
            return browser.post(target, {"pitch": pitches[(n % (PITCHES - 1)) + 1].pk})
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=REPLAYS) as pool:
        responses = list(pool.map(replay, enumerate(browsers)))

    assert [r.status_code for r in responses] == [302] * REPLAYS
    assert AudienceVote.objects.filter(call=call).count() == PEOPLE
    assert list(
        AudienceVote.objects.filter(call=call, user=replayer).values_list(
            "application_id", flat=True
        )
    ) == [first_choice]


@pytest.mark.django_db(transaction=True)
def test_a_new_voter_replaying_at_once_counts_once():
    """The first vote of a person, sent ten times at once (double taps, two phones): one vote."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: real concurrent connections")
    call, event, pitches = _pitch_call()
    voter = UserFactory(email="fresh@example.org")
    Registration.objects.create(
        event=event,
        user=voter,
        participant_role=Registration.ParticipantRole.COMPANY,
        status=Registration.Status.CONFIRMED,
    )
    start = threading.Barrier(REPLAYS, timeout=60)

    def vote(n):
        try:
            start.wait()
            return services.cast_vote(call, pitches[n % PITCHES], user=voter)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=REPLAYS) as pool:
        outcomes = list(pool.map(vote, range(REPLAYS)))

    assert [created for _, created in outcomes].count(True) == 1
    assert len({vote.pk for vote, _ in outcomes}) == 1
    assert AudienceVote.objects.filter(call=call, user=voter).count() == 1
