import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from modus.partners.models import Interest, Opportunity

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
