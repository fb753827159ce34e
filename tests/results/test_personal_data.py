"""What results exports and erases of a person: answers stay counted, anonymous and silent."""

import pytest

from modus.accounts.personal_data import Erasure
from modus.results import personal_data
from modus.results.models import EventAnswer, FollowUpAnswer, Invitation, MeetingRating
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_answers_are_exported_then_kept_without_their_words(edition):
    event, meetings = edition
    user = UserFactory()
    MeetingRating.objects.create(meeting=meetings[0], user=user, rating="cooperation")
    FollowUpAnswer.objects.create(meeting=meetings[0], user=user, stage="talks", note="Call me")
    EventAnswer.objects.create(
        event=event, user=user, usefulness=4, would_return=True, comment="Great"
    )
    Invitation.objects.create(
        kind="feedback", event=event, user=user, closes_at=meetings[0].starts_at
    )
    exported = personal_data.export_answers(user)
    assert {"rating", "follow_up", "usefulness"} <= {key for row in exported for key in row}
    assert any(row.get("note") == "Call me" for row in exported)
    assert personal_data.export_invitations(user)[0]["event"] == event.slug

    erasure = Erasure(user)
    personal_data.erase_answers(erasure)
    former = erasure.former()
    assert MeetingRating.objects.get().user == former
    assert FollowUpAnswer.objects.get().user == former and FollowUpAnswer.objects.get().note == ""
    assert EventAnswer.objects.get().user == former and EventAnswer.objects.get().comment == ""
    assert personal_data.export_answers(user) == []


def test_no_stand_in_without_answers():
    erasure = Erasure(UserFactory())
    personal_data.erase_answers(erasure)
    assert erasure._former is None
