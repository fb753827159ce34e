"""The participant's and the organiser's main matchmaking pages in English, Czech and Polish, each
checked with axe at desktop and phone size (``ui.check``): the marketplace in pages with its
badges, a profile, the requests, the availability grid, the meetings and the agenda; the
schedule grid, a draft's preview before publishing over the published schedule, the outcomes.
"""

import pytest
from playwright.sync_api import expect

from modus.matchmaking import services
from modus.matchmaking.models import MeetingRequest
from tests.factories import (
    EventOrganiserFactory,
    MarketplaceProfileFactory,
    MatchmakingSettingsFactory,
    MeetingRequestFactory,
    MembershipFactory,
    VenueFactory,
)

from .conftest import log_in

WORDS = {  # one word each page must show in its language (so the page is really translated)
    "en": {"marketplace": "Request sent", "schedule": "Reschedule"},
    "cs": {"marketplace": "Žádost odeslána", "schedule": "Přeplánovat"},
    "pl": {"marketplace": "Prośba wysłana", "schedule": "Zaplanuj ponownie"},
}


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
    ui.goto(f"{base}/?page=2")
    ui.check(f"{language}-marketplace-page-2")
    ui.goto(f"{base}/profiles/{others[0].pk}/")
    ui.check(f"{language}-profile")
    for name in ("requests", "availability", "meetings", "agenda"):
        ui.goto(f"{base}/{name}/")
        ui.check(f"{language}-{name}")

    log_in(ui, organiser, f"{base}/schedule/")
    _language(ui, language)
    page = ui.goto(f"{base}/schedule/")
    expect(page.locator("main")).to_contain_text(words["schedule"])
    expect(page.locator("main table.mm-grid").first).to_be_visible()
    ui.check(f"{language}-schedule")
    page = ui.goto(f"{base}/schedule/versions/{draft.pk}/publish/")
    ui.check(f"{language}-preview")
    for name in ("outcomes", "setup"):
        ui.goto(f"{base}/{name}/")
        ui.check(f"{language}-{name}")
