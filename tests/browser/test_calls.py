"""Acceptance 1 of the calls issue, in the browser: the whole path of a call for expression of
interest, as the programme office, an applicant, a reviewer and the office again.

Olga runs the Clusters meet Regions office. She creates a call from the programme page, adds a
cut-off at 18:00 Warsaw time, two criteria, a question and the letter of support, and opens it.
Anna, admin of a Silesian cluster, finds the call under Calls, starts an application, first
attaches a program renamed to .pdf (refused next to the field, her summary kept), then the real
letter, and submits. Olga asks Radek to review; Radek scores each criterion with a comment and
submits. Olga sees the weighted mean in the ranking of the cut-off and accepts. Anna sees the
decision and opens the new draft event she co-hosts, with its region filled in and its dates to
set (the office opens it too).
"""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from playwright.sync_api import expect

from modus.directory.services import save_priority
from modus.events.models import Event, EventOrganiser
from modus.selection.models import Application, Call, Review
from tests.browser.conftest import log_in, squeeze, success
from tests.factories import (
    ONE_PAGE_PDF,
    EcosystemFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgrammeFactory,
    RegionFactory,
    UserFactory,
)

CALL_TITLE = "Host Clusters meet Regions 2027"
SUMMARY = "Silesia hosts the edition on the energy transition of coal regions."

# A minimal, well-formed PDF; and the first bytes of a Windows program.
PDF = ONE_PAGE_PDF
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00"


