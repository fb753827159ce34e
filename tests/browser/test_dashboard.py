"""Issue 11 §2 in the browser: a participant's home after login, and the event pages that know
she is registered, in English, Czech and Polish, each checked with axe at desktop and phone size.

Alicja is registered for Cluster Days Ostrava, where she has a B2B meeting today, one in three
days and one from yesterday whose outcome she has not recorded; she waits, second in line, for a
place at the full Vaasa edition.
"""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from modus.events.models import Registration
from tests.factories import (
    EventFactory,
    MarketplaceProfileFactory,
    MatchmakingSettingsFactory,
    RegistrationFactory,
)
from tests.matchmaking.support import make_version

from .conftest import log_in

WORDS = {
    "en": {
        "title": "My Modus",
        "status": "Registered",
        "next": "Next",
        "waiting": "You are number 2 on the waiting list.",
        "outcomes": "Outcomes still to record",
        "registered": "You are registered",
        "register": "Register",
    },
    "cs": {
        "title": "Můj Modus",
        "status": "Registrováno",
        "next": "Další",
        "waiting": "Na čekací listině jste 2. v pořadí.",
        "outcomes": "Výsledky, které zbývá zapsat",
        "registered": "Jste registrováni",
        "register": "Registrovat se",
    },
    "pl": {
        "title": "Mój Modus",
        "status": "Zarejestrowano",  # a status, not "Data rejestracji" (the date of registering)
        "next": "Następne",  # the meetings that come next, not "Następna" (the next page)
        "waiting": "Jesteś 2. na liście oczekujących.",
        "outcomes": "Wyniki do zapisania",
        "registered": "Jesteś zarejestrowany(-a)",
        "register": "Zarejestruj się",
    },
}


@pytest.fixture
def alicja(transactional_db):
    event = MatchmakingSettingsFactory(
        event__name="Cluster Days Ostrava", event__registration_open=True
    ).event
    me = MarketplaceProfileFactory(event=event, user__full_name="Alicja Łukasiewicz")
    others = [
        MarketplaceProfileFactory(event=event, user__full_name=name)
        for name in ("Bořivoj Dvořák", "Zofia Żółkiewska", "Łukasz Wiśniewski")
    ]
    version = make_version(event, [(me, other) for other in others])
    now = timezone.now()
    for meeting, start in zip(
        version.meetings.order_by("pk"),
        (now + dt.timedelta(minutes=5), now + dt.timedelta(days=3), now - dt.timedelta(days=1)),
        strict=True,
    ):
        meeting.starts_at, meeting.ends_at = start, start + dt.timedelta(minutes=30)
        meeting.save()
    vaasa = EventFactory(name="Vaasa edition", capacity=1, registration_open=True)
    RegistrationFactory(event=vaasa)
    RegistrationFactory(event=vaasa, status=Registration.Status.WAITLISTED)
    RegistrationFactory(event=vaasa, user=me.user, status=Registration.Status.WAITLISTED)
    return me.user, event, vaasa


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "cs", "pl"])
def test_a_participants_home_and_the_event_pages_that_know_her(ui, alicja, language):
    user, event, vaasa = alicja
    words = WORDS[language]
    ui.page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": ui.base_url}]
    )
    page = log_in(ui, user, "/me/")
    ui.page.context.add_cookies(  # logging in clears the cookies
        [{"name": "django_language", "value": language, "url": ui.base_url}]
    )
    page = ui.goto("/me/")
    expect(page.locator("h1")).to_have_text(words["title"])
    registrations = page.locator("section[aria-labelledby=registrations-heading]")
    expect(registrations.get_by_role("link", name="Cluster Days Ostrava")).to_be_visible()
    expect(registrations.locator("img.dashboard-qr")).to_have_count(1)
    expect(registrations.locator(".badge").first).to_have_text(words["status"])
    expect(registrations).to_contain_text(words["waiting"])
    expect(registrations.locator("a[href*='/registrations/cancel/']")).to_have_count(2)
    meetings = page.locator("section[aria-labelledby=meetings-heading]")
    expect(meetings).to_contain_text("Bořivoj Dvořák")  # today
    expect(meetings.get_by_role("heading", name=words["next"], exact=True)).to_be_visible()
    expect(meetings).to_contain_text("Zofia Żółkiewska")  # next
    outcomes = page.locator("section[aria-labelledby=outcomes-heading]")
    expect(outcomes).to_contain_text(words["outcomes"])
    expect(outcomes).to_contain_text("Łukasz Wiśniewski")
    ui.check(f"{language}-dashboard")

    for shown, says in ((event, words["registered"]), (vaasa, words["waiting"])):
        page = ui.goto(shown.get_absolute_url())
        main = page.locator("main")
        expect(main).to_contain_text(says)
        expect(main.get_by_role("link", name=words["register"], exact=True)).to_have_count(0)
        ui.check(f"{language}-event-{shown.slug}")
