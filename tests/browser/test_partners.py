"""Acceptance 1 of the partners issue, in the browser, on a phone and on a desktop.

Alicja posts an offer into the event's marketplace; Bořivoj, who seeks what she offers, finds
her among the people he should meet, with the reason, and expresses interest; that is a meeting
request, which Alicja accepts; the organiser's figures count it as coming from a suggestion.
"""

import pytest
from playwright.sync_api import expect

from modus.matchmaking.models import MeetingRequest
from modus.partners.models import Interest, Opportunity
from modus.partners.services import ensure_builtin_kinds
from tests.factories import (
    EventOrganiserFactory,
    MarketplaceProfileFactory,
    MatchmakingSettingsFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

from .conftest import VIEWPORTS, log_in, success


@pytest.fixture
def people(transactional_db, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    ensure_builtin_kinds()  # a data migration's rows; an earlier browser test flushed them
    event = MatchmakingSettingsFactory(event__name="Cluster Days Katowice").event
    alicja = UserFactory(full_name="Alicja Łukasiewicz", email="alicja@example.org")
    borivoj = UserFactory(full_name="Bořivoj Dvořák", email="borivoj@example.org")
    hydrogen = OrganisationFactory(name="Śląski Klaster Wodorowy", country_code="PL")
    aviation = OrganisationFactory(name="Moravský letecký klastr", country_code="CZ")
    MembershipFactory(user=alicja, organisation=hydrogen)
    MembershipFactory(user=borivoj, organisation=aviation)
    MarketplaceProfileFactory(
        event=event,
        user=alicja,
        organisation=hydrogen,
        offers="A hydrogen valley with pilot lines.",
        seeks="Aviation partners for a Horizon Europe call.",
    )
    MarketplaceProfileFactory(
        event=event,
        user=borivoj,
        organisation=aviation,
        offers="Test flights for drones and small aircraft.",
        seeks="A lab that tests hydrogen tanks for our drones.",
    )
    MarketplaceProfileFactory(
        event=event, offers="Bakery ovens.", seeks="Flour mills.", user__full_name="Piotr Piekarz"
    )
    organiser = MembershipFactory(
        organisation=EventOrganiserFactory(event=event).organisation,
        user__full_name="Olga Organiser",
    ).user
    return {"event": event, "alicja": alicja, "borivoj": borivoj, "organiser": organiser}


@pytest.mark.browser
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_an_offer_is_suggested_with_its_reason_and_the_request_counts(ui, people, viewport):
    event, alicja, borivoj = people["event"], people["alicja"], people["borivoj"]
    marketplace = f"/matchmaking/{event.slug}/"

    def check(step):
        ui.check(step)
        ui.page.set_viewport_size(VIEWPORTS[viewport])

    ui.page.set_viewport_size(VIEWPORTS[viewport])

    # 1. Alicja posts an offer into the event's marketplace.
    page = log_in(ui, alicja, marketplace)
    ui.page.set_viewport_size(VIEWPORTS[viewport])
    check("marketplace-alicja")
    page.locator("main").get_by_role("link", name="Cooperation opportunities of this event").click()
    check("opportunities")
    page.locator("main").get_by_role("link", name="Post an opportunity").click()
    page.get_by_label("Organisation").select_option(label="Śląski Klaster Wodorowy")
    page.get_by_label("Kind").select_option(label="Offer")
    page.locator("#id_title").fill("Hydrogen tank testing")
    page.locator("#id_description").fill(
        "Our accredited lab tests hydrogen tanks up to 700 bar, for vehicles and drones."
    )
    check("post-form")
    page.locator("main form").get_by_role("button", name="Post").click()
    success(page, "Your opportunity is published.")
    check("opportunity")
    opportunity = Opportunity.objects.get(title="Hydrogen tank testing")
    assert opportunity.event == event and opportunity.status == Opportunity.Status.PUBLISHED

    # 2. Bořivoj sees it suggested, with its reason, and expresses interest.
    page = log_in(ui, borivoj, marketplace)
    ui.page.set_viewport_size(VIEWPORTS[viewport])
    suggested = page.locator("section.suggested")
    expect(suggested).to_contain_text("Alicja Łukasiewicz")
    expect(suggested).to_contain_text("offers “Hydrogen tank testing”, which you request")
    check("suggested")
    suggested.get_by_role("link", name="Express interest in “Hydrogen tank testing”").click()
    page.get_by_label("Message").fill("Could you test the tanks of our drones?")
    check("express-interest")
    page.locator("main form").get_by_role("button", name="Express interest").click()
    success(page, "Your meeting request was sent.")
    check("requests-sent")
    request = MeetingRequest.objects.get()
    assert Interest.objects.get().meeting_request == request

    # 3. Alicja accepts the meeting request.
    page = log_in(ui, alicja, f"/matchmaking/{event.slug}/requests/")
    ui.page.set_viewport_size(VIEWPORTS[viewport])
    expect(page.locator("main")).to_contain_text("Could you test the tanks of our drones?")
    check("requests-received")
    page.get_by_role("button", name="Accept Bořivoj Dvořák").click()
    expect(page.locator("main")).to_contain_text("Accepted")
    request.refresh_from_db()
    assert request.status == MeetingRequest.Status.ACCEPTED

    # 4. The organiser's figures count it as coming from a suggestion.
    page = log_in(ui, people["organiser"], f"/matchmaking/{event.slug}/schedule/")
    ui.page.set_viewport_size(VIEWPORTS[viewport])
    expect(page.locator("main")).to_contain_text("1 of 1 meeting requests followed a suggestion.")
    check("organiser-figures")
