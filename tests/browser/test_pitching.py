"""Acceptance 2 of the calls issue, in the browser: a pitching session from the call to the
published results.

Hana co-hosts the Ostrava Cluster Days. She attaches a call for pitches to the pitching session
of the agenda. Tomasz, of a hydrogen start-up, applies with a summary and his deck. Hana selects
his pitch and puts it first in the running order, which then shows under the session in the
public agenda. On the day Jan, on the jury, scores on his phone; Marta, a registered participant,
votes once (a second try from another browser with her account does not count); Hana publishes
the results, which show the jury ranking and the audience favourite.
"""

import datetime as dt
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from playwright.sync_api import expect

from modus.events.models import Session
from modus.selection import services
from modus.selection.models import Application, AudienceVote, Call, Review
from tests.browser.conftest import TIMEOUT_MS, BrowserSession, log_in, success
from tests.factories import (
    ONE_PAGE_PDF,
    EventFactory,
    EventOrganiserFactory,
    MembershipFactory,
    OrganisationFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)

PHONE = {"width": 390, "height": 844}
PITCH = "H2 drones for mountain rescue"
OTHER_PITCH = "Smart grids for heat pumps"
SUMMARY = "Hydrogen fuel cells give rescue drones two hours in the air."
PDF = ONE_PAGE_PDF


