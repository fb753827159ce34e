import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from modus.partners.models import Interest, Opportunity
from tests.factories import UserFactory

from .conftest import make_opportunity

LIST = reverse("partners:list")


@pytest.mark.parametrize("count", [1, 3])
def test_list_queries_do_not_grow(client, member, offer_kind, count, django_assert_max_num_queries):
    for number in range(count):
        make_opportunity(member.organisation, offer_kind, title=f"Offer {number}")
    with django_assert_max_num_queries(8):
        response = client.get(LIST)
    assert response.status_code == 200
    assert response.content.decode().count('class="card"') == count


def test_list_hides_expired_pending_and_refused(client, member, offer_kind):
    make_opportunity(member.organisation, offer_kind, title="Live one")
    make_opportunity(
        member.organisation,
        offer_kind,
        title="Old one",
        expires_on=timezone.localdate() - dt.timedelta(days=1),
    )
    make_opportunity(member.organisation, offer_kind, title="Waiting one", status="pending")
    make_opportunity(member.organisation, offer_kind, title="Refused one", status="refused")
    page = client.get(LIST).content.decode()
    assert "Live one" in page
    assert not any(t in page for t in ("Old one", "Waiting one", "Refused one"))


def test_search_and_type_ahead(client, member, offer_kind):
    make_opportunity(member.organisation, offer_kind, title="Hydrogen storage testing")
    make_opportunity(member.organisation, offer_kind, title="Drone pilots", description="Flying.")
    page = client.get(LIST, {"q": "hydrogen"}).content.decode()
    assert "Hydrogen storage" in page and "Drone pilots" not in page
    hints = client.get(reverse("partners:hints"), {"q": "dron"}).json()
    assert hints == {"titles": ["Drone pilots"]}


def test_pending_opportunity_is_out_of_reach_of_others(client, member, outsider, offer_kind):
    opportunity = make_opportunity(member.organisation, offer_kind, status="pending")
    client.force_login(outsider)
    assert client.get(opportunity.get_absolute_url()).status_code == 403
    client.force_login(member.user)
    assert client.get(opportunity.get_absolute_url()).status_code == 200


