"""Acceptance 1 of the events issue, as a new visitor in the browser.

From the home page to the Katowice edition, its agenda and pitching session, its calendar file;
then sign up, register, get the confirmation mail, cancel through its link, and see the place go
to the next person on the waiting list.

The demo's Katowice edition was held in November 2022. So that people can still register, the
test moves it (and its whole agenda) into the future and opens registration with one place.
"""

import datetime as dt
import re

import icalendar
import pytest
from django.core import mail
from django.db.models import F
from django.utils import timezone
from playwright.sync_api import expect

from modus.demo import event_agenda
from modus.demo.programme_data import KATOWICE_SLUG
from modus.events import services
from modus.events.models import Event, Registration, Session
from tests.factories import (
    PASSWORD,
    EventFactory,
    EventOrganiserFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

NEW_USER = {"name": "Zofia Wiśniewska", "email": "zofia@example.org"}
CANCEL_LINK = re.compile(r"https?://\S+/events/registrations/cancel/[^/\s]+/")


@pytest.fixture
def katowice(demo, settings, live_server):
    """The demo's Katowice edition with its agenda, moved a year ahead, with one place left."""
    event_agenda.load(log=lambda *args, **kwargs: None)
    event = Event.objects.get(slug=KATOWICE_SLUG)
    shift = (timezone.localdate() + dt.timedelta(days=60)) - event.starts_on
    Session.objects.filter(event=event).update(
        starts_at=F("starts_at") + shift, ends_at=F("ends_at") + shift
    )
    Event.objects.filter(pk=event.pk).update(
        starts_on=event.starts_on + shift,
        ends_on=event.ends_on + shift,
        capacity=1,
        registration_open=True,
        agenda_version=F("agenda_version") + 1,
    )
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = live_server.url
    event.refresh_from_db()
    return event


@pytest.mark.browser
def test_new_user_finds_katowice_registers_cancels_and_the_place_moves_on(ui, katowice):
    page = ui.goto("/")
    ui.check("home")

    # Home → the programme → its Katowice edition.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Programmes").click()
    ui.check("programmes")
    page.locator("main a[href*='/programmes/']").first.click()
    ui.check("programme")
    page.locator(f"main a[href='{katowice.get_absolute_url()}']").first.click()
    expect(page).to_have_url(re.compile(re.escape(katowice.get_absolute_url()) + "$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Katowice")
    main = page.locator("main")
    expect(main).to_contain_text("Pitching")
    ui.check("event-agenda")

    # The calendar file of the event opens as iCalendar.
    ics_link = page.get_by_role("link", name=re.compile(r"\.ics|calendar", re.I)).first
    ics = page.request.get(ui.url(ics_link.get_attribute("href")))
    assert ics.ok
    assert ics.headers["content-type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(ics.body())
    summaries = [str(component["SUMMARY"]) for component in calendar.walk("VEVENT")]
    assert any("Katowice" in summary for summary in summaries), summaries

    # The pitching session's own page.
    pitching = Session.objects.get(event=katowice, kind=Session.Kind.PITCHING)
    main.locator(f"a[href='{pitching.get_absolute_url()}']").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(pitching.title)
    ui.check("pitching-session")

    # Back to the event; registering needs an account: sign up.
    ui.goto(katowice.get_absolute_url())
    page.locator("main").get_by_role("link", name="Register").first.click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    ui.check("login")
    ui.goto("/accounts/signup/")
    page.get_by_label("E-mail").first.fill(NEW_USER["email"])
    page.get_by_label(re.compile("name", re.I)).first.fill(NEW_USER["name"])
    for field in page.locator("input[type=password]").all():
        field.fill("a long and unusual passphrase 42")
    ui.check("signup")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".message-success")).to_be_visible()
    ui.check("signed-up")
    page.locator("main").get_by_role("link", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    ui.check("login-after-signup")
    page.get_by_label("E-mail").first.fill(NEW_USER["email"])
    page.locator("input[type=password]").fill("a long and unusual passphrase 42")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/me/"))
    ui.check("logged-in")

    # Register with a new organisation and one consent.
    ui.goto(katowice.get_absolute_url())
    page.locator("main").get_by_role("link", name="Register").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Register for")
    ui.check("register-form")
    page.get_by_label("Or add your organisation to the directory").fill("Silesian Drone Works")
    page.get_by_label("Your role").select_option("company")
    consent = page.get_by_label(re.compile("photos and recordings"))
    expect(consent).not_to_be_checked()
    consent.check()
    page.get_by_role("button", name="Register").click()
    expect(page.locator(".registration-status")).to_contain_text("Confirmed")
    qr = page.locator(".registration-qr img")
    expect(qr).to_be_visible()
    page.wait_for_function(
        "() => { const img = document.querySelector('.registration-qr img');"
        " return img && img.complete && img.naturalWidth > 0; }"
    )
    assert page.request.get(ui.url(qr.get_attribute("src"))).headers["content-type"] == (
        "image/svg+xml"
    )
    ui.check("registered")

    registration = Registration.objects.get(event=katowice, user__email=NEW_USER["email"])
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.organisation.name == "Silesian Drone Works"
    assert (registration.consent_attendee_list, registration.consent_media) == (False, True)
    welcome, *confirmation = [m for m in mail.outbox if m.to == [NEW_USER["email"]]]
    assert "account is ready" in welcome.subject
    assert len(confirmation) == 1 and "confirmed" in confirmation[0].subject
    assert services.check_in_code(registration) in confirmation[0].body

    # Someone else registers meanwhile and waits for a place.
    waiting_user = UserFactory(full_name="Tomas Waiting", email="tomas@example.org")
    waiting = services.register(
        event=katowice,
        user=waiting_user,
        organisation=OrganisationFactory(name="Ostrava Robotics"),
        participant_role=Registration.ParticipantRole.CLUSTER_MANAGER,
        consent_attendee_list=True,
        consent_media=True,
    )
    assert waiting.status == Registration.Status.WAITLISTED

    # Cancel through the link in the mail, logged out as if on another device.
    page.context.clear_cookies()
    cancel_url = CANCEL_LINK.search(confirmation[0].body).group(0)
    page.goto(cancel_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Cancel registration")
    ui.check("cancel-confirm")
    page.get_by_role("button", name="Yes, cancel my registration").click()
    expect(page.locator("main")).to_contain_text("Your registration is cancelled")
    ui.check("cancelled")

    # The place went to the next person on the waiting list, who was told.
    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    assert waiting.status == Registration.Status.CONFIRMED
    promotion = [m for m in mail.outbox if m.to == [waiting_user.email]]
    assert [m.subject for m in promotion][-1].startswith("A place at")

    # ... and sees it on their registration page.
    ui.goto(f"/accounts/login/?next=/events/{katowice.slug}/registration/")
    page.get_by_label("E-mail").first.fill(waiting_user.email)
    page.locator("input[type=password]").first.fill(PASSWORD)
    ui.check("login-waiting-person")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(f"/events/{katowice.slug}/registration/$"))
    expect(page.locator(".registration-status")).to_contain_text("Confirmed")
    ui.check("promoted")


@pytest.mark.browser
def test_organiser_sees_participants_and_checks_someone_in_on_a_phone(ui, transactional_db):

    event = EventFactory(name="Clusters meet Regions: Ostrava", registration_open=True)
    organiser = MembershipFactory(user__email="host@example.org").user
    EventOrganiserFactory(event=event, organisation=organiser.memberships.get().organisation)
    registration = services.register(
        event=event,
        user=UserFactory(full_name="Anna Nowak"),
        organisation=OrganisationFactory(name="Silesian Aviation Cluster"),
        participant_role=Registration.ParticipantRole.CLUSTER_MANAGER,
        consent_attendee_list=True,
        consent_media=False,
    )
    page = ui.goto(f"/accounts/login/?next=/events/{event.slug}/manage/participants/")
    page.get_by_label("E-mail").first.fill(organiser.email)
    page.locator("input[type=password]").first.fill(PASSWORD)
    ui.check("organiser-login")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile("/manage/participants/$"))
    expect(page.locator("main table")).to_contain_text("Anna Nowak")
    ui.check("participants")

    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("link", name="Check-in").click()
    page.get_by_label("Check-in code").fill(services.check_in_code(registration))
    page.get_by_role("button", name="Check in", exact=True).click()
    expect(page.locator(".check-in-result")).to_contain_text("Checked in")
    expect(page.locator(".check-in-result")).to_contain_text("Anna Nowak")
    ui.check("checked-in")
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
