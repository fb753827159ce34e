"""The demo can be tried today: its upcoming Wrocław edition, as a newcomer, a participant and a
juror, in English, Czech and Polish, at desktop and phone size."""

import re

import pytest
from playwright.sync_api import expect

from modus.demo import upcoming_edition
from modus.demo.loader import load_demo
from modus.demo.logins import DEMO_PASSWORD
from modus.events.models import Event, Registration
from tests.factories import UserFactory

from .conftest import log_in

WROCLAW = "Clusters meet Regions: Wrocław"
SHEETS = {"en": "2 sheets to fill in", "cs": "2 listy k vyplnění", "pl": "2 karty do wypełnienia"}


@pytest.fixture
def wroclaw(transactional_db):
    load_demo(organisations=0, log=lambda *args: None)
    return Event.objects.get(slug=upcoming_edition.SLUG)


def demo_log_in(ui, local_part, next_path):
    page = ui.page
    page.context.clear_cookies()
    set_language(ui, ui.language)
    ui.goto(f"/accounts/login/?next={next_path}")
    ui.check(f"{ui.language}-login-{local_part}")
    page.locator("main input[name=username]").fill(f"{local_part}@demo.modus.invalid")
    page.locator("main input[type=password]").fill(DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(next_path) + "$"))
    return page


def set_language(ui, language):
    ui.language = language
    ui.page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": ui.base_url}]
    )


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "cs", "pl"])
def test_the_upcoming_edition_can_be_tried_today(ui, wroclaw, language):
    set_language(ui, language)
    page = ui.goto("/")
    upcoming = page.locator("section[aria-labelledby=upcoming-heading]")
    expect(upcoming.get_by_role("link", name=WROCLAW)).to_be_visible()
    ui.check(f"{language}-home")

    # participant-001 has meeting requests to answer in the open marketplace
    page = demo_log_in(ui, "participant-001", f"/matchmaking/{wroclaw.slug}/requests/")
    expect(page.locator("main form button[type=submit]").first).to_be_visible()
    ui.check(f"{language}-requests")

    # jury-1 has two sheets to fill in for the Wrocław pitches
    page = demo_log_in(ui, "jury-1", "/me/")
    jury = page.locator("section[aria-labelledby=jury-heading]")
    expect(jury.get_by_role("link", name=re.compile("Wrocław"))).to_be_visible()
    expect(jury).to_contain_text(SHEETS[language])
    ui.check(f"{language}-jury-dashboard")
    jury.get_by_role("link", name=re.compile("Wrocław")).click()
    expect(page).to_have_url(re.compile(rf"/{upcoming_edition.PITCH_CALL_SLUG}/"))
    ui.check(f"{language}-jury-sheets")


@pytest.mark.browser
def test_a_newcomer_registers_for_the_upcoming_edition(ui, wroclaw):
    newcomer = UserFactory()
    page = log_in(ui, newcomer, wroclaw.get_absolute_url())
    ui.check("event")
    page.locator("main").get_by_role("link", name="Register").first.click()
    ui.check("register-form")
    page.get_by_label("Or add your organisation to the directory").fill("Odra Robotics")
    page.get_by_label("Your role").select_option("company")
    page.get_by_role("button", name="Register").click()
    expect(page.locator(".registration-status")).to_contain_text("Confirmed")
    ui.check("registered")
    registration = Registration.objects.get(event=wroclaw, user=newcomer)
    assert registration.status == Registration.Status.CONFIRMED
