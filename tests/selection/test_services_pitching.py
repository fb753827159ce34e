"""Pitching sessions: running order, jury sheets, one audience vote per person."""

import datetime as dt

import pytest

from modus.events.models import Session
from modus.selection import selectors, services
from modus.selection.models import Call, Review
from modus.selection.services.errors import NotAllowed
from modus.selection.services.history import Action
from tests.factories import RegistrationFactory, SessionFactory, UserFactory

from .conftest import make_applicant, pdf_upload, selected_pitch

pytestmark = pytest.mark.django_db


def test_selected_pitches_get_a_running_order_within_the_places(pitch_call):
    pitches = [selected_pitch(pitch_call, f"p{i}@example.org") for i in range(3)]
    assert [p.running_order for p in pitches] == [1, 2, 3]
    services.set_running_order(
        pitch_call.call, [pitches[2].pk, pitches[0].pk, pitches[1].pk], actor=pitch_call.cohost
    )
    assert list(
        pitch_call.call.applications.order_by("running_order").values_list("pk", flat=True)
    ) == [pitches[2].pk, pitches[0].pk, pitches[1].pk]
    user, organisation = make_applicant("late@example.org", kind="company")
    late = services.start_application(pitch_call.call, organisation=organisation, actor=user)
    services.save_draft(late, actor=user, summary="Late")
    services.attach_document(
        late, requirement=pitch_call.call.documents.get(), upload=pdf_upload(), actor=user
    )
    services.submit_application(late, actor=user)
    with pytest.raises(services.SelectionError) as error:
        services.accept_application(late, actor=pitch_call.cohost)
    assert error.value.code == "no_places_left"


def test_one_audience_vote_per_registered_person(pitch_call):
    first, second = (selected_pitch(pitch_call, f"v{i}@example.org") for i in range(2))
    voter = UserFactory()
    outsider = UserFactory()
    RegistrationFactory(event=pitch_call.event, user=voter)
    with pytest.raises(services.SelectionError):
        services.cast_vote(pitch_call.call, first, user=voter)  # voting not open yet
    services.set_voting(pitch_call.call, actor=pitch_call.cohost, open=True)
    with pytest.raises(NotAllowed):
        services.cast_vote(pitch_call.call, first, user=outsider)
    vote, created = services.cast_vote(pitch_call.call, first, user=voter)
    again, created_again = services.cast_vote(pitch_call.call, second, user=voter)
    assert (created, created_again) == (True, False)
    assert again.application == first
    results = selectors.pitch_results(pitch_call.call)
    assert results["total_votes"] == 1
    assert results["favourites"] == [first]


def test_jury_scores_live_and_results_rank_them(pitch_call):
    first, second = (selected_pitch(pitch_call, f"j{i}@example.org") for i in range(2))
    juror = UserFactory()
    pitch_call.call.panel.add(juror)
    assert services.assign_jury(pitch_call.call, actor=pitch_call.cohost) == 2
    innovation, market = pitch_call.criteria
    for application, value in ((first, 2), (second, 5)):
        review = Review.objects.get(application=application, reviewer=juror, stage="live")
        services.save_review(
            review, actor=juror, scores={innovation.pk: value, market.pk: value}, submit=True
        )
    jury = selectors.pitch_results(pitch_call.call)["jury"]
    assert [row.application for row in jury] == [second, first]


def test_only_the_panel_opens_its_own_sheets(pitch_call):
    pitch = selected_pitch(pitch_call, "o@example.org")
    stranger = UserFactory()
    with pytest.raises(NotAllowed):
        services.open_own_jury_sheets(pitch_call.call, user=stranger)
    assert not Review.objects.filter(reviewer=stranger).exists()
    pitch_call.call.panel.add(stranger)
    assert services.open_own_jury_sheets(pitch_call.call, user=stranger) == 1
    assert services.open_own_jury_sheets(pitch_call.call, user=stranger) == 0
    assert pitch.action_log.filter(action=Action.REVIEWER_ASSIGNED).count() == 1


def test_a_call_for_pitches_is_made_in_one_step(pitch_call):
    session = SessionFactory(kind=Session.Kind.PITCHING, event=pitch_call.event)
    call = services.create_pitch_call(
        session,
        actor=pitch_call.cohost,
        local_deadline=dt.datetime(2030, 12, 2, 18, 0),
        criteria=[("Innovation", 3), ("Team", 1)],
        open_now=True,
        title="Pitch in the afternoon",
        pitch_minutes=4,
        places=6,
    )
    assert (call.purpose, call.session, call.status) == (
        Call.Purpose.PITCHES,
        session,
        Call.Status.OPEN,
    )
    cut_off = call.cut_offs.get()
    assert cut_off.time_zone == pitch_call.event.time_zone
    assert cut_off.local_deadline().replace(tzinfo=None) == dt.datetime(2030, 12, 2, 18, 0)
    assert list(call.criteria.values_list("title", "weight")) == [("Innovation", 3), ("Team", 1)]
    assert call.documents.get().title == "Pitch deck"


def test_a_refused_call_for_pitches_leaves_nothing_behind(pitch_call):
    session = SessionFactory(kind=Session.Kind.PITCHING, event=pitch_call.event)
    with pytest.raises(services.SelectionError) as error:
        services.create_pitch_call(
            session,
            actor=pitch_call.cohost,
            local_deadline=dt.datetime(2030, 12, 2, 18, 0),
            criteria=[],
            open_now=True,
            title="No criteria",
        )
    assert error.value.code == "not_ready"
    assert not Call.objects.filter(session=session).exists()


def test_only_cohosts_make_a_call_for_pitches(pitch_call):
    session = SessionFactory(kind=Session.Kind.PITCHING, event=pitch_call.event)
    with pytest.raises(NotAllowed):
        services.create_pitch_call(
            session,
            actor=UserFactory(),
            local_deadline=dt.datetime(2030, 12, 2, 18, 0),
            criteria=[("Innovation", 1)],
            title="Not mine",
        )
    assert not Call.objects.filter(session=session).exists()
