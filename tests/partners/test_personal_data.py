"""What partners exports and erases of a person."""

import pytest

from modus.accounts.personal_data import Erasure
from modus.partners import personal_data
from modus.partners.models import Interest, Opportunity, Suggestion

from .conftest import make_opportunity

pytestmark = pytest.mark.django_db


def test_suggestions_of_and_to_the_person_go_their_opportunities_stay(event, pair, bob, offer_kind):
    alice, bob = pair
    assert Suggestion.objects.filter(candidate=alice).exists()
    other = make_opportunity(bob.organisation, offer_kind, author=bob.user, title="Buses")
    Interest.objects.create(opportunity=other, user=alice.user, message="Let us talk")
    assert personal_data.export_interests(alice.user)[0]["message"] == "Let us talk"
    assert personal_data.export_opportunities(alice.user)[0]["title"]
    assert personal_data.export_suggestions(alice.user)

    erasure = Erasure(alice.user)
    personal_data.erase_suggestions(erasure)
    personal_data.erase_interests(erasure)
    assert not Suggestion.objects.filter(candidate=alice).exists()
    assert not Suggestion.objects.filter(profile=alice).exists()
    assert not Interest.objects.filter(user=alice.user).exists()
    assert Opportunity.objects.filter(author=alice.user).count() == 1  # goes with the user row
