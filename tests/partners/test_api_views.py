import datetime as dt

import pytest
from django.utils import timezone

from modus.matchmaking.models import MeetingRequest
from modus.partners.models import Impression, Interest, ModerationSettings, Opportunity
from tests.factories import MembershipFactory, UserFactory

from .conftest import make_opportunity

pytestmark = pytest.mark.django_db

LIST = "/api/v1/opportunities/"
MINE = "/api/v1/opportunities/mine/"


def detail(opportunity):
    return f"{LIST}{opportunity.pk}/"


def suggestions(event):
    return f"/api/v1/events/{event.slug}/suggestions/"


def posted(member, **extra):
    data = {
        "organisation": member.organisation.slug,
        "kind": "offer",
        "title": "Wind tunnel hours",
        "description": "Our tunnel is free on Fridays.",
        "expires_on": (timezone.localdate() + dt.timedelta(days=20)).isoformat(),
        "target_countries": ["cz"],
    }
    data.update(extra)
    return data


# Opportunities ----------------------------------------------------------------------------------


def test_anyone_lists_live_opportunities_filtered(client, member, offer_kind, request_kind):
    make_opportunity(member.organisation, offer_kind, keywords="hydrogen, tanks")
    make_opportunity(member.organisation, request_kind, title="Looking for drone pilots")
    make_opportunity(member.organisation, offer_kind, title="Hidden", status="pending")
    make_opportunity(
        member.organisation,
        offer_kind,
        title="Old",
        expires_on=timezone.localdate() - dt.timedelta(days=1),
    )
    body = client.get(LIST).json()
    assert body["count"] == 2
    assert {o["title"] for o in body["results"]} == {
        "Hydrogen storage testing",
        "Looking for drone pilots",
    }
    first = client.get(LIST, {"kind": "offer", "search": "hydrogen"}).json()["results"]
    assert [o["title"] for o in first] == ["Hydrogen storage testing"]
    assert first[0]["keywords"] == ["hydrogen", "tanks"]
    assert first[0]["organisation"] == member.organisation.slug
    assert client.get(LIST, {"event": "no-such-event"}).status_code == 404


@pytest.mark.parametrize("count", [1, 4])
def test_list_queries_do_not_grow(client, member, offer_kind, count, django_assert_num_queries):
    for n in range(count):
        make_opportunity(member.organisation, offer_kind, title=f"Offer {n}")
    # count, page (+ecosystems, target regions)
    with django_assert_num_queries(4):
        assert client.get(LIST).json()["count"] == count


def test_an_opportunity_out_of_view_is_404_for_others(client, member, outsider, offer_kind):
    pending = make_opportunity(member.organisation, offer_kind, status="pending")
    assert client.get(detail(pending)).status_code == 404
    client.force_login(outsider)
    response = client.get(detail(pending))
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")
    client.force_login(member.user)
    assert client.get(detail(pending)).json()["status"] == "pending"


def test_members_post_and_others_are_refused(client, member, outsider, offer_kind):
    assert client.post(LIST, posted(member), content_type="application/json").status_code == 401
    client.force_login(outsider)
    response = client.post(LIST, posted(member), content_type="application/json")
    assert response.status_code == 403 and response.json()["code"] == "not_member"
    client.force_login(member.user)
    response = client.post(LIST, posted(member), content_type="application/json")
    assert response.status_code == 201, response.json()
    assert response.json()["status"] == "published"
    assert response.json()["target_countries"] == ["CZ"]
    assert Opportunity.objects.get(title="Wind tunnel hours").author == member.user


def test_bad_input_is_a_problem_next_to_the_field(client, member, offer_kind):
    client.force_login(member.user)
    past = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    response = client.post(LIST, posted(member, expires_on=past), content_type="application/json")
    assert response.status_code == 400 and "expires_on" in response.json()["errors"]
    response = client.post(LIST, posted(member, kind="nope"), content_type="application/json")
    assert response.status_code == 400 and "kind" in response.json()["errors"]
    response = client.post(
        LIST, posted(member, target_countries=["Poland"]), content_type="application/json"
    )
    assert response.status_code == 400 and "target_countries" in response.json()["errors"]


