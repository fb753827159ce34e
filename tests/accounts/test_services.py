import pytest
from django.core.exceptions import ValidationError
from rest_framework.authtoken.models import Token

from modus.accounts import services
from modus.accounts.models import Membership, Person, User
from tests.factories import (
    PASSWORD,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_register_user_creates_user_and_private_person():
    user = services.register_user(
        email="Jana.Novak@Example.org", full_name="Jana Novák", password=PASSWORD
    )
    assert user.email == "jana.novak@example.org"
    assert user.check_password(PASSWORD)
    assert user.person.name == "Jana Novák"
    assert user.person.slug == "jana-novak"
    assert user.person.public is False


def test_register_user_refuses_a_taken_email():
    UserFactory(email="taken@example.org")
    with pytest.raises(ValidationError) as caught:
        services.register_user(email="TAKEN@example.org", full_name="X", password=PASSWORD)
    assert caught.value.error_dict["email"][0].code == "email_taken"


def test_register_user_checks_password_strength():
    with pytest.raises(ValidationError) as caught:
        services.register_user(email="a@example.org", full_name="A", password="123")
    assert "password" in caught.value.error_dict
    assert not User.objects.exists()


def test_person_slugs_stay_unique():
    PersonFactory(name="Jana Novak", slug="jana-novak")
    user = services.register_user(email="j@example.org", full_name="Jana Novak", password=PASSWORD)
    assert user.person.slug == "jana-novak-2"


def test_ensure_person_is_idempotent_and_links_the_user():
    first = services.ensure_person(name="Speaker One", slug="speaker-one")
    user = UserFactory()
    second = services.ensure_person(name="Speaker One", slug="speaker-one", user=user)
    assert first.pk == second.pk
    assert second.user == user
    assert Person.objects.count() == 1


def test_update_profile_saves_person_and_language():
    user = UserFactory()
    person = services.profile_of(user)
    services.update_profile(
        user, person=person, preferred_language="cs", name="New Name", job_title="Manager"
    )
    user.refresh_from_db()
    person.refresh_from_db()
    assert person.job_title == "Manager"
    assert user.full_name == "New Name"
    assert user.preferred_language == "cs"


def test_update_profile_refuses_someone_elses_person():
    user = UserFactory()
    other = services.profile_of(UserFactory())
    with pytest.raises(services.PermissionDenied):
        services.update_profile(user, person=other, name="Hijacked")


def test_token_rotation_replaces_the_key():
    user = UserFactory()
    first = services.create_api_token(user)
    second = services.create_api_token(user)
    assert first.key != second.key
    assert list(Token.objects.filter(user=user)) == [second]
    assert services.delete_api_token(user) is True
    assert services.delete_api_token(user) is False


def test_the_founder_of_an_organisation_becomes_its_admin():
    user, organisation = UserFactory(), OrganisationFactory()
    membership = services.add_founding_admin(user, organisation)
    assert (membership.user, membership.organisation) == (user, organisation)
    assert membership.role == Membership.Role.ADMIN


def test_erase_user_needs_the_password():
    user = UserFactory()
    with pytest.raises(ValidationError) as caught:
        services.erase_user(user, password="wrong")
    assert caught.value.error_dict["password"][0].code == "wrong_password"
    assert User.objects.filter(pk=user.pk).exists()


def test_erase_user_removes_everything():
    user = UserFactory()
    person = services.profile_of(user)
    membership = MembershipFactory(user=user)
    services.create_api_token(user)
    services.erase_user(user, password=PASSWORD)
    assert not User.objects.filter(pk=user.pk).exists()
    assert not Person.objects.filter(pk=person.pk).exists()
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert not Token.objects.exists()
    assert membership.organisation.__class__.objects.filter(pk=membership.organisation_id).exists()


def test_anonymise_person_keeps_the_record_without_identity():
    user = UserFactory()
    person = services.ensure_person(
        name="Jana Novak", user=user, organisation=OrganisationFactory()
    )
    person.bio = "Personal story"
    person.save()
    assert services.person_is_referenced(person) is False
    services.anonymise_person(person)
    person.refresh_from_db()
    assert person.name == "Former participant"
    assert person.bio == ""
    assert person.user is None
    assert person.organisation is None
    assert person.public is False
