import datetime as dt

import pytest

from modus.results import services
from modus.results.errors import FeedbackError, LinkError
from modus.results.models import EventAnswer, FollowUpAnswer, Invitation, MeetingRating

from .conftest import build_edition, ended_edition, sides


def invitation_of(user, event, kind="feedback"):
    return Invitation.objects.get(user=user, event=event, kind=kind)


def answer(invitation, meeting, rating="cooperation", **kwargs):
    return services.save_feedback(
        invitation,
        version=kwargs.pop("version", invitation.version),
        ratings={meeting.pk: rating},
        usefulness=4,
        would_return=True,
        **kwargs,
    )


def test_feedback_is_saved_and_spends_the_link(db, clock):
    event, (meeting,) = ended_edition(pairs=1)
    services.send_follow_ups()
    user = sides(meeting)[0]
    invitation = invitation_of(user, event)
    saved = answer(invitation, meeting)
    assert saved.version == 2 and saved.answered_at is not None
    assert MeetingRating.objects.get(meeting=meeting, user=user).rating == "cooperation"
    assert EventAnswer.objects.get(event=event, user=user).usefulness == 4
    # The same link again (a replay, a second tab): nothing changes.
    with pytest.raises(LinkError) as caught:
        answer(invitation, meeting, rating="no_interest", version=1)
    assert caught.value.code == "used_link"
    assert MeetingRating.objects.get(meeting=meeting, user=user).rating == "cooperation"
    # With the fresh link the answer may change; a blank rating removes it.
    answer(saved, meeting, rating="")
    assert not MeetingRating.objects.filter(meeting=meeting, user=user).exists()


def test_nobody_rates_a_meeting_that_is_not_theirs(db, clock):
    event, (mine, theirs) = ended_edition(pairs=2)
    services.send_follow_ups()
    invitation = invitation_of(sides(mine)[0], event)
    _other, (elsewhere,) = build_edition(pairs=1)
    for meeting in (theirs, elsewhere):
        with pytest.raises(FeedbackError) as caught:
            answer(invitation, meeting)
        assert caught.value.code == "not_your_meeting"
    invitation.refresh_from_db()
    assert invitation.version == 1 and invitation.answered_at is None
    assert not MeetingRating.objects.exists() and not EventAnswer.objects.exists()
    with pytest.raises(FeedbackError):
        answer(invitation, mine, rating="splendid")


def test_answers_change_until_the_follow_up_closes(db, clock):
    event, (meeting,) = ended_edition(pairs=1)
    services.send_follow_ups()
    invitation = invitation_of(sides(meeting)[0], event)
    clock.move_to(services.closes(event) + dt.timedelta(seconds=1))
    with pytest.raises(LinkError) as caught:
        answer(invitation, meeting)
    assert caught.value.code == "closed"
    assert not MeetingRating.objects.exists()


def test_both_sides_answer_the_follow_up_separately(db, clock):
    event, (meeting,) = ended_edition(pairs=1)
    services.send_follow_ups()
    first, second = sides(meeting)
    answer(invitation_of(first, event), meeting)
    clock.move_to(services.follow_up_opens(event) + dt.timedelta(hours=1))
    services.send_follow_ups()
    for user, stage in ((first, "agreement"), (second, "talks")):
        invitation = invitation_of(user, event, "follow_up")
        services.save_follow_up(
            invitation, version=invitation.version, answers={meeting.pk: (stage, "A MoU")}
        )
    assert dict(FollowUpAnswer.objects.values_list("user_id", "stage")) == {
        first.pk: "agreement",
        second.pk: "talks",
    }
    b2b = services.recompute_edition(event).figures["b2b"]
    assert b2b["sides_agree"] == {"both_answered": 1, "same": 0, "differ": 1}
    assert b2b["funnel"]["agreement"] == 1
    invitation = invitation_of(first, event, "follow_up")
    with pytest.raises(FeedbackError):
        services.save_follow_up(
            invitation, version=invitation.version, answers={meeting.pk: ("signed", "")}
        )
    with pytest.raises(LinkError):
        services.save_follow_up(
            invitation_of(first, event), version=2, answers={meeting.pk: ("talks", "")}
        )
