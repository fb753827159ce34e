"""The event most events tests work on, and a plain member of its co-host."""

import pytest

from modus.accounts.models import Membership
from tests.events.agenda_support import KATOWICE
from tests.factories import EventFactory, EventOrganiserFactory, MembershipFactory


@pytest.fixture
def event():
    return EventFactory(name="Clusters meet Regions: Katowice", **KATOWICE)


@pytest.fixture
def cohost(event):
    organiser = EventOrganiserFactory(event=event)
    membership = MembershipFactory(organisation=organiser.organisation, role=Membership.Role.MEMBER)
    return membership.user
