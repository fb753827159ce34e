"""The organisers' pages: setup, the schedule and its runs, moves, rescheduling."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

import modus.scheduling
from modus.matchmaking import dates, selectors, services, tasks
from modus.matchmaking.models import (
    Meeting,
    ScheduleVersion,
    SchedulingRun,
)
from tests.factories import (
    EventOrganiserFactory,
    MarketplaceProfileFactory,
    MatchmakingSettingsFactory,
    MeetingRequestFactory,
    MembershipFactory,
    UserFactory,
)

from .support import accepted, meeting_of, slot_ids

pytestmark = pytest.mark.django_db


def _url(name, event, **kwargs):
    return reverse(f"matchmaking:{name}", kwargs={"slug": event.slug, **kwargs})


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
    mm = selectors.settings_for(event)
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
    page = client.get(_url("schedule", event)).content.decode()
    assert "History" in page
    assert "Scheduling run started" in page and "Meeting schedule published" in page
    assert "1 meeting · moved 0 · added 1 · cancelled 0" in page
    czech = client.get(_url("schedule", event), headers={"accept-language": "cs"}).content
    assert "1 schůzka · přesunuto 0 · přidáno 1 · zrušeno 0" in czech.decode()  # not English
    published = timezone.localtime(version.published_at, event.zone)
    with translation.override("cs"):
        assert f"Rozpis byl zveřejněn {dates.when(published)};" in czech.decode()
    client.force_login(alice.user)
    page = client.get(_url("meetings", event)).content.decode()
    assert bob.display_name in page and bob.organisation.get_absolute_url() in page


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
    assert "Meetings placed" in page and "1 of 2 requested" in page
    assert "Weight" not in page and "bound" not in page
    assert "No schedule places more of the requested meetings." in page
    assert (
        f"{alice.display_name} – {bob.display_name}: every table is taken in the slots both "
        "sides are free" in page
    )
    assert "Run the scheduler" in page


def test_a_run_that_finishes_at_once_shows_its_real_steps_and_the_grid(
    client, event, cohost, django_capture_on_commit_callbacks
):
    """Without a broker the run is over before the page comes back: the page then shows the steps
    it really went through, each with its time, and the grid names both sides with their
    organisations."""
    alice = MarketplaceProfileFactory(event=event, organisation__name="Śląski Klaster")
    bob = MarketplaceProfileFactory(event=event, organisation__name="Moravský klastr")
    MeetingRequestFactory(from_profile=alice, to_profile=bob, status="accepted")
    client.force_login(cohost)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("schedule", event), {"action": "run"})
    page = client.get(_url("schedule", event)).content.decode()
    run = SchedulingRun.objects.get()
    assert run.status == "done"
    assert "<progress" not in page and "The last run" in page
    for step in run.steps[:-1]:
        label = SchedulingRun.Phase(step["phase"]).label
        assert f"<li>{label}: done in " in page
    assert "In all: " in page
    grid = page.split('<table class="mm-grid">')[1].split("</table>")[0]
    for person in (alice, bob):
        assert f'{person.display_name} <span class="meta">{person.organisation.name}</span>' in grid
    czech = client.get(_url("schedule", event), headers={"accept-language": "cs"}).content
    assert "Poslední běh" in czech.decode() and "hotovo za" in czech.decode()


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
    assert response.json() == {  # the API's problem document
        "type": "about:blank",
        "title": "Forbidden",
        "status": 403,
        "code": "not_cohost",
        "detail": "Only the organisers of this event may see its runs.",
    }
    participant = MarketplaceProfileFactory(event=event)
    client.force_login(participant.user)
    assert client.get(url).status_code == 403
    other = MatchmakingSettingsFactory().event
    other_cohost = MembershipFactory(
        organisation=EventOrganiserFactory(event=other).organisation
    ).user
    client.force_login(other_cohost)
    assert client.get(url).status_code == 403
    missing = client.get(_url("run-status", other, pk=run.pk))
    assert missing.status_code == 404 and missing["Content-Type"] == "application/problem+json"
    assert (missing.json()["code"], missing.json()["detail"]) == ("not_found", "No such run.")
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


def test_move_page_shows_errors_next_to_the_field(client, event, cohost, mm_settings, two_pairs):
    alice, bob, carol, dan = two_pairs
    accepted(alice, carol)
    version = services.run_schedule(event, actor=cohost, time_limit=1)
    ab = meeting_of(version, bob)
    ac = version.meetings.filter(participants=alice).filter(participants=carol).get()
    url = reverse("matchmaking:move-meeting", kwargs={"slug": event.slug, "pk": ab.pk})
    client.force_login(cohost)
    assert client.get(url).status_code == 200
    response = client.post(url, {"slot": ac.slot_id, "pinned": "on"})
    assert response.status_code == 200
    assert response.context["form"].has_error("slot", "participant_busy")
    free = next(
        s
        for s in slot_ids(mm_settings)
        if not version.meetings.filter(slot_id=s, participants__in=[alice, bob]).exists()
    )
    response = client.post(url, {"slot": free, "pinned": "on"})
    assert response.status_code == 302
    ab.refresh_from_db()
    assert ab.slot_id == free and ab.pinned
    schedule_page = client.get(reverse("matchmaking:schedule", kwargs={"slug": event.slug}))
    assert url in schedule_page.content.decode()


def test_move_page_is_for_organisers_only(client, event, cohost, two_pairs):
    alice = two_pairs[0]
    version = services.run_schedule(event, actor=cohost, time_limit=1)
    url = reverse(
        "matchmaking:move-meeting",
        kwargs={"slug": event.slug, "pk": meeting_of(version, alice).pk},
    )
    for user in (alice.user, UserFactory()):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.post(url, {"slot": "x"}).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302


def test_reschedule_page(client, event, cohost, mm_settings, two_pairs):
    url = reverse("matchmaking:reschedule", kwargs={"slug": event.slug})
    client.force_login(two_pairs[0].user)
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    client.force_login(cohost)
    assert client.get(url).status_code == 200
    response = client.post(url, follow=True)
    assert "There is no published schedule" in response.content.decode()
    services.publish(services.run_schedule(event, actor=cohost, time_limit=1), actor=cohost)
    response = client.post(url)
    assert response.status_code == 302
    latest = ScheduleVersion.objects.filter(event=event).order_by("-pk").first()
    assert latest.status == ScheduleVersion.Status.DRAFT
    assert (
        latest.stats["changes"]["kept"]
        == Meeting.objects.filter(version__status=ScheduleVersion.Status.PUBLISHED).count()
    )


def test_an_unplaced_request_names_both_sides_their_organisations_and_why(
    client, event, cohost, mm_settings, alice, bob
):
    """Alicja can meet only in the first slot, Bořivoj in every other: the run places nothing and
    the page says who could not meet and why, in the reader's language."""
    accepted(alice, bob)
    ids = slot_ids(mm_settings)
    services.set_availability(alice, actor=alice.user, unavailable=ids[1:])
    services.set_availability(bob, actor=bob.user, unavailable=ids[:1])
    services.run_schedule(event, actor=cohost, time_limit=1)
    client.force_login(cohost)
    page = client.get(_url("schedule", event)).content.decode()
    unplaced = page.split('<ul class="mm-unplaced">')[1].split("</ul>")[0]
    assert (
        "<strong>Alicja Łukasiewicz</strong> (Śląski Klaster) – "
        "<strong>Bořivoj Dvořák</strong> (Moravský klastr): no free slot suits both sides"
    ) in unplaced
    czech = client.get(_url("schedule", event), headers={"accept-language": "cs"}).content
    assert "(Moravský klastr): žádný volný časový blok nevyhovuje oběma stranám" in czech.decode()
