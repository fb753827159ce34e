"""Content in several languages, in a browser: a Polish visitor reads the Katowice agenda, a
session and the report in Polish; a Czech visitor reads the seed's article in Czech; a German
visitor gets the English original with a "not available in German" note."""

import pytest
from playwright.sync_api import expect

from modus.demo import event_agenda, translations_data
from modus.demo.news_data import KATOWICE_ARTICLE_SLUG
from modus.demo.programme_data import KATOWICE_SLUG
from modus.partners.models import Opportunity
from modus.partners.services import ensure_builtin_kinds
from tests.factories import MembershipFactory, OrganisationFactory

from .conftest import TIMEOUT_MS, VIEWPORTS, BrowserSession, log_in

REPORT_URL = f"/news/{KATOWICE_ARTICLE_SLUG}/"
EVENT_URL = f"/events/{KATOWICE_SLUG}/"


@pytest.fixture
def translated_demo(demo):
    event_agenda.load(log=lambda line: None)
    translations_data.load(log=lambda line: None)


@pytest.fixture
def visitor(browser, axe, live_server, request):
    """A visitor whose browser asks for ``locale`` (its Accept-Language)."""
    sessions, contexts = [], []

    def open_as(locale: str) -> BrowserSession:
        context = browser.new_context(viewport=VIEWPORTS["desktop"], locale=locale)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        session = BrowserSession(
            context.new_page(), live_server.url, f"{request.node.name}-{locale}", axe
        )
        sessions.append(session)
        return session

    yield open_as
    for context in contexts:
        context.close()
    if not getattr(request.node, "rep_call_failed", True):
        unchecked = [url for session in sessions for url in session.unchecked_pages()]
        assert not unchecked, f"pages visited but never checked with ui.check(): {unchecked}"


@pytest.mark.browser
def test_visitors_read_in_their_own_language(visitor, translated_demo):
    # A Polish visitor: the agenda, a session and the report, all in Polish.
    polish = visitor("pl-PL")
    page = polish.goto(EVENT_URL)
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    expect(page.get_by_role("heading", level=1)).to_have_attribute("lang", "pl")
    agenda = page.locator("main")
    expect(agenda.get_by_role("link", name="Sesja pitchingowa")).to_be_visible()
    expect(agenda).to_contain_text("Otwarcie: polityka klastrowa UE i edycja katowicka")
    expect(agenda).not_to_contain_text("Opening: EU cluster policy")
    expect(page.locator(".translation-note")).to_have_count(0)
    polish.check("polish-agenda")

    agenda.get_by_role("link", name="Sesja pitchingowa").click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Sesja pitchingowa")
    expect(heading).to_have_attribute("lang", "pl")
    expect(page.locator("main")).to_contain_text("Uczestnicy przedstawiają sali swoje projekty")
    polish.check("polish-session")

    page = polish.goto(EVENT_URL)
    page.get_by_role("link", name=translations_data.REPORT_POLISH["title"]).click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(translations_data.REPORT_POLISH["title"])
    expect(page.locator("main")).to_contain_text("Dwa wydarzenia pod jednym dachem")
    expect(page.locator(".translation-note")).to_have_count(0)
    polish.check("polish-report")

    # A Czech visitor reads the seed's article in Czech.
    czech = visitor("cs-CZ")
    page = czech.goto(REPORT_URL)
    expect(page.locator("html")).to_have_attribute("lang", "cs")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(translations_data.REPORT_CZECH["title"])
    expect(page.locator("main")).to_contain_text("Dvě akce pod jednou střechou")
    expect(page.locator(".translation-note")).to_have_count(0)
    czech.check("czech-article")

    # A German visitor: the English original, and a note that says so.
    german = visitor("de-DE")
    page = german.goto(REPORT_URL)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("We went to Katowice to attend the Clusters Meet Regions")
    note = page.get_by_role("note")
    expect(note).to_have_text("Not available in German; available in English, shown here.")
    others = page.locator(".translation-others")
    expect(others.get_by_role("link", name="česky")).to_have_attribute("hreflang", "cs")
    expect(others.get_by_role("link", name="polski")).to_have_attribute("hreflang", "pl")
    german.check("german-article")

    # The note's links lead to another language of the same article.
    others.get_by_role("link", name="polski").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        translations_data.REPORT_POLISH["title"]
    )
    german.check("german-reads-polish")


@pytest.mark.browser
def test_a_member_writes_an_opportunity_in_two_languages_with_tabs(ui, transactional_db):
    ensure_builtin_kinds()
    membership = MembershipFactory(organisation=OrganisationFactory(name="Silesia Aero"))
    page = log_in(ui, membership.user, "/partners/new/")
    polish_title = page.get_by_label("Title (Polish)")
    expect(polish_title).to_be_hidden()  # only the original's tab shows at first
    page.get_by_label("Organisation").select_option(label="Silesia Aero")
    page.get_by_label("Kind").select_option(label="Offer")
    page.locator("#id_title").fill("Drone test range")
    page.locator("#id_description").fill("A test range for drones.")
    page.get_by_role("link", name="Polish").click()  # a link to its tab: no script needed
    expect(polish_title).to_be_visible()
    expect(page.locator("#id_title")).to_be_hidden()
    ui.check("opportunity-polish-tab")
    polish_title.fill("Poligon dla dronów")
    page.get_by_label("Description (Polish)").fill("Poligon testowy dla dronów.")
    page.get_by_role("button", name="Post").click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Drone test range")
    ui.check("opportunity-posted")

    opportunity = Opportunity.objects.get()
    assert opportunity.translations["pl"]["title"] == "Poligon dla dronów"
    page = ui.goto(f"{opportunity.get_absolute_url()}?lang=pl")
    expect(page.get_by_role("heading", level=1)).to_have_text("Poligon dla dronów")
    ui.check("opportunity-in-polish")
