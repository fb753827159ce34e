import datetime as dt

import pytest

from modus.events.services import EventError, save_event

pytestmark = pytest.mark.django_db


def test_event_cannot_end_before_it_starts():
    with pytest.raises(EventError) as error:
        save_event(
            slug="bad", name="Bad", starts_on=dt.date(2022, 11, 8), ends_on=dt.date(2022, 11, 7)
        )
    assert error.value.code == "ends_before_start"


def test_save_event_updates_the_same_slug():
    save_event(slug="e", name="One", starts_on=dt.date(2022, 1, 1), ends_on=dt.date(2022, 1, 2))
    event = save_event(
        slug="e", name="Two", starts_on=dt.date(2022, 1, 1), ends_on=dt.date(2022, 1, 2)
    )
    assert event.name == "Two"
