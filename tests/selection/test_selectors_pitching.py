"""Reads of pitching sessions: pitches in running order, the jury's progress, votes, results."""

import pytest
from django.http import Http404

from modus.events.models import Session
from modus.selection import selectors, services
from modus.selection.models import Review
from tests.factories import MembershipFactory, SessionFactory

from .conftest import score_live, selected_pitch, vote_as

pytestmark = pytest.mark.django_db


def test_selected_pitches_in_running_order(pitch_call):
    first, second = (selected_pitch(pitch_call, f"p{n}@example.org") for n in range(2))
    services.set_running_order(pitch_call.call, [second.pk, first.pk], actor=pitch_call.cohost)
    assert list(selectors.selected_pitches(pitch_call.call)) == [second, first]


def test_the_progress_of_the_jury_and_the_vote(jury_setup):
    pc, (first, second), juror = jury_setup
    services.assign_jury(pc.call, actor=pc.cohost)
    score_live(pc, juror, first, [3, 4])
    services.set_voting(pc.call, actor=pc.cohost, open=True)
    vote_as(pc, second, 2)
    rows = selectors.pitch_progress(pc.call, votes=True)
    assert [(p, p.sheets, p.scored, p.votes_cast) for p in rows] == [
        (first, 1, 1, 0),
        (second, 1, 0, 2),
    ]
    assert not hasattr(selectors.pitch_progress(pc.call)[0], "votes_cast")


def test_a_jury_members_own_sheets_and_what_they_miss(jury_setup):
    pc, (first, second), juror = jury_setup
    assert selectors.on_panel(pc.call, juror)
    assert not selectors.on_panel(pc.call, pc.cohost)
    assert selectors.misses_sheets(pc.call, juror)
    services.open_own_jury_sheets(pc.call, user=juror)
    assert not selectors.misses_sheets(pc.call, juror)
    assert [r.application for r in selectors.live_sheets(pc.call, juror)] == [first, second]


def test_a_pitch_of_the_jury_members_own_organisation_is_not_missed(jury_setup):
    pc, (first, second), juror = jury_setup
    MembershipFactory(user=juror, organisation=second.organisation)
    services.open_own_jury_sheets(pc.call, user=juror)
    assert not Review.objects.filter(application=second, reviewer=juror).exists()
    assert not selectors.misses_sheets(pc.call, juror)


def test_one_persons_vote(voting):
    pc, (first, _second), voter = voting
    assert selectors.vote_of(pc.call, voter) is None
    services.cast_vote(pc.call, first, user=voter)
    assert selectors.vote_of(pc.call, voter).application == first


def test_results_rank_the_jury_and_name_every_favourite_of_a_tie(jury_setup):
    pc, (first, second), juror = jury_setup
    services.assign_jury(pc.call, actor=pc.cohost)
    score_live(pc, juror, first, [2, 2])
    score_live(pc, juror, second, [5, 4])
    services.set_voting(pc.call, actor=pc.cohost, open=True)
    vote_as(pc, first, 2)
    vote_as(pc, second, 2)
    results = selectors.pitch_results(pc.call)
    assert [row.application for row in results["jury"]] == [second, first]
    assert results["votes"] == [(first, 2), (second, 2)]
    assert (results["total_votes"], results["favourites"]) == (4, [first, second])


def test_no_favourite_without_votes(jury_setup):
    pc, _pitches, _juror = jury_setup
    results = selectors.pitch_results(pc.call)
    assert (results["total_votes"], results["favourites"]) == (0, [])


def test_a_pitching_session_of_an_event(pitch_call):
    event = selectors.event_or_404(pitch_call.event.slug)
    assert selectors.pitching_session_or_404(event, pitch_call.session.pk) == pitch_call.session
    assert selectors.pitch_call_of(pitch_call.session) == pitch_call.call
    talk = SessionFactory(event=event, kind=Session.Kind.PANEL)
    with pytest.raises(Http404):
        selectors.pitching_session_or_404(event, talk.pk)
    assert selectors.pitch_call_of(talk) is None
    with pytest.raises(Http404):
        selectors.event_or_404("no-such-event")
