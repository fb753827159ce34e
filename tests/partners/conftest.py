import datetime as dt

import pytest
from django.utils import timezone

from modus.partners.models import Opportunity, OpportunityKind
from modus.partners.suggestions import store
from tests.factories import (
    EventOrganiserFactory,
    MarketplaceProfileFactory,
    MatchmakingSettingsFactory,
    MembershipFactory,
    OrganisationFactory,
)


@pytest.fixture
def offer_kind(db):
    return OpportunityKind.objects.get(event=None, key="offer")


@pytest.fixture
def request_kind(db):
    return OpportunityKind.objects.get(event=None, key="request")


@pytest.fixture
def member(db):
    return MembershipFactory(organisation=OrganisationFactory(country_code="PL"))


@pytest.fixture
def outsider(db):
    return MembershipFactory(organisation=OrganisationFactory(country_code="CZ")).user


@pytest.fixture
def event(db):
    return MatchmakingSettingsFactory().event


@pytest.fixture
def cohost(event):
    return MembershipFactory(organisation=EventOrganiserFactory(event=event).organisation).user


@pytest.fixture
def alice(event):
    return MarketplaceProfileFactory(event=event, user__full_name="Alicja Nowak")


@pytest.fixture
def bob(event):
    return MarketplaceProfileFactory(event=event, user__full_name="Bořivoj Dvořák")


def make_opportunity(organisation, kind, *, author=None, event=None, **fields):
    values = {
        "title": "Hydrogen storage testing",
        "description": "Certified lab tests of hydrogen tanks.",
        "expires_on": timezone.localdate() + dt.timedelta(days=30),
        "status": Opportunity.Status.PUBLISHED,
    }
    values.update(fields)
    return Opportunity.objects.create(
        organisation=organisation, kind=kind, author=author, event=event, **values
    )


@pytest.fixture
def pair(event, alice, bob, offer_kind):
    alice.offers, alice.seeks = "Certified hydrogen tank testing", "Fuel cell buses for pilots"
    bob.offers, bob.seeks = "Fuel cell bus fleets for pilot runs", "Testing of hydrogen tanks"
    alice.save()
    bob.save()
    make_opportunity(alice.organisation, offer_kind, author=alice.user, event=event)
    MarketplaceProfileFactory(event=event, offers="Bakeries", seeks="Flour")
    store.compute_for_event(event)
    return alice, bob
