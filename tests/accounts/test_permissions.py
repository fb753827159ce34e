import pytest

from modus.accounts import permissions
from modus.accounts.models import Membership
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_only_admins_and_staff_manage_memberships():
    admin = MembershipFactory(role=Membership.Role.ADMIN)
    member = MembershipFactory(organisation=admin.organisation, role=Membership.Role.MEMBER)
    assert permissions.may_manage_memberships(admin.user, admin.organisation)
    assert not permissions.may_manage_memberships(member.user, admin.organisation)
    assert not permissions.may_manage_memberships(admin.user, OrganisationFactory())
    assert permissions.may_manage_memberships(UserFactory(is_staff=True), OrganisationFactory())


def test_administers_follows_the_role_of_the_membership_and_staff():
    admin = MembershipFactory(role=Membership.Role.ADMIN)
    member = MembershipFactory(role=Membership.Role.MEMBER)
    assert permissions.administers(admin.user, admin)
    assert not permissions.administers(member.user, member)
    staff = MembershipFactory(user=UserFactory(is_staff=True), role=Membership.Role.MEMBER)
    assert permissions.administers(staff.user, staff)
