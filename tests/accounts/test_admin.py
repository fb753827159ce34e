import pytest
from django.urls import reverse

from modus.accounts import services
from modus.accounts.models import User
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_user_admin_pages_work_without_usernames(staff_client):
    user = UserFactory(email="listed@example.org")
    MembershipFactory(user=user)
    assert (
        "listed@example.org"
        in staff_client.get(reverse("admin:accounts_user_changelist")).content.decode()
    )
    assert (
        staff_client.get(reverse("admin:accounts_user_change", args=[user.pk])).status_code == 200
    )
    assert staff_client.get(reverse("admin:accounts_user_add")).status_code == 200


def test_admin_creates_a_user_by_email(staff_client):
    response = staff_client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "added@example.org",
            "full_name": "Added Person",
            "usable_password": "true",
            "password1": "a-long-enough-passphrase-9",
            "password2": "a-long-enough-passphrase-9",
        },
    )
    assert response.status_code == 302

    assert User.objects.filter(email="added@example.org").exists()


def test_person_and_membership_admin_lists(staff_client):
    services.profile_of(UserFactory())
    MembershipFactory()
    assert staff_client.get(reverse("admin:accounts_person_changelist")).status_code == 200
    assert staff_client.get(reverse("admin:accounts_membership_changelist")).status_code == 200


def test_non_staff_cannot_open_the_admin(client):
    client.force_login(UserFactory())
    response = client.get(reverse("admin:accounts_user_changelist"))
    assert response.status_code == 302
