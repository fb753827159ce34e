"""The participant's and the organiser's main matchmaking pages in English, Czech and Polish, each
checked with axe at desktop and phone size (``ui.check``): the marketplace in pages with its
badges in their colours, a profile with and (after the deadline) without the request form, the
requests, the availability grid with the days named in the language and its warning, the
meetings and the agenda; the schedule grid with names and organisations, a draft's preview
before publishing over the published schedule, the outcomes.
"""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from modus.matchmaking import services
from modus.matchmaking.models import MatchmakingSettings, MeetingRequest
from tests.factories import (
    EventOrganiserFactory,
    MarketplaceProfileFactory,
    MatchmakingSettingsFactory,
    MeetingRequestFactory,
    MembershipFactory,
    VenueFactory,
)

from .conftest import log_in

WORDS = {  # words each page must show in its language (so the page is really translated)
    "en": {
        "marketplace": "Request sent",
        "schedule": "Reschedule",
        "unticked": "You have unticked slots that hold a meeting",
        "closed": "Meeting requests closed on",
        "send": "Send the request",
        "cancelled": "Cancelled",
    },
    "cs": {
        "marketplace": "Žádost odeslána",
        "schedule": "Přeplánovat",
        "unticked": "Odškrtli jste časové bloky, ve kterých máte schůzku",
        "closed": "Žádosti o schůzky se uzavřely",
        "send": "Odeslat žádost",
        "cancelled": "Zrušeno",
    },
    "pl": {
        "marketplace": "Prośba wysłana",
        "schedule": "Zaplanuj ponownie",
        "unticked": "Odznaczono przedziały, w których masz spotkanie",
        "closed": "Przyjmowanie próśb o spotkania zakończyło się",
        "send": "Wyślij prośbę",
        "cancelled": "Odwołane",
    },
}
WEEKDAYS = {  # Monday first, as date.weekday() counts
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "cs": ["pondělí", "úterý", "středa", "čtvrtek", "pátek", "sobota", "neděle"],
    "pl": ["poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"],
}
STATUSES = ("pending", "declined", "booked", "asked")  # request sent, declined, booked, asks me


@pytest.fixture
def market(transactional_db):
    """24 participants with requests of every kind, a published schedule and a draft over it."""
    mm_settings = MatchmakingSettingsFactory(event__name="Cluster Days Ostrava", tables=4)
    event = mm_settings.event
    event.venue = VenueFactory(name="Clarion Congress Hotel", city="Ostrava")
    event.save()
    organiser = MembershipFactory(
        organisation=EventOrganiserFactory(event=event).organisation,
        user__full_name="Olga Organiser",
    ).user
    me = MarketplaceProfileFactory(
        event=event, user__full_name="Alicja Łukasiewicz", organisation__name="Śląski Klaster"
    )
    others = [
        MarketplaceProfileFactory(event=event, user__full_name=f"Uczestnik {n:02d} Dvořák")
        for n in range(23)
    ]
    MeetingRequestFactory(from_profile=me, to_profile=others[0])
    MeetingRequestFactory(from_profile=me, to_profile=others[1], status="declined")
    for k, other in enumerate(others[2:8]):
        MeetingRequestFactory(from_profile=other, to_profile=me if k < 2 else others[k + 10])
        MeetingRequest.objects.filter(from_profile=other).update(status="accepted")
    MeetingRequestFactory(from_profile=others[9], to_profile=me)  # waits for her answer
    first = services.run_schedule(event, actor=organiser, time_limit=1)
    services.publish(first, actor=organiser)
    MeetingRequestFactory(from_profile=others[20], to_profile=others[21], status="accepted")
    draft = services.run_schedule(event, actor=organiser, time_limit=1, seed=5)
    return event, me, organiser, others, draft


def _language(ui, language):
    ui.page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": ui.base_url}]
    )


def _badge_colours(page) -> dict[str, str]:
    """The background colour of each status badge on the page, by status."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll("main .badge")].flatMap(
            (badge) => [...badge.classList].filter((name) => name.startsWith("badge-")).map(
                (name) => [name.slice(6), getComputedStyle(badge).backgroundColor])))"""
    )


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "cs", "pl"])
def test_the_participants_and_organisers_pages(ui, market, language):
    event, me, organiser, others, draft = market
    base = f"/matchmaking/{event.slug}"
    words = WORDS[language]

    log_in(ui, me.user, f"{base}/")
    _language(ui, language)
    page = ui.goto(f"{base}/")
    expect(page.locator("main")).to_contain_text(words["marketplace"])
    expect(page.locator("main .mm-pages")).to_be_visible()
    ui.check(f"{language}-marketplace")
    colours = _badge_colours(page)
    ui.goto(f"{base}/?page=2")
    ui.check(f"{language}-marketplace-page-2")
    colours |= _badge_colours(page)
    # Request sent, declined, meeting booked, asks me: each shown, each in its own colour.
    assert set(STATUSES) <= set(colours), colours
    assert len({colours[status] for status in STATUSES}) == len(STATUSES), colours
    ui.goto(f"{base}/profiles/{others[0].pk}/")
    ui.check(f"{language}-profile")
    page = ui.goto(f"{base}/profiles/{others[5].pk}/")  # nothing between us yet: the form
    expect(page.get_by_role("button", name=words["send"])).to_be_visible()
    for name in ("requests", "meetings", "agenda"):
        ui.goto(f"{base}/{name}/")
        ui.check(f"{language}-{name}")

    # Availability: the days named in the language; unticking a meeting's slot warns first.
    page = ui.goto(f"{base}/availability/")
    weekday = WEEKDAYS[language][event.starts_on.weekday()]
    expect(page.locator("main table.mm-availability thead")).to_contain_text(weekday)
    ui.check(f"{language}-availability")
    booked = page.locator("main table.mm-availability td", has=page.locator(".mm-has-meeting"))
    booked.first.get_by_role("checkbox").uncheck()
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("alert")).to_contain_text(words["unticked"])
    ui.check(f"{language}-availability-warning")

    # After the deadline a profile offers no request form, and says so.
    MatchmakingSettings.objects.filter(event=event).update(
        request_deadline=timezone.now() - dt.timedelta(hours=1)
    )
    page = ui.goto(f"{base}/profiles/{others[5].pk}/")
    expect(page.locator("main")).to_contain_text(words["closed"])
    expect(page.get_by_role("button", name=words["send"])).to_have_count(0)
    ui.check(f"{language}-profile-after-deadline")

    log_in(ui, organiser, f"{base}/schedule/")
    _language(ui, language)
    page = ui.goto(f"{base}/schedule/")
    expect(page.locator("main")).to_contain_text(words["schedule"])
    grid = page.locator("main table.mm-grid").first
    expect(grid).to_be_visible()
    expect(grid).to_contain_text(me.display_name)
    expect(grid).to_contain_text(me.organisation.name)  # the names with their organisations
    ui.check(f"{language}-schedule")
    page = ui.goto(f"{base}/schedule/versions/{draft.pk}/publish/")
    expect(page.locator("main dl.mm-figures")).to_contain_text(words["cancelled"])
    ui.check(f"{language}-preview")
    for name in ("outcomes", "setup"):
        ui.goto(f"{base}/{name}/")
        ui.check(f"{language}-{name}")