def test_post_form_shows_errors_next_to_fields(client, member, offer_kind):
    client.force_login(member.user)
    response = client.post(
        reverse("partners:create"),
        {
            "organisation": member.organisation.pk,
            "kind": offer_kind.pk,
            "title": "Test beds",
            "description": "Ours.",
            "expires_on": (timezone.localdate() - dt.timedelta(days=2)).isoformat(),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["expires_on"]
    response = client.post(
        reverse("partners:create"),
        {
            "organisation": member.organisation.pk,
            "kind": offer_kind.pk,
            "title": "Test beds",
            "description": "Ours.",
            "target_countries": "pl, cz",
            "expires_on": (timezone.localdate() + dt.timedelta(days=2)).isoformat(),
        },
    )
    opportunity = Opportunity.objects.get()
    assert response.status_code == 302 and opportunity.target_countries == ["CZ", "PL"]


def test_email_is_shown_only_after_acceptance(client, member, outsider, offer_kind):
    opportunity = make_opportunity(member.organisation, offer_kind, author=member.user)
    client.force_login(outsider)
    client.post(opportunity.get_absolute_url(), {"message": "Hi"})
    interest = Interest.objects.get()
    page = client.get(reverse("partners:interests")).content.decode()
    assert member.user.email not in page
    client.force_login(member.user)
    page = client.get(reverse("partners:interests")).content.decode()
    assert outsider.email not in page
    client.post(reverse("partners:answer", kwargs={"pk": interest.pk}), {"accept": "1"})
    assert outsider.email in client.get(reverse("partners:interests")).content.decode()
    client.force_login(outsider)
    assert member.user.email in client.get(reverse("partners:interests")).content.decode()


def test_moderation_page_is_for_cohosts(client, event, cohost, alice, offer_kind):
    url = reverse("partners:moderation") + f"?event={event.slug}"
    client.force_login(alice.user)
    assert client.get(url).status_code == 403
    client.force_login(cohost)
    client.post(url, {"manual": "on"})
    opportunity = make_opportunity(alice.organisation, offer_kind, event=event, status="pending")
    assert opportunity.title in client.get(url).content.decode()
    client.post(
        reverse("partners:moderate", kwargs={"pk": opportunity.pk}),
        {"decision": "refuse", "reason": "Duplicate"},
    )
    opportunity.refresh_from_db()
    assert opportunity.status == "refused" and opportunity.refusal_reason == "Duplicate"


# Moderation -------------------------------------------------------------------------------------


def test_only_cohosts_decide_and_a_refusal_needs_a_reason(client, event, cohost, alice, offer_kind):
    opportunity = make_opportunity(alice.organisation, offer_kind, event=event, status="pending")
    url = reverse("partners:moderate", kwargs={"pk": opportunity.pk})
    response = client.post(url, {"decision": "approve"})
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    client.force_login(alice.user)
    assert client.post(url, {"decision": "approve"}).status_code == 403
    client.force_login(cohost)
    response = client.post(url, {"decision": "refuse", "reason": ""}, follow=True)
    assert "Say why the opportunity is refused." in response.content.decode()
    opportunity.refresh_from_db()
    assert opportunity.status == "pending"
    client.post(url, {"decision": "approve"})
    opportunity.refresh_from_db()
    assert opportunity.status == "published"
    page = client.get(LIST, {"event": event.slug}).content.decode()
    assert opportunity.title in page


def test_the_author_reads_the_reason_for_refusal_and_others_see_nothing(
    client, member, outsider, offer_kind
):
    opportunity = make_opportunity(
        member.organisation, offer_kind, status="refused", refusal_reason="Not a cooperation offer."
    )
    client.force_login(member.user)
    assert "Not a cooperation offer." in client.get(opportunity.get_absolute_url()).content.decode()
    assert "Not a cooperation offer." in client.get(reverse("partners:interests")).content.decode()
    client.force_login(outsider)
    assert client.get(opportunity.get_absolute_url()).status_code == 403
    assert "Not a cooperation offer." not in client.get(LIST).content.decode()


def test_the_directorys_moderation_page_is_for_staff(client, member, offer_kind):
    url = reverse("partners:moderation")
    client.force_login(member.user)
    assert client.get(url).status_code == 403
    waiting = make_opportunity(member.organisation, offer_kind, status="pending", title="Waits")
    client.force_login(UserFactory(is_staff=True))
    assert waiting.title in client.get(url).content.decode()


# Expiry -----------------------------------------------------------------------------------------


def test_an_expired_opportunity_is_closed(client, member, outsider, offer_kind):
    opportunity = make_opportunity(
        member.organisation, offer_kind, expires_on=timezone.localdate() - dt.timedelta(days=1)
    )
    client.force_login(member.user)
    page = client.get(opportunity.get_absolute_url()).content.decode()
    assert "This opportunity has expired." in page and "Express interest" not in page
    client.force_login(outsider)
    assert client.get(opportunity.get_absolute_url()).status_code == 403
    assert client.post(opportunity.get_absolute_url(), {"message": "Hi"}).status_code == 403
    assert not Interest.objects.exists()
    assert client.get(reverse("partners:hints"), {"q": opportunity.title[:5]}).json() == {
        "titles": []
    }


# Contact requests outside events ----------------------------------------------------------------


def test_no_address_is_shown_before_acceptance_nor_after_a_refusal(
    client, member, outsider, offer_kind
):
    opportunity = make_opportunity(member.organisation, offer_kind, author=member.user)
    client.force_login(outsider)
    response = client.post(opportunity.get_absolute_url(), {"message": "Hello from Brno"})
    assert response.status_code == 302
    interest = Interest.objects.get()
    assert interest.meeting_request is None
    pages = [opportunity.get_absolute_url(), reverse("partners:interests")]
    for url in pages:
        assert member.user.email not in client.get(url).content.decode()
    client.force_login(member.user)
    for url in pages:
        assert outsider.email not in client.get(url).content.decode()
    stranger = UserFactory()
    client.force_login(stranger)
    url = reverse("partners:answer", kwargs={"pk": interest.pk})
    assert client.post(url, {"accept": "1"}).status_code == 403
    assert "Hello from Brno" not in client.get(reverse("partners:interests")).content.decode()
    client.force_login(member.user)
    client.post(url, {"accept": "0"})
    interest.refresh_from_db()
    assert interest.status == Interest.Status.DECLINED
    assert outsider.email not in client.get(reverse("partners:interests")).content.decode()
    client.force_login(outsider)
    page = client.get(reverse("partners:interests")).content.decode()
    assert member.user.email not in page and "Declined" in page
