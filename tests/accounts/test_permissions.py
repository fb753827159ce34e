import pytest
from django.contrib.auth.models import AnonymousUser

from modus.accounts import permissions
from modus.accounts.models import Membership
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_organisation_admins_and_staff_edit_the_profile():
    admin = MembershipFactory(role=Membership.Role.ADMIN)
    member = MembershipFactory(organisation=admin.organisation, role=Membership.Role.MEMBER)
    assert permissions.is_organisation_admin(admin.user, admin.organisation)
    assert not permissions.is_organisation_admin(member.user, admin.organisation)
    assert not permissions.is_organisation_admin(admin.user, OrganisationFactory())
    assert permissions.is_organisation_admin(UserFactory(is_staff=True), OrganisationFactory())
    assert not permissions.is_organisation_admin(AnonymousUser(), admin.organisation)


def test_administers_follows_the_role_of_the_membership_and_staff():
    admin = MembershipFactory(role=Membership.Role.ADMIN)
    member = MembershipFactory(role=Membership.Role.MEMBER)
    assert permissions.administers(admin.user, admin)
    assert not permissions.administers(member.user, member)
    staff = MembershipFactory(user=UserFactory(is_staff=True), role=Membership.Role.MEMBER)
    assert permissions.administers(staff.user, staff)
