"""A reminder is recorded once per subject and person."""

import pytest
from django.db import IntegrityError

from modus.selection.models import Reminder
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_one_reminder_per_key_and_person():
    user = UserFactory()
    reminder = Reminder.objects.create(key="review:1", user=user)
    assert str(reminder) == "review:1"
    Reminder.objects.create(key="review:1", user=UserFactory())
    with pytest.raises(IntegrityError):
        Reminder.objects.create(key="review:1", user=user)