@pytest.fixture
def people(transactional_db, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    office = UserFactory(full_name="Olga Office", email="olga@example.org")
    programme = ProgrammeFactory(name="Clusters meet Regions", slug="cmr")
    programme.team.add(office)
    applicant = UserFactory(full_name="Anna Nowak", email="anna@example.org")
    cluster = OrganisationFactory(
        name="Śląski Klaster Energetyczny", kind="cluster", country_code="PL"
    )
    MembershipFactory(user=applicant, organisation=cluster, role="admin")
    reviewer = UserFactory(full_name="Radek Reviewer", email="radek@example.org")
    MembershipFactory(
        user=reviewer, organisation=OrganisationFactory(name="Moravian Aerospace Cluster")
    )
    region = RegionFactory(code="PL22", name="Śląskie", country_code="PL")
    moravia = RegionFactory(code="CZ08", name="Moravskoslezsko", country_code="CZ")
    energy = EcosystemFactory(key="energy", label="Energy-intensive industries")
    # Śląskie's priority, which a Moravian cluster matches (the reviewer sees it, with the reason).
    save_priority(region=region, title="Energy transition", ecosystems=[energy])
    OrganisationFactory(
        name="Ostrava Energy Cluster", kind="cluster", region=moravia
    ).ecosystems.add(energy)
    return {
        "office": office,
        "programme": programme,
        "applicant": applicant,
        "cluster": cluster,
        "reviewer": reviewer,
        "region": region,
    }


@pytest.mark.browser
def test_a_call_from_opening_to_the_accepted_draft_event(ui, people, tmp_path):
    office, applicant, reviewer = people["office"], people["applicant"], people["reviewer"]
    programme = people["programme"]

    # --- The office creates the call from the programme page. ---------------------------------
    page = log_in(ui, office, programme.get_absolute_url())
    ui.check("programme-office")
    page.locator("main").get_by_role("link", name="New call for expression of interest").click()
    page.get_by_label("title").first.fill(CALL_TITLE)
    page.get_by_label(re.compile(r"^text of the call$", re.I)).fill(
        "Regions propose to host an edition together with a cluster.\n\n"
        "Attach the letter of support of your regional authority."
    )
    page.get_by_role("checkbox", name="Cluster organisation").check()
    ui.check("call-new")
    page.get_by_role("button", name="Create the call").click()
    success(page, "The call was created as a draft")
    call = Call.objects.get(title=CALL_TITLE)
    expect(page).to_have_url(re.compile(f"/calls/{call.slug}/manage/$"))
    expect(
        page.locator("#cut-offs").get_by_role("combobox", name=re.compile("time zone", re.I))
    ).to_have_value("Europe/Brussels")
    ui.check("call-manage-draft")
    # The draft is within reach from the programme page, for the office.
    ui.goto(programme.get_absolute_url())
    page.locator("main").get_by_role("link", name=f"Set up “{CALL_TITLE}”").click()
    expect(page).to_have_url(re.compile(f"/calls/{call.slug}/manage/$"))

    # A cut-off at 18:00 in Warsaw, three weeks from now.
    deadline_day = dt.date.today() + dt.timedelta(days=21)
    cut_offs = page.locator("#cut-offs")
    cut_offs.get_by_label("date").fill(deadline_day.isoformat())
    page.locator("#id_cutoff-time").fill("18:00")
    cut_offs.get_by_role("combobox", name=re.compile("time zone", re.I)).select_option(
        "Europe/Warsaw"
    )
    cut_offs.get_by_label("label").fill("First cut-off")
    cut_offs.get_by_role("button", name="Add the cut-off").click()
    success(page, "The cut-off was added")
    cut_off = call.cut_offs.get()
    assert cut_off.time_zone == "Europe/Warsaw"
    local = cut_off.deadline.astimezone(ZoneInfo("Europe/Warsaw"))
    assert (local.date(), local.hour, local.minute) == (deadline_day, 18, 0)
    zone = local.tzname()  # CET or CEST
    expect(cut_offs.locator("table")).to_contain_text(f"18:00 {zone}")

    # Two criteria with weights, a question and the letter of support.
    criteria = page.locator("#criteria")
    for title, weight in (("Relevance for the programme", "2"), ("Capacity to host", "1")):
        page.locator("#id_criterion-title").fill(title)
        criteria.get_by_role("spinbutton", name=re.compile("weight", re.I)).fill(weight)
        criteria.get_by_role("button", name="Add the criterion").click()
        success(page, "The criterion was added")
    questions = page.locator("#questions")
    page.locator("#id_question-text").fill("Why should your region host?")
    questions.get_by_role("button", name="Add the question").click()
    success(page, "The question was added")
    documents = page.locator("#documents")
    page.locator("#id_document-title").fill("Letter of support from the regional authority")
    documents.get_by_role("button", name="Add the document").click()
    success(page, "The required document was added")
    ui.check("call-manage-set-up")
    page.get_by_role("button", name="Open the call").click()
    success(page, "The call is open")
    call.refresh_from_db()
    assert call.status == Call.Status.OPEN
    ui.check("call-manage-open")

    # --- The applicant finds the call from the Calls menu and applies. -------------------------
    page = log_in(ui, applicant, "/")
    ui.check("home-applicant")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Calls").click()
    expect(page.locator("main")).to_contain_text(CALL_TITLE)
    expect(page.locator("main")).to_contain_text(f"18:00 {zone}")
    ui.check("calls")
    page.locator("main").get_by_role("link", name=CALL_TITLE).click()
    # The next deadline and the way to apply come right below the title.
    summary = page.locator("main .call-summary")
    expect(summary).to_contain_text(f"Next deadline: {deadline_day.day}")
    summary.get_by_role("link", name="Apply", exact=True).click()
    expect(page).to_have_url(re.compile("#apply$"))
    expect(page.locator("#apply")).to_contain_text("You apply for Śląski Klaster Energetyczny")
    ui.check("call-detail")
    page.get_by_role("button", name="Start an application").click()
    application = Application.objects.get(call=call)
    expect(page).to_have_url(re.compile(f"/calls/applications/{application.pk}/edit/$"))
    ui.check("application-edit-empty")

    page.get_by_label("Title").fill("Katowice 2027: coal regions in transition")
    page.get_by_label("Summary").fill(SUMMARY)
    page.get_by_label("Proposed host region").select_option("PL22")
    page.get_by_label("Proposed first day").fill("2027-11-07")
    page.get_by_label("Proposed last day").fill("2027-11-08")
    page.get_by_label("Proposed venue").fill("International Congress Centre")
    page.get_by_label("City").fill("Katowice")
    page.get_by_role("checkbox", name="Energy-intensive industries").check()
    page.get_by_label("Why should your region host?").fill(
        "Twenty-two clusters, one congress centre."
    )

    # A program renamed to .pdf is refused next to its field; what she typed stays.
    fake = tmp_path / "letter-of-support.pdf"
    fake.write_bytes(EXE)
    letter_field = page.get_by_label("Letter of support from the regional authority")
    letter_field.set_input_files(str(fake))
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator("main [role=alert]")).to_contain_text("Some fields need your attention")
    file_row = page.locator(".form-row.field-error").filter(has=page.locator("input[type=file]"))
    expect(file_row).to_have_count(1)
    expect(file_row.locator(".errorlist")).to_contain_text(
        "“letter-of-support.pdf” is not a PDF document"
    )
    expect(page.get_by_label("Summary")).to_have_value(SUMMARY)
    expect(page.get_by_label("City")).to_have_value("Katowice")
    expect(page.get_by_label("Proposed host region")).to_have_value("PL22")
    assert not application.documents.exists()
    ui.check("application-edit-bad-upload")

    # The real letter.
    letter = tmp_path / "letter-of-support.pdf"
    letter.write_bytes(PDF)
    page.get_by_label("Letter of support from the regional authority").set_input_files(str(letter))
    page.get_by_role("button", name="Save the draft").click()
    success(page, "Your draft is saved")
    expect(page).to_have_url(re.compile(f"/calls/applications/{application.pk}/$"))
    expect(page.locator("main")).to_contain_text("Everything required is there.")
    expect(page.locator("main")).to_contain_text("letter-of-support.pdf")
    ui.check("application-draft-complete")
    page.get_by_role("button", name="Submit the application").click()
    success(page, "Your application is submitted for the cut-off")
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert application.cut_off == cut_off
    ui.check("application-submitted")

    # --- The office asks a reviewer. -----------------------------------------------------------
    page = log_in(ui, office, call.get_absolute_url())
    ui.check("call-detail-office")
    page.locator("main").get_by_role("link", name="Applications", exact=True).click()
    ui.check("applications-before-review")
    page.locator("main table").get_by_role("link", name=application.title).click()
    page.get_by_label("reviewer's e-mail address").fill(reviewer.email)
    page.get_by_role("button", name="Assign").click()
    success(page, "Radek Reviewer was asked to review this application")
    assert Review.objects.filter(application=application, reviewer=reviewer).exists()
    ui.check("application-office-reviewer-assigned")

    # --- The reviewer scores each criterion with a comment and submits. -----------------------
    page = log_in(ui, reviewer, "/accounts/profile/")
    ui.check("profile-reviewer")
    page.locator("main").get_by_role("link", name="My reviews").click()
    ui.check("my-reviews")
    page.locator("main").get_by_role("link", name=application.title).click()
    expect(page.locator("main")).to_contain_text(SUMMARY)
    expect(page.locator("main")).to_contain_text("Śląskie (PL22)")
    fit = page.locator("section", has=page.locator("#host-fit-heading"))
    expect(fit).to_contain_text("Ostrava Energy Cluster")
    expect(fit).to_contain_text("meets the priority “Energy transition” through")
    for criterion, score, comment in (
        ("Relevance for the programme", "4", "Strong fit with the energy transition."),
        ("Capacity to host", "3", "The congress centre is large enough; hotels are few."),
    ):
        page.get_by_label(f"score for “{criterion}”").select_option(score)
        page.get_by_label(f"comment on “{criterion}”").fill(comment)
    page.get_by_label("overall comment").fill("A convincing proposal.")
    ui.check("review-form")
    page.get_by_role("button", name="Submit", exact=True).click()
    success(page, "Your review was submitted")
    expect(page.locator("main")).to_contain_text("You submitted this review")
    ui.check("review-submitted")

    # --- The office ranks the cut-off and accepts. ---------------------------------------------
    page = log_in(ui, office, f"/calls/{call.slug}/applications/")
    page.get_by_label("Cut-off").select_option(str(cut_off.pk))
    expect(page.get_by_role("heading", name=re.compile("Ranking for the cut-off"))).to_be_visible()
    row = page.locator("main table tbody tr").filter(has_text=application.title)
    # (2 × 4 + 1 × 3) / 3 = 3.67
    expect(row).to_contain_text("3.7")
    expect(row.locator("td").nth(5)).to_have_text("1 / 1")
    ui.check("ranking")
    row.get_by_role("link", name=application.title).click()
    page.get_by_label("reasons (optional)").fill("Welcome to the programme, Silesia!")
    ui.check("application-office-decision")
    page.get_by_role("button", name="Accept the application").click()
    success(page, "The application was accepted")
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED
    event = application.created_event
    assert event is not None and event.status == Event.Status.DRAFT
    assert EventOrganiser.objects.filter(
        event=event, organisation=people["cluster"], role=EventOrganiser.Role.COHOST
    ).exists()
    expect(page.get_by_role("link", name="Open the draft event")).to_be_visible()
    ui.check("application-office-accepted")
    # The office opens and manages the draft it created (no 403): named like the other
    # editions, its dates empty until set.
    page.get_by_role("link", name="Open the draft event").click()
    expect(page).to_have_url(re.compile(f"/events/{event.slug}/manage/$"))
    expect(page.locator("h1")).to_contain_text("Clusters meet Regions: Katowice")
    expect(page.locator("#id_starts_on")).to_have_value("")
    expect(page.locator("main .meta").first).to_contain_text("dates not set")
    ui.check("draft-event-office")
    page.locator("main .manage-nav").get_by_role("link", name="Agenda").click()
    expect(page.locator("main")).to_contain_text("The event's dates are not set yet.")
    ui.check("draft-agenda-office")
    assert any(applicant.email in message.to for message in mail.outbox)

    # --- The applicant sees the decision and opens the draft event they co-host. --------------
    page = log_in(ui, applicant, "/calls/mine/")
    row = page.locator("main table tbody tr").filter(has_text=application.title)
    expect(row).to_contain_text("Accepted")
    ui.check("my-applications-accepted")
    row.get_by_role("link", name=application.title).click()
    decision = page.locator("section").filter(
        has=page.get_by_role("heading", name="Decision", exact=True)
    )
    expect(decision).to_contain_text("Welcome to the programme, Silesia!")
    ui.check("application-accepted")
    decision.get_by_role("link", name=re.compile("Open the draft event")).click()
    expect(page).to_have_url(re.compile(f"/events/{event.slug}/manage/$"))
    expect(page.locator("#id_starts_on")).to_have_value("")
    expect(page.locator("#id_ends_on")).to_have_value("")
    expect(page.locator("h1")).to_contain_text("Clusters meet Regions: Katowice")
    expect(page.locator("#id_time_zone")).to_have_value("Europe/Warsaw")
    assert squeeze(page.locator("#id_venue option:checked").inner_text()).startswith(
        "International Congress Centre"
    )
    expect(page.get_by_role("checkbox", name="Energy-intensive industries")).to_be_checked()
    # The new co-host can check the host region and city the application filled in.
    assert (event.region, event.city) == (people["region"], "Katowice")
    place = page.locator("main dl.facts")
    expect(place).to_contain_text(people["region"].name)
    expect(place).to_contain_text(f"NUTS {people['region'].code}")
    expect(place).to_contain_text("Katowice")
    ui.check("draft-event-manage")
