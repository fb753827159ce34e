"""Acceptance 3 of the matchmaking issue, in the browser, as two participants and an organiser.

Bořivoj and Alicja are registered for an event whose organiser switched matchmaking on. Both opt
in to the marketplace; Alicja asks Bořivoj for a meeting and says when she cannot meet; he
accepts; the organiser runs the scheduler and publishes; Alicja finds the meeting on her
personal agenda, next to a session she marked, and downloads it as .ics and as PDF.
"""

import re

import icalendar
import pytest
from playwright.sync_api import expect

from modus.events.models import AgendaMark
from modus.matchmaking.models import (
    Availability,
    MeetingRequest,
    ScheduleVersion,
    SchedulingRun,
)
from tests.factories import (
    PASSWORD,
    EventOrganiserFactory,
    MatchmakingSettingsFactory,
    MembershipFactory,
    OrganisationFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)


@pytest.fixture
def people(transactional_db, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mm_settings = MatchmakingSettingsFactory(event__name="Cluster Days Ostrava")
    event = mm_settings.event
    alicja = UserFactory(full_name="Alicja Łukasiewicz", email="alicja@example.org")
    borivoj = UserFactory(full_name="Bořivoj Dvořák", email="borivoj@example.org")
    for user, name in ((alicja, "Śląski Klaster Wodorowy"), (borivoj, "Moravský letecký klastr")):
        RegistrationFactory(event=event, user=user, organisation=OrganisationFactory(name=name))
    organiser = MembershipFactory(
        organisation=EventOrganiserFactory(event=event).organisation,
        user__full_name="Olga Organiser",
    ).user
    session = SessionFactory(event=event, title="Hydrogen valleys keynote")
    AgendaMark.objects.create(user=alicja, session=session)
    return {"event": event, "alicja": alicja, "borivoj": borivoj, "organiser": organiser}


def log_in(ui, user, event):
    """Log in through the form (always the same URL, so it is checked once)."""
    ui.page.context.clear_cookies()
    page = ui.goto(f"/accounts/login/?next=/matchmaking/{event.slug}/")
    if page.url.split("#")[0] not in ui.checked:
        ui.check("login")
    page.get_by_label("E-mail").first.fill(user.email)
    page.locator("input[type=password]").first.fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(f"/matchmaking/{event.slug}/$"))
    return page


def opt_in(ui, page, offers, seeks):
    page.get_by_role("navigation", name="Matchmaking").get_by_role(
        "link", name="My profile"
    ).click()
    page.get_by_label("What I offer").fill(offers)
    page.get_by_label("What I seek").fill(seeks)
    if page.url.split("#")[0] not in ui.checked:
        ui.check("my-profile")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".message-success")).to_be_visible()


