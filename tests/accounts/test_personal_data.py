import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured

from modus.accounts import personal_data, services
from modus.accounts.models import Person
from tests.factories import (
    ArticleFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgrammeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_export_personal_data_lists_what_we_hold():
    user = UserFactory(email="me@example.org", full_name="Me Myself")
    person = services.profile_of(user)
    MembershipFactory(user=user, organisation=OrganisationFactory(slug="acme"), role="admin")
    services.create_api_token(user)
    programme = ProgrammeFactory(slug="cmr")
    programme.team.add(user)
    ArticleFactory()  # articles have no user author yet: nothing to list

    data = personal_data.export_personal_data(user)

    assert list(data)[:5] == ["exported_at", "user", "person", "memberships", "api_tokens"]
    assert {"programme_office_of", "articles", "registrations", "meetings"} <= set(data)
    assert data["user"]["email"] == "me@example.org"
    assert data["person"]["slug"] == person.slug
    assert data["memberships"][0]["organisation_slug"] == "acme"
    assert data["memberships"][0]["role"] == "admin"
    assert len(data["api_tokens"]) == 1
    assert "key" not in data["api_tokens"][0]
    assert data["programme_office_of"] == ["cmr"]
    assert data["articles"] == []


def test_a_user_without_a_person_exports_none():
    assert personal_data.export_personal_data(UserFactory())["person"] is None


def test_each_app_declares_its_own_data_with_a_label():
    declared = {item.key: item for item in personal_data.declarations()}
    assert declared["articles"].export.__module__ == "modus.news.selectors"
    assert declared["programme_office_of"].export.__module__ == "modus.programmes.selectors"
    assert declared["person"].erase is services.erase_person
    assert all(str(item.label) for item in declared.values())


def test_a_key_is_declared_once():
    declared = personal_data.declarations()[0]
    personal_data.declare(declared.key, label=declared.label, export=declared.export)  # again
    with pytest.raises(ImproperlyConfigured):
        personal_data.declare(declared.key, label="Something else", export=dict)


def _keys_to_a_person():
    """Every foreign key or many-to-many field of every model that points to a user or a person."""
    people = (get_user_model(), Person)
    for model in apps.get_models():
        if model._meta.proxy:
            continue
        for field in model._meta.get_fields():
            if field.is_relation and field.concrete and field.related_model in people:
                yield f"{model._meta.label}.{field.name}"


def test_every_key_to_a_person_is_declared_by_its_app():
    keys = set(_keys_to_a_person())
    assert "events.Registration.user" in keys  # the walk finds them
    assert "results.FollowUpAnswer.user" in keys
    assert keys - personal_data.covered_fields() == set()


def test_an_undeclared_key_is_found():
    declared = personal_data.covered_fields()
    missing = set(_keys_to_a_person()) - (declared - {"matchmaking.MarketplaceProfile.user"})
    assert missing == {"matchmaking.MarketplaceProfile.user"}


def test_the_categories_an_erasure_removes_are_exported():
    erased = {item.key for item in personal_data.declarations() if item.erase}
    assert {
        "registrations",
        "marketplace_profiles",
        "reviews",
        "audience_votes",
        "interests",
        "feedback_answers",
    } <= erased
