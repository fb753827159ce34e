import io
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from rest_framework.authtoken.models import Token

from modus.accounts import services
from modus.accounts.models import Membership, Person, User
from tests.accounts.images import png_upload, text_pretending_to_be_png
from tests.factories import (
    PASSWORD,
    MarketplaceProfileFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
)
from tests.matchmaking.support import make_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client):
    user = UserFactory(email="member@example.org", full_name="Mia Member")
    services.profile_of(user)
    client.force_login(user)
    return user


# Login, logout, sign-up ---------------------------------------------------------------------


def test_login_page_asks_for_an_email(client):
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    assert "E-mail address" in response.content.decode()


def test_login_with_email(client):
    UserFactory(email="jana@example.org")
    response = client.post(
        reverse("accounts:login"), {"username": "jana@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("web:dashboard")
    assert "_auth_user_id" in client.session


def test_wrong_password_shows_an_error(client):
    UserFactory(email="jana@example.org")
    response = client.post(
        reverse("accounts:login"), {"username": "jana@example.org", "password": "nope"}
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert 'class="errorlist' in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_needs_post(client, member):
    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def sign_up(client, email, password=PASSWORD, again=None):
    return client.post(
        reverse("accounts:signup"),
        {
            "email": email,
            "full_name": "New Person",
            "password": password,
            "password_confirm": password if again is None else again,
        },
    )


def test_sign_up_creates_user_and_person_and_sends_a_welcome(client, mailoutbox):
    response = sign_up(client, "new@example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:signup-done")
    user = User.objects.get(email="new@example.org")
    assert user.person.name == "New Person"
    assert [message.to for message in mailoutbox] == [["new@example.org"]]
    assert reverse("accounts:login") in mailoutbox[0].body
    response = client.post(
        reverse("accounts:login"), {"username": "new@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302


def test_sign_up_with_a_taken_address_answers_alike_and_tells_the_owner(client, mailoutbox):
    owner = UserFactory(email="taken@example.org", full_name="Olga Owner")
    new = sign_up(client, "fresh@example.org")
    taken = sign_up(client, "Taken@Example.org")
    assert taken.status_code == new.status_code == 302
    assert taken["Location"] == new["Location"]
    done = client.get(taken["Location"])
    assert "Check your e-mail" in done.content.decode()
    assert User.objects.filter(email__iexact="taken@example.org").count() == 1
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)
    assert "_auth_user_id" not in client.session
    to_owner = [message for message in mailoutbox if message.to == ["taken@example.org"]]
    assert len(to_owner) == 1
    assert "already have one" in to_owner[0].body
    assert reverse("accounts:password_reset") in to_owner[0].body


def test_sign_up_errors_show_next_to_the_fields(client):
    UserFactory(email="taken@example.org")
    response = sign_up(client, "taken@example.org", again=PASSWORD + "x")
    assert response.status_code == 200
    assert response.context["form"].has_error("password_confirm", "password_mismatch")
    for email in ("taken@example.org", "free@example.org"):  # a weak password, alike for both
        response = sign_up(client, email, password="123")
        assert response.status_code == 200
        assert response.context["form"].has_error("password")
    assert User.objects.count() == 1


# Passwords ----------------------------------------------------------------------------------


def test_password_reset_sends_a_working_link(client, mailoutbox):
    user = UserFactory(email="forgetful@example.org")
    response = client.post(reverse("accounts:password_reset"), {"email": "forgetful@example.org"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["forgetful@example.org"]
    link = re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)

    response = client.get(link, follow=True)
    assert response.status_code == 200
    assert response.context["validlink"] is True
    set_password_url = response.redirect_chain[-1][0]
    new_password = "a-brand-new-passphrase-42"
    response = client.post(
        set_password_url, {"new_password1": new_password, "new_password2": new_password}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password(new_password)


def test_password_reset_for_unknown_address_sends_nothing(client, mailoutbox):
    response = client.post(reverse("accounts:password_reset"), {"email": "ghost@example.org"})
    assert response.status_code == 302
    assert mailoutbox == []


def test_password_change(client, member):
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "another-long-passphrase-7",
            "new_password2": "another-long-passphrase-7",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password("another-long-passphrase-7")


# Profile ------------------------------------------------------------------------------------


def test_profile_needs_login(client):
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def profile_data(**changes):
    data = {
        "name": "Mia Member",
        "job_title": "Cluster manager",
        "bio": "I run a cluster.",
        "public": "on",
        "preferred_language": "pl",
    }
    data.update(changes)
    return data


def test_profile_edit(client, member):
    response = client.post(reverse("accounts:profile"), profile_data(photo=png_upload()))
    assert response.status_code == 302
    person = Person.objects.get(user=member)
    member.refresh_from_db()
    assert person.job_title == "Cluster manager"
    assert person.public is True
    assert person.photo.name.startswith("people/")
    assert member.preferred_language == "pl"


def test_bad_photo_gives_a_field_error_and_keeps_the_other_fields(client, member):
    response = client.post(
        reverse("accounts:profile"),
        profile_data(job_title="Kept title", photo=text_pretending_to_be_png()),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "photo" in form.errors
    assert 'value="Kept title"' in response.content.decode()
    assert Person.objects.get(user=member).job_title == ""


def test_too_large_photo_is_refused(client, member, settings):
    settings.MODUS_MAX_IMAGE_BYTES = 50
    response = client.post(reverse("accounts:profile"), profile_data(photo=png_upload()))
    assert response.context["form"].has_error("photo", "image_too_large")


def test_image_of_another_format_is_refused(client, member):

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, format="BMP")
    upload = SimpleUploadedFile("photo.bmp", buffer.getvalue(), content_type="image/bmp")
    response = client.post(reverse("accounts:profile"), profile_data(photo=upload))
    assert response.context["form"].has_error("photo", "image_format")


def test_profile_lists_memberships_with_edit_links_for_admins(client, member):
    administered = OrganisationFactory(name="Administered Org", slug="administered")
    joined = OrganisationFactory(name="Joined Org", slug="joined")
    MembershipFactory(user=member, organisation=administered, role=Membership.Role.ADMIN)
    MembershipFactory(user=member, organisation=joined, role=Membership.Role.MEMBER)
    content = client.get(reverse("accounts:profile")).content.decode()
    assert "Administered Org" in content
    assert "Joined Org" in content
    assert reverse("directory:organisation-edit", kwargs={"slug": "administered"}) in content
    assert reverse("directory:organisation-edit", kwargs={"slug": "joined"}) not in content


def test_profile_page_query_count_does_not_grow_with_memberships(
    client, member, django_assert_max_num_queries
):
    for count in (1, 3):
        while member.memberships.count() < count:
            MembershipFactory(user=member)
        with django_assert_max_num_queries(8):
            assert client.get(reverse("accounts:profile")).status_code == 200


def test_token_is_shown_once_then_deleted(client, member):
    response = client.post(reverse("accounts:token-create"))
    assert response.status_code == 200
    key = Token.objects.get(user=member).key
    assert key in response.content.decode()
    assert key not in client.get(reverse("accounts:profile")).content.decode()

    response = client.post(reverse("accounts:token-create"))
    assert Token.objects.get(user=member).key != key

    response = client.post(reverse("accounts:token-delete"))
    assert response.status_code == 302
    assert not Token.objects.filter(user=member).exists()


def test_token_create_needs_post(client, member):
    assert client.get(reverse("accounts:token-create")).status_code == 405


# Personal data ------------------------------------------------------------------------------


def test_data_export_is_json_of_the_users_data(client, member):
    MembershipFactory(user=member, organisation=OrganisationFactory(slug="acme"))
    services.create_api_token(member)
    other = UserFactory(email="other@example.org")
    MembershipFactory(user=other, organisation=OrganisationFactory(slug="elsewhere"))

    response = client.get(reverse("accounts:export"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["user"]["email"] == "member@example.org"
    assert data["person"]["name"] == "Mia Member"
    assert [m["organisation_slug"] for m in data["memberships"]] == ["acme"]
    assert len(data["api_tokens"]) == 1
    assert "other@example.org" not in response.content.decode()


def test_erase_account_with_wrong_password_keeps_it(client, member):
    response = client.post(reverse("accounts:erase"), {"password": "wrong", "confirm": "on"})
    assert response.status_code == 200
    assert response.context["form"].has_error("password", "wrong_password")
    assert User.objects.filter(pk=member.pk).exists()


def test_erase_page_shows_what_goes_and_what_others_lose_before_confirming(client, member):
    mine = MarketplaceProfileFactory(user=member)
    make_version(mine.event, [(mine, MarketplaceProfileFactory(event=mine.event))])
    response = client.get(reverse("accounts:erase"))
    assert response.status_code == 200
    preview = {item["key"]: item["count"] for item in response.context["preview"]}
    assert preview["registrations"] == 1
    assert preview["marketplace_profiles"] == 1
    assert preview["meetings"] == 1
    content = response.content.decode()
    assert "Your event registrations: 1" in content
    assert "Your 1 meeting still ahead will be cancelled, and your partner told by e-mail." in (
        content
    )
    assert User.objects.filter(pk=member.pk).exists()  # looking erases nothing


def test_erase_account(client, member):
    response = client.post(reverse("accounts:erase"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=member.pk).exists()
    assert not Person.objects.filter(name="Mia Member").exists()
    assert "_auth_user_id" not in client.session


# Public person page -------------------------------------------------------------------------


def test_public_person_page_shows_organisation(client):
    organisation = OrganisationFactory(name="Silesia Automotive Cluster")
    person = PersonFactory(name="Public Speaker", public=True, organisation=organisation)
    response = client.get(person.get_absolute_url())
    content = response.content.decode()
    assert response.status_code == 200
    assert "Public Speaker" in content
    assert "Silesia Automotive Cluster" in content


def test_private_person_page_is_a_404(client, member):
    person = PersonFactory(public=False)
    assert client.get(person.get_absolute_url()).status_code == 404


def test_login_ignores_the_case_of_the_address(client):
    UserFactory(email="jana@example.org")
    response = client.post(
        reverse("accounts:login"), {"username": "Jana@Example.ORG", "password": PASSWORD}
    )
    assert response.status_code == 302


def test_revoking_a_token_leaves_other_users_tokens_alone(client, member):
    other = UserFactory()
    other_token = services.create_api_token(other)
    services.create_api_token(member)
    client.post(reverse("accounts:token-delete"))
    client.post(reverse("accounts:token-create"))
    assert Token.objects.get(user=other).key == other_token.key


def test_erasing_an_account_leaves_other_accounts_alone(client, member):
    other = UserFactory()
    services.profile_of(other)
    client.post(reverse("accounts:erase"), {"password": PASSWORD, "confirm": "on"})
    assert User.objects.filter(pk=other.pk).exists()
    assert Person.objects.filter(user=other).exists()


def test_being_sent_to_log_in_says_why(client):
    response = client.get(reverse("web:dashboard"), follow=True)
    assert response.redirect_chain and "next=" in response.redirect_chain[-1][0]
    assert "The page you opened is for people who are logged in" in response.content.decode()
    plain = client.get(reverse("accounts:login")).content.decode()
    assert "The page you opened is for people who are logged in" not in plain
