import pytest
from django.core import mail
from django.urls import reverse

from modus.matchmaking import services
from modus.matchmaking.models import (
    MarketplaceProfile,
    MeetingRequest,
    ScheduleVersion,
    SchedulingRun,
)
from tests.factories import (
    EcosystemFactory,
    EventOrganiserFactory,
    MarketplaceProfileFactory,
    MatchmakingSettingsFactory,
    MeetingRequestFactory,
    MembershipFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _url(name, event, **kwargs):
    return reverse(f"matchmaking:{name}", kwargs={"slug": event.slug, **kwargs})


PARTICIPANT_PAGES = ["marketplace", "my-profile", "requests", "availability", "meetings"]
ORGANISER_PAGES = ["setup", "schedule"]


def test_anonymous_visitors_log_in_first(client, event):
    for name in PARTICIPANT_PAGES + ORGANISER_PAGES:
        response = client.get(_url(name, event))
        assert response.status_code == 302 and "login" in response.url


def test_outsiders_get_403_everywhere(client, event):
    profile = MarketplaceProfileFactory(event=event)
    client.force_login(UserFactory())
    for name in PARTICIPANT_PAGES + ORGANISER_PAGES:
        assert client.get(_url(name, event)).status_code == 403, name
    assert client.get(_url("profile", event, pk=profile.pk)).status_code == 403


def test_participants_of_another_event_and_waitlisted_get_403(client, event):
    other = MarketplaceProfileFactory()
    waitlisted = RegistrationFactory(event=event, status="waitlisted")
    for user in (other.user, waitlisted.user):
        client.force_login(user)
        assert client.get(_url("marketplace", event)).status_code == 403


def test_participants_do_not_reach_organiser_pages(client, event):
    profile = MarketplaceProfileFactory(event=event)
    client.force_login(profile.user)
    for name in ORGANISER_PAGES:
        assert client.get(_url(name, event)).status_code == 403


def test_pages_are_404_while_matchmaking_is_off(client, event, mm_settings):
    mm_settings.enabled = False
    mm_settings.save()
    registration = RegistrationFactory(event=event)
    client.force_login(registration.user)
    assert client.get(_url("marketplace", event)).status_code == 404


def test_setup_form_saves_settings(client, event, cohost):
    client.force_login(cohost)
    day = event.starts_on.isoformat()
    response = client.post(
        _url("setup", event),
        {
            "enabled": "on",
            "windows": f"{day} 09:00-10:00\n{day} 11:00-12:00",
            "slot_minutes": "20",
            "tables": "4",
            "max_meetings": "5",
            "request_deadline": f"{day}T08:00",
            "allowed_roles": ["company", "researcher"],
        },
    )
    assert response.status_code == 302
    mm = services.settings_for(event)
    assert (
        len(mm.windows) == 2
        and mm.tables == 4
        and mm.allowed_roles
        == [
            "company",
            "researcher",
        ]
    )
    assert client.get(_url("setup", event)).status_code == 200


def test_setup_form_shows_errors_next_to_the_field(client, event, cohost):
    client.force_login(cohost)
    response = client.post(
        _url("setup", event),
        {"enabled": "on", "windows": "1999-01-01 09:00-10:00", "slot_minutes": "20"},
    )
    assert response.status_code == 200
    assert "is not a day of the event" in response.content.decode()
    response = client.post(
        _url("setup", event), {"enabled": "on", "windows": "tomorrow", "slot_minutes": "20"}
    )
    assert (
        response.status_code == 200 and "is not a day, start and end" in response.content.decode()
    )


def test_opt_in_request_accept_through_the_web(client, event):
    alice_registration = RegistrationFactory(event=event)
    bob = MarketplaceProfileFactory(event=event)
    ecosystem = EcosystemFactory()
    client.force_login(alice_registration.user)
    response = client.post(
        _url("my-profile", event),
        {
            "offers": "Hydrogen tanks",
            "seeks": "Pilots",
            "ecosystems": [ecosystem.pk],
            "opted_in": "on",
        },
    )
    assert response.status_code == 302
    alice = MarketplaceProfile.objects.get(event=event, user=alice_registration.user)
    page = client.get(_url("marketplace", event), {"q": "hydrogen"}).content.decode()
    assert alice.display_name in page and bob.display_name in page
    assert client.post(_url("profile", event, pk=bob.pk), {"message": "Hello"}).status_code == 302
    request = MeetingRequest.objects.get(from_profile=alice, to_profile=bob)
    # Alice cannot answer her own request.
    assert (
        client.post(_url("answer", event, pk=request.pk), {"answer": "accept"}).status_code == 403
    )
    client.force_login(bob.user)
    page = client.get(_url("requests", event)).content.decode()
    assert "Hello" in page
    client.post(_url("answer", event, pk=request.pk), {"answer": "accept"})
    request.refresh_from_db()
    assert request.status == MeetingRequest.Status.ACCEPTED


def test_repeated_request_shows_the_error(client, event):
    alice, bob = MarketplaceProfileFactory(event=event), MarketplaceProfileFactory(event=event)
    MeetingRequestFactory(from_profile=bob, to_profile=alice)
    client.force_login(alice.user)
    client.post(_url("profile", event, pk=bob.pk), {"message": "Hi"})
    client.force_login(bob.user)
    response = client.post(_url("profile", event, pk=alice.pk), {"message": "Again"})
    assert response.status_code == 200
    assert "already asked" in response.content.decode()


def test_nobody_sees_another_participants_requests(client, event):
    request = MeetingRequestFactory(
        from_profile=MarketplaceProfileFactory(event=event), message="Secret plan"
    )
    carol = MarketplaceProfileFactory(event=event)
    client.force_login(carol.user)
    assert "Secret plan" not in client.get(_url("requests", event)).content.decode()
    assert (
        client.post(_url("answer", event, pk=request.pk), {"answer": "decline"}).status_code == 403
    )
    request.refresh_from_db()
    assert request.status == MeetingRequest.Status.PENDING


def test_filters_narrow_the_marketplace(client, event):
    ecosystem = EcosystemFactory()
    alice = MarketplaceProfileFactory(event=event, offers="Batteries")
    alice.ecosystems.add(ecosystem)
    bob = MarketplaceProfileFactory(event=event, offers="Tourism", seeks="Hotels")
    MarketplaceProfileFactory()  # another event's participant never shows
    client.force_login(bob.user)
    page = client.get(_url("marketplace", event), {"ecosystem": ecosystem.key}).content.decode()
    assert alice.display_name in page and bob.display_name not in page
    page = client.get(_url("marketplace", event), {"q": "hotel"}).content.decode()
    assert bob.display_name in page and alice.display_name not in page


def test_availability_page_saves_unticked_slots(client, event, mm_settings):
    profile = MarketplaceProfileFactory(event=event)
    slot_ids = [s.id for s in services.slots(mm_settings)]
    client.force_login(profile.user)
    assert client.get(_url("availability", event)).status_code == 200
    client.post(_url("availability", event), {"available": slot_ids[1:]})
    profile.refresh_from_db()
    assert profile.availability.unavailable == [slot_ids[0]]


def _make_profiles(event, count):
    profiles = [MarketplaceProfileFactory(event=event) for _ in range(count)]
    for profile in profiles:
        profile.ecosystems.add(EcosystemFactory())
    return profiles


@pytest.mark.parametrize("count", [1, 3])
def test_marketplace_query_count(client, event, django_assert_num_queries, count):
    profiles = _make_profiles(event, count)
    client.force_login(profiles[0].user)
    with django_assert_num_queries(12):
        response = client.get(_url("marketplace", event))
    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 3])