@pytest.mark.browser
def test_participants_meet_and_find_the_meeting_on_their_agenda(ui, people):
    event, alicja, borivoj = people["event"], people["alicja"], people["borivoj"]

    # Bořivoj opts in.
    page = log_in(ui, borivoj, event)
    ui.check("marketplace-empty")
    opt_in(ui, page, "Test flights for drones.", "Hydrogen fuel cells for aircraft.")

    # Alicja opts in, finds him in the marketplace and asks for a meeting.
    page = log_in(ui, alicja, event)
    opt_in(ui, page, "Hydrogen storage pilot line.", "Partners from aviation.")
    expect(page.locator("main")).to_contain_text("Bořivoj Dvořák")
    ui.check("marketplace")
    page.locator("main").get_by_role("link", name="Bořivoj Dvořák").first.click()
    page.get_by_label("Message").fill("Shall we talk about fuel cells for drones?")
    ui.check("profile")
    page.get_by_role("button", name="Send the request").click()
    expect(page.locator("main")).to_contain_text("Pending")
    ui.check("requests-sent")

    # She cannot meet in the first slot.
    page.get_by_role("navigation", name="Matchmaking").get_by_role(
        "link", name="My availability"
    ).click()
    first_slot = page.locator("main input[type=checkbox]").first
    expect(first_slot).to_be_checked()
    first_slot.uncheck()
    ui.check("availability")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".message-success")).to_be_visible()
    unavailable = Availability.objects.get(profile__user=alicja).unavailable
    assert len(unavailable) == 1

    # Bořivoj accepts.
    page = log_in(ui, borivoj, event)
    page.get_by_role("navigation", name="Matchmaking").get_by_role(
        "link", name="My requests"
    ).click()
    ui.check("requests-received")
    page.get_by_role("button", name="Accept Alicja Łukasiewicz").click()
    expect(page.locator("main")).to_contain_text("Accepted")
    assert MeetingRequest.objects.get().status == MeetingRequest.Status.ACCEPTED

    # The organiser goes from the event page to the schedule, runs the scheduler, publishes.
    page = log_in(ui, people["organiser"], event)
    ui.goto(event.get_absolute_url())
    ui.check("event-page-organiser")
    page.locator("main").get_by_role("link", name="Matchmaking").click()
    page.get_by_role("button", name="Run the scheduler").click()
    # Without a broker the run is done within the request: the summary, no progress bar.
    expect(page.locator("main")).to_contain_text("1 of 1 requested")
    expect(page.locator("main")).to_contain_text("Meetings placed")
    expect(page.locator("main progress")).to_have_count(0)
    assert SchedulingRun.objects.get(event=event).status == SchedulingRun.Status.DONE
    ui.check("schedule-draft")
    page.get_by_role("button", name=re.compile("Publish")).click()
    expect(page.locator(".message-success")).to_be_visible()
    ui.check("schedule-published")
    version = ScheduleVersion.objects.get(event=event)
    assert version.status == ScheduleVersion.Status.PUBLISHED
    meeting = version.meetings.get()
    assert meeting.slot_id not in unavailable

    # Alicja sees her agenda: the session she marked and the meeting, with its table.
    page = log_in(ui, alicja, event)
    page.get_by_role("navigation", name="Matchmaking").get_by_role("link", name="My agenda").click()
    main = page.locator("main")
    expect(main).to_contain_text("Meeting with Bořivoj Dvořák")
    expect(main).to_contain_text(f"Table {meeting.table}")
    expect(main).to_contain_text("Hydrogen valleys keynote")
    expect(main.get_by_role("link", name="Moravský letecký klastr")).to_be_visible()
    ui.check("agenda")

    ics_link = page.get_by_role("link", name=re.compile(r"\.ics"))
    ics = page.request.get(ui.url(ics_link.get_attribute("href")))
    assert ics.ok and ics.headers["content-type"].startswith("text/calendar")
    summaries = sorted(
        str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(ics.body()).walk("VEVENT")
    )
    assert summaries == ["Hydrogen valleys keynote", "Meeting with Bořivoj Dvořák"]

    pdf_link = page.get_by_role("link", name=re.compile("PDF"))
    pdf = page.request.get(ui.url(pdf_link.get_attribute("href")))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")


@pytest.mark.browser
def test_the_schedule_page_follows_a_run_in_the_background(ui, people):
    """With a broker the run goes on after the page is sent: our script polls its status, moves
    the bar and shows the summary when the worker has finished."""
    event, organiser = people["event"], people["organiser"]
    run = SchedulingRun.objects.create(
        event=event,
        requested_by=organiser,
        status=SchedulingRun.Status.RUNNING,
        phase=SchedulingRun.Phase.SOLVE,
        progress=20,
    )
    log_in(ui, organiser, event)
    ui.check("marketplace-organiser")
    page = ui.goto(f"/matchmaking/{event.slug}/schedule/")
    bar = page.get_by_label("Progress of the scheduler")
    expect(bar).to_have_attribute("value", "20")
    expect(page.locator("[aria-live=polite]")).to_contain_text("Placing meetings")
    expect(page.get_by_role("button", name="Run the scheduler")).to_have_count(0)
    ui.check("schedule-running")

    SchedulingRun.objects.filter(pk=run.pk).update(progress=64, phase=SchedulingRun.Phase.SAVING)
    expect(bar).to_have_attribute("value", "64")
    expect(page.locator("[aria-live=polite]")).to_contain_text("Saving the draft: about 60%")

    version = ScheduleVersion.objects.create(
        event=event, stats={"requested": 0, "placed": 0, "weight": 0, "max_weight": 0}
    )
    SchedulingRun.objects.filter(pk=run.pk).update(
        status=SchedulingRun.Status.DONE, progress=100, version=version
    )
    expect(page.locator("main")).to_contain_text("Meetings placed")
    expect(page.locator("main progress")).to_have_count(0)
    expect(page.get_by_role("button", name="Run the scheduler")).to_be_visible()
    ui.check("schedule-after-background-run")
