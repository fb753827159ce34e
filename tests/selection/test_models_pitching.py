"""One audience vote per person and call, held by the database."""

import pytest
from django.db import IntegrityError

from modus.selection.models import AudienceVote
from tests.factories import UserFactory

from .conftest import selected_pitch

pytestmark = pytest.mark.django_db


def test_one_vote_per_person_and_call(pitch_call):
    first, second = (selected_pitch(pitch_call, f"p{n}@example.org") for n in range(2))
    voter = UserFactory()
    vote = AudienceVote.objects.create(call=pitch_call.call, application=first, user=voter)
    assert str(vote) == f"{voter} → {first}"
    with pytest.raises(IntegrityError):
        AudienceVote.objects.create(call=pitch_call.call, application=second, user=voter)