def test_requests_query_count(client, event, django_assert_num_queries, count):
    me = MarketplaceProfileFactory(event=event)
    for _ in range(count):
        MeetingRequestFactory(from_profile=me)
        MeetingRequestFactory(from_profile=MarketplaceProfileFactory(event=event), to_profile=me)
    client.force_login(me.user)
    with django_assert_num_queries(9):
        response = client.get(_url("requests", event))
    assert response.status_code == 200


def test_schedule_unpublished_only_for_organisers_then_published(
    client, event, cohost, django_capture_on_commit_callbacks
):
    alice, bob = MarketplaceProfileFactory(event=event), MarketplaceProfileFactory(event=event)
    MeetingRequestFactory(from_profile=alice, to_profile=bob, status="accepted")
    client.force_login(cohost)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(_url("schedule", event), {"action": "run"}).status_code == 302
    version = ScheduleVersion.objects.get(event=event)
    page = client.get(_url("schedule", event)).content.decode()
    assert "Meetings placed" in page and alice.display_name in page
    client.force_login(alice.user)
    assert bob.display_name not in client.get(_url("meetings", event)).content.decode()
    assert client.get(_url("schedule", event)).status_code == 403
    client.force_login(cohost)
    mail.outbox.clear()
    client.post(_url("schedule", event), {"action": "publish", "version": version.pk})
    assert len(mail.outbox) == 2
    client.force_login(alice.user)
    page = client.get(_url("meetings", event)).content.decode()
    assert bob.display_name in page and bob.organisation.get_absolute_url() in page


# Scheduling runs on the schedule page ------------------------------------------------------


def _run(event, **values):
    values = {"status": SchedulingRun.Status.RUNNING, **values}
    return SchedulingRun.objects.create(event=event, **values)


