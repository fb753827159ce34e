import pytest
from django.contrib.auth.models import AnonymousUser

from modus.accounts.models import Membership
from modus.directory import permissions
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_admins_and_staff_edit_an_organisation():
    admin = MembershipFactory(role=Membership.Role.ADMIN)
    member = MembershipFactory(organisation=admin.organisation, role=Membership.Role.MEMBER)
    assert permissions.may_edit_organisation(admin.user, admin.organisation)
    assert permissions.may_edit_organisation(UserFactory(is_staff=True), admin.organisation)
    assert not permissions.may_edit_organisation(member.user, admin.organisation)
    assert not permissions.may_edit_organisation(AnonymousUser(), admin.organisation)


def test_only_staff_award_labels_and_exchange_csv():
    staff, admin = UserFactory(is_staff=True), MembershipFactory().user
    assert permissions.may_award(staff) and permissions.may_exchange_csv(staff)
    assert not permissions.may_award(admin) and not permissions.may_exchange_csv(admin)
    assert not permissions.may_exchange_csv(AnonymousUser())