@pytest.fixture
def people(transactional_db, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    event = EventFactory(
        name="Cluster Days Ostrava",
        slug="cluster-days-ostrava",
        time_zone="Europe/Prague",
        starts_on=timezone.localdate() + dt.timedelta(days=30),
    )
    session = SessionFactory(
        event=event,
        kind=Session.Kind.PITCHING,
        title="Start-up pitches",
        slug="start-up-pitches",
    )
    hosts = OrganisationFactory(name="Moravskoslezský inovační klastr")
    EventOrganiserFactory(event=event, organisation=hosts)
    cohost = UserFactory(full_name="Hana Hostová", email="hana@example.org")
    MembershipFactory(user=cohost, organisation=hosts)
    founder = UserFactory(full_name="Tomasz Zieliński", email="tomasz@example.org")
    startup = OrganisationFactory(name="SkyCell Hydrogen", kind="company", country_code="PL")
    MembershipFactory(user=founder, organisation=startup, role="admin")
    jury = UserFactory(full_name="Jan Porotce", email="jan@example.org")
    voter = UserFactory(full_name="Marta Voter", email="marta@example.org")
    RegistrationFactory(event=event, user=voter)
    return {
        "event": event,
        "session": session,
        "cohost": cohost,
        "founder": founder,
        "startup": startup,
        "jury": jury,
        "voter": voter,
    }


def other_selected_pitch(call, cohost):
    """A second pitch, already selected, so that there is an order to change."""
    user = UserFactory(email="greta@example.org")
    organisation = OrganisationFactory(name="Heat Grid Labs", kind="company")
    MembershipFactory(user=user, organisation=organisation)
    application = services.start_application(
        call, organisation=organisation, actor=user, title=OTHER_PITCH
    )
    services.save_draft(application, actor=user, summary="Heat pumps that listen to the grid.")
    services.attach_document(
        application,
        requirement=call.documents.get(),
        upload=SimpleUploadedFile("deck.pdf", PDF, content_type="application/pdf"),
        actor=user,
    )
    services.submit_application(application, actor=user)
    services.accept_application(application, actor=cohost)
    return application


@pytest.fixture
def phone(browser, axe, live_server, request):
    """A second browser: a phone (390 × 844, mobile), for the jury member."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    session = BrowserSession(
        context.new_page(), live_server.url, request.node.name + "-phone-browser", axe
    )
    yield session
    context.close()


def phone_check(session: BrowserSession, step: str):
    session.check(step)
    session.page.set_viewport_size(PHONE)


@pytest.mark.browser
def test_a_pitching_session_from_the_call_to_the_results(ui, phone, browser, people, tmp_path):
    event, session = people["event"], people["session"]
    cohost, founder, jury, voter = (
        people["cohost"],
        people["founder"],
        people["jury"],
        people["voter"],
    )

    # --- The co-host attaches a call for pitches to the pitching session. ---------------------
    session_edit = f"/events/{event.slug}/manage/sessions/{session.pk}/"
    page = log_in(ui, cohost, session_edit)
    ui.check("session-edit")
    page.locator("main").get_by_role("link", name="Create a call for pitches").click()
    expect(page.locator("main")).to_contain_text("Europe/Prague")
    page.get_by_label("text of the call").fill("Start-ups in hydrogen and energy: 5 minutes each.")
    page.get_by_role("checkbox", name="Company").check()
    page.get_by_label("pitch length (minutes)").fill("5")
    page.get_by_label("places").fill("6")
    ui.check("pitch-call-new")
    page.get_by_role("button", name="Create the call for pitches").click()
    success(page, "The call for pitches is open")
    call = Call.objects.get(session=session)
    assert call.status == Call.Status.OPEN and call.pitch_minutes == 5 and call.places == 6
    assert [c.title for c in call.criteria.all()][:2] == ["Innovation", "Market potential"]
    # A new cut-off is offered in the event's time zone; reviewers' days are not asked.
    expect(
        page.locator("#cut-offs").get_by_role("combobox", name=re.compile("time zone", re.I))
    ).to_have_value("Europe/Prague")
    expect(page.get_by_label("days for reviews after a cut-off")).to_have_count(0)
    ui.check("pitch-call-manage")
    other = other_selected_pitch(call, cohost)

    # --- A company member applies with a summary and a PDF deck. -------------------------------
    page = log_in(ui, founder, "/calls/")
    expect(page.locator("main")).to_contain_text(call.title)
    ui.check("calls")
    page.locator("main").get_by_role("link", name=call.title).click()
    expect(page.locator("main")).to_contain_text("Start-up pitches")
    ui.check("pitch-call-detail")
    page.get_by_role("button", name="Start an application").click()
    application = Application.objects.get(call=call, organisation=people["startup"])
    page.get_by_label("Title").fill(PITCH)
    page.get_by_label("Summary").fill(SUMMARY)
    deck = tmp_path / "skycell-deck.pdf"
    deck.write_bytes(PDF)
    page.get_by_label("Pitch deck").set_input_files(str(deck))
    ui.check("pitch-application-edit")
    page.get_by_role("button", name="Save the draft").click()
    success(page, "Your draft is saved")
    expect(page.locator("main")).to_contain_text("skycell-deck.pdf")
    page.get_by_role("button", name="Submit the application").click()
    success(page, "Your application is submitted")
    ui.check("pitch-application-submitted")

    # --- The co-host selects it and puts it first. --------------------------------------------
    page = log_in(ui, cohost, f"/calls/{call.slug}/applications/")
    ui.check("pitch-applications")
    page.locator("main table").get_by_role("link", name=PITCH).click()
    ui.check("pitch-application-cohost")
    page.get_by_role("button", name="Accept the application").click()
    success(page, "The application was accepted")
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED
    assert application.running_order == 2
    page.get_by_role("link", name="Back to the ranking").click()
    expect(page.locator("main ol").first).to_contain_text(PITCH)
    ui.check("pitch-applications-selected")
    page.get_by_role("link", name="Change the running order").click()
    rows = page.locator("main table tbody tr")
    expect(rows.nth(0)).to_contain_text(OTHER_PITCH)
    expect(rows.nth(1)).to_contain_text(PITCH)
    ui.check("running-order-selected")
    page.get_by_role("button", name=f"Move “{PITCH}” up", exact=True).click()
    success(page, "The running order is saved")
    expect(rows.nth(0)).to_contain_text(PITCH)
    expect(rows.nth(0)).to_contain_text("SkyCell Hydrogen")
    # The jury is chosen on the call's set-up page.
    page.get_by_role("link", name="Add or remove jury members").click()
    page.get_by_label("jury member's e-mail address").fill(jury.email)
    page.get_by_role("button", name="Add to the jury").click()
    success(page, "Jan Porotce joined the jury")
    ui.check("pitch-call-jury")
    page.get_by_role("navigation", name="Manage the call").get_by_role(
        "link", name="Running order & voting"
    ).click()
    expect(page.locator("main")).to_contain_text("Jan Porotce")
    page.get_by_role("button", name="Prepare jury score sheets").click()
    success(page, "Score sheets prepared: 2 new")
    page.get_by_role("button", name="Open voting").click()
    success(page, "Audience voting is open")
    ui.check("running-order-ready")
    application.refresh_from_db()
    other.refresh_from_db()
    assert (application.running_order, other.running_order) == (1, 2)

    # --- The public session page and the event's agenda show the running order. --------------
    page.context.clear_cookies()
    ui.goto(f"/events/{event.slug}/sessions/{session.slug}/")
    order = page.locator("main section.running-order")
    expect(order.locator("li").nth(0)).to_contain_text(f"{PITCH} — SkyCell Hydrogen")
    expect(order.locator("li").nth(1)).to_contain_text(f"{OTHER_PITCH} — Heat Grid Labs")
    expect(order).to_contain_text("5 minutes")
    ui.check("session-public")
    ui.goto(event.get_absolute_url())
    agenda_order = page.locator("main section.running-order")
    expect(agenda_order.locator("li").nth(0)).to_contain_text("SkyCell Hydrogen")
    ui.check("event-agenda-public")

    # --- A jury member scores on a phone. ------------------------------------------------------
    page_phone = log_in(phone, jury, f"/calls/{call.slug}/jury/")
    sheets = page_phone.locator("main li.jury-sheet")
    expect(sheets).to_have_count(2)
    expect(sheets.nth(0)).to_contain_text(PITCH)
    phone_check(phone, "jury")
    for sheet, values in ((sheets.nth(0), "5544"), (sheets.nth(1), "3322")):
        for fieldset, value in zip(
            sheet.locator("fieldset.score-choices").all(), values, strict=True
        ):
            fieldset.get_by_role("radio", name=value, exact=True).check()
        sheet.get_by_role("button", name=re.compile("Submit scores for")).click()
        success(page_phone, "are submitted")
    expect(sheets.nth(0)).to_contain_text("Submitted – final")
    expect(sheets.nth(1)).to_contain_text("Submitted – final")
    assert page_phone.viewport_size == PHONE
    phone_check(phone, "jury-submitted")
    assert (
        Review.objects.filter(reviewer=jury, stage="live", submitted_at__isnull=False).count() == 2
    )
    assert not phone.unchecked_pages()

    # --- A registered participant votes once; a second browser with her account cannot. -------
    second = BrowserSession(
        browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-GB").new_page(),
        ui.base_url,
        ui.test_name + "-second-browser",
        ui.axe,
    )
    second.page.context.set_default_timeout(TIMEOUT_MS)
    try:
        log_in(second, voter, f"/calls/{call.slug}/vote/")
        expect(second.page.get_by_role("button", name="Vote")).to_be_visible()

        page = log_in(ui, voter, f"/events/{event.slug}/sessions/{session.slug}/")
        page.locator("main").get_by_role("link", name="Vote for your favourite pitch").click()
        page.get_by_role("radio", name=re.compile(OTHER_PITCH)).check()
        ui.check("vote")
        page.get_by_role("button", name="Vote").click()
        # One confirmation: the page's own, no flash message repeating it.
        expect(page.locator("main .message-success")).to_contain_text(
            f"You voted for “{OTHER_PITCH}”"
        )
        expect(page.locator("ul.messages")).to_have_count(0)
        ui.check("voted")
        page.reload()
        expect(page.locator("main")).to_contain_text(f"You voted for “{OTHER_PITCH}”")
        expect(page.get_by_role("button", name="Vote")).to_have_count(0)

        # The form still open in the other browser: choosing another pitch changes nothing.
        second.page.get_by_role("radio", name=re.compile(PITCH)).check()
        second.page.get_by_role("button", name="Vote").click()
        expect(second.page.locator("ul.messages .message-info")).to_contain_text(
            f"You have already voted for “{OTHER_PITCH}”. Each person votes once."
        )
        second.check("vote-again-second-browser")
        assert not second.unchecked_pages()
    finally:
        second.page.context.close()
    votes = AudienceVote.objects.filter(call=call)
    assert votes.count() == 1 and votes.get().application_id == other.pk

    # --- The co-host publishes the results. ----------------------------------------------------
    page = log_in(ui, cohost, f"/calls/{call.slug}/running-order/")
    page.get_by_role("button", name="Close voting").click()
    success(page, "Audience voting is closed")
    page.get_by_role("button", name="Publish the results").click()
    expect(page.get_by_role("heading", level=1, name="Publish the results?")).to_be_visible()
    ui.check("publish-results-confirmation")
    page.get_by_role("button", name="Yes, publish the results").click()
    success(page, "The results are published")
    ui.check("running-order-published")

    # --- Everyone sees the jury ranking and the audience favourite. ---------------------------
    page.context.clear_cookies()
    ui.goto(f"/events/{event.slug}/sessions/{session.slug}/")
    page.locator("main").get_by_role("link", name=re.compile("Results")).click()
    expect(page).to_have_url(re.compile(f"/calls/{call.slug}/results/$"))
    favourite = page.locator("main .audience-favourite")
    expect(favourite).to_contain_text(OTHER_PITCH)
    expect(favourite).to_contain_text("Heat Grid Labs")
    ranking = page.locator("main section").filter(
        has=page.get_by_role("heading", name="Jury ranking")
    )
    first = ranking.locator("tbody tr").nth(0)
    expect(first).to_contain_text(PITCH)
    expect(first).to_contain_text("SkyCell Hydrogen")
    expect(ranking.locator("tbody tr").nth(1)).to_contain_text(OTHER_PITCH)
    ui.check("results-public")