def test_the_page_shows_the_progress_of_a_running_run(client, event, cohost):
    run = _run(event, phase=SchedulingRun.Phase.SOLVE, progress=47)
    client.force_login(cohost)
    page = client.get(_url("schedule", event)).content.decode()
    assert '<progress id="run-progress-bar" max="100" value="47">' in page
    assert '<label for="run-progress-bar">' in page
    assert 'aria-live="polite"' in page and "Placing meetings: about 40% done." in page
    assert _url("run-status", event, pk=run.pk) in page
    assert "matchmaking/run-progress" in page and "<script>" not in page
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in page
    assert "Run the scheduler" not in page


def test_the_page_shows_the_summary_of_a_finished_run(client, event, cohost):
    alice, bob = MarketplaceProfileFactory(event=event), MarketplaceProfileFactory(event=event)
    version = ScheduleVersion.objects.create(
        event=event,
        stats={
            "requested": 2,
            "placed": 1,
            "weight": 3,
            "max_weight": 4,
            "bound": 3,
            "unplaced": [{"with": [alice.display_name, bob.display_name], "reason": "tables_full"}],
        },
    )
    _run(event, status=SchedulingRun.Status.DONE, progress=100, version=version)
    client.force_login(cohost)
    page = client.get(_url("schedule", event)).content.decode()
    assert "<progress" not in page and "http-equiv" not in page
    assert "Meetings placed" in page and "1 / 2" in page and "Proven upper bound" in page
    assert f"{alice.display_name} – {bob.display_name}: all tables are taken" in page
    assert "Run the scheduler" in page


def test_the_page_shows_why_a_run_failed(client, event, cohost):
    _run(event, status=SchedulingRun.Status.FAILED, error="engine_error", error_detail="Boom()")
    client.force_login(cohost)
    page = client.get(_url("schedule", event)).content.decode()
    assert "The last run of the scheduler failed" in page
    assert "internal error" in page and "Boom" not in page
    assert "Run the scheduler" in page


def test_a_second_run_while_one_is_running_is_refused_with_a_message(client, event, cohost):
    _run(event)
    client.force_login(cohost)
    response = client.post(_url("schedule", event), {"action": "run"}, follow=True)
    assert response.status_code == 200
    assert "already running" in response.content.decode()
    assert SchedulingRun.objects.count() == 1


def test_running_queues_the_job_after_commit(client, event, cohost, monkeypatch):
    from modus.matchmaking import tasks

    queued = []
    monkeypatch.setattr(tasks.run_schedule_task, "delay", queued.append)
    client.force_login(cohost)
    client.post(_url("schedule", event), {"action": "run"})
    run = SchedulingRun.objects.get()
    assert queued == []  # not before the run is committed
    assert (run.status, run.requested_by) == ("queued", cohost)


def test_a_run_the_engine_breaks_shows_the_failure_not_a_500(
    client, event, cohost, monkeypatch, django_capture_on_commit_callbacks
):
    import modus.scheduling

    def broken(instance, **kwargs):
        raise ValueError("bug")

    monkeypatch.setattr(modus.scheduling, "solve", broken)
    client.force_login(cohost)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("schedule", event), {"action": "run"})
    page = client.get(_url("schedule", event)).content.decode()
    assert SchedulingRun.objects.get().status == "failed"
    assert "The last run of the scheduler failed" in page


def test_run_status_is_for_this_events_organisers_only(client, event, cohost):
    run = _run(event, phase=SchedulingRun.Phase.SOLVE, progress=30)
    url = _url("run-status", event, pk=run.pk)
    response = client.get(url)
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    participant = MarketplaceProfileFactory(event=event)
    client.force_login(participant.user)
    assert client.get(url).status_code == 403
    other = MatchmakingSettingsFactory().event
    other_cohost = MembershipFactory(
        organisation=EventOrganiserFactory(event=other).organisation
    ).user
    client.force_login(other_cohost)
    assert client.get(url).status_code == 403
    assert client.get(_url("run-status", other, pk=run.pk)).status_code == 404
    client.force_login(cohost)
    response = client.get(url)
    assert response.status_code == 200 and "no-cache" in response["Cache-Control"]
    data = response.json()
    assert data["status"] == "running" and data["active"] is True
    assert (data["phase"], data["progress"], data["version"]) == ("solve", 30, None)
    assert data["text"] == "Placing meetings: about 30% done."
    assert client.post(url).status_code == 405


def test_run_status_of_a_failed_run_says_why(client, event, cohost):
    run = _run(event, status=SchedulingRun.Status.FAILED, error="queue_unavailable")
    client.force_login(cohost)
    data = client.get(_url("run-status", event, pk=run.pk)).json()
    assert data["active"] is False and data["error"] == "queue_unavailable"
    assert "queue could not be reached" in data["error_message"]


def test_run_status_query_count(client, event, cohost, django_assert_num_queries):
    run = _run(event)
    client.force_login(cohost)
    with django_assert_num_queries(5):  # session, user, event, co-host check, run
        assert client.get(_url("run-status", event, pk=run.pk)).status_code == 200
