import pytest
from django.contrib.auth.models import AnonymousUser

from modus.programmes.permissions import is_programme_office
from tests.factories import ProgrammeFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_office_and_staff_are_the_programme_office():
    programme = ProgrammeFactory()
    member = UserFactory()
    programme.team.add(member)
    assert is_programme_office(member, programme)
    assert is_programme_office(UserFactory(is_staff=True), programme)
    assert not is_programme_office(UserFactory(), programme)
    assert not is_programme_office(AnonymousUser(), programme)
    assert not is_programme_office(UserFactory(is_active=False, is_staff=True), programme)
