import pytest
from django.contrib.auth.models import AnonymousUser
from rest_framework.test import APIRequestFactory

from modus.api.permissions import ReadOnlyOrPredicate
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class OwnerOrReadOnly(ReadOnlyOrPredicate):
    predicate = staticmethod(lambda user, obj: obj["owner"] == user.pk)
    code = "not_owner"


def request(method, user):
    made = getattr(APIRequestFactory(), method)("/")
    made.user = user
    return made


def test_anyone_reads():
    permission = OwnerOrReadOnly()
    reader = request("get", AnonymousUser())
    assert permission.has_permission(reader, None)
    assert permission.has_object_permission(reader, None, {"owner": 0})


def test_writers_sign_in_and_pass_the_predicate():
    permission, owner, stranger = OwnerOrReadOnly(), UserFactory(), UserFactory()
    assert not permission.has_permission(request("patch", AnonymousUser()), None)
    assert permission.has_permission(request("patch", stranger), None)
    assert permission.has_object_permission(request("patch", owner), None, {"owner": owner.pk})
    assert not permission.has_object_permission(
        request("patch", stranger), None, {"owner": owner.pk}
    )
