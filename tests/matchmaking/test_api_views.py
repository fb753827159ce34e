"""The matchmaking API (and, for acceptance 5, the same privacy rules on the web)."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from modus.matchmaking import services
from modus.matchmaking.models import Availability, MeetingRequest, ScheduleVersion
from tests.factories import MarketplaceProfileFactory, MeetingRequestFactory, UserFactory

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"


@pytest.fixture
def api_client():
    return APIClient()


def authorise(api_client, user):
    token, _created = Token.objects.get_or_create(user=user)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")


def url(event, tail):
    return f"/api/v1/events/{event.slug}/matchmaking/{tail}"


@pytest.fixture
def people(event):
    alice, bob, carol, dan = (MarketplaceProfileFactory(event=event) for _ in range(4))
    MeetingRequestFactory(from_profile=alice, to_profile=bob, status=MeetingRequest.Status.ACCEPTED)
    MeetingRequestFactory(from_profile=bob, to_profile=alice)
    MeetingRequestFactory(
        from_profile=carol,
        to_profile=dan,
        status=MeetingRequest.Status.ACCEPTED,
        message="A secret between carol and dan",
    )
    return alice, bob, carol, dan


# Participants: their own requests and meetings ------------------------------------------------


def test_participants_list_only_their_own_requests(api_client, event, people):
    alice, bob, carol, dan = people
    authorise(api_client, alice.user)
    response = api_client.get(url(event, "requests/"))
    assert response.status_code == 200
    results = response.json()["results"]
    assert {(r["sender"]["id"], r["receiver"]["id"]) for r in results} == {
        (alice.pk, bob.pk),
        (bob.pk, alice.pk),
    }
    assert all(r["mutual"] for r in results)
    assert {r["direction"] for r in results} == {"incoming", "outgoing"}
    assert "secret" not in response.content.decode()
    authorise(api_client, carol.user)
    results = api_client.get(url(event, "requests/")).json()["results"]
    assert [(r["direction"], r["mutual"]) for r in results] == [("outgoing", False)]
    authorise(api_client, UserFactory())
    assert api_client.get(url(event, "requests/")).json()["results"] == []


def test_anonymous_callers_get_401_problems(api_client, event, people):
    for tail in ("requests/", "meetings/", "instance.json"):
        response = api_client.get(url(event, tail))
        assert response.status_code == 401, tail
        assert response["Content-Type"] == PROBLEM
    assert api_client.post(url(event, "schedule/"), {}, format="json").status_code == 401


def test_unknown_event_or_matchmaking_off_is_404(api_client, event, mm_settings, people):
    authorise(api_client, people[0].user)
    assert api_client.get("/api/v1/events/nope/matchmaking/requests/").status_code == 404
    mm_settings.enabled = False
    mm_settings.save()
    response = api_client.get(url(event, "meetings/"))
    assert response.status_code == 404 and response["Content-Type"] == PROBLEM


def test_meetings_appear_only_once_published_and_only_ones_own(api_client, event, cohost, people):
    alice, bob, carol, dan = people
    version = services.run_schedule(event, actor=cohost, time_limit=1)
    assert version.meetings.count() == 2
    authorise(api_client, alice.user)
    assert api_client.get(url(event, "meetings/")).json()["results"] == []
    services.publish(version, actor=cohost)
    results = api_client.get(url(event, "meetings/")).json()["results"]
    assert len(results) == 1
    assert [other["id"] for other in results[0]["others"]] == [bob.pk]
    assert results[0]["table"] and results[0]["slot"]
    authorise(api_client, UserFactory())
    assert api_client.get(url(event, "meetings/")).json()["results"] == []


# token and user, event, settings, (published version,) count, rows, (their people)
LIST_QUERIES = {"requests/": 5, "meetings/": 7}


@pytest.mark.parametrize("total", [1, 3])
@pytest.mark.parametrize("tail", ["requests/", "meetings/"])
def test_lists_take_the_same_queries_for_1_and_3_items(
    api_client, event, cohost, django_assert_num_queries, tail, total
):
    alice = MarketplaceProfileFactory(event=event)
    for _n in range(total):
        MeetingRequestFactory(
            from_profile=alice,
            to_profile=MarketplaceProfileFactory(event=event),
            status=MeetingRequest.Status.ACCEPTED,
        )
    services.publish(services.run_schedule(event, actor=cohost, time_limit=1), actor=cohost)
    authorise(api_client, alice.user)
    with django_assert_num_queries(LIST_QUERIES[tail]):
        response = api_client.get(url(event, tail))
    assert response.json()["count"] == total


# Organisers: the instance out, a schedule in ----------------------------------------------------


def test_organisers_export_the_instance(api_client, event, cohost, people):
    authorise(api_client, cohost)
    response = api_client.get(url(event, "instance.json"))
    assert response.status_code == 200
    instance = response.json()
    assert instance["format"] == "modus-b2b-instance/1"
    assert instance == services.build_instance(event)
    assert len(instance["meetings"]) == 2
    assert {m["weight"] for m in instance["meetings"]} == {1, 3}


def test_participants_cannot_export_or_import(api_client, event, people):
    authorise(api_client, people[0].user)
    response = api_client.get(url(event, "instance.json"))
    assert response.status_code == 403 and response.json()["code"] == "not_cohost"
    assert response["Content-Type"] == PROBLEM
    response = api_client.post(url(event, "schedule/"), {}, format="json")
    assert response.status_code == 403


def _valid_schedule(instance):
    slot_ids = [s["id"] for s in instance["slots"]]
    return {
        "format": "modus-b2b-schedule/1",
        "assignments": [
            {"meeting": m["id"], "slot": slot_ids[k], "table": 1}
            for k, m in enumerate(instance["meetings"])
        ],
        "unscheduled": [],
        "solver": "outside",
    }


def test_organisers_import_a_valid_schedule_as_a_draft(api_client, event, cohost, people):
    authorise(api_client, cohost)
    instance = api_client.get(url(event, "instance.json")).json()
    response = api_client.post(url(event, "schedule/"), _valid_schedule(instance), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    version = ScheduleVersion.objects.get(pk=body["version"])
    assert version.status == "draft" and body["placed"] == 2
    slots = sorted(version.meetings.values_list("slot_id", flat=True))
    assert slots == sorted(s["id"] for s in instance["slots"][:2])
    # participants still see nothing until it is published
    authorise(api_client, people[0].user)
    assert api_client.get(url(event, "meetings/")).json()["results"] == []


def _broken(instance, breaker):
    schedule = _valid_schedule(instance)
    breaker(schedule, instance)
    return schedule


BREAKERS = {
    "unknown_meeting": lambda s, i: s["assignments"][0].update(meeting="m999-1000"),
    "unknown_slot": lambda s, i: s["assignments"][0].update(slot="never"),
    "duplicate_meeting": lambda s, i: s["unscheduled"].append(s["assignments"][0]["meeting"]),
    "missing_meeting": lambda s, i: s["assignments"].pop(),
    "table_taken": lambda s, i: s["assignments"][1].update(
        slot=s["assignments"][0]["slot"], table=1
    ),
    "bad_table": lambda s, i: s["assignments"][0].update(table=99),
}


@pytest.mark.parametrize("code", sorted(BREAKERS))
def test_bad_schedules_are_refused_with_the_reason(api_client, event, cohost, people, code):
    authorise(api_client, cohost)
    instance = services.build_instance(event)
    response = api_client.post(
        url(event, "schedule/"), _broken(instance, BREAKERS[code]), format="json"
    )
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert response.json()["code"] == code, response.json()
    assert response.json()["errors"]["schedule"]
    assert not ScheduleVersion.objects.exists()


def test_double_booking_unavailability_and_caps_are_refused(
    api_client, event, cohost, mm_settings, people
):
    alice, bob, carol, dan = people
    MeetingRequestFactory(from_profile=alice, to_profile=carol, status="accepted")
    authorise(api_client, cohost)
    instance = services.build_instance(event)
    by_pair = {tuple(m["with"]): m["id"] for m in instance["meetings"]}
    ab = by_pair[(alice.participant_id, bob.participant_id)]
    ac = by_pair[(alice.participant_id, carol.participant_id)]
    cd = by_pair[(carol.participant_id, dan.participant_id)]
    slot_ids = [s["id"] for s in instance["slots"]]

    def post(assignments, unscheduled=()):
        schedule = {
            "format": "modus-b2b-schedule/1",
            "assignments": assignments,
            "unscheduled": list(unscheduled),
        }
        return api_client.post(url(event, "schedule/"), schedule, format="json").json()

    body = post(
        [
            {"meeting": ab, "slot": slot_ids[0], "table": 1},
            {"meeting": ac, "slot": slot_ids[0], "table": 2},
        ],
        [cd],
    )
    assert body["code"] == "double_booked"
    assert alice.participant_id in body["errors"]["schedule"][0]
    Availability.objects.create(profile=bob, unavailable=[slot_ids[1]])
    body = post([{"meeting": ab, "slot": slot_ids[1]}], [ac, cd])
    assert body["code"] == "participant_unavailable"
    mm_settings.max_meetings = 1
    mm_settings.save()
    body = post([{"meeting": ab, "slot": slot_ids[0]}, {"meeting": ac, "slot": slot_ids[2]}], [cd])
    assert body["code"] == "over_max_meetings"
    mm_settings.max_meetings = None
    mm_settings.tables = 1
    mm_settings.save()
    body = post([{"meeting": ab, "slot": slot_ids[0]}, {"meeting": cd, "slot": slot_ids[0]}], [ac])
    assert body["code"] == "slot_full"
    body = post([], [ab, ac])
    assert body["code"] == "missing_meeting"
    body = api_client.post(url(event, "schedule/"), {"format": "x"}, format="json").json()
    assert set(body["errors"]) >= {"format", "assignments", "unscheduled"}


def test_pinned_meetings_must_stay_in_their_slot(api_client, event, cohost, people):

    alice = people[0]
    version = services.run_schedule(event, actor=cohost, time_limit=1)
    meeting = version.meetings.get(participants=alice)
    services.move_meeting(meeting, actor=cohost, slot_id=meeting.slot_id)
    instance = services.build_instance(event)
    pinned = next(m for m in instance["meetings"] if m.get("fixed_slot"))
    other_slot = next(s["id"] for s in instance["slots"] if s["id"] != pinned["fixed_slot"])
    schedule = {
        "format": "modus-b2b-schedule/1",
        "assignments": [{"meeting": pinned["id"], "slot": other_slot}],
        "unscheduled": [m["id"] for m in instance["meetings"] if m is not pinned],
    }
    authorise(api_client, cohost)
    body = api_client.post(url(event, "schedule/"), schedule, format="json").json()
    assert body["code"] == "not_fixed_slot"


# The same rules on the web -----------------------------------------------------------------------


def test_web_shows_nobody_else_s_requests_nor_a_draft(client, event, cohost, people):
    alice, bob, carol, dan = people
    version = services.run_schedule(event, actor=cohost, time_limit=1)
    client.force_login(alice.user)
    page = client.get(reverse("matchmaking:requests", kwargs={"slug": event.slug}))
    assert bob.display_name in page.content.decode()
    assert "secret between carol" not in page.content.decode()
    assert dan.display_name not in page.content.decode()
    meetings = client.get(reverse("matchmaking:meetings", kwargs={"slug": event.slug}))
    assert bob.display_name not in meetings.content.decode()
    schedule_url = reverse("matchmaking:schedule", kwargs={"slug": event.slug})
    assert client.get(schedule_url).status_code == 403
    client.force_login(cohost)
    assert dan.display_name in client.get(schedule_url).content.decode()
    services.publish(version, actor=cohost)
    client.force_login(alice.user)
    meetings = client.get(reverse("matchmaking:meetings", kwargs={"slug": event.slug}))
    content = meetings.content.decode()
    assert bob.display_name in content and dan.display_name not in content


def test_schema_lists_the_matchmaking_endpoints(client):
    schema = client.get(reverse("api-schema"), {"format": "json"}).json()
    for tail in ("requests/", "meetings/", "instance.json", "schedule/"):
        assert f"/api/v1/events/{{event_slug}}/matchmaking/{tail}" in schema["paths"]