def test_in_an_event_only_marketplace_participants_post_and_manual_validation_holds(
    client, event, alice, offer_kind
):
    ModerationSettings.objects.create(event=event, manual=True)
    MembershipFactory(user=alice.user, organisation=alice.organisation)
    stranger = MembershipFactory(organisation=alice.organisation).user
    data = posted(alice, event=event.slug)
    data["organisation"] = alice.organisation.slug
    client.force_login(stranger)
    response = client.post(LIST, data, content_type="application/json")
    assert response.status_code == 403 and response.json()["code"] == "not_participant"
    client.force_login(alice.user)
    response = client.post(LIST, data, content_type="application/json")
    assert response.status_code == 201 and response.json()["status"] == "pending"
    assert client.get(LIST, {"event": event.slug}).json()["count"] == 0
    assert [o["title"] for o in client.get(MINE).json()["results"]] == ["Wind tunnel hours"]


def test_mine_lists_only_ones_own(client, member, outsider, offer_kind):
    make_opportunity(member.organisation, offer_kind, status="refused", refusal_reason="Spam")
    assert client.get(MINE).status_code == 401
    client.force_login(outsider)
    assert client.get(MINE).json()["count"] == 0
    client.force_login(member.user)
    assert client.get(MINE).json()["results"][0]["refusal_reason"] == "Spam"


def test_interest_in_an_event_becomes_a_meeting_request(client, event, alice, bob, offer_kind):
    opportunity = make_opportunity(alice.organisation, offer_kind, author=alice.user, event=event)
    url = f"{detail(opportunity)}interest/"
    assert client.post(url, {}, content_type="application/json").status_code == 401
    client.force_login(bob.user)
    response = client.post(url, {"message": "Shall we meet?"}, content_type="application/json")
    assert response.status_code == 201
    request = MeetingRequest.objects.get(pk=response.json()["meeting_request"])
    assert (request.from_profile, request.to_profile) == (bob, alice)
    again = client.post(url, {}, content_type="application/json")
    assert again.status_code == 400 and again.json()["code"] == "already"


def test_interest_outside_events_is_a_contact_request_without_addresses(
    client, member, outsider, offer_kind
):
    opportunity = make_opportunity(member.organisation, offer_kind, author=member.user)
    client.force_login(outsider)
    response = client.post(f"{detail(opportunity)}interest/", {}, content_type="application/json")
    assert response.status_code == 201
    body = response.json()
    assert body["meeting_request"] is None and body["status"] == Interest.Status.PENDING
    assert member.user.email not in response.content.decode()
    assert member.user.email not in client.get(detail(opportunity)).content.decode()


def test_interest_in_a_hidden_opportunity_is_404(client, member, outsider, offer_kind):
    pending = make_opportunity(member.organisation, offer_kind, status="pending")
    client.force_login(outsider)
    url = f"{detail(pending)}interest/"
    assert client.post(url, {}, content_type="application/json").status_code == 404


# Suggestions ------------------------------------------------------------------------------------


def test_participants_get_their_own_suggestions_with_reasons(client, event, pair):
    alice, bob = pair
    assert client.get(suggestions(event)).status_code == 401
    client.force_login(bob.user)
    rows = client.get(suggestions(event), HTTP_ACCEPT_LANGUAGE="en").json()
    assert rows[0]["rank"] == 1 and rows[0]["candidate"]["profile"] == alice.pk
    assert rows[0]["reasons"][0]["code"] == "offers"
    assert rows[0]["reasons"][0]["text"] == "offers “Hydrogen storage testing”, which you request"
    assert Impression.objects.filter(profile=bob, candidate=alice).exists()
    polish = client.get(suggestions(event), HTTP_ACCEPT_LANGUAGE="pl").json()
    assert polish[0]["reasons"][0]["text"] != rows[0]["reasons"][0]["text"]


def test_suggestions_are_only_ones_own(client, event, pair):
    alice, bob = pair
    client.force_login(bob.user)
    mine = client.get(suggestions(event)).json()
    assert all(row["candidate"]["profile"] != bob.pk for row in mine)
    client.force_login(alice.user)
    theirs = client.get(suggestions(event)).json()
    assert theirs[0]["candidate"]["profile"] == bob.pk
    client.force_login(UserFactory())
    response = client.get(suggestions(event))
    assert response.status_code == 403 and response.json()["code"] == "not_participant"
    assert client.get("/api/v1/events/no-such-event/suggestions/").status_code == 404
