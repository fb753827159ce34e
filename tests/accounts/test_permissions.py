import pytest
from django.contrib.auth.models import AnonymousUser

from modus.accounts import permissions, services
from modus.accounts.models import Membership
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_participant_is_a_logged_in_user_with_a_person():
    user = UserFactory()
    assert permissions.is_participant(user) is False
    services.profile_of(user)
    assert permissions.is_participant(user) is True
    assert permissions.is_participant(AnonymousUser()) is False


def test_only_admins_and_staff_manage_memberships():
    admin = MembershipFactory(role=Membership.Role.ADMIN)
    member = MembershipFactory(organisation=admin.organisation, role=Membership.Role.MEMBER)
    assert permissions.may_manage_memberships(admin.user, admin.organisation)
    assert not permissions.may_manage_memberships(member.user, admin.organisation)
    assert not permissions.may_manage_memberships(admin.user, OrganisationFactory())
    assert permissions.may_manage_memberships(UserFactory(is_staff=True), OrganisationFactory())
