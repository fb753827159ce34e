"""Acceptance of issue 11 §1 in the browser: publishing loses nothing.

The organiser publishes a schedule; Alicja records the outcome of her meeting; she then tells
the platform she cannot meet in that slot after all (the page warns her first); the organiser
runs the scheduler from scratch, which moves the meeting, reviews what changes and confirms;
the outcome is still there, on the same meeting, and the outcomes page still counts it.
"""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from modus.matchmaking.models import Meeting, MeetingOutcome, ScheduleVersion
from tests.factories import (
    EventOrganiserFactory,
    MarketplaceProfileFactory,
    MatchmakingSettingsFactory,
    MeetingRequestFactory,
    MembershipFactory,
)

from .conftest import log_in, success


@pytest.fixture
def held(transactional_db, settings):
    """Yesterday's event: Alicja and Bořivoj agreed to meet; Olga organises."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    event = MatchmakingSettingsFactory(
        event__starts_on=yesterday, event__name="Cluster Days Katowice"
    ).event
    alicja = MarketplaceProfileFactory(event=event, user__full_name="Alicja Łukasiewicz")
    borivoj = MarketplaceProfileFactory(event=event, user__full_name="Bořivoj Dvořák")
    MeetingRequestFactory(from_profile=alicja, to_profile=borivoj, status="accepted")
    organiser = MembershipFactory(
        organisation=EventOrganiserFactory(event=event).organisation,
        user__full_name="Olga Organiser",
    ).user
    return event, alicja, borivoj, organiser


def _outcome_row(page):
    return page.locator("main tr", has_text="Letter of intent")


@pytest.mark.browser
def test_an_outcome_survives_a_confirmed_rerun(ui, held):
    event, alicja, borivoj, organiser = held
    schedule = f"/matchmaking/{event.slug}/schedule/"

    # The organiser runs the scheduler and publishes.
    page = log_in(ui, organiser, schedule)
    page.get_by_role("button", name="Run the scheduler").click()
    # Without a broker the run is over at once: the page shows what it really did, step by step.
    steps = page.locator("section[aria-labelledby=run-steps-heading]")
    for phase in ("Collecting requests and availability", "Placing meetings", "Saving the draft"):
        expect(steps).to_contain_text(re.compile(rf"{phase}: done in [0-9.]+ s"))
    expect(steps).to_contain_text(re.compile(r"In all: [0-9.]+ s\."))
    ui.check("run-steps")
    page.get_by_role("button", name="Publish and e-mail participants").click()
    success(page, "The schedule is published")
    meeting = Meeting.objects.get()
    first_slot = meeting.slot_id

    # Alicja records what came of the meeting.
    page = log_in(ui, alicja.user, "/me/agenda/")
    page.get_by_label("Outcome of this meeting").select_option(label="Letter of intent")
    ui.check("agenda-outcome")
    page.get_by_role("button", name="Save outcome").click()
    success(page, "The outcome was saved.")

    # She then says she cannot meet in that slot: the page warns her before saving.
    page.locator("main").get_by_role("link", name="My availability").click()
    expect(page.locator("main")).to_contain_text("Meeting with Bořivoj Dvořák")
    page.locator(f"input[value='{first_slot}']").uncheck()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("You have unticked slots that hold a meeting")
    ui.check("availability-warning")
    page.get_by_role("button", name="Save anyway").click()
    success(page, "Your availability was saved.")

    # The organiser sees the outcome, then runs the scheduler from scratch.
    page = log_in(ui, organiser, f"/matchmaking/{event.slug}/outcomes/")
    expect(_outcome_row(page)).to_contain_text("1")
    ui.check("outcomes-before")
    page = ui.goto(schedule)
    expect(page.get_by_role("button", name="Reschedule")).to_be_visible()
    ui.check("published")
    page.get_by_text("Run the scheduler from scratch instead").click()
    page.get_by_role("button", name="Run the scheduler from scratch").click()
    expect(page.locator("main")).to_contain_text("0 kept in place, 1 moved, 0 added, 0 cancelled")
    ui.check("rerun-draft")

    # The preview lists the move with its outcome; going back changes nothing.
    page.get_by_role("link", name="Review the changes and publish").click()
    moved = page.locator("main table", has_text="Letter of intent")
    expect(moved).to_contain_text("Alicja Łukasiewicz – Bořivoj Dvořák")
    expect(page.locator("main")).to_contain_text("People affected")
    ui.check("preview")
    page.get_by_role("link", name="Back without publishing").click()
    ui.check("not-published")
    draft = ScheduleVersion.objects.get(status=ScheduleVersion.Status.DRAFT)
    assert Meeting.objects.get(pk=meeting.pk).slot_id == first_slot

    # Confirmed: published; the outcome stays with the same meeting, now in its new slot.
    mail.outbox.clear()
    page.get_by_role("link", name="Review the changes and publish").click()
    page.get_by_role("button", name=re.compile("Confirm, publish and e-mail 2 people")).click()
    success(page, "The new schedule is published")
    ui.check("rerun-published")
    moved = Meeting.objects.get(pk=meeting.pk)
    assert (moved.version_id, moved.status) == (draft.pk, Meeting.Status.SCHEDULED)
    assert moved.slot_id != first_slot
    assert MeetingOutcome.objects.get().meeting_id == meeting.pk
    assert sorted(m.to[0] for m in mail.outbox) == sorted([alicja.user.email, borivoj.user.email])
    assert all("Moved: your meeting with" in m.body for m in mail.outbox)
    page.get_by_role("navigation", name="Matchmaking for organisers").get_by_role(
        "link", name="Outcomes"
    ).click()
    expect(_outcome_row(page)).to_contain_text("1")
    ui.check("outcomes-after")
