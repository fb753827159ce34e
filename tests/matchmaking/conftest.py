import pytest

from tests.factories import (
    EventOrganiserFactory,
    MarketplaceProfileFactory,
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


@pytest.fixture
def alice(event):
    return MarketplaceProfileFactory(
        event=event, user__full_name="Alicja Łukasiewicz", organisation__name="Śląski Klaster"
    )


@pytest.fixture
def bob(event):
    return MarketplaceProfileFactory(
        event=event, user__full_name="Bořivoj Dvořák", organisation__name="Moravský klastr"
    )
