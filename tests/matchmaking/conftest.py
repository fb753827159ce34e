import pytest

from tests.factories import (
    EventOrganiserFactory,
    MatchmakingSettingsFactory,
    MembershipFactory,
)


@pytest.fixture
def mm_settings(db):
    return MatchmakingSettingsFactory()


@pytest.fixture
def event(mm_settings):
    return mm_settings.event


@pytest.fixture
def cohost(event):
    organiser = EventOrganiserFactory(event=event)
    return MembershipFactory(organisation=organiser.organisation).user
