import pytest

from tests.factories import (
    EventOrganiserFactory,
    MarketplaceProfileFactory,
    MatchmakingSettingsFactory,
    MembershipFactory,
)

from .support import accepted


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


@pytest.fixture
def two_pairs(event):
    """Four participants: the first two agreed to meet, and so did the last two."""
    alice, bob, carol, dan = (MarketplaceProfileFactory(event=event) for _ in range(4))
    accepted(alice, bob)
    accepted(carol, dan)
    return alice, bob, carol, dan
