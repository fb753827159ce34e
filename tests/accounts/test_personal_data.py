import pytest
from django.core.exceptions import ImproperlyConfigured

from modus.accounts import personal_data, services
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

    assert list(data) == [
        "exported_at",
        "user",
        "person",
        "memberships",
        "api_tokens",
        "programme_office_of",
        "articles",
        "feedback",
    ]
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
