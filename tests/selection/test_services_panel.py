"""The jury of a call for pitches, chosen by the people who run it."""

import pytest

from modus.selection import services
from modus.selection.models import Review
from modus.selection.services.errors import NotAllowed
from tests.factories import UserFactory

from .conftest import selected_pitch

pytestmark = pytest.mark.django_db


def test_add_a_jury_member_once(pitch_call):
    member = UserFactory()
    assert services.add_panel_member(pitch_call.call, actor=pitch_call.cohost, member=member)
    assert not services.add_panel_member(pitch_call.call, actor=pitch_call.cohost, member=member)
    assert list(pitch_call.call.panel.all()) == [member]


def test_only_active_accounts_join_the_jury(pitch_call):
    with pytest.raises(services.SelectionError) as error:
        services.add_panel_member(
            pitch_call.call, actor=pitch_call.cohost, member=UserFactory(is_active=False)
        )
    assert error.value.code == "inactive"
    assert error.value.message_dict == {"email": ["This account is not active."]}


def test_only_the_people_who_run_the_call_choose_the_jury(pitch_call):
    stranger = UserFactory()
    with pytest.raises(NotAllowed):
        services.add_panel_member(pitch_call.call, actor=stranger, member=stranger)
    assert not pitch_call.call.panel.exists()


def test_removing_a_jury_member_keeps_their_submitted_sheets_only(pitch_call):
    first, second = (selected_pitch(pitch_call, f"p{n}@example.org") for n in range(2))
    member = UserFactory()
    services.add_panel_member(pitch_call.call, actor=pitch_call.cohost, member=member)
    services.assign_jury(pitch_call.call, actor=pitch_call.cohost)
    done = Review.objects.get(application=first, reviewer=member)
    scores = {c.pk: 3 for c in pitch_call.criteria}
    services.save_review(done, actor=member, scores=scores, submit=True)
    services.remove_panel_member(pitch_call.call, actor=pitch_call.cohost, member=member)
    assert list(Review.objects.filter(reviewer=member)) == [done]
    assert not pitch_call.call.panel.exists()
    assert second.reviews.count() == 0
